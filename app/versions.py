"""Graph versions: a content hash of the loaded documents, and the log of the builds that changed it.

The log is ``versions.jsonl`` beside the store's folder (the data folder; for a remote store the
data folder; in memory for an in-memory store), one JSON object per change: when, what did it
(build, rebuild, ingest, remove), the documents added, changed (same file name, new text) and
removed, and the graph version before and after. ``GET /versions`` and ``citykg versions`` read
it; the hash is the ``graph_version`` every analytics answer and export carries.
"""

from __future__ import annotations

import hashlib
import json
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from app.saved import load, save
from graphstore.store import Store
from graphstore.stores import RdfStore
from loaders.rdf import doc_id_of_graph

__all__ = [
    "LOG_NAME",
    "change_record",
    "content_hash",
    "current_version",
    "read_log",
    "recording",
    "with_record",
]

LOG_NAME = "versions.jsonl"
T = TypeVar("T")
# Writes to one store are serialised anyway; holding this lock around a change keeps its
# before/after snapshots from taking in another request's document.
_LOCK = threading.Lock()
# Every list answer names the version; listing the graphs (a request for a remote store) once per write is enough.
_CURRENT: weakref.WeakKeyDictionary[RdfStore, tuple[int, str]] = weakref.WeakKeyDictionary()
_MEMORY: weakref.WeakKeyDictionary[RdfStore, list[dict[str, Any]]] = weakref.WeakKeyDictionary()
# {document id: file name} as of a store version, so a write lists only what it changed.
_KEPT = "documents"
_DOCUMENTS: weakref.WeakKeyDictionary[RdfStore, tuple[int, dict[str, str]]] = weakref.WeakKeyDictionary()
# The file names of the documents in one graph (<iri>) or in every graph (?g).
_FILE_NAMES = (
    "PREFIX ck: <https://w3id.org/citykg/ontology#> "
    "SELECT ?g ?name WHERE {{ GRAPH {graph} {{ ?d a ck:Document ; ck:fileName ?name }} }}"
)


def content_hash(doc_ids: Iterable[str]) -> str:
    """Return the graph version of a set of documents: SHA-256 (16 hex digits) of their sorted ids.

    Document ids are hashes of cleaned text, so the same documents give the same version anywhere.

    >>> content_hash(["b", "a"]) == content_hash(["a", "b"]) != content_hash(["a"])
    True
    >>> len(content_hash([]))
    16
    """
    return hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:16]


def current_version(store: RdfStore) -> str:
    """Return the graph version of what ``store`` holds now (listed once per store version)."""
    seen = _CURRENT.get(store)
    if seen is not None and seen[0] == store.version:
        return seen[1]
    version = store.version
    value = content_hash(d for g in store.graph_iris() if (d := doc_id_of_graph(g)))
    _CURRENT[store] = (version, value)
    return value


def _documents(store: RdfStore) -> dict[str, str]:
    """Return {document id: file name} of every loaded document (read once per store version)."""
    version = store.version
    seen = _DOCUMENTS.get(store)
    if seen is not None and seen[0] == version:
        return seen[1]
    stamp = store.content_stamp  # read before the content: see app/saved.py
    documents = load(store, _KEPT, dict)
    if documents is None:
        rows = store.select(_FILE_NAMES.format(graph="?g"))
        documents = {d: r["name"] or "" for r in rows if r["g"] and (d := doc_id_of_graph(r["g"]))}
        save(store, _KEPT, documents, stamp)
    _DOCUMENTS[store] = (version, documents)
    return documents


