"""The RDF store: named graphs in Oxigraph, replaced atomically, queried with a hard time limit."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import logging
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

import pyoxigraph as ox

from graphstore.document_counts import COUNTS_MISSING, count_update
from graphstore.facts import FACTS_GRAPH, fill_update, forget_update, replace_update, with_facts
from graphstore.projection import Projection
from graphstore.projectionlog import KeptProjections, LogWriter, ProjectionLog
from graphstore.sparql import (
    GRAPH,
    PREFIXES,
    QueryPool,
    QueryRequest,
    QueryResult,
    QueryTimeout,
    UpdateRefused,
    as_term,
    execute,
    select_rows,
)

__all__ = [
    "ExportFormat",
    "ForeignQuad",
    "QueryTimeout",
    "Store",
    "StoreBusy",
    "UpdateRefused",
    "lock_folder",
]

ExportFormat = Literal["nq", "trig", "ttl", "jsonld"]

_log = logging.getLogger(__name__)


class StoreBusy(RuntimeError):
    """Another process holds the data folder (a running `citykg serve`, or another command)."""


def lock_folder(path: Path) -> BinaryIO:
    """Return the open lock file of store folder ``path``, locked for this process, or raise StoreBusy.

    Taken before anything in or beside the folder is recovered or deleted (issue 8: a `citykg stats`
    on a served folder deleted the server's snapshots, then failed on RocksDB's own lock).
    """
    lock_path = _sibling(path, "lock")
    handle = lock_path.open("a+b")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().decode("utf-8", "replace").strip() or "another process"
        handle.close()
        raise StoreBusy(
            f"{path} is in use by {holder}; stop it first (`citykg serve` holds its data folder while it "
            "runs), or point CITYKG_DATA_DIR at another folder"
        ) from None
    handle.seek(0)
    handle.truncate()
    command = " ".join(Path(a).name if i == 0 else a for i, a in enumerate(sys.argv[:3]))
    handle.write(f"process {os.getpid()} ({command})".encode())
    handle.flush()
    return handle


class ForeignQuad(ValueError):
    """A quad given to ``replace_graph`` names another graph than the one being replaced."""


class _Gate:
    """Many users of the Oxigraph handle at once, or one that swaps or closes it (writer first)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._exclusive = False
        self._waiting = 0

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._exclusive or self._waiting:
                self._cond.wait()
            self._users += 1
        try:
            yield
        finally:
            with self._cond:
                self._users -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            while self._exclusive or self._users:
                self._cond.wait()
            self._waiting -= 1
            self._exclusive = True
        try:
            yield
        finally:
            with self._cond:
                self._exclusive = False
                self._cond.notify_all()


