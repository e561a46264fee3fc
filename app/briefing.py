"""Briefing view (``?briefing=1``): titles, charts, period labels and source lines, and no widget but a way back."""

import streamlit as st

from app import filters
from turnover.texts import pages

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stElementToolbar"] {display: none !important;}
.block-container {padding-top: 1.5rem !important;}
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
    st.button(pages.leave_briefing(), key="leave_briefing", on_click=_leave, type="tertiary")


def _leave() -> None:
    st.session_state.briefing = False
