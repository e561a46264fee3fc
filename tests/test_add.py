"""``add``: validation like ``validate``, duplicates, atomic and locked writes; always on a temporary copy of data/."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from turnover import add as add_module
from turnover import writing
from turnover.add import AddError, add_figure, cell, suggest_source_id
from turnover.dataset import load_dataset

REPO = Path(__file__).resolve().parents[1]
GEO = REPO / "geo"
NEW = {"region": "Смоленская область", "year": "2024", "months": "9", "value": "3.15", "currency": "USD", "scale": "bn", "source_id": "test-20241120"}
NEW_SOURCE = {"publisher": "Test Agency", "title": "Belarus–Smolensk Oblast trade: Jan–Sep 2024", "url": "https://example.org/a", "published": "2024-11-20", "language": "en"}


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


# --- the command -------------------------------------------------------------------------------------------------


def test_cli_appends_the_figure_and_its_new_source_and_prints_them(data):
    before = {name: (data / name).read_bytes() for name in ("figures.csv", "sources.csv")}
    result = _cli(data, *_options(NEW, NEW_SOURCE))
    assert result.returncode == 0, result.stderr
    figures, sources = (data / "figures.csv").read_bytes(), (data / "sources.csv").read_bytes()
    # appended, byte for byte: the old lines are untouched and keep their quoting
    assert figures.startswith(before["figures.csv"]) and sources.startswith(before["sources.csv"])
    assert figures[len(before["figures.csv"]):] == b"RU-SMO,2024,9,turnover,3.15,USD,bn,exact,goods,,test-20241120,\n"
    assert sources[len(before["sources.csv"]):].decode() == "test-20241120,Test Agency,Belarus–Smolensk Oblast trade: Jan–Sep 2024,https://example.org/a,2024-11-20,en\n"
    lines = result.stdout.splitlines()
    next_line = {name: text.count(b"\n") + 1 for name, text in before.items()}  # the line after the file's last one
    assert lines[0].endswith(f"sources.csv:{next_line['sources.csv']}: test-20241120,Test Agency,Belarus–Smolensk Oblast trade: Jan–Sep 2024,https://example.org/a,2024-11-20,en")
    assert lines[1].endswith(f"figures.csv:{next_line['figures.csv']}: RU-SMO,2024,9,turnover,3.15,USD,bn,exact,goods,,test-20241120,")
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
    (problem,) = error.value.problems
    assert problem.endswith("figures.csv: region: unknown region 'Smolenks'; closest known names: Smolensk Oblast (RU-SMO); Penza Oblast (RU-PNZ); Mogilev Oblast (BY-MA)")


@pytest.mark.parametrize("name", ["Gebiet Smolensk", "Smolensk Region", "Смоленщина", "RU-SMO", "smolensk oblast"])
def test_region_is_resolved_from_any_known_name(data, name):
    result = add_figure({**NEW, "region": name}, NEW_SOURCE, data, GEO)
    assert result.figure_row.startswith("RU-SMO,")


def test_a_rouble_figure_without_an_exchange_rate_is_refused_like_validate_would(data):
    with pytest.raises(AddError) as error:
        add_figure({**NEW, "year": "2019", "currency": "RUB"}, NEW_SOURCE, data, GEO)
    assert any("currency: RUB/USD rate for 2019 missing in fx.csv" in p for p in error.value.problems)


def test_a_bad_new_source_is_refused_with_its_own_reason(data):
    before = _snapshot(data)
    with pytest.raises(AddError) as error:
        add_figure(NEW, {**NEW_SOURCE, "language": "xx", "url": "ftp://x"}, data, GEO)
    problems = error.value.problems
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
    assert second.source_row is None and second.figure_row.endswith(",test-20241120,")
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
    add_figure(NEW, NEW_SOURCE, data, GEO)
    before = _snapshot(data)
    added_line = (data / "figures.csv").read_bytes().count(b"\n")  # the figure just added is the file's last line
    with pytest.raises(AddError, match=f"already recorded at line {added_line}"):
        add_figure(NEW, NEW_SOURCE, data, GEO)
    assert _snapshot(data) == before


def test_one_source_with_two_values_for_one_key_is_a_true_duplicate(data):
    add_figure(NEW, NEW_SOURCE, data, GEO)
    before = _snapshot(data)
    added_line = (data / "figures.csv").read_bytes().count(b"\n")  # the figure just added is the file's last line
    result = _cli(data, *_options({**NEW, "value": "3.2"}))
    assert result.returncode == 1
    assert f"duplicate figure: line {added_line} already has region RU-SMO, year 2024, months 9, flow turnover, coverage goods, stats (blank), source_id test-20241120" in result.stderr
    assert _snapshot(data) == before


def test_another_source_for_the_same_period_needs_no_flag_and_becomes_an_alternative(data):
    result = add_figure(NEW, NEW_SOURCE, data, GEO)
    assert result.notes and "from other sources for the same region, period and flow" in result.notes[0]
    figures = load_dataset(data, GEO).figures
    slot = figures[(figures["region"] == "RU-SMO") & (figures["year"] == 2024) & (figures["months"] == 9) & (figures["flow"] == "turnover")]
    assert len(slot) == 3 and slot["displayed"].sum() == 1 and set(slot["alternatives"]) == {2}


def test_another_coverage_from_the_same_source_is_not_a_duplicate(data):
    add_figure(NEW, NEW_SOURCE, data, GEO)
    result = add_figure({**NEW, "coverage": "agri_food", "value": "1"}, NEW_SOURCE, data, GEO)
    assert result.figure_row == "RU-SMO,2024,9,turnover,1,USD,bn,exact,agri_food,,test-20241120,"


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


def test_a_failure_mid_write_leaves_the_old_files_and_no_temporary_file(data, monkeypatch):
    before = _snapshot(data)
    real_fsync = writing.os.fsync
    calls = []

    def failing_fsync(descriptor):
        calls.append(descriptor)
        if len(calls) == 3:  # sources.csv written and replaced; the figures.csv temp file fails
            raise OSError(5, "Input/output error")
        return real_fsync(descriptor)

    monkeypatch.setattr(writing.os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output error"):
        add_figure(NEW, NEW_SOURCE, data, GEO)
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
    assert (data / "figures.csv").read_bytes() == text + b"\n" + result.figure_row.encode() + b"\n"


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


def test_module_uses_the_validation_rules_not_copies():
    source = Path(add_module.__file__).read_text()
    assert "load_dataset" in source and "pa.Check" not in source and "isin(" not in source
