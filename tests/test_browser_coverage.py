"""The Coverage page in Debian's chromium: the grid draws, a cell says what is known, a click opens that profile and year."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, OUTPUT, running_app
from turnover import coverage
from turnover.dataset import load_dataset
from turnover.texts import coverage as words

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def known_cell():
    """A full-year cell of the shipped data that the profile shows: (region, name, year, figure), read from the grid itself."""
    data = load_dataset()
    cells = coverage.grid(data.figures, data.ranks, data.registry, "turnover")
    cell = cells[(cells["known"] == "exact") & cells["region"].isin(data.regions) & cells["year"].isin(data.years)].iloc[-1]
    return cell["region"], cell["region_name"], int(cell["year"]), cell["figure"]


def test_the_grid_draws_and_a_click_on_a_cell_opens_that_region_and_year(watched, app_url, known_cell):
    region, name, year, figure = known_cell
    watched.open(f"{app_url}/coverage?flow=turnover")
    main = watched.page.locator('[data-testid="stMainBlockContainer"]')
    expect(main.locator("h1")).to_contain_text(words.page_title())
    chart = main.locator(".vega-embed").first
    expect(chart).to_be_visible(timeout=30_000)
    expect(main).to_contain_text(words.source_line(0, 0).split(" (")[0])  # the source line under the chart
    watched.screenshot("coverage")
    chart.screenshot(path=OUTPUT / "coverage-grid.png")
    x, y = _cell_centre(chart, name, year)
    watched.page.mouse.move(x, y)
    tooltip = watched.page.locator("#vg-tooltip-element")
    expect(tooltip).to_contain_text(name)
    expect(tooltip).to_contain_text(figure)
    expect(tooltip).to_contain_text(words.known_labels()["exact"])
    watched.page.screenshot(path=OUTPUT / "coverage-tooltip.png")
    watched.page.mouse.click(x, y)
    expect(watched.page.locator("h1").first).to_contain_text(f"Belarus – {name}", timeout=30_000)
    assert "/region?" in watched.page.url and f"region={region}" in watched.page.url and f"year={year}" in watched.page.url
    expect(watched.page.locator('[data-testid="stMetric"]').first).to_contain_text(f"Full year {year}", timeout=30_000)
    watched.assert_clean()


def _cell_centre(chart, name: str, year: int) -> tuple[float, float]:
    """Where the cell of ``name`` and ``year`` is drawn: under its year's label, level with its region's label."""
    row = chart.locator("svg text").filter(has_text=re.compile(f"^{re.escape(name)}$"))
    column = chart.locator("svg text").filter(has_text=re.compile(f"^{year}$"))
    expect(row).to_have_count(1, timeout=30_000)
    expect(column).to_have_count(1)
    row.scroll_into_view_if_needed()
    row_box, column_box = row.bounding_box(), column.bounding_box()
    return column_box["x"] + column_box["width"] / 2, row_box["y"] + row_box["height"] / 2


def test_briefing_view_shows_the_grid_and_no_widget_but_the_way_back(watched, app_url):
    watched.open(f"{app_url}/coverage?briefing=1")
    main = watched.page.locator('[data-testid="stMainBlockContainer"]')
    expect(main.locator(".vega-embed").first).to_be_visible(timeout=30_000)
    controls = main.locator("input:visible, button:visible, textarea:visible, select:visible, [role='button']:visible, [role='radio']:visible")
    expect(controls).to_have_count(1, timeout=30_000)
    expect(controls).to_have_text(["Leave briefing view"])
    watched.screenshot("coverage-briefing")
    watched.assert_clean()


def test_on_a_phone_the_grid_scrolls_sideways_and_the_page_does_not(browser, app_url):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(f"{app_url}/coverage?flow=turnover")
        grid = page.locator(".st-key-coverage_chart")
        expect(grid.locator(".vega-embed")).to_be_visible(timeout=60_000)
        page.wait_for_timeout(1000)
        grid_width, shown_width, page_width = page.evaluate(
            "() => { const e = document.querySelector('.st-key-coverage_chart'); return [e.scrollWidth, e.clientWidth, document.documentElement.scrollWidth]; }"
        )
        assert page_width <= 390  # nothing sticks out of the phone's screen
        assert grid_width > shown_width  # the grid is wider than the phone: every year is there, reached by scrolling
        grid.evaluate("element => { element.scrollLeft = element.scrollWidth; }")
        assert grid.evaluate("element => element.scrollLeft") > 0
        page.screenshot(path=str(OUTPUT / "coverage-phone-scrolled.png"))
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_legend_is_read_whole_beside_the_sidebar(watched, app_url, lang):
    """At 1400 px with the sidebar open, every entry of the legend is inside the chart's column (a Russian legend in one
    row ran past it, its last entry cut: "Ничего …")."""
    watched.open(f"{app_url}/coverage?flow=turnover&lang={lang}")
    grid = watched.page.locator(".st-key-coverage_chart")
    expect(grid.locator(".vega-embed .role-legend-label text").first).to_be_attached(timeout=30_000)
    column_right, labels = watched.page.evaluate(
        "() => { const e = document.querySelector('.st-key-coverage_chart'); const labels = [...e.querySelectorAll('.role-legend-label text')];"
        " return [e.getBoundingClientRect().right, labels.map(t => [t.textContent, t.getBoundingClientRect().right])]; }"
    )
    assert len(labels) == len(words.known_labels(lang))
    assert [text for text, right in labels if right > column_right] == []
