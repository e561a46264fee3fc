"""Small page building blocks: a chart with its PNG/SVG downloads, data-problem and link notices."""

import re

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from app import briefing
from turnover.charts import Framed
from turnover.downloads import problems_table
from turnover.spreadsheet import safe_csv
from turnover.problems import errors
from turnover.exporting import chart_png, chart_svg, file_slug, slide_png
from turnover.i18n import LANGUAGES
from turnover.per_object import PerObject
from turnover.texts import pages


SHOWN_PROBLEMS = 200  # the panel lists this many; the report download has them all


def plain(text: str) -> str:
    """Text from the data shown through Markdown as literal text: every Markdown and HTML metacharacter escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(text))


def strong(text: str) -> None:
    """A line in bold (a page's sub-heading), its text shown literally."""
    st.markdown(f"**{plain(text)}**")


# Streamlit's chart toolbar offers "Download as PNG": the bare chart, without the title and source line the
# product's own downloads carry. Streamlit 1.67 filters Vega embed options, so the button is hidden by CSS.
NO_MENU_PNG = '<style>[data-testid="stElementToolbarButton"]:has(button[aria-label^="Download as PNG"]) {display: none !important;}</style>'


# The coverage grid is as wide as its years (a fixed width per cell): on a phone it scrolls sideways.
WIDE_CHARTS = '<style>.st-key-coverage_chart {overflow-x: auto !important; max-width: 100%;}</style>'


# A key figure is read whole: Streamlit cuts a long value ("более 3,4 млрд долл.") with "…" at its default 2.25rem.
CARD_VALUES = '<style>[data-testid="stMetricValue"] {font-size: 1.75rem !important;}</style>'


def page_styles() -> None:
    """Fixed CSS, drawn once per run: one export path (the chart toolbar's unattributed PNG download hidden), the wide
    grid scrolling, key figures written whole."""
    st.html(NO_MENU_PNG + WIDE_CHARTS + CARD_VALUES)


def document_language(lang: str) -> None:
    """Set the page's ``<html lang>`` after a switch in the session (app/guard.py sets it for the first request).

    A fixed script per offered language, run in the page itself (st.html is not framed); nothing from the link
    reaches it but a value checked against ``LANGUAGES``."""
    if lang in LANGUAGES:
        with st.sidebar:
            st.html(f'<script>document.documentElement.lang = "{lang}";</script>', unsafe_allow_javascript=True)


def _page_spec(framed: Framed) -> dict:
    """``framed.spec()`` with its tabular named datasets as Arrow bytes, converted once per view.

    Streamlit converts a named dataset given as records to Arrow on every run that draws the chart (a fifth of a
    rerun of a cached view, bench/run.py's profile) and takes bytes as they are; a view's Framed is cached
    (app/memo.py), so its bytes are too, for as long as the view lives. GeoJSON stays in the spec, as Streamlit keeps it.
    """
    spec = dict(framed.spec())
    if spec.get("datasets"):
        spec["datasets"] = {name: data if _geographic(data) else arrow_bytes(data) for name, data in spec["datasets"].items()}
    return spec


def arrow_bytes(records: list[dict]) -> bytes:
    """The records as the Arrow IPC bytes Streamlit sends, made by pyarrow from the records themselves (a tenth of
    the time of Streamlit's way through a pandas frame: 0.5 against 4.7 ms for a region's series); records pyarrow
    cannot type (a column mixing numbers and text) go Streamlit's way, which turns such a column into text. As
    there, the columns are every key in the order first met, and a NaN is a missing value."""
    columns = dict.fromkeys(key for record in records for key in record)
    try:
        table = pa.table({key: _column([record.get(key) for record in records]) for key in columns})
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return dataframe_util.convert_anything_to_arrow_bytes(records)
    return dataframe_util.convert_arrow_table_to_arrow_bytes(table)


page_spec = PerObject(_page_spec, most=4096)  # views live in app/memo.py's caches (a few thousand at most)


def _arrow_table(frame: pd.DataFrame) -> pa.Table:
    """A cached view's table as the Arrow table Streamlit would make of it on every run (2 ms for a region's
    sources), made once per frame by ``arrow_table``; ``st.dataframe`` sends an Arrow table as it is (the same bytes)."""
    return pa.ipc.open_stream(dataframe_util.convert_pandas_df_to_arrow_bytes(frame)).read_all()


arrow_table = PerObject(_arrow_table, most=4096)


def _column(values: list) -> pa.Array:
    column = pa.array(values, from_pandas=True)
    return column.cast(pa.large_string()) if column.type == pa.string() else column  # text as pandas gives it


def _geographic(data) -> bool:
    """GeoJSON features (a map's regions), which Vega-Lite reads from the spec itself."""
    return isinstance(data, dict) or (isinstance(data, list) and bool(data) and isinstance(data[0], dict) and data[0].get("type") == "Feature")


def chart_with_downloads(framed: Framed, name: str, key: str, lang: str) -> None:
    """Title and subtitle, the chart (no Streamlit theme, so it matches the export), then PNG, SVG and 1920 × 1080 slide PNG downloads made on click.

    ``name``: the words of the file names (texts.pages.file_names)."""
    st.markdown(f"#### {plain(framed.title)}")
    for line in framed.subtitle:
        st.caption(plain(line))
    with st.container(key=f"{key}_chart"):  # a grid wider than a phone scrolls sideways (WIDE_CHARTS) instead of being cut
        st.vega_lite_chart(page_spec(framed), theme=None, width="stretch")
    if briefing.active():
        return
    label, stem = pages.download_labels(lang), file_slug(name)
    row = st.container(horizontal=True)
    row.download_button(label["png"], data=lambda: chart_png(framed), file_name=f"{stem}.png", mime="image/png", key=f"{key}_png", on_click="ignore")
    row.download_button(label["svg"], data=lambda: chart_svg(framed), file_name=f"{stem}.svg", mime="image/svg+xml", key=f"{key}_svg", on_click="ignore")
    row.download_button(label["slide_png"], data=lambda: slide_png(framed), file_name=f"{stem}-slide.png", mime="image/png", key=f"{key}_slide_png", on_click="ignore")


def _notice_block(summary) -> str:
    """A region's notices (``profile.Summary.notices``) as one Markdown block of literal paragraphs: one element, not
    one per notice, escaped once per cached summary (a synthetic region has hundreds)."""
    return "\n\n".join(plain(notice) for notice in summary.notices)


notice_block = PerObject(_notice_block, most=4096)  # summaries live in app/memo.py's caches


def show_notices(notices: list[str]) -> None:
    for notice in notices:
        st.warning(plain(notice), icon=":material/warning:")


def _problem_panel(problems: list) -> dict:
    """What the problems panel shows of a data set's problems, worked out once per data set (a synthetic million
    has 80,000: counting them took 8 ms of every run): the number refused, then per language the first rows' table."""
    return {"refused": len(errors(problems))}


_problem_panels = PerObject(_problem_panel, most=8)


def show_data_problems(problems, lang: str, expanded: bool = False) -> None:
    """A visible panel with the first problems, their count and the whole report as a download, so nothing bad is silently hidden."""
    if not problems:
        return
    panel = _problem_panels(problems)
    refused = panel["refused"]
    if lang not in panel:
        panel[lang] = _arrow_table(problems_table(problems[:SHOWN_PROBLEMS], lang))
    with st.expander(f":material/warning: {plain(pages.data_problems(refused, len(problems) - refused, lang))}", expanded=expanded):
        st.dataframe(panel[lang], hide_index=True, width="stretch")
        st.caption(pages.shown_problems(len(problems), SHOWN_PROBLEMS, lang))
        file_name = f"{file_slug(pages.data_file_names(lang)['problems'])}.csv"
        st.download_button(pages.problem_report_download(lang), data=lambda: safe_csv(problems_table(problems, lang)), file_name=file_name, mime="text/csv", on_click="ignore", key="download_problems")
