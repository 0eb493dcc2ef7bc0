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
from graphstore.stores import RdfStore

__all__ = ["View", "keep_projection", "refresh", "view"]

T = TypeVar("T")
_PROJECTIONS: weakref.WeakKeyDictionary[RdfStore, Projection] = weakref.WeakKeyDictionary()
# One lock for reading and patching: a patch mutates the networkx graphs in place, and an
# analytics answer takes milliseconds, so serialising them costs less than copying graphs.
_LOCK = threading.RLock()


@dataclass(frozen=True)
class View:
    """The projection of a store together with its labels (`GraphIndex`), as of one store version."""

    projection: Projection
    index: GraphIndex

    def derived(self, name: str, compute: Callable[[View], T]) -> T:
        """Return ``compute(self)``, computed once per revision of the projection."""
        cache = self.projection.derived
        hit = cache.get(name)
        if hit is not None and hit[0] == self.projection.revision:
            value: T = hit[1]
            return value
        value = compute(self)
        cache[name] = (self.projection.revision, value)
        return value


_SAVER = Saver("projection", guard=_LOCK)


def _synced(store: RdfStore) -> Projection:
    """Return the store's projection brought up to date: kept on disk (app/saved.py), patched or read whole."""
    projection = _PROJECTIONS.get(store)
    first = projection is None
    if projection is None:
        version = (str(id(store)), store.version)
        projection = load(store, _SAVER.name, Projection)
        if projection is not None:
            projection.version = version  # kept at the store's current content stamp
        else:
            projection = Projection()
        _PROJECTIONS[store] = projection
    if projection.version == (str(id(store)), store.version):
        return projection  # up to date: no stamp to read
    stamp = store.content_stamp  # before the content is read: see app/saved.py
    if projection.sync(store):
        _SAVER.offer(store, projection, stamp, now=first)
    return projection


@contextmanager
def view(store: RdfStore) -> Iterator[View]:
    """Yield the store's up-to-date `View`, holding the analytics lock while the caller reads it."""
    with _LOCK:
        yield View(_synced(store), graph_index(store))


def refresh(store: RdfStore) -> float:
    """Bring the store's projection up to date (after an ingest or removal); return the seconds it took."""
    started = time.perf_counter()
    with _LOCK:
        _synced(store)
    return time.perf_counter() - started


def keep_projection() -> None:
    """Write the projection synced last to disk now, rather than within the saver's interval."""
    _SAVER.flush()
