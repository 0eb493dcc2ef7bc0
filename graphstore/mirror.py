"""The property-graph mirror kept in line with the RDF store: write, replace and remove graphs' parts.

The rows come from ``graphstore.projection`` (re-exported here); :func:`graph_projection`
reads one named graph from a store, :func:`resync` brings a whole mirror in line with it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphstore.inorder import in_order
from graphstore.projection import (
    BUILD_GRAPH,
    LABELS,
    RELATIONSHIP_TYPES,
    STAMP_PREDICATE,
    VOCABULARY_GRAPHS,
    NodeRow,
    Projection,
    RelRow,
    project_triples,
)
from graphstore.projectionlog import KeptProjections
from graphstore.store import Store
from graphstore.stores import RdfStore
from loaders.rdf import doc_id_of_graph, document_graph

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from graphstore.graphsink import GraphSink

__all__ = [
    "BUILD_GRAPH",
    "LABELS",
    "RELATIONSHIP_TYPES",
    "VOCABULARY_GRAPHS",
    "MirrorReport",
    "NodeRow",
    "Projection",
    "RelRow",
    "catch_up",
    "graph_projection",
    "mirror_documents",
    "mirror_vocabularies",
    "project_triples",
    "remove_from_mirror",
    "resync",
    "vocabulary_stamp",
]


def graph_projection(store: RdfStore, graph: str) -> Projection:
    """Return the projection of named graph ``graph`` as it is in ``store`` (empty if it is absent)."""
    return project_triples(graph, store.graph_triples(graph))


def vocabulary_stamp(store: RdfStore) -> str | None:
    """Return the stamp build.py gave the vocabulary graphs now in ``store``, None before any build."""
    rows = store.select(f"SELECT ?stamp WHERE {{ GRAPH ?g {{ ?s <{STAMP_PREDICATE}> ?stamp }} }}")
    return rows[0]["stamp"] if rows else None


def chunked(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of at most ``size`` rows.

    >>> [len(c) for c in chunked(range(5), 2)]
    [2, 2, 1]
    """
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class MirrorReport:
    """What a mirror run did: graphs written and removed, rows sent, database counters, seconds."""

    documents_written: int = 0
    documents_removed: int = 0
    vocabularies_written: bool = False
    rows: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "documents_written": self.documents_written,
            "documents_removed": self.documents_removed,
            "vocabularies_written": self.vocabularies_written,
            "rows": self.rows,
            "counters": dict(sorted(self.counters.items())),
            "seconds": round(self.seconds, 3),
        }


def _store_documents(store: RdfStore) -> set[str]:
    return {doc_id for g in store.graph_iris() if (doc_id := doc_id_of_graph(g))}


def mirror_vocabularies(
    store: RdfStore, sink: GraphSink, report: MirrorReport, *, force: bool = False
) -> None:
    """Write the vocabulary graphs of ``store`` to ``sink`` when it lacks them or has another version (or ``force``)."""
    stamp = vocabulary_stamp(store)
    if stamp is None or (not force and sink.mirrored_stamp(BUILD_GRAPH) == stamp):
        return
    for graph in (*VOCABULARY_GRAPHS, BUILD_GRAPH):
        projection = graph_projection(store, graph)
        report.rows += projection.size
        report.counters.update(sink.replace_graph(projection))
    report.vocabularies_written = True


def mirror_documents(
    store: RdfStore, sink: GraphSink, doc_ids: Iterable[str], *, prune: bool = True
) -> MirrorReport:
    """Return what mirroring the documents ``doc_ids`` (as they are in ``store``) into ``sink`` did.

    Each document's earlier part in the mirror is replaced. The vocabulary graphs are
    mirrored first when the mirror lacks them or has an older version. With ``prune``,
    documents the mirror has but the store no longer has (an earlier version of a file
    that was loaded again) are removed too.
    """
    started = time.perf_counter()
    report = MirrorReport()
    sink.ensure_schema()
    mirror_vocabularies(store, sink, report)
    wanted = sorted(set(doc_ids))
    mirrored = sink.mirrored_documents()
    _write_new(store, sink, [d for d in wanted if d not in mirrored], report)
    for doc_id in (d for d in wanted if d in mirrored):
        projection = graph_projection(store, document_graph(doc_id).value)
        if not projection.nodes:
            continue  # not in the store (any more): nothing to write
        report.rows += projection.size
        report.counters.update(sink.replace_graph(projection))
        report.documents_written += 1
    if prune:
        gone = sink.mirrored_documents() - _store_documents(store) - set(wanted)
        report.counters.update(_remove(sink, gone, report))
    report.seconds = time.perf_counter() - started
    return report


