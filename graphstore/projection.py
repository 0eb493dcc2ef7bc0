"""The property-graph projection of the RDF graph (DESIGN.md decision 5, neosemantics style).

One node per IRI (label ``Resource`` plus labels from ``rdf:type`` through a closed map),
literals as properties, object properties as relationships whose types come from a closed
map too, never from document text. Evidence nodes are not projected as nodes: each one
becomes the provenance of the relationship it supports (``document``, ``evidence``, ``quote``,
``start``, ``end``), so one fact said in two sentences is two relationships.

Every node row names the graph it was read from (kept in the node's ``graphs`` list) and
every relationship row carries ``graph`` (and ``document`` for document graphs), which is
what lets a sink remove exactly one document's part. Everything here is pure over triples.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from loaders.rdf import doc_id_of_graph, document_iri
from loaders.vocab import BASE, CK, CK_NS, DCT, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = [
    "BUILD_GRAPH",
    "LABELS",
    "RELATIONSHIP_TYPES",
    "STAMP_PREDICATE",
    "VOCABULARY_GRAPHS",
    "NodeRow",
    "Projection",
    "RelRow",
    "TripleRow",
    "object_row",
    "project_rows",
    "projected_predicates",
    "project_triples",
    "triple_rows",
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
    CK.extractorVersion.value: "extractorVersion",
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
STAMP_PREDICATE = "urn:citykg:vocabularies"
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


# A triple as the projection reads it: (subject, predicate, object, kind). The subject is None
# when it is no IRI; the kind says what the object is: an IRI (""), a blank node ("_:"), a
# triple term ("<<", its value left empty) or a literal, then "@" and its language tag or else
# its datatype IRI. Plain strings, so a store can hand rows over without building terms.
TripleRow = tuple[str | None, str, str, str]
_IRI, _BLANK, _TRIPLE = "", "_:", "<<"
_NOT_LITERAL = frozenset((_IRI, _BLANK, _TRIPLE))

_INTEGERS = frozenset(x.value for x in (XSD.integer, XSD.int, XSD.long, XSD.gYear))
_DECIMALS = frozenset(x.value for x in (XSD.decimal, XSD.double, XSD.float))
_BOOLEAN = XSD.boolean.value
_STRING = XSD.string.value
_TYPE = RDF.type.value

# What each predicate a projection knows becomes: one dictionary look-up per triple, where a
# chain of membership tests cost a look-up per map (the projection was a third of sync --full).
_TYPED, _RELATIONSHIP, _SCALAR, _LIST, _LEVELLED, _STAMPED, _LEFT_OUT = range(7)
_ACTIONS: dict[str, tuple[int, str]] = {
    _TYPE: (_TYPED, ""),
    **{p: (_RELATIONSHIP, name) for p, name in RELATIONSHIP_TYPES.items()},
    **{p: (_SCALAR, name) for p, name in _SCALARS.items()},
    **{p: (_LIST, name) for p, name in _LISTS.items()},
    _LEVEL: (_LEVELLED, "level"),
    STAMP_PREDICATE: (_STAMPED, "vocabularies"),
    **{p: (_LEFT_OUT, "") for p in _SKIPPED},
}
_EVIDENCE_LINKS = {RDF.subject.value: "subject", RDF.predicate.value: "predicate", RDF.object.value: "object"}


def _value(text: str, kind: str) -> Any:
    """Return a literal as a property value: numbers as numbers, booleans as booleans, else text.

    >>> _value("2025", XSD.gYear.value), _value("8.5", XSD.decimal.value), _value("8,5", XSD.decimal.value)
    (2025, 8.5, '8,5')
    >>> _value("true", XSD.boolean.value), _value("扬州", "@zh")
    (True, '扬州')
    """
    try:
        if kind in _INTEGERS:
            return int(text)
        if kind in _DECIMALS:
            return float(text)
    except ValueError:
        return text
    if kind == _BOOLEAN:
        return text in ("true", "1")
    return text


def _prop_name(name: str, kind: str) -> str:
    """Return the property name of a literal of ``kind``: Chinese and untagged as ``name``, others suffixed.

    >>> _prop_name("label", "@zh-Hans"), _prop_name("label", "@en-GB"), _prop_name("label", XSD.string.value)
    ('label', 'label_en', 'label')
    """
    if not kind.startswith("@"):
        return name
    language = kind[1:].lower()
    return name if language == "zh" or language.startswith("zh-") else f"{name}_{language.split('-')[0]}"


def object_row(o: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> tuple[str, str]:
    """Return an object term as a row holds it: its value and its kind (see ``TripleRow``).

    >>> object_row(ox.Literal("扬州", language="zh")), object_row(ox.NamedNode("https://e.org/x"))
    (('扬州', '@zh'), ('https://e.org/x', ''))
    """
    if isinstance(o, ox.NamedNode):
        return o.value, _IRI
    if isinstance(o, ox.Literal):
        language = o.language
        return o.value, "@" + language if language else o.datatype.value
    if isinstance(o, ox.BlankNode):
        return o.value, _BLANK
    return "", _TRIPLE


def triple_rows(triples: Iterable[ox.Triple]) -> Iterator[TripleRow]:
    """Yield the rows of ``triples``, each term read once."""
    for t in triples:
        s = t.subject
        yield (s.value if isinstance(s, ox.NamedNode) else None, t.predicate.value, *object_row(t.object))


def projected_predicates() -> tuple[str, ...]:
    """Return the predicates whose triples change a projection, sorted: a reader may leave the others out.

    Left out are the ones the projection skips on purpose (the document text, the derivation
    link) and those it does not know (counted in ``Projection.skipped`` only when read).

    >>> CK.text.value in projected_predicates(), CK.quote.value in projected_predicates()
    (False, True)
    """
    read = {p for p, (what, _) in _ACTIONS.items() if what != _LEFT_OUT}
    return tuple(sorted(read | set(_EVIDENCE_LINKS) | set(_EVIDENCE_PROPS)))


def project_triples(graph: str, triples: Iterable[ox.Triple]) -> Projection:
    """Return the property-graph rows of the triples of named graph ``graph`` (see ``project_rows``)."""
    return project_rows(graph, triple_rows(triples))


def project_rows(graph: str, rows: Iterable[TripleRow]) -> Projection:
    """Return the property-graph rows of named graph ``graph`` from its triples' rows.

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
    skipped: Counter[str] = Counter()
    rows = list(rows)
    evidence_nodes = {
        s for s, p, o, kind in rows if p == _TYPE and o == _EVIDENCE and kind == _IRI and s is not None
    }

    for subject, p, o, kind in rows:
        if subject is None:
            skipped["blank subject"] += 1
            continue
        if subject in evidence_nodes:
            _read_evidence(evidence[subject], p, o, kind)
            continue
        action = _ACTIONS.get(p)
        if action is None:
            skipped[p] += 1
            continue
        what, name = action
        if what == _LEFT_OUT:
            continue
        if what == _TYPED:
            described.add(subject)
            if kind == _IRI and o in LABELS:
                labels[subject].add(LABELS[o])
        elif kind == _IRI:
            if what == _RELATIONSHIP:
                facts.add((subject, name, o))
            elif what == _LEVELLED and o.startswith(CK_NS):
                described.add(subject)
                scalars[subject][name].append(o[len(CK_NS) :].lower())
            else:
                skipped[p] += 1
        elif kind in _NOT_LITERAL or what in (_RELATIONSHIP, _LEVELLED):
            skipped[p] += 1
        else:
            described.add(subject)
            if what == _SCALAR:
                scalars[subject][_prop_name(name, kind)].append(_value(o, kind))
            elif what == _LIST:
                lists[subject][_prop_name(name, kind)].add(_value(o, kind))
            else:  # the vocabularies' stamp, as it is
                scalars[subject][name].append(o)

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
        quoted = {k: v for k, v in ev.items() if k not in _EVIDENCE_LINKS.values()}
        rels.append(RelRow(key[1], key[0], key[2], node, _provenance(graph, doc_iri, quoted)))
    for s_, type_, o_ in sorted(facts - supported):
        rels.append(RelRow(type_, s_, o_, None, _provenance(graph, doc_iri, {})))
    rels.sort(key=lambda r: (r.type, r.start, r.end, r.evidence or ""))

    nodes = []
    for uri in sorted(described):
        props: dict[str, Any] = {
            name: values[0] if len(values) == 1 else min(values, key=repr)
            for name, values in scalars[uri].items()
        }
        props.update({name: sorted(values, key=repr) for name, values in lists[uri].items()})
        nodes.append(NodeRow(uri, tuple(sorted(labels[uri])), dict(sorted(props.items()))))
    endpoints = sorted({u for r in rels for u in (r.start, r.end)} - described)
    return Projection(graph, tuple(nodes), tuple(endpoints), tuple(rels), dict(sorted(skipped.items())))


def _read_evidence(target: dict[str, Any], predicate: str, value: str, kind: str) -> None:
    if kind == _TRIPLE:
        return
    link = _EVIDENCE_LINKS.get(predicate)
    if link is not None:
        target[link] = value
    elif predicate in _EVIDENCE_PROPS and kind not in _NOT_LITERAL:
        target[_EVIDENCE_PROPS[predicate]] = _value(value, kind)


def _provenance(graph: str, document: str | None, props: dict[str, Any]) -> dict[str, Any]:
    out = {"graph": graph, **({"document": document} if document else {}), **props}
    return dict(sorted(out.items()))
