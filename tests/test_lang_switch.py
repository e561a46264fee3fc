"""The language switch: ``?lang=`` read from the link, kept across filter changes and pages and in the
address, a notice for a language that is not offered, and every label of the run taken from texts in
the chosen language.

A small test catalogue stands in for the Russian one (the words are the test's own), so a label that
is not asked for in Russian shows up as English here, whatever the shipped catalogue holds.
"""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.catalogue_support import stand_in_catalogue
from tests.test_app import run_page
from turnover.i18n import LANGUAGES
from turnover.regions import Registry
from turnover.texts import coverage as coverage_words
from turnover.texts import notices, pages
from turnover.urlstate import MAP_STYLES, Filters, parse_filters, quoted

RUSSIAN = {  # msgid -> the test catalogue's word: page titles, sidebar labels, a heading of each kind
    "Map": "Карта (тест)",
    "Region profile": "Профиль региона (тест)",
    "Compare": "Сравнение (тест)",
    "Sources and data": "Источники (тест)",
    "Coverage": "Охват (тест)",
    "Region": "Регион (тест)",
    "Year": "Год (тест)",
    "Flow": "Поток (тест)",
    "Briefing view": "Режим брифинга (тест)",
    "Language": "Язык (тест)",
    "Compare regions": "Сравнение регионов (тест)",
    "Unknown map {given}; expected one of {choices}; showing {showing}.": "Неизвестная карта {given}; возможны {choices}; показана {showing} (тест).",
}


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """A Russian catalogue with the words of ``RUSSIAN`` only."""
    with stand_in_catalogue(tmp_path, monkeypatch, RUSSIAN):
        yield


def lang_in_link(app: AppTest) -> str | None:
    value = dict(app.query_params).get("lang")
    return value[-1] if isinstance(value, list) else value


def test_the_language_is_in_the_link_only_when_not_english():
    assert "lang" not in Filters("RU-SMO", 2023, "turnover").as_params()
    assert Filters("RU-SMO", 2023, "turnover", lang="ru").as_params()["lang"] == "ru"


def test_a_russian_link_keeps_its_language_across_a_filter_change_and_a_page():
    app = run_page("views/region.py", region="RU-SMO", year="2023", lang="ru")
    assert app.sidebar.radio(key="lang").value == "ru"
    assert lang_in_link(app) == "ru"
    app.sidebar.selectbox(key="year").set_value(2022).run()
    assert lang_in_link(app) == "ru" and dict(app.query_params)["year"] in ("2022", ["2022"])
    app.switch_page("views/compare.py").run()
    assert not app.exception
    assert lang_in_link(app) == "ru"
    app.sidebar.radio(key="lang").set_value("en").run()
    assert lang_in_link(app) is None  # English is the default: a plain link


def test_an_unknown_language_shows_english_with_a_notice_that_goes_after_a_change():
    app = run_page(lang="xx")
    expected = notices.unknown_choice("lang", quoted("xx"), list(LANGUAGES), LANGUAGES[0], LANGUAGES[0])
    assert expected in [w.value.replace("\\", "") for w in app.warning]
    assert app.sidebar.radio(key="lang").value == LANGUAGES[0] and lang_in_link(app) is None
    app.sidebar.radio(key="flow").set_value("export").run()
    assert expected not in [w.value.replace("\\", "") for w in app.warning]


def test_a_bad_map_option_notice_follows_a_switch_of_language(catalogue):
    app = run_page(map="satellite")
    english = notices.unknown_choice("map", quoted("satellite"), list(MAP_STYLES), MAP_STYLES[0], "en")
    assert english in [w.value.replace("\\", "") for w in app.warning]
    app.sidebar.radio(key="lang").set_value("ru").run()
    russian = notices.unknown_choice("map", quoted("satellite"), list(MAP_STYLES), MAP_STYLES[0], "ru")
    assert russian != english  # the test catalogue is in use
    shown = [w.value.replace("\\", "") for w in app.warning]
    assert russian in shown and english not in shown


def test_a_bad_link_notice_is_in_the_links_language(catalogue):
    params = {"flow": "smuggling", "lang": "ru"}
    _filters, found = parse_filters(params, *_registry_and_choices())
    assert found == [notices.unknown_choice("flow", quoted("smuggling"), ["turnover", "export", "import"], "turnover", "ru")]


def _registry_and_choices():
    from turnover.dataset import load_dataset

    data = load_dataset()
    return data.registry, data.regions, data.years, data.years[-1]


def test_sidebar_labels_and_page_titles_come_from_texts_in_the_chosen_language(catalogue):
    app = run_page("views/compare.py", lang="ru")
    label = pages.filter_labels("ru")
    assert label["region"] == RUSSIAN["Region"]  # the test catalogue is in use
    sidebar = app.sidebar
    assert sidebar.selectbox(key="region").label == label["region"]
    assert sidebar.selectbox(key="year").label == label["year"]
    assert sidebar.radio(key="flow").label == label["flow"]
    assert sidebar.toggle(key="briefing").label == label["briefing"]
    assert sidebar.radio(key="lang").label == pages.language_label("ru")
    assert [pages.language_names()[option] for option in LANGUAGES] == sidebar.radio(key="lang").options
    assert app.title[0].value == pages.compare_title("ru")
    registry = _registry_and_choices()[0]
    assert pages.region_option(registry.name("RU-SMO", "ru"), "RU-SMO", "ru") in sidebar.selectbox(key="region").options


def test_the_navigation_titles_are_asked_for_in_the_chosen_language(monkeypatch):
    asked = []
    titles, coverage_title = pages.page_titles, coverage_words.nav_title
    monkeypatch.setattr(pages, "page_titles", lambda lang="en": asked.append(("pages", lang)) or titles(lang))
    monkeypatch.setattr(coverage_words, "nav_title", lambda lang="en": asked.append(("coverage", lang)) or coverage_title(lang))
    run_page(lang="ru")
    assert asked and set(asked) == {("pages", "ru"), ("coverage", "ru")}


def test_region_names_follow_the_language():
    registry = _registry_and_choices()[0]
    table = registry.table
    assert registry.name("RU-SMO", "ru") == table.at["RU-SMO", "name_ru"]
    assert registry.name("RU-SMO") == table.at["RU-SMO", "name_en"]
    assert registry.name("RU-SMO", "fr") == table.at["RU-SMO", "name_en"]  # no such column: English
    assert registry.name("XX-NONE", "ru") == "XX-NONE"


def test_a_region_without_a_russian_name_is_named_in_english():
    table = pd.DataFrame({"id": ["RU-AAA", "RU-BBB"], "name_en": ["Alpha Oblast", "Beta Krai"], "name_ru": ["Альфа", ""]}).set_index("id", drop=False)
    registry = Registry(table, {})
    assert [registry.name(region, "ru") for region in table.index] == ["Альфа", "Beta Krai"]
    assert registry.name("RU-AAA", "en") == "Alpha Oblast"
