"""ASGI middleware: security headers on every response, a cap on request body size, and no
state-changing requests from other sites."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything is served by the app itself (pages work offline), so 'self' is enough. Inline
# styles stay allowed because Plotly sets style elements while drawing charts.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name.encode("latin-1"), value.encode("latin-1"))
    for name, value in (
        ("content-security-policy", CONTENT_SECURITY_POLICY),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        ("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=()"),
    )
)


class SecurityHeadersMiddleware:
    """Adds `SECURITY_HEADERS` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(item for item in SECURITY_HEADERS if item[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@dataclass(frozen=True)
class BodyLimit:
    """Requests whose path starts with `path_prefix` may send up to `max_bytes`."""

    path_prefix: str
    max_bytes: int


class BodySizeLimitMiddleware:
    """Refuses request bodies over the limit with 413, before they are read into memory.

    A declared Content-Length over the limit is refused at once; a chunked body is counted as
    it arrives. Upload pages get a larger limit through `limits` (the longest matching prefix
    wins); everything else gets `default_max_bytes`.
    """

    def __init__(
        self, app: ASGIApp, *, default_max_bytes: int, limits: Sequence[BodyLimit] = ()
    ) -> None:
        self.app = app
        self.default_max_bytes = default_max_bytes
        self.limits = sorted(limits, key=lambda limit: len(limit.path_prefix), reverse=True)

    def limit_for(self, path: str) -> int:
        for limit in self.limits:
            if path.startswith(limit.path_prefix):
                return limit.max_bytes
        return self.default_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > max_bytes:
            await _send_too_large(scope, send, max_bytes)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    # Raised inside the endpoint, so the app's own error handlers render it.
                    raise HTTPException(413, _too_large_message(max_bytes))
            return message

        await self.app(scope, counting_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _too_large_message(max_bytes: int) -> str:
    return f"the request body is larger than the limit of {_size_text(max_bytes)}"


def _size_text(size_bytes: int) -> str:
    mib = size_bytes / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else f"{size_bytes / 1024:g} KiB"


_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SameOriginWritesMiddleware:
    """Refuses POST/PUT/PATCH/DELETE that a browser says came from another site.

    The forms carry CSRF tokens and the session cookie is SameSite=Lax, but a personal install
    has no session at all, and the API's file upload takes multipart bodies a foreign page can
    send. Browsers label every request with `Sec-Fetch-Site` and cross-origin writes with
    `Origin`, so checking them stops another site writing through this one (OWASP CSRF
    Prevention Cheat Sheet, "Verifying origin with standard headers" and "Fetch Metadata").
    Clients that send neither (curl, scripts) are not browsers and pass.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in _SAFE_METHODS:
            headers = {name: value.decode("latin-1") for name, value in scope["headers"]}
            if _from_another_site(headers):
                await _send_error(
                    scope, send, 403, "forbidden", "requests from other sites may not write here"
                )
                return
        await self.app(scope, receive, send)


def _from_another_site(headers: dict[bytes, str]) -> bool:
    fetch_site = headers.get(b"sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = headers.get(b"origin")
    if origin is None:
        return False
    return origin == "null" or urlsplit(origin).netloc != headers.get(b"host", "")


async def _send_too_large(scope: Scope, send: Send, max_bytes: int) -> None:
    await _send_error(scope, send, 413, "too_large", _too_large_message(max_bytes))


async def _send_error(scope: Scope, send: Send, status: int, code: str, message: str) -> None:
    """An answer in the API's error shape under /api/, else one line of text."""
    if str(scope["path"]).startswith("/api/"):
        body = json.dumps({"error": {"code": code, "message": message, "field": None}}).encode()
        content_type = b"application/json"
    else:
        body = f"{code.replace('_', ' ').capitalize()}: {message}.".encode()
        content_type = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
