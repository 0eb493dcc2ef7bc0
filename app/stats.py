"""Counts that say how big the graph is and what it holds."""

from __future__ import annotations

import threading
import weakref

from app.saved import load, save
from graphstore.facts import FACTS_GRAPH
from graphstore.stores import RdfStore

# Each count on its own over the facts graph (graphstore/facts.py), where every triple is held once:
# one COUNT(DISTINCT) over a UNION of all of them took 0.7 s at 10,000 documents, this 0.25 s.
# The evidence is counted from the documents' kept counts (ck:quoteCount, graphstore/document_counts.py).
_FACTS = f"GRAPH {FACTS_GRAPH}"
_COUNTS = f"""
PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT ?documents ?places ?programmes ?agencies ?projects ?observations ?policies ?facts WHERE {{
  {{ SELECT (COUNT(*) AS ?documents) WHERE {{ {_FACTS} {{ ?x a ck:Document }} }} }}
  {{ SELECT (COUNT(DISTINCT ?place) AS ?places) (COUNT(DISTINCT ?programme) AS ?programmes)
     WHERE {{ {_FACTS} {{ ?place ck:runsProgramme ?programme }} }} }}
  {{ SELECT (COUNT(*) AS ?agencies) WHERE {{ {_FACTS} {{ ?x a ck:Agency }} }} }}
  {{ SELECT (COUNT(*) AS ?projects) WHERE {{ {_FACTS} {{ ?x a ck:Project }} }} }}
  {{ SELECT (COUNT(*) AS ?observations) WHERE {{ {_FACTS} {{ ?x a ck:Observation }} }} }}
  {{ SELECT (COUNT(*) AS ?policies) WHERE {{ {_FACTS} {{ ?x a ck:Policy }} }} }}
  {{ SELECT (SUM(?n) AS ?facts) WHERE {{ {_FACTS} {{ ?d a ck:Document ; ck:quoteCount ?n }} }} }}
}}
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
