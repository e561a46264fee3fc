"""The bad-data panel in the reader's language: each problem keeps its reason untranslated (a gettext message
and its parameters) and is rendered through the catalogue of ``lang``; ``str(problem)`` stays the English line
``python -m turnover validate`` prints. A small test catalogue stands in for the Russian one (its words are the
test's own), so these tests hold whatever the shipped catalogue says."""

import json
from dataclasses import asdict
from functools import cache

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.catalogue_support import stand_in_catalogue
from tests.conftest import FIGURES
from tests.test_i18n import _extracted
from tests.test_reliability import CASES, break_input
from turnover.csvfile import read_rows
from turnover.dataset import load_dataset
from turnover.downloads import problems_table
from turnover.paths import REPO_ROOT
from turnover.problems import GOT, WARNING, Problem
from turnover.texts import tables
from turnover.validate import read_table, reject

FIELDS = "expected {width} fields, found {found} (a stray comma or quote?); row skipped"
MONTHS = "months must be a whole number from 1 to 12"
PERIOD = "the period {year}, months 1-{months} has not ended yet (a date in the future)"
NO_FEATURE = "boundary file has no feature the maps can draw"
NO_ID = "feature {number} has no properties.id; left out of the maps"
EMPTY_REGION = "region is empty"
UNKNOWN_SOURCE = "unknown source {source_id!r}; give --publisher, --title, --language and --kind (and --url, --published) to add it"
RUSSIAN = {
    EMPTY_REGION: "регион не указан",
    UNKNOWN_SOURCE: "источник {source_id!r} неизвестен",
    NO_FEATURE: "в файле нет рисуемых объектов",
    NO_ID: "у объекта {number} нет кода",
    "{path}: {reason} ({detail})": "{path} — {reason} ({detail})",
    FIELDS: "ожидалось полей: {width}, найдено: {found}; строка пропущена",
    MONTHS: "месяцы — целое число от 1 до 12",
    GOT: "{reason} (получено {value!r})",
    PERIOD: "период {year}, месяцы 1–{months}, ещё не закончился",
    "error": "ошибка",
}


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """A Russian catalogue with the messages of ``RUSSIAN`` only."""
    with stand_in_catalogue(tmp_path / "locale", monkeypatch, RUSSIAN):
        yield


def test_a_reason_is_read_in_the_readers_language_with_its_values_and_str_stays_english(tmp_path, catalogue):
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n1,2,3\n1,2,3,4\n", encoding="utf-8")
    _, problems = read_rows(path, ["a", "b", "c"])
    [problem] = problems
    assert problem.reason_in("ru") == "ожидалось полей: 3, найдено: 4; строка пропущена"
    assert problem.reason == problem.reason_in("en") == FIELDS.format(width=3, found=4)
    assert str(problem) == f"{problem.path}:3: -: {FIELDS.format(width=3, found=4)}"


def test_a_boundary_file_nothing_can_be_drawn_from_says_why_in_the_readers_language(tmp_path, catalogue):
    """The map page shows this error instead of the maps: in Russian on a Russian page, English in ``str``."""
    from turnover.boundaries import BoundaryError, load_boundaries

    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"properties": {}}, {"properties": {}}]}', encoding="utf-8")
    with pytest.raises(BoundaryError) as raised:
        load_boundaries(path)
    shown = raised.value.problem.path
    assert raised.value.in_language("ru") == f"{shown} — в файле нет рисуемых объектов (у объекта 1 нет кода)"
    assert str(raised.value) == f"{shown}: {NO_FEATURE} ({NO_ID.format(number=1)})"


def test_a_refused_add_says_why_in_the_readers_language(write_dataset, catalogue):
    """The curation page shows ``add``'s refusals through ``refusal_line``: Russian on a Russian page; the command prints English."""
    from turnover.add import AddError, add_figure, refusal_line

    data, geo = write_dataset()
    row = {"year": "2022", "value": "1", "currency": "USD", "scale": "bn", "source_id": "nobody-1"}
    with pytest.raises(AddError) as empty:
        add_figure({**row, "region": ""}, None, data, geo)
    with pytest.raises(AddError) as unknown:
        add_figure({**row, "region": "RU-BRY"}, None, data, geo)
    [no_region], [no_source] = empty.value.problems, unknown.value.problems
    assert refusal_line(no_region, "ru") == f"{no_region.path}: region: регион не указан"
    assert refusal_line(no_source, "ru") == f"{no_source.path}: id: источник 'nobody-1' неизвестен"
    assert str(unknown.value) == f"{no_source.path}: id: {UNKNOWN_SOURCE.format(source_id='nobody-1')}"


