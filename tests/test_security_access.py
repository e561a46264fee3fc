"""Only the dashboard's own page can write (issue 16, item 1). Each attack of the attack run is replayed against
the app as `make run` starts it (serve.py), with curation on and a copy of data/: the save is refused and data/
is unchanged. The rules themselves (turnover/access.py) are tested first."""

import http.server
import sys
import threading
from pathlib import Path

import pytest

from tests.browser_support import CHROMIUM
from tests.security_support import Refused, copy_data, get, page_token, run_page, serving, snapshot
from turnover.access import (
    connection_refusal, host_allowed, issue_token, same_origin, token_valid, write_refusal,
)
from turnover.texts import curation as curation_words

ALLOWED = ["localhost", "127.0.0.1"]
SECRET = b"s" * 32


# --- the rules ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("host", "allowed"), [
    ("localhost:8501", True), ("LOCALHOST:8501", True), ("127.0.0.1", True), ("localhost.:8501", True),
    ("evil.example:8501", False), ("localhost.evil.example", False), ("evil.example@localhost", False),
    ("localhost:notaport", False), ("localhost/x", False), ("", False), (None, False), ("[::1]:8501", False),
])
def test_only_allowed_host_names_are_answered(host, allowed):
    assert host_allowed(host, ALLOWED) is allowed


def test_allowed_names_come_from_the_configured_list():
    assert host_allowed("dash.office.lan:443", ["dash.office.lan"])
    assert host_allowed("a.office.lan", ["*.office.lan"]) and not host_allowed("office.lan.evil", ["*.office.lan"])
    assert not host_allowed("dash.office.lan", [])  # an empty list means localhost only, never everyone


@pytest.mark.parametrize(("origin", "host", "same"), [
    ("http://localhost:8501", "localhost:8501", True), ("https://dash.lan", "dash.lan", True),
    ("http://localhost:9999", "localhost:8501", False), ("http://127.0.0.1:8501", "localhost:8501", False),
    ("null", "localhost:8501", False), ("http://localhost:8501/x", "localhost:8501", False), (None, "localhost:8501", False),
])
def test_an_origin_is_the_pages_own_only_with_the_same_host_and_port(origin, host, same):
    assert same_origin(origin, host) is same


def test_a_browser_page_from_another_origin_is_refused_a_websocket_and_a_non_browser_may_only_read():
    assert connection_refusal("localhost:8501", "http://localhost:8501", ALLOWED) is None
    assert "may not connect" in connection_refusal("localhost:8501", "http://localhost:9999", ALLOWED)
    assert connection_refusal("localhost:8501", None, ALLOWED) is None
    assert "not served under the name 'evil.example:8501'" in connection_refusal("evil.example:8501", "http://evil.example:8501", ALLOWED)


def test_a_write_token_is_valid_only_as_issued_by_this_secret():
    token = issue_token(SECRET)
    assert token_valid(token, SECRET) and token != issue_token(SECRET)
    assert not token_valid(token, b"x" * 32)
    assert not token_valid(token[:-1] + ("0" if token[-1] != "0" else "1"), SECRET)
    assert not token_valid(None, SECRET) and not token_valid("", SECRET) and not token_valid(".", SECRET)


def test_write_refusals_say_why_and_quote_headers_short():
    token = issue_token(SECRET)
    assert write_refusal("localhost:8501", "http://localhost:8501", token, SECRET, ALLOWED) is None
    assert "no valid write token" in write_refusal("localhost:8501", "http://localhost:8501", None, SECRET, ALLOWED)
    assert "did not come from the dashboard's own page" in write_refusal("localhost:8501", None, token, SECRET, ALLOWED)
    refusal = write_refusal("evil.example:8501" + "x" * 10_000, "http://evil.example:8501", token, SECRET, ALLOWED)
    assert refusal.startswith("Saving is refused. This dashboard is not served under the name") and len(refusal) < 400


# --- the attacks, against the running app ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = copy_data(tmp_path_factory.mktemp("access"))
    with serving(data) as port:
        yield port, data


def test_a_page_on_another_port_or_site_cannot_open_a_websocket(app):
    port, data = app
    before = snapshot(data)
    for origin in (f"http://localhost:{port + 1}", f"http://127.0.0.1:{port + 1}", f"http://127.0.0.1:{port}", "http://evil.example", "null"):
        with pytest.raises(Refused):
            run_page(port, "curate", origin=origin, cookie=f"turnover_write={page_token(port)}")
    assert snapshot(data) == before


def test_a_dns_rebinding_page_gets_neither_the_page_nor_a_websocket(app):
    port, data = app
    before = snapshot(data)
    rebound = f"evil.example:{port}"
    for path in ("/", "/curate", "/_stcore/health"):
        status, headers, body = get(port, path, host=rebound)
        assert status == 403 and "not served under the name 'evil.example" in body
        assert "set-cookie" not in headers  # no write token for a page under a foreign name
    with pytest.raises(Refused):
        run_page(port, "curate", host=rebound)
    assert snapshot(data) == before


def test_an_open_websocket_without_the_pages_token_gets_no_curation_form(app):
    port, data = app
    before = snapshot(data)
    for cookie in (None, "turnover_write=forged.0000", f"turnover_write={issue_token(b'another server')}"):
        texts = run_page(port, "curate", cookie=cookie).texts
        assert any("Saving is refused: this session has no valid write token" in text for text in texts), texts
        assert not [text for text in texts if text.startswith((curation_words.extract_label(), "Save "))], texts
    assert snapshot(data) == before
    # the page's own token opens the form: the refusal above is the token check, nothing else
    texts = run_page(port, "curate", cookie=f"turnover_write={page_token(port)}").texts
    assert curation_words.extract_label() in texts and not any("refused" in text for text in texts)


def test_every_response_forbids_framing_by_other_sites(app):
    port, _ = app
    for path in ("/", "/curate", "/region?region=RU-SMO", "/_stcore/health", "/app/static/favicon.png"):
        status, headers, _ = get(port, path)
        assert status == 200, path
        assert headers["x-frame-options"] == "SAMEORIGIN", path
        assert headers["content-security-policy"] == "frame-ancestors 'self'", path


def test_the_dashboard_started_without_the_guard_refuses_every_save(tmp_path):
    data = copy_data(tmp_path)
    with serving(data, command=[sys.executable, "-m", "streamlit", "run", "dashboard.py"]) as port:
        assert "set-cookie" not in get(port, "/curate")[1]
        texts = run_page(port, "curate").texts
    assert any("no valid write token" in text for text in texts), texts


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")
def test_a_page_of_another_site_cannot_frame_the_dashboard(app, browser):
    port, _ = app
    framing = f'<html><body><iframe id="victim" src="http://localhost:{port}/curate" width="800" height="600"></iframe></body></html>'.encode()

    class FramingPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(framing)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FramingPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.wait_for_timeout(4000)
        victim = page.frames[1]
        assert victim.url.startswith("chrome-error://"), victim.url  # Chromium refused to show it in the frame
        assert victim.locator('[data-testid="stApp"]').count() == 0, "the dashboard rendered inside another site's page"
    finally:
        page.close()
        server.shutdown()
