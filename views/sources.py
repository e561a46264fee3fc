"""Sources and data: every figure with its provenance, conflicts between sources, downloads."""

import streamlit as st

from app import state
from turnover import paths
from app.widgets import plain
from turnover.downloads import DOWNLOADS_CAPTION, data_file_offers, safe_csv
from turnover.provenance import conflicts, provenance_table, search_figures

SHOWN_ROWS = 5000  # a browser table of a million rows helps nobody; the download has them all

data = state.dataset()
registry = data.registry

st.title("Sources and data")
st.caption(f"{len(data.figures)} published figures from {len(data.sources)} sources. Every figure is as published; US$ values of rouble figures are converted at the year's average rate (data/fx.csv).")

left, middle, right = st.columns([2, 2, 1])
query = left.text_input("Search (region, publisher, title, note)", key="sources_query")
regions = middle.multiselect("Regions", data.regions, format_func=registry.name, key="sources_regions")
only_conflicts = right.toggle("Only conflicting figures", key="sources_conflicts")

found = search_figures(data.for_regions(regions) if regions else data.figures, query, only_conflicts)
st.dataframe(
    provenance_table(found.head(SHOWN_ROWS)),
    hide_index=True,
    width="stretch",
    column_config={"Link": st.column_config.LinkColumn("Link", display_text="open")},
)
st.caption(f"{len(found)} of {len(data.figures)} figures" + (f"; the first {SHOWN_ROWS:,} are shown: narrow the search, or download them all below." if len(found) > SHOWN_ROWS else "."))

st.subheader("Conflicts between sources")
clashes = conflicts(data.figures)
st.caption(f"{clashes['Slot'].nunique() if len(clashes) else 0} region-periods where sources give different figures; the one shown in charts is marked.")
st.dataframe(clashes, hide_index=True, width="stretch")

st.subheader("Downloads")
st.caption(DOWNLOADS_CAPTION)
for column, offer in zip(st.columns(4), data_file_offers(data, paths.data_dir())):
    if offer.refused:
        column.caption(plain(offer.refused))
    else:
        column.download_button(f"Download {offer.name}", data=offer.make, file_name=offer.name, mime="text/csv", on_click="ignore", key=f"download_{offer.name}")
st.download_button(
    "Download the table above with derived columns (CSV)",
    data=lambda: safe_csv(provenance_table(found)),
    file_name="figures-with-sources.csv",
    mime="text/csv",
    on_click="ignore",
    key="download_found",
)
