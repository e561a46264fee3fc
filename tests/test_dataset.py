"""Loading, derived columns, the displayed-figure rule, conversion and aggregation on small data sets."""

import pandas as pd
import pytest

from tests.profile_data import write_profile_data
from turnover.aggregate import change_on_previous, district_totals, national_shares, rank_in, ranking, region_series
from turnover.dataset import load_dataset
from turnover.formatting import format_usd_mn, with_qualifier
from turnover.periods import period_label
from turnover.ranks import published_ranks
from turnover.regions import UnknownRegion, load_registry


@pytest.fixture
def dataset(write_dataset):
    return load_dataset(*write_dataset())


@pytest.mark.parametrize(("year", "months", "label"), [(2023, 12, "2023"), (2024, 9, "Jan–Sep 2024"), (2024, 6, "Jan–Jun 2024"), (2025, 1, "Jan 2025"), (2023, 3, "Jan–Mar 2023")])
def test_period_labels(year, months, label):
    assert period_label(year, months) == label


def test_loaded_figures_are_typed_and_labelled(dataset):
    smolensk = dataset.figures.set_index(["region", "year", "months", "source_id"])
    row = smolensk.loc[("RU-SMO", 2024, 9, "belta-1")]
    assert row["period"] == "Jan–Sep 2024"
    assert not row["full_year"]
    assert row["usd_mn"] == pytest.approx(3100)
    assert row["shown"] == "$3.1bn"
    assert row["source_publisher"] == "BelTA"
    assert smolensk.loc[("RU-SMO", 2023, 12, "belta-1")]["shown"] == "$4.4bn"


def test_rouble_figures_are_converted_at_the_years_rate_and_say_so(dataset):
    row = dataset.figures.set_index(["region", "year", "months"]).loc[("RU-SMO", 2024, 12)]
    assert row["usd_mn"] == pytest.approx(295e9 / 92.57 / 1e6)
    assert row["converted"]
    assert row["conversion"] == "converted from RUB 295bn at 92.57 RUB/USD (2024 average)"
    assert row["shown"] == "$3.19bn"


def test_exact_dollar_figure_is_displayed_over_a_rouble_bound_and_the_other_kept(dataset):
    slot = dataset.figures[(dataset.figures["region"] == "RU-SMO") & (dataset.figures["year"] == 2024) & (dataset.figures["months"] == 9)]
    assert len(slot) == 2
    shown = slot[slot["displayed"]]
    assert list(shown["source_id"]) == ["belta-1"]
    assert list(slot["alternatives"]) == [1, 1]


def test_newest_publication_wins_between_equal_figures(write_dataset):
    from tests.conftest import FIGURES

    rows = FIGURES + "RU-BRY,2023,12,turnover,950,USD,mn,approx,goods,,interfax-1,\n"
    dataset = load_dataset(*write_dataset(figures=rows))
    bryansk = dataset.figures[(dataset.figures["region"] == "RU-BRY") & dataset.figures["displayed"]]
    assert list(bryansk["source_id"]) == ["interfax-1"]  # 2025 beats 2023


def test_qualifiers_read_as_words():
    assert with_qualifier(format_usd_mn(500), "at_most") == "almost $500m"
    assert with_qualifier(format_usd_mn(1000), "at_least") == "over $1bn"
    assert with_qualifier(format_usd_mn(4900), "approx") == "about $4.9bn"
    assert format_usd_mn(920.9) == "$920.9m"


def test_series_holds_full_and_partial_years_in_order(dataset):
    series = region_series(dataset.figures, "RU-SMO")
    assert list(series["period"]) == ["2022", "2023", "Jan–Sep 2024", "2024"]


def test_ranking_uses_full_years_only_and_skips_the_national_total(dataset):
    table = ranking(dataset.figures, 2023)
    assert list(table["region"]) == ["RU-MOW", "RU-SMO", "RU-BRY"]
    assert list(table["rank"]) == [1, 2, 3]
    assert rank_in(table, "RU-SMO") == (2, 3)
    assert rank_in(ranking(dataset.figures, 2021), "RU-SMO") is None
    assert list(ranking(dataset.figures, 2024)["region"]) == ["RU-SMO"]  # the Jan–Sep figure is not ranked


def test_change_on_previous_compares_like_with_like(dataset):
    changes = change_on_previous(region_series(dataset.figures, "RU-SMO")).set_index("period")
    assert changes.loc["2023", "change_pct"] == pytest.approx((4400 / 4900 - 1) * 100)
    assert changes["change_pct"].isna()["Jan–Sep 2024"]  # no Jan–Sep 2023 to compare with


def test_district_totals_say_how_many_regions_they_cover(dataset):
    table = district_totals(dataset.figures, dataset.registry, 2023).set_index("district")
    assert table.loc["FD-CENTRAL", "usd_mn"] == pytest.approx(4400 + 900 + 5000)
    assert table.loc["FD-CENTRAL", "with_data"] == 3
    assert table.loc["FD-CENTRAL", "regions"] == 3
    assert table.loc["FD-VOLGA", "with_data"] == 0


