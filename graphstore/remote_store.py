"""A remote SPARQL 1.1 store (Fuseki, Virtuoso, GraphDB) behind the same interface as the embedded Oxigraph.

Reads go to the query endpoint as ``query=`` forms only: a user's text is never
sent to the update endpoint, and it passes the same parse-based checks as on the
embedded store first. The time limit is the HTTP client's: the read timeout stops
a query the server has not answered, and a deadline is checked between result rows.
Writes are one SPARQL Update request (or one Graph Store Protocol ``PUT``) per
document, which the server applies in one transaction.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import itertools
import re
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import httpx
import pyoxigraph as ox

from graphstore.document_counts import COUNTS_MISSING, count_update
from graphstore.facts import FACTS_GRAPH, fill_update, forget_update, learn_update, replace_update
from graphstore.sparql import (
    BOOLEAN,
    GRAPH,
    PREFIXES,
    QUERY_PREFIXES,
    SOLUTIONS,
    MalformedQuery,
    QueryFailed,
    QueryRequest,
    QueryResult,
    QueryTimeout,
    StoreUnavailable,
    as_term,
    check_query,
    mask_non_code,
    serialize_result,
)
from graphstore.store import ForeignQuad
from graphstore.stores import ExportFormat
from loaders.rdf import BASE

if TYPE_CHECKING:
    from app.settings import Settings

__all__ = ["RemoteStore", "StoreMisconfigured", "StoreReadOnly", "bind_values"]

# Another process's write is seen within this many seconds; this process's own writes at once.
_VERSION_TTL_S = 1.0
# What changes when any citykg process writes: document graphs are named by the hash of their text,
# so a changed document changes the set of graph names, and the vocabularies carry a stamp (graphstore.build).
# The store may hold an institution's other data (and Virtuoso its own system graphs): citykg
# lists, counts, exports and replaces only the graphs it names, all under this prefix.
OWN_GRAPHS = f"{BASE}graph/"
_OURS = f'FILTER(STRSTARTS(STR(?g), "{OWN_GRAPHS}"))'
_FINGERPRINT = """SELECT DISTINCT ?g ?stamp WHERE {{
  {{ GRAPH ?g {{ {any} }} {ours} }} UNION {{ GRAPH <{build}> {{ ?s <urn:citykg:vocabularies> ?stamp }} }}
}}"""
_CONNECT_S = 5.0
# A whole document graph or a rebuild can take the server longer to apply than a query may run.
_WRITE_S = 600.0
# Triples in one SPARQL update: Virtuoso 7's compiler runs out of memory at about 5,000 lines.
_UPDATE_TRIPLES = 2_000
# Asked by the kind of query: Virtuoso 7 answers a CONSTRUCT in a results table if the table is acceptable.
_ACCEPT = {
    SOLUTIONS: "application/sparql-results+json",
    BOOLEAN: "application/sparql-results+json",
    GRAPH: "application/n-triples",
}
_PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in QUERY_PREFIXES.items())
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_GROUP = re.compile(r"\{")
_NAMES_GRAPHS = re.compile(r"\b(?:FROM|GRAPH)\b", re.IGNORECASE)


class StoreReadOnly(StoreUnavailable):
    """The remote store was configured without an update endpoint, so it cannot be written."""


class StoreMisconfigured(StoreUnavailable):
    """The remote store's default graph is not the union of its named graphs."""


def bind_values(sparql: str, params: dict[str, Any]) -> str:
    """Return ``sparql`` with ``params`` bound through a VALUES block that opens its WHERE clause.

    Values are serialised terms, never pasted text (see ``as_term``). Without a WHERE
    keyword the block opens the first group, which every SPARQL 1.1 store accepts
    (Virtuoso 7 refuses a VALUES block trailing the query).

    >>> bind_values("SELECT ?g WHERE { GRAPH ?g { ?d ck:fileName ?name } }", {"name": 'a"b.txt'})
    'SELECT ?g WHERE { VALUES (?name) { ("a\\\\"b.txt") } GRAPH ?g { ?d ck:fileName ?name } }'
    >>> bind_values("ASK { ?s ?p ?o }", {"s": "https://w3id.org/citykg/place/321000"})
    'ASK { VALUES (?s) { (<https://w3id.org/citykg/place/321000>) } ?s ?p ?o }'
    """
    if not params:
        return sparql
    names = " ".join(f"?{name}" for name in params)
    row = " ".join(str(as_term(value)) for value in params.values())
    masked = mask_non_code(sparql)
    where = _WHERE.search(masked) or _GROUP.search(masked)
    if where is None:
        raise MalformedQuery("a query with parameters needs a WHERE clause to bind them in")
    return f"{sparql[: where.end()]} VALUES ({names}) {{ ({row}) }}{sparql[where.end() :]}"


