"""data/ranks.csv at the edges of its rules (turnover/ranks.py): the last place is a place; a share needs its group.

Each row is checked on its own against a good file: it either loads, typed, or is the one reported problem.
"""

import pytest

from tests.test_ranks import RANKS, _load


@pytest.mark.parametrize(
    ("row", "problem_column"),
    [
        ("RU-SMO,2023,12,turnover,40,,40,,,belta-1,", None),  # the last of 40 is a place
        ("RU-SMO,2023,12,turnover,41,,40,,,belta-1,", "out_of"),
        ("RU-SMO,2023,12,turnover,,40,40,,,belta-1,", None),  # a top 40 of 40 is every region, but a group
        ("RU-SMO,2023,12,turnover,,10,,0,exact,belta-1,", None),  # a share of 0 % is a share
        ("RU-SMO,2023,12,turnover,,10,,,exact,belta-1,", "group_share_pct"),  # a qualifier without its share
    ],
)
def test_a_rank_row_at_the_edge_of_a_rule(write_dataset, row, problem_column):
    dataset = _load(write_dataset, RANKS + row + "\n")
    assert [p.column for p in dataset.problems] == ([problem_column] if problem_column else [])
    loaded = dataset.ranks[(dataset.ranks["region"] == "RU-SMO") & (dataset.ranks["year"] == 2023)]
    assert len(loaded) == (0 if problem_column else 1)
