"""Curate (only with TURNOVER_CURATION=1): paste an article, review the figures and the published ranks it states,
save the ticked ones."""

from app import curation, filters

curation.page(filters.current().lang)
