"""Region profile: the series (full years as a line, partial years apart), key figures and every source."""

import streamlit as st

from app import memo, state
from app.widgets import chart_with_downloads, plain
from turnover.vocabulary import FLOW_LABELS

data = state.dataset()
filters = state.current_filters()
registry = data.registry
name = registry.name(filters.region)

st.title(plain(f"Belarus – {name}"))
st.caption(plain(f"{registry.table.at[filters.region, 'name_ru']} · {filters.region} · {FLOW_LABELS[filters.flow]} · selected year {filters.year}"))

summary, chart, table = memo.region_view(filters.region, filters.flow, filters.year)
if chart is None:
    st.info(plain(f"No {FLOW_LABELS[filters.flow].lower()} figures for {name}. Try another flow in the sidebar."))
else:
    columns = st.columns(3) + st.columns(3)
    for column, card in zip(columns, summary.cards):
        column.metric(card.label, card.value, card.delta, delta_color="off" if card.delta is None else "normal", help=plain(card.help) if card.help else None, border=True)
    chart_with_downloads(chart, f"{name} {filters.flow}", "series")
    if summary.like_for_like:
        st.markdown("**Like-for-like change on the same months of the year before:** " + plain("; ".join(summary.like_for_like)))

st.subheader("Every figure and its source")
if table.empty:
    st.caption("None.")
else:
    st.dataframe(table, hide_index=True, width="stretch", column_config={"Link": st.column_config.LinkColumn("Link", display_text="open")})
    st.caption("Shown: the figure used in charts where several sources give the same period (exact over approximate, dollars over converted roubles, stated statistics over speeches, newest first). The others are listed as alternatives.")
