"""The dashboard in a real browser: Debian's chromium driven by Playwright, the app on a free local port.

Every request is recorded: none may leave localhost. Screenshots of each page go to test-output/.
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, FOLIUM_FRAME, OUTPUT, Watched, running_app
from turnover.paths import REPO_ROOT

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")

@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def main_text(watched: Watched) -> str:
    return watched.page.locator('[data-testid="stMainBlockContainer"]').inner_text()


@pytest.mark.parametrize(("path", "heading"), [("/", "Belarus and the regions of Russia"), ("/region?region=RU-SMO", "Belarus – Smolensk Oblast"), ("/compare", "Compare regions"), ("/sources", "Sources and data")])
def test_each_page_opens_offline_without_errors(watched, app_url, path, heading):
    watched.open(app_url + path)
    expect(watched.page.locator("h1").first).to_contain_text(heading)
    watched.page.wait_for_timeout(1500)
    watched.screenshot("page-" + (path.strip("/").split("?")[0] or "map"))
    watched.assert_clean()


def test_selecting_smolensk_shows_the_seed_figures(watched, app_url):
    watched.open(f"{app_url}/region?region=RU-BRY&year=2023")
    expect(watched.page.locator("h1").first).to_contain_text("Bryansk Oblast")
    sidebar = watched.page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stSelectbox"]').first.click()
    watched.page.keyboard.type("Smolensk")
    watched.page.get_by_role("option", name=re.compile("Smolensk Oblast")).click()
    expect(watched.page.locator("h1").first).to_contain_text("Belarus – Smolensk Oblast", timeout=30_000)
    expect(watched.page.locator('[data-testid="stMetric"]').first).to_contain_text("$4.4bn", timeout=30_000)
    expect(watched.page.locator('[data-testid="stMetric"]').last).to_contain_text("$3.1bn", timeout=30_000)  # the cards arrive one by one
    text = main_text(watched)
    assert "$3.1bn" in text
    assert "Jan–Sep 2024" in text
    assert "region=RU-SMO" in watched.page.url
    watched.screenshot("region-smolensk")
    watched.assert_clean()


def test_folium_map_draws_every_region_and_a_click_opens_its_profile(watched, app_url):
    features = json.loads((REPO_ROOT / "geo" / "regions.geojson").read_text())["features"]
    watched.open(f"{app_url}/?year=2023")
    watched.page.get_by_role("radio", name="Interactive map").click()
    frame = watched.page.frame_locator(FOLIUM_FRAME)
    paths = frame.locator("path.leaflet-interactive")
    expect(paths).to_have_count(len(features), timeout=30_000)
    for feature in features:
        expect(frame.locator(f"path.region-{feature['properties']['id']}")).to_have_count(1)
    watched.screenshot("map-interactive")
    frame.locator("path.region-RU-BRY").click(force=True)
    expect(watched.page.locator("h1").first).to_contain_text("Belarus – Bryansk Oblast", timeout=30_000)
    assert "/region" in watched.page.url and "region=RU-BRY" in watched.page.url
    watched.assert_clean()


def test_altair_map_is_drawn(watched, app_url):
    watched.open(f"{app_url}/?year=2023")
    chart = watched.page.locator(".vega-embed").first
    expect(chart).to_be_visible(timeout=30_000)
    shapes = chart.locator("path")  # Streamlit draws Vega charts as SVG: one path per region and legend item
    features = json.loads((REPO_ROOT / "geo" / "regions.geojson").read_text())["features"]
    # the regions' shapes are a file the browser fetches (turnover/maps.py): drawn a moment after the chart's frame
    watched.page.wait_for_function("n => document.querySelector('.vega-embed').querySelectorAll('path').length >= n", arg=len(features), timeout=30_000)
    assert shapes.count() >= len(features)
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    chart.screenshot(path=OUTPUT / "map-static.png")
    watched.assert_clean()


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Trade turnover with Belarus by Russian region, 2023"),
        ("/region", "Trade turnover: Belarus – Smolensk Oblast"),
        ("/compare", "Trade turnover with Belarus: regions compared"),
        ("/sources", "Conflicts between sources"),
    ],
)
def test_briefing_view_has_no_widgets_but_titles_and_sources(watched, app_url, path, heading):
    watched.open(f"{app_url}{path}?region=RU-SMO&year=2023&briefing=1")
    main = watched.page.locator('[data-testid="stMainBlockContainer"]')
    expect(main).to_contain_text(heading, timeout=30_000)
    expect(watched.page.locator('[data-testid="stSidebar"]')).to_be_hidden(timeout=30_000)
    watched.page.wait_for_timeout(1500)
    if path != "/sources":
        expect(main).to_contain_text("Source", timeout=30_000)  # the source line under each chart
    controls = main.locator("input:visible, button:visible, textarea:visible, select:visible, [role='button']:visible, [role='radio']:visible")
    expect(controls).to_have_count(1, timeout=30_000)  # one control; the page may still be settling
    expect(controls).to_have_text(["Leave briefing view"])
    watched.screenshot("briefing-" + (path.strip("/") or "map"))
    watched.assert_clean()


def test_filters_carry_across_pages_in_the_address(watched, app_url):
    watched.open(f"{app_url}/region?region=RU-TA&year=2022&flow=export")
    expect(watched.page.locator("h1").first).to_contain_text("Republic of Tatarstan")
    watched.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Compare").click()
    expect(watched.page.locator("h1").first).to_contain_text("Compare regions", timeout=30_000)
    expect(watched.page).to_have_url(re.compile(r"/compare\?region=RU-TA&year=2022&flow=export"), timeout=30_000)
    watched.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Region profile").click()
    expect(watched.page.locator("h1").first).to_contain_text("Republic of Tatarstan", timeout=30_000)
    expect(watched.page.locator('[data-testid="stMainBlockContainer"]')).to_contain_text("Belarusian exports")
    watched.assert_clean()
