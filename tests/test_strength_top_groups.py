"""Which published top-group statements reach the map and its captions (turnover/top_groups.py), case by case.

A statement reaches the map for the year and flow shown, and only for a full year; its share is a caption
line once per statement (not once per member), with the source's publisher and date, blank when unknown.
"""

import pandas as pd
import pytest

from turnover.top_groups import group_statements, top_groups

SOURCES = pd.DataFrame({"publisher": ["BelTA", "Interfax"], "published": ["2024-11-18", "2023-02-01"]}, index=pd.Index(["belta-1", "ifx-1"], name="source_id"))
COLUMNS = ["region", "year", "months", "flow", "rank", "top", "group_share_pct", "group_share_qualifier", "source_id"]
MEMBER = {"region": "RU-SMO", "year": 2022, "months": 12, "flow": "export", "rank": pd.NA, "top": 10, "group_share_pct": 73.0, "group_share_qualifier": "at_most", "source_id": "belta-1"}


def ranks_table(*rows: dict) -> pd.DataFrame:
    table = pd.DataFrame([{**MEMBER, **row} for row in rows], columns=COLUMNS)
    return table.astype({"rank": "Int64", "top": "Int64"})


@pytest.mark.parametrize(
    ("change", "on_the_map"),
    [
        ({}, True),
        ({"year": 2021}, False),  # another year
        ({"flow": "import"}, False),  # another flow
        ({"months": 9}, False),  # a partial year is not a full-year group
        ({"top": pd.NA, "rank": 3}, False),  # a place is not a group
    ],
)
def test_a_statement_reaches_the_map_for_its_own_full_year_and_flow_only(change, on_the_map):
    groups = top_groups(ranks_table({**change}), SOURCES, 2022, "export")
    assert list(groups["region"]) == (["RU-SMO"] if on_the_map else [])


def test_each_member_carries_its_sources_publisher_and_date_blank_when_the_source_is_unknown():
    groups = top_groups(ranks_table({}, {"region": "RU-TA", "source_id": "gone-1"}), SOURCES, 2022, "export")
    assert groups.set_index("region")[["publisher", "published"]].to_dict("index") == {
        "RU-SMO": {"publisher": "BelTA", "published": "2024-11-18"},
        "RU-TA": {"publisher": "", "published": ""},
    }


def test_without_any_statement_the_groups_are_empty_but_keep_the_publisher_columns():
    groups = top_groups(ranks_table().iloc[0:0], SOURCES, 2022, "export")
    assert groups.empty and {"publisher", "published"} <= set(groups.columns)
    assert group_statements(groups).empty


def test_the_share_is_one_caption_per_statement_not_per_member():
    rows = ranks_table(
        {}, {"region": "RU-TA"},  # one statement, two members
        {"region": "RU-MOW", "top": 5, "group_share_pct": 40.0, "group_share_qualifier": "approx", "source_id": "ifx-1"},
        {"region": "RU-BRY", "group_share_pct": float("nan"), "group_share_qualifier": "", "source_id": "ifx-1"},  # no share given
    )
    statements = group_statements(top_groups(rows, SOURCES, 2022, "export"))
    assert statements.to_dict("records") == [
        {"top": 10, "group_share_pct": 73.0, "group_share_qualifier": "at_most", "publisher": "BelTA", "published": "2024-11-18"},
        {"top": 5, "group_share_pct": 40.0, "group_share_qualifier": "approx", "publisher": "Interfax", "published": "2023-02-01"},
    ]
