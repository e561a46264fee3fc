"""The /curate page in a real browser (Debian's chromium via Playwright) on a temporary copy of data/:
paste an article, extract, save its figure and its rank statement, and the running app shows both without a restart."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, OUTPUT, running_app
from turnover.paths import REPO_ROOT
from turnover.texts import curation as words

ARTICLE = ("In 2023 trade between Belarus and Tambov Oblast amounted to about $280 million, the governor said. "
           "In 2023 Tambov Oblast ranked 40th among Russian regions in trade with Belarus. The new plant will cost $15 million.")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    with running_app({"TURNOVER_CURATION": "1", "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(REPO_ROOT / "geo")}) as url:
        yield url, data


def test_paste_extract_save_a_figure_and_a_rank_and_see_them_on_the_region_page(app, watched):
    url, data = app
    page = watched.page
    page.goto(f"{url}/curate")
    watched.settle()
    expect(page.get_by_role("heading", name=words.page_title(), exact=True)).to_be_visible(timeout=60_000)

    label = words.form_labels()
    page.get_by_label(label["text"]).fill(ARTICLE)
    for name, value in [("publisher", "Test Agency"), ("title", "Tambov and Belarus trade"), ("url", "https://example.org/t")]:
        field = page.get_by_label(label[name])
        field.fill(value)
        field.press("Enter")
        watched.settle()
    page.get_by_label(label["kind"]).click()
    page.get_by_role("option", name="news_agency").click()
    watched.settle()
    page.get_by_role("button", name=words.extract_label()).click()
    watched.settle()
    save = page.get_by_role("button", name=words.save_label("figures", 1))  # the plant's cost is not a trade figure
    expect(save).to_be_visible(timeout=60_000)
    save_rank = page.get_by_role("button", name=words.save_label("ranks", 1))
    expect(save_rank).to_be_visible()
    expect(page.get_by_role("heading", name=words.review_heading("ranks"), exact=True)).to_be_visible()
    expect(page.get_by_text(words.source_id_suggested("test-agency-nd", known=False))).to_be_visible()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "curate-review.png", full_page=True)

    save.click()
    watched.settle()
    expect(page.get_by_text(words.saved("figures", 1))).to_be_visible(timeout=60_000)
    assert (data / "figures.csv").read_text().endswith("RU-TAM,2023,12,turnover,280,USD,mn,approx,goods,,test-agency-nd,\n")
    save_rank.click()
    watched.settle()
    expect(page.get_by_text(words.saved("ranks", 1))).to_be_visible(timeout=60_000)
    assert (data / "ranks.csv").read_text().endswith("RU-TAM,2023,12,turnover,40,,,,,test-agency-nd,\n")
    page.screenshot(path=OUTPUT / "curate-saved.png", full_page=True)

    page.goto(f"{url}/region?region=RU-TAM&year=2023&flow=turnover")
    watched.settle()
    expect(page.get_by_role("heading", name="Belarus – Tambov Oblast", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("$280m").first).to_be_visible()
    expect(page.get_by_text("published: 40th").first).to_be_visible()  # the rank card's published rank
    page.screenshot(path=OUTPUT / "curate-region.png", full_page=True)
    watched.assert_clean()
