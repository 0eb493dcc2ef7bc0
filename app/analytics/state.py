"""The one projection per store, and what is derived from it, cached until the projection changes."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from app.analytics.projection import Projection
from app.index import GraphIndex, graph_index
from app.saved import Saver, load
from app.sharedlock import SharedLock
from graphstore.stores import RdfStore

__all__ = ["View", "adopt_kept_projection", "keep_projection", "refresh", "view"]

T = TypeVar("T")
_PROJECTIONS: weakref.WeakKeyDictionary[RdfStore, Projection] = weakref.WeakKeyDictionary()
# A patch mutates the networkx graphs in place, so it holds the lock alone; pages, analytics
# answers and the saver's pickle only read, so they share it (app/sharedlock.py says why).
_LOCK = SharedLock()
# Values derived from one revision are computed by one reader while the others wait for it
# (re-entrant: peer groups are derived from the similarity graph, itself derived).
_DERIVING = threading.RLock()


@dataclass(frozen=True)
class View:
    """The projection of a store together with its labels (`GraphIndex`), as of one store version."""

    projection: Projection
    index: GraphIndex

    def derived(self, name: str, compute: Callable[[View], T]) -> T:
        """Return ``compute(self)``, computed once per revision of the projection."""
        cache = self.projection.derived
        hit = cache.get(name)
        if hit is None or hit[0] != self.projection.revision:
            with _DERIVING:
                hit = cache.get(name)
                if hit is None or hit[0] != self.projection.revision:
                    hit = cache[name] = (self.projection.revision, compute(self))
        value: T = hit[1]
        return value


_SAVER = Saver("projection", guard=_LOCK.reading)


def _version(store: RdfStore) -> tuple[str, int]:
    """Return the version a projection is kept at: this store object and its write counter."""
    return (str(id(store)), store.version)


def _current(store: RdfStore) -> Projection | None:
    """Return the store's projection if it is up to date, else None (read without the store's stamp)."""
    projection = _PROJECTIONS.get(store)
    return projection if projection is not None and projection.version == _version(store) else None


def _synced(store: RdfStore) -> Projection:
    """Return the store's projection brought up to date: kept on disk (app/saved.py), patched or read whole.

    The caller holds the lock for writing.
    """
    projection = _PROJECTIONS.get(store)
    first = projection is None
    if projection is None:
        projection = _kept(store) or Projection()
        _PROJECTIONS[store] = projection
    if projection.version == _version(store):
        return projection  # up to date: no stamp to read
    stamp = store.content_stamp  # before the content is read: see app/saved.py
    if projection.sync(store):
        _SAVER.offer(store, projection, stamp, now=first)
    return projection


def _kept(store: RdfStore) -> Projection | None:
    """Return the projection kept beside the store if it was made from the store as it is now."""
    projection = load(store, _SAVER.name, Projection)
    if projection is not None:
        projection.version = _version(store)  # kept at the store's current content stamp
    return projection


def adopt_kept_projection(store: RdfStore) -> bool:
    """Take up the projection kept beside the store, if it is current, without making one; return whether there was one.

    A build calls this before it writes, so that afterwards the projection is patched with the
    documents it loaded (app/index.py's `adopt_kept_index` says why).
    """
    with _LOCK.writing():
        if store not in _PROJECTIONS:
            kept = _kept(store)
            if kept is None:
                return False
            _PROJECTIONS[store] = kept
        return True


@contextmanager
def view(store: RdfStore) -> Iterator[View]:
    """Yield the store's up-to-date `View`, holding the analytics lock (shared) while the caller reads it."""
    while True:
        with _LOCK.reading():
            projection = _current(store)
            if projection is not None:
                yield View(projection, graph_index(store))
                return
        refresh(store)  # then read it, unless another write came in between


def refresh(store: RdfStore) -> float:
    """Bring the store's projection up to date (after an ingest or removal); return the seconds it took."""
    started = time.perf_counter()
    with _LOCK.writing():
        _synced(store)
    return time.perf_counter() - started


def keep_projection() -> None:
    """Write the projection synced last to disk now, rather than within the saver's interval."""
    _SAVER.flush()
