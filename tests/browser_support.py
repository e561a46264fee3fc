"""Shared by the browser tests: start the app on a free port, and a page that records requests and errors."""

import os
from contextlib import contextmanager
import re
import socket
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import expect

from turnover.paths import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
OUTPUT = REPO_ROOT / "test-output"
FOLIUM_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
# Streamlit's frontend probes <page>/_stcore/health and host-config before the root ones when a
# sub-page is opened directly (streamlit/streamlit#7074); those two 404s are Streamlit's, not ours.
KNOWN_PROBE = re.compile(r"/[a-z]+/_stcore/(health|host-config)$")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(env_extra: dict | None = None):
    """The dashboard on a free local port for the duration of the block; yields its base URL."""
    process, url = start_app(env_extra)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_app(env_extra: dict | None = None) -> tuple[subprocess.Popen, str]:
    """The app as `make run` starts it (serve.py: the dashboard behind app/guard.py)."""
    port = free_port()
    env = {**os.environ, **(env_extra or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port), "--server.headless", "true"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://localhost:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError(f"the app did not start: {process.stderr.read().decode()[-2000:]}")




class Watched:
    """A page whose requests and console errors are recorded."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.errors.append(f"{message.text} {message.location.get('url', '')}") if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.failed: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("response", lambda response: self.failed.append(response.url) if response.status >= 400 and not KNOWN_PROBE.search(response.url) else None)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settle()
        expect(self.page.locator('[data-testid="stMainBlockContainer"] h1').first).to_be_visible(timeout=60_000)

    def settle(self) -> None:
        """Wait until the app has finished its current run."""
        self.page.wait_for_selector('[data-testid="stApp"]')
        self.page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')""", timeout=60_000)

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        outside = [u for u in self.requests if not u.startswith(("http://localhost", "http://127.0.0.1", "data:", "blob:", "about:"))]
        assert outside == [], f"requests left the machine: {outside}"
        assert self.failed == [], f"failed requests: {self.failed}"
        unexplained = [e for e in self.errors if not ("404" in e and KNOWN_PROBE.search(e.split()[-1] if e.split() else ""))]
        assert unexplained == [], f"console errors: {unexplained}"

    def screenshot(self, name: str) -> None:
        OUTPUT.mkdir(exist_ok=True)
        self.page.screenshot(path=OUTPUT / f"{name}.png", full_page=True)


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"]
    )
