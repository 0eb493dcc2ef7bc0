"""The analytics projection: the graph's evidence-backed links held in networkx, kept in step per document.

One `Projection` per store. It remembers which document graphs it has read, so after
an ingest or a removal `sync` reads only the documents that came or went (one small
SPARQL query each) and patches three graphs in place:

- ``adoption``: bipartite, places × programmes, edge weight = documents with evidence;
- ``links``: every entity link with evidence (runsProgramme, locatedIn, citesPolicy,
  subjectPlace) plus the SKOS links of the programme scheme, for paths;
- ``co_adoption``: programmes, edge weight = places running both (patched per place
  whose portfolio changed).

When the store changed without any document graph coming or going (a document
replaced under the same id, a rebuild, new vocabularies) it reads everything again.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field, fields
from typing import Any

import networkx as nx

from graphstore.facts import FACTS_GRAPH
from graphstore.stores import RdfStore
from loaders.vocab import BASE

__all__ = ["Fact", "Projection", "PLACE", "PROGRAMME", "DOCUMENT"]

CK = "https://w3id.org/citykg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PLACE, PROGRAMME, DOCUMENT = BASE + "place/", BASE + "programme/", BASE + "document/"
DOC_GRAPH = BASE + "graph/document/"
# mentionsPlace is left out of the links: a passing mention ("与上海市交流") connects too much to mean much.
LINK_PREDICATES = ("runsProgramme", "locatedIn", "citesPolicy", "subjectPlace")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")

_FACTS = """PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?g ?s ?p ?o ?quote ?ss ?se ?ms ?me WHERE { GRAPH %(graph)s {
  ?e a ck:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     ck:quote ?quote ; ck:sentenceStart ?ss ; ck:sentenceEnd ?se ; ck:mentionStart ?ms ; ck:mentionEnd ?me .
  VALUES ?p { ck:runsProgramme ck:locatedIn ck:citesPolicy ck:subjectPlace } } %(bind)s }"""
_DATES = """PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?g ?date WHERE { GRAPH %(graph)s { ?d a ck:Document . OPTIONAL { ?d dct:date ?date } } %(bind)s }"""
# Every document at once: from the facts graph (graphstore/facts.py), which holds each evidence node
# once, with the document it names. Over GRAPH ?g every node was read twice, from its document's graph
# and from the facts graph: 10 s against 2.4 s at 1,000 documents.
_ALL_FACTS = f"""PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?d ?s ?p ?o ?quote ?ss ?se ?ms ?me WHERE {{ GRAPH {FACTS_GRAPH} {{
  ?e rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o ; prov:wasQuotedFrom ?d ;
     ck:quote ?quote ; ck:sentenceStart ?ss ; ck:sentenceEnd ?se ; ck:mentionStart ?ms ; ck:mentionEnd ?me .
  VALUES ?p {{ ck:runsProgramme ck:locatedIn ck:citesPolicy ck:subjectPlace }} }} }}"""
_ALL_DATES = f"""PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?d ?date WHERE {{ GRAPH {FACTS_GRAPH} {{ ?d a ck:Document ; dct:date ?date }} }}"""
_SCHEME = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/citykg/graph/programmes> {
  ?s ?p ?o VALUES ?p { skos:broader skos:related } } }"""


@dataclass(frozen=True, slots=True)
class Fact:
    """One piece of evidence: ``subject predicate object`` read in ``document``, in ``sentence``.

    The projection holds one per evidence node (18 per document on the generated corpus), so they
    have slots and share their strings (`_read`): at 10,000 documents they took 126 MB, mostly
    per-object dicts and copies of the same IRIs (issue 12: under 4 GB at 100,000 documents).
    """

    subject: str
    predicate: str
    object: str
    document: str
    sentence: str
    sentence_start: int
    mention_start: int
    mention_end: int
    sentence_end: int = 0

    def __reduce__(self) -> tuple[type[Fact], tuple[Any, ...]]:
        """Return how pickle rebuilds a fact: by its constructor, from its fields in order.

        The dataclass's own state functions call ``dataclasses.fields`` for every object they
        restore: loading the kept projection at start-up took 3.2 of its 4.6 s there at 10,000
        documents (185,000 facts), a share that grows with the corpus. Files kept before load too.

        >>> import pickle
        >>> fact = Fact("s", "p", "o", "d", "一句话。", 0, 1, 2, 4)
        >>> pickle.loads(pickle.dumps(fact)) == fact
        True
        """
        return (Fact, tuple(getattr(self, name) for name in _FACT_FIELDS))

    @property
    def quote(self) -> str:
        """Return the words of the sentence that name the fact (the mention)."""
        a, b = self.mention_start - self.sentence_start, self.mention_end - self.sentence_start
        return self.sentence[a:b] if 0 <= a < b <= len(self.sentence) else self.sentence

    @property
    def stated_year(self) -> int | None:
        """Return the earliest year (1990–2099) the sentence states, or None."""
        return _stated_year(self.sentence)


