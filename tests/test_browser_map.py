"""The map page in a real browser: clicks on the interactive map with a real mouse, at two screen sizes.

The first click after load opens the profile; back on the map (still interactive, from the address), a
second click on the same region opens it again; a click on a Belarusian region opens nothing. The static
map draws the shapes the app serves with each year's figures, and a change of year redraws them.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, FOLIUM_FRAME, OUTPUT, Watched, running_app
from turnover.aggregate import map_figures
from turnover.boundaries import load_boundaries
from turnover.dataset import load_dataset
from turnover.maps import SERVED_URL, region_properties
from turnover.paths import geo_dir
from turnover.texts import charts, pages

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def click_region(watched: Watched, region: str) -> None:
    """Move the mouse onto the region's shape in the Leaflet frame and press there, as a user does."""
    shape = watched.page.frame_locator(FOLIUM_FRAME).locator(f"path.region-{region}")
    expect(shape).to_have_count(1, timeout=30_000)
    shape.scroll_into_view_if_needed()  # a user scrolls to what they want to click
    box, previous = shape.bounding_box(), None
    while box != previous:  # wait until the page stops moving (the legend above the map is drawn after it), as a user sees it
        watched.page.wait_for_timeout(400)
        previous, box = box, shape.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    watched.page.mouse.move(x, y)
    watched.page.mouse.click(x, y)


def open_map(watched: Watched) -> None:
    watched.page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Map").click()
    expect(watched.page.locator("h1").first).to_contain_text("Belarus and the regions of Russia", timeout=30_000)


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)])
def test_map_clicks_open_profiles_every_time_and_belarus_opens_nothing(browser, app_url, size):
    watched = Watched(browser)
    try:
        watched.page.set_viewport_size({"width": size[0], "height": size[1]})
        watched.open(f"{app_url}/?year=2023&map=interactive&extent=europe")
        click_region(watched, "RU-BRY")  # the first click after load
        expect(watched.page.locator("h1").first).to_contain_text("Belarus – Bryansk Oblast", timeout=30_000)
        open_map(watched)
        expect(watched.page).to_have_url(re.compile(r"[?&]map=interactive"), timeout=30_000)  # the style came back with the map (the address is rewritten after the heading is drawn)
        click_region(watched, "RU-BRY")  # the same region again
        expect(watched.page.locator("h1").first).to_contain_text("Belarus – Bryansk Oblast", timeout=30_000)
        open_map(watched)
        click_region(watched, "BY-MI")  # Minsk Oblast: no profile
        watched.page.wait_for_timeout(1500)
        watched.settle()
        expect(watched.page.locator("h1").first).to_contain_text("Belarus and the regions of Russia")
        assert "/region" not in watched.page.url
        watched.screenshot(f"map-clicks-{size[0]}x{size[1]}")
        watched.assert_clean()
    finally:
        watched.page.close()


def test_static_map_at_1920_by_1080(browser, app_url):
    watched = Watched(browser)
    try:
        watched.page.set_viewport_size({"width": 1920, "height": 1080})
        watched.open(f"{app_url}/?year=2024&tolerance=2")
        expect(watched.page.locator(".vega-embed").first).to_be_visible(timeout=30_000)
        watched.page.wait_for_timeout(1500)
        OUTPUT.mkdir(exist_ok=True)
        watched.page.screenshot(path=OUTPUT / "map-static-1920x1080.png")
        watched.assert_clean()
    finally:
        watched.page.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_static_map_draws_the_served_shapes_with_each_years_figures(browser, app_url, lang):
    data = load_dataset().in_language(lang)
    overview = load_boundaries(geo_dir() / "regions-overview.geojson")
    titles = charts.tooltip_titles(lang)

    def smolensk(year: int) -> dict:
        """What Smolensk's tooltip says for the year (the map's rules are tested on their own)."""
        table = map_figures(data.for_year(year), year, "turnover", True, 0)
        return next(p for p in region_properties(overview, table, lang, year) if p["id"] == "RU-SMO")

    def described(year: int) -> re.Pattern:
        return re.compile(re.escape(f"{titles['region_name']}: {smolensk(year)['name']}; {titles['shown']}: {smolensk(year)['shown']};"))

    watched = Watched(browser)
    try:
        watched.open(f"{app_url}/?year=2023&lang={lang}")
        shapes = watched.page.locator(".vega-embed").first.locator("g.layer_0_marks > path")
        expect(shapes).to_have_count(len(overview["features"]), timeout=30_000)  # every region, grey or not
        region = watched.page.locator(".vega-embed").first.locator(f"g.layer_0_marks > path[aria-label*='{titles['region_name']}: {smolensk(2023)['name']};']")
        expect(region).to_have_attribute("aria-label", described(2023))
        box = region.bounding_box()
        watched.page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6)
        expect(watched.page.locator("#vg-tooltip-element")).to_contain_text(smolensk(2023)["shown"])
        assert any(SERVED_URL in url for url in watched.requests)  # the shapes came from the app itself
        watched.page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has=watched.page.get_by_text(pages.filter_labels(lang)["year"], exact=True)).click()
        watched.page.keyboard.type("2024")
        watched.page.get_by_role("option", name="2024", exact=True).click()
        expect(watched.page.locator("h1").first).to_have_text(pages.map_title(2024, lang), timeout=30_000)
        expect(region).to_have_attribute("aria-label", described(2024), timeout=30_000)
        expect(shapes).to_have_count(len(overview["features"]))
        watched.screenshot(f"map-static-year-change-{lang}")
        watched.assert_clean()
    finally:
        watched.page.close()
