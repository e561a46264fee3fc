"""Every year's map page built in the background once a data set is loaded, so that a first visit to a year costs
what a repeated one does.

A year's map, ranking and table take 60–100 ms of the server the first time anyone opens that year and 25 ms
once built (bench/run.py, year changes on the map). After the data set loads, one thread per data set builds the
map page's views of every year with the default options and flow, in the loading session's language and then in
the others, newest year first — about 50 views, two seconds of work on the shipped data. It waits ``DELAY``
seconds first (the first page is drawn before), pauses ``PAUSE`` between views (a user's own run takes the
interpreter lock in between) and stops after ``BUDGET`` seconds (a million-figure set is not built in full).
Off with ``TURNOVER_PREWARM=0`` (the AppTest suite: a thread per test data set).
"""

import os
import threading
import time

import streamlit as st

from app import loading, mapoptions, memo
from app.timing import timed_run
from turnover.boundaries import BoundaryError
from turnover.i18n import LANGUAGES
from turnover.urlstate import DEFAULT_FLOW, MapOptions

DELAY = 3.0  # s after the first run that loaded the data set
PAUSE = 0.01  # s between two views
BUDGET = 60.0  # s of wall time at most


def enabled() -> bool:
    return os.environ.get("TURNOVER_PREWARM", "1").strip().lower() not in ("0", "false", "no", "off")


def order(years: list[int], lang: str) -> list[tuple[str, int]]:
    """The (language, year) views to build: ``lang``'s first, then the other languages', each newest year first."""
    languages = [lang, *[other for other in LANGUAGES if other != lang]]
    return [(language, year) for language in languages for year in sorted(years, reverse=True)]


def start(lang: str) -> threading.Thread | None:
    """Start building the loaded data set's map pages (once per data set; no-op when off)."""
    if not enabled():
        return None
    data, signature = loading.loaded(lang)
    return _started(_data=data, signature=signature, _lang=lang)


@st.cache_resource(max_entries=2, show_spinner=False)
def _started(*, _data, signature: tuple, _lang: str) -> threading.Thread:  # once per data set, in its first session's language
    thread = threading.Thread(target=_build, args=(order(_data.years, _lang),), name="turnover-prewarm", daemon=True)
    thread.start()
    return thread


def _build(views: list[tuple[str, int]]) -> None:
    """Build the views through the page's own cached functions (the data set of the files as they are now)."""
    time.sleep(DELAY)
    with timed_run() as run:  # logged as a run of the page "prewarm" for bench/run.py
        run["page"] = "prewarm"
        try:
            collection = loading.boundaries(mapoptions.BOUNDARIES)
        except BoundaryError:  # the page says so; nothing to build
            return
        options = MapOptions()
        extent = mapoptions.extent(mapoptions.BOUNDARIES, collection, options.extent)
        deadline = time.monotonic() + BUDGET
        for lang, year in views:
            if time.monotonic() > deadline:
                return
            memo.map_page_views(collection, year, DEFAULT_FLOW, options.bounds, options.tolerance, options.extent, extent, lang)
            time.sleep(PAUSE)
