"""Graph versions: a content hash of the loaded documents, and the log of the builds that changed it.

The log is ``versions.jsonl`` in the data folder, one JSON object per change: when, what did it
(build, rebuild, ingest, remove), the documents added, changed (same file name, new text) and
removed, and the graph version before and after. ``GET /versions`` and ``citykg versions`` read
it; the hash is the ``graph_version`` every analytics answer and export carries.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from app.stores import RdfStore
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
    """Return the graph version of what ``store`` holds now."""
    return content_hash(d for g in store.graph_iris() if (d := doc_id_of_graph(g)))


def _documents(store: RdfStore) -> dict[str, str]:
    """Return {document id: file name} of every loaded document."""
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> "
        "SELECT ?g ?name WHERE { GRAPH ?g { ?d a ck:Document ; ck:fileName ?name } }"
    )
    return {d: r["name"] or "" for r in rows if r["g"] and (d := doc_id_of_graph(r["g"]))}


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


def read_log(folder: Path) -> list[dict[str, Any]]:
    """Return the recorded versions in ``folder``'s log, oldest first."""
    path = folder / LOG_NAME
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@contextmanager
def recording(store: RdfStore, folder: Path, action: str) -> Iterator[None]:
    """Log a version in ``folder`` when the documents of ``store`` differ after the block from before it."""
    with _LOCK:
        before = _documents(store)
        yield
        change = change_record(before, _documents(store))
        if change is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        number = len(read_log(folder)) + 1
        when = datetime.now(UTC).isoformat(timespec="seconds")
        record = {"version": number, "time": when, "action": action, **change}
        with (folder / LOG_NAME).open("a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")


def with_record(
    store: RdfStore, folder: Path, action: str, change: Callable[..., T], /, *args: Any, **kw: Any
) -> T:
    """Return ``change(*args, **kw)``, logging the version it made (for a worker thread)."""
    with recording(store, folder, action):
        return change(*args, **kw)