# Documents per round of shared batches: each round updates again the nodes many documents name (places,
# programmes); 200 rather than 50 took sync --full of 10,000 documents from 183-219 s to 144 s.
_NEW_DOCUMENTS_PER_WRITE = 200


def _write_new(
    store: RdfStore,
    sink: GraphSink,
    doc_ids: list[str],
    report: MirrorReport,
    *,
    readers: int | None = None,
    vocabularies: tuple[str, ...] = (),
    kept_rows: bool = True,
) -> None:
    """Write documents the mirror does not have (after the graphs ``vocabularies``, when given),
    many per round of batched statements.

    Graphs whose projections the store keeps beside its folder (graphstore/projectionlog.py) come
    from there (unless not ``kept_rows``); the others are read back from the store, and kept there
    from then on (with ``kept_rows``). Either way the
    rounds are the same, in the same order: it decides which document's value a node named by
    several keeps. The next rounds are read while the database writes this round's: the database
    works in another process (or machine), so the two overlap.
    """
    rounds = _rounds(vocabularies, [document_graph(d).value for d in doc_ids])
    with contextlib.ExitStack() as stack:
        kept = KeptProjections(None, {})
        if kept_rows and isinstance(store, Store):
            kept = stack.enter_context(contextlib.closing(store.kept_projections()))
        # read on a thread while the database writes (decompressing lets go of the interpreter)
        reader = stack.enter_context(ThreadPoolExecutor(max_workers=1))
        from_log = in_order(
            reader, kept.read, [[g for g in r if g in kept.graphs] for r in rounds], in_flight=2
        )
        to_read = [[g for g in r if g not in kept.graphs] for r in rounds]
        read_back = (
            _read_back(stack, store, to_read, readers=readers) if any(to_read) else ([] for _ in to_read)
        )
        for graphs, logged, read in zip(rounds, from_log, read_back, strict=True):
            if read and kept_rows and isinstance(store, Store):
                store.keep_projections(read, stamp=kept.stamp)  # so that the next sync need not read them
            found = {p.graph: p for p in (*logged, *read)}
            projections = [found[g] for g in graphs if g in found]
            if not projections:
                continue
            report.rows += sum(p.size for p in projections)
            report.counters.update(sink.load_new(projections))
            report.documents_written += sum(1 for p in projections if p.document is not None)


def _rounds(vocabularies: Sequence[str], graphs: list[str]) -> list[list[str]]:
    """Return the graphs in rounds: the vocabularies (if any) first, then the documents many at a time."""
    return ([list(vocabularies)] if vocabularies else []) + list(chunked(graphs, _NEW_DOCUMENTS_PER_WRITE))


def _read_back(
    stack: contextlib.ExitStack, store: RdfStore, rounds: list[list[str]], *, readers: int | None
) -> Iterator[list[Projection]]:
    """Return the projections of each round of graphs, read back from the store in its order: in worker
    processes (graphstore/projecting.py) for many documents of an on-disk store, else on a thread."""
    if readers is None:
        readers = _READERS if sum(map(len, rounds)) >= _READERS_FROM else 0
    if readers and isinstance(store, Store) and store.path is not None:
        from graphstore.projecting import ProjectionPool

        return stack.enter_context(ProjectionPool(store, workers=readers)).projections(rounds)
    # the next round read on a thread while the database writes this one
    reader = stack.enter_context(ThreadPoolExecutor(max_workers=1))
    return in_order(reader, functools.partial(_projections, store), rounds, in_flight=2)


