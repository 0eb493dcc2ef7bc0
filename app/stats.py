"""Counts that say how big the graph is and what it holds."""

from __future__ import annotations

import threading
import weakref

from app.saved import load, save
from graphstore.stores import RdfStore

_COUNTS = """
PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT
  (COUNT(DISTINCT ?doc) AS ?documents)
  (COUNT(DISTINCT ?place) AS ?places)
  (COUNT(DISTINCT ?programme) AS ?programmes)
  (COUNT(DISTINCT ?agency) AS ?agencies)
  (COUNT(DISTINCT ?project) AS ?projects)
  (COUNT(DISTINCT ?obs) AS ?observations)
  (COUNT(DISTINCT ?policy) AS ?policies)
  (COUNT(DISTINCT ?evidence) AS ?facts)
WHERE {
  { ?doc a ck:Document }
  UNION { ?place ck:runsProgramme ?programme }
  UNION { ?agency a ck:Agency }
  UNION { ?project a ck:Project }
  UNION { ?obs a ck:Observation }
  UNION { ?policy a ck:Policy }
  UNION { ?evidence a ck:Evidence }
}
"""


_CACHE: weakref.WeakKeyDictionary[RdfStore, tuple[int, dict[str, int]]] = weakref.WeakKeyDictionary()
# Requests that miss at once wait for one count rather than each running it (0.6 s at 10,000 documents).
_COUNTING = threading.Lock()


def graph_stats(store: RdfStore) -> dict[str, int]:
    """Return counts of quads, named graphs, documents, places running programmes, programmes and facts.

    They are kept in memory while the store is unchanged, and beside it (app/saved.py)
    for the next start-up.

    >>> from graphstore.store import Store
    >>> graph_stats(Store.open(None))["documents"]
    0
    """
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == store.version:
        return dict(cached[1])
    with _COUNTING:
        version = store.version
        cached = _CACHE.get(store)
        if cached is not None and cached[0] == version:
            return dict(cached[1])
        stamp = store.content_stamp  # read before the counts: see app/saved.py
        stats = load(store, "stats", dict)
        if stats is None:
            row = store.select(_COUNTS)[0]
            counts = {key: int(value or 0) for key, value in row.items()}
            stats = {"quads": store.count(), "graphs": len(store.graph_iris()), **counts}
            save(store, "stats", stats, stamp)
        _CACHE[store] = (version, stats)
        return dict(stats)
