"""View results cached across reruns and sessions, keyed by the data files' signature and the filters.

Building an Altair chart costs tens of milliseconds whatever the data; a region or year seen once is
then served from memory. The values are shared, never modified.
"""

import pandas as pd
import streamlit as st

from app import loading
from turnover import profile
from turnover.aggregate import ranking, region_series
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

    The chart and table do not depend on the year, so they are cached per region and flow: changing the
    year on a region's page rebuilds only the key figures.
    """
    data, signature = loading.loaded()
    chart, table = _region_history(data, signature, region, flow)
    return _region_cards(data, signature, region, flow, year), chart, table


@st.cache_resource(max_entries=512, show_spinner=False)
def _region_history(_data, signature: tuple, region: str, flow: str) -> tuple[Framed | None, pd.DataFrame]:
    series = region_series(_data.for_region(region), region, flow)
    chart = None if series.empty else series_chart(series, _data.registry.name(region), flow)
    return chart, provenance_table(_data.for_region(region)).drop(columns=tables.provenance_headers()["region"])


@st.cache_resource(max_entries=2048, show_spinner=False)
def _region_cards(_data, signature: tuple, region: str, flow: str, year: int) -> profile.Summary:
    return profile.key_figures(_data.for_region(region), _year_ranking(_data, signature, year, flow), region, flow, year)
