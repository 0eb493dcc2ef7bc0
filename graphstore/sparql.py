"""SPARQL protocol helpers: result formats, Accept negotiation, execution, serialisation, time limits.

This module imports only pyoxigraph and the standard library: the query worker
processes of :class:`QueryPool` import it and should start fast.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graphstore.facts import FACTS_GRAPH

__all__ = [
    "BOOLEAN",
    "FORMATS",
    "FederatedQueryRefused",
    "GRAPH",
    "KINDS",
    "MalformedQuery",
    "NotAcceptable",
    "PREFIXES",
    "QUERY_PREFIXES",
    "QueryError",
    "QueryFailed",
    "QueryPool",
    "QueryRequest",
    "QueryResult",
    "QueryTimeout",
    "ResultFormat",
    "SOLUTIONS",
    "StoreUnavailable",
    "UpdateRefused",
    "WORKER_NICENESS",
    "as_term",
    "check_query",
    "check_text",
    "execute",
    "format_named",
    "is_update",
    "mask_non_code",
    "negotiate",
    "serialize_graph",
    "serialize_result",
    "select_rows",
    "service_description",
    "yield_cpu",
]

SOLUTIONS = "solutions"
BOOLEAN = "boolean"
GRAPH = "graph"
KINDS = (SOLUTIONS, BOOLEAN, GRAPH)

# ontology/README.md prefixes, plus resource prefixes whose local parts have no "/".
PREFIXES = {
    "ck": "https://w3id.org/citykg/ontology#",
    "place": "https://w3id.org/citykg/place/",
    "programme": "https://w3id.org/citykg/programme/",
    "indicator": "https://w3id.org/citykg/indicator/",
    "policy": "https://w3id.org/citykg/policy/",
    "document": "https://w3id.org/citykg/document/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "qb": "http://purl.org/linked-data/cube#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Queries may use every prefix of ontology/README.md without declaring it (its examples do).
QUERY_PREFIXES = dict(PREFIXES, ckr="https://w3id.org/citykg/")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class QueryError(Exception):
    """Base class of the errors a query can end with."""


class MalformedQuery(QueryError):
    """The text is not a SPARQL query (the message is the parser's)."""


class UpdateRefused(QueryError):
    """The text is a SPARQL update; the query surfaces are read-only."""


class FederatedQueryRefused(QueryError):
    """The query uses SERVICE, which would make this server fetch arbitrary URLs."""


class QueryTimeout(QueryError):
    """The query ran past its time limit and was stopped."""

    def __init__(self, limit_s: float) -> None:
        super().__init__(limit_s)
        self.limit_s = limit_s

    def __str__(self) -> str:
        return f"query stopped after its {self.limit_s:g} s time limit"


class QueueTimeout(QueryTimeout):
    """No worker became free for the query before its time limit: it never ran."""


class NotAcceptable(QueryError):
    """No acceptable media type exists for the kind of result the query produced."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind

    def __str__(self) -> str:
        return f"no acceptable media type for {self.kind} results"


class QueryFailed(QueryError):
    """The query failed while running (store error, crashed worker)."""


class StoreUnavailable(QueryFailed):
    """The remote SPARQL store could not be reached, refused the credentials or answered with a server error."""


@dataclass(frozen=True)
class ResultFormat:
    """A serialisation a result kind can be written in."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    iri: str = ""

    @property
    def media_types(self) -> tuple[str, ...]:
        """Return the canonical media type followed by its accepted aliases."""
        return (self.media_type, *self.aliases)


# IRIs from the W3C registry https://www.w3.org/ns/formats/ (pyoxigraph 0.5 names JSON-LD differently).
_F = "http://www.w3.org/ns/formats/"
_JSON = ResultFormat(
    "json", "application/sparql-results+json", ("application/json",), _F + "SPARQL_Results_JSON"
)
_XML = ResultFormat(
    "xml", "application/sparql-results+xml", ("application/xml", "text/xml"), _F + "SPARQL_Results_XML"
)
_CSV = ResultFormat("csv", "text/csv", (), _F + "SPARQL_Results_CSV")
_TSV = ResultFormat("tsv", "text/tab-separated-values", (), _F + "SPARQL_Results_TSV")
_TURTLE = ResultFormat("turtle", "text/turtle", ("application/x-turtle",), _F + "Turtle")
_NTRIPLES = ResultFormat("ntriples", "application/n-triples", (), _F + "N-Triples")
_JSONLD = ResultFormat("jsonld", "application/ld+json", ("application/json",), _F + "JSON-LD")
# rdflib's SPARQLStore and SPARQLWrapper ask for RDF/XML by default for CONSTRUCT and DESCRIBE.
_RDFXML = ResultFormat("rdfxml", "application/rdf+xml", (), _F + "RDF_XML")

# Server preference order first: it breaks ties between equally acceptable types.
FORMATS: dict[str, tuple[ResultFormat, ...]] = {
    SOLUTIONS: (_JSON, _XML, _CSV, _TSV),
    BOOLEAN: (_JSON, _XML),
    GRAPH: (_TURTLE, _NTRIPLES, _JSONLD, _RDFXML),
}
_RESULTS_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
_RESULTS_FORMATS |= {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            continue
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def _quality(ranges: list[tuple[str, float]], media_types: Iterable[str]) -> float:
    best_specificity, best_q = -1, 0.0
    for media in media_types:
        major = media.split("/")[0]
        for pattern, q in ranges:
            if pattern == media:
                specificity = 2
            elif pattern == f"{major}/*":
                specificity = 1
            elif pattern == "*/*":
                specificity = 0
            else:
                continue
            if specificity > best_specificity or (specificity == best_specificity and q > best_q):
                best_specificity, best_q = specificity, q
    return best_q


def negotiate(accept: str | None) -> dict[str, str | None]:
    """Return, per result kind, the name of the format to write given an Accept header (None: none fits).

    >>> negotiate("text/csv")
    {'solutions': 'csv', 'boolean': None, 'graph': None}
    >>> negotiate(None)["graph"]
    'turtle'
    >>> negotiate("application/json")["graph"]
    'jsonld'
    """
    ranges = _accept_ranges(accept) if accept and accept.strip() else [("*/*", 1.0)]
    chosen: dict[str, str | None] = {}
    for kind, formats in FORMATS.items():
        scored = [(_quality(ranges, f.media_types), -i, f.name) for i, f in enumerate(formats)]
        q, _, name = max(scored)
        chosen[kind] = name if q > 0 else None
    return chosen


def format_named(kind: str, name: str) -> ResultFormat:
    """Return the format called ``name`` for results of ``kind``."""
    return next(f for f in FORMATS[kind] if f.name == name)


_DEFAULT_FORMATS = {SOLUTIONS: "json", BOOLEAN: "json", GRAPH: "ntriples"}


@dataclass(frozen=True)
class QueryRequest:
    """Everything needed to run one query; picklable so a worker process can run it."""

    sparql: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()
    formats: Mapping[str, str | None] = field(default_factory=lambda: dict(_DEFAULT_FORMATS))
    max_rows: int | None = None
    substitutions: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """A finished query: its kind, the serialised body and whether rows were cut at ``max_rows``."""

    kind: str
    format: str
    media_type: str
    body: bytes
    truncated: bool = False

    def bindings(self) -> list[dict[str, str | None]]:
        """Return SELECT rows as plain values (IRI, literal lexical form or blank node id; None if unbound)."""
        if self.kind != SOLUTIONS or self.format != "json":
            raise ValueError(f"bindings() needs JSON solutions, not {self.kind} as {self.format}")
        data = json.loads(self.body)
        names = data["head"]["vars"]
        rows = data["results"]["bindings"]
        return [{n: (row[n]["value"] if n in row else None) for n in names} for row in rows]

    def boolean(self) -> bool:
        """Return the answer of an ASK query."""
        if self.kind != BOOLEAN or self.format != "json":
            raise ValueError(f"boolean() needs a JSON boolean, not {self.kind} as {self.format}")
        return bool(json.loads(self.body)["boolean"])

    def triples(self) -> list[ox.Triple]:
        """Return the triples of a CONSTRUCT or DESCRIBE query."""
        if self.kind != GRAPH:
            raise ValueError(f"triples() needs a graph result, not {self.kind}")
        return [q.triple for q in ox.parse(self.body, _RDF_FORMATS[self.format])]


# Comments, strings and IRIs are blanked before looking for keywords, so that a
# FROM or SERVICE inside a literal or an IRI does not count.
# An unterminated string runs to the end of its line (or of the text): one attempt, so the
# scan stays linear however many lone quotes a text holds.
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:"""|\Z)'
    r"|'''(?:[^'\\]|\\.|'(?!''))*(?:'''|\Z)"
    r'|"(?:[^"\\\n]|\\.)*(?:"|$)'
    r"|'(?:[^'\\\n]|\\.)*(?:'|$)"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*",
    re.MULTILINE,
)


MAX_NESTING = 200


def mask_non_code(sparql: str) -> str:
    """Return ``sparql`` with its strings, IRIs and comments blanked out, every offset kept.

    >>> mask_non_code('SELECT * { ?s ?p "{x}" } # {')
    'SELECT * { ?s ?p       }    '
    """
    return _NOT_CODE.sub(lambda m: " " * len(m.group()), sparql)


def _nesting(sparql: str) -> int:
    """Return how deep (), {} and [] nest outside strings, IRIs and comments.

    >>> _nesting('SELECT * WHERE { FILTER((1 < 2)) "((((" }')
    3
    """
    depth = deepest = 0
    for ch in _NOT_CODE.sub(" ", sparql):
        if ch in "({[":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")}]":
            depth = max(0, depth - 1)
    return deepest


def _keyword(sparql: str, word: str) -> bool:
    code = _NOT_CODE.sub(" ", sparql)
    return re.search(rf"(?<![\w?$:]){word}(?![\w:])", code, re.IGNORECASE) is not None


def _dataset_options(request: QueryRequest, store: ox.Store) -> dict[str, Any]:
    """Return pyoxigraph query options that give the SPARQL Protocol dataset semantics.

    pyoxigraph's ``default_graph``/``named_graphs`` and ``use_default_graph_as_union``
    replace the query's own FROM / FROM NAMED, so the union is only asked for when the
    query names no dataset itself (SPARQL 1.1 Protocol §2.1.4: the protocol dataset wins).
    The union is read from the facts graph when the store has one: the same triples
    once each (an RDF merge), where Oxigraph's own union repeats a triple per graph.
    """
    if request.default_graph_uris or request.named_graph_uris:
        try:
            return {
                "default_graph": [ox.NamedNode(u) for u in request.default_graph_uris],
                "named_graphs": [ox.NamedNode(u) for u in request.named_graph_uris],
            }
        except ValueError as error:
            raise MalformedQuery(f"invalid graph IRI in default-graph-uri/named-graph-uri: {error}") from None
    if _keyword(request.sparql, "FROM"):
        return {}
    if store.contains_named_graph(FACTS_GRAPH):
        return {"default_graph": [FACTS_GRAPH]}
    return {"use_default_graph_as_union": True}


_probe: ox.Store | None = None


def _parse_probe() -> ox.Store:
    # A read-only store refuses to open a transaction, so update() on it parses the
    # text with Oxigraph's own grammar and then fails before touching anything (not
    # even LOAD's HTTP fetch), which tells an update from a malformed query.
    global _probe
    if _probe is None:
        folder = tempfile.mkdtemp(prefix="citykg-parse-probe-")
        atexit.register(shutil.rmtree, folder, True)
        ox.Store(folder).flush()
        _probe = ox.Store.read_only(folder)
    return _probe


def is_update(sparql: str, *, probe: ox.Store | None = None) -> bool:
    """Return True if the text parses as a SPARQL update (it is never executed)."""
    try:
        (probe or _parse_probe()).update(sparql)
    except SyntaxError:
        return False
    except Exception:
        return True
    return True


def _check_deadline(deadline: float | None, limit_s: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise QueryTimeout(limit_s or 0.0)


def _term_json(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: _term_json(v) for k, v in parts.items()}}
    raise TypeError(f"unexpected term {term!r}")


def _solutions_json(variables: list[str], rows: list[ox.QuerySolution]) -> bytes:
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            value = row[name]
            if value is not None:
                binding[name] = _term_json(value)
        bindings.append(binding)
    payload = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def as_term(value: Any) -> Any:
    """Return ``value`` as an RDF term: an http(s) string is an IRI, any other plain value a literal.

    >>> as_term("https://w3id.org/citykg/place/321000")
    <NamedNode value=https://w3id.org/citykg/place/321000>
    >>> str(as_term("扬州"))
    '"扬州"'
    """
    if isinstance(value, str) and value.startswith(("http://", "https://")):
        return ox.NamedNode(value)
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple):
        return value
    return ox.Literal(value)


def check_text(sparql: str) -> None:
    """Raise ``FederatedQueryRefused`` for SERVICE and ``MalformedQuery`` for absurd nesting; checks no grammar."""
    if _keyword(sparql, "SERVICE"):
        raise FederatedQueryRefused("SERVICE (federated query) is disabled on this endpoint")
    depth = _nesting(sparql)
    if depth > MAX_NESTING:
        # Oxigraph's recursive parser overflows its stack on thousands of brackets and kills the worker.
        raise MalformedQuery(f"brackets nested {depth} deep; at most {MAX_NESTING} are accepted")


def _refuse_unparsed(sparql: str, error: SyntaxError, probe: ox.Store | None) -> QueryError:
    """Return the error for a text Oxigraph did not parse as a query: an update, or a malformed query."""
    if is_update(sparql, probe=probe):
        return UpdateRefused("SPARQL updates are refused: this endpoint is read-only")
    return MalformedQuery(str(error))


def check_query(sparql: str) -> str:
    """Return the kind of result ``sparql`` gives (SOLUTIONS, BOOLEAN or GRAPH); raise unless it is a
    read-only query Oxigraph's grammar accepts (it is parsed, not run).

    The same checks as :func:`execute`, for a query that another engine will run.

    >>> check_query("SELECT * WHERE { ?s ck:runsProgramme ?o }")
    'solutions'
    >>> check_query("CONSTRUCT WHERE { ?s ck:runsProgramme ?o }")
    'graph'
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    graphstore.sparql.UpdateRefused: SPARQL updates are refused: this endpoint is read-only
    """
    check_text(sparql)
    try:
        # pyoxigraph evaluates SELECT and CONSTRUCT lazily: on an empty store nothing runs until iterated.
        result = ox.Store().query(sparql, prefixes=QUERY_PREFIXES)
    except SyntaxError as error:
        raise _refuse_unparsed(sparql, error, None) from None
    if isinstance(result, ox.QueryBoolean):
        return BOOLEAN
    return SOLUTIONS if isinstance(result, ox.QuerySolutions) else GRAPH


def execute(
    store: ox.Store,
    request: QueryRequest,
    *,
    deadline: float | None = None,
    limit_s: float | None = None,
    probe: ox.Store | None = None,
) -> QueryResult:
    """Return the serialised result of running a read-only query on ``store``.

    ``deadline`` (a ``time.monotonic()`` value) is checked between result rows only:
    it cannot interrupt a single long step such as an aggregate. Callers that need a
    hard limit run this in a worker process that can be killed (see ``graphstore.store``).
    """
    return serialize_result(_results(store, request, probe), request, deadline=deadline, limit_s=limit_s)


def select_rows(store: ox.Store, request: QueryRequest) -> list[dict[str, str | None]]:
    """Return the rows of a SELECT query run on ``store`` as plain values, as `QueryResult.bindings` gives them.

    For callers in this process: the terms are read straight from Oxigraph's solutions,
    where serialising them to SPARQL JSON and parsing that back cost a third of a
    4,000-row read.
    """
    results = _results(store, request, None)
    if not isinstance(results, ox.QuerySolutions):
        kind = BOOLEAN if isinstance(results, ox.QueryBoolean) else GRAPH
        raise MalformedQuery(f"select() needs a SELECT query, got a {kind} result")
    names = [v.value for v in results.variables]
    return [{n: _plain(row[n]) for n in names} for row in results]


def _plain(term: Any) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return json.dumps(_term_json(term)["value"])
    return str(term.value)


def _results(store: ox.Store, request: QueryRequest, probe: ox.Store | None) -> Any:
    """Return Oxigraph's answer to ``request``, its errors turned into ours."""
    check_text(request.sparql)
    options = _dataset_options(request, store)
    substitutions = {ox.Variable(name): term for name, term in request.substitutions} or None
    try:
        return store.query(request.sparql, prefixes=QUERY_PREFIXES, substitutions=substitutions, **options)
    except SyntaxError as error:
        raise _refuse_unparsed(request.sparql, error, probe) from None
    except RuntimeError as error:
        # e.g. a substituted variable missing from the SELECT projection (SEP-0007 as Oxigraph implements it)
        raise MalformedQuery(str(error)) from None
    except OSError as error:
        raise QueryFailed(str(error)) from None


def serialize_result(
    results: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples | Iterator[ox.Triple],
    request: QueryRequest,
    *,
    deadline: float | None = None,
    limit_s: float | None = None,
) -> QueryResult:
    """Return ``results`` (any iterator of triples is a graph) written in the format ``request`` asks for.

    At most ``request.max_rows`` rows are kept; ``deadline`` is checked between rows.
    """
    if isinstance(results, ox.QueryBoolean):
        name = _format_for(request, BOOLEAN)
        body = _bytes(results.serialize(format=_RESULTS_FORMATS[name]))
        return QueryResult(BOOLEAN, name, format_named(BOOLEAN, name).media_type, body)
    kind = SOLUTIONS if isinstance(results, ox.QuerySolutions) else GRAPH
    name = _format_for(request, kind)
    items, truncated = _take(results, request.max_rows, deadline, limit_s)
    if isinstance(results, ox.QuerySolutions):
        body = _solutions_json([v.value for v in results.variables], items)
        if name != "json":
            parsed = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
            body = _bytes(parsed.serialize(format=_RESULTS_FORMATS[name]))
    else:
        prefixes = PREFIXES if name == "turtle" else None
        body = _bytes(ox.serialize(items, format=_RDF_FORMATS[name], prefixes=prefixes))
    return QueryResult(kind, name, format_named(kind, name).media_type, body, truncated)


def _format_for(request: QueryRequest, kind: str) -> str:
    name = request.formats.get(kind)
    if name is None:
        raise NotAcceptable(kind)
    return name


def _take(
    results: Iterable[Any], cap: int | None, deadline: float | None, limit_s: float | None
) -> tuple[list[Any], bool]:
    """Return up to ``cap`` items and whether more were left, checking the deadline as it goes."""
    items: list[Any] = []
    truncated = False
    for i, item in enumerate(results):
        if cap is not None and i >= cap:
            truncated = True
            break
        items.append(item)
        if i % 256 == 0:
            _check_deadline(deadline, limit_s)
    _check_deadline(deadline, limit_s)
    return items, truncated


def _bytes(data: bytes | None) -> bytes:
    assert data is not None  # pyoxigraph returns bytes when no output file is given
    return data


_SD = "http://www.w3.org/ns/sparql-service-description#"


def service_description(endpoint: str) -> list[ox.Triple]:
    """Return a SPARQL 1.1 Service Description of the read-only endpoint at ``endpoint``."""

    def sd(local: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + local)

    rdf_type = ox.NamedNode(PREFIXES["rdf"] + "type")
    service, dataset, default_graph = ox.NamedNode(endpoint), ox.BlankNode(), ox.BlankNode()
    formats = {f.iri for kind in KINDS for f in FORMATS[kind]}
    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(
            service, sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")
        ),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, rdf_type, sd("Graph")),
        ox.Triple(
            service,
            ox.NamedNode(PREFIXES["rdfs"] + "comment"),
            ox.Literal(
                "citykg: a knowledge graph of Chinese digital-city initiatives. Read-only: SPARQL Update "
                "is refused with 403. The default graph is the union of all named graphs.",
                language="en",
            ),
        ),
    ]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(iri)) for iri in sorted(formats)]
    return triples