def test_national_shares(dataset):
    shares = national_shares(dataset.figures, 2023).set_index("region")
    assert shares.loc["RU-SMO", "share_pct"] == pytest.approx(4400 / 50000 * 100)


@pytest.mark.parametrize("name", ["Smolensk Region", "Smolensk Oblast", "Gebiet Smolensk", "Смоленская область", "Smolenskaya oblast", "smolensk  region", "RU-SMO"])
def test_names_in_three_languages_resolve(write_dataset, name):
    _, geo = write_dataset()
    registry, problems = load_registry(geo / "regions.csv")
    assert problems == []
    assert registry.resolve(name) == "RU-SMO"


def test_an_unknown_name_is_an_error_listing_the_closest(write_dataset):
    _, geo = write_dataset()
    registry, _ = load_registry(geo / "regions.csv")
    with pytest.raises(UnknownRegion) as raised:
        registry.resolve("Smolenks Oblast")
    assert raised.value.suggestions[0] == ("Smolensk Oblast", "RU-SMO")
    assert "closest known names: Smolensk Oblast (RU-SMO)" in str(raised.value)


def test_lines_break_where_a_year_is_missing(dataset):
    from turnover.charts import year_runs

    full = region_series(dataset.figures, "RU-SMO")
    full = full[full["full_year"]]
    runs = dict(zip(full["year"], year_runs(full)))
    assert runs[2022] == runs[2023] == runs[2024]
    more = full.assign(year=full["year"].replace({2022: 2020}))
    runs = dict(zip(more["year"], year_runs(more)))
    assert runs[2020] != runs[2023] == runs[2024]


def test_large_files_load_from_a_columnar_cache_that_follows_every_edit(write_dataset, monkeypatch):
    import time

    from tests.conftest import FIGURES
    from turnover import cache

    monkeypatch.setattr(cache, "THRESHOLD_BYTES", 0)
    data, geo = write_dataset()
    first = load_dataset(data, geo)
    assert list((data / ".cache").glob("figures-*.parquet"))
    again = load_dataset(data, geo)
    assert again.figures.equals(first.figures)
    time.sleep(0.01)
    (data / "figures.csv").write_text(FIGURES + "RU-BRY,2022,12,turnover,888.2,USD,mn,exact,goods,,old-1,\n", encoding="utf-8")
    edited = load_dataset(data, geo)
    assert len(edited.figures) == len(first.figures) + 1
    assert len(list((data / ".cache").glob("figures-*.parquet"))) == 1  # the stale entry is gone


def test_a_figure_refused_for_a_period_not_yet_over_is_shown_once_it_is_over_though_cached(write_dataset, monkeypatch):
    import datetime as dt

    from tests.conftest import FIGURES
    from turnover import cache

    monkeypatch.setattr(cache, "THRESHOLD_BYTES", 0)
    now = dt.date.today()
    data, geo = write_dataset()
    (data / "figures.csv").write_text(FIGURES + f"RU-BRY,{now.year},{now.month},turnover,888.2,USD,mn,exact,goods,,old-1,\n", encoding="utf-8")
    current = lambda dataset: dataset.figures[(dataset.figures["region"] == "RU-BRY") & (dataset.figures["year"] == now.year)]
    assert current(load_dataset(data, geo)).empty  # this month has not ended: refused

    class NextMonth(dt.date):
        @classmethod
        def today(cls):
            return now + dt.timedelta(days=32)

    monkeypatch.setattr(dt, "date", NextMonth)
    assert current(load_dataset(data, geo))["usd_mn"].tolist() == [888.2]


def test_indexes_give_a_regions_figures_and_a_years_displayed_totals(dataset):
    assert set(dataset.for_region("RU-SMO")["region"]) == {"RU-SMO"}
    assert len(dataset.for_region("RU-SMO")) == 5
    year = dataset.for_year(2023)
    assert set(year["year"]) == {2023} and year["displayed"].all() and year["total"].all()
    assert dataset.regions[0] == "RU-BRY"  # Bryansk Oblast sorts first by name
    assert dataset.subjects_per_year[2023] == 3


def test_each_regions_published_ranks_are_those_of_its_rows(write_dataset):
    """What the rank card quotes (``Dataset.published_ranks_of``, built once): the region's own statements with their source."""
    dataset = load_dataset(*write_profile_data(write_dataset))
    for region in dataset.ranks["region"].unique():
        own = published_ranks(dataset.ranks[dataset.ranks["region"] == region], dataset.sources)
        pd.testing.assert_frame_equal(dataset.published_ranks_of(region), own)
    none = dataset.published_ranks_of("RU-BRY")  # no statement about it
    assert none.empty and list(none.columns) == list(published_ranks(dataset.ranks, dataset.sources).columns)