@functools.lru_cache(maxsize=1 << 16)
def _stated_year(sentence: str) -> int | None:
    """Return the earliest year (1990–2099) ``sentence`` states, or None; sentences repeat across facts
    (the adoption table of 10,000 documents read 71,400 of them, 0.2 s of its 0.6 s).

    >>> _stated_year("2019年起推行,2021年覆盖全市"), _stated_year("没有年份") is None
    (2019, True)
    """
    years = [int(y) for y in _YEAR.findall(sentence) if 1990 <= int(y) <= 2099]
    return min(years) if years else None


# The fields of a Fact in constructor order (Fact.__reduce__).
_FACT_FIELDS = tuple(f.name for f in fields(Fact))


@dataclass(eq=False)
class Projection:
    """The networkx projection of one store (see the module docstring); read it after `sync`."""

    version: tuple[str, int] | None = None
    revision: int = 0
    facts: dict[str, list[Fact]] = field(default_factory=dict)  # document id → its facts
    dates: dict[str, str] = field(default_factory=dict)  # document id → publication date
    adoption: nx.Graph = field(default_factory=nx.Graph)
    links: nx.Graph = field(default_factory=nx.Graph)
    co_adoption: nx.Graph = field(default_factory=nx.Graph)
    portfolios: dict[str, frozenset[str]] = field(default_factory=dict)  # place code → programme slugs
    # (revision, places whose adoptions changed; None after a full read), for caches patched per place
    changes: list[tuple[int, frozenset[str] | None]] = field(default_factory=list)
    # name → (revision, value): what app.analytics.state's View.derived computed from this projection
    derived: dict[str, tuple[int, Any]] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        """Return what is kept on disk (app/saved.py): everything but the derived values, computed again on use."""
        return {**self.__dict__, "derived": {}}

    def sync(self, store: RdfStore) -> bool:
        """Bring the projection up to date with ``store``; return whether anything changed."""
        version = (str(id(store)), store.version)
        if version == self.version:
            return False
        current = {g[len(DOC_GRAPH) :] for g in store.graph_iris() if g.startswith(DOC_GRAPH)}
        added, removed = current - self.facts.keys(), self.facts.keys() - current
        self.revision += 1
        # Many documents at once, and more than the projection holds (a first start, a rebuild), are
        # read with whole-graph queries; fewer are patched in one by one (a build adding 10,000 to 90,000).
        if self.version is None or not (added or removed) or len(added) > max(50, len(self.facts)):
            self._reload(store, current)
            self.changes = [(self.revision, None)]
        else:
            touched = frozenset(self._patch(store, added, removed))
            self.changes = self.changes[-99:]
            self.changes.append((self.revision, touched))
        self.version = version
        return True

    def changed_places(self, since: int) -> frozenset[str] | None:
        """Return the places whose programmes or evidence changed after revision ``since`` (None: maybe all)."""
        later = [places for revision, places in self.changes if revision > since]
        if len(later) != self.revision - since:
            return None  # the log no longer reaches back that far
        changed: set[str] = set()
        for places in later:
            if places is None:
                return None
            changed |= places
        return frozenset(changed)

    def _reload(self, store: RdfStore, current: set[str]) -> None:
        self.facts, self.dates, self.portfolios = {}, {}, {}
        self.adoption, self.links, self.co_adoption = nx.Graph(), nx.Graph(), nx.Graph()
        facts, dates = _read(store, "?g")
        touched: set[str] = set()
        for doc in sorted(current):
            touched |= self._add(doc, facts.get(doc, []), dates.get(doc))
        for r in store.select(_SCHEME):
            s, o = r["s"] or "", r["o"] or ""
            self.links.add_edge(s, o)
            self.links.edges[s, o].setdefault("scheme", set()).add((r["p"] or "")[len(SKOS) :])
        self._refresh_co_adoption(touched)

    def _patch(self, store: RdfStore, added: set[str], removed: set[str]) -> set[str]:
        touched: set[str] = set()
        for doc in sorted(removed):
            touched |= self._drop(doc)
        for doc in sorted(added):
            facts, dates = _read(store, str(_graph_term(doc)))
            touched |= self._add(doc, facts.get(doc, []), dates.get(doc))
        self._refresh_co_adoption(touched)
        return touched

    def _add(self, doc: str, facts: list[Fact], date: str | None) -> set[str]:
        """Add one document's facts; return the codes of the places whose programmes it touched."""
        self.facts[doc] = facts
        if date:
            self.dates[doc] = date
        touched = set()
        for f in facts:
            edge = self.links.edges.get((f.subject, f.object))
            if edge is None:
                self.links.add_edge(f.subject, f.object)
                edge = self.links.edges[f.subject, f.object]
            edge.setdefault("facts", defaultdict(list))[doc].append(f)
            if f.predicate == "runsProgramme" and f.subject.startswith(PLACE):
                code, slug = f.subject[len(PLACE) :], f.object[len(PROGRAMME) :]
                self.adoption.add_node(("place", code), bipartite=0)
                self.adoption.add_node(("programme", slug), bipartite=1)
                self.adoption.add_edge(("place", code), ("programme", slug))
                docs = self.adoption.edges[("place", code), ("programme", slug)].setdefault("docs", set())
                docs.add(doc)
                self.adoption.edges[("place", code), ("programme", slug)]["weight"] = len(docs)
                touched.add(code)
        return touched

    def _drop(self, doc: str) -> set[str]:
        touched = set()
        for f in self.facts.pop(doc, []):
            if not self.links.has_edge(f.subject, f.object):
                continue
            edge = self.links.edges[f.subject, f.object]
            edge.get("facts", {}).pop(doc, None)
            if not edge.get("facts") and not edge.get("scheme"):
                self.links.remove_edge(f.subject, f.object)
            if f.predicate == "runsProgramme" and f.subject.startswith(PLACE):
                code, slug = f.subject[len(PLACE) :], f.object[len(PROGRAMME) :]
                key = (("place", code), ("programme", slug))
                if self.adoption.has_edge(*key):
                    docs = self.adoption.edges[key]["docs"]
                    docs.discard(doc)
                    if docs:
                        self.adoption.edges[key]["weight"] = len(docs)
                    else:
                        self.adoption.remove_edge(*key)
                touched.add(code)
        self.dates.pop(doc, None)
        self.links.remove_nodes_from([n for n in list(self.links) if not self.links.degree(n)])
        self.adoption.remove_nodes_from([n for n in list(self.adoption) if not self.adoption.degree(n)])
        return touched

    def _refresh_co_adoption(self, places: set[str]) -> None:
        """Move each place's pairs of programmes from its old portfolio to its new one."""
        for code in places:
            node = ("place", code)
            new = frozenset(s for _, s in self.adoption[node]) if node in self.adoption else frozenset()
            old = self.portfolios.get(code, frozenset())
            if new == old:
                continue
            for a, b in itertools.combinations(sorted(old), 2):
                weight = self.co_adoption.edges[a, b]["weight"] - 1
                if weight:
                    self.co_adoption.edges[a, b]["weight"] = weight
                else:
                    self.co_adoption.remove_edge(a, b)
            for a, b in itertools.combinations(sorted(new), 2):
                if self.co_adoption.has_edge(a, b):
                    self.co_adoption.edges[a, b]["weight"] += 1
                else:
                    self.co_adoption.add_edge(a, b, weight=1)
            self.co_adoption.add_nodes_from(new)
            if new:
                self.portfolios[code] = new
            else:
                self.portfolios.pop(code, None)
        self.co_adoption.remove_nodes_from(
            [n for n in list(self.co_adoption) if not self.co_adoption.degree(n) and not self.adopters(n)]
        )

    def programmes_of(self, code: str) -> frozenset[str]:
        """Return the slugs of the programmes place ``code`` runs."""
        return self.portfolios.get(code, frozenset())

    def adopters(self, slug: str) -> set[str]:
        """Return the codes of the places running programme ``slug``."""
        node = ("programme", slug)
        return {c for _, c in self.adoption[node]} if node in self.adoption else set()

    def adopter_count(self, slug: str) -> int:
        """Return how many places run programme ``slug`` (`adopters` without building the set)."""
        node = ("programme", slug)
        return self.adoption.degree(node) if node in self.adoption else 0

    def evidence(self, code: str, slug: str) -> list[Fact]:
        """Return the evidence that place ``code`` runs ``slug``, by document then position."""
        edge = self.links.edges.get((PLACE + code, PROGRAMME + slug))
        return [] if edge is None else _edge_facts(edge, "runsProgramme")

    def located_in(self, place: str) -> dict[str, list[Fact]]:
        """Return what the evidence says is located in ``place`` (an IRI): thing IRI → its evidence there."""
        if place not in self.links:
            return {}
        found = {thing: _edge_facts(edge, "locatedIn", place) for thing, edge in self.links[place].items()}
        return {thing: facts for thing, facts in found.items() if facts}

    def located(self, thing: str) -> list[Fact]:
        """Return the evidence that ``thing`` (an agency or project IRI) is located in a place, by document then position."""
        if thing not in self.links:
            return []
        return [
            f
            for edge in self.links[thing].values()
            for f in _edge_facts(edge, "locatedIn")
            if f.subject == thing
        ]

    def citing(self, policy: str) -> list[Fact]:
        """Return the evidence that documents cite ``policy`` (an IRI), by document then position."""
        if policy not in self.links:
            return []
        return [f for edge in self.links[policy].values() for f in _edge_facts(edge, "citesPolicy", policy)]

    def same_sentence(self, facts: list[Fact]) -> list[Fact]:
        """Return the facts read in the sentences ``facts`` were read in (``facts`` among them)."""
        sentences = {(f.document, f.sentence_start) for f in facts}
        return [
            other
            for doc in sorted({doc for doc, _ in sentences})
            for other in self.facts.get(doc, ())
            if (doc, other.sentence_start) in sentences
        ]


