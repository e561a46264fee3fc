"""Sources and data: every figure with its provenance, conflicts between sources, downloads."""

import streamlit as st

from app import briefing, loading
from app.widgets import plain
from turnover import paths
from turnover.downloads import data_file_offers
from turnover.spreadsheet import safe_csv
from turnover.provenance import conflict_count, conflicts, provenance_table, search_figures
from turnover.texts import pages, rules, tables

SHOWN_ROWS = 5000  # a browser table of a million rows helps nobody; the download has them all

data = loading.dataset()
registry = data.registry

st.title(pages.sources_title())
st.caption(plain(pages.sources_caption(len(data.figures), len(data.sources))))

query, regions, only_conflicts = "", [], False
if not briefing.active():  # briefing view draws no widget: every figure, no search
    label = pages.search_labels()
    left, middle, right = st.columns([2, 2, 1])
    query = left.text_input(label["query"], key="sources_query")
    regions = middle.multiselect(label["regions"], data.regions, format_func=registry.name, key="sources_regions")
    only_conflicts = right.toggle(label["conflicts"], key="sources_conflicts")

found = search_figures(data.for_regions(regions) if regions else data.figures, query, only_conflicts)
link = tables.provenance_headers()["link"]
st.dataframe(
    provenance_table(found.head(SHOWN_ROWS)),
    hide_index=True,
    width="stretch",
    column_config={link: st.column_config.LinkColumn(link, display_text=tables.link_text())},
)
st.caption(plain(pages.found_caption(len(found), len(data.figures), SHOWN_ROWS)))

st.subheader(pages.conflicts_heading())
st.caption(plain(rules.conflicts_caption(conflict_count(data.figures))))
st.dataframe(conflicts(data.figures), hide_index=True, width="stretch")

if briefing.active():
    st.stop()  # downloads are buttons: not part of a briefing

st.subheader(pages.downloads_heading())
st.caption(pages.downloads_caption())
for column, offer in zip(st.columns(4), data_file_offers(data, paths.data_dir())):
    if offer.refused:
        column.caption(plain(offer.refused))
    else:
        column.download_button(pages.download_file(offer.name), data=offer.make, file_name=offer.name, mime="text/csv", on_click="ignore", key=f"download_{offer.name}")
st.download_button(
    pages.download_found(),
    data=lambda: safe_csv(provenance_table(found)),
    file_name="figures-with-sources.csv",
    mime="text/csv",
    on_click="ignore",
    key="download_found",
)
