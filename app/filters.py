"""The shared filters: sidebar widgets kept in the page address.

The filters are read from the address once per browser session, then the sidebar widgets own them and
every run writes them back to the address, so a copied link always reproduces the view. The language
switch is drawn last (below the filters), but its value is read from the session first: every label of
the run is in the language it gives.
"""

import streamlit as st

from app import notices
from turnover.dataset import Dataset
from turnover.texts import labels, pages
from turnover.i18n import LANGUAGES
from turnover.urlstate import Filters, default_year, parse_compare, parse_filters
from turnover.vocabulary import FLOWS


def sidebar(data: Dataset) -> Filters:
    """Region, year and flow in the sidebar, seeded from the URL on the session's first run."""
    regions, years = data.regions, data.years
    state = st.session_state
    if "chosen_filters" not in state:  # the session's first run: the address decides
        params = st.query_params.to_dict()
        parsed, found = parse_filters(params, data.registry, regions, years, opening_year(data))
        state.compare_link, compare_notices = parse_compare(params, data.federal_subjects, parsed.lang)  # read by app/comparison.py
        state.chosen_filters = parsed
        notices.remember(found + compare_notices, parsed)
    chosen = state.chosen_filters
    if "pending_region" in state:  # a click on the map chose this region: set before the widget is drawn
        state.region = state.pop("pending_region")
    # Keyed widgets keep one identity whatever their options (Streamlit 1.67), so a quick second choice
    # is never lost; the index only seeds a widget the session has not drawn yet. Their values are not
    # written through session state on the first run (a fresh server then reset them to the first option).
    names = pages.language_names()
    with st.sidebar:
        lang = state.get("lang", chosen.lang)  # a click on the switch is in the state before the run starts
        label = pages.filter_labels(lang)
        flows = labels.flow_labels(lang)
        region = st.selectbox(label["region"], regions, index=_position(regions, chosen.region), key="region", format_func=lambda rid: pages.region_option(data.registry.name(rid, lang), rid, lang))
        year = st.selectbox(label["year"], years, index=_position(years, chosen.year), key="year")
        flow = st.radio(label["flow"], FLOWS, index=_position(list(FLOWS), chosen.flow), key="flow", format_func=flows.get)
        briefing = st.toggle(label["briefing"], value=chosen.briefing, key="briefing", help=pages.briefing_help(lang))
        switched = st.radio(pages.language_label(lang), LANGUAGES, index=_position(list(LANGUAGES), chosen.lang), key="lang", format_func=names.get, horizontal=True)
    filters = Filters(region, int(year), flow, bool(briefing), switched)
    state.chosen_filters = filters
    st.query_params.from_dict(filters.as_params())
    return filters


def opening_year(data: Dataset) -> int:
    """The year a session opens on when its link names none (urlstate.default_year)."""
    return default_year(data.subjects_per_year or {data.years[0]: 1})


def current() -> Filters:
    return st.session_state.chosen_filters


def _position(options: list, value) -> int:
    return options.index(value) if value in options else 0
