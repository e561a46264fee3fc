"""Map: the year's full-year figures by Russian region, a static and an interactive map, and the ranking."""

import streamlit as st
from streamlit_folium import st_folium

from app import briefing, filters, loading, memo, slide
from app.widgets import chart_with_downloads, plain, strong
from turnover.boundaries import BoundaryError
from turnover.maps import clicked_region, folium_map, legend_spec
from turnover.texts import pages

data = loading.dataset()
chosen = filters.current()
table = memo.year_ranking(chosen.year, chosen.flow)

st.title(pages.map_title(chosen.year))
strong(pages.map_heading(chosen.flow, chosen.year))
st.caption(plain(pages.map_caption(chosen.year, len(table))))

try:
    overview = loading.boundaries("regions-overview.geojson")  # both maps draw the coarser copy (geo/SOURCES.md)
except BoundaryError as error:
    overview = None
    st.error(plain(pages.map_unavailable(str(error))))

styles = pages.map_styles()
map_column, ranking_column = st.columns([3, 2], gap="medium")
with map_column:
    if overview is not None:
        style = styles["static"]
        if not briefing.active():  # briefing view draws no widget: the static map, which is the one that exports
            style = st.segmented_control(
                pages.map_style_label(), list(styles.values()), key="map_style", default=styles["static"],
                label_visibility="collapsed", help=pages.map_style_help(),
            )
        if style == styles["interactive"]:
            st.vega_lite_chart(legend_spec(table, chosen.flow), theme=None, width="stretch")
            returned = st_folium(
                folium_map(overview, table),
                key=f"folium_{chosen.year}_{chosen.flow}",
                height=520,
                use_container_width=True,
                returned_objects=["last_active_drawing"],
            )
            region = clicked_region(returned, data.registry.table.index, st.session_state.get("map_click_seen"))
            if region:
                st.session_state.map_click_seen = region
                st.session_state.pending_region = region
                st.switch_page("views/region.py")
        else:
            chart_with_downloads(memo.map_view(overview, chosen.year, chosen.flow), f"map {chosen.flow} {chosen.year}", "map")
        if not table.empty:
            slide.map_button(memo.map_view(overview, chosen.year, chosen.flow), table, chosen)
with ranking_column:
    if table.empty:
        st.info(pages.no_full_year(chosen.year))
    else:
        chart_with_downloads(memo.ranking_view(chosen.year, chosen.flow), f"ranking {chosen.flow} {chosen.year}", "ranking")
