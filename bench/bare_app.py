"""The baseline for the first-view figure: a bare Streamlit app with the dashboard's sidebar and one trivial Altair chart.

Two selectboxes and a radio with options like the dashboard's (about 60 regions, 30 years, 3 flows), a
title and a 13-point line chart: what any Streamlit page with a chart costs, against which the
dashboard's own cost is measured. Started by bench/run.py the same way as the dashboard, on its own port.
"""

import altair as alt
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Bare baseline", layout="wide")

REGIONS = [f"Region number {n} (RU-{n:03d})" for n in range(60)]
YEARS = list(range(2025, 1995, -1))
FLOWS = ["Trade turnover", "Belarusian exports", "Belarusian imports"]

with st.sidebar:
    region = st.selectbox("Region", REGIONS)
    year = st.selectbox("Year", YEARS)
    flow = st.radio("Flow", FLOWS)

st.title(f"{region}, {year}")
data = pd.DataFrame({"year": range(2013, 2026), "value": [(n * 37 % 11) + 2 for n in range(13)]})
st.altair_chart(alt.Chart(data).mark_line(point=True).encode(x="year:O", y="value:Q").properties(height=320), width="stretch")
