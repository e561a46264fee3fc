"""Hostile and broken data in a real browser: text from the CSVs is shown, never executed; bad rows are listed.

The app runs on a copy of the shipped data whose text columns carry script, event-handler and Markdown
link payloads, plus rows that must be rejected. No dialog may open and no payload may set window.__xss.
"""

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, FOLIUM_FRAME, Watched, running_app
from turnover.paths import REPO_ROOT

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")

NAME = 'Smolensk <img src=x onerror="window.__xss=1;alert(1)">'
PUBLISHER = "<script>window.__xss=2;alert(2)</script>BelTA"
TITLE = "[click me](javascript:window.__xss=3) <svg onload=window.__xss=4>"
NOTE = '<b onmouseover="window.__xss=5">note</b> ![img](javascript:alert(5)) <iframe src="javascript:alert(6)">'
SMOLENSK_SOURCE = "belta-de-20241118"


def _rewrite_csv(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _hostile_copy(root: Path) -> tuple[Path, Path]:
    data, geo = root / "data", root / "geo"
    shutil.copytree(REPO_ROOT / "data", data)
    shutil.copytree(REPO_ROOT / "geo", geo)
    _rewrite_csv(geo / "regions.csv", lambda r: r.update(name_en=NAME) if r["id"] == "RU-SMO" else None)
    _rewrite_csv(data / "sources.csv", lambda r: r.update(publisher=PUBLISHER, title=TITLE) if r["id"] == SMOLENSK_SOURCE else None)
    _rewrite_csv(data / "figures.csv", lambda r: r.update(note=NOTE) if r["region"] == "RU-SMO" else None)
    for boundaries in ("regions.geojson", "regions-overview.geojson"):
        collection = json.loads((geo / boundaries).read_text())
        for feature in collection["features"]:
            if feature["properties"]["id"] == "RU-SMO":
                feature["properties"]["name_en"] = NAME
        (geo / boundaries).write_text(json.dumps(collection))
    with (data / "figures.csv").open("a", encoding="utf-8") as handle:
        handle.write("RU-SMO,2021,13,turnover,1,USD,bn,exact,goods,,belta-de-20241118,\n")
        handle.write("RU-NOPE,2021,12,turnover,1,USD,bn,exact,goods,,belta-de-20241118,<script>alert(7)</script>\n")
    with (data / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("evil-1,Evil,Evil,javascript:alert(8),2024,en,media\n")
    return data, geo


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    data, geo = _hostile_copy(tmp_path_factory.mktemp("hostile"))
    with running_app({"TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(geo)}) as url:
        yield url



def assert_nothing_ran(watched: Watched) -> None:
    for frame in watched.page.frames:
        assert frame.evaluate("() => window.__xss") is None, f"a payload ran in {frame.url}"
    watched.assert_clean()


def test_payloads_on_the_region_page_are_text(watched, hostile_app):
    watched.open(f"{hostile_app}/region?region=RU-SMO&year=2023")
    heading = watched.page.locator("h1").first
    expect(heading).to_contain_text('<img src=x onerror="window.__xss=1;alert(1)">')
    main = watched.page.locator('[data-testid="stMainBlockContainer"]')
    expect(main).to_contain_text("$4.4bn", timeout=30_000)
    main.locator('[data-testid="stMetric"] [data-testid="stTooltipHoverTarget"]').first.hover()  # help text cites the hostile publisher
    watched.page.locator(".vega-embed").first.hover()
    watched.page.wait_for_timeout(1000)
    watched.screenshot("hostile-region")
    assert_nothing_ran(watched)


def test_payloads_in_map_tooltips_are_text(watched, hostile_app):
    watched.open(f"{hostile_app}/?year=2023")
    watched.page.get_by_role("radio", name="Interactive map").click()
    frame = watched.page.frame_locator(FOLIUM_FRAME)
    smolensk = frame.locator("path.region-RU-SMO")
    expect(smolensk).to_have_count(1, timeout=30_000)
    smolensk.dispatch_event("mouseover")  # on the region's own shape: a hover at its box's middle could land on a neighbour while the map settles
    tooltip = frame.locator(".leaflet-tooltip")
    expect(tooltip).to_contain_text("<img src=x", timeout=10_000)
    expect(tooltip).to_contain_text("<script>window.__xss=2")
    watched.screenshot("hostile-map-tooltip")
    assert_nothing_ran(watched)


def test_sources_page_shows_payloads_as_text_and_lists_rejected_rows(watched, hostile_app):
    watched.open(f"{hostile_app}/sources")
    panel = watched.page.get_by_text(re.compile(r"[\d,]+ input problems?: rows or files left out"))
    expect(panel).to_be_visible(timeout=30_000)
    panel.click()
    expect(watched.page.locator('[data-testid="stExpander"]').first.locator('[data-testid="stDataFrame"]')).to_be_visible()
    sidebar = watched.page.locator('[data-testid="stSidebar"]')
    shipped = sum(1 for _ in (REPO_ROOT / "data" / "figures.csv").open(encoding="utf-8")) - 1
    expect(sidebar).to_contain_text(f"{shipped} published figures")  # every good row is still shown
    watched.page.wait_for_timeout(1000)
    watched.screenshot("hostile-sources-warning-panel")
    assert_nothing_ran(watched)
