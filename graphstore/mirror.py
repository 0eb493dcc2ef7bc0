"""The property-graph projection of the RDF graph (DESIGN.md decision 5, neosemantics style).

One node per IRI (label ``Resource`` plus labels from ``rdf:type`` through a closed map),
literals as properties, object properties as relationships whose types come from a closed
map too, never from document text. Evidence nodes are not projected as nodes: each one
becomes the provenance of the relationship it supports (``document``, ``evidence``, ``quote``,
``start``, ``end``), so one fact said in two sentences is two relationships.

Every node row names the graph it was read from (kept in the node's ``graphs`` list) and
every relationship row carries ``graph`` (and ``document`` for document graphs), which is
what lets a sink remove exactly one document's part. The functions here are pure over
triples; :func:`graph_projection` reads one named graph from a store.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graphstore.stores import RdfStore
from loaders.rdf import doc_id_of_graph, document_graph, document_iri
from loaders.vocab import BASE, CK, CK_NS, DCT, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from graphstore.graphsink import GraphSink

__all__ = [
    "BUILD_GRAPH",
    "LABELS",
    "RELATIONSHIP_TYPES",
    "VOCABULARY_GRAPHS",
    "MirrorReport",
    "NodeRow",
    "Projection",
    "RelRow",
    "catch_up",
    "graph_projection",
    "mirror_documents",
    "mirror_vocabularies",
    "project_triples",
    "remove_from_mirror",
    "resync",
    "vocabulary_stamp",
]

# rdf:type → node label; the closed class list of ontology/citykg.ttl (Evidence becomes
# relationship properties instead).
LABELS: dict[str, str] = {
    CK[name].value: name
    for name in (
        "Agency",
        "Document",
        "Event",
        "Facility",
        "Indicator",
        "Observation",
        "Park",
        "Place",
        "Platform",
        "Policy",
        "Programme",
        "Project",
    )
}

# Object property → relationship type (closed; ontology/README.md "Terms").
RELATIONSHIP_TYPES: dict[str, str] = {
    CK.runsProgramme.value: "RUNS_PROGRAMME",
    CK.locatedIn.value: "LOCATED_IN",
    CK.hasObservation.value: "HAS_OBSERVATION",
    CK.citesPolicy.value: "CITES_POLICY",
    CK.mentionsPlace.value: "MENTIONS_PLACE",
    CK.subjectPlace.value: "SUBJECT_PLACE",
    CK.refArea.value: "REF_AREA",
    CK.indicator.value: "INDICATOR",
    CK.firstLaunchedBy.value: "FIRST_LAUNCHED_BY",
    SCHEMA.containedInPlace.value: "CONTAINED_IN",
    SKOS.broader.value: "BROADER",
    SKOS.related.value: "RELATED",
    SKOS.inScheme.value: "IN_SCHEME",
}

# Literal property → node property name; English labels get an ``_en`` suffix.
_SCALARS: dict[str, str] = {
    RDFS.label.value: "label",
    SKOS.prefLabel.value: "label",
    SKOS.definition.value: "definition",
    DCT.title.value: "title",
    DCT.date.value: "date",
    DCT.source.value: "source",
    DCT.creator.value: "creator",
    CK.divisionCode.value: "code",
    CK.shortName.value: "shortName",
    CK.projectKind.value: "kind",
    CK.indicatorLabel.value: "indicatorLabel",
    CK.value.value: "value",
    CK.unit.value: "unit",
    CK.refPeriod.value: "year",
    CK.qualifier.value: "qualifier",
    CK.fileName.value: "fileName",
    CK.contentHash.value: "contentHash",
    CK.factCount.value: "factCount",
    CK.quoteCount.value: "quoteCount",
    CK.discovered.value: "discovered",
    CK.genericPhrase.value: "genericPhrase",
    CK.defaultUnit.value: "defaultUnit",
    SCHEMA.latitude.value: "latitude",
    SCHEMA.longitude.value: "longitude",
}
_LISTS: dict[str, str] = {
    SKOS.altLabel.value: "altLabels",
    DCT.alternative.value: "altTitles",
    CK.issuerName.value: "issuers",
}
# ck:level points at an ontology individual (ck:Province ...); it reads best as a word.
_LEVEL = CK.level.value
# Deliberately left out: the document text (large; the store has it), evidence
# bookkeeping consumed into relationship properties, and the derivation link.
_SKIPPED = frozenset({CK.text.value, PROV.wasDerivedFrom.value, SKOS.topConceptOf.value})

_EVIDENCE = CK.Evidence.value
_EVIDENCE_PROPS = {
    CK.quote.value: "quote",
    CK.mentionStart.value: "start",
    CK.mentionEnd.value: "end",
    CK.sentenceStart.value: "sentenceStart",
    CK.sentenceEnd.value: "sentenceEnd",
}

# build.py (ensure_vocabularies) stamps the vocabulary graphs with this predicate in this graph;
# the stamp is mirrored on the node named like the graph, so a changed vocabulary is re-mirrored.
BUILD_GRAPH = BASE + "graph/build"
_STAMP_PREDICATE = "urn:citykg:vocabularies"
VOCABULARY_GRAPHS: tuple[str, ...] = tuple(
    BASE + f"graph/{name}" for name in ("gazetteer", "indicators", "programmes")
)


@dataclass(frozen=True)
class NodeRow:
    """A node to merge on ``uri``: its labels besides Resource (sorted) and its properties."""

    uri: str
    labels: tuple[str, ...] = ()
    props: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class RelRow:
    """A relationship ``start -[type]-> end`` with its provenance; ``evidence`` is None without one."""

    type: str
    start: str
    end: str
    evidence: str | None = None
    props: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Projection:
    """The rows of one named graph: described nodes, endpoint-only nodes and relationships."""

    graph: str
    nodes: tuple[NodeRow, ...]
    endpoints: tuple[str, ...]
    rels: tuple[RelRow, ...]
    skipped: dict[str, int] = field(default_factory=dict, hash=False)

    @property
    def document(self) -> str | None:
        """Return the IRI of the document this graph was read from, None for a vocabulary graph."""
        doc_id = doc_id_of_graph(self.graph)
        return document_iri(doc_id).value if doc_id else None

    @property
    def size(self) -> int:
        """Return the number of rows (nodes, endpoints and relationships)."""
        return len(self.nodes) + len(self.endpoints) + len(self.rels)


def _value(term: ox.Literal) -> Any:
    """Return a literal as a property value: numbers as numbers, booleans as booleans, else text.

    >>> _value(ox.Literal("2025", datatype=XSD.gYear)), _value(ox.Literal("8.5", datatype=XSD.decimal))
    (2025, 8.5)
    >>> _value(ox.Literal("true", datatype=XSD.boolean)), _value(ox.Literal("扬州", language="zh"))
    (True, '扬州')
    """
    datatype = term.datatype.value
    text = term.value
    try:
        if datatype in (XSD.integer.value, XSD.int.value, XSD.long.value, XSD.gYear.value):
            return int(text)
        if datatype in (XSD.decimal.value, XSD.double.value, XSD.float.value):
            return float(text)
    except ValueError:
        return text
    if datatype == XSD.boolean.value:
        return text in ("true", "1")
    return text


def _prop_name(name: str, term: ox.Literal) -> str:
    language = (term.language or "").lower()
    return (
        name if language in ("", "zh") or language.startswith("zh-") else f"{name}_{language.split('-')[0]}"
    )


def project_triples(graph: str, triples: Iterable[ox.Triple]) -> Projection:
    """Return the property-graph rows of the triples of named graph ``graph``.

    Deterministic: nodes and relationships come out sorted, multi-valued scalars keep
    their smallest value, list properties are sorted.
    """
    document = doc_id_of_graph(graph)
    doc_iri = document_iri(document).value if document else None
    labels: dict[str, set[str]] = defaultdict(set)
    scalars: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    lists: dict[str, dict[str, set[Any]]] = defaultdict(lambda: defaultdict(set))
    described: set[str] = set()
    facts: set[tuple[str, str, str]] = set()
    evidence: dict[str, dict[str, Any]] = defaultdict(dict)
    evidence_nodes: set[str] = set()
    skipped: Counter[str] = Counter()
    triples = list(triples)

    for t in triples:
        if (
            t.predicate.value == RDF.type.value
            and isinstance(t.object, ox.NamedNode)
            and isinstance(t.subject, ox.NamedNode)
        ) and t.object.value == _EVIDENCE:
            evidence_nodes.add(t.subject.value)
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            skipped["blank subject"] += 1
            continue
        subject = s.value
        if subject in evidence_nodes:
            _read_evidence(evidence[subject], p, o)
            continue
        if p in _SKIPPED:
            continue
        if p == RDF.type.value:
            described.add(subject)
            if isinstance(o, ox.NamedNode) and o.value in LABELS:
                labels[subject].add(LABELS[o.value])
        elif p in RELATIONSHIP_TYPES and isinstance(o, ox.NamedNode):
            facts.add((subject, RELATIONSHIP_TYPES[p], o.value))
        elif p == _LEVEL and isinstance(o, ox.NamedNode) and o.value.startswith(CK_NS):
            described.add(subject)
            scalars[subject]["level"].append(o.value[len(CK_NS) :].lower())
        elif p in _SCALARS and isinstance(o, ox.Literal):
            described.add(subject)
            scalars[subject][_prop_name(_SCALARS[p], o)].append(_value(o))
        elif p in _LISTS and isinstance(o, ox.Literal):
            described.add(subject)
            lists[subject][_prop_name(_LISTS[p], o)].add(_value(o))
        elif p == _STAMP_PREDICATE and isinstance(o, ox.Literal):
            described.add(subject)
            scalars[subject]["vocabularies"].append(o.value)
        else:
            skipped[p] += 1

    rels: list[RelRow] = []
    supported: set[tuple[str, str, str]] = set()
    for node in sorted(evidence):
        ev = evidence[node]
        key = (
            str(ev.get("subject")),
            RELATIONSHIP_TYPES.get(ev.get("predicate", ""), ""),
            str(ev.get("object")),
        )
        if key not in facts:
            skipped["evidence without its fact"] += 1
            continue
        supported.add(key)
        quoted = {k: v for k, v in ev.items() if k not in ("subject", "predicate", "object")}
        rels.append(RelRow(key[1], key[0], key[2], node, _provenance(graph, doc_iri, quoted)))
    for s_, type_, o_ in sorted(facts - supported):
        rels.append(RelRow(type_, s_, o_, None, _provenance(graph, doc_iri, {})))
    rels.sort(key=lambda r: (r.type, r.start, r.end, r.evidence or ""))

    nodes = []
    for uri in sorted(described):
        props: dict[str, Any] = {name: min(values, key=repr) for name, values in scalars[uri].items()}
        props.update({name: sorted(values, key=repr) for name, values in lists[uri].items()})
        nodes.append(NodeRow(uri, tuple(sorted(labels[uri])), dict(sorted(props.items()))))
    endpoints = sorted({u for r in rels for u in (r.start, r.end)} - described)
    return Projection(graph, tuple(nodes), tuple(endpoints), tuple(rels), dict(sorted(skipped.items())))


def _read_evidence(
    target: dict[str, Any], predicate: str, obj: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
) -> None:
    if isinstance(obj, ox.Triple):
        return
    if predicate == RDF.subject.value:
        target["subject"] = obj.value
    elif predicate == RDF.predicate.value:
        target["predicate"] = obj.value
    elif predicate == RDF.object.value:
        target["object"] = obj.value
    elif predicate in _EVIDENCE_PROPS and isinstance(obj, ox.Literal):
        target[_EVIDENCE_PROPS[predicate]] = _value(obj)


def _provenance(graph: str, document: str | None, props: dict[str, Any]) -> dict[str, Any]:
    out = {"graph": graph, **({"document": document} if document else {}), **props}
    return dict(sorted(out.items()))


def graph_projection(store: RdfStore, graph: str) -> Projection:
    """Return the projection of named graph ``graph`` as it is in ``store`` (empty if it is absent)."""
    return project_triples(graph, store.graph_triples(graph))


def vocabulary_stamp(store: RdfStore) -> str | None:
    """Return the stamp build.py gave the vocabulary graphs now in ``store``, None before any build."""
    rows = store.select(f"SELECT ?stamp WHERE {{ GRAPH ?g {{ ?s <{_STAMP_PREDICATE}> ?stamp }} }}")
    return rows[0]["stamp"] if rows else None


def chunked(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of at most ``size`` rows.

    >>> [len(c) for c in chunked(range(5), 2)]
    [2, 2, 1]
    """
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class MirrorReport:
    """What a mirror run did: graphs written and removed, rows sent, database counters, seconds."""

    documents_written: int = 0
    documents_removed: int = 0
    vocabularies_written: bool = False
    rows: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "documents_written": self.documents_written,
            "documents_removed": self.documents_removed,
            "vocabularies_written": self.vocabularies_written,
            "rows": self.rows,
            "counters": dict(sorted(self.counters.items())),
            "seconds": round(self.seconds, 3),
        }


