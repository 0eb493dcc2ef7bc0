"""Lanes for time-limited SPARQL queries, so that runaway queries cannot starve quick ones.

The store keeps one of its query workers for *express* queries (`Store.query(express=True)`).
A query text that last finished within `QUICK_S` is express. A text never seen before gets a
trial on the express worker with a budget of `QUICK_S`: if it finishes it is answered at once,
if it does not it is stopped, remembered as slow and moved to the general workers with the
rest of its time limit. Slow texts only ever use the general workers.

A canned query (`queries/`, run with ``canned=`` its name) is our own text with typed
parameters: its cost is also remembered by name, and a text of it not seen yet goes where the
name's last run says: a trial on the express worker when that was quick, the general workers
when it was slow or when the name has not run yet. A trial costs a slow query twice (the 1 s
trial, then the run): every slow canned query's first request after start-up paid it
(document_overview 1.2-4.8 s at 10,000 documents). A text that is not canned is tried as before.

What is known slow outlives a restart: the texts and canned names found slow are kept beside
the store (app/saved.py) when the server stops and read back by the next one's lanes, so a
slow query asked again after a restart goes to the general workers without a second trial.
Quick verdicts are not kept: the store may have grown since, and a text wrongly thought quick
would hold the express worker for its whole time limit, where a trial costs a quick query nothing.

Each lane admits a
bounded number of queries (running plus waiting); more are answered 503 with Retry-After
(issue 8: 20 runaway queries held every worker and every canned query was refused).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

from app import saved
from app.answers import KeptBytes
from graphstore.sparql import QueryResult, QueryTimeout, QueueTimeout
from graphstore.store import Store
from graphstore.stores import RdfStore

__all__ = ["QUICK_S", "Lanes", "QueriesWaiting", "QueryCosts", "ResultCache", "Speed"]

QUICK_S = 1.0
"""A query that finishes within this many seconds is quick; it is also an unknown query's trial budget."""


class Speed(Enum):
    QUICK = "quick"
    SLOW = "slow"
    UNKNOWN = "unknown"


class QueriesWaiting(Exception):
    """The lane a query belongs to has as many queries running and waiting as it admits."""

    def __init__(self, lane: str, waiting: int) -> None:
        super().__init__(lane, waiting)
        self.lane = lane
        self.waiting = waiting


class QueryCosts:
    """What each recently run query text cost: quick, slow, or not known yet (bounded LRU memory)."""

    def __init__(self, size: int = 4096) -> None:
        self._speeds: OrderedDict[str, Speed] = OrderedDict()
        self._trials: set[str] = set()
        self._size = size
        self._lock = threading.Lock()

    @staticmethod
    def key(text: str, *extra: Any) -> str:
        """Return the memory key of a query text with its dataset, whitespace runs collapsed.

        >>> QueryCosts.key("SELECT *  WHERE {\\n ?s ?p ?o }") == QueryCosts.key("SELECT * WHERE { ?s ?p ?o }")
        True
        """
        normal = " ".join(text.split())
        return hashlib.blake2b(repr((normal, extra)).encode(), digest_size=16).hexdigest()

    def speed(self, key: str) -> Speed:
        """Return what is known of the query's speed."""
        with self._lock:
            speed = self._speeds.get(key, Speed.UNKNOWN)
            if speed is not Speed.UNKNOWN:
                self._speeds.move_to_end(key)
            return speed

    def record(self, key: str, seconds: float, *, finished: bool) -> None:
        """Remember a run: quick if it finished within `QUICK_S`, slow otherwise."""
        with self._lock:
            self._speeds[key] = Speed.QUICK if finished and seconds <= QUICK_S else Speed.SLOW
            self._speeds.move_to_end(key)
            while len(self._speeds) > self._size:
                self._speeds.popitem(last=False)

    def slow(self) -> list[str]:
        """Return the keys known slow, least recently used first."""
        with self._lock:
            return [key for key, speed in self._speeds.items() if speed is Speed.SLOW]

    def remember_slow(self, keys: list[str]) -> None:
        """Mark `keys` slow unless a run since said otherwise (what a restarted server read back)."""
        with self._lock:
            for key in reversed(keys):
                if key not in self._speeds:
                    self._speeds[key] = Speed.SLOW
                    self._speeds.move_to_end(key, last=False)  # older than anything run since
            while len(self._speeds) > self._size:
                self._speeds.popitem(last=False)

    @contextlib.contextmanager
    def trial(self, key: str) -> Iterator[bool]:
        """Yield whether this caller may try the query on the express worker (one trial per text at a time)."""
        with self._lock:
            mine = key not in self._trials
            self._trials.add(key)
        try:
            yield mine
        finally:
            if mine:
                with self._lock:
                    self._trials.discard(key)


# Functions whose value changes from one run to the next: such a query's answer is never reused.
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)


class ResultCache(KeptBytes[QueryResult]):
    """Recent query results by (store version, text, options), bounded in bytes (LRU).

    A store's answer to a query changes only when the store does, and the same query comes
    again and again: the front end's canned queries, a dashboard, a notebook re-run. Issue 8's
    load check sent one canned query at 50 requests/s beside 20 runaway ones, and a copy of
    its answer is cheaper than a worker that the runaways hold. Keys carry the store version,
    so a write makes every entry unreachable; they age out. An answer up to 8 MB is kept:
    document_overview at 10,000 documents is 4 MB and takes a second to compute.
    """

    def __init__(self, most_bytes: int = 64 << 20, largest: int = 8 << 20) -> None:
        super().__init__(lambda result: len(result.body), most_bytes=most_bytes, largest=largest)


