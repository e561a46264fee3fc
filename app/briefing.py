"""Briefing view (``?briefing=1``): titles, charts, period labels and source lines, and no widget but a way back."""

import streamlit as st

from app import filters
from turnover.texts import pages

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stElementToolbar"] {display: none !important;}
/* one screen at 1366 x 768 and up: little padding, a compact title, the way back in the corner */
.block-container {padding: 0.75rem 2rem 0.5rem !important;}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {gap: 0.5rem;}
.st-key-leave_briefing {position: fixed; top: 0.25rem; right: 1rem; width: auto !important; z-index: 999990;}
[data-testid="stMainBlockContainer"] h1 {font-size: 2rem; padding: 0 0 0.25rem;}
[data-testid="stMetric"] {padding: 0.4rem 0.75rem !important;}
[data-testid="stMetricValue"] {font-size: 1.6rem;}
/* a phone: room for the way back above the title; a chart wider than the screen (the coverage grid) scrolls in its own box */
@media (max-width: 640px) {
  .block-container {padding: 2.25rem 1rem 0.5rem !important;}
  [data-testid="stMainBlockContainer"] h1 {font-size: 1.6rem;}
  [data-testid="stElementContainer"]:has([data-testid="stVegaLiteChart"]) {overflow-x: auto;}
}
</style>
"""


def active() -> bool:
    """Pages ask this before drawing any input widget or button: in briefing view they draw none."""
    return filters.current().briefing


def apply() -> None:
    """In briefing view, hide the sidebar and menus (fixed CSS, no data in it) and offer the one way back."""
    if not active():
        return
    st.markdown(CSS, unsafe_allow_html=True)
    st.button(pages.leave_briefing(filters.current().lang), key="leave_briefing", on_click=_leave, type="tertiary")


def _leave() -> None:
    st.session_state.briefing = False
