"""Building the graph: files → extraction → one named graph per document in the store.

A file that cannot be read is reported by name and skipped; the rest of the batch
still loads (DESIGN.md decision 7). Each document replaces its graph atomically.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode, Quad

from graphstore.extracting import ExtractionPool
from graphstore.mirrorfeed import MirrorFailed, MirrorFeed
from graphstore.projection import Projection, project_triples
from graphstore.store import Store
from graphstore.stores import RdfStore
from loaders.documents import DocumentError, read_document
from loaders.extract import extract
from loaders.rdf import (
    doc_id_of_graph,
    document_graph,
    document_header,
    document_quads,
    extractor_version,
    fact_counts,
    vocabulary_graphs,
    vocabulary_stamp,
)
from loaders.records import Document, Extraction

if TYPE_CHECKING:
    from graphstore.graphsink import GraphSink

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
_VOCAB_HASH_GRAPH = "https://w3id.org/citykg/graph/build"


@dataclass(frozen=True)
class FileProblem:
    """A file that was not loaded, and why."""

    path: str
    problem: str


@dataclass
class BuildReport:
    """What a build did: documents loaded, triples written, facts per kind, problems, seconds."""

    documents: int = 0
    triples: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    problems: list[FileProblem] = field(default_factory=list)
    seconds: float = 0.0
    loaded: list[str] = field(default_factory=list)
    unchanged: int = 0
    reused: int = 0
    mirror: dict[str, object] | None = None
    mirror_error: str | None = None

    def as_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "documents": self.documents,
            "unchanged": self.unchanged,
            "reused": self.reused,
            "triples": self.triples,
            "facts": dict(sorted(self.facts.items())),
            "problems": [{"path": p.path, "problem": p.problem} for p in self.problems],
            "seconds": round(self.seconds, 3),
        }


def expand_paths(paths: Iterable[Path]) -> Iterator[Path | FileProblem]:
    """Yield the document files under `paths` (folders are walked, sorted), or a problem for a missing path."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif path.exists():
            yield path
        else:
            yield FileProblem(str(path), f"{path}: no such file or folder")


def ensure_vocabularies(store: RdfStore) -> bool:
    """Load the ontology, schemes and gazetteer graphs when they are missing or changed; return whether it did."""
    stamp = vocabulary_stamp()
    rows = store.select(
        f"SELECT ?stamp WHERE {{ GRAPH <{_VOCAB_HASH_GRAPH}> {{ ?s <urn:citykg:vocabularies> ?stamp }} }}"
    )
    if [r["stamp"] for r in rows] == [stamp]:
        return False
    graphs = vocabulary_graphs()

    for iri, quads in graphs.items():
        store.replace_graph(iri, quads)
    store.replace_graph(_VOCAB_HASH_GRAPH, [_stamp_quad(stamp)])
    return True


def _stamp_quad(stamp: str) -> Quad:
    """Return the quad that records which vocabularies the store holds (see ensure_vocabularies)."""
    graph = NamedNode(_VOCAB_HASH_GRAPH)
    return Quad(graph, NamedNode("urn:citykg:vocabularies"), Literal(stamp), graph)


def _graphs_named(store: RdfStore, name: str) -> list[str]:
    """Return the document graphs holding a file called `name`, sorted.

    The file name is written into the query as a literal rather than bound as a parameter:
    Oxigraph then answers it from its object index instead of scanning every document
    (issue 12: 5 ms per file at 1,000 documents, 80 ms at 10,000).
    """
    rows = store.select(
        f"PREFIX ck: <https://w3id.org/citykg/ontology#> "
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d a ck:Document ; ck:fileName {Literal(name)} }} }}"
    )
    return sorted(g for r in rows if (g := r["g"]) and doc_id_of_graph(g) is not None)  # not the facts graph


def superseded_graphs(store: RdfStore, document: Document) -> list[str]:
    """Return graphs of earlier versions of the same file (same file name, other text)."""
    return [g for g in _graphs_named(store, document.name) if g != document_graph(document.id).value]


def is_loaded(store: RdfStore, document: Document) -> bool:
    """Return whether `document` is in the store as it is now, under its file name: loading it again changes nothing."""
    return _graphs_named(store, document.name) == [document_graph(document.id).value]


