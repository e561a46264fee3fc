"""The alternatives' slot as ``add`` sees it (turnover/selection.py's ``slot_key``) agrees with the pages' (``mark_displayed``);
the figures charts and sums use (``displayed_totals``) are the displayed total-trade ones of the flow asked for; a large
frame's vectorised ``total_rows`` picks what the row-by-row reading of a small one picks.

``add`` tells the user how many figures from other sources share the new figure's slot; the pages show one
figure per slot and count the rest as alternatives. Each case changes one column of a figure and says whether
the two figures still compete; both functions must answer the same.
"""

import pandas as pd
import pytest

from turnover import selection
from turnover.selection import displayed_totals, mark_displayed, slot_key, total_rows

BASE = {"region": "RU-SMO", "year": 2023, "months": 12, "flow": "turnover", "coverage": "goods",
        "qualifier": "exact", "converted": False, "stats": "BY", "source_kind": "news_agency", "source_published": "2024-01-01"}


@pytest.mark.parametrize(
    ("change", "same_slot"),
    [
        ({"coverage": "goods_services"}, True),  # both are total trade: one slot
        ({"stats": "RU", "source_published": "2025-01-01"}, True),  # another source of the same figure
        ({"flow": "export"}, False),
        ({"region": "RU-BRY"}, False),
        ({"year": 2022}, False),
        ({"months": 9}, False),
        ({"coverage": "agri_food"}, False),  # a subset is not total trade
    ],
)
def test_two_figures_compete_for_one_slot_exactly_when_add_and_the_pages_say_so(change, same_slot):
    other = {**BASE, **change}
    assert (slot_key(BASE) == slot_key(other)) is same_slot
    marked = mark_displayed(pd.DataFrame([BASE, other]))
    assert list(marked["alternatives"]) == ([1, 1] if same_slot else [0, 0])
    assert marked["displayed"].sum() == (1 if same_slot else 2)


def test_two_subsets_of_different_kinds_have_slots_of_their_own():
    machinery = {**BASE, "coverage": "machinery"}
    agri = {**BASE, "coverage": "agri_food"}
    assert len({slot_key(machinery), slot_key(agri), slot_key(BASE)}) == 3


@pytest.mark.parametrize(
    ("flow", "expected"),
    [("export", ["export, goods"]), ("import", ["import, goods"]), (None, ["export, goods", "import, goods"])],
)
def test_charts_and_sums_take_the_displayed_total_of_the_flow_asked_for(flow, expected):
    rows = [
        {**BASE, "flow": "export", "name": "export, goods"},
        {**BASE, "flow": "export", "coverage": "goods_services", "qualifier": "approx", "name": "export, an alternative"},
        {**BASE, "flow": "import", "name": "import, goods"},
        {**BASE, "flow": "import", "coverage": "machinery", "name": "import, a subset"},
    ]
    figures = mark_displayed(pd.DataFrame(rows)).assign(total=lambda t: t["coverage"].isin(["goods", "goods_services"]))
    assert sorted(displayed_totals(figures, flow)["name"]) == expected


@pytest.mark.parametrize("region", ["RU-SMO", "RU-BRY", None])
@pytest.mark.parametrize("among", [None, "displayed"])
def test_a_large_frame_gives_the_same_total_rows_as_a_small_one(monkeypatch, region, among):
    """Above ``PANDAS_ABOVE`` rows the figures are picked with vectorised masks: the same figures, in the same order.
    ``among`` only narrows a large frame's reading; what it keeps is what the caller keeps of a small one."""
    rows = [
        {**BASE, "name": "Smolensk, total"},
        {**BASE, "coverage": "machinery", "name": "Smolensk, a subset"},
        {**BASE, "flow": "export", "name": "Smolensk, export"},
        {**BASE, "region": "RU-BRY", "name": "Bryansk, total"},
        {**BASE, "region": "RU-BRY", "year": 2022, "name": "Bryansk, 2022"},
        {**BASE, "stats": "RU", "source_published": "2025-01-01", "name": "Smolensk, an alternative"},
    ]
    figures = mark_displayed(pd.DataFrame(rows)).assign(total=lambda t: t["coverage"].isin(["goods", "goods_services"]))
    pick = None if among is None else (lambda frame: frame[among])
    small = [row["name"] for row in total_rows(figures, ["name", "displayed"], "turnover", region, pick) if among is None or row["displayed"]]
    monkeypatch.setattr(selection, "PANDAS_ABOVE", 0)
    large = [row["name"] for row in total_rows(figures, ["name", "displayed"], "turnover", region, pick)]
    shown = dict(zip(figures["name"], figures["displayed"]))
    expected = [r["name"] for r in rows if r["flow"] == "turnover" and r["coverage"] == "goods" and region in (None, r["region"])]
    assert small == [name for name in expected if among is None or shown[name]]
    assert large == small
