"""The displayed-figure rule, all six preferences in order (turnover/selection.py's ``mark_displayed``).

Each case pits a figure that wins on one preference against one that wins on every later preference:
the earlier preference must decide, whichever row comes first in the table.
"""

import pandas as pd
import pytest

from turnover.selection import mark_displayed

ORDER = ["qualifier", "converted", "stats", "coverage", "source_kind", "source_published"]  # the README's order
PREFERRED = {"qualifier": "exact", "converted": False, "stats": "BY", "coverage": "goods", "source_kind": "official_statistics", "source_published": "2025-05-14"}
OTHER = {"qualifier": "approx", "converted": True, "stats": "", "coverage": "goods_services", "source_kind": "video", "source_published": "2023-05-30"}
KINDS_IN_ORDER = ["official_statistics", "government", "news_agency", "media", "aggregator", "video"]  # the README's order


def figure(name: str, **attributes) -> dict:
    row = {"name": name, "region": "RU-SMO", "year": 2023, "months": 12, "flow": "turnover", **PREFERRED, **attributes}
    row["total"] = row["coverage"] in ("goods", "goods_services")
    return row


def displayed_names(rows: list[dict]) -> list[str]:
    marked = mark_displayed(pd.DataFrame(rows))
    return list(marked.loc[marked["displayed"], "name"])


def pair(deciding: int, winner_value, loser_value) -> tuple[dict, dict]:
    """Tied before ``deciding``; the winner has the preferred value there and the other value on every later preference."""
    name = ORDER[deciding]
    later_other = {later: OTHER[later] for later in ORDER[deciding + 1:]}
    later_preferred = {later: PREFERRED[later] for later in ORDER[deciding + 1:]}
    return figure("winner", **{name: winner_value}, **later_other), figure("loser", **{name: loser_value}, **later_preferred)


CASES = [
    pytest.param(0, "exact", "approx", id="exact over approx"),
    pytest.param(0, "exact", "at_least", id="exact over over"),
    pytest.param(0, "exact", "at_most", id="exact over almost"),
    pytest.param(1, False, True, id="USD over converted roubles"),
    pytest.param(2, "BY", "", id="Belarusian statistics over a speech"),
    pytest.param(2, "RU", "", id="Russian statistics over a speech"),
    pytest.param(3, "goods", "goods_services", id="goods over goods and services"),
    *[pytest.param(4, better, worse, id=f"{better} over {worse}") for i, better in enumerate(KINDS_IN_ORDER) for worse in KINDS_IN_ORDER[i + 1:]],
    pytest.param(5, "2025-05-14", "2023-05-30", id="newest publication"),
]


@pytest.mark.parametrize(("deciding", "winner_value", "loser_value"), CASES)
@pytest.mark.parametrize("winner_first", [True, False])
def test_each_preference_decides_before_every_later_one(deciding, winner_value, loser_value, winner_first):
    winner, loser = pair(deciding, winner_value, loser_value)
    rows = [winner, loser] if winner_first else [loser, winner]
    assert displayed_names(rows) == ["winner"]


@pytest.mark.parametrize(("first", "second"), [("BY", "RU"), ("RU", "BY")])
def test_belarusian_and_russian_statistics_rank_alike_so_the_next_preference_decides(first, second):
    rows = [figure("services", stats=first, coverage="goods_services"), figure("goods", stats=second, coverage="goods")]
    assert displayed_names(rows) == ["goods"]


@pytest.mark.parametrize(("first", "second"), [("at_least", "at_most"), ("at_most", "at_least")])
def test_the_two_bounds_rank_alike_so_the_next_preference_decides(first, second):
    rows = [figure("converted", qualifier=first, converted=True), figure("dollars", qualifier=second, converted=False)]
    assert displayed_names(rows) == ["dollars"]


def test_an_approximate_figure_is_preferred_to_a_bound():
    rows = [figure("bound", qualifier="at_least"), figure("approximate", qualifier="approx", converted=True)]
    assert displayed_names(rows) == ["approximate"]


def test_a_missing_publication_date_counts_as_oldest():
    rows = [figure("undated", source_published=None), figure("dated", source_published="2001-01-01")]
    assert displayed_names(rows) == ["dated"]


@pytest.mark.parametrize(
    ("differs", "value"),
    [("region", "RU-BRY"), ("year", 2022), ("months", 9), ("flow", "export"), ("coverage", "agri_food")],
)
def test_figures_of_different_slots_are_each_displayed_with_no_alternatives(differs, value):
    rows = [figure("first", converted=True), figure("second", **{differs: value})]
    marked = mark_displayed(pd.DataFrame(rows))
    assert list(marked["displayed"]) == [True, True]
    assert list(marked["alternatives"]) == [0, 0]


def test_one_slot_of_three_figures_shows_one_and_counts_two_alternatives():
    rows = [figure("a", qualifier="approx"), figure("b"), figure("c", converted=True), figure("elsewhere", region="RU-MOW")]
    marked = mark_displayed(pd.DataFrame(rows))
    assert dict(zip(marked["name"], marked["displayed"])) == {"a": False, "b": True, "c": False, "elsewhere": True}
    assert dict(zip(marked["name"], marked["alternatives"])) == {"a": 2, "b": 2, "c": 2, "elsewhere": 0}


@pytest.mark.parametrize(("coverage", "slot"), [("goods", "total"), ("goods_services", "total"), ("agri_food", "agri_food")])
def test_goods_and_goods_and_services_share_the_total_slot_and_a_subset_has_its_own(coverage, slot):
    row = figure("x", coverage=coverage)
    row["total"] = coverage != "agri_food"
    assert mark_displayed(pd.DataFrame([row])).iloc[0]["total_or_coverage"] == slot


def test_a_source_of_unknown_kind_ranks_after_video():
    rows = [figure("unknown", source_kind="", source_published="2025-05-14"), figure("video", source_kind="video", source_published="2001-01-01")]
    assert displayed_names(rows) == ["video"]
