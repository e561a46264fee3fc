"""Sources and data: every figure with its provenance, conflicts between sources, downloads."""

import streamlit as st

from app import briefing, filters, loading
from app.widgets import plain
from turnover import paths
from turnover.downloads import data_file_offers
from turnover.exporting import file_slug
from turnover.spreadsheet import safe_csv
from turnover.provenance import conflict_count, conflicts, provenance_table, search_figures
from turnover.texts import pages, rules, tables

SHOWN_ROWS = 5000  # a browser table of a million rows helps nobody; the download has them all

lang = filters.current().lang
data = loading.dataset(lang)
registry = data.registry

st.title(pages.sources_title(lang))
st.caption(plain(pages.sources_caption(len(data.figures), len(data.sources), lang)))

query, regions, only_conflicts = "", [], False
if not briefing.active():  # briefing view draws no widget: every figure, no search
    label = pages.search_labels(lang)
    left, middle, right = st.columns([2, 2, 1])
    query = left.text_input(label["query"], key="sources_query")
    regions = middle.multiselect(label["regions"], data.regions, format_func=lambda rid: registry.name(rid, lang), placeholder=pages.regions_placeholder(lang), key="sources_regions")
    only_conflicts = right.toggle(label["conflicts"], key="sources_conflicts")

found = search_figures(data.for_regions(regions) if regions else data.figures, query, only_conflicts)
link = tables.provenance_headers(lang)["link"]
st.dataframe(
    provenance_table(found.head(SHOWN_ROWS), lang),
    hide_index=True,
    width="stretch",
    column_config={link: st.column_config.LinkColumn(link, display_text=tables.link_text(lang))},
)
st.caption(plain(pages.found_caption(len(found), len(data.figures), SHOWN_ROWS, lang)))

st.subheader(pages.conflicts_heading(lang))
st.caption(plain(rules.conflicts_caption(conflict_count(data.figures), lang)))
st.dataframe(conflicts(data.figures, lang), hide_index=True, width="stretch")

if briefing.active():
    st.stop()  # downloads are buttons: not part of a briefing

st.subheader(pages.downloads_heading(lang))
st.caption(pages.downloads_caption(lang))
for column, offer in zip(st.columns(4), data_file_offers(data, paths.data_dir(), lang)):
    if offer.refused:
        column.caption(plain(offer.refused))
    else:
        column.download_button(pages.download_file(offer.name, lang), data=offer.make, file_name=offer.name, mime="text/csv", on_click="ignore", key=f"download_{offer.name}")
st.download_button(
    pages.download_found(lang),
    data=lambda: safe_csv(provenance_table(found, lang)),
    file_name=f"{file_slug(pages.data_file_names(lang)['found'])}.csv",
    mime="text/csv",
    on_click="ignore",
    key="download_found",
)
