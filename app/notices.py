"""Notices about a link that could not be followed ("Unknown region 'RU-NOPE'…").

A notice explains the view the link led to, so it lasts only while the filters are the ones the link
gave: once the user changes a filter, it is gone for the rest of the session.
"""

import streamlit as st

from turnover.urlstate import Filters

KEY = "link_notices"


def remember(notices: list[str], filters: Filters) -> None:
    """Keep the notices of the session's first run with the filters they explain."""
    st.session_state[KEY] = (filters, notices)


def current(filters: Filters) -> list[str]:
    """The notices still true of ``filters``; forgotten for good once the filters differ."""
    explained, notices = st.session_state.get(KEY, (None, []))
    if notices and filters != explained:
        st.session_state[KEY] = (explained, [])
        return []
    return notices