def _documents_since(store: RdfStore, before: dict[str, str]) -> dict[str, str]:
    """Return {document id: file name} now, reading the names only of documents not in ``before``.

    Listing every document's name took 12 s at 100,000 documents, twice for each ingest
    (issue 12); the graphs' names are listed in about a tenth of that, and a write adds or
    removes a few of them.
    """
    version = store.version
    stamp = store.content_stamp
    graphs = {d: g for g in store.graph_iris() if (d := doc_id_of_graph(g))}
    new = graphs.keys() - before.keys()
    if len(new) > max(100, len(before) // 10):
        return _documents(store)  # a build of many documents: one query reads them all
    documents = {d: name for d, name in before.items() if d in graphs}
    for doc in sorted(new):
        rows = store.select(_FILE_NAMES.format(graph=f"<{graphs[doc]}>"))
        if rows:
            documents[doc] = rows[0]["name"] or ""
    _DOCUMENTS[store] = (version, documents)
    # kept beside the store too, so the first write after a start-up need not list them all
    save(store, _KEPT, documents, stamp)
    return documents


def change_record(before: dict[str, str], after: dict[str, str]) -> dict[str, Any] | None:
    """Return what changed between two {id: name} snapshots (None when nothing did).

    A new id under the name of a removed one is that document changed.

    >>> change_record({"a1": "x.txt", "b": "y.txt"}, {"a2": "x.txt", "b": "y.txt", "c": "z.txt"})["changed"]
    [{'id': 'a2', 'name': 'x.txt', 'replaces': 'a1'}]
    >>> change_record({"a": "x.txt"}, {"a": "x.txt"}) is None
    True
    """
    if before.keys() == after.keys():
        return None
    gone = {before[d]: d for d in sorted(before.keys() - after.keys())}
    added: list[dict[str, str]] = []
    changed: list[dict[str, str]] = []
    for doc in sorted(after.keys() - before.keys(), key=lambda d: (after[d], d)):
        old = gone.pop(after[doc], None)
        entry = {"id": doc, "name": after[doc]}
        (changed if old else added).append({**entry, "replaces": old} if old else entry)
    removed = [{"id": d, "name": n} for n, d in sorted(gone.items())]
    return {
        "added": added,
        "changed": changed,
        "removed": removed,
        "documents": len(after),
        "graph_version_before": content_hash(before),
        "graph_version": content_hash(after),
    }


def _log_path(store: RdfStore, data_dir: Path) -> Path | None:
    """Return where ``store``'s log lives: beside its folder, in ``data_dir`` for a remote store, None in memory."""
    if store.path is not None:
        return store.path.parent / LOG_NAME
    # An embedded store without a folder lives in memory, and so does its log.
    return None if isinstance(store, Store) else data_dir / LOG_NAME


_READ: dict[tuple[str, int, int], list[dict[str, Any]]] = {}


def read_log(store: RdfStore, data_dir: Path) -> list[dict[str, Any]]:
    """Return the recorded versions of ``store``, oldest first (``data_dir``: the settings' data folder)."""
    path = _log_path(store, data_dir)
    if path is None:
        return list(_MEMORY.get(store, []))
    try:
        stat = path.stat()
    except FileNotFoundError:
        return []
    stamp = (str(path), stat.st_mtime_ns, stat.st_size)
    kept = _READ.get(stamp)
    if kept is None:
        # Parsed once per state of the file: a build's line lists every document it added.
        with path.open(encoding="utf-8") as lines:
            kept = [json.loads(line) for line in lines if line.strip()]
        _READ.clear()
        _READ[stamp] = kept
    return [dict(record) for record in kept]


@contextmanager
def recording(store: RdfStore, data_dir: Path, action: str) -> Iterator[None]:
    """Log a version of ``store`` when its documents differ after the block from before it."""
    with _LOCK:
        before = _documents(store)
        yield
        change = change_record(before, _documents_since(store, before))
        if change is None:
            return
        number = len(read_log(store, data_dir)) + 1
        when = datetime.now(UTC).isoformat(timespec="seconds")
        record = {"version": number, "time": when, "action": action, **change}
        path = _log_path(store, data_dir)
        if path is None:
            _MEMORY.setdefault(store, []).append(record)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")


def with_record(
    store: RdfStore, data_dir: Path, action: str, change: Callable[..., T], /, *args: Any, **kw: Any
) -> T:
    """Return ``change(*args, **kw)``, logging the version it made (for a worker thread)."""
    with recording(store, data_dir, action):
        return change(*args, **kw)
