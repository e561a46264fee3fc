"""Rankings, sums, shares, series and profile cards: full years only, rank "n of m", like-for-like change.

Each test loads a small hand-written data set (``write_dataset``); expected values are computed from its rows.
"""

import math

import pandas as pd
import pytest

from tests.conftest import HEADER
from turnover.aggregate import change_on_previous, district_totals, national_shares, rank_in, ranking, region_series, share_qualifier, subject_figures
from turnover.dataset import load_dataset
from turnover.profile import key_figures

# region, year, months, flow, value (USD bn), qualifier, coverage, source
ROWS = [
    ("RU-SMO", 2022, 12, "turnover", 2.0, "approx", "goods", "old-1"),
    ("RU-SMO", 2023, 9, "turnover", 3.0, "exact", "goods", "belta-1"),
    ("RU-SMO", 2023, 12, "turnover", 4.4, "exact", "goods", "belta-1"),
    ("RU-SMO", 2024, 9, "turnover", 3.3, "exact", "goods", "interfax-1"),
    ("RU-SMO", 2023, 12, "export", 2.5, "exact", "goods", "belta-1"),
    ("RU-SMO", 2023, 12, "turnover", 0.4, "exact", "agri_food", "belta-1"),
    ("RU-BRY", 2023, 9, "turnover", 9.0, "exact", "goods", "old-1"),  # partial only: never ranked, summed or shared
    ("RU-MOW", 2023, 12, "turnover", 5.0, "at_least", "goods", "old-1"),
    ("RU-TA", 2023, 12, "turnover", 1.0, "exact", "goods", "old-1"),
    ("RU", 2023, 12, "turnover", 50.0, "approx", "goods", "old-1"),
    ("RU", 2024, 9, "turnover", 40.0, "exact", "goods", "old-1"),  # a partial national figure: never a denominator
    ("FD-CENTRAL", 2023, 12, "turnover", 10.0, "exact", "goods", "old-1"),
]
PUBLISHED = {"old-1": "2023-05-30", "belta-1": "2024-11-18", "interfax-1": "2025-05-14"}
PUBLISHER = {"old-1": "BelTA", "belta-1": "BelTA", "interfax-1": "Interfax"}


def csv_text(rows) -> str:
    return HEADER + "".join(f"{r},{y},{m},{f},{v},USD,bn,{q},{c},,{s},\n" for r, y, m, f, v, q, c, s in rows)


def usd_mn(region, year, months=12, flow="turnover", rows=ROWS) -> float:
    return next(v * 1000 for r, y, m, f, v, q, c, s in rows if (r, y, m, f, c) == (region, year, months, flow, "goods"))


