"""Like for like only: a change, a line or a comparison joins two figures only on the same basis (currency as
published, coverage, whose statistics); conflicts; the headline on what is known; both sides; published ranks.

Expected values are computed from the rows of tests/profile_data.py.
"""

import math

import pytest

from tests.conftest import HEADER
from tests.profile_data import write_profile_data
from turnover.aggregate import basis_runs, both_sides, change_on_previous, rank_in, ranking, region_series
from turnover.charts import series_chart
from turnover.dataset import load_dataset
from turnover.problems import WARNING
from turnover.profile import key_figures
from turnover.ranks import published_ranks
from turnover.selection import basis_differences, same_basis

RUB_PER_USD_2024 = 92.57  # tests/conftest.py FX


def figure(converted=False, coverage="goods", stats=""):
    return {"converted": converted, "coverage": coverage, "stats": stats}


@pytest.mark.parametrize(
    ("first", "second", "differences"),
    [
        (figure(), figure(), []),
        (figure(), figure(converted=True), ["currency"]),
        (figure(), figure(coverage="goods_services"), ["coverage"]),
        (figure(stats="BY"), figure(stats="RU"), ["stats"]),
        (figure(stats="BY"), figure(), []),  # a blank matches either side
        (figure(stats="RU"), figure(stats="RU"), []),
        (figure(stats="BY"), figure(converted=True, coverage="goods_services", stats="RU"), ["currency", "coverage", "stats"]),
    ],
)
def test_the_basis_rule(first, second, differences):
    assert basis_differences(first, second) == differences
    assert basis_differences(second, first) == differences
    assert same_basis(first, second) is (differences == [])


@pytest.fixture
def dataset(write_dataset):
    return load_dataset(*write_profile_data(write_dataset))


def summary_of(dataset, region, year, flow="turnover"):
    ranks = published_ranks(dataset.ranks[dataset.ranks["region"] == region], dataset.sources)
    return key_figures(dataset.for_region(region), ranking(dataset.figures, year, flow), region, flow, year,
                       ranking_of=lambda other: ranking(dataset.figures, other, flow), published=ranks)


def cards(summary):
    return {card.label: (card.value, card.delta) for card in summary.cards}


def test_a_converted_figure_is_not_compared_with_a_dollar_figure(dataset):
    changes = change_on_previous(region_series(dataset.figures, "RU-SMO")).set_index(["year", "months"])
    assert math.isnan(changes.loc[(2024, 12), "change_pct"]) and changes.loc[(2024, 12), "differences"] == ["currency"]
    summary = summary_of(dataset, "RU-SMO", 2024)
    rouble = 295e3 / RUB_PER_USD_2024  # US$ million
    assert cards(summary)["Full year 2024"] == (f"${rouble / 1000:.2f}bn", "not comparable with 2023")
    assert "Full year 2024: not comparable: 2023 in dollars; 2024 converted from roubles" in summary.notices


def test_goods_and_goods_and_services_of_the_national_series_are_kept_apart(dataset):
    series = region_series(dataset.figures, "RU")
    assert set(series["coverage"]) == {"goods", "goods_services"}
    runs = basis_runs(series[series["full_year"]])
    assert runs.nunique() == 2  # consecutive years, but no line joins them
    summary = summary_of(dataset, "RU", 2024)
    assert cards(summary)["Full year 2024"] == ("$60bn", "not comparable with 2023")
    assert summary.notices == ["Full year 2024: not comparable: 2023 goods only; 2024 goods and services"]


def test_the_series_never_joins_dollars_and_converted_roubles_and_marks_them(dataset):
    series = region_series(dataset.figures, "RU-SMO")
    rows = {(r["period"]): r for r in series_chart(series, "Smolensk Oblast", "turnover", selected_year=2024).spec()["datasets"]["figures"]}
    assert rows["2024"]["run"] not in ("", rows["2023"]["run"])
    assert (rows["2023"]["kind"], rows["2024"]["kind"]) == ("Full year", "Full year, converted from roubles")
    assert rows["2024"]["align"] is not None  # the selected year carries its value


def test_a_full_year_below_its_own_part_is_a_warning_and_a_notice(dataset):
    warnings = [p for p in dataset.problems if p.severity == WARNING and "below the Jan–Sep 2023 figure" in p.reason]
    assert len(warnings) == 1 and warnings[0].path.endswith("figures.csv")
    mow = dataset.figures[(dataset.figures["region"] == "RU-MOW") & (dataset.figures["year"] == 2023)].set_index("months")["line"]
    assert warnings[0].line == mow[12] and f"(line {mow[9]})" in warnings[0].reason
    notices = summary_of(dataset, "RU-MOW", 2023).notices
    assert notices == ["Conflict: the full year 2023, $5bn (BelTA), is below Jan–Sep 2023, $6bn (RIA Novosti), on the same basis; one of them is wrong."]


def test_a_full_year_below_a_part_on_another_basis_is_no_conflict(dataset):
    assert not [p for p in dataset.problems if "RU-SMO" in p.reason or "2024 is below" in p.reason]  # 295bn roubles vs $3.1bn: not compared
    assert not [n for n in summary_of(dataset, "RU-SMO", 2024).notices if n.startswith("Conflict")]


