"""Entry point: page config, the shared filters, navigation. Run with `make run`."""

import streamlit as st

from app import state
from turnover import paths
from app.widgets import show_data_problems, show_notices

st.set_page_config(page_title="Belarus – Russian regions: trade", page_icon="static/favicon.png", layout="wide")

data = state.dataset()
filters, notices = state.sidebar_filters(data)
state.apply_briefing_mode(filters)

pages = [
    st.Page("pages/map.py", title="Map", icon=":material/map:", url_path="", default=True),
    st.Page("pages/region.py", title="Region profile", icon=":material/monitoring:", url_path="region"),
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
    st.Page("pages/sources.py", title="Sources and data", icon=":material/menu_book:", url_path="sources"),
]
if paths.curation_enabled():
    pages.append(st.Page("pages/curate.py", title="Curate", icon=":material/edit_note:", url_path="curate"))
page = st.navigation(pages, position="hidden" if filters.briefing else "sidebar")
if not filters.briefing:
    show_notices(notices)
    show_data_problems(data.problems)
    st.sidebar.caption(f"{len(data.figures)} published figures, {data.figures['region'].nunique()} regions, {len(data.sources)} sources.")
page.run()
state.leave_briefing_button()
