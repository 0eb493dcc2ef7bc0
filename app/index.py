"""The REST index: who runs what, the programme scheme, documents and labels, kept in step document by document.

Built once per store from whole-graph queries, then patched when the store changes:
the documents whose graphs appeared are read with queries bound to those graphs, and
the shares of those that went are taken out (reference counts keep a fact two
documents state). Issue 12: rebuilding it after every write took 20 s at 3,000
documents and 90 s at 10,000.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from dataclasses import dataclass, field

from app.saved import Saver, load
from app.shares import (
    DOC_GRAPH,
    PROGRAMME,
    Division,
    DocumentInfo,
    DocumentShare,
    Observed,
    Programme,
    local,
    read_divisions,
    read_programmes,
    read_shares,
    read_things,
    vocabulary_stamp,
)
from graphstore.stores import RdfStore

__all__ = [
    "GraphIndex",
    "adopt_kept_index",
    "fresh_index",
    "graph_index",
    "keep_index",
    "programme_change",
    "store_version",
]

# Past this many new documents in one step, and more than the index already holds (a rebuild, a
# first start), whole-graph queries are cheaper than one per document. Below it, a patch: a build
# adding 10,000 documents to 90,000 reads 10,000, not 100,000.
_PATCH_MOST = 200
# Revisions are numbered across every index of the process, so a number never names two of them.
_REVISIONS = itertools.count(1)
_CHANGES_KEPT = 100


@dataclass
class GraphIndex:
    """Who runs what, the programme scheme, documents and labels: the data several resources share."""

    version: tuple[str, ...]
    divisions: dict[str, Division]
    programmes: dict[str, Programme] = field(default_factory=dict)
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    place_programmes: dict[str, set[str]] = field(default_factory=dict)
    programme_places: dict[str, set[str]] = field(default_factory=dict)
    place_documents: dict[str, set[str]] = field(default_factory=dict)
    things: dict[str, tuple[str, str, str | None, str | None]] = field(default_factory=dict)
    vocabularies: tuple[str, ...] = ()
    shares: dict[str, DocumentShare] = field(default_factory=dict)  # by document graph IRI
    # (place, slug) → the documents stating it → the first year each gives
    runs: dict[tuple[str, str], dict[str, int | None]] = field(default_factory=dict)
    # indicator IRI → the documents giving figures for it → their figures
    measured: dict[str, dict[str, tuple[Observed, ...]]] = field(default_factory=dict)
    # (revision, what changed since the revision before: the codes of the places whose facts,
    # documents or programmes changed, and "programme:<slug>" for each programme whose places,
    # evidence or scheme data did; None: anything may have). The last entry is this index's own revision.
    changes: list[tuple[int, frozenset[str] | None]] = field(
        default_factory=lambda: [(next(_REVISIONS), None)]
    )

    @property
    def revision(self) -> int:
        """Return the number of this index among all the process has made."""
        return self.changes[-1][0]

    def changed_since(self, revision: int) -> frozenset[str] | None:
        """Return the places and programmes whose pages may differ from index ``revision``'s (None: any may).

        A page computed from an earlier index stays right for a place no document loaded or
        removed since then speaks of: an ingest touches a handful of places out of thousands.
        Places are given by code, programmes as ``programme:<slug>``.
        """
        at = next((i for i, (r, _) in enumerate(self.changes) if r == revision), None)
        if at is None:
            return None  # from before this index's log reaches
        changed: set[str] = set()
        for _, places in self.changes[at + 1 :]:
            if places is None:
                return None
            changed |= places
        return frozenset(changed)

    def place_ref(self, code: str | None) -> dict[str, str] | None:
        """Return {code, name} of a division, or None."""
        d = self.divisions.get(code) if code else None
        return {"code": d.code, "name": d.name} if d else None

    def province_of(self, code: str) -> str | None:
        """Return the code of the province a division lies in (itself for a province)."""
        seen = 0
        d = self.divisions.get(code)
        while d is not None and seen < 5:
            if d.level == "province":
                return d.code
            d = self.divisions.get(d.parent) if d.parent else None
            seen += 1
        return None

    def ancestors(self, code: str) -> list[Division]:
        """Return the divisions above `code`, country first."""
        out: list[Division] = []
        d = self.divisions.get(code)
        while d is not None and d.parent and len(out) < 5:
            d = self.divisions.get(d.parent)
            if d is not None:
                out.append(d)
        return out[::-1]

    def programme_ref(self, slug: str) -> dict[str, str]:
        """Return {slug, label} of a programme."""
        p = self.programmes.get(slug)
        return {"slug": slug, "label": p.label if p else slug}

    def document_ref(self, doc_id: str) -> dict[str, str | None]:
        """Return {id, name, title} of a document."""
        d = self.documents.get(doc_id)
        return {"id": doc_id, "name": d.name if d else None, "title": d.title if d else None}

    def first_year(self, place: str, slug: str) -> int | None:
        """Return the earliest year any document gives for ``place`` running ``slug`` (date or quoted year)."""
        years = [y for y in self.runs.get((place, slug), {}).values() if y is not None]
        return min(years) if years else None

    def stating(self, place: str, slug: str) -> int:
        """Return how many documents say ``place`` runs ``slug``."""
        return len(self.runs.get((place, slug), ()))

    def _copy(self, version: tuple[str, ...]) -> GraphIndex:
        """Return a copy to patch while readers keep this one (sets copied, records shared)."""
        sets = lambda d: {k: set(v) for k, v in d.items()}  # noqa: E731
        return GraphIndex(
            version=version,
            divisions=self.divisions,
            programmes=dict(self.programmes),
            documents=dict(self.documents),
            place_programmes=sets(self.place_programmes),
            programme_places=sets(self.programme_places),
            place_documents=sets(self.place_documents),
            things=dict(self.things),
            vocabularies=self.vocabularies,
            shares=dict(self.shares),
            runs={k: dict(v) for k, v in self.runs.items()},
            measured={k: dict(v) for k, v in self.measured.items()},
            changes=self.changes[-_CHANGES_KEPT:],
        )

    def _add(self, graph: str, share: DocumentShare) -> None:
        self.shares[graph] = share
        self.documents[share.info.id] = share.info
        for place in share.places:
            self.place_documents.setdefault(place, set()).add(share.info.id)
        for (place, slug), year in share.runs.items():
            self.runs.setdefault((place, slug), {})[share.info.id] = year
            self.place_programmes.setdefault(place, set()).add(slug)
            self.programme_places.setdefault(slug, set()).add(place)
        for indicator, figures in itertools.groupby(share.observed, key=lambda o: o.indicator):
            self.measured.setdefault(indicator, {})[share.info.id] = tuple(figures)

    def _drop(self, graph: str) -> None:
        share = self.shares.pop(graph)
        self.documents.pop(share.info.id, None)
        for place in share.places:
            _discard(self.place_documents, place, share.info.id)
        for place, slug in share.runs:
            stating = self.runs.get((place, slug), {})
            stating.pop(share.info.id, None)
            if not stating:
                self.runs.pop((place, slug), None)
                _discard(self.place_programmes, place, slug)
                _discard(self.programme_places, slug, place)
        for indicator in {o.indicator for o in share.observed}:
            documents = self.measured.get(indicator, {})
            documents.pop(share.info.id, None)
            if not documents:
                self.measured.pop(indicator, None)


def _discard(sets: dict[str, set[str]], key: str, value: str) -> None:
    """Take ``value`` out of ``sets[key]``, and the key out when its set is empty."""
    members = sets.get(key)
    if members is not None:
        members.discard(value)
        if not members:
            del sets[key]


def store_version(store: RdfStore) -> tuple[str, ...]:
    """Return a cheap stamp that changes whenever the store's content does.

    The embedded store counts its own writes, and it is the only writer of its folder (RocksDB
    locks it), so the counter is exact; a remote store reads a stamp every writer renews (see
    graphstore.remote_store). Listing graph names cost 14 ms per request on a 1,000-document graph.
    """
    return (str(id(store)), str(store.version))


_CACHE: weakref.WeakKeyDictionary[RdfStore, GraphIndex] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


_SAVER = Saver("rest-index")


def graph_index(store: RdfStore) -> GraphIndex:
    """Return the store's `GraphIndex`, patched with the documents loaded or removed since the last call.

    The first call loads the index kept beside the store (app/saved.py) when the store has not
    changed since it was kept; an index computed or patched here is kept for the next start-up.
    """
    version = store_version(store)
    cached = _CACHE.get(store)
    if cached is not None and cached.version == version:
        return cached
    with _LOCK:
        cached = _CACHE.get(store)
        if cached is None or cached.version != version:
            stamp = store.content_stamp  # read after the version, before the content: see app/saved.py
            kept = _kept(store, version) if cached is None else None
            if kept is not None:
                cached = kept
            else:
                fresh = cached is None
                cached = _patched(store, cached, version)
                _SAVER.offer(store, cached, stamp, now=fresh)
            _CACHE[store] = cached
        return cached


def _kept(store: RdfStore, version: tuple[str, ...]) -> GraphIndex | None:
    """Return the index kept beside the store if it was computed from the store as it is now."""
    kept = load(store, _SAVER.name, GraphIndex)
    if kept is not None:
        kept.version = version
        kept.changes = [(next(_REVISIONS), None)]  # revisions are this process's own
    return kept


def adopt_kept_index(store: RdfStore) -> bool:
    """Take up the index kept beside the store, if it is current, without computing one; return whether there was one.

    A build calls this before it writes, so that afterwards the index is patched with the
    documents it loaded rather than read again from every document (issue 12: a `citykg build`
    of one file into a 30,000-document store spent two minutes recomputing it).
    """
    with _LOCK:
        if _CACHE.get(store) is None:
            kept = _kept(store, store_version(store))
            if kept is None:
                return False
            _CACHE[store] = kept
        return True


def keep_index() -> None:
    """Write the index computed last to disk now, rather than within the saver's interval (shutdown, CLI)."""
    _SAVER.flush()


