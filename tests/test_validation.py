"""Every validation rule: a bad row is reported with file, line, column and reason; good rows stay."""

import pytest

from tests.conftest import FIGURES, HEADER
from turnover.dataset import load_dataset

GOOD_ROWS = FIGURES.count("\n") - 1


def _load_with_extra(write_dataset, row: str):
    data, geo = write_dataset(figures=FIGURES + row + "\n")
    return load_dataset(data, geo)


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("RU-XYZ,2023,12,turnover,1,USD,bn,exact,goods,,belta-1,", "region", "unknown region 'RU-XYZ'"),
        ("Smolensk Region,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,", "region", "'Smolensk Region' is RU-SMO"),
        ("RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,nope,", "source_id", "unknown source_id"),
        ("RU-SMO,2023,12,turnover,4.5,USD,bn,exact,goods,,belta-1,", "region", "duplicate figure"),
        ("RU-SMO,2021,13,turnover,1,USD,bn,exact,goods,,belta-1,", "months", "months must be a whole number from 1 to 12"),
        ("RU-SMO,2021,0,turnover,1,USD,bn,exact,goods,,belta-1,", "months", "months must be a whole number from 1 to 12"),
        ("RU-SMO,2021,12,turnover,-1,USD,bn,exact,goods,,belta-1,", "value", "value is negative"),
        ("RU-SMO,2021,12,turnover,4.4bn,USD,bn,exact,goods,,belta-1,", "value", "value is not a number"),
        ("RU-SMO,2021,12,turnover,\"4,4\",USD,bn,exact,goods,,belta-1,", "value", "value is not a number"),
        ("RU-SMO,2021,12,turnover,,USD,bn,exact,goods,,belta-1,", "value", "value is not a number"),
        ("RU-SMO,2021,12,turnover,1,EUR,bn,exact,goods,,belta-1,", "currency", "unknown currency"),
        ("RU-SMO,2021,12,turnover,1,USD,bn,roughly,goods,,belta-1,", "qualifier", "unknown qualifier"),
        ("RU-SMO,2021,12,trade,1,USD,bn,exact,goods,,belta-1,", "flow", "unknown flow"),
        ("RU-SMO,2021,12,turnover,1,USD,billion,exact,goods,,belta-1,", "scale", "unknown scale"),
        ("RU-SMO,20x1,12,turnover,1,USD,bn,exact,goods,,belta-1,", "year", "year must be a number"),
        ("RU-SMO,1850,12,turnover,1,USD,bn,exact,goods,,belta-1,", "year", "year must be a number"),
        ("RU-SMO,2021,12,turnover,1,USD,bn,exact,gas,,belta-1,", "coverage", "unknown coverage"),
        ("RU-SMO,2021,12,turnover,1,RUB,bn,exact,goods,,belta-1,", "currency", "RUB/USD rate for 2021 missing"),
        ("RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,,extra", "", "expected 12 fields, found 13"),
        ("RU-SMO,2021,12,turnover,\"1,USD,bn,exact,goods,,belta-1,", "", "stray quote"),
    ],
)
def test_a_bad_row_is_reported_with_line_column_reason_and_good_rows_stay(write_dataset, row, column, reason):
    dataset = _load_with_extra(write_dataset, row)
    assert len(dataset.problems) == 1, dataset.problems
    problem = dataset.problems[0]
    assert problem.path.endswith("figures.csv")
    assert problem.line == GOOD_ROWS + 2  # header is line 1
    assert problem.column == column
    assert reason in problem.reason
    assert len(dataset.figures) == GOOD_ROWS
    assert str(problem).startswith(f"{problem.path}:{problem.line}: ")


def test_every_bad_row_is_reported_not_only_the_first(write_dataset):
    rows = "RU-SMO,2021,13,turnover,1,USD,bn,exact,goods,,belta-1,\nRU-SMO,2020,12,turnover,-2,EUR,bn,exact,goods,,belta-1,\n"
    data, geo = write_dataset(figures=FIGURES + rows)
    dataset = load_dataset(data, geo)
    assert [(p.line, p.column) for p in dataset.problems] == [(GOOD_ROWS + 2, "months"), (GOOD_ROWS + 3, "currency"), (GOOD_ROWS + 3, "value")]
    assert len(dataset.figures) == GOOD_ROWS


def test_unknown_region_lists_the_closest_known_names(write_dataset):
    dataset = _load_with_extra(write_dataset, "Smolensk Oblastt,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,")
    assert "Smolensk Oblast (RU-SMO)" in dataset.problems[0].reason


def test_a_header_missing_a_column_is_one_clear_problem(write_dataset):
    data, geo = write_dataset(figures=FIGURES.replace("qualifier,", "", 1))
    dataset = load_dataset(data, geo)
    assert [(p.line, p.column) for p in dataset.problems] == [(1, "qualifier")]
    assert "header lacks this column" in dataset.problems[0].reason


def test_an_empty_file_and_a_missing_file_are_reported(write_dataset):
    data, geo = write_dataset(figures="")
    (data / "fx.csv").unlink()
    reasons = {p.path.rsplit("/", 1)[-1]: p.reason for p in load_dataset(data, geo).problems}
    assert reasons["figures.csv"].startswith("file is empty")
    assert reasons["fx.csv"] == "file not found"


def test_bom_and_windows_line_endings_are_read(write_dataset, tmp_path):
    data, geo = write_dataset()
    (data / "figures.csv").write_bytes(b"\xef\xbb\xbf" + FIGURES.replace("\n", "\r\n").encode())
    dataset = load_dataset(data, geo)
    assert dataset.problems == []
    assert len(dataset.figures) == GOOD_ROWS


def test_latin1_bytes_spoil_only_their_row(write_dataset):
    data, geo = write_dataset()
    text = FIGURES.encode() + "RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,Gebiet Smolensk – geschätzt\n".encode("latin-1", errors="replace")
    (data / "figures.csv").write_bytes(text)
    dataset = load_dataset(data, geo)
    assert [p.reason for p in dataset.problems] == ["not valid UTF-8 (save the file as UTF-8); row skipped"]
    assert len(dataset.figures) == GOOD_ROWS


def test_sources_and_fx_rules(write_dataset):
    sources = (
        "id,publisher,title,url,published,language\n"
        "belta-1,BelTA,t,,2024-11-18,de\n"
        "ria-1,RIA,t,javascript:alert(1),2024-11-18,ru\n"
        "interfax-1,Interfax,t,https://x.ru/,18.11.2024,ru\n"
        "old-1,BelTA,t,https://x.by/,2023,en\n"
        "old-1,BelTA,again,https://x.by/,2023,en\n"
        "other,BelTA,t,https://x.by/,2023,xx\n"
        "cbr,CBR,t,https://cbr.ru/,2025,ru\n"
    )
    fx = "year,currency,per_usd,source_id\n2023,RUB,85.25,cbr\n2024,RUB,0,cbr\n2024,RUB,92.57,nobody\n"
    data, geo = write_dataset(sources=sources, fx=fx)
    problems = [(p.path.rsplit("/", 1)[-1], p.line, p.column) for p in load_dataset(data, geo).problems]
    assert ("sources.csv", 3, "url") in problems
    assert ("sources.csv", 4, "published") in problems
    assert ("sources.csv", 6, "id") in problems
    assert ("sources.csv", 7, "language") in problems
    assert ("fx.csv", 3, "per_usd") in problems
    assert ("fx.csv", 4, "source_id") in problems
