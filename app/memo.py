"""View results cached across reruns and sessions, keyed by the data files' signature and the filters.

Building an Altair chart costs tens of milliseconds whatever the data; a region or year seen once is
then served from memory. The values are shared, never modified.
"""

import pandas as pd
import streamlit as st

from app import loading
from turnover import profile
from turnover.aggregate import both_sides, ranking, region_series
from turnover.charts import Framed, ranking_chart, series_chart
from turnover.maps import altair_map
from turnover.provenance import provenance_table
from turnover.texts import tables


def year_ranking(year: int, flow: str) -> pd.DataFrame:
    data, signature = loading.loaded()
    return _year_ranking(data, signature, year, flow)


@st.cache_resource(max_entries=256, show_spinner=False)
def _year_ranking(_data, signature: tuple, year: int, flow: str) -> pd.DataFrame:
    return ranking(_data.for_year(year), year, flow)


def ranking_view(year: int, flow: str) -> Framed:
    data, signature = loading.loaded()
    return _ranking_view(data, signature, year, flow)


@st.cache_resource(max_entries=256, show_spinner=False)
def _ranking_view(_data, signature: tuple, year: int, flow: str) -> Framed:
    return ranking_chart(_year_ranking(_data, signature, year, flow), year, flow)


def map_view(collection: dict, year: int, flow: str) -> Framed:
    data, signature = loading.loaded()
    return _map_view(data, collection, signature, year, flow)


@st.cache_resource(max_entries=64, show_spinner=False)
def _map_view(_data, _collection: dict, signature: tuple, year: int, flow: str) -> Framed:
    return altair_map(_collection, _year_ranking(_data, signature, year, flow), year, flow)


def region_view(region: str, flow: str, year: int) -> tuple[profile.Summary, Framed | None, pd.DataFrame]:
    """Key figures for the year, the series chart (None without figures) and the table of every figure with its source.

    The table does not depend on the year, so it is cached per region and flow; the chart labels the
    selected year's value, so it is cached per year too (a few tens of milliseconds once per year seen).
    """
    data, signature = loading.loaded()
    return _region_cards(data, signature, region, flow, year), _region_chart(data, signature, region, flow, year), _region_table(data, signature, region)


@st.cache_resource(max_entries=2048, show_spinner=False)
def _region_chart(_data, signature: tuple, region: str, flow: str, year: int) -> Framed | None:
    figures = _data.for_region(region)
    series = region_series(figures, region, flow)
    return None if series.empty else series_chart(series, _data.registry.name(region), flow, selected_year=year, counterparts=both_sides(figures, region, flow))


@st.cache_resource(max_entries=512, show_spinner=False)
def _region_table(_data, signature: tuple, region: str) -> pd.DataFrame:
    return provenance_table(_data.for_region(region)).drop(columns=tables.provenance_headers()["region"])


@st.cache_resource(max_entries=2048, show_spinner=False)
def _region_cards(_data, signature: tuple, region: str, flow: str, year: int) -> profile.Summary:
    ranks = _data.ranks
    published = profile.published_ranks(ranks[ranks["region"] == region], _data.sources) if len(ranks) else None
    return profile.key_figures(
        _data.for_region(region),
        _year_ranking(_data, signature, year, flow),
        region,
        flow,
        year,
        ranking_of=lambda other: _year_ranking(_data, signature, other, flow),
        published=published,
    )
