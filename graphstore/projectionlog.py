"""Named graphs' mirror rows kept beside an on-disk store, written as the store writes the graphs (issue 12).

``citykg sync --full`` read every graph back from Oxigraph and projected it: 3.1 CPU-s per 1,000
documents, two thirds of it Oxigraph decoding terms. No way of reading back comes near the bulk
ceiling: one query over all graphs, ``quads_for_pattern`` over the whole store and even a dump to
N-Quads in Rust all cost 5-6 µs a quad, as much as the query per graph did. The store holds each
graph's quads when it writes them, so it projects them then and appends the rows here; a full sync
loads them (about 0.5 CPU-s per 1,000 documents) and reads back only the graphs that have none.

Stale rows must never reach the mirror. The log is sealed with the store's content stamp (renewed
before every write, by any process) and a digest of the code that projected it, and is used only
while both are unchanged. Each write through ``graphstore.store.Store`` continues the log sealed
under the stamp it found before the write and seals it under the new one; a write that finds it
sealed under another stamp (a crash mid-write, a store written by an older citykg or upgraded on
opening) starts it afresh. A graph's last record wins: its projection, or none (removed, or not
known whole), for a graph then read back from the store.

A record holds two lengths, its graphs' IRIs with the length of each one's rows (marshal), then
the rows of each graph (marshal, zlib level 1: 23 MB a 1,000 documents in about 4 MB), so that a
sync reads them in its own order (the order decides which document's value a node shared by
several keeps). Readers keep the file they opened: appends only add bytes after the sealed
length and a fresh log replaces the file whole.

A replaced or removed graph's earlier rows stay in the file until it is compacted: replacing every
document of the demo corpus five times took its log from 0.20 to 0.43 MB, the live rows staying at
0.20 MB. The seal notes twice the live rows' length as last known (when the log was started, or
its index last read); once a write leaves the log that long, the index is read and, when dead rows
are the larger part, the live ones are copied as they are into a fresh file that replaces it. So the
log stays within about twice its live rows, and its index is read only when the log has grown by
as much as it held live.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import struct
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox

import graphstore.projection
import loaders.rdf
import loaders.vocab
from graphstore.projection import NodeRow, Projection, RelRow, project_triples

_log = logging.getLogger(__name__)

__all__ = ["KeptProjections", "LogWriter", "ProjectionLog"]

_HEAD = struct.Struct("<II")
# Graphs per record: a build writes 64 new documents per transaction (graphstore/build.py).
_PER_RECORD = 64


def _code() -> str:
    """Return a digest of what kept rows depend on besides the store: the projection's code (and the
    IRIs it mints), this file's format, this Python's marshal and pyoxigraph; rows kept by other code
    are not used."""
    digest = hashlib.sha256(f"{sys.version} {ox.__version__}".encode())
    for module in (graphstore.projection, loaders.rdf, loaders.vocab):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:32]


_CODE = _code()


def _plain(p: Projection) -> tuple[Any, ...]:
    """Return a projection as tuples marshal writes (about three times faster to read back than a pickle)."""
    nodes = [(n.uri, n.labels, n.props) for n in p.nodes]
    rels = [(r.type, r.start, r.end, r.evidence, r.props) for r in p.rels]
    return (p.graph, nodes, p.endpoints, rels, p.skipped)


def _projection(plain: tuple[Any, ...]) -> Projection:
    """Return the projection ``_plain`` made ``plain`` of."""
    graph, nodes, endpoints, rels, skipped = plain
    return Projection(
        graph, tuple(NodeRow(*n) for n in nodes), tuple(endpoints), tuple(RelRow(*r) for r in rels), skipped
    )


class ProjectionLog:
    """The log of projections kept beside store folder ``folder`` (``<folder>.mirror-rows``) and its seal."""

    def __init__(self, folder: Path) -> None:
        self.file = folder.with_name(f"{folder.name}.mirror-rows")
        self._seal = folder.with_name(f"{folder.name}.mirror-rows.seal")

    def _sealed(self, stamp: str | None) -> tuple[int, int] | None:
        """Return the sealed length of the log and the length from which compacting it may pay, None
        if it is not sealed under content stamp ``stamp``."""
        if stamp is None:
            return None
        try:
            code, sealed, length, look_from = self._seal.read_text(encoding="ascii").split()
            if (code, sealed) != (_CODE, stamp) or self.file.stat().st_size < int(length):
                return None
            return int(length), int(look_from)
        except (OSError, ValueError):
            return None

    def sealed_length(self, stamp: str | None) -> int | None:
        """Return how many bytes of the log hold rows current at content stamp ``stamp``, None if it is not sealed under it."""
        sealed = self._sealed(stamp)
        return None if sealed is None else sealed[0]

    def writer(self, *, was: str | None) -> LogWriter:
        """Return a writer that continues the log when it is sealed under stamp ``was``, else starts a fresh one."""
        sealed = self._sealed(was)
        if sealed is None:
            partial = self.file.with_name(self.file.name + ".partial")
            return LogWriter(self, partial.open("wb"), fresh=partial)
        length, look_from = sealed
        handle = self.file.open("r+b")
        handle.truncate(length)  # what a write that never sealed left
        handle.seek(length)
        return LogWriter(self, handle, look_from=look_from)

    def seal(self, stamp: str, length: int, *, look_from: int) -> None:
        """Note that the log's first ``length`` bytes are current at content stamp ``stamp`` (replaced
        whole), and that compacting it may pay once it is ``look_from`` bytes long."""
        partial = self._seal.with_name(self._seal.name + ".partial")
        partial.write_text(f"{_CODE} {stamp} {length} {look_from}", encoding="ascii")
        os.replace(partial, self._seal)

    def compacted(self, length: int) -> tuple[int, int]:
        """Return the length of the log once its first ``length`` bytes hold only each graph's last rows
        (rewritten into a fresh file that replaces it when dead rows are the larger part, else as they
        are), and the length from which it is worth looking again: twice its live rows.

        Called by the writer before it seals; the seal in place is taken off before the file is
        replaced, so a crash in between leaves a log that is not used.
        """
        fresh = self.file.with_name(self.file.name + ".compacting")
        try:
            with self.file.open("rb") as handle:
                live = [(g, place) for g, place in _latest(handle, length).items() if place is not None]
                live_bytes = sum(size for _, (_, size) in live)
                if 2 * live_bytes > length:
                    return length, 2 * live_bytes
                with fresh.open("wb") as out:
                    for start in range(0, len(live), _PER_RECORD):
                        record = live[start : start + _PER_RECORD]
                        blobs = []
                        for _, (at, size) in record:
                            handle.seek(at)
                            blobs.append(handle.read(size))
                        names = marshal.dumps([(g, size) for g, (_, size) in record])
                        out.write(_HEAD.pack(len(names), sum(map(len, blobs))) + names + b"".join(blobs))
                    compacted = out.tell()
            self._seal.unlink(missing_ok=True)  # it names offsets of the file being replaced
            os.replace(fresh, self.file)
        except OSError as error:  # a cache: left as it is, only longer
            _log.warning("mirror rows in %s not compacted: %s", self.file, error)
            fresh.unlink(missing_ok=True)
            return length, 2 * length
        return compacted, 2 * compacted

    def kept(self, stamp: str | None) -> KeptProjections:
        """Return the projections the log holds that are current at content stamp ``stamp``."""
        length = self.sealed_length(stamp)
        if not length:
            return KeptProjections(None, {}, stamp=stamp)
        handle = self.file.open("rb")
        latest = _latest(handle, length)
        return KeptProjections(
            handle, {g: place for g, place in latest.items() if place is not None}, stamp=stamp
        )


def _latest(handle: BinaryIO, length: int) -> dict[str, tuple[int, int] | None]:
    """Return where each graph's last rows are in the log's first ``length`` bytes (offset, size),
    None for a graph last noted as having none."""
    latest: dict[str, tuple[int, int] | None] = {}
    offset = 0
    while offset < length:
        handle.seek(offset)
        names_length, body_length = _HEAD.unpack(handle.read(_HEAD.size))
        at = offset + _HEAD.size + names_length
        for graph, size in marshal.loads(handle.read(names_length)):
            latest[graph] = (at, size) if size >= 0 else None
            at += max(size, 0)
        offset += _HEAD.size + names_length + body_length
    return latest


class LogWriter:
    """Appends graphs' projections (or that a graph has none) to a ``ProjectionLog``; ``seal`` makes them count."""

    def __init__(
        self,
        log: ProjectionLog | None,
        handle: BinaryIO | None,
        *,
        fresh: Path | None = None,
        look_from: int = 0,
    ) -> None:
        self._log = log
        self._handle = handle
        self._fresh = fresh
        self._look_from = look_from  # the length from which compacting may pay (ProjectionLog.compacted)
        self._pending: list[tuple[str, Projection | None]] = []
        self._known: dict[str, Projection] = {}
        self.counts: dict[str, int] = {}

    @classmethod
    def discarding(cls) -> LogWriter:
        """Return a writer that keeps nothing, for a store without a folder."""
        return cls(None, None)

    def add(self, graph: str, triples: Iterable[ox.Triple] | None) -> None:
        """Keep the projection of ``graph`` holding exactly ``triples``, or, for None, that it has none kept."""
        if self._handle is not None:
            self._append(graph, None if triples is None else project_triples(graph, triples))

    def keep(self, projection: Projection) -> None:
        """Keep ``projection``, read from the store (see ``Store.keep_projections``)."""
        if self._handle is not None:
            self._append(projection.graph, projection)

    def _append(self, graph: str, projection: Projection | None) -> None:
        self._pending.append((graph, projection))
        if len(self._pending) >= _PER_RECORD:
            self._flush()

    def follow(
        self, quads: Iterable[ox.Quad], *, skip: ox.NamedNode, known: dict[str, Projection] | None = None
    ) -> Iterator[ox.Quad]:
        """Yield ``quads``, keeping the projection of each named graph (but ``skip``) whose quads come in one run.

        ``counts`` then holds each graph's distinct triples. A graph met again after another one is
        kept as having none (its runs are parts of it); so is one the caller finds holding other triples too.
        A graph whose projection the caller already holds (``known``, filled before the graph's
        quads come) is kept with that projection, which is taken out of ``known``.
        """
        if self._handle is None:
            yield from quads
            return
        self._known = {} if known is None else known
        graph: ox.NamedNode | None = None
        triples: set[ox.Triple] = set()
        split: set[str] = set()
        for quad in quads:
            name = quad.graph_name
            if name != graph:
                self._close_run(graph, triples, split)
                graph, triples = (
                    (name, set()) if isinstance(name, ox.NamedNode) and name != skip else (None, set())
                )
            if graph is not None:
                triples.add(quad.triple)
            yield quad
        self._close_run(graph, triples, split)
        for iri in sorted(split):
            self.add(iri, None)

    def _close_run(self, graph: ox.NamedNode | None, triples: set[ox.Triple], split: set[str]) -> None:
        if graph is None:
            return
        if graph.value in self.counts:
            split.add(graph.value)
            return
        self.counts[graph.value] = len(triples)
        projection = self._known.pop(graph.value, None)
        if projection is not None:
            self._append(graph.value, projection)
        else:
            self.add(graph.value, triples)

    def _flush(self) -> None:
        if not self._pending or self._handle is None:
            return
        blobs = [b"" if p is None else zlib.compress(marshal.dumps(_plain(p)), 1) for _, p in self._pending]
        names = marshal.dumps(
            [(g, -1 if p is None else len(b)) for (g, p), b in zip(self._pending, blobs, strict=True)]
        )
        body = b"".join(blobs)
        self._pending = []
        try:
            self._handle.write(_HEAD.pack(len(names), len(body)) + names + body)
        except OSError as error:
            # A cache that will not take more rows is dropped, unsealed, and the store's write goes on.
            _log.warning("mirror rows not kept in %s: %s", self._log.file if self._log else "?", error)
            self.abandon()

    def seal(self, stamp: str | None) -> None:
        """Write what is pending and make the log count as current at content stamp ``stamp``."""
        if self._handle is None or self._log is None:
            return
        if stamp is None:  # a store without a stamp keeps nothing it could check
            self.abandon()
            return
        self._flush()
        length = self._handle.tell()
        self._handle.close()
        self._handle = None
        look_from = self._look_from
        if self._fresh is not None:
            os.replace(self._fresh, self._log.file)
            look_from = 2 * length
        elif length >= look_from:
            length, look_from = self._log.compacted(length)
        self._log.seal(stamp, length, look_from=look_from)

    def abandon(self) -> None:
        """Close the writer without sealing (a write that failed): the log is not used until a write starts it afresh."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._fresh is not None:
            self._fresh.unlink(missing_ok=True)


class KeptProjections:
    """The current projections of a ``ProjectionLog``: which graphs have one, and reading them;
    ``stamp`` is the store's content stamp they are current at."""

    def __init__(
        self, handle: BinaryIO | None, places: dict[str, tuple[int, int]], *, stamp: str | None = None
    ) -> None:
        self._handle = handle
        self._places = places
        self.graphs = frozenset(places)
        self.stamp = stamp

    def read(self, graphs: list[str]) -> list[Projection]:
        """Return the projections of ``graphs``, all of them kept ones (in ``self.graphs``), in their order."""
        out = []
        for graph in graphs:
            at, size = self._places[graph]
            assert self._handle is not None, "a log that keeps a graph is open"
            self._handle.seek(at)
            out.append(_projection(marshal.loads(zlib.decompress(self._handle.read(size)))))
        return out

    def close(self) -> None:
        """Close the log file."""
        if self._handle is not None:
            self._handle.close()
