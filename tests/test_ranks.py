"""data/ranks.csv: published places and top groups load next to the figures; each bad row is reported, good rows stay."""

import pytest

from tests.test_problems_i18n import extracted
from turnover.cli import run_validate
from turnover.dataset import load_dataset

HEADER = "region,year,months,flow,rank,top,out_of,group_share_pct,group_share_qualifier,source_id,note\n"
RANKS = HEADER + """RU-SMO,2024,9,turnover,3,,,,,ria-1,after Moscow and Moscow Oblast
RU-MOW,2022,12,export,,10,,73,at_most,belta-1,top ten importers
RU-SMO,2022,12,export,,10,,73,at_most,belta-1,top ten importers
RU-TA,2021,12,import,38,,85,,,old-1,
"""
GOOD_ROWS = RANKS.count("\n") - 1


def _load(write_dataset, ranks: str):
    data, geo = write_dataset()
    (data / "ranks.csv").write_text(ranks, encoding="utf-8")
    return load_dataset(data, geo)


def test_good_ranks_load_typed_with_region_names(write_dataset):
    dataset = _load(write_dataset, RANKS)
    assert dataset.problems == []
    ranks = dataset.ranks.set_index(["region", "year", "flow"])
    smolensk = ranks.loc[("RU-SMO", 2024, "turnover")]
    assert (smolensk["rank"], smolensk["months"], smolensk["region_name"]) == (3, 9, "Smolensk Oblast")
    group = dataset.ranks[dataset.ranks["top"] == 10]
    assert sorted(group["region"]) == ["RU-MOW", "RU-SMO"]
    assert set(group["group_share_pct"]) == {73.0} and set(group["group_share_qualifier"]) == {"at_most"}
    assert ranks.loc[("RU-TA", 2021, "import"), "out_of"] == 85


def test_without_a_ranks_file_there_are_no_ranks_and_no_problem(write_dataset):
    data, geo = write_dataset()
    dataset = load_dataset(data, geo)
    assert dataset.problems == []
    assert dataset.ranks.empty
    assert len(dataset.figures) > 0


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("Smolensk Region,2023,12,turnover,3,,,,,belta-1,", "region", "'Smolensk Region' is RU-SMO"),
        ("RU-SMK,2023,12,turnover,3,,,,,belta-1,", "region", "Smolensk Oblast (RU-SMO)"),
        ("RU-SMO,2023,12,turnover,3,,,,,nope,", "source_id", "unknown source_id"),
        ("RU-SMO,2023,12,turnover,3,10,,,,belta-1,", "rank", "not both"),
        ("RU-SMO,2023,12,turnover,,,,,,belta-1,", "rank", "rank or top is required"),
        ("RU-SMO,2023,12,turnover,47,,40,,,belta-1,", "out_of", "beyond out_of"),
        ("RU-SMO,2023,12,turnover,,10,5,,,belta-1,", "out_of", "beyond out_of"),
        ("RU-SMO,2023,13,turnover,3,,,,,belta-1,", "months", "months must be a whole number from 1 to 12"),
        ("RU-SMO,2023,0,turnover,3,,,,,belta-1,", "months", "months must be a whole number from 1 to 12"),
        ("RU-SMO,2023,12,turnover,,10,,101,exact,belta-1,", "group_share_pct", "from 0 to 100"),
        ("RU-SMO,2023,12,turnover,,10,,-5,exact,belta-1,", "group_share_pct", "from 0 to 100"),
        ("RU-SMO,2023,12,turnover,,10,,73,,belta-1,", "group_share_qualifier", "needs group_share_qualifier"),
        ("RU-SMO,2023,12,turnover,,10,,73,almost,belta-1,", "group_share_qualifier", "unknown group_share_qualifier"),
        ("RU-SMO,2023,12,turnover,3,,,50,exact,belta-1,", "group_share_pct", "give top, not rank"),
        ("RU-SMO,2023,12,turnover,3rd,,,,,belta-1,", "rank", "rank must be blank or a whole number"),
        ("RU-SMO,2023,12,trade,3,,,,,belta-1,", "flow", "unknown flow"),
        ("RU-SMO,2024,9,turnover,4,,,,,ria-1,", "region", "duplicate rank statement"),
    ],
)
def test_a_bad_rank_row_is_reported_with_line_column_reason_and_good_rows_stay(write_dataset, row, column, reason):
    dataset = _load(write_dataset, RANKS + row + "\n")
    assert len(dataset.problems) == 1, dataset.problems
    problem = dataset.problems[0]
    assert problem.path.endswith("ranks.csv")
    assert problem.line == GOOD_ROWS + 2  # header is line 1
    assert problem.column == column
    assert reason in problem.reason, problem.reason
    assert problem.message in extracted(), problem.message  # read in the reader's language, not typed as an f-string
    assert str(problem).startswith(f"{problem.path}:{problem.line}: {column}: ")
    assert len(dataset.ranks) == GOOD_ROWS


def test_validate_checks_ranks_too(write_dataset, capsys):
    data, geo = write_dataset()
    (data / "ranks.csv").write_text(RANKS + "RU-SMO,2023,12,turnover,3,10,,,,belta-1,\n", encoding="utf-8")
    assert run_validate(data, geo) == 1
    out = capsys.readouterr()
    assert f"ranks.csv:{GOOD_ROWS + 2}: rank: " in out.out
    assert f"{GOOD_ROWS} rank statements" in out.err
