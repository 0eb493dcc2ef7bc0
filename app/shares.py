"""What the REST index reads from the store: each document's share, programmes, things and the gazetteer.

Every reader takes the graphs or IRIs to read (None for all), so the index is built
from whole-graph queries once and then patched with queries bound to the documents
that changed (app/index.py).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from graphstore.sparql import as_term
from graphstore.stores import RdfStore
from loaders.vocab import BASE

CK = BASE + "ontology#"
PLACE, PROGRAMME, DOCUMENT = BASE + "place/", BASE + "programme/", BASE + "document/"
DOC_GRAPH = BASE + "graph/document/"
PREFIXES = """PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_LEVELS = {CK + "Country": "country", CK + "Province": "province", CK + "Prefecture": "prefecture"}


@dataclass(frozen=True)
class Division:
    """A gazetteer division as the API shows it."""

    code: str
    name: str
    short: str | None
    level: str
    parent: str | None
    latitude: float | None
    longitude: float | None


@dataclass
class Programme:
    """A programme concept: scheme or discovered."""

    slug: str
    iri: str
    label: str = ""
    label_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    definition: str | None = None
    definition_en: str | None = None
    broader: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)
    in_scheme: bool = False
    top: bool = False


@dataclass(slots=True)
class DocumentInfo:
    """A loaded document's description (no text)."""

    id: str
    name: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    subject_places: list[str] = field(default_factory=list)
    facts: int = 0


class Observed(NamedTuple):
    """A figure one document gives for an indicator in a place, and where it says so (no sentence).

    A tuple, not a dataclass: 10,000 documents give about 100,000 of them, and the index they
    live in is pickled beside the store and loaded at every start-up (see app/saved.py).
    """

    indicator: str  # its IRI
    place: str  # the place's code
    value: float
    unit: str | None
    year: int | None
    qualifier: str  # "=", ">", "<", "~" or "target"
    evidence: str  # the evidence node's IRI
    mention_start: int


@dataclass(slots=True)
class DocumentShare:
    """What one document adds to the index: itself, who runs what by its word, places and things it names."""

    info: DocumentInfo
    runs: dict[tuple[str, str], int | None] = field(
        default_factory=dict
    )  # (place, slug) → first year it gives
    places: set[str] = field(default_factory=set)
    minted: set[str] = field(default_factory=set)  # IRIs of programmes, agencies, projects, … it describes
    observed: tuple[Observed, ...] = ()  # its figures for indicators, by indicator, place and position


def local(iri: str | None, prefix: str) -> str:
    """Return ``iri`` without ``prefix`` (the whole IRI when it does not start with it; "" for None).

    >>> local("https://w3id.org/citykg/place/321000", PLACE), local(None, PLACE)
    ('321000', '')
    """
    return iri[len(prefix) :] if iri and iri.startswith(prefix) else (iri or "")


def first_year(dates: list[str | None], quotes: list[str]) -> int | None:
    """Return the earliest year among document dates and years written in the quotes (1990–2099).

    >>> first_year(["2023-11-14", None], ["2019年起推行一网通办", "共12345件"])
    2019
    >>> first_year([None], ["没有年份"]) is None
    True
    """
    years = [int(d[:4]) for d in dates if d and d[:4].isdigit()]
    years += [int(y) for q in quotes for y in _YEAR.findall(q) if 1990 <= int(y) <= 2099]
    return min(years) if years else None


