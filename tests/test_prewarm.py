"""The map page of every year and the profile of every region are built in the background once a data set is loaded (app/prewarm.py)."""

import threading

import pytest

from app import memo, prewarm, widgets
from tests.test_app import run_page
from turnover.aggregate import region_series
from turnover.dataset import load_dataset
from turnover.i18n import LANGUAGES
from turnover.urlstate import default_year


@pytest.mark.parametrize(("years", "regions", "lang", "expected"), [
    ([2022, 2024], ["RU-SMO", "RU-BRY"], "ru", [("map", "ru", 2024), ("map", "ru", 2022), ("region", "ru", "RU-SMO"), ("region", "ru", "RU-BRY"),
                                                ("map", "en", 2024), ("map", "en", 2022), ("region", "en", "RU-SMO"), ("region", "en", "RU-BRY")]),
    ([2021, 2023], ["RU-TA"], "en", [("map", "en", 2023), ("map", "en", 2021), ("region", "en", "RU-TA"), ("map", "ru", 2023), ("map", "ru", 2021), ("region", "ru", "RU-TA")]),
])
def test_the_session_language_first_then_maps_newest_first_then_regions(years, regions, lang, expected):
    assert prewarm.order(years, regions, lang) == expected


@pytest.mark.parametrize(("value", "on"), [(None, True), ("1", True), ("0", False), ("off", False), ("false", False)])
def test_it_is_on_unless_turned_off(monkeypatch, value, on):
    if value is None:
        monkeypatch.delenv("TURNOVER_PREWARM", raising=False)
    else:
        monkeypatch.setenv("TURNOVER_PREWARM", value)
    assert prewarm.enabled() is on


@pytest.fixture
def own_data(write_dataset, monkeypatch):
    """The app on files of the test's own (a data set no other test has built), with the background build on."""
    data, geo = write_dataset()
    monkeypatch.setenv("TURNOVER_DATA_DIR", str(data))
    monkeypatch.setenv("TURNOVER_GEO_DIR", str(geo))
    monkeypatch.setenv("TURNOVER_PREWARM", "1")
    return load_dataset(data, geo)


def building() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "turnover-prewarm"]


def test_once_loaded_every_page_is_built_in_the_background_and_a_first_visit_builds_nothing(own_data, monkeypatch):
    monkeypatch.setattr(prewarm, "DELAY", 0.0)
    monkeypatch.setattr(prewarm, "MOST_FIGURES", 2)  # a larger region's profile waits for its first visit
    maps, draw_map = [], memo.altair_map
    monkeypatch.setattr(memo, "altair_map", lambda *args, **kwargs: maps.append((kwargs["lang"], args[2])) or draw_map(*args, **kwargs))
    series, draw_series = [], memo.series_chart
    monkeypatch.setattr(memo, "series_chart", lambda *args, **kwargs: series.append((kwargs["lang"], args[1], kwargs["selected_year"])) or draw_series(*args, **kwargs))
    loaded = own_data
    years, opening = loaded.years, default_year(loaded.subjects_per_year)
    charted = [region for region in loaded.regions if not region_series(loaded.for_region(region), region, "turnover").empty and len(loaded.for_region(region)) <= 2]
    large = [region for region in loaded.regions if len(loaded.for_region(region)) > 2]
    assert len(years) > 1 and len(charted) > 2 and large

    app = run_page(year=str(years[0]))
    warming = building()
    assert len(warming) == 1
    warming[0].join(timeout=60)
    assert set(maps) == {(lang, year) for lang in LANGUAGES for year in years}  # every year's map in every language
    names = {lang: {loaded.registry.name(region, lang) for region in charted} for lang in LANGUAGES}
    assert set(series) == {(lang, name, opening) for lang in LANGUAGES for name in names[lang]}  # every region's chart, at the opening year
    assert len(maps) <= len(set(maps)) + 1  # each once (the page's own year may be built by both at the same moment)

    maps.clear()
    series.clear()
    converted, convert = [], widgets.arrow_bytes
    monkeypatch.setattr(widgets, "arrow_bytes", lambda records: converted.append(records) or convert(records))
    app.sidebar.selectbox(key="year").set_value(years[-1]).run()  # a year this session never opened
    assert not app.exception and str(years[-1]) in app.title[0].value
    profile = run_page("views/region.py", region=charted[-1], year=str(opening), lang="ru")  # another session, in the other language
    assert not profile.exception and loaded.registry.name(charted[-1], "ru") in profile.title[0].value
    assert maps == [] and series == []  # found built
    assert converted == []  # their charts' data too, as the Arrow the page sends
    run_page("views/region.py", region=large[0], year=str(opening))
    assert [name for _, name, _ in series] == [loaded.registry.name(large[0], "en")]  # built at its first visit
    assert building() == []  # one thread per data set, finished


def test_a_large_data_set_is_not_built_ahead(own_data, monkeypatch):
    monkeypatch.setattr(prewarm, "MOST_DATA_FIGURES", len(own_data.figures) - 1)  # one figure too many
    run_page()
    assert building() == []


def test_a_view_that_fails_does_not_stop_the_others(monkeypatch):
    built = []

    def build(page, lang, which, *rest):
        if which == 2023:
            raise ValueError("a broken year")
        built.append((page, lang, which))

    monkeypatch.setattr(prewarm, "DELAY", 0.0)
    monkeypatch.setattr(prewarm, "PAUSE", 0.0)
    monkeypatch.setattr(prewarm, "_build_view", build)
    views = prewarm.order([2024, 2023, 2022], ["RU-SMO"], "en")
    prewarm._build(views, 2024)
    assert built == [view for view in views if view[2] != 2023]
