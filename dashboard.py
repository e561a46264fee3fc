"""Entry point: page config, the shared filters, navigation. Run with `make run`.

The page scripts live in views/, not pages/: Streamlit gives a folder named pages/ beside the entry
script its legacy multipage meaning until st.navigation first runs, and then a first request for a
sub-page (/region) ran that page alone, without this script's filters (seen with Streamlit 1.67).
"""

import streamlit as st

from app import state
from app.timing import timed_run
from turnover import paths
from app.widgets import plain, show_data_problems, show_notices
from turnover.problems import no_figures_message

st.set_page_config(page_title="Belarus – Russian regions: trade", page_icon="static/favicon.png", layout="wide")

with timed_run() as run:  # off unless TURNOVER_TIMING_LOG is set (bench/run.py)
    data = state.dataset()
    if data.figures.empty:  # nothing usable: say why instead of drawing empty pages
        st.error(plain(no_figures_message(paths.data_dir())))
        show_data_problems(data.problems, expanded=True)
        st.stop()
    filters, notices = state.sidebar_filters(data)
    state.apply_briefing_mode(filters)

    pages = [
        st.Page("views/map.py", title="Map", icon=":material/map:", url_path="", default=True),
        st.Page("views/region.py", title="Region profile", icon=":material/monitoring:", url_path="region"),
        st.Page("views/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page("views/sources.py", title="Sources and data", icon=":material/menu_book:", url_path="sources"),
    ]
    if paths.curation_enabled():
        pages.append(st.Page("views/curate.py", title="Curate", icon=":material/edit_note:", url_path="curate"))
    page = st.navigation(pages, position="hidden" if filters.briefing else "sidebar")
    if not filters.briefing:
        show_notices(notices)
        show_data_problems(data.problems)
        st.sidebar.caption(f"{len(data.figures)} published figures, {len(data.regions)} regions, {len(data.sources)} sources.")
    run["page"] = page.url_path or "map"
    page.run()
    state.leave_briefing_button()