@pytest.fixture
def figures(write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    dataset = load_dataset(data, geo)
    assert dataset.problems == []
    return dataset.figures


@pytest.fixture
def dataset_of(write_dataset):
    def load(rows):
        dataset = load_dataset(*write_dataset(figures=csv_text(rows)))
        assert dataset.problems == []
        return dataset

    return load


# --- full years only: ranking, subjects, sums, shares ------------------------------------------------------------


def test_ranking_holds_full_year_subject_figures_of_the_flow_largest_first(figures):
    table = ranking(figures, 2023)
    expected = sorted(((usd_mn(r, 2023), r) for r in ("RU-SMO", "RU-MOW", "RU-TA")), reverse=True)
    assert list(zip(table["usd_mn"], table["region"])) == expected
    assert list(table["rank"]) == [1, 2, 3]


def test_a_partial_year_is_never_ranked_even_when_it_is_the_largest_figure(figures):
    assert "RU-BRY" not in set(ranking(figures, 2023)["region"])
    assert ranking(figures, 2024).empty  # 2024 has partial figures only


@pytest.mark.parametrize("flow", ["turnover", "export"])
def test_ranking_and_subject_figures_keep_to_one_flow(figures, flow):
    expected = {(r, v * 1000) for r, y, m, f, v, q, c, s in ROWS if y == 2023 and m == 12 and f == flow and c == "goods" and r.startswith("RU-")}
    assert set(zip(ranking(figures, 2023, flow)["region"], ranking(figures, 2023, flow)["usd_mn"])) == expected
    assert set(zip(subject_figures(figures, 2023, flow)["region"], subject_figures(figures, 2023, flow)["usd_mn"])) == expected


def test_subject_figures_leave_out_russia_districts_subsets_and_other_years(figures):
    chosen = subject_figures(figures, 2023)
    assert sorted(chosen["region"]) == ["RU-MOW", "RU-SMO", "RU-TA"]
    assert set(chosen["coverage"]) == {"goods"} and set(chosen["months"]) == {12} and set(chosen["year"]) == {2023}


def test_an_alternative_figure_is_never_ranked(dataset_of):
    rows = [*ROWS, ("RU-TA", 2023, 12, "turnover", 7.0, "approx", "goods", "belta-1")]  # exact 1.0 stays displayed
    table = ranking(dataset_of(rows).figures, 2023)
    assert table.set_index("region").loc["RU-TA", "usd_mn"] == usd_mn("RU-TA", 2023)


@pytest.mark.parametrize(
    ("values", "ranks"),
    [
        ({"RU-SMO": 4.4, "RU-MOW": 5.0, "RU-TA": 1.0}, {"RU-MOW": 1, "RU-SMO": 2, "RU-TA": 3}),
        ({"RU-SMO": 4.4, "RU-MOW": 5.0, "RU-TA": 4.4}, {"RU-MOW": 1, "RU-SMO": 2, "RU-TA": 2}),
        ({"RU-SMO": 5.0, "RU-MOW": 5.0, "RU-TA": 1.0}, {"RU-MOW": 1, "RU-SMO": 1, "RU-TA": 3}),
    ],
)
def test_rank_n_of_m_with_shared_ranks_for_ties(dataset_of, values, ranks):
    rows = [(r, 2023, 12, "turnover", v, "exact", "goods", "old-1") for r, v in values.items()]
    table = ranking(dataset_of(rows).figures, 2023)
    assert {region: rank_in(table, region) for region in values} == {region: (rank, len(values)) for region, rank in ranks.items()}
    assert rank_in(table, "RU-BRY") is None


def test_district_sums_cover_full_year_subject_figures_and_count_regions(figures, write_dataset):
    data, geo = write_dataset(figures=csv_text(ROWS))
    dataset = load_dataset(data, geo)
    table = district_totals(figures, dataset.registry, 2023).set_index("district")
    central = table.loc["FD-CENTRAL"]
    assert central["usd_mn"] == pytest.approx(usd_mn("RU-SMO", 2023) + usd_mn("RU-MOW", 2023))  # Bryansk's partial year is not summed
    assert central["with_data"] == 2 and central["regions"] == 3  # Smolensk, Bryansk, Moscow in the registry
    assert bool(central["approximate"])  # Moscow's figure is "over $5bn"
    assert central["published_usd_mn"] == usd_mn("FD-CENTRAL", 2023)
    assert central["name"] == "Central Federal District"


def test_district_sums_of_a_year_with_only_partial_figures_are_empty(figures, write_dataset):
    dataset = load_dataset(*write_dataset(figures=csv_text(ROWS)))
    central = district_totals(figures, dataset.registry, 2024).set_index("district").loc["FD-CENTRAL"]
    assert (central["usd_mn"], central["with_data"], bool(central["approximate"])) == (0.0, 0, False)
    assert pd.isna(central["published_usd_mn"])


def test_an_exact_district_sum_is_not_marked_approximate(dataset_of):
    rows = [("RU-SMO", 2023, 12, "turnover", 4.4, "exact", "goods", "old-1"), ("RU-MOW", 2023, 12, "turnover", 5.0, "exact", "goods", "old-1")]
    dataset = dataset_of(rows)
    central = district_totals(dataset.figures, dataset.registry, 2023).set_index("district").loc["FD-CENTRAL"]
    assert not bool(central["approximate"]) and central["with_data"] == 2


def test_districts_are_ordered_by_their_sum(figures, write_dataset):
    dataset = load_dataset(*write_dataset(figures=csv_text(ROWS)))
    table = district_totals(figures, dataset.registry, 2023)
    assert list(table["usd_mn"]) == sorted(table["usd_mn"], reverse=True)


def test_national_shares_divide_full_year_figures_by_the_full_year_national_total(figures):
    shares = national_shares(figures, 2023).set_index("region")
    national = usd_mn("RU", 2023)
    for region in ("RU-SMO", "RU-MOW", "RU-TA"):
        assert shares.loc[region, "share_pct"] == pytest.approx(usd_mn(region, 2023) / national * 100)
    assert set(shares["national_usd_mn"]) == {national}
    assert set(shares["national_shown"]) == {"about $50bn"}
    assert set(shares["national_source"]) == {f"{PUBLISHER['old-1']}, {PUBLISHED['old-1']}"}
    assert "RU-BRY" not in shares.index


@pytest.mark.parametrize(
    "region, national, marked",
    [
        ("exact", "exact", "exact"),
        ("at_least", "exact", "at_least"),  # over $5bn of $40bn: over 12.5%
        ("exact", "at_most", "at_least"),  # $5bn of almost $40bn: over 12.5%
        ("at_least", "at_most", "at_least"),
        ("at_most", "exact", "at_most"),
        ("exact", "at_least", "at_most"),
        ("at_most", "at_least", "at_most"),
        ("at_least", "at_least", "approx"),  # bounded neither way
        ("at_most", "at_most", "approx"),
        ("approx", "exact", "approx"),
        ("exact", "approx", "approx"),
        ("at_least", "approx", "approx"),
    ],
)
def test_a_share_is_marked_by_the_figures_it_divides(dataset_of, region, national, marked):
    rows = [("RU-SMO", 2023, 12, "turnover", 5.0, region, "goods", "old-1"), ("RU-TA", 2023, 12, "turnover", 1.0, "exact", "goods", "old-1"),
            ("RU", 2023, 12, "turnover", 40.0, national, "goods", "old-1")]
    shares = national_shares(dataset_of(rows).figures, 2023).set_index("region")
    assert shares.loc["RU-SMO", "share_qualifier"] == marked
    assert shares.loc["RU-SMO", "share_pct"] == pytest.approx(5.0 / 40.0 * 100)
    assert shares.loc["RU-TA", "share_qualifier"] == share_qualifier("exact", national)


def test_a_partial_national_figure_is_never_the_denominator(dataset_of):
    rows = [r for r in ROWS if r[0] != "RU"] + [("RU", 2023, 9, "turnover", 40.0, "exact", "goods", "old-1")]
    shares = national_shares(dataset_of(rows).figures, 2023)
    assert len(shares) == 3 and shares["share_pct"].isna().all() and shares["national_usd_mn"].isna().all()
    assert set(shares["national_shown"]) == {""} and set(shares["national_source"]) == {""}


# --- series and like-for-like change ------------------------------------------------------------------------------


def test_region_series_is_the_regions_displayed_totals_oldest_first_full_and_partial(figures):
    series = region_series(figures, "RU-SMO")
    expected = sorted((y, m, v * 1000) for r, y, m, f, v, q, c, s in ROWS if r == "RU-SMO" and f == "turnover" and c == "goods")
    assert list(zip(series["year"], series["months"], series["usd_mn"])) == expected


def test_change_is_like_for_like_on_the_same_months_of_the_year_before(figures):
    changes = change_on_previous(region_series(figures, "RU-SMO")).set_index(["year", "months"])["change_pct"]
    assert changes[(2024, 9)] == pytest.approx((usd_mn("RU-SMO", 2024, 9) / usd_mn("RU-SMO", 2023, 9) - 1) * 100)  # not on the full 2023
    assert changes[(2023, 12)] == pytest.approx((usd_mn("RU-SMO", 2023) / usd_mn("RU-SMO", 2022) - 1) * 100)
    assert math.isnan(changes[(2022, 12)]) and math.isnan(changes[(2023, 9)])  # nothing a year before


def test_change_names_the_period_it_compares_with(figures):
    changes = change_on_previous(region_series(figures, "RU-SMO")).set_index(["year", "months"])
    assert changes.loc[(2024, 9), "period_before"] == "Jan–Sep 2023"
    assert changes.loc[(2023, 12), "period_before"] == "2022"


@pytest.mark.parametrize("before, now, compared", [
    ("at_least", "at_least", False),  # "over $1bn" twice: not a change of 0 %
    ("exact", "at_least", False),
    ("at_least", "exact", False),
    ("exact", "approx", True),  # "about": a change of an approximate figure is still one
    ("at_most", "exact", True),
])
def test_no_change_is_computed_to_or_from_a_lower_bound(write_dataset, before, now, compared):
    rows = [("RU-TA", 2021, 12, "turnover", 1.0, before, "goods", "old-1"), ("RU-TA", 2022, 12, "turnover", 1.2, now, "goods", "belta-1")]
    data, geo = write_dataset(figures=csv_text(rows))
    figures = load_dataset(data, geo).figures
    change = change_on_previous(region_series(figures, "RU-TA")).set_index("year").loc[2022]
    if compared:
        assert change["change_pct"] == pytest.approx((1.2 / 1.0 - 1) * 100) and change["differences"] == []
    else:
        assert math.isnan(change["change_pct"]) and change["differences"] == ["bound"]
    shown, summary = cards(figures, "RU-TA", 2022)
    delta = shown["Full year 2022"][1]
    if compared:
        assert delta == f"{(1.2 / 1.0 - 1) * 100:+.1f}% on 2021"
    else:  # the card says why, naming which of the two is the bound
        assert delta == "not comparable with 2021"
        bound, stated = "a lower bound (over)", "a stated figure"
        said = {"2021": bound if before == "at_least" else stated, "2022": bound if now == "at_least" else stated}
        assert f"2021 {said['2021']}" in " ".join(summary.notices) and f"2022 {said['2022']}" in " ".join(summary.notices)


# --- profile cards ------------------------------------------------------------------------------------------------


def cards(figures, region, year, flow="turnover"):
    summary = key_figures(figures[figures["region"] == region], ranking(figures, year, flow), region, flow, year)
    return {card.label: (card.value, card.delta) for card in summary.cards}, summary


def test_profile_cards_for_a_year_with_a_full_figure(figures):
    shown, summary = cards(figures, "RU-SMO", 2023)
    change = (usd_mn("RU-SMO", 2023) / usd_mn("RU-SMO", 2022) - 1) * 100
    partial_change = (usd_mn("RU-SMO", 2024, 9) / usd_mn("RU-SMO", 2023, 9) - 1) * 100
    table = ranking(figures, 2023)
    rank, ranked = rank_in(table, "RU-SMO")
    assert shown == {
        "Full year 2023": ("$4.4bn", f"{change:+.1f}% on 2022"),
        "Rank in 2023": (f"{rank} of {ranked}", None),
        "Latest full year (2023)": ("$4.4bn", None),
        "Peak full year (2023)": ("$4.4bn", None),
        "Latest partial period (Jan–Sep 2024)": ("$3.3bn", f"{partial_change:+.1f}% on Jan–Sep 2023"),
    }
    assert summary.like_for_like == [f"Jan–Sep 2024 {partial_change:+.1f}% on Jan–Sep 2023"]


def test_the_year_card_of_the_first_year_is_approximate_and_has_no_change(figures):
    shown, _ = cards(figures, "RU-SMO", 2022)
    assert shown["Full year 2022"] == ("about $2bn", None)
    assert shown["Rank in 2022"] == ("1 of 1", None)  # the only region with a 2022 figure


def test_a_year_with_only_a_partial_figure_shows_no_full_year_figure(figures):
    shown, summary = cards(figures, "RU-BRY", 2023)
    assert shown == {"Full year 2023": ("no figure", None), "Latest partial period (Jan–Sep 2023)": ("$9bn", None)}
    assert "Rank in 2023" not in shown and summary.like_for_like == []


def test_a_larger_partial_year_is_neither_the_peak_nor_the_latest_full_year(dataset_of):
    rows = [("RU-SMO", 2022, 12, "turnover", 2.0, "exact", "goods", "old-1"), ("RU-SMO", 2023, 12, "turnover", 1.5, "at_most", "goods", "old-1"),
            ("RU-SMO", 2024, 6, "turnover", 9.0, "exact", "goods", "old-1")]
    figures = dataset_of(rows).figures
    shown, _ = cards(figures, "RU-SMO", 2023)
    assert shown["Latest full year (2023)"] == ("almost $1.5bn", None)
    assert shown["Peak full year (2022)"] == ("$2bn", None)
    assert shown["Latest partial period (Jan–Jun 2024)"] == ("$9bn", None)


def test_a_region_without_figures_has_no_cards(figures):
    _, summary = cards(figures, "RU-XXX", 2023)
    assert summary.cards == [] and summary.like_for_like == []


def test_card_help_cites_period_figure_and_source_and_the_conversion(dataset_of, write_dataset):
    rows = [("RU-SMO", 2023, 12, "turnover", 4.4, "exact", "goods", "belta-1")]
    figures = dataset_of(rows).figures
    summary = key_figures(figures, ranking(figures, 2023), "RU-SMO", "turnover", 2023)
    assert summary.cards[0].help == f"2023: $4.4bn (BelTA, {PUBLISHED['belta-1']})"
    data, geo = write_dataset(figures=HEADER + "RU-SMO,2024,12,turnover,295,RUB,bn,exact,goods,,interfax-1,\n")
    figures = load_dataset(data, geo).figures
    help_text = key_figures(figures, ranking(figures, 2024), "RU-SMO", "turnover", 2024).cards[0].help
    assert help_text.startswith(f"2024: {figures.iloc[0]['shown']} (Interfax, {PUBLISHED['interfax-1']}); converted from RUB 295bn at 92.57 RUB/USD")
