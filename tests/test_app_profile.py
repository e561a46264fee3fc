"""The region page on a hand-written data set (tests/profile_data.py): like for like only, conflicts, the headline on
what is known, both sides' statistics, computed and published ranks, the selected year labelled on the chart."""

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from tests.profile_data import write_profile_data
from turnover.aggregate import rank_in, ranking
from turnover.dataset import load_dataset
from turnover.paths import REPO_ROOT

ENTRY = str(REPO_ROOT / "dashboard.py")


@pytest.fixture
def region_page(write_dataset, monkeypatch):
    data, geo = write_profile_data(write_dataset)
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    dataset = load_dataset(data, geo)

    def open_page(region: str, year: int) -> tuple[AppTest, dict, str]:
        app = AppTest.from_file(ENTRY, default_timeout=60)
        app.query_params["region"], app.query_params["year"] = region, str(year)
        app.run()
        app.switch_page("views/region.py").run()
        assert not app.exception, [e.message for e in app.exception]
        metrics = {m.label: (m.value, m.delta) for m in app.metric}
        page = "\n".join(m.value for m in app.markdown).replace("\\", "")
        return app, metrics, page

    return open_page, dataset


def chart_rows(app: AppTest) -> list[dict]:
    """The series chart's rows as the page sent them (Streamlit moves named data into Arrow datasets)."""
    chart = app.get("vega_lite_chart")[0].proto
    named = next(d for d in chart.datasets if d.name == "figures")
    rows = dataframe_util.convert_arrow_bytes_to_pandas_df(named.data.data)
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in rows.to_dict("records")]


def test_smolensk_2024_is_not_compared_across_currencies_and_carries_both_ranks(region_page):
    open_page, dataset = region_page
    app, metrics, page = open_page("RU-SMO", 2024)
    assert metrics["Full year 2024"][1] == "not comparable with 2023"  # no percentage across currencies
    assert "Full year 2024: not comparable: 2023 in dollars; 2024 converted from roubles" in page
    rank, ranked = rank_in(ranking(dataset.figures, 2024), "RU-SMO")
    assert metrics["Rank in 2024"] == (f"{rank} of {ranked}", "published: 3rd")
    assert "Rank in 2024: published: 3rd among Russian regions — Interfax, 2025-05-14" in page
    rows = {r["period"]: r for r in chart_rows(app)}
    assert rows["2024"]["kind"] == "Full year, converted from roubles" and rows["2024"]["run"] != rows["2023"]["run"]
    assert rows["2024"].get("align") is not None  # the selected year's value is written on the chart


def test_a_region_without_a_figure_for_the_year_opens_on_its_latest_known_year(region_page):
    open_page, dataset = region_page
    _, metrics, _ = open_page("RU-BRY", 2024)
    assert metrics["Full year 2024"] == ("2022: almost $500m", "no figure published for 2024")
    rank, ranked = rank_in(ranking(dataset.figures, 2022), "RU-BRY")
    assert metrics["Rank in 2022"][0] == f"{rank} of {ranked}"


def test_both_sides_statistics_show_side_by_side_on_the_page(region_page):
    open_page, _ = region_page
    app, metrics, page = open_page("RU-TA", 2024)
    assert "2024, both sides' statistics — Belarusian statistics (BelTA): about $2.8bn; Russian statistics (Tatarstan government): RUB 28.4bn ≈ $306.8m." in page
    kinds = {r["kind"] for r in chart_rows(app) if r["year"] == 2024}
    assert kinds == {"Belarusian statistics (both sides publish)", "Russian statistics (both sides publish)"}
    assert metrics["Full year 2024"][1] == "not comparable with 2023"
    assert "Full year 2024: not comparable: 2023 in dollars, Belarusian statistics, a lower bound (over); 2024 converted from roubles, Russian statistics, a stated figure" in page


def test_a_full_year_below_its_own_part_is_flagged_under_the_cards(region_page):
    open_page, _ = region_page
    _, _, page = open_page("RU-MOW", 2023)
    assert "Conflict: the full year 2023, $5bn (BelTA), is below Jan–Sep 2023, $6bn (RIA Novosti), on the same basis; one of them is wrong." in page


def test_the_selected_year_is_labelled_on_the_chart_among_many_years(region_page):
    open_page, _ = region_page
    for year in (2014, 2016):  # neither first, last nor peak: labelled only because it is selected
        app, _, _ = open_page("FD-CENTRAL", year)
        labelled = {r["year"] for r in chart_rows(app) if r["align"] is not None}
        assert year in labelled and ({2014, 2016} - {year}).isdisjoint(labelled)
