"""Compare: several regions side by side, federal-district sums, shares of the national total."""

import streamlit as st

from app import state
from app.widgets import chart_with_downloads, plain
from turnover.aggregate import district_totals, national_shares, ranking
from turnover.charts import compare_chart, district_chart
from turnover.compare import compare_figures, default_comparison, district_table, share_table
from turnover.vocabulary import FLOW_LABELS

data = state.dataset()
filters = state.current_filters()
registry = data.registry

st.title("Compare regions")
st.markdown(f"**{FLOW_LABELS[filters.flow]}**; federal districts and shares for {filters.year}")
choices = data.federal_subjects
year_figures = data.for_year(filters.year)
ranked = ranking(year_figures, filters.year, filters.flow)
chosen = st.multiselect(
    "Regions",
    choices,
    default=default_comparison(ranked, filters.region, choices),
    format_func=registry.name,
    key=f"compare_{filters.region}_{filters.year}_{filters.flow}",
)
if chosen:
    chart_with_downloads(compare_chart(compare_figures(data.for_regions(chosen), chosen, filters.flow), filters.flow), f"compare {filters.flow}", "compare")
else:
    st.info("Choose one or more regions.")

st.subheader(f"Federal districts, {filters.year}")
districts = district_totals(year_figures, registry, filters.year, filters.flow)
chart_with_downloads(district_chart(districts, filters.year, filters.flow, ranked), f"districts {filters.flow} {filters.year}", "districts")
st.dataframe(district_table(districts), hide_index=True, width="stretch")

st.subheader(f"Share of Belarus' trade with Russia, {filters.year}")
shares = national_shares(year_figures, filters.year, filters.flow)
if shares["share_pct"].isna().all():
    st.info(f"No national full-year figure for {filters.year}, so no shares can be computed.")
else:
    st.dataframe(share_table(shares), hide_index=True, width="stretch", column_config={"Share of national total": st.column_config.ProgressColumn(format="%.1f%%", min_value=0, max_value=100)})
    st.caption(plain(f"National total {filters.year}: {shares['national_shown'].iloc[0]} ({shares['national_source'].iloc[0]}).") + " Regional and national figures often come from different statistics; shares are indicative.")
