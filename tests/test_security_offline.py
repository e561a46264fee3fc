"""No outside call, ever (issue 16, item 2). The app runs under a socket-level guard: an audit hook in the server
process records, and refuses at once, every name lookup or connection to anything but this machine. Every page,
a refused websocket and a download must then work, promptly, with nothing recorded."""

import sys
import time

import pytest

from tests.security_support import Refused, copy_data, get, page_token, run_page, serving
from turnover.texts import curation as curation_words

GUARDED_SERVER = r"""
import errno, ipaddress, os, sys

def on_this_machine(host):
    if host is None:
        return True
    host = host.decode() if isinstance(host, bytes) else str(host)
    if host in ("", "localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified

def refuse_outbound(event, args):
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event == "socket.connect" and isinstance(args[1], tuple):
        host = args[1][0]
    else:
        return
    if not on_this_machine(host):
        with open(os.environ["OUTBOUND_LOG"], "a") as log:
            log.write(f"{event} {host}\n")
        raise OSError(errno.ENETUNREACH, "outbound connections are blocked in this test")

sys.addaudithook(refuse_outbound)
from streamlit.web.cli import main
sys.argv = ["streamlit", *sys.argv[1:]]
main()
"""
PAGES = {"": "Belarus and the regions of Russia", "region": "Belarus – Smolensk Oblast", "compare": "", "sources": "Sources and data",
         "curate": curation_words.page_title()}


@pytest.mark.parametrize("address", ["localhost", "0.0.0.0"], ids=["localhost", "all-interfaces"])
def test_pages_a_refused_websocket_and_a_download_make_no_outside_call(address, tmp_path):
    data, log = copy_data(tmp_path), tmp_path / "outbound.log"
    log.touch()
    command = [sys.executable, "-c", GUARDED_SERVER, "run", "serve.py", "--server.address", address]
    with serving(data, command, {"OUTBOUND_LOG": str(log)}) as port:
        token = f"turnover_write={page_token(port)}"
        for page, heading in PAGES.items():
            run = run_page(port, page, "region=RU-SMO&year=2023", cookie=token)
            assert run.seconds < 30, (page, run.seconds)
            assert heading in "\n".join(run.texts), (page, run.texts[:5])
            if page == "sources":
                downloads = run.downloads
        for origin in ("http://evil.example", "https://attacker.test:8443", f"http://localhost:{port + 1}"):
            started = time.perf_counter()
            with pytest.raises(Refused):
                run_page(port, "", origin=origin)
            assert time.perf_counter() - started < 1.0, origin  # no lookup of an external address before answering
        assert downloads, "the sources page offers downloads"
        status, _, body = get(port, downloads[0])
        assert status == 200 and "," in body.splitlines()[0], body[:80]  # a CSV file
        assert get(port, "/_stcore/health")[0] == 200
    assert log.read_text() == "", f"the server tried to reach outside: {log.read_text()}"
