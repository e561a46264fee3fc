"""For the security tests: the app (serve.py) on a copy of data/, a websocket client that can send any Host,
Origin and Cookie, and plain HTTP requests with any Host."""

import asyncio
import http.client
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.browser_support import free_port
from turnover.paths import REPO_ROOT


def copy_data(root: Path) -> Path:
    data = root / "data"
    shutil.copytree(REPO_ROOT / "data", data)
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


@contextmanager
def serving(data: Path, command: list[str] | None = None, env_extra: dict | None = None):
    """serve.py (or ``command``) on a free port with curation on and ``data`` as the data folder; yields the port."""
    port = free_port()
    env = {**os.environ, "TURNOVER_CURATION": "1", "TURNOVER_DATA_DIR": str(data), "TURNOVER_GEO_DIR": str(REPO_ROOT / "geo"), **(env_extra or {})}
    command = command or [sys.executable, "-m", "streamlit", "run", "serve.py"]
    process = subprocess.Popen([*command, "--server.port", str(port), "--server.headless", "true"], cwd=REPO_ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(120):
            try:
                if get(port, "/_stcore/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"the app did not start: {process.stderr.read().decode()[-2000:]}")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=15)


def get(port: int, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
    """(status, headers with lower-case names, body) of a GET sent to localhost:port with any Host header."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host or f"localhost:{port}"})
        response = connection.getresponse()
        headers = {}
        for name, value in response.getheaders():
            headers[name.lower()] = f"{headers[name.lower()]}, {value}" if name.lower() in headers else value
        return response.status, headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def page_token(port: int) -> str:
    """The write token the server hands out with a page, as the browser would keep it."""
    cookie = get(port, "/curate")[1]["set-cookie"]
    return cookie.split(";")[0].split("=", 1)[1]


class Refused(Exception):
    """The websocket handshake was refused."""


@dataclass
class Run:
    texts: list[str] = field(default_factory=list)  # headings, Markdown, alerts, button labels
    downloads: list[str] = field(default_factory=list)  # media URLs of download buttons
    seconds: float = 0.0


async def _run_page(port: int, page: str, query: str, host: str | None, origin: str | None, cookie: str | None) -> Run:
    host = host or f"localhost:{port}"
    headers = {}
    if origin is not None:
        headers["Origin"] = origin
    if cookie is not None:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    try:
        # the Host header comes from the address; the connection itself always goes to 127.0.0.1
        ws = await connect(f"ws://{host}/_stcore/stream", host="127.0.0.1", port=port, subprotocols=["streamlit"],
                           additional_headers=headers, max_size=None, open_timeout=30)
    except InvalidStatus as error:
        if error.response.status_code != 403:
            raise
        raise Refused("the handshake was answered 403") from None
    run, deferred, session_id = Run(), [], ""
    async with ws:
        state = ClientState(query_string=query, page_name=page)
        state.context_info.CopyFrom(ContextInfo(timezone="UTC", timezone_offset=0, locale="en-US", url=f"http://{host}/{page}", color_scheme="light"))
        await ws.send(BackMsg(rerun_script=state).SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(await ws.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session":
                session_id = message.new_session.initialize.session_id
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                element = message.delta.new_element
                what = element.WhichOneof("type")
                if what in ("heading", "markdown", "alert"):
                    run.texts.append(getattr(element, what).body.replace("\\", ""))  # Markdown escapes
                elif what in ("button", "download_button"):
                    run.texts.append(getattr(element, what).label)
                    if what == "download_button" and element.download_button.url:
                        run.downloads.append(element.download_button.url)
                    elif what == "download_button" and element.download_button.deferred_file_id:
                        deferred.append(element.download_button.deferred_file_id)
                elif what == "exception":
                    raise AssertionError(f"exception in the app: {element.exception.message}")
            elif kind == "script_finished":
                run.seconds = time.perf_counter() - started
                run.downloads += [await _deferred_url(ws, session_id, file_id) for file_id in deferred]
                return run


async def _deferred_url(ws, session_id: str, file_id: str) -> str:
    """The media URL of a download made on click (``data`` a callable): asked for as the browser does on a click."""
    request = BackMsg()
    request.backend_operation_request.request_id = file_id
    request.backend_operation_request.session_id = session_id
    request.backend_operation_request.deferred_file.file_id = file_id
    await ws.send(request.SerializeToString())
    while True:
        message = ForwardMsg()
        message.ParseFromString(await ws.recv())
        if message.WhichOneof("type") == "backend_operation_response" and message.backend_operation_response.request_id == file_id:
            response = message.backend_operation_response
            assert not response.error_msg, response.error_msg
            return response.deferred_file.url


def run_page(port: int, page: str = "", query: str = "", host: str | None = None, origin: str | None = "same",
             cookie: str | None = None, timeout: float = 90) -> Run:
    """One run of ``page`` as a browser tab would ask for it; ``origin="same"`` sends the page's own origin.
    Raises ``Refused`` when the server refuses the websocket."""
    if origin == "same":
        origin = f"http://{host or f'localhost:{port}'}"
    # in a thread of its own: Playwright's sync API keeps an event loop running in this one once a browser test ran
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, asyncio.wait_for(_run_page(port, page, query, host, origin, cookie), timeout)).result()
