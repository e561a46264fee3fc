"""Every validation rule: a bad row is reported with file, line, column and reason; good rows stay."""

import pytest

from tests.conftest import FIGURES
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
        "id,publisher,title,url,published,language,kind\n"
        "belta-1,BelTA,t,,2024-11-18,de,news_agency\n"
        "ria-1,RIA,t,javascript:alert(1),2024-11-18,ru,news_agency\n"
        "interfax-1,Interfax,t,https://x.ru/,18.11.2024,ru,news_agency\n"
        "old-1,BelTA,t,https://x.by/,2023,en,news_agency\n"
        "old-1,BelTA,again,https://x.by/,2023,en,news_agency\n"
        "other,BelTA,t,https://x.by/,2023,xx,news_agency\n"
        "cbr,CBR,t,https://cbr.ru/,2025,ru,official_statistics\n"
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


def _append(text: str):
    return lambda original: original + text


def _replace(old: str, new: str):
    return lambda original: original.replace(old, new, 1)


# (file, change to its text, expected (line, column, reason)) for inputs beyond a single bad figure row
FILE_CASES = [
    ("sources.csv", _append("x1,BelTA,t,javascript:alert(1),2024-01-01,en,media\n"), (7, "url", "url must be blank or start with http")),
    ("sources.csv", _append('x2,BelTA,t,"data:text/html;base64,PHNjcmlwdD4=",2024-01-01,en,media\n'), (7, "url", "url must be blank or start with http")),
    ("sources.csv", _append("x3,BelTA,t,https://x.by/,18.11.2024,en,media\n"), (7, "published", "published must be a date")),
    ("sources.csv", _append("x4,BelTA,t,https://x.by/,2024-13-01,en,media\n"), (7, "published", "published must be a date")),
    ("sources.csv", _append("x5,,t,https://x.by/,2024,en,media\n"), (7, "publisher", "publisher is empty")),
    ("sources.csv", _append("x6,BelTA,t,https://x.by/,2024,fr,media\n"), (7, "language", "unknown language")),
    ("sources.csv", _append("bad id!,BelTA,t,https://x.by/,2024,en,media\n"), (7, "id", "id may hold only")),
    ("sources.csv", _append("belta-1,BelTA,again,https://x.by/,2024,en,media\n"), (7, "id", "duplicate source id: same id as line 2")),
    ("fx.csv", _append("2022,RUB,0,cbr\n"), (4, "per_usd", "per_usd is zero")),
    ("fx.csv", _append("2022,RUB,-68.5,cbr\n"), (4, "per_usd", "per_usd is not a positive number")),
    ("fx.csv", _append("2022,EUR,0.9,cbr\n"), (4, "currency", "unknown currency")),
    ("fx.csv", _append("2023,RUB,90,cbr\n"), (4, "year", "duplicate rate: same year, currency as line 2")),
    ("regions.csv", _append("RU-SMO,Again,Снова,,oblast,RU,FD-CENTRAL,\n"), (8, "id", "duplicate region id")),
    ("regions.csv", _append("RU-KLU,Kaluga Oblast,Калужская область,,oblast,RU,FD-CENTRAL,Smolensk Region\n"), (8, "aliases", "'Smolensk Region' already means RU-SMO")),
    ("regions.csv", _append("RU-KLU,Kaluga Oblast,Калужская область,,province,RU,FD-CENTRAL,\n"), (8, "kind", "unknown kind")),
    ("figures.csv", _replace("region,year", "region;year"), (1, "region,year", "header lacks this column")),
    ("figures.csv", _append("RU-SMO;2021;12;turnover;1;USD;bn;exact;goods;;belta-1;\n"), (10, "", "expected 12 fields, found 1")),
    ("figures.csv", _append("RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,\"unclosed\n"), (10, "", "stray quote")),
    ("figures.csv", _append("RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,a,b\n"), (10, "", "expected 12 fields, found 13")),
    ("figures.csv", _append("  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  \n"), (10, "region", "region is empty")),
    ("figures.csv", _append("RU-SMO,2021,12,turnover,1e3,USD,bn,exact,goods,,belta-1,\n"), (10, "value", "value is not a number")),
    ("figures.csv", _append("RU-SMO,2021,12,turnover,NaN,USD,bn,exact,goods,,belta-1,\n"), (10, "value", "value is not a number")),
    ("figures.csv", _append("RU-SMO,2099,12,turnover,1,USD,bn,exact,goods,,belta-1,\n"), (10, "year", "year must be a number")),
    ("figures.csv", _append("RU-SMO,2021,6.5,turnover,1,USD,bn,exact,goods,,belta-1,\n"), (10, "months", "months must be a whole number")),
    ("figures.csv", _append("RU-SMO,2021,12,Turnover,1,USD,bn,exact,goods,,belta-1,\n"), (10, "flow", "unknown flow")),
    ("figures.csv", _append("RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,UA,belta-1,\n"), (10, "stats", "unknown stats")),
]


@pytest.mark.parametrize(("name", "change", "expected"), FILE_CASES)
def test_malformed_or_hostile_input_is_reported_and_the_rest_kept(write_dataset, name, change, expected):
    from tests.conftest import FX, REGIONS, SOURCES

    texts = {"figures.csv": FIGURES, "sources.csv": SOURCES, "fx.csv": FX, "regions.csv": REGIONS}
    texts[name] = change(texts[name])
    data, geo = write_dataset(figures=texts["figures.csv"], sources=texts["sources.csv"], fx=texts["fx.csv"], regions=texts["regions.csv"])
    dataset = load_dataset(data, geo)
    found = [(p.line, p.column, p.reason) for p in dataset.problems if p.path.endswith(name)]
    line, column, reason = expected
    assert any(f[0] == line and f[1] == column and reason in f[2] for f in found), found
    if name != "figures.csv" or line != 1:
        assert len(dataset.figures) == GOOD_ROWS  # every good figure is still there


def test_a_huge_file_is_refused_with_a_clear_message(write_dataset, monkeypatch):
    import turnover.csvfile

    monkeypatch.setattr(turnover.csvfile, "MAX_BYTES", 200)
    dataset = load_dataset(*write_dataset())
    reasons = {p.path.rsplit("/", 1)[-1]: p.reason for p in dataset.problems}
    assert reasons["figures.csv"].startswith("file is larger than")


@pytest.mark.parametrize(("content", "reason"), [(None, "boundary file not found"), ("{not json", "not valid GeoJSON"), ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"), ('{"type": "FeatureCollection", "features": [{"properties": {"id": "XX-1"}, "geometry": {"type": "Polygon", "coordinates": []}}]}', "has id 'XX-1', not in regions.csv")])
def test_a_missing_or_corrupt_boundary_file_is_reported(write_dataset, content, reason):
    from turnover.boundaries import check_boundaries
    from turnover.regions import load_registry

    _, geo = write_dataset()
    if content is None:
        (geo / "regions.geojson").unlink()
    else:
        (geo / "regions.geojson").write_text(content)
    registry, _ = load_registry(geo / "regions.csv")
    problems = check_boundaries(geo / "regions.geojson", registry)
    assert len(problems) == 1 and reason in problems[0].reason
