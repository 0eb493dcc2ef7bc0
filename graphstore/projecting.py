"""Named graphs read back and projected in worker processes, for a mirror written from the store.

``citykg sync --full`` reads every document's graph back from the store. Reading an on-disk
Oxigraph costs about 10 µs a quad (each term is looked up in RocksDB), CPU-bound work that held
the interpreter's lock the whole time: 1,000 documents took 15 CPU-s in one process while the
database wrote only 5, and the writes waited for it (sync --full at 4-6k rows/s against a bulk
ceiling of 15-25k, issue 12). Workers here open a checkpoint of the store read-only (as the query
workers do, never the live folder) and hand the projections back, so reading runs on the other
core while this process feeds the database. Since the store keeps each graph's rows as it writes
it (graphstore/projectionlog.py), only graphs it has no rows for are read here.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack

import pyoxigraph as ox

from graphstore.inorder import in_order
from graphstore.projection import Projection, TripleRow, object_row, project_rows, projected_predicates
from graphstore.store import Store

__all__ = ["ProjectionPool", "graph_rows"]

# Chunks handed out ahead of the one being written, per worker: each worker has the next one in
# hand when it finishes, and memory holds a few chunks' rows, however many documents there are.
_AHEAD_PER_WORKER = 2

# One query per graph for the triples the projection uses, each predicate named by its number in
# projected_predicates(): Oxigraph then decodes two terms a triple, not four (a graph read by
# pattern decodes its predicate and graph name each time, and decoding terms is nine tenths of
# reading: 0.07 s to count 126,000 quads of 200 graphs, 0.8 s to read them), and the document
# text is not read at all. About 40 % less CPU than reading the graph whole.
_PREDICATES = projected_predicates()
_QUERY = (
    "SELECT ?s ?o ?k WHERE { VALUES (?p ?k) { "
    + " ".join(f"(<{p}> {k})" for k, p in enumerate(_PREDICATES))
    + " } GRAPH %s { ?s ?p ?o } }"
)

_opened: ox.Store | None = None


def _open(folder: str) -> None:
    global _opened
    _opened = ox.Store.read_only(folder)


def graph_rows(store: ox.Store, graph: str) -> Iterator[TripleRow]:
    """Yield the rows of the triples of named graph ``graph`` in ``store`` that a projection uses."""
    solutions = store.query(_QUERY % ox.NamedNode(graph))  # a NamedNode prints as a checked <IRI>
    assert isinstance(solutions, ox.QuerySolutions)
    for s, o, k in solutions:
        assert isinstance(k, ox.Literal) and o is not None
        yield (s.value if isinstance(s, ox.NamedNode) else None, _PREDICATES[int(k.value)], *object_row(o))


def _project(graphs: list[str]) -> list[Projection]:
    """Return the projections of the named graphs ``graphs`` that are in the worker's store."""
    assert _opened is not None, "the worker's store is opened by the pool's initializer"
    store = _opened
    projections = (project_rows(g, graph_rows(store, g)) for g in graphs)
    return [p for p in projections if p.nodes]


class ProjectionPool:
    """``workers`` processes that return documents' projections read from a checkpoint of ``store``."""

    def __init__(self, store: Store, *, workers: int = 2) -> None:
        self.workers = workers
        self._stack = ExitStack()
        try:
            folder = self._stack.enter_context(store.checkpoint())
            # forkserver, not fork: the parent holds the store's threads (as graphstore/extracting.py).
            context = multiprocessing.get_context("forkserver")
            # Imported once by the fork server, not by each worker: 0.6 s of CPU apiece, on cores the
            # database and this process share (1,000 documents: everything read in 3.7 s, not 5.0 s).
            context.set_forkserver_preload([__name__])
            self._pool = self._stack.enter_context(
                ProcessPoolExecutor(workers, mp_context=context, initializer=_open, initargs=(str(folder),))
            )
        except BaseException:
            self._stack.close()
            raise

    def projections(self, chunks: Iterable[list[str]]) -> Iterator[list[Projection]]:
        """Yield the projections of each chunk of named graphs' IRIs, in the chunks' order (absent graphs left out)."""
        # the chunk being written, and _AHEAD_PER_WORKER more per worker
        yield from in_order(self._pool, _project, chunks, in_flight=self.workers * _AHEAD_PER_WORKER + 1)

    def close(self) -> None:
        """Stop the workers and delete the checkpoint."""
        self._stack.close()

    def __enter__(self) -> ProjectionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
