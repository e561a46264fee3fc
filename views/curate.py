"""Curate (only with TURNOVER_CURATION=1): paste an article, review the figures it states, save the ticked ones."""

import streamlit as st

from app import curation, loading

curation.require_curation_mode()
data = loading.dataset()

st.title("Curate: figures from an article")
st.caption("Paste a news text and its source; the figures found are listed for review. Saved rows are checked like "
           "`python -m turnover validate` and appended to data/figures.csv (and the source to data/sources.csv).")
text, published, details = curation.article_form()
curation.extract_button(text, published, data)
curation.show_outcome()
st.subheader("Review")
edited = curation.review_table()
details = curation.source_caption(details)
curation.save_button(edited, details)
