"""The map page of every year is built in the background once a data set is loaded (app/prewarm.py)."""

import threading

import pytest

from app import memo, prewarm
from tests.test_app import run_page
from turnover.dataset import load_dataset
from turnover.i18n import LANGUAGES


@pytest.mark.parametrize(("years", "lang", "expected"), [
    ([2022, 2024, 2023], "ru", [("ru", 2024), ("ru", 2023), ("ru", 2022), ("en", 2024), ("en", 2023), ("en", 2022)]),
    ([2023, 2021], "en", [("en", 2023), ("en", 2021), ("ru", 2023), ("ru", 2021)]),
])
def test_the_session_language_first_and_the_newest_year_first(years, lang, expected):
    assert prewarm.order(years, lang) == expected


@pytest.mark.parametrize(("value", "on"), [(None, True), ("1", True), ("0", False), ("off", False), ("false", False)])
def test_it_is_on_unless_turned_off(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv("TURNOVER_PREWARM", raising=False)
    else:
        monkeypatch.setenv("TURNOVER_PREWARM", value)
    assert prewarm.enabled() is on


def test_once_loaded_every_years_map_is_built_in_the_background_and_a_first_visit_builds_nothing(write_dataset, monkeypatch):
    data, geo = write_dataset()  # files of its own: a data set no other test has built
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    monkeypatch.setenv("TURNOVER_PREWARM", "1")
    monkeypatch.setattr(prewarm, "DELAY", 0.0)
    built, build = [], memo.altair_map
    monkeypatch.setattr(memo, "altair_map", lambda *args, **kwargs: built.append((kwargs["lang"], args[2])) or build(*args, **kwargs))
    years = load_dataset(data, geo).years
    assert len(years) > 1

    app = run_page(year=str(years[0]))
    warming = [thread for thread in threading.enumerate() if thread.name == "turnover-prewarm"]
    assert len(warming) == 1
    warming[0].join(timeout=60)
    assert set(built) == {(lang, year) for lang in LANGUAGES for year in years}  # every year's map in every language
    assert len(built) <= len(set(built)) + 1  # each once (the page's own year may be built by both at the same moment)

    built.clear()
    app.sidebar.selectbox(key="year").set_value(years[-1]).run()  # a year this session never opened
    assert not app.exception
    assert built == []
    assert str(years[-1]) in app.title[0].value
    russian = run_page(year=str(years[1]), lang="ru")  # another session, in the other language: found built too
    assert built == [] and str(years[1]) in russian.title[0].value
    assert [thread for thread in threading.enumerate() if thread.name == "turnover-prewarm"] == []  # one thread per data set, finished