def _store_documents(store: RdfStore) -> set[str]:
    return {doc_id for g in store.graph_iris() if (doc_id := doc_id_of_graph(g))}


def mirror_vocabularies(
    store: RdfStore, sink: GraphSink, report: MirrorReport, *, force: bool = False
) -> None:
    """Write the vocabulary graphs of ``store`` to ``sink`` when it lacks them or has another version (or ``force``)."""
    stamp = vocabulary_stamp(store)
    if stamp is None or (not force and sink.mirrored_stamp(BUILD_GRAPH) == stamp):
        return
    for graph in (*VOCABULARY_GRAPHS, BUILD_GRAPH):
        projection = graph_projection(store, graph)
        report.rows += projection.size
        report.counters.update(sink.replace_graph(projection))
    report.vocabularies_written = True


def mirror_documents(
    store: RdfStore, sink: GraphSink, doc_ids: Iterable[str], *, prune: bool = True
) -> MirrorReport:
    """Return what mirroring the documents ``doc_ids`` (as they are in ``store``) into ``sink`` did.

    Each document's earlier part in the mirror is replaced. The vocabulary graphs are
    mirrored first when the mirror lacks them or has an older version. With ``prune``,
    documents the mirror has but the store no longer has (an earlier version of a file
    that was loaded again) are removed too.
    """
    started = time.perf_counter()
    report = MirrorReport()
    sink.ensure_schema()
    mirror_vocabularies(store, sink, report)
    wanted = sorted(set(doc_ids))
    mirrored = sink.mirrored_documents()
    _write_new(store, sink, [d for d in wanted if d not in mirrored], report)
    for doc_id in (d for d in wanted if d in mirrored):
        projection = graph_projection(store, document_graph(doc_id).value)
        if not projection.nodes:
            continue  # not in the store (any more): nothing to write
        report.rows += projection.size
        report.counters.update(sink.replace_graph(projection))
        report.documents_written += 1
    if prune:
        gone = sink.mirrored_documents() - _store_documents(store) - set(wanted)
        report.counters.update(_remove(sink, gone, report))
    report.seconds = time.perf_counter() - started
    return report


