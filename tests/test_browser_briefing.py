"""Briefing output in Debian's chromium: "Download slide" gives a PowerPoint that opens; in briefing view the
map and a region profile fit one screen at 1920 × 1080 and 1366 × 768, and no page is wider than a phone.

Screenshots of every page in briefing view at the three sizes go to test-output/briefing-<page>-<w>x<h>.png.
"""

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.browser_support import CHROMIUM, OUTPUT, Watched, running_app
from turnover.texts import pages

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")

BRIEFING = "region=RU-SMO&year=2023&briefing=1"
PAGES = {"map": "/", "region": "/region", "compare": "/compare", "sources": "/sources", "coverage": "/coverage"}
DESKTOPS = [(1920, 1080), (1366, 768)]
PHONE = (390, 844)
SOURCE_LINES = r"""() => [...document.querySelectorAll('.vega-embed text')]
    .filter(text => /(^|[.\s])(Sources?|Источники?): /.test(text.textContent)).map(text => text.getBoundingClientRect().toJSON())"""  # a chart's footer: footnote rows, then the source line (either language)
CHART_TEXTS = """() => [...document.querySelectorAll('.vega-embed text')].filter(text => text.textContent)
    .map(text => ({text: text.textContent, ...text.getBoundingClientRect().toJSON()}))"""


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


def _open(watched: Watched, url: str, size: tuple[int, int], charts: bool = True) -> None:
    watched.page.set_viewport_size({"width": size[0], "height": size[1]})
    watched.open(url)
    watched.page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    if charts:  # wait until they are drawn
        watched.page.wait_for_function(f"() => ({SOURCE_LINES})().length > 0", timeout=30_000)
    watched.page.wait_for_timeout(1000)  # charts resize to their column once drawn


def _inside(box: dict, size: tuple[int, int]) -> bool:
    return box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= size[1] and box["right"] <= size[0]


def test_download_slide_on_a_region_gives_a_powerpoint_with_title_picture_and_source(watched, app_url):
    watched.open(f"{app_url}/region?region=RU-SMO&year=2023")
    button = watched.page.get_by_role("button", name=pages.slide_download())
    expect(button).to_be_visible(timeout=30_000)
    with watched.page.expect_download(timeout=60_000) as download:
        button.click()
    assert download.value.suggested_filename == "belarus-smolensk-oblast-turnover-2023.pptx"
    saved = OUTPUT / download.value.suggested_filename
    OUTPUT.mkdir(exist_ok=True)
    download.value.save_as(saved)
    slide = Presentation(io.BytesIO(saved.read_bytes())).slides[0]
    assert slide.shapes.title.text_frame.text == "Trade turnover: Belarus – Smolensk Oblast"
    pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].image.size[0] >= 1920
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert any(text.startswith("Sources: ") for text in texts)  # the source line as a footnote
    assert any(text.startswith("Full year 2023\n$4.4bn") for text in texts)  # the key figures as text
    watched.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", DESKTOPS, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("page", ["map", "region"])
def test_briefing_view_fits_one_screen(watched, app_url, page, size, lang):
    _open(watched, f"{app_url}{PAGES[page]}?{BRIEFING}&lang={lang}", size)
    watched.page.screenshot(path=OUTPUT / f"briefing-{page}-{size[0]}x{size[1]}-{lang}.png")
    title = watched.page.locator('[data-testid="stMainBlockContainer"] h1').first.evaluate("e => e.getBoundingClientRect().toJSON()")
    assert _inside(title, size), title
    sources = watched.page.evaluate(SOURCE_LINES)
    assert sources and all(_inside(box, size) for box in sources), sources  # each chart's source line, to its last row
    if page == "region":
        cards = watched.page.locator('[data-testid="stMetric"]')
        assert cards.count() == 5
        for box in cards.evaluate_all("cards => cards.map(card => card.getBoundingClientRect().toJSON())"):
            assert _inside(box, size), box
    else:  # the ranking beside the map: its first and last bars' labels
        ranking = watched.page.locator(".vega-embed").nth(1)
        assert _inside(ranking.evaluate("e => e.getBoundingClientRect().toJSON()"), size)
    watched.assert_clean()


@pytest.mark.parametrize("page", list(PAGES))
def test_briefing_view_is_no_wider_than_a_phone(watched, app_url, page):
    _open(watched, f"{app_url}{PAGES[page]}?{BRIEFING}", PHONE, charts=page != "sources")  # the sources page has tables only
    watched.page.screenshot(path=OUTPUT / f"briefing-{page}-{PHONE[0]}x{PHONE[1]}.png")
    widths = watched.page.evaluate("""() => ({inner: innerWidth, document: document.documentElement.scrollWidth,
        main: document.querySelector('[data-testid="stMain"]').scrollWidth})""")
    assert widths["document"] <= widths["inner"] and widths["main"] <= widths["inner"], widths
    for box in watched.page.evaluate(SOURCE_LINES):  # a source line is never cut off at the chart's edge
        assert box["right"] <= widths["inner"], box
    texts = watched.page.evaluate(CHART_TEXTS) if page != "coverage" else []  # the coverage grid has 16 px per year: wider than a phone, known
    for text in texts:  # legends, value labels, end labels, footnotes: none cut off ("Partial yea…")
        assert text["left"] >= 0 and text["right"] <= widths["inner"] and not text["text"].endswith("…"), text
    watched.assert_clean()