def serialize_graph(triples: Iterable[ox.Triple], name: str) -> bytes:
    """Return triples written in the graph format called ``name`` ("turtle", "ntriples", "jsonld")."""
    prefixes = {"sd": _SD, "rdf": PREFIXES["rdf"], "rdfs": PREFIXES["rdfs"]} if name == "turtle" else None
    return _bytes(ox.serialize(triples, format=_RDF_FORMATS[name], prefixes=prefixes))


def _worker_main(conn: Connection) -> None:
    """Serve queries from the parent until the pipe closes: one (snapshot path, request) per message."""
    # Ctrl-C in a terminal reaches the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent()
    _refuse_network()
    yield_cpu()
    opened: str | None = None
    store: ox.Store | None = None
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        snapshot, request = message
        reply: tuple[str, Any]
        try:
            if snapshot != opened or store is None:
                store = None
                store = ox.Store.read_only(snapshot)
                opened = snapshot
            reply = ("ok", execute(store, request, probe=store))
        except QueryError as error:
            reply = ("error", error)
        except PermissionError:
            # the seccomp filter refused a socket: the query tried to fetch a URL (_refuse_network)
            reply = (
                "error",
                FederatedQueryRefused("the query tried to reach the network; this endpoint never does"),
            )
        except Exception as error:
            reply = ("error", QueryFailed(f"{type(error).__name__}: {error}"))
        conn.send(reply)


