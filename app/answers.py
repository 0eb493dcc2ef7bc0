"""Answers to read requests kept while the graph is unchanged: a page many people open costs its first request.

The REST resources are functions of the store's content and the request alone, and the
content changes only with a write. So a GET answer is kept, keyed by the store's version,
path, query string and Accept header, and sent again until the next write makes every key
unreachable (they then age out of a bounded LRU). At 10,000 documents the most-mentioned
place took 400 ms to assemble from its 3,900 evidence sentences; sent again it takes well
under a millisecond. Only the embedded store is kept this way: its version is an in-process
counter, where a remote store's is a query other writers' changes are seen through.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["KEPT_PREFIXES", "AnswerCache", "KeptBytes"]

# Resources whose answers depend on the store and the request only (not /versions, read from its
# log after the write, nor /cypher, answered by the mirror).
KEPT_PREFIXES = (
    "/stats",
    "/places",
    "/programmes",
    "/agencies",
    "/projects",
    "/policies",
    "/indicators",
    "/documents",
    "/search",
    "/graph",
    "/adoption",
    "/diffusion",
    "/communities",
    "/paths",
)
_Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
V = TypeVar("V")


class KeptBytes(Generic[V]):
    """Values by key, at most ``most_bytes`` in all (least recently used dropped first); none over ``largest``."""

    def __init__(self, size: Callable[[V], int], *, most_bytes: int, largest: int) -> None:
        self._size = size
        self._most = most_bytes
        self._largest = largest
        self._values: OrderedDict[Any, V] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Any) -> V | None:
        """Return the value kept for ``key``, or None."""
        with self._lock:
            hit = self._values.get(key)
            if hit is not None:
                self._values.move_to_end(key)
            return hit

    def put(self, key: Any, value: V) -> None:
        """Keep ``value`` unless it is larger than one entry may be, dropping the least recent beyond the bound."""
        size = self._size(value)
        if size > self._largest:
            return
        with self._lock:
            old = self._values.pop(key, None)
            self._bytes += size - (self._size(old) if old is not None else 0)
            self._values[key] = value
            while self._bytes > self._most:
                _, dropped = self._values.popitem(last=False)
                self._bytes -= self._size(dropped)


class AnswerCache:
    """ASGI middleware keeping 200 answers to GETs under `KEPT_PREFIXES`, at most ``most_bytes`` in all."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        version: Callable[[], object | None],
        most_bytes: int = 64 << 20,
        largest: int = 2 << 20,
    ) -> None:
        self.app = app
        self.version = version  # None: keep nothing (a remote store)
        self._answers: KeptBytes[_Answer] = KeptBytes(
            lambda a: len(a[2]), most_bytes=most_bytes, largest=largest
        )
        # Answers being made, by key: a request for one awaits it rather than making it again.
        # Twenty-five connections asking for a place's page at once after a start or a write
        # each read its evidence (8 s for the last of them at 10,000 documents).
        self._making: dict[tuple[object, ...], asyncio.Future[_Answer | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _kept(scope["path"]):
            await self.app(scope, receive, send)
            return
        # Read before the answer is made: a write meanwhile files it under the old version.
        version = self.version()
        if version is None:
            await self.app(scope, receive, send)
            return
        accept = next((v for k, v in scope["headers"] if k == b"accept"), b"")
        key = (version, scope["path"], scope["query_string"], accept)
        hit = self._answers.get(key)
        if hit is None and key in self._making:
            hit = await asyncio.shield(self._making[key])  # None: it failed; make our own
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        made: asyncio.Future[_Answer | None] = asyncio.get_running_loop().create_future()
        self._making.setdefault(key, made)
        answer = None
        try:
            answer = await self._make(key, scope, receive, send)
        finally:
            if self._making.get(key) is made:
                del self._making[key]
            made.set_result(answer)  # an error or a status other than 200: those waiting make their own

    async def _make(
        self, key: tuple[object, ...], scope: Scope, receive: Receive, send: Send
    ) -> _Answer | None:
        """Return the answer the app makes (sent on as it comes), kept when it is a 200; None otherwise."""
        start: Message = {}
        chunks: list[bytes] = []

        async def keeping(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keeping)
        if start.get("status") != 200:
            return None
        answer: _Answer = (200, list(start.get("headers", [])), b"".join(chunks))
        self._answers.put(key, answer)
        return answer


def _kept(path: str) -> bool:
    """Return whether answers to ``path`` are kept.

    >>> _kept("/places/321000"), _kept("/placesX"), _kept("/versions"), _kept("/search")
    (True, False, False, True)
    """
    return any(path == p or path.startswith(p + "/") or path.startswith(p + ".") for p in KEPT_PREFIXES)
