"""The one RDF store interface: the embedded Oxigraph store and a remote SPARQL 1.1 endpoint both fit it.

The API, the CLI, the build and the REST resources are written against
:class:`RdfStore` and never learn which engine answers; :func:`open_store` picks
one from the settings (DESIGN.md decision 4: embedded by default, a real server
when one machine is not enough).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, Protocol, runtime_checkable

import pyoxigraph as ox

from graphstore.sparql import QueryResult

if TYPE_CHECKING:
    from app.settings import Settings

__all__ = ["ExportFormat", "RdfStore", "open_store"]

ExportFormat = Literal["nq", "trig", "ttl", "jsonld"]


@runtime_checkable
class RdfStore(Protocol):
    """Named graphs, one per source document, replaced whole; read with SPARQL under a time limit.

    The default graph of a query is the union of all named graphs. Writes replace or drop
    one graph at a time in one transaction, so readers see the old graph or the new one.
    """

    @property
    def path(self) -> Path | None:
        """Return the local folder of the store, None when it has none (in memory or remote)."""
        ...

    @property
    def version(self) -> int:
        """Return a number that changes whenever the store's content does (caches key on it)."""
        ...

    @property
    def content_stamp(self) -> str | None:
        """Return a token that changes with the content across processes and restarts, or None (not kept)."""
        ...

    def replace_graph(
        self, graph_iri: str, quads: Iterable[ox.Quad | ox.Triple], *, superseded: Iterable[str] = ()
    ) -> int:
        """Return the number of triples now in ``graph_iri`` after replacing it (and dropping ``superseded``)."""
        ...

    def add_graphs(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads of named graphs the store does not have yet, all in one transaction."""
        ...

    def remove_graph(self, graph_iri: str) -> int:
        """Return the number of quads removed with named graph ``graph_iri``."""
        ...

    def graph_triples(self, graph_iri: str) -> list[ox.Triple]:
        """Return the triples of named graph ``graph_iri`` (none when it is absent)."""
        ...

    def graph_iris(self) -> list[str]:
        """Return the IRIs of the named graphs, sorted."""
        ...

    def count(self, graph_iri: str | None = None) -> int:
        """Return the number of quads in the store, or in named graph ``graph_iri``."""
        ...

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
    ) -> QueryResult:
        """Return the serialised result of a read-only query (updates and SERVICE are refused)."""
        ...

    def select(self, sparql: str, /, **params: Any) -> list[dict[str, str | None]]:
        """Return the rows of a SELECT query as plain values, with ``params`` bound to variables."""
        ...

    def construct(self, sparql: str, /, **params: Any) -> list[ox.Triple]:
        """Return the triples of a CONSTRUCT or DESCRIBE query, with ``params`` bound to variables."""
        ...

    def bulk_rebuild(self, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Return the number of quads after replacing the whole store with ``quads``."""
        ...

    def export(self, fmt: ExportFormat, out: BinaryIO) -> None:
        """Write every named graph to ``out`` as N-Quads, TriG or JSON-LD, or their union as Turtle."""
        ...

    def close(self) -> None:
        """Release what the store holds (worker processes, locks, connections)."""
        ...

    def __enter__(self) -> RdfStore: ...

    def __exit__(self, *exc: object) -> None: ...


def open_store(settings: Settings, *, workers: int | None = None) -> RdfStore:
    """Return the store the settings name: the remote endpoint if ``sparql_query_url`` is set, else Oxigraph.

    ``workers`` query processes serve time-limited queries on the embedded store
    (default ``settings.query_workers``); a remote store needs none.
    """
    if settings.sparql_query_url:
        from graphstore.remote_store import RemoteStore

        return RemoteStore.from_settings(settings)
    from graphstore.store import Store

    return Store.open(settings.store_path, workers=settings.query_workers if workers is None else workers)
