"""The Coverage page's grid, chart and counts, cached across reruns and sessions like the other views (app/memo.py)."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from app import loading
from turnover import coverage
from turnover.charts import Framed
from turnover.coverage_chart import coverage_chart


@dataclass(frozen=True)
class CoverageView:
    cells: pd.DataFrame  # one row per region and year (empty when nothing is published for the flow)
    chart: Framed | None
    by_year: pd.DataFrame
    by_district: pd.DataFrame


def coverage_view(flow: str, order: str, lang: str) -> CoverageView:
    """The grid of ``flow``; its cells link to profiles beside the address the browser uses (absolute, so exports keep them)."""
    data, signature = loading.loaded(lang)
    return _coverage_view(_data=data, signature=signature, flow=flow, order=order, page_url=st.context.url or "", lang=lang)


@st.cache_resource(max_entries=16, show_spinner=False)
def _coverage_view(*, _data, signature: str, flow: str, order: str, page_url: str, lang: str) -> CoverageView:
    cells = coverage.grid(_data.figures, _data.ranks, _data.registry, flow, lang)
    if cells.empty:
        return CoverageView(cells, None, cells, cells)
    figures, ranks = coverage.figure_count(_data.figures, flow), coverage.rank_count(_data.ranks, _data.registry, flow)
    chart = coverage_chart(coverage.ordered(cells, order), flow, figures, ranks, (set(_data.regions), set(_data.years)), order, page_url, lang)
    return CoverageView(cells, chart, coverage.counts_table(cells, "year", lang), coverage.counts_table(cells, "district", lang))
