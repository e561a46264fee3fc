"""View results cached across reruns and sessions, keyed by the data files' signature and the filters.

Every view that holds words (a chart, cards, a table with headers) is keyed by the language too.

Building an Altair chart costs tens of milliseconds whatever the data; a region or year seen once is
then served from memory. The values are shared, never modified.

The cached functions here and in app/loading.py, app/mapoptions.py and app/coverage.py are called with keyword
arguments: Streamlit 1.67 finds a positional argument's name with ``inspect.signature``, once per argument on every
call (about a tenth of a map page's run in bench/run.py's profile); a keyword's name it has.
"""

import pandas as pd
import streamlit as st

from app import loading
from turnover import profile
from turnover.aggregate import both_sides, map_figures, ranking, region_series
from turnover.charts import Framed, ranking_chart, series_chart
from turnover.extents import Extent
from turnover.maps import altair_map
from turnover.provenance import provenance_table
from turnover.top_groups import top_groups
from turnover.texts import tables


@st.cache_resource(max_entries=256, show_spinner=False)
def _year_ranking(*, _data, signature: str, year: int, flow: str, lang: str) -> pd.DataFrame:
    return ranking(_data.for_year(year), year, flow)


def map_table(year: int, flow: str, bounds: bool, tolerance: int, lang: str) -> pd.DataFrame:
    """What the map and the ranking draw (aggregate.map_figures), its words in ``lang``."""
    data, signature = loading.loaded(lang)
    return _map_table(_data=data, signature=signature, year=year, flow=flow, bounds=bounds, tolerance=tolerance, lang=lang)


@st.cache_resource(max_entries=256, show_spinner=False)
def _map_table(*, _data, signature: str, year: int, flow: str, bounds: bool, tolerance: int, lang: str) -> pd.DataFrame:
    figures = pd.concat([_data.for_year(y) for y in range(year - tolerance, year + 1)])
    return map_figures(figures, year, flow, bounds, tolerance)


def year_groups(year: int, flow: str, lang: str) -> pd.DataFrame:
    """The year's published top groups for ``flow`` (top_groups.top_groups)."""
    data, signature = loading.loaded(lang)
    return _year_groups(_data=data, signature=signature, year=year, flow=flow, lang=lang)


@st.cache_resource(max_entries=256, show_spinner=False)
def _year_groups(*, _data, signature: str, year: int, flow: str, lang: str) -> pd.DataFrame:
    return top_groups(_data.ranks, _data.sources, year, flow)


def ranking_view(year: int, flow: str, bounds: bool, tolerance: int, lang: str) -> Framed:
    data, signature = loading.loaded(lang)
    return _ranking_view(_data=data, signature=signature, year=year, flow=flow, bounds=bounds, tolerance=tolerance, lang=lang)


@st.cache_resource(max_entries=256, show_spinner=False)
def _ranking_view(*, _data, signature: str, year: int, flow: str, bounds: bool, tolerance: int, lang: str) -> Framed:
    return ranking_chart(_map_table(_data=_data, signature=signature, year=year, flow=flow, bounds=bounds, tolerance=tolerance, lang=lang), year, flow, lang=lang, since=year - tolerance)


def map_view(collection: dict, year: int, flow: str, bounds: bool, tolerance: int, extent_name: str, extent: Extent, lang: str) -> Framed:
    data, signature = loading.loaded(lang)
    return _map_view(_data=data, _collection=collection, signature=signature, year=year, flow=flow, bounds=bounds, tolerance=tolerance, extent_name=extent_name, _extent=extent, lang=lang)


@st.cache_resource(max_entries=128, show_spinner=False)  # every year in both languages (app/prewarm.py), and room for other options
def _map_view(*, _data, _collection: dict, signature: str, year: int, flow: str, bounds: bool, tolerance: int, extent_name: str, _extent: Extent, lang: str) -> Framed:
    table = _map_table(_data=_data, signature=signature, year=year, flow=flow, bounds=bounds, tolerance=tolerance, lang=lang)
    return altair_map(_collection, table, year, flow, extent=_extent, lang=lang, since=year - tolerance, groups=_year_groups(_data=_data, signature=signature, year=year, flow=flow, lang=lang))


def map_page_views(collection: dict, year: int, flow: str, bounds: bool, tolerance: int, extent_name: str, extent: Extent, lang: str) -> list[Framed]:
    """Build (or find) the cached views the map page draws for these filters, through the functions the page calls
    (app/prewarm.py: Streamlit keys a cached call on its keyword arguments in the order given); its charts."""
    charts = [map_view(collection, year, flow, bounds, tolerance, extent_name, extent, lang)]
    if not map_table(year, flow, bounds, tolerance, lang).empty:
        charts.append(ranking_view(year, flow, bounds, tolerance, lang))
    year_groups(year, flow, lang)
    return charts


def region_view(region: str, flow: str, year: int, lang: str) -> tuple[profile.Summary, Framed | None, pd.DataFrame]:
    """Key figures for the year, the series chart (None without figures) and the table of every figure with its source.

    The table does not depend on the year, so it is cached per region and flow; the chart labels the
    selected year's value, so it is cached per year too (a few tens of milliseconds once per year seen).
    """
    data, signature = loading.loaded(lang)
    return (
        _region_cards(_data=data, signature=signature, region=region, flow=flow, year=year, lang=lang),
        _region_chart(_data=data, signature=signature, region=region, flow=flow, year=year, lang=lang),
        _region_table(_data=data, signature=signature, region=region, lang=lang),
    )


@st.cache_resource(max_entries=2048, show_spinner=False)
def _region_chart(*, _data, signature: str, region: str, flow: str, year: int, lang: str) -> Framed | None:
    figures = _data.for_region(region)
    series = region_series(figures, region, flow)
    return None if series.empty else series_chart(series, _data.registry.name(region, lang), flow, selected_year=year, lang=lang, counterparts=both_sides(figures, region, flow))


@st.cache_resource(max_entries=512, show_spinner=False)
def _region_table(*, _data, signature: str, region: str, lang: str) -> pd.DataFrame:
    return provenance_table(_data.for_region(region), lang).drop(columns=tables.provenance_headers(lang)["region"])


@st.cache_resource(max_entries=2048, show_spinner=False)
def _region_cards(*, _data, signature: str, region: str, flow: str, year: int, lang: str) -> profile.Summary:
    return profile.key_figures(
        _data.for_region(region),
        _year_ranking(_data=_data, signature=signature, year=year, flow=flow, lang=lang),
        region,
        flow,
        year,
        lang,
        ranking_of=lambda other: _year_ranking(_data=_data, signature=signature, year=other, flow=flow, lang=lang),
        published=_data.published_ranks_of(region),
    )