class _Body(io.RawIOBase):
    """A file over an HTTP response's chunks, so pyoxigraph parses results while they arrive."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._rest = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._rest:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._rest = chunk
        size = min(len(buffer), len(self._rest))
        buffer[:size] = self._rest[:size]
        self._rest = self._rest[size:]
        return size


class RemoteStore:
    """Named graphs in a SPARQL 1.1 store reached over HTTP; the default graph must be their union."""

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        auth: tuple[str, str] | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        self._query_url = query_url
        self._update_url = update_url
        self._gsp_url = gsp_url
        self._timeout_s = timeout_s
        self._client = httpx.Client(
            auth=httpx.BasicAuth(*auth) if auth else None,
            timeout=httpx.Timeout(timeout_s, connect=_CONNECT_S),
            headers={"User-Agent": "citykg"},
        )
        self._lock = threading.Lock()
        self._stamp: tuple[float, int] | None = None
        self._writes = 0
        self._union_checked = False
        self._facts = (
            False  # whether the store holds the facts graph (graphstore/facts.py) to read facts from
        )
        # What a graph must hold to be listed by `GRAPH ?g { … }`: nothing (the cheap form Fuseki and
        # GraphDB answer from their graph index), unless the store needs a triple (see `_list_graphs_so`).
        self._any = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteStore:
        """Return the store at the endpoints ``settings`` name, checked to answer and to use a union default graph."""
        assert settings.sparql_query_url is not None
        password = settings.sparql_password.get_secret_value() if settings.sparql_password else ""
        store = cls(
            settings.sparql_query_url,
            update_url=settings.sparql_update_url,
            gsp_url=settings.sparql_gsp_url,
            auth=(settings.sparql_user, password) if settings.sparql_user else None,
            timeout_s=settings.query_timeout_s,
        )
        try:
            store._list_graphs_so()
            store.check_union_default_graph()
            store.add_facts_graph()
            store.add_document_counts()
        except BaseException:
            store.close()
            raise
        return store

    @property
    def path(self) -> Path | None:
        """Return None: a remote store has no local folder."""
        return None

    @property
    def content_stamp(self) -> str | None:
        """Return None: other processes write a remote store unseen, so nothing derived from it is kept on disk."""
        return None

    @property
    def endpoint(self) -> str:
        """Return the query endpoint's URL."""
        return self._query_url

    # -- reading ---------------------------------------------------------------------------------

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
        """Return the serialised result of a read-only query run by the remote store.

        Without ``timeout_s`` the store's own limit (``CITYKG_QUERY_TIMEOUT_S``) applies:
        no request waits forever. Raises what ``Store.query`` raises, and
        ``StoreUnavailable`` when the endpoint cannot be reached or fails.
        """
        request = QueryRequest(sparql=sparql, max_rows=max_rows)
        if formats is not None:
            request = dataclasses.replace(request, formats=formats)
        kind = check_query(sparql)
        form: dict[str, Any] = {"query": _PROLOGUE + bind_values(sparql, substitutions or {})}
        if default_graph_uris:
            form["default-graph-uri"] = list(default_graph_uris)
        elif self._facts and not named_graph_uris and not _NAMES_GRAPHS.search(mask_non_code(sparql)):
            # As the embedded store does: one copy of each fact. Only for a query that reads no named
            # graph, since a default-graph-uri leaves the dataset without them (SPARQL protocol).
            form["default-graph-uri"] = [FACTS_GRAPH.value]
        if named_graph_uris:
            form["named-graph-uri"] = list(named_graph_uris)
        limit_s = timeout_s if timeout_s is not None else self._timeout_s
        deadline = time.monotonic() + limit_s
        with self._exchange(
            "POST", self._query_url, limit_s, data=form, headers={"Accept": _ACCEPT[kind]}
        ) as reply:
            media_type = reply.headers.get("content-type", "").split(";")[0].strip().lower()
            body = io.BufferedReader(_Body(reply.iter_bytes()))
            results: Any
            if media_type in ("application/sparql-results+json", "application/json"):
                results = _standard_boolean(ox.parse_query_results(body, ox.QueryResultsFormat.JSON))
            elif media_type in ("application/n-triples", "text/plain"):
                results = (quad.triple for quad in ox.parse(body, ox.RdfFormat.N_TRIPLES))
            else:
                raise QueryFailed(
                    f"the SPARQL store at {self._query_url} answered in {media_type or 'no type'}"
                )
            try:
                return serialize_result(results, request, deadline=deadline, limit_s=limit_s)
            except (SyntaxError, ValueError) as error:
                raise QueryFailed(f"the SPARQL store's answer could not be read: {error}") from None

    def select(self, sparql: str, /, **params: Any) -> list[dict[str, str | None]]:
        """Return the rows of a SELECT query as plain values, with ``params`` bound to variables."""
        result = self.query(sparql, timeout_s=None, substitutions=params)
        if result.kind != "solutions":
            raise MalformedQuery(f"select() needs a SELECT query, got a {result.kind} result")
        return result.bindings()

    def construct(self, sparql: str, /, **params: Any) -> list[ox.Triple]:
        """Return the triples of a CONSTRUCT or DESCRIBE query, with ``params`` bound as in ``select``."""
        return self.query(sparql, timeout_s=None, substitutions=params, formats={GRAPH: "ntriples"}).triples()

    def graph_iris(self) -> list[str]:
        """Return the IRIs of citykg's source graphs (every graph of its own but the facts graph), sorted."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {self._any} }} {_OURS} }}")
        return sorted(g for r in rows if (g := r["g"]) and g != FACTS_GRAPH.value)

    def count(self, graph_iri: str | None = None) -> int:
        """Return the number of quads in the source graphs (not the facts graph), or in named graph ``graph_iri``."""
        if graph_iri is not None:
            rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", g=graph_iri)
        else:
            rows = self.select(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} FILTER(?g != {FACTS_GRAPH}) }}"
            )
        return int(rows[0]["n"] or 0)

    def add_facts_graph(self) -> None:
        """Build the facts graph (graphstore/facts.py) of a store written before there was one; without an update endpoint, leave it."""
        present = f"ASK {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} }}"
        if self.query(present, timeout_s=None).boolean():
            self._facts = True
            return
        if not self._update_url or not self.graph_iris():
            return
        self._update(fill_update())
        self._written()

    def add_document_counts(self) -> None:
        """Write the fact and quote counts of documents loaded before loaders/rdf.py wrote them; without an update endpoint, leave them."""
        if self._update_url and self.query(COUNTS_MISSING, timeout_s=None).boolean():
            self._update(count_update())
            self._written()

    @property
    def version(self) -> int:
        """Return a number that changes when any citykg process writes to the store (seen within a second).

        Rewriting a graph under the same name with other triples (a new extractor on the same
        text) is seen at once by the process that wrote, by others only with another change.
        """
        with self._lock:
            if self._stamp is not None and time.monotonic() - self._stamp[0] < _VERSION_TTL_S:
                return self._stamp[1]
            writes = self._writes
        rows = self.select(_FINGERPRINT.format(any=self._any, ours=_OURS, build=f"{OWN_GRAPHS}build"))
        token = ",".join(sorted(f"{r['g']}|{r['stamp']}" for r in rows)) + f"|{writes}"
        number = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=7).digest(), "big")
        with self._lock:
            self._stamp = (time.monotonic(), number)
        return number

    def _list_graphs_so(self) -> None:
        """Choose how to list named graphs: Virtuoso 7 gives no rows for ``GRAPH ?g { }``, only with a triple pattern."""
        if any(row["g"] for row in self.select("SELECT ?g WHERE { GRAPH ?g { } } LIMIT 1")):
            return
        if self.select("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"):
            self._any = "?s ?p ?o"

    def check_union_default_graph(self) -> None:
        """Raise ``StoreMisconfigured`` if a quad of a named graph is missing from the default graph.

        Every query of citykg reads the union of the document graphs as its default graph;
        Fuseki keeps them apart unless told otherwise. An empty store is checked after its first write.
        """
        # Blank nodes cannot be written in VALUES, so the sample quad has none.
        sample = self.query(
            f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} FILTER(!isBlank(?s) && !isBlank(?o)) }} LIMIT 1",
            timeout_s=None,
        )
        solutions = ox.parse_query_results(sample.body, ox.QueryResultsFormat.JSON)
        assert isinstance(solutions, ox.QuerySolutions)
        row = next(iter(solutions), None)
        if row is None:
            return
        terms = {name: row[name] for name in ("s", "p", "o")}
        if not self.query("ASK { ?s ?p ?o }", timeout_s=None, substitutions=terms).boolean():
            raise StoreMisconfigured(
                f"the default graph of {self._query_url} is not the union of its named graphs, and citykg "
                "queries that union; configure the dataset so (Fuseki TDB2: tdb2:unionDefaultGraph true, or "
                "`--set tdb2:unionDefaultGraph=true` on the command line; Virtuoso and GraphDB do so by default)"
            )
        self._union_checked = True

    # -- writing ---------------------------------------------------------------------------------

    def replace_graph(
        self, graph_iri: str, quads: Iterable[ox.Quad | ox.Triple], *, superseded: Iterable[str] = ()
    ) -> int:
        """Return the number of triples now in ``graph_iri`` after replacing it in one request.

        The new content is read completely before anything is sent, so an iterable that
        raises leaves the old graph untouched. One SPARQL update drops the old graph (and
        ``superseded`` ones), inserts the new one and keeps the facts graph (graphstore/facts.py)
        in step. Without an update endpoint, a Graph Store Protocol ``PUT`` writes the graph
        alone (no ``superseded`` graphs, no facts graph: the server's union stands for it).
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
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        old = [g for g in superseded if g != graph_iri]
        if self._gsp_url and not old and not self._update_url:
            self._put(graph_iri, body)  # no update endpoint: the facts graph cannot follow
        else:
            # A graph larger than one update may carry (the gazetteer) goes in several; documents fit in one.
            size = _UPDATE_TRIPLES
            chunks = [triples[i : i + size] for i in range(0, len(triples), size)] or [[]]
            self._update(replace_update(graph, "", old, insert=_insert(graph, chunks[0]).decode()))
            for chunk in chunks[1:]:
                self._update(_insert(graph, chunk).decode())
            if len(chunks) > 1:
                self._update(learn_update(graph))
        self._written()
        return len(set(triples))

    def add_graphs(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads of named graphs the endpoint does not have yet, and their triples to the facts graph.

        As few updates as the store's limit on one update allows (``_UPDATE_TRIPLES``): a
        graph never spans two, so each is written whole or not at all.
        """
        by_graph: dict[ox.NamedNode, list[ox.Triple]] = {}
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode) or quad.graph_name == FACTS_GRAPH:
                raise ForeignQuad(f"add_graphs writes document graphs only, not {quad.graph_name}")
            by_graph.setdefault(quad.graph_name, []).append(quad.triple)
        batch: list[str] = []
        size = 0
        for graph, triples in by_graph.items():
            if batch and size + len(triples) > _UPDATE_TRIPLES:
                self._update(" ;\n".join(batch))
                batch, size = [], 0
            batch += [_insert(graph, triples).decode(), learn_update(graph)]
            size += len(triples)
        if batch:
            self._update(" ;\n".join(batch))
        self._written()

    def graph_triples(self, graph_iri: str) -> list[ox.Triple]:
        """Return the triples of named graph ``graph_iri`` (none when it is absent)."""
        return self.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", g=graph_iri)

    def remove_graph(self, graph_iri: str) -> int:
        """Return the number of quads removed with named graph ``graph_iri`` (0 if it did not exist).

        Its triples leave the facts graph unless another graph holds them; the facts graph itself is kept (0).
        """
        if graph_iri == FACTS_GRAPH.value:
            return 0
        removed = self.count(graph_iri)
        self._update(forget_update(ox.NamedNode(graph_iri)))
        self._written()
        return removed

    def bulk_rebuild(self, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Return the number of quads after replacing citykg's graphs with ``quads`` in one streamed update.

        One request, so a server that applies a request in one transaction (Fuseki,
        GraphDB) leaves the previous store intact when the rebuild fails. Graphs that are
        not citykg's stay untouched: no ``DROP ALL`` on a store others share. The facts graph
        is rebuilt from the named graphs at the end of it.
        """
        old = self.graph_iris()
        sent: set[str] = set()
        if self._gsp_url:
            self._rebuild_by_graph(quads, old, sent)
        else:
            self._update(_rebuild_update(quads, old, sent))
        self._written()
        now = set(self.graph_iris())
        if sent - now or (set(old) - sent) & now:
            # Virtuoso 7 answers 200 to a chunked request body it never read.
            raise QueryFailed(
                f"the SPARQL store at {self._update_url} did not apply the rebuild (graphs it should have "
                "written are missing, or graphs it should have dropped are there); if it cannot read a streamed request (Virtuoso), "
                "set CITYKG_SPARQL_GSP_URL so that each graph goes in its own request"
            )
        return self.count()

    def _rebuild_by_graph(self, quads: Iterable[ox.Quad | ox.Triple], old: list[str], sent: set[str]) -> None:
        """Replace citykg's graphs with ``quads`` by one Graph Store Protocol request per graph.

        Not one transaction, but no update text for a SPARQL compiler to parse: Virtuoso's
        refuses an update of more than a few thousand triples. Graphs no quad names are dropped last.
        """
        written: set[str] = set()
        runs = itertools.groupby(
            (
                item if isinstance(item, ox.Quad) else ox.Quad(item.subject, item.predicate, item.object)
                for item in quads
            ),
            key=lambda quad: quad.graph_name,
        )
        for graph, run in runs:
            if graph == FACTS_GRAPH:
                continue  # filled from the others at the end
            if not isinstance(graph, ox.NamedNode):
                raise ForeignQuad(f"a rebuild writes named graphs only, not {graph}")
            body = ox.serialize((quad.triple for quad in run), format=ox.RdfFormat.N_TRIPLES) or b""
            self._put(graph.value, body, add=graph.value in written)
            written.add(graph.value)
        sent |= written
        stale = "".join(f"DROP SILENT GRAPH {ox.NamedNode(g)} ;\n" for g in sorted(set(old) - written))
        self._update(f"{stale}DROP SILENT GRAPH {FACTS_GRAPH} ;\n{fill_update()}")

    def _put(self, graph_iri: str, body: bytes, *, add: bool = False) -> None:
        """Replace (or with ``add``, extend) graph ``graph_iri`` by N-Triples ``body`` through the Graph Store Protocol."""
        assert self._gsp_url is not None, "only called with a Graph Store Protocol endpoint"
        headers = {"Content-Type": "application/n-triples"}
        method = "POST" if add else "PUT"
        with self._exchange(
            method, self._gsp_url, _WRITE_S, params={"graph": graph_iri}, content=body, headers=headers
        ):
            pass

    def export(self, fmt: ExportFormat, out: BinaryIO) -> None:
        """Write the source graphs to ``out`` as N-Quads, TriG or JSON-LD, or their union as Turtle (facts graph left out)."""
        formats = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}
        if fmt == "ttl":
            sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} }}"
            triples = self.query(sparql, timeout_s=_WRITE_S, formats={GRAPH: "ntriples"}).triples()
            ox.serialize(triples, out, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        elif fmt in formats:
            sparql = (
                f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} FILTER(?g != {FACTS_GRAPH}) }}"
            )
            result = self.query(sparql, timeout_s=_WRITE_S)
            rows = ox.parse_query_results(result.body, ox.QueryResultsFormat.JSON)
            assert isinstance(rows, ox.QuerySolutions)
            quads = (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)
            ox.serialize(quads, out, formats[fmt], prefixes=PREFIXES if fmt == "trig" else None)
        else:
            raise ValueError(f"unknown export format {fmt!r}; use nq, trig, ttl or jsonld")

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- HTTP ------------------------------------------------------------------------------------

    def _written(self) -> None:
        with self._lock:
            self._stamp = None
            self._writes += 1
        if not self._union_checked:
            self.check_union_default_graph()  # on the store's own default graph, before facts are read instead
        with self._lock:
            self._facts = self._facts or bool(self._update_url)  # every update keeps the facts graph

    def _update(self, update: str | Iterator[bytes]) -> None:
        if not self._update_url:
            raise StoreReadOnly(
                f"the SPARQL store at {self._query_url} has no update endpoint; set CITYKG_SPARQL_UPDATE_URL to write"
            )
        content = update.encode() if isinstance(update, str) else update
        headers = {"Content-Type": "application/sparql-update"}
        with self._exchange("POST", self._update_url, _WRITE_S, content=content, headers=headers):
            pass

    @contextlib.contextmanager
    def _exchange(self, method: str, url: str, limit_s: float, **kwargs: Any) -> Iterator[httpx.Response]:
        """Yield the streamed response of one request, with httpx's errors and timeouts as citykg's errors."""
        timeout = httpx.Timeout(limit_s, connect=min(_CONNECT_S, limit_s))
        try:
            with self._client.stream(method, url, timeout=timeout, **kwargs) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _refusal(url, response)
                yield response
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise StoreUnavailable(f"the SPARQL store at {url} cannot be reached: {error}") from None
        except httpx.TimeoutException:
            raise QueryTimeout(limit_s) from None
        except httpx.HTTPError as error:
            raise StoreUnavailable(f"the SPARQL store at {url} failed: {error}") from None