def load_extraction(store: RdfStore, extraction: Extraction) -> int:
    """Write one document's graph, replacing it and any earlier version of the same file; return triples."""
    graph = document_graph(extraction.document.id).value
    return store.replace_graph(
        graph, document_quads(extraction), superseded=superseded_graphs(store, extraction.document)
    )


def build(
    paths: Iterable[Path],
    store: RdfStore,
    *,
    max_bytes: int = 20 * 1024 * 1024,
    on_file: Callable[[Path | FileProblem], None] | None = None,
    rebuild: bool = False,
    reuse: bool = True,
    workers: int | None = None,
    mirror: GraphSink | None = None,
) -> BuildReport:
    """Read, extract and load every document under `paths`; return what happened.

    By default each document replaces its own graph (and an earlier version of the same
    file), leaving other documents alone; a file already loaded with the same text is
    skipped without being extracted again, so building an unchanged folder writes nothing.
    New documents are written many per transaction. With `rebuild`, the whole store is
    replaced by these documents through Oxigraph's bulk loader into a fresh folder that is
    swapped in only when complete, so an interrupted rebuild leaves the previous graph intact;
    with `reuse`, a document the embedded store holds as this extractor read it (same text, file
    name and metadata) keeps its graph instead of being extracted again (``report.reused``).
    Documents are extracted on `workers` processes (default: one per core the process may
    use) when there are many. With a `mirror`, each document's projection is written to it
    from the quads in hand (``report.mirror``); a mirror that fails does not stop the build.
    """
    started = time.perf_counter()
    report = BuildReport()
    workers = len(os.sched_getaffinity(0)) if workers is None else workers
    items = list(expand_paths(paths))
    files = sum(isinstance(item, Path) for item in items)
    feed = MirrorFeed(mirror, clear=rebuild) if mirror is not None else None
    with ExtractionPool(max(1, workers)) as pool:
        serial = workers <= 1 or files < _PARALLEL_FROM
        extract_all = (lambda docs: map(extract, docs)) if serial else pool.extract_all
        if rebuild:
            documents = _documents(items, report, max_bytes=max_bytes, on_file=on_file)
            # Only the embedded store is read while the new one is written: a remote store's
            # rebuild is one streamed request, which must not wait on reads of the same server.
            kept = _Kept(store, report, on_file) if reuse and isinstance(store, Store) else None
            if kept is not None:
                documents = kept.to_extract(documents)
            extractions = _counted(extract_all(documents), report, on_file)
            try:
                if isinstance(store, Store) and store.keeps_rows:
                    # each graph is projected once, for the mirror and the rows kept beside the store
                    projections: dict[str, Projection] = {}
                    quads = _all_quads(extractions, report, feed, kept, projections)
                    store.bulk_rebuild(quads, projections=projections)
                else:
                    store.bulk_rebuild(_all_quads(extractions, report, feed, kept, None))
            finally:
                if kept is not None:
                    kept.close()
        else:
            ensure_vocabularies(store)
            if feed is not None:
                feed.follow_vocabularies(store)
            documents = _documents(items, report, max_bytes=max_bytes, on_file=on_file, store=store)
            _DocumentWriter(store, report, feed).write_all(_counted(extract_all(documents), report, on_file))
    if feed is not None:
        try:
            report.mirror = feed.finish(store).as_dict()
        except MirrorFailed as error:
            report.mirror_error = str(error)
    report.seconds = time.perf_counter() - started
    return report


# Below this many files a process pool costs more (start-up, the word model per process) than it saves.
_PARALLEL_FROM = 16
# New documents written per transaction: large enough that a write costs little per document,
# small enough that a build shows its progress in the store as it goes.
_DOCUMENTS_PER_WRITE = 64


def _documents(
    items: list[Path | FileProblem],
    report: BuildReport,
    *,
    max_bytes: int,
    on_file: Callable[[Path | FileProblem], None] | None,
    store: RdfStore | None = None,
) -> Iterator[Document]:
    """Yield the readable documents of `items`, skipping those `store` has as they are; record the rest in `report`."""
    for item in items:
        try:
            if isinstance(item, FileProblem):
                report.problems.append(item)
            else:
                document = read_document(item, max_bytes=max_bytes)
                if store is not None and is_loaded(store, document):
                    report.unchanged += 1
                else:
                    yield document
                    continue  # counted when its extraction is in hand
        except DocumentError as error:
            report.problems.append(FileProblem(str(item), str(error)))
        if on_file:
            on_file(item)