def test_a_schema_reason_and_the_offending_value_are_both_translated(tmp_path, catalogue):
    path = tmp_path / "figures.csv"
    path.write_text(FIGURES.replace("RU-SMO,2023,12,", "RU-SMO,2023,13,", 1), encoding="utf-8")
    _, problems = read_table(path, "figures")
    [problem] = [p for p in problems if p.column == "months"]
    assert problem.reason_in("ru") == "месяцы — целое число от 1 до 12 (получено '13')"
    assert str(problem).endswith(f": months: {MONTHS} (got '13')")


def test_rejected_rows_keep_their_own_values_and_stay_one_problem_each(catalogue):
    frame = pd.DataFrame({"line": [2, 3, 4], "year": [2031, 2024, 2032], "months": [6, 12, 3]})
    kept, problems = reject(frame, frame["year"] > 2030, "f.csv", "months", PERIOD, year=frame["year"], months=frame["months"])
    assert kept["line"].tolist() == [3]
    assert [p.reason_in("ru") for p in problems] == ["период 2031, месяцы 1–6, ещё не закончился", "период 2032, месяцы 1–3, ещё не закончился"]
    assert [str(p) for p in problems] == [f"f.csv:2: months: {PERIOD.format(year=2031, months=6)}", f"f.csv:4: months: {PERIOD.format(year=2032, months=3)}"]


def test_a_problem_survives_the_cache_hashable_and_equal():
    problem = Problem("f.csv", 7, "value", "control or line-separator character ({found}) replaced by a space; row kept", WARNING, (("found", "U+0009"),))
    again = Problem(**json.loads(json.dumps(asdict(problem))))
    assert again == problem and hash(again) == hash(problem) and str(again) == str(problem)
    assert str(problem) == "f.csv:7: value: warning: control or line-separator character (U+0009) replaced by a space; row kept"


def test_the_problem_report_is_in_the_readers_language(tmp_path, catalogue):
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n1,2\n", encoding="utf-8")
    _, problems = read_rows(path, ["a", "b", "c"])
    table = problems_table(problems, "ru")
    assert table[tables.problem_headers("ru")["reason"]].tolist() == ["ожидалось полей: 3, найдено: 2; строка пропущена"]
    assert table[tables.problem_headers("ru")["severity"]].tolist() == ["ошибка"]
    assert problems_table(problems, "en")[tables.problem_headers("en")["severity"]].tolist() == ["error"]


def test_the_panel_on_a_russian_page_lists_the_reasons_in_russian(monkeypatch, write_dataset, catalogue):
    data, geo = write_dataset(figures=FIGURES + "RU-SMO,2021,13,turnover,1,USD,bn,exact,goods,,belta-1,\n")
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    app = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["lang"] = "ru"
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    listed = app.expander[0].dataframe[0].value
    assert listed[tables.problem_headers("ru")["reason"]].tolist() == ["месяцы — целое число от 1 до 12 (получено '13')"]


def test_the_panel_follows_a_language_switch(monkeypatch, write_dataset, catalogue):
    """The panel's table is made once per data set and language: English first, then Russian in the same process."""
    data, geo = write_dataset(figures=FIGURES + "RU-SMO,2021,13,turnover,1,USD,bn,exact,goods,,belta-1,\n")
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    reasons = {}
    for lang in ("en", "ru", "en"):
        app = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60)
        app.query_params["lang"] = lang
        app.run()
        assert not app.exception, [e.message for e in app.exception]
        reasons[lang] = app.expander[0].dataframe[0].value[tables.problem_headers(lang)["reason"]].tolist()
    assert reasons == {"en": [f"{MONTHS} (got '13')"], "ru": ["месяцы — целое число от 1 до 12 (получено '13')"]}


@cache
def extracted() -> frozenset[str]:
    return frozenset(_extracted())


@pytest.mark.parametrize(("name", "failure"), CASES)
def test_every_reason_for_a_broken_file_is_a_message_the_translators_get(tmp_path, monkeypatch, write_dataset, name, failure):
    """A reason typed as an f-string would reach no catalogue: each must be a msgid pybabel extracts (CSV files and
    boundary GeoJSON alike)."""
    data, geo, _ = break_input(tmp_path, monkeypatch, write_dataset, name, failure)
    messages = {p.message for p in load_dataset(data, geo).problems}
    assert messages and messages <= extracted(), messages - extracted()