def _edge_facts(edge: dict[str, Any], predicate: str, object_: str | None = None) -> list[Fact]:
    """Return the evidence on a ``links`` edge for ``predicate`` (with ``object_``, if given), by document then position."""
    return [
        f
        for doc in sorted(edge.get("facts", {}))
        for f in sorted(edge["facts"][doc], key=lambda f: f.mention_start)
        if f.predicate == predicate and object_ in (None, f.object)
    ]


def _graph_term(doc: str) -> str:
    """Return the SPARQL term of a document's named graph.

    >>> _graph_term("6a3c6f71fd1c4661")
    '<https://w3id.org/citykg/graph/document/6a3c6f71fd1c4661>'
    """
    if not re.fullmatch(r"[\w.-]+", doc):
        raise ValueError(f"not a document id: {doc!r}")
    return f"<{DOC_GRAPH}{doc}>"


def _read(store: RdfStore, graph: str) -> tuple[dict[str, list[Fact]], dict[str, str]]:
    """Return the facts and publication dates of the document graph(s) ``graph`` names (``?g`` for all)."""
    facts: dict[str, list[Fact]] = defaultdict(list)
    shared = sys.intern  # one copy of each IRI and sentence however many facts repeat it
    if graph == "?g":
        rows, date_rows, key, prefix = store.select(_ALL_FACTS), store.select(_ALL_DATES), "d", DOCUMENT
    else:
        # A constant graph IRI plans far better in Oxigraph than a bound ?g (app.resources._bound).
        terms = {"graph": graph, "bind": f"BIND({graph} AS ?g)"}
        rows, date_rows, key, prefix = (
            store.select(_FACTS % terms),
            store.select(_DATES % terms),
            "g",
            DOC_GRAPH,
        )
    for r in rows:
        doc = shared((r[key] or "")[len(prefix) :])
        facts[doc].append(
            Fact(
                subject=shared(r["s"] or ""),
                predicate=shared((r["p"] or "")[len(CK) :]),
                object=shared(r["o"] or ""),
                document=doc,
                sentence=shared(r["quote"] or ""),
                sentence_start=int(r["ss"] or 0),
                mention_start=int(r["ms"] or 0),
                mention_end=int(r["me"] or 0),
                sentence_end=int(r["se"] or 0),
            )
        )
    dates = {(r[key] or "")[len(prefix) :]: (r["date"] or "")[:10] for r in date_rows if r["date"]}
    return dict(facts), dates
