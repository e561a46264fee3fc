"""Map: the year's figures by Russian region, a static and an interactive map, and the ranking."""

from dataclasses import replace

import streamlit as st
from streamlit_folium import st_folium

from app import briefing, filters, loading, mapoptions, memo, slide
from app.widgets import chart_with_downloads, plain, strong
from turnover.boundaries import BoundaryError
from turnover.maps import clicked_region, folium_map, legend_spec
from turnover.texts import charts, pages
from turnover.top_groups import group_statements

chosen = filters.current()
lang = chosen.lang
data = loading.dataset(lang)
files = pages.file_names(chosen.flow, chosen.year, lang)
options = mapoptions.chosen()
for notice in mapoptions.notices(options, lang):
    st.warning(plain(notice))

st.title(pages.map_title(chosen.year, lang))
strong(pages.map_heading(chosen.flow, chosen.year, lang))
if not briefing.active():  # briefing view draws no widget: the static map, which is the one that exports
    options = mapoptions.controls(options, lang)
else:
    options = replace(options, style="static")
mapoptions.keep(options)
table = memo.map_table(chosen.year, chosen.flow, options.bounds, options.tolerance, lang)
groups = memo.year_groups(chosen.year, chosen.flow, lang)
st.caption(plain(pages.map_caption(chosen.year, int((table["basis"] == "full").sum()), lang)))
if options.tolerance:
    st.caption(plain(pages.map_years_caption(list(table["year"].value_counts().sort_index(ascending=False).items()), lang)))
bounded = int((table["basis"] == "bound").sum())
if bounded:
    st.caption(plain(pages.map_bounds_caption(bounded, chosen.year, lang)))

try:
    overview = loading.boundaries(mapoptions.BOUNDARIES)
except BoundaryError as error:
    overview = None
    st.error(plain(pages.map_unavailable(error.in_language(lang), lang)))

map_column, ranking_column = st.columns([3, 2], gap="medium")
with map_column:
    if overview is not None:
        extent = mapoptions.extent(mapoptions.BOUNDARIES, overview, options.extent)
        if options.style == "interactive":
            st.vega_lite_chart(legend_spec(table, chosen.flow, lang), theme=None, width="stretch")
            visit = st.session_state.get("map_visit", 0)  # a new map after each profile visit: no stale click
            returned = st_folium(
                folium_map(overview, table, extent, lang, year=chosen.year, groups=groups, flow=chosen.flow),
                key=f"folium_{chosen.year}_{chosen.flow}_{options.bounds}_{options.tolerance}_{options.extent}_{lang}_{visit}",
                height=520,
                use_container_width=True,
                returned_objects=["last_active_drawing"],
            )
            region = clicked_region(returned, data.regions)
            if region:
                st.session_state.map_visit = visit + 1
                st.session_state.pending_region = region
                st.switch_page("views/region.py")
        map_chart = memo.map_view(overview, chosen.year, chosen.flow, options.bounds, options.tolerance, options.extent, extent, lang)
        if options.style != "interactive":
            chart_with_downloads(map_chart, files["map"], "map", lang)
        if not table.empty:
            slide.map_button(map_chart, table, chosen)
with ranking_column:
    if table.empty:
        st.info(pages.no_full_year(chosen.year, lang))
    else:
        chart_with_downloads(memo.ranking_view(chosen.year, chosen.flow, options.bounds, options.tolerance, lang), files["ranking"], "ranking", lang)
    for row in group_statements(groups).itertuples():
        st.caption(plain(charts.group_share_caption(int(row.top), chosen.flow, row.group_share_pct, row.group_share_qualifier, chosen.year, row.publisher, row.published, lang)))
