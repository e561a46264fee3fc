"""Entry point: page config, the shared filters, navigation. Run with `make run`.

The page scripts live in views/, not pages/: Streamlit gives a folder named pages/ beside the entry
script its legacy multipage meaning until st.navigation first runs, and then a first request for a
sub-page (/region) ran that page alone, without this script's filters (seen with Streamlit 1.67).
"""

import streamlit as st

from app import briefing, filters, loading, mapoptions, notices, prewarm
from app.timing import timed_run
from app.widgets import document_language, page_styles, plain, show_data_problems, show_notices
from turnover import paths
from turnover.texts import pages
from turnover.texts.coverage import nav_title as coverage_title
from turnover.urlstate import parse_language

st.set_page_config(page_icon="static/favicon.png", layout="wide")

with timed_run() as run:  # off unless TURNOVER_TIMING_LOG is set (bench/run.py)
    loading.start_run()
    data = loading.dataset()
    if data.figures.empty:  # nothing usable: say why, in the link's language, instead of drawing empty pages
        link_lang = parse_language(st.query_params.to_dict())[0]
        st.set_page_config(page_title=pages.app_title(link_lang))
        st.error(plain(pages.nothing_loaded(str(paths.data_dir()), link_lang)))
        show_data_problems(data.problems, link_lang, expanded=True)
        st.stop()
    mapoptions.chosen()  # read the map's options from the address before the filters rewrite it
    chosen = filters.sidebar(data)
    lang = chosen.lang
    prewarm.start(lang)  # every year's map page and every region's profile, built in the background once per data set
    st.set_page_config(page_title=pages.app_title(lang))  # Streamlit 1.67 takes further calls: the title in the chosen language
    document_language(lang)
    briefing.apply()  # in briefing view: hides the sidebar and draws the one button, above the page
    page_styles()  # charts export only through the product's downloads, with title and source line; wide grids scroll; cards whole

    title = pages.page_titles(lang)
    views = [
        st.Page("views/map.py", title=title["map"], icon=":material/map:", url_path="", default=True),
        st.Page("views/region.py", title=title["region"], icon=":material/monitoring:", url_path="region"),
        st.Page("views/compare.py", title=title["compare"], icon=":material/compare_arrows:", url_path="compare"),
        st.Page("views/sources.py", title=title["sources"], icon=":material/menu_book:", url_path="sources"),
        st.Page("views/coverage.py", title=coverage_title(lang), icon=":material/grid_on:", url_path="coverage"),
    ]
    if paths.curation_enabled():
        views.append(st.Page("views/curate.py", title=title["curate"], icon=":material/edit_note:", url_path="curate"))
    page = st.navigation(views, position="hidden" if chosen.briefing else "sidebar")
    if not chosen.briefing:
        show_notices(notices.current(chosen))
        show_data_problems(data.problems, lang)
        st.sidebar.caption(plain(pages.data_summary(len(data.figures), len(data.regions), len(data.sources), lang)))
    run["page"] = page.url_path or "map"
    page.run()
