"""Coverage: what is known for each Russian region and year; each cell opens that profile; the grid downloads as CSV."""

import streamlit as st

from app import briefing, filters
from app.coverage import coverage_view
from app.widgets import chart_with_downloads, plain
from turnover.coverage import ORDERS, download
from turnover.exporting import file_slug
from turnover.texts import coverage as words
from turnover.texts import pages

chosen = filters.current()
lang = chosen.lang
file_name = pages.file_names(chosen.flow, chosen.year, lang)["coverage"]

st.title(words.page_title(lang))
st.caption(plain(words.page_caption(lang)))

order = ORDERS[0]
if not briefing.active():  # briefing view draws no widget: grouped by federal district
    options = words.order_labels(lang)
    order = st.segmented_control(words.order_label(lang), list(options), format_func=options.get, default=ORDERS[0], key="coverage_order") or ORDERS[0]

view = coverage_view(chosen.flow, order, lang)
if view.chart is None:
    st.info(plain(words.no_coverage(chosen.flow, lang)))
    st.stop()
chart_with_downloads(view.chart, file_name, "coverage", lang)
st.caption(plain(words.order_caption(order, lang)))
if not briefing.active():
    st.download_button(words.download_label(lang), data=lambda: download(view.cells, lang), file_name=f"{file_slug(file_name)}.csv", mime="text/csv", on_click="ignore", key="coverage_csv")

headings = words.counts_headings(lang)
st.subheader(headings["year"])
st.dataframe(view.by_year, hide_index=True, width="stretch")
st.subheader(headings["district"])
st.dataframe(view.by_district, hide_index=True, width="stretch")