_NEW_DOCUMENTS_PER_WRITE = 50


def _write_new(store: RdfStore, sink: GraphSink, doc_ids: list[str], report: MirrorReport) -> None:
    """Write documents the mirror does not have, many per round of batched statements.

    The next round's graphs are read and projected on a thread while the database writes this
    round's: the database works in another process (or machine), so the two overlap.
    """
    chunks = list(chunked(doc_ids, _NEW_DOCUMENTS_PER_WRITE))
    if not chunks:
        return
    with ThreadPoolExecutor(max_workers=1) as reader:
        ahead = reader.submit(_projections, store, chunks[0])
        for following in [*chunks[1:], None]:
            projections = ahead.result()
            if following is not None:
                ahead = reader.submit(_projections, store, following)
            if not projections:
                continue
            report.rows += sum(p.size for p in projections)
            report.counters.update(sink.write_new(projections))
            report.documents_written += len(projections)


def _projections(store: RdfStore, doc_ids: list[str]) -> list[Projection]:
    """Return the projections of the documents ``doc_ids`` that are in ``store``."""
    return [p for p in (graph_projection(store, document_graph(d).value) for d in doc_ids) if p.nodes]


def _remove(sink: GraphSink, doc_ids: Iterable[str], report: MirrorReport) -> Counter[str]:
    total: Counter[str] = Counter()
    for doc_id in sorted(set(doc_ids)):
        total.update(sink.remove_graph(document_graph(doc_id).value))
        report.documents_removed += 1
    return total