# How much lower than the server a worker process runs (nice(2) steps; 19 is the lowest priority).
WORKER_NICENESS = 10


def yield_cpu() -> None:
    """Lower this process's CPU priority below the server's (query and extraction workers call it).

    Issue 8: twenty runaway queries and an ingest on a two-core machine took the CPU from the
    process answering /places and /stats. Workers still use every idle cycle; they only yield
    when the server needs one.
    """
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)


def _watch_parent() -> None:
    """End this worker as soon as the process that started it is gone, even mid-query.

    Linux's PR_SET_PDEATHSIG is tied to the *thread* that started the child, and the server
    replaces workers from pool threads that retire when idle: their workers died with them.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="citykg-parent-watch", daemon=True).start()


def _refuse_network() -> None:
    """Make this worker unable to open an Internet socket, so no query feature (SERVICE, or any
    other way Oxigraph might fetch a URL) can reach the network, however the text is written.

    A seccomp filter (libseccomp through pyseccomp) answers socket(AF_INET/AF_INET6) with EACCES;
    the worker keeps its unix socket to the parent. Outside Linux the keyword check alone guards.
    """
    if not sys.platform.startswith("linux"):
        return
    import errno

    import pyseccomp as seccomp

    syscalls = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for family in (socket.AF_INET, socket.AF_INET6):
        syscalls.add_rule(seccomp.ERRNO(errno.EACCES), "socket", seccomp.Arg(0, seccomp.EQ, family))
    syscalls.load()


def _worker_entry(fd: int) -> None:
    """Run a worker on the inherited socket ``fd`` (the command line of a worker process calls this)."""
    _worker_main(Connection(fd))


class _Worker:
    # A plain subprocess rather than multiprocessing's "spawn": spawn re-runs the
    # parent's __main__ in the child, which fails or misbehaves under some launchers.
    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        code = f"from graphstore.sparql import _worker_entry; _worker_entry({theirs.fileno()})"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL
        )
        theirs.close()
        self.conn = Connection(ours.detach())
        self.snapshot: str | None = None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.conn.close()


class QueryPool:
    """Warm worker processes that run queries on read-only store snapshots and are killed at the time limit.

    pyoxigraph (0.5) offers no way to cancel a running query from Python, and a
    thread cannot be stopped: a deadline checked between rows never fires while an
    aggregate or a sort is computing. A process can be killed, which frees its CPU
    and memory at once, so each query runs in a worker that is SIGKILLed when the
    limit passes and replaced by a fresh one. Workers open the store read-only on a
    RocksDB checkpoint (``Store.backup``), never on the live folder: RocksDB
    read-only instances must not share a folder with a writer (compactions delete
    files under them; pyoxigraph documents it as undefined behaviour).
    """

    def __init__(self, size: int) -> None:
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()
        self._closed = False
        for _ in range(size):
            self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker()
        with self._lock:
            self._workers.add(worker)
            self._idle.append(worker)
            self._lock.notify_all()

    def worker_pids(self) -> set[int]:
        """Return the process ids of the live workers."""
        with self._lock:
            return {w.process.pid for w in self._workers}

    def snapshots_in_use(self) -> set[str]:
        """Return the snapshot folders that live workers have (or may have) open."""
        with self._lock:
            return {w.snapshot for w in self._workers if w.snapshot is not None}

    @property
    def size(self) -> int:
        """Return the number of workers the pool keeps."""
        with self._lock:
            return len(self._workers)

    def acquire(self, deadline: float, limit_s: float, *, reserve: int = 0) -> _Worker:
        """Return an idle worker, waiting until ``deadline`` while no more than ``reserve`` are idle.

        ``reserve`` idle workers are left for queries known to be quick (see app/lanes.py).
        Raises `QueueTimeout` when none came free in time.
        """
        with self._lock:
            while len(self._idle) <= reserve:
                remaining = deadline - time.monotonic()
                if self._closed:
                    raise QueryFailed("the query pool is closed")
                if remaining <= 0:
                    raise QueueTimeout(limit_s)
                self._lock.wait(remaining)
            return self._idle.pop(0)  # oldest first: a just-replaced worker may still be starting

    def release(self, worker: _Worker) -> None:
        """Give a worker back to the pool."""
        with self._lock:
            if self._closed:
                worker.kill()
                return
            self._idle.append(worker)
            # Waiters differ in how many idle workers they need: wake them all to re-check.
            self._lock.notify_all()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
        if not closed:
            self._add_worker()

    def run(self, worker: _Worker, request: QueryRequest, *, deadline: float, limit_s: float) -> QueryResult:
        """Return the result of ``request`` run by ``worker`` on ``worker.snapshot``; kill it at ``deadline``."""
        try:
            worker.conn.send((worker.snapshot, request))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._discard(worker)
                raise QueryTimeout(limit_s)
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as error:
            self._discard(worker)
            raise QueryFailed(f"query worker died: {error}") from None
        self.release(worker)
        if status == "ok":
            result: QueryResult = payload
            return result
        raise payload

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._workers, self._idle = list(self._workers), set(), []
            self._lock.notify_all()
        for worker in workers:
            worker.kill()
