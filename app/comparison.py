"""The compare page's regions: kept for the whole session and in the address (``?compare=RU-SMO,RU-MOW``).

The choice is seeded once from the link (read with the other filters on the session's first run), else
from the default comparison; it then survives changes of region, year and flow and visits to other pages,
and every run of the compare page writes it back to the address.
"""

import streamlit as st

from app import briefing
from turnover.dataset import Dataset
from turnover.texts import pages
from turnover.urlstate import MAX_COMPARED

WIDGET = "compare_regions"
KEPT = "compare_kept"  # outlives the widget, whose state Streamlit drops on a page that does not draw it


def compared_regions(data: Dataset, default: list[str], lang: str) -> list[str]:
    """The regions to compare: the session's choice, the link's, or ``default``; a multiselect outside briefing view."""
    state = st.session_state
    picked = state.get(KEPT)
    if picked is None:
        picked = state.get("compare_link")
    if picked is None:
        picked = default[:MAX_COMPARED]
    if not briefing.active():  # briefing view draws no widget
        if WIDGET not in state:
            state[WIDGET] = picked
        picked = st.multiselect(pages.regions_label(lang), data.federal_subjects, key=WIDGET, format_func=lambda rid: data.registry.name(rid, lang), placeholder=pages.regions_placeholder(lang), max_selections=MAX_COMPARED)
    state[KEPT] = picked
    st.query_params["compare"] = ",".join(picked)
    return picked
