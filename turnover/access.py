"""Who may write to data/: the rules and the sentences that explain a refusal (pure; the app applies them).

Only a browser tab showing a page this server served, under one of its own names, may save. Three facts decide:

- the ``Host`` a request was sent to is one of the allowed host names (a DNS-rebinding page reaches the server
  under its own name, ``evil.example``, and is refused);
- a websocket's ``Origin`` is the page's own origin: same host and port as ``Host`` (a page on another port of
  localhost is another origin, and browsers cannot forge ``Origin``);
- for saving, the session carries a write token that the server put in a cookie when it served the page
  (HMAC-signed with a per-process secret), so an open websocket alone is not enough.
"""

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

DEFAULT_HOSTS = ("localhost", "127.0.0.1")
TOKEN_COOKIE = "turnover_write"
QUOTED = 60  # characters of a header value a message repeats


def hostname(host: str | None) -> str | None:
    """The lower-case host name of a ``Host`` header (``localhost:8501`` -> ``localhost``); None when malformed."""
    if not host or any(ch in host for ch in "/?#@\\ \t\r\n"):
        return None
    try:
        parts = urlsplit(f"//{host}")
        _ = parts.port  # raises on a port that is not a number in range
    except ValueError:
        return None
    return parts.hostname.rstrip(".") if parts.hostname else None


def host_allowed(host: str | None, allowed: list[str] | tuple[str, ...]) -> bool:
    """``host`` (a ``Host`` header, port ignored) matches an allowed name: exact, ``*.example.org``, or ``*``."""
    name = hostname(host)
    if name is None:
        return False
    for pattern in (p.strip().lower().rstrip(".") for p in (allowed or DEFAULT_HOSTS)):
        if pattern == "*" or name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False


def same_origin(origin: str | None, host: str | None) -> bool:
    """The ``Origin`` header names exactly the scheme-less address the request was sent to (host and port)."""
    if not origin or not host:
        return False
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower() and not parts.path.strip("/")


def _quoted(value: str | None) -> str:
    text = value or ""
    return repr(text[:QUOTED]) + ("…" if len(text) > QUOTED else "")


def host_refusal(host: str | None, allowed) -> str | None:
    """Why a request to ``host`` is refused (any page, any request), or None."""
    if host_allowed(host, allowed):
        return None
    return (f"This dashboard is not served under the name {_quoted(host)}. Open it under one of its own addresses "
            f"({', '.join(allowed or DEFAULT_HOSTS)}); an administrator adds names with server.allowedHosts.")


def connection_refusal(host: str | None, origin: str | None, allowed) -> str | None:
    """Why a websocket is refused, or None: a wrong host, or a page from another origin (site or port).
    A client that sends no ``Origin`` (not a browser) may read; it can never save (see ``write_refusal``)."""
    refusal = host_refusal(host, allowed)
    if refusal or origin is None or same_origin(origin, host):
        return refusal
    return f"A page from {_quoted(origin)} may not connect to this dashboard at {_quoted(host)}."


def issue_token(secret: bytes) -> str:
    """A new write token: a random nonce and its HMAC under ``secret``."""
    nonce = secrets.token_urlsafe(18)
    return f"{nonce}.{_signature(secret, nonce)}"


def token_valid(token: str | None, secret: bytes) -> bool:
    nonce, _, signature = (token or "").partition(".")
    return bool(nonce) and hmac.compare_digest(signature, _signature(secret, nonce))


def _signature(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()


def write_refusal(host: str | None, origin: str | None, token: str | None, secret: bytes, allowed) -> str | None:
    """Why this session may not save figures, or None when it may. Shown on /curate instead of the form."""
    refusal = host_refusal(host, allowed)
    if refusal:
        return "Saving is refused. " + refusal
    if not same_origin(origin, host):
        return (f"Saving is refused: this session did not come from the dashboard's own page (origin {_quoted(origin)}, "
                f"address {_quoted(host)}). Open /curate directly in the browser.")
    if not token_valid(token, secret):
        return ("Saving is refused: this session has no valid write token. The token comes with the page when the "
                "dashboard is started with `make run` (serve.py); reload the page, or restart it that way.")
    return None
