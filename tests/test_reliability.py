"""Every input file × every way it can be broken: one clear ``path:line: column: reason``, never a traceback, and
every table that does not depend on the broken file keeps all its rows. Plus row ends, plausibility and safe downloads."""

import csv
import datetime as dt
import io
import os
from pathlib import Path

import pytest

import turnover.boundaries
import turnover.csvfile
import turnover.inputfile
from tests.conftest import FIGURES, FX, REGIONS, SOURCES, UNDATED
from turnover.cli import run_validate
from turnover.dataset import load_dataset
from turnover.downloads import data_file_offers
from turnover.spreadsheet import neutralise, safe_csv

GOOD_FIGURES = FIGURES.count("\n") - 1
ROUBLE_FIGURES = FIGURES.count(",RUB,")
TWO_FEATURES = (
    '{"type": "FeatureCollection", "features": ['
    '{"type": "Feature", "properties": {"id": "RU-SMO", "name_en": "Smolensk Oblast", "name_ru": "Смоленская область", "country": "RU"}, '
    '"geometry": {"type": "Polygon", "coordinates": [[[31, 54], [31, 56], [35, 56], [35, 54], [31, 54]]]}}, '
    '{"type": "Feature", "properties": {"id": "RU-BRY", "name_en": "Bryansk Oblast", "name_ru": "Брянская область", "country": "RU"}, '
    '"geometry": {"type": "Polygon", "coordinates": [[[31, 52], [31, 54], [35, 54], [35, 52], [31, 52]]]}}]}'
)
TEXTS = {"figures.csv": FIGURES, "sources.csv": SOURCES, "fx.csv": FX, "undated.csv": UNDATED, "regions.csv": REGIONS,
         "regions.geojson": TWO_FEATURES, "regions-overview.geojson": TWO_FEATURES}
SMALL_LIMIT = 50_000  # bytes: the size limit while a test pads one file beyond it


def _padded(text: str, geojson: bool) -> str:
    return text + (" " if geojson else "\n") * (SMALL_LIMIT + 1)  # blank lines and JSON whitespace: otherwise valid


def _oversized_field(text: str) -> str:
    """The file with one more row: its last row again, last field replaced by a quoted field longer than csv's limit."""
    last = text.rstrip("\n").split("\n")[-1]
    fields = next(csv.reader([last]))
    return text + ",".join(f'"{f}"' for f in fields[:-1]) + ',"' + "x" * 200_000 + '"\n'


def _without_first_id(text: str) -> str:
    return text.replace('"id": "RU-SMO", ', "", 1)


# failure -> (how to break the file: (path, text, geojson) -> None, reason a CSV gets, reason a boundary file gets)
FAILURES = {
    "missing": (lambda p, t, g: p.unlink(), "file not found", "file not found"),
    "directory": (lambda p, t, g: (p.unlink(), p.mkdir()), "is a directory", "is a directory"),
    "symlink": (lambda p, t, g: (p.with_name("other-" + p.name).write_text(t), p.unlink(), p.symlink_to(p.with_name("other-" + p.name))), "is a symbolic link", "is a symbolic link"),
    "fifo": (lambda p, t, g: (p.unlink(), os.mkfifo(p)), "not a regular file", "not a regular file"),
    "unreadable": (None, "permission denied", "permission denied"),
    "empty": (lambda p, t, g: p.write_text(""), "file is empty", "not valid GeoJSON"),
    "header_only": (lambda p, t, g: p.write_text(t.split("\n")[0] + "\n"), "header but no rows", None),
    "utf16": (lambda p, t, g: p.write_bytes(t.encode("utf-16")), "NUL bytes", "not valid GeoJSON"),
    "wrong_shape": (lambda p, t, g: p.write_text("[1, 2, 3]" if g else '{"type": "FeatureCollection"}\n'), "header lacks this column", "not a GeoJSON FeatureCollection"),
    "not_json": (lambda p, t, g: p.write_text("{not json"), None, "not valid GeoJSON"),
    "cr_line_ends": (lambda p, t, g: p.write_bytes(t.replace("\n", "\r").encode()), "carriage return alone", None),
    "duplicate_column": (lambda p, t, g: p.write_text(t.replace("\n", "," + t.split(",")[0] + "\n", 1)), "column name repeated", None),
    "missing_column": (lambda p, t, g: p.write_text(_without_first_id(t) if g else t.split(",", 1)[1]), "header lacks this column", "has no properties.id"),
    "oversized_field": (lambda p, t, g: p.write_text(_oversized_field(t)), "characters long, more than", None),
    "oversized_file": (lambda p, t, g: p.write_text(_padded(t, g)), "file is larger than", "file is larger than"),
}
CASES = [
    (name, failure)
    for name in TEXTS
    for failure, (_, csv_reason, geo_reason) in FAILURES.items()
    if (geo_reason if name.endswith(".geojson") else csv_reason) is not None
]


