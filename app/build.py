"""Building the graph: files → extraction → one named graph per document in the store.

A file that cannot be read is reported by name and skipped; the rest of the batch
still loads (DESIGN.md decision 7). Each document replaces its graph atomically.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from app.stores import RdfStore
from loaders.documents import DocumentError, read_document
from loaders.extract import extract
from loaders.rdf import doc_id_of_graph, document_graph, document_quads, vocabulary_graphs, vocabulary_stamp
from loaders.records import Document, Extraction

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

    def as_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "documents": self.documents,
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


def superseded_graphs(store: RdfStore, document: Document) -> list[str]:
    """Return graphs of earlier versions of the same file (same file name, other text)."""
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> "
        "SELECT ?g ?name WHERE { GRAPH ?g { ?d a ck:Document ; ck:fileName ?name } }",
        name=document.name,
    )
    return [r["g"] for r in rows if r["g"] and r["g"] != document_graph(document.id).value]


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
    workers: int | None = None,
) -> BuildReport:
    """Read, extract and load every document under `paths`; return what happened.

    By default each document replaces its own graph (and an earlier version of the same
    file) in one transaction, leaving other documents alone. With `rebuild`, the whole store
    is replaced by these documents through Oxigraph's bulk loader into a fresh folder that is
    swapped in only when complete, so an interrupted rebuild leaves the previous graph intact.
    Documents are extracted on `workers` processes (default: one per core) when there are many.
    """
    started = time.perf_counter()
    report = BuildReport()
    workers = (os.cpu_count() or 1) if workers is None else workers
    extractions = _extractions(paths, report, max_bytes=max_bytes, on_file=on_file, workers=workers)
    if rebuild:
        store.bulk_rebuild(_all_quads(extractions, report))
    else:
        ensure_vocabularies(store)
        for extraction in extractions:
            report.triples += load_extraction(store, extraction)
    report.seconds = time.perf_counter() - started
    return report


# Below this many files a process pool costs more (start-up, the word model per process) than it saves.
_PARALLEL_FROM = 16


def _read_and_extract(path: Path, max_bytes: int) -> Extraction | FileProblem:
    """Return the extraction of the document at `path`, or the problem that stopped it."""
    try:
        return extract(read_document(path, max_bytes=max_bytes))
    except DocumentError as error:
        return FileProblem(str(path), str(error))


def _extracted(
    items: list[Path | FileProblem], *, max_bytes: int, workers: int
) -> Iterator[Extraction | FileProblem]:
    """Yield, in order, each file's extraction or problem; many files are read on `workers` processes.

    Extraction is CPU-bound (the word model is most of it), so a build uses every core. Workers are
    started with forkserver, not fork: the parent holds the store's threads and the query workers.
    """
    files = [item for item in items if isinstance(item, Path)]
    if workers <= 1 or len(files) < _PARALLEL_FROM:
        for item in items:
            yield item if isinstance(item, FileProblem) else _read_and_extract(item, max_bytes)
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        done = pool.map(_read_and_extract, files, itertools.repeat(max_bytes), chunksize=4)
        for item in items:
            yield item if isinstance(item, FileProblem) else next(done)


def _extractions(
    paths: Iterable[Path],
    report: BuildReport,
    *,
    max_bytes: int,
    on_file: Callable[[Path | FileProblem], None] | None,
    workers: int = 1,
) -> Iterator[Extraction]:
    """Yield the extraction of each readable document, recording problems and counts in `report`."""
    items = list(expand_paths(paths))
    for item, result in zip(items, _extracted(items, max_bytes=max_bytes, workers=workers), strict=True):
        if isinstance(result, FileProblem):
            report.problems.append(result)
        else:
            report.documents += 1
            report.loaded.append(result.document.id)
            report.facts.update(result.counts())
            yield result
        if on_file:
            on_file(item)


def _all_quads(extractions: Iterable[Extraction], report: BuildReport) -> Iterator[Quad]:
    """Yield the vocabulary graphs, their stamp and every document's graph, for a bulk rebuild."""
    for quads in vocabulary_graphs().values():
        yield from quads
    yield _stamp_quad(vocabulary_stamp())
    for extraction in extractions:
        quads = document_quads(extraction)
        report.triples += len(quads)
        yield from quads


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
        {r["g"] for r in rows if r["g"] and (doc_id_of_graph(r["g"]) == ref or r["name"] == name)}  # type: ignore[misc]
    )


def remove_document(store: RdfStore, ref: str) -> int:
    """Remove exactly the facts of the document `ref` names; return the number of quads removed."""
    graphs = find_documents(store, ref)
    if not graphs:
        raise UnknownDocument(
            f"no loaded document is called {ref!r} (give a document id, a file name or a path)"
        )
    return sum(store.remove_graph(g) for g in graphs)
