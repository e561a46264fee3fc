"""Map: the year's full-year figures by Russian region, a static and an interactive map, and the ranking."""

import streamlit as st
from streamlit_folium import st_folium

from app import memo, state
from app.widgets import chart_with_downloads, plain
from turnover.boundaries import BoundaryError
from turnover.maps import folium_map, legend_spec
from turnover.vocabulary import FLOW_LABELS

data = state.dataset()
filters = state.current_filters()
table = memo.year_ranking(filters.year, filters.flow)

st.title(f"Belarus and the regions of Russia, {filters.year}")
st.markdown(f"**{FLOW_LABELS[filters.flow]}**, full year {filters.year}")
st.caption(
    f"Full year {filters.year}: {len(table)} Russian regions with a published figure; grey regions have none (not zero). "
    "Partial-year figures are never mapped or ranked as full years; they are on each region's profile. "
    "Crimea and Sevastopol (ISO UA-43, UA-40) are drawn neutral and carry no figures: the data covers "
    "Russia's internationally recognised regions."
)

try:
    overview = state.boundaries("regions-overview.geojson")  # both maps draw the coarser copy (geo/SOURCES.md)
except BoundaryError as error:
    overview = None
    st.error(plain(f"The map cannot be drawn: {error}.") + " The ranking, profiles and sources still work.")

map_column, ranking_column = st.columns([3, 2], gap="medium")
with map_column:
    if overview is not None:
        style = st.segmented_control(
            "Map", ["Static map", "Interactive map"], key="map_style", default="Static map", label_visibility="collapsed",
            help="The static map exports to PNG/SVG; the interactive one zooms, shows a region on hover and opens its profile on a click.",
        )
        if style == "Interactive map":
            st.vega_lite_chart(legend_spec(table, filters.flow), theme=None, width="stretch")
            clicked = st_folium(
                folium_map(overview, table),
                key=f"folium_{filters.year}_{filters.flow}",
                height=520,
                use_container_width=True,
                returned_objects=["last_active_drawing"],
            )
            feature = (clicked or {}).get("last_active_drawing") or {}
            region = (feature.get("properties") or {}).get("id")
            if region and region != st.session_state.get("map_click_seen") and region in data.registry.table.index:
                st.session_state.map_click_seen = region
                st.session_state.pending_region = region
                st.switch_page("views/region.py")
        else:
            chart_with_downloads(memo.map_view(overview, filters.year, filters.flow), f"map {filters.flow} {filters.year}", "map")
with ranking_column:
    if table.empty:
        st.info(f"No full-year figures for {filters.year}. Choose another year in the sidebar.")
    else:
        chart_with_downloads(memo.ranking_view(filters.year, filters.flow), f"ranking {filters.flow} {filters.year}", "ranking")