# Documents from which reading in worker processes pays for starting them (about a second), and
# how many: on two cores, the database writing one batch while the two read the next ones.
_READERS_FROM = 500
_READERS = 2


def _projections(store: RdfStore, graphs: list[str]) -> list[Projection]:
    """Return the projections of the named graphs ``graphs`` that are in ``store``."""
    return [p for p in (graph_projection(store, g) for g in graphs) if p.nodes]


def _remove(sink: GraphSink, doc_ids: Iterable[str], report: MirrorReport) -> Counter[str]:
    total: Counter[str] = Counter()
    for doc_id in sorted(set(doc_ids)):
        total.update(sink.remove_graph(document_graph(doc_id).value))
        report.documents_removed += 1
    return total


def remove_from_mirror(sink: GraphSink, doc_ids: Iterable[str]) -> MirrorReport:
    """Return what removing the documents ``doc_ids`` from the mirror did (their relationships, and nodes left bare)."""
    started = time.perf_counter()
    report = MirrorReport()
    report.counters.update(_remove(sink, doc_ids, report))
    report.seconds = time.perf_counter() - started
    return report


def resync(
    store: RdfStore,
    sink: GraphSink,
    *,
    full: bool = False,
    readers: int | None = None,
    kept_rows: bool = True,
) -> MirrorReport:
    """Return what bringing the mirror in line with ``store`` did.

    Documents in the store but not in the mirror are written, documents in the mirror but
    not in the store are removed, and the vocabularies are written when missing or changed.
    ``full`` empties the mirror first and writes everything again; so does a resync of a mirror
    whose last full load did not end. ``readers`` worker processes
    read the documents of an on-disk store (default: two from 500 documents on, else none) whose
    projections it does not keep beside its folder (all of them when not ``kept_rows``).
    """
    started = time.perf_counter()
    report = MirrorReport()
    vocabularies: tuple[str, ...] = ()
    if not full and sink.full_load_unfinished():
        # Loaded again in full rather than completed with write_new: loading is faster than looking up
        # every row, and it leaves nothing of documents the store dropped since the load stopped.
        log.warning("the mirror's last full load did not end; loading it again in full")
        full = True
    if full:
        # Emptied by the sink itself, the mirror is loaded with creates (GraphSink.load_new), the
        # vocabularies in the first round, their projection read alongside the documents'.
        sink.clear()
        # Marked here, not in clear(): MirrorFeed and others empty the mirror too, then write each
        # document whole (Document label last). The mark goes once everything is in, schema too.
        sink.begin_full_load()
        sink.ensure_lookup()  # the rest of the schema once everything is in (FalkorSink.ensure_lookup)
        if vocabulary_stamp(store) is not None:
            vocabularies = (*VOCABULARY_GRAPHS, BUILD_GRAPH)
            report.vocabularies_written = True
    else:
        sink.ensure_schema()
        mirror_vocabularies(store, sink, report)
    in_store = _store_documents(store)
    in_mirror = sink.mirrored_documents()
    _write_new(
        store,
        sink,
        sorted(in_store - in_mirror),
        report,
        readers=readers,
        vocabularies=vocabularies,
        kept_rows=kept_rows,
    )
    report.counters.update(_remove(sink, in_mirror - in_store, report))
    sink.ensure_schema()
    if full:
        sink.end_full_load()
    report.seconds = time.perf_counter() - started
    return report


_CATCHING_UP = threading.Lock()


def catch_up(store: RdfStore, sink: GraphSink) -> bool:
    """Restart the mirror's database if it died, then bring the mirror in line with the store;
    return whether it is now in step. Failures are logged: the RDF store stays the source of truth.

    Issue 8: a killed FalkorDB left /cypher 503 for good, and documents loaded meanwhile never
    reached the mirror, even after a restart of the server.
    """
    with _CATCHING_UP:
        try:
            if sink.revive():
                log.warning("the Cypher mirror's database had stopped; restarted it")
            report = resync(store, sink)
        except Exception:
            log.exception("the Cypher mirror could not catch up with the store")
            return False
    if report.documents_written or report.documents_removed:
        log.info("the Cypher mirror caught up: %s", report.as_dict())
    return True
