"""Smolensk's profile in a real browser (the shipped data): the 2024 card says why it is not compared with 2023,
the rank card gives the computed and the published rank, the chart draws; a screenshot goes to test-output/."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser_support import CHROMIUM, running_app

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


def test_smolensk_2024_profile_says_what_is_comparable(watched):
    with running_app() as url:
        watched.open(f"{url}/region?region=RU-SMO&year=2024")
        main = watched.page.locator('[data-testid="stMainBlockContainer"]')
        expect(main.get_by_text("Full year 2024: not comparable: 2023 in dollars; 2024 converted from roubles")).to_be_visible()
        expect(main.get_by_text("Rank in 2024: published: 3rd among Russian regions", exact=False)).to_be_visible()
        expect(main.locator("canvas, svg.marks").first).to_be_visible(timeout=30_000)
        watched.assert_clean()
        watched.screenshot("region-smolensk-2024")