def expected_figures(name: str, failure: str) -> int:
    """How many figures must survive, from this test's own input: only what depends on the broken file is lost."""
    whole_file = failure != "oversized_field"
    if name in ("figures.csv", "regions.csv") and whole_file:
        return 0  # no figure, or no region to place one in
    if name == "fx.csv" and whole_file:
        return GOOD_FIGURES - ROUBLE_FIGURES  # rouble figures need a rate
    return GOOD_FIGURES  # sources.csv broken: figures stay, "source missing"; undated and boundaries are independent


def break_input(tmp_path: Path, monkeypatch, write_dataset, name: str, failure: str) -> tuple[Path, Path, Path]:
    data, geo = write_dataset(undated=UNDATED, boundaries=TWO_FEATURES)
    path = (geo if name.startswith("regions") else data) / name
    if failure == "oversized_file":
        monkeypatch.setattr(turnover.csvfile, "MAX_BYTES", SMALL_LIMIT)
        monkeypatch.setattr(turnover.boundaries, "MAX_BYTES", SMALL_LIMIT)
    breaker = FAILURES[failure][0]
    if breaker is None:  # unreadable: refused by the operating system (tests may run as root, where chmod 000 reads fine)
        real_open = os.open

        def refusing_open(target, *args, **kwargs):
            if Path(target) == path:
                raise PermissionError(13, "Permission denied", str(target))
            return real_open(target, *args, **kwargs)

        monkeypatch.setattr(turnover.inputfile.os, "open", refusing_open)
    else:
        breaker(path, TEXTS[name], name.endswith(".geojson"))
    return data, geo, path


@pytest.mark.parametrize(("name", "failure"), CASES)
def test_a_broken_input_file_is_one_clear_problem_and_the_rest_loads(tmp_path, monkeypatch, write_dataset, capsys, name, failure):
    data, geo, path = break_input(tmp_path, monkeypatch, write_dataset, name, failure)
    _, csv_reason, geo_reason = FAILURES[failure]
    reason = geo_reason if name.endswith(".geojson") else csv_reason

    dataset = load_dataset(data, geo)  # never raises

    mine = [p for p in dataset.problems if p.path.endswith("/" + name) and reason in p.reason]
    assert mine, dataset.problems
    assert str(mine[0]).startswith(f"{mine[0].path}:{mine[0].line}: ")
    assert len(dataset.figures) == expected_figures(name, failure)
    if name != "sources.csv" or failure == "oversized_field":
        assert len(dataset.sources) == SOURCES.count("\n") - 1

    assert run_validate(data, geo) == 1
    printed = capsys.readouterr()
    assert str(mine[0]) in printed.out
    assert "Traceback" not in printed.out + printed.err


def test_a_broken_sources_file_leaves_figures_shown_with_source_missing(write_dataset):
    data, geo = write_dataset()
    (data / "sources.csv").unlink()
    dataset = load_dataset(data, geo)
    assert len(dataset.figures) == GOOD_FIGURES
    assert set(dataset.figures["source_publisher"]) == {"source missing (sources.csv could not be read)"}


# --- row ends are LF or CR LF only ------------------------------------------------------------------------------

@pytest.mark.parametrize("character", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\r", "\x1b"])
def test_a_separator_or_control_character_in_a_field_keeps_the_row_and_is_replaced_with_a_warning(write_dataset, character):
    row = f"RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,first{character}second\n"
    sources = SOURCES + f"new-1,BelTA,Title{character}more,,2024-01-01,en,news_agency\n"
    data, geo = write_dataset(figures=FIGURES + row, sources=sources)
    dataset = load_dataset(data, geo)
    kept = dataset.figures[dataset.figures["year"] == 2021]
    assert list(kept["note"]) == ["first second"]
    assert dataset.sources.at["new-1", "title"] == "Title more"
    warned = {(p.path.rsplit("/", 1)[-1], p.line, p.column, p.severity) for p in dataset.problems}
    assert warned == {("figures.csv", GOOD_FIGURES + 2, "note", "warning"), ("sources.csv", SOURCES.count("\n") + 1, "title", "warning")}
    assert f"U+{ord(character):04X}" in dataset.problems[0].reason


def test_warnings_alone_let_validate_pass(write_dataset, capsys):
    data, geo = write_dataset(figures=FIGURES + "RU-SMO,2021,12,turnover,1,USD,bn,exact,goods,,belta-1,a\u2028b\n")
    assert run_validate(data, geo) == 0
    out = capsys.readouterr().out
    assert ": note: warning: control or line-separator character (U+2028)" in out
    assert out.splitlines()[-1].startswith("OK: ")


# --- plausibility ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("file", "row", "column", "reason"),
    [
        ("fx.csv", "2022,RUB,0.0001,cbr", "per_usd", "outside the plausible band"),
        ("fx.csv", "2022,RUB,10000000,cbr", "per_usd", "outside the plausible band"),
        ("fx.csv", "2022,RUB,٦٨.٥,cbr", "per_usd", "not a positive number"),
        ("figures.csv", "RU-SMO,2021,12,turnover,٤.٤,USD,bn,exact,goods,,belta-1,", "value", "ASCII"),
        ("figures.csv", "RU-SMO,2021,12,turnover,4.4,USD,bn,exact,goods,,belta-1,".replace("4.4", "9" * 300), "value", "more than 15 digits"),
        ("figures.csv", "RU-SMO,2021,12,turnover,2,USD,trn,exact,goods,,belta-1,", "value", "more than US$ 1 trillion"),
        ("figures.csv", f"RU-SMO,{dt.date.today().year},12,turnover,1,USD,bn,exact,goods,,belta-1,", "months", "has not ended yet"),
        ("sources.csv", f"new-1,BelTA,t,,{dt.date.today() + dt.timedelta(days=2)},en,news_agency", "published", "published is in the future"),
        ("undated.csv", 'RU-SMO,"annual level",-5,USD,bn,approx,turnover,goods,belta-1,', "value", "value is negative"),
    ],
)
def test_an_implausible_value_is_refused_with_its_line(write_dataset, file, row, column, reason):
    texts = {"figures.csv": FIGURES, "sources.csv": SOURCES, "fx.csv": FX, "undated.csv": UNDATED}
    texts[file] += row + "\n"
    data, geo = write_dataset(figures=texts["figures.csv"], sources=texts["sources.csv"], fx=texts["fx.csv"], undated=texts["undated.csv"])
    dataset = load_dataset(data, geo)
    line = texts[file].count("\n")
    assert any(p.path.endswith(file) and p.line == line and p.column == column and reason in p.reason and p.severity == "error" for p in dataset.problems), dataset.problems
    assert len(dataset.figures) == GOOD_FIGURES


