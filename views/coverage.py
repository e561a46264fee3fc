"""Coverage: what is known for each Russian region and year; each cell opens that profile; the grid downloads as CSV."""

import streamlit as st

from app import briefing, filters
from app.coverage import coverage_view
from app.widgets import chart_with_downloads, plain
from turnover.coverage import ORDERS, download
from turnover.texts import coverage as words

chosen = filters.current()

st.title(words.page_title())
st.caption(plain(words.page_caption()))

order = ORDERS[0]
if not briefing.active():  # briefing view draws no widget: grouped by federal district
    options = words.order_labels()
    order = st.segmented_control(words.order_label(), list(options), format_func=options.get, default=ORDERS[0], key="coverage_order") or ORDERS[0]

view = coverage_view(chosen.flow, order)
if view.chart is None:
    st.info(plain(words.no_coverage(chosen.flow)))
    st.stop()
chart_with_downloads(view.chart, f"coverage {chosen.flow}", "coverage")
st.caption(plain(words.order_caption(order)))
if not briefing.active():
    st.download_button(words.download_label(), data=lambda: download(view.cells), file_name=f"coverage-{chosen.flow}.csv", mime="text/csv", on_click="ignore", key="coverage_csv")

headings = words.counts_headings()
st.subheader(headings["year"])
st.dataframe(view.by_year, hide_index=True, width="stretch")
st.subheader(headings["district"])
st.dataframe(view.by_district, hide_index=True, width="stretch")