def _counted(
    extractions: Iterable[Extraction],
    report: BuildReport,
    on_file: Callable[[Path | FileProblem], None] | None,
) -> Iterator[Extraction]:
    """Yield `extractions`, counting each document and its facts in `report` and reporting progress."""
    for extraction in extractions:
        report.documents += 1
        report.loaded.append(extraction.document.id)
        report.facts.update(extraction.counts())
        yield extraction
        if on_file:
            on_file(Path(extraction.document.name))


class _DocumentWriter:
    """Writes extractions to the store: new documents many per transaction, changed ones one by one."""

    def __init__(self, store: RdfStore, report: BuildReport, feed: MirrorFeed | None) -> None:
        self.store = store
        self.report = report
        self.feed = feed
        self._new: list[tuple[Extraction, list[Quad]]] = []

    def write_all(self, extractions: Iterable[Extraction]) -> None:
        for extraction in extractions:
            self.write(extraction)
        self.flush()

    def write(self, extraction: Extraction) -> None:
        document = extraction.document
        # A second file of this name or text in the same batch must see the first one written.
        if any(e.document.name == document.name or e.document.id == document.id for e, _ in self._new):
            self.flush()
        graph = document_graph(document.id).value
        quads = document_quads(extraction)
        superseded = superseded_graphs(self.store, document)
        if superseded or self.store.count(graph):
            self.report.triples += self.store.replace_graph(graph, quads, superseded=superseded)
            if self.feed is not None:
                self.feed.add(document.id, quads, superseded=superseded)
            return
        self._new.append((extraction, quads))
        if len(self._new) >= _DOCUMENTS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        batch, self._new = self._new, []
        if not batch:
            return
        made: dict[str, Projection] = {}
        if self.feed is not None and isinstance(self.store, Store) and self.store.keeps_rows:
            # each graph is projected once, for the mirror and the rows kept beside the store
            for extraction, quads in batch:
                graph = document_graph(extraction.document.id).value
                made[graph] = project_triples(graph, {q.triple for q in quads})
            self.store.add_graphs((q for _, quads in batch for q in quads), projections=dict(made))
        else:
            self.store.add_graphs(q for _, quads in batch for q in quads)
        for extraction, quads in batch:
            self.report.triples += len(set(quads))
            if self.feed is not None:
                graph = document_graph(extraction.document.id).value
                self.feed.add(extraction.document.id, quads, projection=made.get(graph))


def _all_quads(
    extractions: Iterable[Extraction],
    report: BuildReport,
    feed: MirrorFeed | None,
    kept: _Kept | None,
    projections: dict[str, Projection] | None,
) -> Iterator[Quad]:
    """Yield the vocabulary graphs, their stamp and every document's graph, for a bulk rebuild.

    With ``projections``, each document's projection goes there before its quads are yielded: the
    one kept beside the store for a graph kept as it was, else the one made for the mirror.
    """
    graphs = {iri: list(quads) for iri, quads in vocabulary_graphs().items()}
    graphs[_VOCAB_HASH_GRAPH] = [_stamp_quad(vocabulary_stamp())]
    if feed is not None:
        feed.add_vocabularies(graphs)
    for quads in graphs.values():
        yield from quads

    def written(doc_id: str, quads: list[Quad], projection: Projection | None = None) -> list[Quad]:
        report.triples += len(set(quads))
        if projection is None and feed is not None and projections is not None:
            projection = project_triples(document_graph(doc_id).value, {q.triple for q in quads})
        if feed is not None:
            feed.add(doc_id, quads, projection=projection)
        if projection is not None and projections is not None:
            projections[projection.graph] = projection
        return quads

    for extraction in extractions:
        if kept is not None:
            for doc_id, quads, projection in kept.drain():
                yield from written(doc_id, quads, projection)
        yield from written(extraction.document.id, document_quads(extraction))
    if kept is not None:
        for doc_id, quads, projection in kept.drain():
            yield from written(doc_id, quads, projection)