def fresh_index(store: RdfStore, version: tuple[str, ...] = ()) -> GraphIndex:
    """Return the index of ``store`` read from scratch with whole-graph queries."""
    index = GraphIndex(version=version, divisions=read_divisions(store), vocabularies=vocabulary_stamp(store))
    index.programmes = read_programmes(store)
    index.things = read_things(store)
    for graph, share in read_shares(store, index.divisions).items():
        index._add(graph, share)
    return index


def _patched(store: RdfStore, old: GraphIndex | None, version: tuple[str, ...]) -> GraphIndex:
    """Return ``old`` patched to ``store`` as it is now, or a fresh index when that is cheaper or needed."""
    if old is None or vocabulary_stamp(store) != old.vocabularies:
        return fresh_index(store, version)
    graphs = {g for g in store.graph_iris() if g.startswith(DOC_GRAPH)}
    added, removed = graphs - old.shares.keys(), old.shares.keys() - graphs
    if len(added) > max(_PATCH_MOST, len(old.shares)):
        return fresh_index(store, version)
    index = old._copy(version)
    # Programmes and things a changed document describes are read again from the facts now
    # held: one another document also describes stays, one only it described goes.
    touched: set[str] = set()
    # The places and programmes whose pages may change: see GraphIndex.changed_since.
    changed: set[str] = set()
    for graph in removed:
        touched |= index.shares[graph].minted
        changed |= _speaks_of(index.shares[graph])
        index._drop(graph)
    for graph, share in read_shares(store, index.divisions, added).items():
        touched |= share.minted
        changed |= _speaks_of(share)
        index._add(graph, share)
    if touched:
        slugs = {local(iri, PROGRAMME) for iri in touched if iri.startswith(PROGRAMME)}
        before = {slug: old.programmes.get(slug) for slug in slugs}
        for iri in touched:
            index.programmes.pop(local(iri, PROGRAMME), None)
            index.things.pop(iri, None)
        index.programmes.update(read_programmes(store, touched))
        index.things.update(read_things(store, touched))
        for slug in slugs:
            # Its label shows on the pages of the places running it; its broader ones list it as narrower.
            changed |= old.programme_places.get(slug, set()) | index.programme_places.get(slug, set())
            for p in (before[slug], index.programmes.get(slug)):
                changed |= {programme_change(s) for s in ({slug} | (p.broader | p.related if p else set()))}
    index.changes.append((next(_REVISIONS), frozenset(changed)))
    return index


def _speaks_of(share: DocumentShare) -> set[str]:
    """Return the places (codes) and programmes (``programme:<slug>``) whose pages a document's share touches."""
    return share.places | {programme_change(slug) for _, slug in share.runs}


def programme_change(slug: str) -> str:
    """Return how `GraphIndex.changed_since` names a change to programme ``slug`` (places go by code).

    >>> programme_change("yi-wang-tong-ban")
    'programme:yi-wang-tong-ban'
    """
    return f"programme:{slug}"
