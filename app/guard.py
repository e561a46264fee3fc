"""The server side of turnover/access.py: an ASGI middleware in front of Streamlit, and the check /curate makes.

``PageGuard`` (installed by serve.py, the entry ``make run`` starts) answers every HTTP request to a host name
that is not allowed with 403, refuses a websocket from another origin or to another host before Streamlit sees
it (Streamlit's own check lets in any port of localhost, and looks up the machine's external address on the
internet for every foreign origin it refuses), forbids framing by other sites on every response, and gives every
HTML page a fresh write token in an HttpOnly, SameSite=Strict cookie. The page's ``<html lang>`` is the
link's ``?lang=`` (Streamlit's index.html says "en"): set in the HTML itself, so it is right before any
script runs; a switch during the session is followed by app/widgets.document_language.

The allowed host names are Streamlit's ``server.allowedHosts`` (.streamlit/config.toml: localhost, 127.0.0.1),
so Streamlit's own websocket check and this one read one list.
"""

import secrets

import streamlit as st
from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.responses import PlainTextResponse
from streamlit import config

from turnover.access import TOKEN_COOKIE, connection_refusal, host_refusal, issue_token, write_refusal
from turnover.i18n import LANGUAGES
from turnover.urlstate import parse_language

SECRET = secrets.token_bytes(32)  # signs the write tokens this process hands out; a restart invalidates them
FRAME_HEADERS = {
    "X-Frame-Options": "SAMEORIGIN",  # the map's component frames are this origin's; no other site may frame a page
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


SERVED_LANG = f'<html lang="{LANGUAGES[0]}"'.encode()  # the opening of Streamlit's index.html
UNREWRITABLE = (b"accept-encoding", b"if-none-match", b"if-modified-since")  # request headers that would give a compressed or empty page


def with_language(html: bytes, lang: str) -> bytes:
    """Streamlit's page with ``lang`` (an offered language, checked by ``parse_language``) in its ``<html>`` tag."""
    return html.replace(SERVED_LANG, f'<html lang="{lang}"'.encode(), 1)


def allowed_hosts() -> list[str]:
    return list(config.get_option("server.allowedHosts") or [])


class PageGuard:
    """ASGI middleware: host and origin checks, anti-framing headers, the write-token cookie on HTML pages."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        host = headers.get("host")
        if scope["type"] == "websocket":
            if connection_refusal(host, headers.get("origin"), allowed_hosts()):
                return await send({"type": "websocket.close", "code": 1008})  # before accept: the handshake gets 403
            return await self.app(scope, receive, send)
        refusal = host_refusal(host, allowed_hosts())
        if refusal:
            return await PlainTextResponse(refusal, status_code=403, headers=FRAME_HEADERS)(scope, receive, send)

        lang = parse_language(QueryParams(scope.get("query_string", b"").decode("latin-1")))[0]
        held: dict = {}  # an HTML page in another language: its start and body, sent once complete
        if lang != LANGUAGES[0]:  # asked for plain and whole, so the page can be rewritten (a page is small)
            scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() not in UNREWRITABLE]}

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                for name, value in FRAME_HEADERS.items():
                    response_headers[name] = value
                if response_headers.get("content-type", "").startswith("text/html"):
                    response_headers.append("Set-Cookie", f"{TOKEN_COOKIE}={issue_token(SECRET)}; Path=/; HttpOnly; SameSite=Strict")
                    if lang != LANGUAGES[0] and message.get("status") == 200 and "content-encoding" not in response_headers:
                        for validator in ("etag", "last-modified"):  # the page differs by language: no revalidation by file
                            del response_headers[validator]
                        held.update(start=message, body=b"")
                        return
            elif message["type"] == "http.response.body" and held:
                held["body"] += message.get("body", b"")
                if message.get("more_body", False):
                    return
                body = with_language(held["body"], lang)
                start = held["start"]
                MutableHeaders(scope=start)["content-length"] = str(len(body))
                await send(start)
                message = {"type": "http.response.body", "body": body}
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def session_write_refusal() -> str | None:
    """Why this browser session may not save (read from its websocket's headers and cookies), or None."""
    headers, cookies = st.context.headers, st.context.cookies
    return write_refusal(headers.get("host"), headers.get("origin"), cookies.get(TOKEN_COOKIE), SECRET, allowed_hosts())