def _refusal(url: str, response: httpx.Response) -> Exception:
    """Return the error for a 4xx/5xx answer of the store, with the first lines the server gave."""
    said = " ".join(response.text.split())[:300]
    status = response.status_code
    if status == 400:
        return MalformedQuery(f"the SPARQL store refused the query: {said}")
    if status in (401, 403):
        return StoreUnavailable(
            f"the SPARQL store at {url} refused access ({status}); check CITYKG_SPARQL_USER and CITYKG_SPARQL_PASSWORD"
        )
    return StoreUnavailable(f"the SPARQL store at {url} answered {status}: {said}")


def _standard_boolean(
    results: ox.QuerySolutions | ox.QueryBoolean,
) -> ox.QuerySolutions | ox.QueryBoolean:
    """Return ``results``, with Virtuoso 7's answer to an ASK (a one-column table) read as the boolean it is."""
    if isinstance(results, ox.QuerySolutions) and [v.value for v in results.variables] == ["__ASK_RETVAL"]:
        row = next(iter(results), None)
        truth = row is not None and row[0] is not None and row[0].value not in ("0", "false")
        answer = b'{"head": {}, "boolean": %s}' % (b"true" if truth else b"false")
        return ox.parse_query_results(answer, ox.QueryResultsFormat.JSON)
    return results


