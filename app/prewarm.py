"""The map page of every year and the profile of every region, built in the background once a data set is loaded,
so that a first visit costs what a repeated one does.

A year's map, ranking and table take 40–100 ms of the server the first time anyone opens that year, a region's
cards, chart and table 30–50 ms, and 20–30 ms once built (bench/run.py). After the data set loads, one thread per
data set builds, through the pages' own cached functions (and their charts' data as the Arrow the page sends): the
map page of every year with the default options and flow, newest first, then the profile of every region (of up to
``MOST_FIGURES`` figures) for the year a session opens on, in the loading session's language and then in the others
— on the shipped data about 250 views in a few seconds. It waits ``DELAY`` seconds first (the first page is drawn
before), pauses ``PAUSE`` between views (a user's own run takes the interpreter lock in between) and stops after
``BUDGET`` seconds; a data set of more than ``MOST_DATA_FIGURES`` figures is not built ahead (its views and every
language's words would take gigabytes). Off with ``TURNOVER_PREWARM=0`` (the page tests: a thread per test data set).
"""

import os
import threading
import time

import streamlit as st

from app import filters, loading, mapoptions, memo, widgets
from app.timing import timed_run
from turnover.boundaries import BoundaryError
from turnover.i18n import LANGUAGES
from turnover.urlstate import DEFAULT_FLOW, MapOptions

DELAY = 3.0  # s after the first run that loaded the data set
PAUSE = 0.01  # s between two views
BUDGET = 60.0  # s of wall time at most
MOST_FIGURES = 1000  # a region's profile is built ahead only up to this many figures (a synthetic region's 12,000 hold megabytes a view)
MOST_DATA_FIGURES = 100_000  # a larger data set is not built ahead: at a million figures the build took 2.2 GB (240 MB with the maps alone)


def enabled() -> bool:
    return os.environ.get("TURNOVER_PREWARM", "1").strip().lower() not in ("0", "false", "no", "off")


def order(years: list[int], regions: list[str], lang: str) -> list[tuple[str, str, int | str]]:
    """The views to build, as (page, language, year or region): in ``lang`` first, then the other languages; in each,
    the map of every year, newest first, then the profile of every region in the given order."""
    languages = [lang, *[other for other in LANGUAGES if other != lang]]
    return [view for language in languages for view in [*(("map", language, year) for year in sorted(years, reverse=True)), *(("region", language, region) for region in regions)]]


def start(lang: str) -> threading.Thread | None:
    """Start building the loaded data set's pages (once per data set; nothing when off or for a large data set)."""
    if not enabled():
        return None
    data, signature = loading.loaded(lang)
    if len(data.figures) > MOST_DATA_FIGURES:
        return None
    return _started(_data=data, signature=signature, _lang=lang)


@st.cache_resource(max_entries=2, show_spinner=False)
def _started(*, _data, signature: str, _lang: str) -> threading.Thread:  # once per data set, in its first session's language
    views = order(_data.years, [region for region in _data.regions if len(_data.for_region(region)) <= MOST_FIGURES], _lang)
    thread = threading.Thread(target=_build, args=(views, filters.opening_year(_data)), name="turnover-prewarm", daemon=True)
    thread.start()
    return thread


def _build(views: list[tuple[str, str, int | str]], year: int) -> None:
    """Build the views through the pages' own cached functions, for the data files as they are when it starts."""
    time.sleep(DELAY)
    with timed_run() as run:  # logged as a run of the page "prewarm" for bench/run.py
        run["page"] = "prewarm"
        loading.start_run()  # one signature for the whole build, as for a script run
        try:
            collection = loading.boundaries(mapoptions.BOUNDARIES)
        except BoundaryError:  # the map page says so; its views are not built
            collection = None
        options = MapOptions()
        extent = mapoptions.extent(mapoptions.BOUNDARIES, collection, options.extent) if collection is not None else None
        deadline = time.monotonic() + BUDGET
        for page, lang, which in views:
            if time.monotonic() > deadline:
                return
            try:
                _build_view(page, lang, which, year, collection, options, extent)
            except Exception:  # noqa: BLE001 - ahead of time only: a view that fails fails on its own page, where it is reported
                pass
            time.sleep(PAUSE)


def _build_view(page: str, lang: str, which: int | str, year: int, collection: dict | None, options: MapOptions, extent) -> None:
    charts = []
    if page == "region":
        _, chart, table = memo.region_view(which, DEFAULT_FLOW, year, lang)
        charts = [chart] if chart is not None else []
        widgets.arrow_table(table)
    elif collection is not None:
        charts = memo.map_page_views(collection, which, DEFAULT_FLOW, options.bounds, options.tolerance, options.extent, extent, lang)
    for chart in charts:
        widgets.page_spec(chart)  # the chart's data as the Arrow bytes the page sends