def test_the_cards_name_the_same_conflicts_as_the_load_warnings(write_dataset):
    """A full year below the largest part of its year on its basis (a blank ``stats`` matches either side; another
    side's or coverage's part, or another flow's, never counts): the card notices and the load's warnings agree."""
    rows = [  # region, year, months, flow, value (US$ bn), coverage, stats
        ("RU-SMO", 2022, 12, "turnover", 4.0, "goods", "BY"),
        ("RU-SMO", 2022, 6, "turnover", 4.5, "goods", ""),  # above the full year, but below the next part
        ("RU-SMO", 2022, 9, "turnover", 5.0, "goods", ""),  # the one named
        ("RU-SMO", 2022, 11, "turnover", 6.0, "goods", "RU"),  # the other side's statistics
        ("RU-SMO", 2023, 12, "turnover", 3.0, "goods", ""),
        ("RU-SMO", 2023, 9, "turnover", 3.5, "goods_services", ""),  # another coverage
        ("RU-SMO", 2023, 12, "export", 1.0, "goods", ""),
        ("RU-SMO", 2023, 9, "export", 2.0, "goods", ""),  # another flow's conflict
    ]
    figures = HEADER + "".join(f"{r},{y},{m},{f},{v},USD,bn,exact,{c},{s},belta-1,\n" for r, y, m, f, v, c, s in rows)
    dataset = load_dataset(*write_dataset(figures=figures))
    warnings = [p.reason for p in dataset.problems if p.severity == WARNING and "is below" in p.reason]
    assert len(warnings) == 2 and "the full-year figure $4bn for 2022 is below the Jan–Sep 2022 figure $5bn" in warnings[0]
    assert [n for n in summary_of(dataset, "RU-SMO", 2022).notices if n.startswith("Conflict")] == [
        "Conflict: the full year 2022, $4bn (BelTA), is below Jan–Sep 2022, $5bn (BelTA), on the same basis; one of them is wrong."
    ]
    assert len([n for n in summary_of(dataset, "RU-SMO", 2023, "export").notices if n.startswith("Conflict")]) == 1


def test_a_year_without_a_figure_opens_on_the_latest_known_full_year_with_its_rank(dataset):
    summary = summary_of(dataset, "RU-BRY", 2024)
    shown = cards(summary)
    rank, ranked = rank_in(ranking(dataset.figures, 2022), "RU-BRY")
    assert shown["Full year 2024"] == ("2022: almost $500m", "no figure published for 2024")
    assert shown["Rank in 2022"][0] == f"{rank} of {ranked}"
    assert summary.cards[0].help.startswith("2022: almost $500m — no figure published for 2024.")


def test_both_sides_statistics_are_shown_side_by_side(dataset):
    sides = both_sides(dataset.figures, "RU-TA")
    assert list(sides["stats"]) == ["BY", "RU"] and set(sides["year"]) == {2024}
    rouble = 28.4e3 / RUB_PER_USD_2024
    assert summary_of(dataset, "RU-TA", 2024).notices[-1:] == [
        f"2024, both sides' statistics — Belarusian statistics (BelTA): about $2.8bn; Russian statistics (Tatarstan government): RUB 28.4bn ≈ ${rouble:.1f}m."
    ]
    series = region_series(dataset.figures, "RU-TA")
    rows = series_chart(series, "Republic of Tatarstan", "turnover", counterparts=sides).spec()["datasets"]["figures"]
    kinds = {(r["year"], r["kind"], r["on_line"]) for r in rows if r["year"] == 2024}
    assert kinds == {(2024, "Russian statistics (both sides publish)", True), (2024, "Belarusian statistics (both sides publish)", False)}


def test_the_rank_card_gives_the_computed_and_the_published_rank_with_sources(dataset):
    summary = summary_of(dataset, "RU-SMO", 2024)
    rank, ranked = rank_in(ranking(dataset.figures, 2024), "RU-SMO")
    assert cards(summary)["Rank in 2024"] == (f"{rank} of {ranked}", "published: 3rd")
    assert "Rank in 2024: published: 3rd among Russian regions — Interfax, 2025-05-14" in summary.notices
    summary = summary_of(dataset, "RU-TA", 2024)
    rank, ranked = rank_in(ranking(dataset.figures, 2024), "RU-TA")
    assert cards(summary)["Rank in 2024"] == (f"{rank} of {ranked}", "published: top 10")
    assert "Rank in 2024: published: among the top 10 trading partners of Belarus — Tatarstan government, 2025-07-01" in summary.notices


@pytest.mark.parametrize(("number", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (103, "103rd")])
def test_ordinals(number, text):
    from turnover.texts.profile import ordinal

    assert ordinal(number) == text


def test_validate_prints_the_conflict_as_a_warning_and_passes(write_dataset, capsys):
    from turnover.cli import run_validate

    data, geo = write_profile_data(write_dataset)
    assert run_validate(data, geo) == 0  # a warning: the rows stay, validate passes
    out = capsys.readouterr().out
    assert "figures.csv:" in out and "warning: the full-year figure $5bn for 2023 is below the Jan–Sep 2023 figure $6bn" in out
