"""Request body limits, enforced before a body is read, and the security headers of every response (issue 8: a 200 MB form to /sparql was read whole).

A pure ASGI middleware: a declared Content-Length over the limit is answered 413 at once; a body
sent without one (chunked) is counted as it arrives and cut off at the limit, so no route ever
holds more than its limit in memory. FastAPI's own `max_body_size` does the counting too, but
answers a declared length with a plain-text 413 that no handler can turn into problem+json naming
the setting to raise, which every other error of this API is.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from app.problems import PROBLEM_MEDIA_TYPE

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(Exception):
    """The request body passed the route's limit while it was being read."""


class BodyLimit:
    """Refuse request bodies larger than `limit_for(method, path)` bytes with a 413 problem."""

    def __init__(self, app: ASGIApp, *, limit_for: Callable[[str, str], tuple[int, str]]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, setting = self.limit_for(scope["method"], scope["path"])
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, scope["path"], int(declared), limit, setting)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, scope["path"], seen, limit, setting)


async def _refuse(send: Send, path: str, size: int, limit: int, setting: str) -> None:
    detail = f"the request body is {size:,} bytes or more, over the limit of {limit:,} bytes ({setting})"
    body = json.dumps(
        {"type": "https://w3id.org/citykg/problems/body-too-large", "title": "Content Too Large",
         "status": 413, "detail": detail, "instance": path},
        ensure_ascii=False,
    ).encode()  # fmt: skip
    headers = [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# The front end loads only its own bundle; /docs and /redoc are FastAPI's pages from a CDN.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Add nosniff, no-referrer, no framing and (outside the API docs) a content security policy
    to every response (issue 8, point 10: there were none)."""

    def __init__(self, app: ASGIApp, *, docs_paths: tuple[str, ...] = ("/docs", "/redoc")) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(_SECURITY_HEADERS)
        if not scope["path"].startswith(self.docs_paths):
            extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)
