"""The /curate page in a real browser (Debian's chromium via Playwright) on a temporary copy of data/:
paste an article, extract, save, and the running app shows the new region without a restart."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, OUTPUT, running_app
from turnover.paths import REPO_ROOT

ARTICLE = "In 2023 trade between Belarus and Tambov Oblast amounted to about $280 million, the governor said. The new plant will cost $15 million."

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    with running_app({"TURNOVER_CURATION": "1", "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(REPO_ROOT / "geo")}) as url:
        yield url, data


def test_paste_extract_save_and_see_it_on_the_region_page(app, watched):
    url, data = app
    page = watched.page
    page.goto(f"{url}/curate")
    watched.settle()
    expect(page.get_by_role("heading", name="Curate: figures from an article", exact=True)).to_be_visible(timeout=60_000)

    page.get_by_label("Article text (English, German or Russian)").fill(ARTICLE)
    for label, value in [("Publisher", "Test Agency"), ("Title (the article's headline)", "Tambov and Belarus trade"), ("Address (url)", "https://example.org/t")]:
        field = page.get_by_label(label)
        field.fill(value)
        field.press("Enter")
        watched.settle()
    page.get_by_label("Source kind").click()
    page.get_by_role("option", name="news_agency").click()
    watched.settle()
    page.get_by_role("button", name="Extract figures").click()
    watched.settle()
    save = page.get_by_role("button", name="Save 1 ticked figure(s)")  # the plant's cost is not a trade figure
    expect(save).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Source id: test-agency-nd (new, written with the first saved figure)")).to_be_visible()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "curate-review.png", full_page=True)

    save.click()
    watched.settle()
    expect(page.get_by_text("Saved 1 figure(s).")).to_be_visible(timeout=60_000)
    assert (data / "figures.csv").read_text().endswith("RU-TAM,2023,12,turnover,280,USD,mn,approx,goods,,test-agency-nd,\n")
    page.screenshot(path=OUTPUT / "curate-saved.png", full_page=True)

    page.goto(f"{url}/region?region=RU-TAM&year=2023&flow=turnover")
    watched.settle()
    expect(page.get_by_role("heading", name="Belarus – Tambov Oblast", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("$280m").first).to_be_visible()
    watched.assert_clean()
