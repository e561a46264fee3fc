"""Compare: several regions side by side, federal-district sums, shares of the national total."""

import streamlit as st

from app import filters, loading
from app.comparison import compared_regions
from app.widgets import chart_with_downloads, plain, strong
from turnover.aggregate import district_totals, national_shares, ranking
from turnover.charts import compare_chart, district_chart
from turnover.compare import compare_figures, default_comparison, district_table, national_total_caption, share_table
from turnover.texts import pages

chosen = filters.current()
lang = chosen.lang
data = loading.dataset(lang)
files = pages.file_names(chosen.flow, chosen.year, lang)
registry = data.registry

st.title(pages.compare_title(lang))
strong(pages.compare_heading(chosen.flow, chosen.year, lang))
year_figures = data.for_year(chosen.year)
ranked = ranking(year_figures, chosen.year, chosen.flow)
picked = compared_regions(data, default_comparison(ranked, chosen.region, data.federal_subjects), lang)
if picked:
    chart_with_downloads(compare_chart(compare_figures(data.for_regions(picked), picked, chosen.flow), chosen.flow, list(registry.table.index), lang), files["compare"], "compare", lang)
else:
    st.info(pages.choose_regions(lang))

st.subheader(pages.districts_heading(chosen.year, lang))
districts = district_totals(year_figures, registry, chosen.year, chosen.flow, lang)
chart_with_downloads(district_chart(districts, chosen.year, chosen.flow, ranked, lang), files["districts"], "districts", lang)
st.dataframe(district_table(districts, lang), hide_index=True, width="stretch")

st.subheader(pages.shares_heading(chosen.year, lang))
shares = national_shares(year_figures, chosen.year, chosen.flow)
caption = national_total_caption(shares, chosen.year, lang)
if caption is None:
    st.info(pages.no_national_total(chosen.year, lang))
else:
    st.dataframe(share_table(shares, lang), hide_index=True, width="stretch")
    st.caption(plain(caption))
