"""The /curate page in a real browser (Debian's chromium via Playwright) on a temporary copy of data/:
paste an article, extract, save, and the running app shows the new region without a restart."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from turnover.paths import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
OUTPUT = REPO_ROOT / "test-output"
ARTICLE = "In 2023 trade between Belarus and Tambov Oblast amounted to about $280 million, the governor said. The new plant will cost $15 million."

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = tmp_path_factory.mktemp("curate") / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    port = _free_port()
    env = {**os.environ, "TURNOVER_CURATION": "1", "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(REPO_ROOT / "geo")}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port), "--server.headless", "true"],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://localhost:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError(f"the app did not start: {process.stderr.read().decode()[-2000:]}")
    yield url, data
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        yield page
        browser.close()


def _settled(page) -> None:
    page.wait_for_selector('[data-testid="stApp"]')
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)


def test_paste_extract_save_and_see_it_on_the_region_page(app, page):
    from playwright.sync_api import expect

    url, data = app
    page.goto(f"{url}/curate")
    _settled(page)
    expect(page.get_by_role("heading", name="Curate: figures from an article", exact=True)).to_be_visible(timeout=60_000)

    page.get_by_label("Article text (English, German or Russian)").fill(ARTICLE)
    for label, value in [("Publisher", "Test Agency"), ("Title (short, in English)", "Belarus–Tambov Oblast trade: 2023"), ("Address (url)", "https://example.org/t")]:
        field = page.get_by_label(label)
        field.fill(value)
        field.press("Enter")
        _settled(page)
    page.get_by_role("button", name="Extract figures").click()
    _settled(page)
    save = page.get_by_role("button", name="Save 1 ticked figure(s)")  # the plant's cost is not a trade figure
    expect(save).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Source id: test-agency-nd (new, written with the first saved figure)")).to_be_visible()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=OUTPUT / "curate-review.png", full_page=True)

    save.click()
    _settled(page)
    expect(page.get_by_text("Saved 1 figure(s).")).to_be_visible(timeout=60_000)
    assert (data / "figures.csv").read_text().endswith("RU-TAM,2023,12,turnover,280,USD,mn,approx,goods,,test-agency-nd,\n")
    page.screenshot(path=OUTPUT / "curate-saved.png", full_page=True)

    page.goto(f"{url}/region?region=RU-TAM&year=2023&flow=turnover")
    _settled(page)
    expect(page.get_by_role("heading", name="Belarus – Tambov Oblast", exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("$280m").first).to_be_visible()
    outside = [u for u in page.requests if not u.startswith(("http://localhost", "http://127.0.0.1", "data:", "blob:", "about:"))]
    assert outside == [], f"requests left the machine: {outside}"