class _Gate:
    """Admission to a lane: at most `capacity` queries inside it, running or waiting."""

    def __init__(self, name: str, capacity: int) -> None:
        self.name = name
        self.capacity = capacity
        self._inside = 0
        self._lock = threading.Lock()

    def try_enter(self) -> bool:
        """Take a place if one is free; return whether one was taken."""
        with self._lock:
            if self._inside >= self.capacity:
                return False
            self._inside += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self._inside -= 1

    @contextlib.contextmanager
    def entered(self) -> Iterator[None]:
        """Hold a place for the block; raise `QueriesWaiting` when there is none."""
        if not self.try_enter():
            raise QueriesWaiting(self.name, self.capacity)
        try:
            yield
        finally:
            self.leave()


_KEPT = "slow-queries"


class Lanes:
    """Runs time-limited queries on a store in the express or the general lane (see the module doc)."""

    def __init__(self, store: RdfStore, *, queue: int) -> None:
        # Only the embedded store has worker processes; a remote store's queries are all general.
        self._embedded = store if isinstance(store, Store) else None
        express = self._embedded.express_workers if self._embedded else 0
        workers = self._embedded.query_workers if self._embedded else 0
        self._store = store
        self.costs = QueryCosts()
        self.results = ResultCache()
        self._express = _Gate("express", express + queue) if express else None
        self._general = _Gate("general", max(1, workers - express) + queue)
        if (kept := saved.load(store, _KEPT, list, any_stamp=True)) is not None:
            self.costs.remember_slow([key for key in kept if isinstance(key, str)])

    def keep(self) -> bool:
        """Save the texts known slow beside the store for the next server (see the module doc); return whether saved."""
        return saved.save(self._store, _KEPT, self.costs.slow(), self._store.content_stamp)

    def speed(self, text: str, **options: Any) -> Speed:
        """Return what is known of the speed of query `text` run with `options`."""
        return self.costs.speed(self._key(text, options))

    @staticmethod
    def _key(text: str, options: dict[str, Any]) -> str:
        return QueryCosts.key(text, options.get("default_graph_uris"), options.get("named_graph_uris"))

    def run(self, text: str, *, timeout_s: float, canned: str | None = None, **options: Any) -> QueryResult:
        """Return the result of query `text` run under `timeout_s` in the lane its cost puts it in.

        `canned` names the canned query `text` was bound from (see the module doc). The same
        text with the same options on an unchanged embedded store is answered from the result
        cache without a worker (see `ResultCache`). Raises what `Store.query` raises, and
        `QueriesWaiting` when its lane is full.
        """
        if _VOLATILE.search(text) or self._embedded is None:
            # A remote store's version sees other writers' changes a second late: never reuse there.
            return self._run(text, timeout_s=timeout_s, canned=canned, **options)
        stored = (self._embedded.version, text, repr(sorted(options.items())))
        if (hit := self.results.get(stored)) is not None:
            return hit
        result = self._run(text, timeout_s=timeout_s, canned=canned, **options)
        self.results.put(stored, result)
        return result

    def _run(self, text: str, *, timeout_s: float, canned: str | None, **options: Any) -> QueryResult:
        text_key = self._key(text, options)
        speed = self.costs.speed(text_key)
        names = (QueryCosts.key("canned", canned),) if canned is not None else ()
        if speed is Speed.UNKNOWN and names and self.costs.speed(names[0]) is not Speed.QUICK:
            # Slow last time, or never run yet: one run on the general workers measures it, where
            # a trial would pay twice. Quick last time: a trial, since these parameters may not be.
            speed = Speed.SLOW
        keys = (text_key, *names)
        embedded = self._embedded
        if self._express is None or embedded is None or speed is Speed.SLOW:
            return self._general_run(keys, text, timeout_s, timeout_s, options)
        if speed is Speed.QUICK:
            with self._express.entered():
                return self._timed(
                    keys, lambda: embedded.query(text, timeout_s=timeout_s, express=True, **options)
                )
        started = time.monotonic()
        with self.costs.trial(text_key) as mine:
            if mine and self._express.try_enter():
                try:
                    # The express worker only runs quick queries and trials of at most QUICK_S,
                    # so waiting for it is short; the trial's budget counts running time only.
                    return self._timed(
                        keys,
                        lambda: embedded.query(
                            text, timeout_s=timeout_s, run_s=min(QUICK_S, timeout_s), express=True, **options
                        ),
                    )
                except QueryTimeout as error:
                    if isinstance(error, QueueTimeout) or timeout_s <= QUICK_S:
                        raise QueryTimeout(timeout_s) from None
                finally:
                    self._express.leave()
        remaining = timeout_s - (time.monotonic() - started)
        return self._general_run(keys, text, remaining, timeout_s, options)

    def _general_run(
        self, keys: tuple[str, ...], text: str, remaining: float, limit_s: float, options: dict[str, Any]
    ) -> QueryResult:
        with self._general.entered():
            try:
                return self._timed(
                    keys, lambda: self._store.query(text, timeout_s=max(remaining, 0.01), **options)
                )
            except QueueTimeout:
                raise QueueTimeout(limit_s) from None
            except QueryTimeout:
                raise QueryTimeout(limit_s) from None

    def _timed(self, keys: tuple[str, ...], call: Callable[[], QueryResult]) -> QueryResult:
        """Return `call()`, its running time remembered under each of `keys` (the text's, the canned name's)."""
        started = time.monotonic()
        try:
            result = call()
        except QueueTimeout:
            raise
        except QueryTimeout:
            for key in keys:
                self.costs.record(key, time.monotonic() - started, finished=False)
            raise
        for key in keys:
            self.costs.record(key, time.monotonic() - started, finished=True)
        return result