def test_a_regional_figure_far_above_the_national_total_is_kept_with_a_warning(write_dataset):
    national = next(line for line in FIGURES.splitlines() if line.startswith("RU,2023,12,turnover"))
    national_bn = float(national.split(",")[4])
    data, geo = write_dataset(figures=FIGURES + f"RU-TA,2023,12,turnover,{national_bn * 2},USD,bn,exact,goods,,belta-1,\n")
    dataset = load_dataset(data, geo)
    assert len(dataset.figures) == GOOD_FIGURES + 1
    [warning] = dataset.problems
    assert (warning.line, warning.column, warning.severity) == (GOOD_FIGURES + 2, "value", "warning")
    assert "more than 1.5× the national total of 2023" in warning.reason


# --- downloads ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "safe"), [("=1+2", "'=1+2"), ("+cmd", "'+cmd"), ("-1+2|calc", "'-1+2|calc"), ("@SUM(A1)", "'@SUM(A1)"),
                                           ("\tx", "'\tx"), ("\rx", "'\rx"), ("-1.5", "-1.5"), ("+3", "+3"), ("4.4", "4.4"), ("a=b", "a=b")])
def test_a_formula_cell_is_neutralised_and_a_number_is_not(cell, safe):
    assert neutralise(cell) == safe


def test_downloaded_data_files_hold_only_validated_rows_and_open_safely(write_dataset):
    hostile = 'RU-SMO,2020,12,turnover,1,USD,bn,exact,goods,,belta-1,"=HYPERLINK(""http://x"",""y"")"\n'
    bad = "RU-SMO,2019,13,turnover,1,USD,bn,exact,goods,,belta-1,\n"
    data, geo = write_dataset(figures=FIGURES + hostile + bad)
    dataset = load_dataset(data, geo)
    offers = {offer.name: offer for offer in data_file_offers(dataset, data)}
    assert all(not offer.refused for offer in offers.values())
    rows = list(csv.DictReader(io.StringIO(offers["figures.csv"].make().decode("utf-8"))))
    assert len(rows) == GOOD_FIGURES + 1  # the row with months 13 is not served
    assert {row["year"] for row in rows} >= {"2020"} and "2019" not in {row["year"] for row in rows}
    assert [row["note"] for row in rows if row["year"] == "2020"] == ['\'=HYPERLINK("http://x","y")']
    assert [row["value"] for row in rows][:2] == [line.split(",")[4] for line in FIGURES.splitlines()[1:3]]  # numbers as written


def test_a_negative_number_stays_a_number_in_a_download():
    import pandas as pd

    frame = pd.DataFrame({"text": ["-2.5", "-x"], "number": [-2.5, 3.0]})
    parsed = list(csv.reader(io.StringIO(safe_csv(frame).decode())))
    assert parsed[1:] == [["-2.5", "-2.5"], ["'-x", "3.0"]]


def test_a_linked_undated_file_is_not_offered(write_dataset, tmp_path):
    data, geo = write_dataset()
    elsewhere = tmp_path / "secret.csv"
    elsewhere.write_text(UNDATED)
    (data / "undated.csv").unlink()
    (data / "undated.csv").symlink_to(elsewhere)
    offers = {offer.name: offer for offer in data_file_offers(load_dataset(data, geo), data)}
    assert offers["undated.csv"].refused == "undated.csv is not offered for download: is a symbolic link; refused: a data file must be a regular file in its folder."
    assert not offers["figures.csv"].refused