def _rebuild_update(
    quads: Iterable[ox.Quad | ox.Triple], old: Iterable[str], sent: set[str], *, batch: int = 20_000
) -> Iterator[bytes]:
    """Yield, in pieces, one update that drops the ``old`` graphs, inserts ``quads`` graph block by graph block
    and fills the facts graph again.

    The names of the graphs it inserts into are added to ``sent``.
    """
    yield "".join(f"DROP SILENT GRAPH {ox.NamedNode(g)} ;\n" for g in [*old, FACTS_GRAPH.value]).encode()
    current: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None
    triples: list[ox.Triple] = []
    operations = 0
    for item in quads:
        quad = item if isinstance(item, ox.Quad) else ox.Quad(item.subject, item.predicate, item.object)
        if quad.graph_name == FACTS_GRAPH:
            continue  # rebuilt from the others below
        if quad.graph_name != current or len(triples) >= batch:
            if triples:
                yield (b" ;\n" if operations else b"") + _insert(current, triples)
                operations += 1
            current, triples = quad.graph_name, []
            if isinstance(current, ox.NamedNode):
                sent.add(current.value)
        triples.append(quad.triple)
    if triples:
        yield (b" ;\n" if operations else b"") + _insert(current, triples)
        operations += 1
    yield (b" ;\n" if operations else b"") + fill_update().encode() + b"\n"


def _insert(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None, triples: list[ox.Triple]) -> bytes:
    """Return one update operation that adds ``triples`` to ``graph``.

    ``INSERT DATA``, except where a triple has a blank node: the same triples as a template
    under an empty WHERE, which SPARQL 1.1 defines to mean the same and Virtuoso 7 accepts
    (it refuses blank nodes in ``INSERT DATA``).

    >>> t = ox.Triple(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x"))
    >>> _insert(ox.NamedNode("urn:g"), [t]).decode()
    'INSERT DATA { GRAPH <urn:g> {\\n<urn:a> <urn:p> "x" .\\n} }'
    """
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    if graph is not None and not isinstance(graph, ox.DefaultGraph):
        text = b"GRAPH " + str(graph).encode() + b" {\n" + text + b"}"
    blank = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)
    return (b"INSERT { " if blank else b"INSERT DATA { ") + text + (b" } WHERE {}" if blank else b" }")