class _Kept:
    """The documents a rebuild takes over from the store as they are: same text, same file name, title,
    source, author and date, read by this version of the extractor. Their graphs are copied instead of
    extracted again, so rebuilding an unchanged folder costs the writing, not the reading (issue 12).
    """

    def __init__(
        self, store: Store, report: BuildReport, on_file: Callable[[Path | FileProblem], None] | None
    ) -> None:
        self.store = store
        self.report = report
        self.on_file = on_file
        self.headers = _kept_headers(store)
        self.seen: set[str] = set()
        self.waiting: deque[tuple[str, str]] = deque()
        # the rows kept beside the store for its graphs, taken over with them (opened before the
        # rebuild takes the store's lock)
        self.rows = store.kept_projections()

    def close(self) -> None:
        """Close the kept rows."""
        self.rows.close()

    def to_extract(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Yield the documents that must be extracted; hold back those whose graph is kept."""
        for document in documents:
            graph = document_graph(document.id).value
            first = document.id not in self.seen
            self.seen.add(document.id)
            # A second file with the same text adds to the same graph: it is read as before.
            if first and self.headers.get(graph) == document_header(document):
                self.waiting.append((document.id, document.name))
            else:
                yield document

    def drain(self) -> Iterator[tuple[str, list[Quad], Projection | None]]:
        """Yield the id, quads and kept projection (if any) of each document held back so far,
        counting it in the report."""
        while self.waiting:
            doc_id, name = self.waiting.popleft()
            graph = document_graph(doc_id).value
            quads = self.store.graph_quads(graph)
            projection = self.rows.read([graph])[0] if graph in self.rows.graphs else None
            self.report.documents += 1
            self.report.reused += 1
            self.report.loaded.append(doc_id)
            self.report.facts.update(fact_counts(quads))
            yield doc_id, quads, projection
            if self.on_file:
                self.on_file(Path(name))


def _kept_headers(store: RdfStore) -> dict[str, tuple[str, str | None, str | None, str | None, str | None]]:
    """Return, per document graph this extractor version wrote, what it says of the file (`document_header`)."""
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> PREFIX dct: <http://purl.org/dc/terms/> "
        "SELECT ?g ?name ?title ?source ?creator ?date WHERE { GRAPH ?g { "
        f"?d a ck:Document ; ck:extractorVersion {Literal(extractor_version())} ; ck:fileName ?name "
        "OPTIONAL { ?d dct:title ?title } OPTIONAL { ?d dct:source ?source } "
        "OPTIONAL { ?d dct:creator ?creator } OPTIONAL { ?d dct:date ?date } } }"
    )
    headers: dict[str, tuple[str, str | None, str | None, str | None, str | None]] = {}
    twice: set[str] = set()
    for r in rows:
        graph, name = r["g"], r["name"]
        if graph is None or name is None or doc_id_of_graph(graph) is None:
            continue
        if graph in headers:
            twice.add(graph)  # two files with one text, or two titles: read again
        headers[graph] = (name, r["title"], r["source"], r["creator"], r["date"])
    return {g: h for g, h in headers.items() if g not in twice}


class UnknownDocument(LookupError):
    """No loaded document has this id, file name or path."""


def find_documents(store: RdfStore, ref: str) -> list[str]:
    """Return the graph IRIs of the documents `ref` names: a document id, a file name or a path."""
    name = Path(ref).name
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> "
        "SELECT ?g ?name WHERE { GRAPH ?g { ?d a ck:Document ; ck:fileName ?name } }"
    )
    return sorted(
        {
            r["g"]  # type: ignore[misc]
            for r in rows
            if r["g"]
            and doc_id_of_graph(r["g"]) is not None
            and (doc_id_of_graph(r["g"]) == ref or r["name"] == name)
        }
    )


def remove_document(store: RdfStore, ref: str) -> int:
    """Remove exactly the facts of the document `ref` names; return the number of quads removed."""
    graphs = find_documents(store, ref)
    if not graphs:
        raise UnknownDocument(
            f"no loaded document is called {ref!r} (give a document id, a file name or a path)"
        )
    return sum(store.remove_graph(g) for g in graphs)