class Store:
    """Oxigraph with one named graph per source; the default graph of queries is the union of all graphs.

    That union is held once more, each distinct triple once, in the facts graph
    (graphstore/facts.py), which every write keeps in step and queries read as their default graph.
    Every write on disk also keeps the mirror rows of the graphs it writes beside the folder
    (graphstore/projectionlog.py), for a sync that would otherwise read each graph back.

    Open it with :meth:`Store.open`. Writes (``replace_graph``, ``remove_graph``,
    ``bulk_rebuild``) are serialised; reads run concurrently and see committed
    states only. Queries with a ``timeout_s`` on an on-disk store run in worker
    processes on a checkpoint of the store, taken lazily after each write.
    """

    def __init__(self, ox_store: ox.Store, path: Path | None, pool: QueryPool | None) -> None:
        self._ox: ox.Store | None = ox_store
        self._path = path
        self._pool = pool
        self._lock = threading.RLock()
        self._gate = _Gate()
        self._snapshot: Path | None = None
        self._folder_lock: BinaryIO | None = None
        self._generation = 0
        self._version = 0
        self._read_only = False
        # Quads in the source graphs, kept in step by each write: Oxigraph counts them by
        # reading every quad (3.7 s at 10,000 documents). None until first asked.
        self._quads: int | None = None
        # The source graphs' IRIs as of a version: an ingest's patches each ask (1.2 s apiece at
        # 100,000 documents, four times per ingest).
        self._graph_list: tuple[int, list[str]] | None = None

    @classmethod
    def open(cls, path: Path | None, *, workers: int = 2) -> Store:
        """Return the store in folder ``path`` (created if missing), or an in-memory store for None.

        ``workers`` query processes are started for time-limited queries on an
        on-disk store; with 0 (and always in memory) queries run in this process
        and a time limit is only checked between result rows.
        """
        if path is None:
            return cls(ox.Store(), None, None)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_folder(path)
        try:
            _recover(path)
            for leftover in ("snapshots", "checkpoints"):  # a crashed process's
                shutil.rmtree(_sibling(path, leftover), ignore_errors=True)
            ox_store = ox.Store(str(path))
            if not ox_store.contains_named_graph(FACTS_GRAPH) or not _sibling(path, "stamp").exists():
                _renew_stamp(path)  # before the facts graph is filled: see content_stamp
            _add_facts_graph(ox_store)
            if ox_store.query(COUNTS_MISSING):
                _renew_stamp(path)
                ox_store.update(count_update())
            pool = QueryPool(workers) if workers > 0 else None
        except BaseException:
            lock.close()
            raise
        store = cls(ox_store, path, pool)
        store._folder_lock = lock
        store._quads = store._kept_count()
        return store

    @classmethod
    def open_read_only(cls, path: Path) -> Store:
        """Return a read-only view of the store in folder ``path`` as it was last written.

        It takes no lock, so it opens while another process (a running server) holds
        the folder; it does not see that process's later writes, and every write to it
        fails. Queries run in this process.
        """
        store = cls(ox.Store.read_only(str(path)), Path(path), None)
        store._read_only = True
        return store

    @property
    def express_workers(self) -> int:
        """Return how many query workers are kept for express queries (1 with two or more, else 0)."""
        return 1 if self._pool is not None and self._pool.size >= 2 else 0

    @property
    def query_workers(self) -> int:
        """Return how many query worker processes run time-limited queries (0 in memory)."""
        return self._pool.size if self._pool is not None else 0

    @property
    def path(self) -> Path | None:
        """Return the folder of an on-disk store, None in memory."""
        return self._path

    @contextlib.contextmanager
    def _handle(self) -> Iterator[ox.Store]:
        with self._gate.shared():
            if self._ox is None:
                raise RuntimeError("the store is closed")
            yield self._ox

    def replace_graph(
        self, graph_iri: str, quads: Iterable[ox.Quad | ox.Triple], *, superseded: Iterable[str] = ()
    ) -> int:
        """Return the number of triples now in ``graph_iri`` after replacing its content in one transaction.

        The new content is read completely before anything is written, so an
        iterable that raises leaves the old graph untouched; the drop and the insert
        are one SPARQL update, which Oxigraph applies atomically (readers see the
        old graph or the new one). ``superseded`` graphs (an earlier version of the
        same file) are dropped in the same update, and the facts graph follows in it too.
        Raises ``DerivedGraph`` for the facts graph itself.
        """
        graph = ox.NamedNode(graph_iri)
        triples = []
        for item in quads:
            if isinstance(item, ox.Quad):
                if item.graph_name not in (graph, ox.DefaultGraph()):
                    raise ForeignQuad(f"quad for graph {item.graph_name} given to replace {graph_iri}")
                triples.append(item.triple)
            else:
                triples.append(item)
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
        update = replace_update(graph, body, superseded)
        written = len(set(triples))
        with self._lock, self._handle() as store, self._keeping() as kept:
            self._before_write()
            before = sum(self._count(store, ox.NamedNode(g)) for g in {graph_iri, *superseded})
            store.update(update)
            self._counted(written - before)
            self._snapshot_stale()
            for old in superseded:
                kept.add(old, None)
            kept.add(graph_iri, triples)
        return written

    def add_graphs(
        self, quads: Iterable[ox.Quad], *, projections: dict[str, Projection] | None = None
    ) -> None:
        """Add the quads of named graphs the store does not have yet, all in one transaction.

        Issue 12: a build writes its new documents this way, many at once, instead of
        serialising each into an update (a third of the time of a build). Graphs that
        exist already are not dropped first: replace those with ``replace_graph``.
        ``projections`` holds projections of these graphs the caller has in hand (see ``bulk_rebuild``).
        """
        graphs: set[ox.NamedNode] = set()

        def noted(items: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
            for quad in items:
                if isinstance(quad.graph_name, ox.NamedNode):
                    graphs.add(quad.graph_name)
                yield quad

        with self._lock, self._handle() as store, self._keeping() as kept:
            self._before_write()
            # The facts graph holds each triple once, whatever is added twice.
            store.extend(with_facts(kept.follow(noted(quads), skip=FACTS_GRAPH, known=projections)))
            # New graphs only (see above): what they hold now is what was added.
            counts = {g.value: self._count(store, g) for g in graphs - {FACTS_GRAPH}}
            self._counted(sum(counts.values()))
            self._snapshot_stale()
            for graph, added in kept.counts.items():
                if counts.get(graph) != added:  # it held other triples already: not known whole here
                    kept.add(graph, None)

    def graph_triples(self, graph_iri: str) -> list[ox.Triple]:
        """Return the triples of named graph ``graph_iri`` (none when it is absent), read from its index."""
        return [q.triple for q in self.graph_quads(graph_iri)]

    def graph_quads(self, graph_iri: str) -> list[ox.Quad]:
        """Return the quads of named graph ``graph_iri`` as stored (a rebuild copies them as they are)."""
        with self._handle() as store:
            return list(store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def remove_graph(self, graph_iri: str) -> int:
        """Return the number of quads removed with the named graph ``graph_iri`` (0 if it did not exist).

        Its triples leave the facts graph unless another graph holds them too. The facts
        graph itself is not removed (0): it empties as the graphs it follows go.
        """
        graph = ox.NamedNode(graph_iri)
        if graph == FACTS_GRAPH:
            return 0
        with self._lock, self._handle() as store, self._keeping() as kept:
            self._before_write()
            removed = self._count(store, graph)
            store.update(forget_update(graph))
            self._counted(-removed)
            self._snapshot_stale()
            kept.add(graph_iri, None)
        return removed

    def graph_iris(self) -> list[str]:
        """Return the IRIs of the source graphs (every named graph but the facts graph), sorted.

        Listed once per version: the version is read first, so a write under way while the
        graphs are listed makes the next call list them again.

        >>> store = Store.open(None)
        >>> store.graph_iris()
        []
        >>> _ = store.replace_graph("https://w3id.org/citykg/graph/doc/a", [])
        >>> _ = store.replace_graph("https://w3id.org/citykg/graph/doc/b", [ox.Triple(ox.NamedNode("https://e.org/s"), ox.NamedNode("https://e.org/p"), ox.Literal("o"))])
        >>> store.graph_iris()
        ['https://w3id.org/citykg/graph/doc/b']
        >>> _ = store.remove_graph("https://w3id.org/citykg/graph/doc/b")
        >>> store.graph_iris()
        []
        """
        version = self._version
        kept = self._graph_list
        if kept is not None and kept[0] == version:
            return list(kept[1])
        with self._handle() as store:
            graphs = sorted(
                g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g != FACTS_GRAPH
            )
        self._graph_list = (version, graphs)
        return list(graphs)

    def count(self, graph_iri: str | None = None) -> int:
        """Return the number of quads in the source graphs (not the facts graph), or in named graph ``graph_iri``."""
        if graph_iri is not None:
            with self._handle() as store:
                return self._count(store, ox.NamedNode(graph_iri))
        known = self._quads
        if known is not None:  # as of the last write that ended; one under way does not hold us up
            return known
        # The write lock first, as writers take it (a rebuild then waits for readers): no
        # write comes between the count and keeping it. Only the first count waits for a write.
        with self._lock:
            if self._quads is None:
                with self._handle() as store:
                    self._quads = len(store) - self._count(store, FACTS_GRAPH)
                self._keep_count()
            return self._quads

    def _counted(self, change: int) -> None:
        """Note a write that changed the source graphs by ``change`` quads (under the write lock)."""
        if self._quads is not None:
            self._quads += change
            self._keep_count()

    def _kept_count(self) -> int | None:
        """Return the quad count kept beside the folder if it was written at the current content stamp, else None.

        A write renews the stamp before it starts and the count is written after it ends, so a
        crash in between leaves them apart and the count is read again from the store.
        """
        stamp = self.content_stamp
        if stamp is None or self._path is None:
            return None
        try:
            kept, _, count = _sibling(self._path, "quads").read_text(encoding="ascii").partition(" ")
            return int(count) if kept == stamp else None
        except (OSError, ValueError):
            return None

    def _keep_count(self) -> None:
        """Write the quad count beside the folder with the current content stamp (see ``_kept_count``)."""
        stamp = self.content_stamp
        if stamp is not None and self._path is not None and self._quads is not None:
            partial = _sibling(self._path, "quads.partial")
            partial.write_text(f"{stamp} {self._quads}", encoding="ascii")
            os.replace(partial, _sibling(self._path, "quads"))

    @staticmethod
    def _count(store: ox.Store, graph: ox.NamedNode) -> int:
        solutions = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        assert isinstance(solutions, ox.QuerySolutions)
        return int(next(iter(solutions))["n"].value)

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None,
        default_graph_uris: Iterable[str] = (),
        named_graph_uris: Iterable[str] = (),
        formats: dict[str, str | None] | None = None,
        max_rows: int | None = None,
        substitutions: dict[str, Any] | None = None,
        express: bool = False,
        run_s: float | None = None,
    ) -> QueryResult:
        """Return the serialised result of a read-only SPARQL query.

        The default graph is the union of all graphs unless ``default_graph_uris``
        or ``named_graph_uris`` give the dataset (SPARQL Protocol) or the query has
        FROM clauses. ``formats`` maps a result kind to a format name (see
        ``graphstore.sparql.negotiate``). With two or more workers one is kept for
        ``express`` queries (known to be quick; app/lanes.py), so slow queries
        cannot hold every worker. ``run_s`` limits the running time once a worker
        is free, within ``timeout_s`` in all. Raises ``UpdateRefused``, ``MalformedQuery``,
        ``QueryTimeout`` (``QueueTimeout`` when it never ran), ``NotAcceptable``,
        ``FederatedQueryRefused``.
        """
        request = QueryRequest(
            sparql=sparql,
            default_graph_uris=tuple(default_graph_uris),
            named_graph_uris=tuple(named_graph_uris),
            max_rows=max_rows,
            substitutions=tuple((k, as_term(v)) for k, v in (substitutions or {}).items()),
            **({"formats": formats} if formats is not None else {}),
        )
        if timeout_s is None:
            with self._handle() as store:
                return execute(store, request)
        deadline = time.monotonic() + timeout_s
        if self._pool is None:
            # In-memory fallback: the deadline is checked between rows only, so one
            # long aggregate can overrun it. The on-disk store kills workers instead.
            with self._handle() as store:
                return execute(store, request, deadline=deadline, limit_s=timeout_s)
        reserve = 0 if express else self.express_workers
        worker = self._pool.acquire(deadline, timeout_s, reserve=reserve)
        if run_s is not None:
            deadline = min(deadline, time.monotonic() + run_s)
        try:
            with self._lock:  # assigned under the lock so no collection removes it first
                worker.snapshot = str(self._current_snapshot())
        except BaseException:
            self._pool.release(worker)
            raise
        return self._pool.run(worker, request, deadline=deadline, limit_s=min(timeout_s, run_s or timeout_s))

    def select(self, sparql: str, /, **params: Any) -> list[dict[str, str | None]]:
        """Return the rows of a SELECT query as plain values, with ``params`` bound to variables.

        A value starting with http:// or https:// is bound as an IRI, anything else
        as a literal (SEP-0007 substitution, so no text is pasted into the query).
        Oxigraph substitutes projected variables only: name them in the SELECT
        clause (or use ``SELECT *``), otherwise ``MalformedQuery`` is raised.

        >>> store = Store.open(None)
        >>> store.select("SELECT ?x ?label WHERE { BIND(STR(?x) AS ?label) }", x="https://w3id.org/citykg/place/321000")
        [{'x': 'https://w3id.org/citykg/place/321000', 'label': 'https://w3id.org/citykg/place/321000'}]
        """
        request = QueryRequest(sparql=sparql, substitutions=tuple((k, as_term(v)) for k, v in params.items()))
        with self._handle() as store:
            return select_rows(store, request)

    def construct(self, sparql: str, /, **params: Any) -> list[ox.Triple]:
        """Return the triples of a CONSTRUCT or DESCRIBE query, with ``params`` bound as in ``select``."""
        result = self.query(sparql, timeout_s=None, substitutions=params, formats={GRAPH: "ntriples"})
        return result.triples()

    @contextlib.contextmanager
    def _keeping(self, *, fresh: bool = False) -> Iterator[LogWriter]:
        """Yield where a write notes the graphs it changes, their projections kept beside the folder
        (graphstore/projectionlog.py) and sealed under the stamp the write leaves once it has ended.

        Entered under the write lock and before the write renews the stamp: the log sealed under
        the stamp found here is continued (a fresh one started with ``fresh``, or when it is not).
        """
        if self._path is None or self._read_only:
            yield LogWriter.discarding()
            return
        try:
            writer = ProjectionLog(self._path).writer(was=None if fresh else self.content_stamp)
        except OSError as error:
            # The rows are a cache: a folder that will not take them costs the next sync a read-back,
            # never the write itself.
            _log.warning("mirror rows not kept beside %s: %s", self._path, error)
            yield LogWriter.discarding()
            return
        try:
            yield writer
        except BaseException:
            writer.abandon()
            raise
        try:
            writer.seal(self.content_stamp)
        except OSError as error:
            writer.abandon()
            _log.warning("mirror rows not kept beside %s: %s", self._path, error)

    def kept_projections(self) -> KeptProjections:
        """Return the graphs' projections kept beside the folder as the store holds them now (none in
        memory or for a read-only view); close it after use. See graphstore/projectionlog.py."""
        if self._path is None or self._read_only:
            return KeptProjections(None, {})
        with self._lock:  # no write under way: the stamp and the log's seal agree
            try:
                return ProjectionLog(self._path).kept(self.content_stamp)
            except (OSError, ValueError, EOFError, struct.error) as error:
                _log.warning("mirror rows beside %s unreadable, graphs are read back: %s", self._path, error)
                return KeptProjections(None, {})

    def keep_projections(self, projections: Iterable[Projection], *, stamp: str | None) -> bool:
        """Return whether ``projections``, read from the store as it was at content stamp ``stamp``
        (``KeptProjections.stamp``), were kept beside the folder: not when a write has come since.

        A sync that had to read graphs back keeps them so, and the next one need not: a store written
        by an older citykg, or by code that projects differently, keeps no rows to begin with.
        """
        if self._path is None or self._read_only or stamp is None:
            return False
        with self._lock:  # no write under way, and none starts before the seal
            if self.content_stamp != stamp:
                return False
            writer = ProjectionLog(self._path).writer(was=stamp)
            try:
                for projection in projections:
                    writer.keep(projection)
            except BaseException:
                writer.abandon()
                raise
            writer.seal(stamp)
        return True

    def _before_write(self) -> None:
        """Renew the folder's content stamp before a write starts (see ``content_stamp``)."""
        if self._path is not None and not self._read_only:  # a read-only view's write fails in Oxigraph
            _renew_stamp(self._path)

    @property
    def content_stamp(self) -> str | None:
        """Return a token that changes whenever the folder's content does, across processes and restarts.

        It is renewed before every write starts, so a write that completes (or a crash
        in the middle of one) always leaves a new token: something computed from the
        store and saved with the token it read first is current exactly while the token
        is unchanged (app/saved.py). None in memory and for a read-only view.
        """
        if self._path is None or self._read_only:  # a view may be older than the writer's stamp
            return None
        try:
            return _sibling(self._path, "stamp").read_text(encoding="ascii").strip() or None
        except FileNotFoundError:
            return None

    def _snapshot_stale(self) -> None:
        """Note a write: snapshots must be retaken and caches keyed on ``version`` are stale."""
        self._snapshot = None
        self._version += 1

    @property
    def version(self) -> int:
        """Return a counter that changes with every write through this Store (the only writer: RocksDB locks the folder).

        >>> store = Store.open(None)
        >>> before = store.version
        >>> _ = store.replace_graph("https://w3id.org/citykg/graph/x", [])
        >>> store.version > before
        True
        """
        return self._version

    def _current_snapshot(self) -> Path:
        """Return a checkpoint of the current state for the worker processes, taking one if stale."""
        assert self._path is not None and self._pool is not None
        with self._lock:
            if self._snapshot is None:
                folder = _sibling(self._path, "snapshots")
                folder.mkdir(exist_ok=True)
                self._generation += 1
                target = folder / f"{self._generation:08d}"
                with self._handle() as store:
                    # RocksDB checkpoint: hard links to the immutable files, ~10-20 ms.
                    store.backup(str(target))
                self._snapshot = target
                keep = {str(target)} | self._pool.snapshots_in_use()
                for old in folder.iterdir():
                    if str(old) not in keep:
                        shutil.rmtree(old, ignore_errors=True)
            return self._snapshot

    @contextlib.contextmanager
    def checkpoint(self) -> Iterator[Path]:
        """Yield the folder of a copy of the on-disk store as it is now, for other processes to open
        read-only; deleted afterwards. A RocksDB checkpoint (hard links to the immutable files) for a
        store this process writes; the folder itself for a read-only view, which has no writer here.
        """
        if self._path is None:
            raise ValueError("an in-memory store has no folder to share")
        if self._read_only:
            yield self._path
            return
        folder = _sibling(self._path, "checkpoints")
        folder.mkdir(exist_ok=True)
        target = Path(tempfile.mkdtemp(dir=folder)) / "store"
        try:
            with self._handle() as store:
                store.backup(str(target))
            yield target
        finally:
            shutil.rmtree(target.parent, ignore_errors=True)

    @property
    def keeps_rows(self) -> bool:
        """Whether writes keep their graphs' projections beside the folder (graphstore/projectionlog.py)."""
        return self._path is not None and not self._read_only

    def bulk_rebuild(
        self, quads: Iterable[ox.Quad | ox.Triple], *, projections: dict[str, Projection] | None = None
    ) -> int:
        """Return the number of quads after replacing the whole store with ``quads``.

        On disk the new store is built in a sibling folder and renamed into place
        only when complete; an exception (or a crash) during the build leaves the
        previous store as it was. Triples go to the default graph. The facts graph is
        built alongside (not counted); quads naming it in ``quads`` are ignored.
        ``projections`` holds, by graph, projections the caller has in hand (filled as ``quads``
        reaches each graph): they are kept beside the folder instead of projecting again.
        """
        with self._lock, self._keeping(fresh=True) as kept:
            as_quads = with_facts(
                kept.follow(
                    (
                        q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object)
                        for q in quads
                    ),
                    skip=FACTS_GRAPH,
                    known=projections,
                )
            )
            self._before_write()
            if self._path is None:
                fresh = ox.Store()
                fresh.bulk_extend(as_quads)
                with self._gate.exclusive():
                    self._ox = fresh
                self._quads = len(fresh) - self._count(fresh, FACTS_GRAPH)
                return self._quads
            building, ready, old = (_sibling(self._path, s) for s in ("rebuild", "ready", "old"))
            shutil.rmtree(building, ignore_errors=True)
            try:
                fresh = ox.Store(str(building))
                fresh.bulk_extend(as_quads)
                fresh.optimize()
                fresh.flush()
                total = len(fresh) - self._count(fresh, FACTS_GRAPH)
                del fresh
            except BaseException:
                gc.collect()
                shutil.rmtree(building, ignore_errors=True)
                raise
            gc.collect()
            building.rename(ready)
            with self._gate.exclusive():
                self._ox = None
                gc.collect()
                self._path.rename(old)
                ready.rename(self._path)
                self._ox = ox.Store(str(self._path))
            shutil.rmtree(old, ignore_errors=True)
            self._snapshot_stale()
            self._quads = total
            self._keep_count()
            return total

    def export(self, fmt: ExportFormat, out: BinaryIO) -> None:
        """Write the store's source graphs to ``out`` as N-Quads, TriG or JSON-LD, or their distinct union as Turtle."""
        formats = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
        with self._handle() as store:
            if fmt in formats:
                # The facts graph is left out: it is derived, and rebuilt wherever the dump is loaded.
                sources = (q for q in store if q.graph_name != FACTS_GRAPH)
                ox.serialize(sources, out, formats[fmt], prefixes=PREFIXES if fmt == "trig" else None)
            elif fmt == "ttl":
                facts = (q.triple for q in store.quads_for_pattern(None, None, None, FACTS_GRAPH))
                ox.serialize(facts, out, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
            else:
                raise ValueError(f"unknown export format {fmt!r}; use nq, trig, ttl or jsonld")

    def close(self) -> None:
        """Stop the query workers, close the store and delete its snapshots."""
        if self._pool is not None:
            self._pool.close()
        with self._lock, self._gate.exclusive():
            if self._ox is not None and self._path is not None and not self._read_only:
                self._ox.flush()
            self._ox = None
            gc.collect()
        if self._path is not None and not self._read_only:
            # A read-only view leaves the folder to the process that owns it, snapshots and all.
            for leftover in ("snapshots", "checkpoints"):
                shutil.rmtree(_sibling(self._path, leftover), ignore_errors=True)
        if self._folder_lock is not None:
            self._folder_lock.close()  # releases the flock
            self._folder_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _add_facts_graph(store: ox.Store) -> None:
    """Build the facts graph of a store written before there was one, in one transaction (once per store)."""
    if store.contains_named_graph(FACTS_GRAPH):
        return
    if next(iter(store.named_graphs()), None) is not None:
        store.update(fill_update())


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(f"{path.name}.{suffix}")


def _renew_stamp(path: Path) -> None:
    """Write a new random content stamp beside the store folder ``path`` (replaced whole, never half-written)."""
    stamp, partial = _sibling(path, "stamp"), _sibling(path, "stamp.partial")
    partial.write_text(uuid.uuid4().hex, encoding="ascii")
    os.replace(partial, stamp)


def _recover(path: Path) -> None:
    """Finish or undo a rebuild interrupted by a crash, so ``path`` holds one complete store."""
    ready, old = _sibling(path, "ready"), _sibling(path, "old")
    if not path.exists():
        if ready.exists():
            ready.rename(path)
        elif old.exists():
            old.rename(path)
    for leftover in (_sibling(path, "rebuild"), ready, old):
        shutil.rmtree(leftover, ignore_errors=True)
