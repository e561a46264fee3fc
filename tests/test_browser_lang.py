"""The language switch in a real browser: the page's ``<html lang>`` follows ``?lang=`` from the first
request (app/guard.py) and a switch in the sidebar (app/widgets.document_language); the address keeps it."""

import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, running_app
from turnover.texts import pages

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def document_lang(watched) -> str:
    return watched.page.evaluate("document.documentElement.lang")


def test_the_served_page_is_in_the_links_language_before_any_script_runs(app_url):
    for path, lang in (("/?lang=ru", "ru"), ("/region?region=RU-SMO&lang=ru", "ru"), ("/?lang=xx", "en"), ("/", "en")):
        request = urllib.request.Request(app_url + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert f'<html lang="{lang}"'.encode() in response.read(), path


def test_a_russian_link_sets_the_page_language_and_the_switch_keeps_it_in_the_address(watched, app_url):
    watched.open(f"{app_url}/?lang=ru")
    expect(watched.page.locator("h1").first).to_be_visible(timeout=30_000)
    assert document_lang(watched) == "ru"
    names = pages.language_names()
    switch = watched.page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(has_text=names["ru"])
    expect(switch.get_by_text(names["ru"])).to_be_visible()
    watched.screenshot("lang-ru-map")

    switch.get_by_text(names["en"]).click()
    watched.page.wait_for_function("() => !location.search.includes('lang=')", timeout=30_000)
    watched.page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30_000)

    switch.get_by_text(names["ru"]).click()
    watched.page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'ru'", timeout=30_000)
    watched.page.wait_for_function("() => document.documentElement.lang === 'ru'", timeout=30_000)
    watched.assert_clean()


def test_an_english_page_says_so(watched, app_url):
    watched.open(f"{app_url}/sources")
    expect(watched.page.locator("h1").first).to_be_visible(timeout=30_000)
    assert document_lang(watched) == "en"
    watched.assert_clean()


RUSSIAN_PAGES = ["/", "/region?region=RU-SMO&year=2023", "/compare", "/sources", "/coverage"]
VISIBLE_TEXT = """() => { document.querySelectorAll('[data-testid="stIconMaterial"]').forEach(icon => icon.remove());  // icon ligatures: "grid_on"
    return [document.querySelector('[data-testid="stSidebar"]'), document.querySelector('[data-testid="stMain"]')]
    .filter(Boolean).map(element => element.innerText).join(' ') + ' ' +
    [...document.querySelectorAll('.vega-embed text')].map(text => text.textContent).join(' '); }"""


@pytest.mark.parametrize("path", RUSSIAN_PAGES)
def test_every_page_in_russian_shows_no_english_interface_word(watched, app_url, path):
    from tests.english_words import english_in

    address = f"{path}{'&' if '?' in path else '?'}lang=ru"
    watched.open(app_url + address)
    expect(watched.page.locator("h1").first).to_be_visible(timeout=30_000)
    if path != "/sources":
        expect(watched.page.locator(".vega-embed").first).to_be_visible(timeout=30_000)
    watched.page.wait_for_timeout(1500)
    text = watched.page.evaluate(VISIBLE_TEXT)
    language_names = set(pages.language_names().values())  # each language is offered by its own name
    found = [word for word in english_in(text) if word not in language_names]
    watched.screenshot(f"ru-{path.split('?')[0].strip('/') or 'map'}")
    assert found == [], f"English on {address}: {sorted(set(found))}"
