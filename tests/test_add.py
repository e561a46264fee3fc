"""``add``: validation like ``validate``, duplicates, atomic and locked writes; always on a temporary copy of data/."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from turnover import writing
from turnover.add import AddError, add_figure, add_rank, cell, suggest_source_id
from turnover.dataset import load_dataset

REPO = Path(__file__).resolve().parents[1]
GEO = REPO / "geo"
NEW = {"region": "Смоленская область", "year": "2024", "months": "9", "value": "3.15", "currency": "USD", "scale": "bn", "source_id": "test-20241120"}
NEW_SOURCE = {"publisher": "Test Agency", "title": "Belarus–Smolensk Oblast trade: Jan–Sep 2024", "url": "https://example.org/a", "published": "2024-11-20", "language": "en", "kind": "news_agency"}


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    (folder / writing.LOCK_NAME).unlink(missing_ok=True)
    return folder


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(GEO)}
    return subprocess.run([sys.executable, "-m", "turnover", "add", *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)


def _options(figure: dict, source: dict | None = None) -> list[str]:
    result = []
    for name, value in {**figure, **(source or {})}.items():
        result += [f"--{name.replace('_', '-')}", value]
    return result


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in folder.iterdir() if f.is_file() and f.name != writing.LOCK_NAME}


def _line_of(path: Path, row: str) -> int:
    """The 1-based line of ``row`` in ``path`` (computed from the file, never a count of the shipped data)."""
    return path.read_text(encoding="utf-8").splitlines().index(row) + 1


# --- the command -------------------------------------------------------------------------------------------------


def test_cli_appends_the_figure_and_its_new_source_and_prints_them(data):
    before = {name: (data / name).read_bytes() for name in ("figures.csv", "sources.csv")}
    result = _cli(data, *_options(NEW, NEW_SOURCE))
    assert result.returncode == 0, result.stderr
    figures, sources = (data / "figures.csv").read_bytes(), (data / "sources.csv").read_bytes()
    # appended, byte for byte: the old lines are untouched and keep their quoting
    assert figures.startswith(before["figures.csv"]) and sources.startswith(before["sources.csv"])
    assert figures[len(before["figures.csv"]):] == b"RU-SMO,2024,9,turnover,3.15,USD,bn,exact,goods,,test-20241120,\n"
    assert sources[len(before["sources.csv"]):].decode() == "test-20241120,Test Agency,Belarus–Smolensk Oblast trade: Jan–Sep 2024,https://example.org/a,2024-11-20,en,news_agency\n"
    lines = result.stdout.splitlines()
    source_row = "test-20241120,Test Agency,Belarus–Smolensk Oblast trade: Jan–Sep 2024,https://example.org/a,2024-11-20,en,news_agency"
    figure_row = "RU-SMO,2024,9,turnover,3.15,USD,bn,exact,goods,,test-20241120,"
    assert lines[0].endswith(f"sources.csv:{_line_of(data / 'sources.csv', source_row)}: {source_row}")
    assert lines[1].endswith(f"figures.csv:{_line_of(data / 'figures.csv', figure_row)}: {figure_row}")
    assert "alternatives" in result.stderr  # BelTA and RIA give the same period: this one joins them
    dataset = load_dataset(data, GEO)
    assert dataset.problems == []
    added = dataset.figures[dataset.figures["source_id"] == "test-20241120"]
    assert len(added) == 1 and added.iloc[0]["usd_mn"] == pytest.approx(3150)


def test_cli_bad_values_are_reported_per_column_and_nothing_is_written(data):
    before = _snapshot(data)
    result = _cli(data, *_options({**NEW, "months": "13", "value": "3,15", "currency": "usd"}, NEW_SOURCE))
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert any(line.endswith("figures.csv: months: months must be a whole number from 1 to 12 (got '13')") for line in errors)
    assert any("figures.csv: value: value is not a number (use digits and a dot, e.g. 4.4)" in line for line in errors)
    assert any("figures.csv: currency: unknown currency; expected USD, RUB, BYN (got 'usd')" in line for line in errors)
    assert result.stdout == ""
    assert _snapshot(data) == before


def test_unknown_region_names_the_closest_ones(data):
    with pytest.raises(AddError) as error:
        add_figure({**NEW, "region": "Smolenks"}, NEW_SOURCE, data, GEO)
    (problem,) = str(error.value).splitlines()
    assert problem.endswith("figures.csv: region: unknown region 'Smolenks'; closest known names: Smolensk Oblast (RU-SMO); Penza Oblast (RU-PNZ); Mogilev Oblast (BY-MA)")


@pytest.mark.parametrize("name", ["Gebiet Smolensk", "Smolensk Region", "Смоленщина", "RU-SMO", "smolensk oblast"])
def test_region_is_resolved_from_any_known_name(data, name):
    result = add_figure({**NEW, "region": name}, NEW_SOURCE, data, GEO)
    assert result.row.startswith("RU-SMO,")


def test_a_rouble_figure_without_an_exchange_rate_is_refused_like_validate_would(data):
    with pytest.raises(AddError) as error:
        add_figure({**NEW, "year": "2019", "currency": "RUB"}, NEW_SOURCE, data, GEO)
    assert any("currency: RUB/USD rate for 2019 missing in fx.csv" in p for p in str(error.value).splitlines())


def test_a_bad_new_source_is_refused_with_its_own_reason(data):
    before = _snapshot(data)
    with pytest.raises(AddError) as error:
        add_figure(NEW, {**NEW_SOURCE, "language": "xx", "url": "ftp://x"}, data, GEO)
    problems = str(error.value).splitlines()
    assert any(p.endswith("sources.csv: language: unknown language; expected en, de, ru, be, pl (got 'xx')") for p in problems)
    assert any("sources.csv: url: url must be blank or start with http:// or https://" in p for p in problems)
    assert not any("unknown source_id" in p for p in problems)
    assert _snapshot(data) == before


def test_an_unknown_source_without_details_is_refused(data):
    with pytest.raises(AddError, match="unknown source 'nobody-1'; give --publisher"):
        add_figure({**NEW, "source_id": "nobody-1"}, None, data, GEO)


def test_an_existing_source_is_cited_and_not_written_again(data):
    sources_before = (data / "sources.csv").read_bytes()
    result = add_figure({**NEW, "source_id": "belta-de-20241118", "flow": "export", "value": "2"}, None, data, GEO)
    assert result.source_row is None
    assert (data / "sources.csv").read_bytes() == sources_before


def test_existing_source_id_with_other_details_is_refused(data):
    with pytest.raises(AddError, match="already exists with publisher"):
        add_figure({**NEW, "source_id": "belta-de-20241118"}, {"publisher": "Someone else"}, data, GEO)


def test_a_known_url_is_cited_under_its_id(data):
    first = add_figure(NEW, NEW_SOURCE, data, GEO)
    assert first.source_row is not None
    second = add_figure({**NEW, "source_id": "", "flow": "export", "value": "2"}, {**NEW_SOURCE, "title": "Other title"}, data, GEO)
    assert second.source_row is None and second.row.endswith(",test-20241120,")
    with pytest.raises(AddError, match="already source 'test-20241120'"):
        add_figure({**NEW, "source_id": "another-id", "flow": "import", "value": "1"}, NEW_SOURCE, data, GEO)


def test_source_id_is_suggested_in_the_house_style():
    assert suggest_source_id("BelTA", "2024-11-18", set()) == "belta-20241118"
    assert suggest_source_id("21.by (BelTA reprint)", "2013-09-22", set()) == "21by-20130922"
    assert suggest_source_id("РИА Новости", "2024-11", {"ria-novosti-202411"}) == "ria-novosti-202411-2"
    assert suggest_source_id("Unknown", "", set()) == "unknown-nd"


def test_cells_from_forms_are_tidied():
    assert [cell(2023.0), cell(float("nan")), cell(None), cell("  a\n b "), cell(4.4)] == ["2023", "", "", "a b", "4.4"]


# --- duplicates --------------------------------------------------------------------------------------------------


def test_the_same_figure_twice_is_already_recorded(data):
    first = add_figure(NEW, NEW_SOURCE, data, GEO)
    before = _snapshot(data)
    with pytest.raises(AddError, match=f"already recorded at line {_line_of(data / 'figures.csv', first.row)} "):
        add_figure(NEW, NEW_SOURCE, data, GEO)
    assert _snapshot(data) == before


def test_one_source_with_two_values_for_one_key_is_a_true_duplicate(data):
    first = add_figure(NEW, NEW_SOURCE, data, GEO)
    before = _snapshot(data)
    result = _cli(data, *_options({**NEW, "value": "3.2"}))
    assert result.returncode == 1
    assert f"duplicate figure: line {_line_of(data / 'figures.csv', first.row)} already has region RU-SMO, year 2024, months 9, flow turnover, coverage goods, stats (blank), source_id test-20241120" in result.stderr
    assert _snapshot(data) == before


def _smolensk_jan_sep_2024(data: Path):
    figures = load_dataset(data, GEO).figures
    return figures[(figures["region"] == "RU-SMO") & (figures["year"] == 2024) & (figures["months"] == 9) & (figures["flow"] == "turnover") & (figures["coverage"] == "goods")]


def test_another_source_for_the_same_period_needs_no_flag_and_becomes_an_alternative(data):
    others = len(_smolensk_jan_sep_2024(data))
    assert others >= 1  # the copy already holds another source's figure for this slot
    result = add_figure(NEW, NEW_SOURCE, data, GEO)
    assert result.notes and f"{others} figure(s) from other sources for the same region, period and flow" in result.notes[0].reason
    slot = _smolensk_jan_sep_2024(data)
    assert len(slot) == others + 1 and slot["displayed"].sum() == 1 and set(slot["alternatives"]) == {others}


def test_another_coverage_from_the_same_source_is_not_a_duplicate(data):
    add_figure(NEW, NEW_SOURCE, data, GEO)
    result = add_figure({**NEW, "coverage": "agri_food", "value": "1"}, NEW_SOURCE, data, GEO)
    assert result.row == "RU-SMO,2024,9,turnover,1,USD,bn,exact,agri_food,,test-20241120,"


# --- atomic writes -----------------------------------------------------------------------------------------------


def test_a_failure_at_replace_leaves_the_old_files_and_no_temporary_file(data, monkeypatch):
    before = _snapshot(data)

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        add_figure(NEW, NEW_SOURCE, data, GEO)
    assert _snapshot(data) == before
    assert not [f for f in data.iterdir() if f.name.endswith(".tmp")]


@pytest.mark.parametrize("what", ["figure", "rank"])
def test_a_failure_mid_write_leaves_the_old_files_and_no_temporary_file(data, monkeypatch, what):
    """A figure (or rank statement) with a new source: sources.csv written and replaced, then the figures.csv (or ranks.csv) temp file fails."""
    before = _snapshot(data)
    real_fsync = writing.os.fsync
    calls = []

    def failing_fsync(descriptor):
        calls.append(descriptor)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        return real_fsync(descriptor)

    monkeypatch.setattr(writing.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        add_figure(NEW, NEW_SOURCE, data, GEO) if what == "figure" else add_rank(RANK, NEW_SOURCE, data, GEO)
    monkeypatch.setattr(writing.os, "fsync", real_fsync)
    assert _snapshot(data) == before  # the new source line was rolled back too
    assert not [f for f in data.iterdir() if f.name.endswith(".tmp")]


def test_the_cli_reports_a_failed_write_and_exits_1(data, monkeypatch, capsys):
    from turnover.cli import main

    before = _snapshot(data)

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "replace", disk_full)
    assert main(["add", "--data", str(data), "--geo", str(GEO), *_options(NEW, NEW_SOURCE)]) == 1
    assert "No space left on device; the data files are unchanged" in capsys.readouterr().err
    assert _snapshot(data) == before


def test_write_atomically_keeps_the_file_mode(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("a\n")
    target.chmod(0o640)
    writing.write_atomically(target, b"a\nb\n")
    assert target.read_text() == "a\nb\n" and (target.stat().st_mode & 0o777) == 0o640


def test_a_file_without_final_newline_gets_one_before_the_new_line(data):
    text = (data / "figures.csv").read_bytes().rstrip(b"\n")
    (data / "figures.csv").write_bytes(text)
    result = add_figure(NEW, NEW_SOURCE, data, GEO)
    assert (data / "figures.csv").read_bytes() == text + b"\n" + result.row.encode() + b"\n"


# --- concurrency -------------------------------------------------------------------------------------------------


def test_eight_processes_at_once_lose_no_row(data):
    env = {**os.environ, "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(GEO)}
    before = (data / "figures.csv").read_text().splitlines()
    processes = []
    for n in range(8):
        figure = {**NEW, "value": f"{n + 1}.5", "year": str(2010 + n), "months": "12"}
        # all eight cite the same new source: exactly one of them writes it, the others find it
        processes.append(subprocess.Popen([sys.executable, "-m", "turnover", "add", *_options(figure, NEW_SOURCE)],
                                          cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outcomes = [(p.wait(timeout=180), p.stdout.read(), p.stderr.read()) for p in processes]
    assert all(code == 0 for code, _, _ in outcomes), outcomes
    after = (data / "figures.csv").read_text().splitlines()
    assert after[: len(before)] == before
    added = sorted(after[len(before):])
    assert added == sorted(f"RU-SMO,{2010 + n},12,turnover,{n + 1}.5,USD,bn,exact,goods,,test-20241120," for n in range(8))
    assert (data / "sources.csv").read_text().count("test-20241120,") == 1
    assert load_dataset(data, GEO).problems == []
    assert not [f for f in data.iterdir() if f.name.endswith(".tmp")]


def test_the_lock_is_exclusive(data):
    with writing.data_lock(data):
        with pytest.raises(writing.LockTimeout):
            with writing.data_lock(data, timeout=0.2):
                pass


# --- add refuses exactly what validate refuses ------------------------------------------------------------------

SMALL_ROW = {"region": "RU-SMO", "year": "2023", "months": "12", "flow": "turnover", "value": "4.4", "currency": "USD", "scale": "bn",
             "qualifier": "exact", "coverage": "goods", "stats": "", "source_id": "belta-1", "note": ""}  # line 2 of conftest.FIGURES


@pytest.mark.parametrize(
    ("change", "refused"),
    [
        ({}, True),  # the same key and value: already recorded
        ({"value": "4.5"}, True),  # the same key, another value: one source gives one figure per key
        ({"qualifier": "approx"}, True),  # the qualifier is not part of the key
        ({"source_id": "ria-1"}, False),  # another source for the slot: an alternative
        ({"stats": "RU"}, False),  # other statistics from the same source
        ({"coverage": "goods_services"}, False),
        ({"months": "9"}, False),
        ({"flow": "export"}, False),
        ({"year": "2024", "currency": "RUB", "value": "400"}, False),  # a rate for 2024 exists
        ({"year": "2022", "currency": "RUB", "value": "400"}, True),  # no RUB rate for 2022
        ({"months": "13"}, True),
        ({"value": "-1"}, True),
        ({"source_id": "nobody-1"}, True),
        ({"region": "RU-XXX"}, True),
    ],
)
def test_add_refuses_exactly_what_validate_refuses(write_dataset, tmp_path, change, refused):
    from tests.conftest import FIGURES

    row = {**SMALL_ROW, **change}
    data, geo = write_dataset()
    line = ",".join(row[name] for name in SMALL_ROW)
    trial = tmp_path / "trial"
    shutil.copytree(data, trial)
    (trial / "figures.csv").write_text(FIGURES + line + "\n", encoding="utf-8")
    new_line = len((FIGURES + line).splitlines())
    validate_refuses = any(p.path.endswith("figures.csv") and p.line == new_line for p in load_dataset(trial, geo).problems)
    try:
        add_figure(row, None, data, geo)
    except AddError:
        add_refuses = True
    else:
        add_refuses = False
    assert (validate_refuses, add_refuses) == (refused, refused)


# --- add-rank: a published rank statement, through the same write path ---------------------------------------------

RANK = {"region": "Смоленская область", "year": "2024", "rank": "3", "out_of": "85", "source_id": "test-20241120", "note": "third among Russian regions"}


def _rank_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(GEO)}
    return subprocess.run([sys.executable, "-m", "turnover", "add-rank", *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)


def test_add_rank_appends_the_statement_and_its_new_source_and_prints_them(data):
    before = {name: (data / name).read_bytes() for name in ("ranks.csv", "sources.csv", "figures.csv")}
    result = _rank_cli(data, *_options(RANK, NEW_SOURCE))
    assert result.returncode == 0, result.stderr
    rank_row = "RU-SMO,2024,12,turnover,3,,85,,,test-20241120,third among Russian regions"
    assert (data / "ranks.csv").read_bytes() == before["ranks.csv"] + rank_row.encode() + b"\n"
    assert (data / "sources.csv").read_bytes().startswith(before["sources.csv"])
    assert (data / "figures.csv").read_bytes() == before["figures.csv"]
    assert result.stdout.splitlines()[-1].endswith(f"ranks.csv:{_line_of(data / 'ranks.csv', rank_row)}: {rank_row}")
    dataset = load_dataset(data, GEO)
    assert dataset.problems == []
    added = dataset.ranks[dataset.ranks["source_id"] == "test-20241120"]
    assert list(zip(added["region"], added["rank"], added["out_of"])) == [("RU-SMO", 3, 85)]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"top": "10"}, "ranks.csv: rank: give either rank (a place: 3 for '3rd') or top (a group: 10 for 'top 10'), not both"),
        ({"rank": ""}, "ranks.csv: rank: rank or top is required"),
        ({"out_of": "2"}, "ranks.csv: out_of: the place (3) is beyond out_of (2)"),
        ({"group_share_pct": "73", "group_share_qualifier": "at_most"}, "ranks.csv: group_share_pct: group_share_pct is the share of a top group"),
        ({"region": "Smolenks"}, "ranks.csv: region: unknown region 'Smolenks'; closest known names: Smolensk Oblast (RU-SMO)"),
        ({"flow": "transit"}, "ranks.csv: flow: "),
    ],
)
def test_add_rank_refuses_what_validate_refuses_and_writes_nothing(data, change, reason):
    before = _snapshot(data)
    with pytest.raises(AddError) as error:
        add_rank({**RANK, **change}, NEW_SOURCE, data, GEO)
    assert any(reason in problem for problem in str(error.value).splitlines()), str(error.value)
    assert _snapshot(data) == before


def test_add_rank_refuses_the_same_statement_twice(data):
    first = add_rank(RANK, NEW_SOURCE, data, GEO)
    assert first.source_row is not None and first.row.startswith("RU-SMO,2024,12,turnover,3,")
    before = _snapshot(data)
    result = _rank_cli(data, *_options({**RANK, "region": "Gebiet Smolensk", "rank": "4"}))
    assert result.returncode == 1
    assert f"duplicate rank statement: same region, year, months, flow, source_id as line {_line_of(data / 'ranks.csv', first.row)}" in result.stderr
    assert _snapshot(data) == before
    # another flow, period or source is another statement
    assert add_rank({**RANK, "flow": "export", "rank": "4"}, None, data, GEO).row.startswith("RU-SMO,2024,12,export,4,")


def test_add_rank_waits_for_the_lock(data):
    with writing.data_lock(data):
        with pytest.raises(writing.LockTimeout):
            add_rank(RANK, NEW_SOURCE, data, GEO, lock_timeout=0.2)


@pytest.mark.parametrize("command", ["add", "add-rank"])
def test_the_commands_explain_every_option(command, capsys):
    from turnover.cli import FIGURE_OPTIONS, RANK_OPTIONS, main

    with pytest.raises(SystemExit) as done:
        main([command, "--help"])  # argparse formats every help text: a stray '%' would raise here
    assert done.value.code == 0
    shown = capsys.readouterr().out
    options = RANK_OPTIONS if command == "add-rank" else FIGURE_OPTIONS
    assert all(f"--{name.replace('_', '-')}" in shown for name in options)
