"""The mirror fed while a build loads documents, from the quads in hand (issue 12).

Reading each document back from the store (a query per graph, then projecting) was half of
every build. A build already holds each document's quads when it writes them, so it hands
them here too: the projection is computed from those, and documents new to the mirror are
written many at once in shared ``UNWIND … MERGE`` batches (``GraphSink.write_new``). A
document the mirror has already is replaced on its own, which touches only its rows.

The RDF store stays the source of truth: a mirror that fails mid-build is reported at the
end and left for ``citykg sync`` (``graphstore.mirror.resync``) to catch up; the build goes on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graphstore.mirror import (
    BUILD_GRAPH,
    VOCABULARY_GRAPHS,
    MirrorReport,
    Projection,
    mirror_vocabularies,
    project_triples,
    resync,
)
from graphstore.stores import RdfStore
from loaders.rdf import doc_id_of_graph, document_graph

__all__ = ["MirrorFeed", "MirrorFailed"]

if TYPE_CHECKING:
    from graphstore.graphsink import GraphSink

log = logging.getLogger(__name__)

# Documents per shared write: rows of 50 documents make batches of the sink's size
# (1,000 rows) for the common labels and relationship types.
_DOCUMENTS_PER_WRITE = 50


class MirrorFailed(RuntimeError):
    """The mirror could not be written; the store has the documents, ``citykg sync`` catches up."""


class MirrorFeed:
    """Writes documents' projections to a sink as a build loads them; ``finish`` returns what it did."""

    def __init__(
        self, sink: GraphSink, *, clear: bool = False, per_write: int = _DOCUMENTS_PER_WRITE
    ) -> None:
        self.sink = sink
        self.per_write = per_write
        self.report = MirrorReport()
        self.error: Exception | None = None
        self._started = time.perf_counter()
        self._new: list[Projection] = []
        self._mirrored: set[str] = set()
        # The database works in its own process: a shared write runs on this thread while the
        # build goes on extracting and loading the next documents (one write in flight at a time).
        self._writer = ThreadPoolExecutor(max_workers=1)
        self._writing: Future[Counter[str]] | None = None
        self._guarded(lambda: self._open(clear=clear))

    def _open(self, *, clear: bool) -> None:
        # A mirror left by a full load that stopped is emptied too: finish()'s resync would load
        # it again in full, after this feed wrote its documents into it.
        if clear or self.sink.full_load_unfinished():
            self.sink.clear()
        self.sink.ensure_schema()
        self._mirrored = self.sink.mirrored_documents()

    def add_vocabularies(self, graphs: dict[str, list[ox.Quad]]) -> None:
        """Mirror the vocabulary graphs among ``graphs`` (IRI → quads) before any document, as a read-back does."""
        if self.error is not None:
            return
        projections = [
            project_triples(iri, (q.triple for q in quads))
            for iri, quads in graphs.items()
            if iri in (*VOCABULARY_GRAPHS, BUILD_GRAPH)
        ]
        self._guarded(lambda: self._replace_all(projections))
        self.report.vocabularies_written = self.error is None

    def follow_vocabularies(self, store: RdfStore) -> None:
        """Mirror the vocabulary graphs of ``store`` when the mirror lacks them or has another version."""
        if self.error is None:
            self._guarded(lambda: mirror_vocabularies(store, self.sink, self.report))

    def _replace_all(self, projections: list[Projection]) -> None:
        self._drain()
        for projection in projections:
            self.report.rows += projection.size
            self.report.counters.update(self.sink.replace_graph(projection))

    def add(
        self,
        doc_id: str,
        quads: Iterable[ox.Quad],
        *,
        superseded: Iterable[str] = (),
        projection: Projection | None = None,
    ) -> None:
        """Mirror one document just loaded into the store (its quads, or their ``projection`` when the
        caller has it), and drop the graphs it superseded."""
        if self.error is not None:
            return
        graph = document_graph(doc_id).value
        projection = projection or project_triples(graph, (q.triple for q in quads))
        gone = [g for g in superseded if g != graph]
        self._guarded(lambda: self._add(doc_id, projection, gone))

    def _add(self, doc_id: str, projection: Projection, superseded: list[str]) -> None:
        if superseded or doc_id in self._mirrored:
            self._drain()  # the rows they touch may be in the write in flight
        for old in superseded:
            old_id = doc_id_of_graph(old)
            if old_id in self._mirrored:
                self.report.counters.update(self.sink.remove_graph(old))
                self.report.documents_removed += 1
                self._mirrored.discard(old_id)
        self.report.rows += projection.size
        self.report.documents_written += 1
        if doc_id in self._mirrored:
            self.report.counters.update(self.sink.replace_graph(projection))
            return
        self._mirrored.add(doc_id)
        self._new.append(projection)
        if len(self._new) >= self.per_write:
            self._flush()

    def _flush(self) -> None:
        batch, self._new = self._new, []
        self._drain()
        if batch:
            self._writing = self._writer.submit(self.sink.write_new, batch)

    def _drain(self) -> None:
        """Wait for the write in flight and count what it did (its error is raised here)."""
        writing, self._writing = self._writing, None
        if writing is not None:
            self.report.counters.update(writing.result())

    def finish(self, store: RdfStore) -> MirrorReport:
        """Return what the feed did, after writing what is pending and bringing the rest in line with ``store``.

        The rest is the vocabularies (when missing or changed), documents the mirror lacks
        (missed while it was down) and documents the store no longer has.
        Raises ``MirrorFailed`` when the mirror could not be written.
        """
        self._guarded(self._flush)
        self._guarded(self._drain)
        self._writer.shutdown()
        if self.error is None:
            self._guarded(lambda: self._merge(resync(store, self.sink)))
        self.report.seconds = time.perf_counter() - self._started
        if self.error is not None:
            raise MirrorFailed(str(self.error)) from self.error
        return self.report

    def _merge(self, caught_up: MirrorReport) -> None:
        self.report.documents_written += caught_up.documents_written
        self.report.documents_removed += caught_up.documents_removed
        self.report.vocabularies_written = caught_up.vocabularies_written
        self.report.rows += caught_up.rows
        self.report.counters.update(caught_up.counters)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as error:  # the store is the source of truth; the build goes on
            log.warning("the mirror stopped following the build: %s", error)
            self.error = error
