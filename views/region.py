"""Region profile: the series (full years as a line, partial years apart), key figures and every source."""

import streamlit as st

from app import briefing, filters, loading, memo, slide
from app.widgets import arrow_table, chart_with_downloads, notice_block, plain
from turnover.texts import pages, rules, tables

chosen = filters.current()
lang = chosen.lang
data = loading.dataset(lang)
registry = data.registry
name = registry.name(chosen.region, lang)

st.title(plain(pages.region_title(name, lang)))
st.caption(plain(pages.region_caption(registry.table.at[chosen.region, "name_ru"], chosen.region, chosen.flow, chosen.year, lang)))

summary, chart, table = memo.region_view(chosen.region, chosen.flow, chosen.year, lang)
if chart is None:
    st.info(plain(pages.no_flow_figures(chosen.flow, name, lang)))
else:
    columns = st.columns(3) + st.columns(3)
    cited = not briefing.active()  # a card's citation is a help button; in briefing view the chart's source line cites
    for column, card in zip(columns, summary.cards):
        neutral = card.delta is None or card.neutral  # words, not a change: grey, no arrow
        column.metric(card.label, card.value, card.delta, delta_color="off" if neutral else "normal", delta_arrow="off" if neutral else "auto", help=plain(card.help) if card.help and cited else None, border=True)
    if summary.notices:
        st.markdown(notice_block(summary))
    chart_with_downloads(chart, pages.region_file_name(name, chosen.flow, lang), "series", lang)
    slide.region_button(chart, summary, name, chosen)
    if summary.like_for_like:
        st.markdown(plain(pages.like_for_like(summary.like_for_like, lang)))

st.subheader(pages.figures_heading(lang))
if table.empty:
    st.caption(pages.no_figures(lang))
else:
    link = tables.provenance_headers(lang)["link"]
    st.dataframe(arrow_table(table), hide_index=True, width="stretch", column_config={link: st.column_config.LinkColumn(link, display_text=tables.link_text(lang))})
    st.caption(plain(rules.displayed_rule(lang)))