def remove_from_mirror(sink: GraphSink, doc_ids: Iterable[str]) -> MirrorReport:
    """Return what removing the documents ``doc_ids`` from the mirror did (their relationships, and nodes left bare)."""
    started = time.perf_counter()
    report = MirrorReport()
    report.counters.update(_remove(sink, doc_ids, report))
    report.seconds = time.perf_counter() - started
    return report


def resync(store: RdfStore, sink: GraphSink, *, full: bool = False) -> MirrorReport:
    """Return what bringing the mirror in line with ``store`` did.

    Documents in the store but not in the mirror are written, documents in the mirror but
    not in the store are removed, and the vocabularies are written when missing or changed.
    ``full`` empties the mirror first and writes everything again.
    """
    started = time.perf_counter()
    report = MirrorReport()
    if full:
        sink.clear()
    sink.ensure_schema()
    mirror_vocabularies(store, sink, report, force=full)
    in_store = _store_documents(store)
    in_mirror = sink.mirrored_documents()
    _write_new(store, sink, sorted(in_store - in_mirror), report)
    report.counters.update(_remove(sink, in_mirror - in_store, report))
    report.seconds = time.perf_counter() - started
    return report


_CATCHING_UP = threading.Lock()


def catch_up(store: RdfStore, sink: GraphSink) -> bool:
    """Restart the mirror's database if it died, then bring the mirror in line with the store;
    return whether it is now in step. Failures are logged: the RDF store stays the source of truth.

    Issue 8: a killed FalkorDB left /cypher 503 for good, and documents loaded meanwhile never
    reached the mirror, even after a restart of the server.
    """
    with _CATCHING_UP:
        try:
            if sink.revive():
                log.warning("the Cypher mirror's database had stopped; restarted it")
            report = resync(store, sink)
        except Exception:
            log.exception("the Cypher mirror could not catch up with the store")
            return False
    if report.documents_written or report.documents_removed:
        log.info("the Cypher mirror caught up: %s", report.as_dict())
    return True
