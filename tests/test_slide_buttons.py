"""Slide downloads on the pages: "Download slide" on the region profile and the map, "PNG for a slide" beside each chart's PNG/SVG; none in briefing view."""

import pytest

from tests.test_app import run_page
from turnover.texts import pages

SLIDE_PNG = pages.download_labels()["slide_png"]


@pytest.mark.parametrize(("page", "charts"), [("views/region.py", 1), (None, 2)])  # the map page: the map and the ranking
def test_a_slide_and_a_slide_png_per_chart_are_offered_and_made_on_click(page, charts):
    app = run_page(page, region="RU-SMO", year="2023")
    buttons = app.get("download_button")
    labels = [button.proto.label for button in buttons]
    assert labels.count(pages.slide_download()) == 1 and labels.count(SLIDE_PNG) == charts
    made_on_click = [b for b in buttons if b.proto.label in (pages.slide_download(), SLIDE_PNG)]
    assert all(b.proto.deferred_file_id and not b.proto.url and b.proto.ignore_rerun for b in made_on_click)


@pytest.mark.parametrize("page", ["views/region.py", None])
def test_briefing_view_offers_no_slide_download(page):
    app = run_page(page, region="RU-SMO", year="2023", briefing="1")
    assert app.get("download_button") == []