def _num(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def iri_term(iri: str) -> str:
    """Return an IRI written for a SPARQL query, checked by pyoxigraph (raises ValueError if invalid).

    >>> iri_term("https://w3id.org/citykg/place/321000")
    '<https://w3id.org/citykg/place/321000>'
    """
    return str(ox.NamedNode(iri))


def _values(var: str, iris: Iterable[str] | None) -> str:
    """Return a VALUES block binding ``var`` to ``iris``, or a filter to document graphs for None.

    >>> _values("g", ["https://w3id.org/citykg/graph/document/a"])
    'VALUES ?g { <https://w3id.org/citykg/graph/document/a> }'
    """
    if iris is None:
        return f'FILTER(STRSTARTS(STR(?{var}), "{DOC_GRAPH}"))'
    return f"VALUES ?{var} {{ {' '.join(str(as_term(i)) for i in sorted(iris))} }}"


def vocabulary_stamp(store: RdfStore) -> tuple[str, ...]:
    """Return the stamp of the vocabularies loaded (graphstore.build); the gazetteer and scheme change only with it."""
    rows = store.select("SELECT ?s WHERE { GRAPH <https://w3id.org/citykg/graph/build> { ?x ?p ?s } }")
    return tuple(sorted(r["s"] or "" for r in rows))


def read_divisions(store: RdfStore) -> dict[str, Division]:
    """Return the gazetteer's divisions by code."""
    rows = store.select(
        PREFIXES
        + """SELECT ?code ?label ?short ?level ?parent ?lat ?lon WHERE {
  GRAPH <https://w3id.org/citykg/graph/gazetteer> {
    ?place ck:divisionCode ?code ; rdfs:label ?label ; ck:level ?level .
    OPTIONAL { ?place ck:shortName ?short } OPTIONAL { ?place schema:containedInPlace ?parent }
    OPTIONAL { ?place schema:latitude ?lat ; schema:longitude ?lon } } }"""
    )
    return {
        r["code"]: Division(
            code=r["code"],
            name=r["label"] or r["code"],
            short=r["short"],
            level=_LEVELS.get(r["level"] or "", "district"),
            parent=local(r["parent"], PLACE) or None,
            latitude=_num(r["lat"]),
            longitude=_num(r["lon"]),
        )
        for r in rows
        if r["code"]
    }


def _sorted_rows(rows: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """Return rows in one order whatever the engine's, so a patched index equals a fresh one."""
    return sorted(rows, key=lambda r: tuple(v or "" for v in r.values()))


def _per_graph(store: RdfStore, template: str, graphs: list[str] | None) -> list[dict[str, str | None]]:
    """Return the rows of ``template`` (its ``{graph}`` the graph, ``{bind}`` what binds ``?g``) for ``graphs``.

    For all documents ``?g`` ranges over the document graphs. For given ones each graph's IRI is
    written into its own query: a ``VALUES ?g`` block is not pushed into ``GRAPH ?g`` by Oxigraph,
    and one ingest's patch took minutes at 10,000 documents (2 ms a graph written in).
    """
    if graphs is None:
        return store.select(PREFIXES + template.format(graph="?g", bind=_values("g", None)))
    rows: list[dict[str, str | None]] = []
    for graph in graphs:
        term = iri_term(graph)
        rows += store.select(PREFIXES + template.format(graph=term, bind=f"BIND({term} AS ?g)"))
    return rows


def read_shares(
    store: RdfStore, divisions: dict[str, Division], graphs: Iterable[str] | None = None
) -> dict[str, DocumentShare]:
    """Return the shares of the documents in ``graphs`` (document graph IRIs; None for all), by graph IRI."""
    graphs = None if graphs is None else sorted(graphs)
    shares: dict[str, DocumentShare] = {}
    documents = """SELECT ?g ?name ?title ?date ?source ?author (COUNT(DISTINCT ?e) AS ?facts) WHERE {{
  {bind} GRAPH {graph} {{ ?d a ck:Document ; ck:fileName ?name .
  OPTIONAL {{ ?d dct:title ?title }} OPTIONAL {{ ?d dct:date ?date }} OPTIONAL {{ ?d dct:source ?source }}
  OPTIONAL {{ ?d dct:creator ?author }} OPTIONAL {{ ?e a ck:Evidence }} }} }}
GROUP BY ?g ?name ?title ?date ?source ?author"""
    for r in _sorted_rows(_per_graph(store, documents, graphs)):
        doc_id = local(r["g"], DOC_GRAPH)
        info = DocumentInfo(doc_id, r["name"] or doc_id, r["title"], r["date"], r["source"], r["author"])
        info.facts = int(r["facts"] or 0)
        shares.setdefault(r["g"] or "", DocumentShare(info))
    facts = """SELECT DISTINCT ?g ?s ?p ?o WHERE {{ {bind} GRAPH {graph} {{ ?s ?p ?o .
  VALUES ?p {{ ck:runsProgramme ck:locatedIn ck:hasObservation ck:mentionsPlace ck:subjectPlace }} }} }}"""
    for r in _per_graph(store, facts, graphs):
        share = shares.get(r["g"] or "")
        s, pred, o = r["s"] or "", (r["p"] or "")[len(CK) :], r["o"] or ""
        place = local(s if pred in ("runsProgramme", "hasObservation") else o, PLACE)
        if share is None or place not in divisions:
            continue
        place = sys.intern(place)  # one copy per place and programme across all shares (issue 12: memory)
        share.places.add(place)
        if pred == "runsProgramme":
            share.runs.setdefault((place, sys.intern(local(o, PROGRAMME))), None)
        elif pred == "subjectPlace":
            share.info.subject_places.append(place)
    minted = """SELECT DISTINCT ?g ?x WHERE {{ {bind} GRAPH {graph} {{ ?x a ?type }}
  VALUES ?type {{ ck:Programme ck:Agency ck:Project ck:Policy ck:Indicator }} }}"""
    for r in _per_graph(store, minted, graphs):
        if (share := shares.get(r["g"] or "")) is not None and r["x"]:
            share.minted.add(sys.intern(r["x"]))  # 23 per document, most of them shared with others
    # Its figures for indicators with their evidence nodes: an indicator's page ranks places from these
    # and reads sentences only for the rows it shows (app/entities.py). Reading them from the store
    # took 1.3-8 s for 5G基站 at 10,000 documents (8,629 figures), the list of indicators 2-7 s.
    figures = """SELECT ?g ?i ?place ?value ?unit ?year ?qualifier ?e ?ms WHERE {{ {bind} GRAPH {graph} {{
  ?obs ck:indicator ?i ; ck:refArea ?place ; ck:value ?value ; ck:qualifier ?qualifier ; prov:wasDerivedFrom ?e .
  ?e ck:mentionStart ?ms . OPTIONAL {{ ?obs ck:unit ?unit }} OPTIONAL {{ ?obs ck:refPeriod ?year }} }} }}"""
    observed: dict[str, list[Observed]] = {}
    for r in _per_graph(store, figures, graphs):
        if r["g"] not in shares or not r["i"] or not r["e"]:
            continue
        year = r["year"] or ""
        observed.setdefault(r["g"] or "", []).append(
            Observed(
                indicator=sys.intern(r["i"]),
                place=sys.intern(local(r["place"], PLACE)),
                value=float(r["value"] or 0),
                unit=sys.intern(r["unit"]) if r["unit"] else None,
                year=int(year[:4]) if year[:4].isdigit() else None,
                qualifier=sys.intern(r["qualifier"] or "="),
                evidence=r["e"],
                mention_start=int(r["ms"] or 0),
            )
        )
    for graph, figures_of in observed.items():
        shares[graph].observed = tuple(
            sorted(figures_of, key=lambda o: (o.indicator, o.place, o.mention_start, o.evidence))
        )
    # The first year a document gives for "place runs programme": its date, or a year its evidence quotes.
    quotes = """SELECT ?g ?place ?programme ?quote WHERE {{ {bind} GRAPH {graph} {{
  ?e rdf:predicate ck:runsProgramme ; rdf:subject ?place ; rdf:object ?programme ; ck:quote ?quote }} }}"""
    said: dict[tuple[str, str, str], list[str]] = {}
    for r in _per_graph(store, quotes, graphs):
        key = (r["g"] or "", local(r["place"], PLACE), local(r["programme"], PROGRAMME))
        said.setdefault(key, []).append(r["quote"] or "")
    for graph, share in shares.items():
        share.info.subject_places.sort()
        for place, slug in share.runs:
            share.runs[(place, slug)] = first_year([share.info.date], said.get((graph, place, slug), []))
    return shares


def read_programmes(store: RdfStore, iris: Iterable[str] | None = None) -> dict[str, Programme]:
    """Return the programmes among ``iris`` (None: all) by slug, from the facts the store holds."""
    where = "" if iris is None else _values("p", iris)
    rows = store.select(
        PREFIXES
        # The properties as a FILTER, not a VALUES block: Oxigraph joined the VALUES with every
        # triple of those properties before the programmes asked for (180 ms against 1 ms at 10,000 documents).
        + f"""SELECT DISTINCT ?p ?prop ?v (LANG(?v) AS ?lang) WHERE {{ {where} ?p a ck:Programme ; ?prop ?v .
  FILTER(?prop IN (skos:prefLabel, skos:altLabel, skos:broader, skos:related, skos:inScheme, skos:topConceptOf,
                   skos:definition)) }}"""
    )
    programmes: dict[str, Programme] = {}
    skos = "http://www.w3.org/2004/02/skos/core#"
    for r in _sorted_rows(rows):
        slug = local(r["p"], PROGRAMME)
        p = programmes.setdefault(slug, Programme(slug=slug, iri=r["p"] or ""))
        prop, value, lang = (r["prop"] or "")[len(skos) :], r["v"] or "", r["lang"]
        if prop == "prefLabel":
            if lang == "en":
                p.label_en = value
            elif not p.label:
                p.label = value
        elif prop == "altLabel" and value not in p.aliases:
            p.aliases.append(value)
        elif prop == "definition":
            if lang == "en":
                p.definition_en = value
            else:
                p.definition = value
        elif prop == "broader":
            p.broader.add(local(value, PROGRAMME))
        elif prop == "related":
            p.related.add(local(value, PROGRAMME))
        elif prop == "inScheme":
            p.in_scheme = True
        elif prop == "topConceptOf":
            p.in_scheme = p.top = True
    for p in programmes.values():
        p.aliases.sort()
    return programmes


def read_things(
    store: RdfStore, iris: Iterable[str] | None = None
) -> dict[str, tuple[str, str, str | None, str | None]]:
    """Return agencies, projects, policies and indicators among ``iris`` (None: all): iri → (type, label, label_en, kind)."""
    where = "" if iris is None else _values("x", iris)
    # For given things the types are a FILTER (22 ms against 2 ms for 20 at 10,000 documents: see
    # read_programmes); for all of them a VALUES block is the faster plan (2.0 s against 2.6 s).
    types = (
        "VALUES ?type { ck:Agency ck:Project ck:Policy ck:Indicator } ?x a ?type ."
        if iris is None
        else "?x a ?type . FILTER(?type IN (ck:Agency, ck:Project, ck:Policy, ck:Indicator))"
    )
    rows = store.select(
        PREFIXES
        + f"""SELECT DISTINCT ?x ?type ?label ?en ?kind WHERE {{ {where} {types}
  OPTIONAL {{ ?x rdfs:label|dct:title|skos:prefLabel ?label FILTER(LANG(?label) = "zh") }}
  OPTIONAL {{ ?x skos:prefLabel ?en FILTER(LANG(?en) = "en") }} OPTIONAL {{ ?x ck:projectKind ?kind }} }}"""
    )
    return {
        r["x"]: (local(r["type"], CK).lower(), r["label"] or "", r["en"], r["kind"])
        for r in _sorted_rows(rows)
        if r["x"]
    }
