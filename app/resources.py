"""The REST resources as plain functions over the store (embedded or remote): each route calls exactly one of these.

Cross-cutting data (which place runs which programme, the scheme, documents, labels)
is read with a few SPARQL queries into a `GraphIndex`, cached per store until the
store changes (`store_version`); per-resource detail (evidence, metrics, text) is
read with queries bound to the one resource asked for.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Mapping
from typing import Any, TypeVar

from app.analytics.projection import Fact
from app.analytics.state import view
from app.index import GraphIndex, graph_index, programme_change, store_version
from app.neighbourhood import NodeNotFound, neighbourhood, node_label, node_type
from app.shares import CK, DOC_GRAPH, DOCUMENT, PLACE, PREFIXES, PROGRAMME, Programme, first_year, iri_term
from app.shares import local as _local
from app.similarity import KIN_FACTORS, Kinship, Match, rank_by_programmes
from app.stats import graph_stats
from graphstore.build import ensure_vocabularies, load_extraction, superseded_graphs
from graphstore.stores import RdfStore
from loaders.documents import document_from_bytes, document_from_text
from loaders.extract import extract
from loaders.rdf import document_graph
from loaders.records import Document, Extraction

__all__ = [
    "DocumentNotFound",
    "GraphIndex",
    "NodeNotFound",
    "PlaceNotFound",
    "ProgrammeNotFound",
    "Statement",
    "document_detail",
    "first_year",
    "graph_index",
    "ingest_document",
    "iri_term",
    "list_documents",
    "list_places",
    "list_programmes",
    "neighbourhood",
    "node_label",
    "node_type",
    "place_detail",
    "place_summary",
    "programme_detail",
    "programme_entry",
    "first_sentences",
    "similar_places",
    "similar_programmes",
    "stats",
    "store_version",
]

# ontology/README.md: the scheme's top concepts are umbrellas that relate everything.


class PlaceNotFound(LookupError):
    """No division of the gazetteer has this code."""


class ProgrammeNotFound(LookupError):
    """No programme has this slug."""


class DocumentNotFound(LookupError):
    """No loaded document has this id."""


class DocumentConflict(RuntimeError):
    """A different document is already loaded under this name, and replacing it was not asked for."""


def stats(store: RdfStore) -> dict[str, int]:
    """Return the graph's counts (documents, places, programmes, agencies, … facts)."""
    return graph_stats(store)


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"data": items[offset : offset + limit], "count": len(items), "limit": limit, "offset": offset}


def place_summary(index: GraphIndex, code: str) -> dict[str, Any]:
    """Return a place's list entry: code, name, level, parent, province, counts, coordinates."""
    d = index.divisions[code]
    return {
        "code": d.code,
        "name": d.name,
        "level": d.level,
        "parent": index.place_ref(d.parent),
        "province": index.place_ref(index.province_of(code)),
        "programmes": len(index.place_programmes.get(code, ())),
        "documents": len(index.place_documents.get(code, ())),
        "latitude": d.latitude,
        "longitude": d.longitude,
    }


def list_places(
    store: RdfStore, *, q: str | None = None, province: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Return the page of places with facts, by programmes (descending) then code, filtered by name and province."""
    index = graph_index(store)
    codes = sorted(index.place_documents, key=lambda c: (-len(index.place_programmes.get(c, ())), c))
    if q:
        codes = [c for c in codes if q in index.divisions[c].name or c.startswith(q)]
    if province:
        wanted = {
            c
            for c, d in index.divisions.items()
            if d.level == "province" and province in (c, d.name, d.short)
        }
        codes = [c for c in codes if index.province_of(c) in wanted]
    return _page([place_summary(index, c) for c in codes], limit, offset)


_EVIDENCE = """?e ck:quote ?quote ; prov:wasQuotedFrom ?doc ; ck:sentenceStart ?ss ; ck:sentenceEnd ?se ;
     ck:mentionStart ?ms ; ck:mentionEnd ?me ."""


def _bound(template: str, **iris: str) -> str:
    """Return `template` with each `$name` replaced by the IRI given for it, checked by pyoxigraph.

    Written into the text rather than substituted: Oxigraph plans a constant IRI far
    better than a bound variable (98 ms → 10 ms for a place's evidence).
    """
    for name, iri in iris.items():
        template = template.replace(f"${name}", iri_term(iri))
    return template


def _evidence(index: GraphIndex, r: dict[str, str | None]) -> dict[str, Any]:
    return {
        "quote": r["quote"] or "",
        "document": index.document_ref(_local(r["doc"], DOCUMENT)),
        "sentence_start": int(r["ss"] or 0),
        "sentence_end": int(r["se"] or 0),
        "start": int(r["ms"] or 0),
        "end": int(r["me"] or 0),
    }


def _sorted_evidence(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda e: (e["document"]["name"] or "", e["start"]))


# A place's observations' evidence with what orders it (document, then where the mention starts):
# the sentences are read only for the evidence a page shows (`_first_evidence`). Its programmes and
# what is located in it come from the analytics projection (`_place_page`). Read from the place's
# observations, each with its own evidence: starting from all the evidence about the place read
# every node of it, whatever its predicate (安徽省 at 10,000 documents: 1,879 nodes read, each a
# block of the index, for no observation; the first page of the most-mentioned place after a
# start-up took 10.2 s at 100,000, where the index no longer fits in memory).
_PLACE_FACTS = (
    PREFIXES
    + """SELECT ?s ?p ?o ?e ?doc ?ms WHERE {
  $place ck:hasObservation ?o .
  ?e rdf:object ?o ; rdf:subject $place ; rdf:predicate ck:hasObservation ; prov:wasQuotedFrom ?doc ;
     ck:mentionStart ?ms . BIND($place AS ?s) BIND(ck:hasObservation AS ?p) }"""
)
_QUOTES = (
    PREFIXES + "SELECT ?e ?quote ?doc ?ss ?se ?ms ?me WHERE { VALUES ?e { $evidence } " + _EVIDENCE + "}"
)
_PLACE_METRICS = (
    PREFIXES
    + """SELECT ?obs ?indicator ?ilabel ?wording ?value ?unit ?year ?qualifier WHERE {
  $place ck:hasObservation ?obs . ?obs ck:value ?value ; ck:qualifier ?qualifier .
  OPTIONAL { ?obs ck:indicator ?indicator OPTIONAL { ?indicator skos:prefLabel ?ilabel FILTER(LANG(?ilabel) = "zh") } }
  OPTIONAL { ?obs ck:indicatorLabel ?wording } OPTIONAL { ?obs ck:unit ?unit } OPTIONAL { ?obs ck:refPeriod ?year } }"""
)
_QUOTES_PER_QUERY = 500


# Where a fact is stated: (document id, mention start, evidence node IRI).
Statement = tuple[str, int, str]
K = TypeVar("K", bound=Hashable)


def _first_evidence(
    store: RdfStore, index: GraphIndex, rows: list[dict[str, str | None]], most: int
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Return {evidence, evidence_count} per fact (s, p, o) of `rows`: its first `most` sentences and how many it has.

    `rows` name each evidence node (?e) of each fact with its document (?doc) and mention
    start (?ms). The most-mentioned place of 10,000 documents has three facts with 3,907
    sentences between them.
    """
    by_fact: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for r in rows:
        by_fact[(r["s"] or "", r["p"] or "", r["o"] or "")].append(
            (_local(r["doc"], DOCUMENT), int(r["ms"] or 0), r["e"] or "")
        )
    return first_sentences(store, index, by_fact, most)


def first_sentences(
    store: RdfStore, index: GraphIndex, stated: Mapping[K, list[Statement]], most: int
) -> dict[K, dict[str, Any]]:
    """Return {evidence, evidence_count} per key of `stated`: its first `most` sentences in document
    order (by document name, then mention start) and how many statements it has.

    Only the chosen sentences are read from the store, `_QUOTES_PER_QUERY` evidence nodes a query.
    """

    def order(statement: Statement) -> tuple[str, int]:
        return (index.document_ref(statement[0])["name"] or "", statement[1])

    chosen = {key: [e for _, _, e in sorted(found, key=order)[:most]] for key, found in stated.items()}
    wanted = sorted({e for es in chosen.values() for e in es})
    read: dict[str, dict[str, Any]] = {}
    for at in range(0, len(wanted), _QUOTES_PER_QUERY):
        block = " ".join(iri_term(e) for e in wanted[at : at + _QUOTES_PER_QUERY])
        for r in store.select(_QUOTES.replace("$evidence", block)):
            read[r["e"] or ""] = _evidence(index, r)
    return {
        key: {"evidence": [read[e] for e in es if e in read], "evidence_count": len(stated[key])}
        for key, es in chosen.items()
    }


# Pages of places and programmes kept per store: key → (index revision, page), the most recently used last.
_PAGES: weakref.WeakKeyDictionary[RdfStore, OrderedDict[tuple[Any, ...], tuple[int, dict[str, Any]]]] = (
    weakref.WeakKeyDictionary()
)
_PAGES_KEPT = 128
_PAGE_SENTENCES_KEPT = 2_000  # a larger page is made again when asked for (kept ones stay under ~1 MB)
_PAGES_LOCK = threading.Lock()


def place_detail(store: RdfStore, code: str, *, evidence: int = 20) -> dict[str, Any]:
    """Return a place with its ancestors, programmes, agencies, projects, metrics and documents (with evidence).

    Each fact carries its first ``evidence`` sentences and how many there are (a place named by
    thousands of documents answered 21 MB). Raises `PlaceNotFound` for a code the gazetteer does not know.
    A page made before an ingest or a removal that did not touch the place is given again (`_kept_page`).
    """
    index = graph_index(store)
    if code not in index.divisions:
        raise PlaceNotFound(f"no administrative division has the code {code!r} (GB/T 2260, e.g. 321000)")
    return _kept_page(
        store, index, ("place", code, evidence), code, lambda: _place_page(store, index, code, evidence)
    )


def _kept_page(
    store: RdfStore, index: GraphIndex, key: tuple[Any, ...], about: str, make: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """Return a copy of the page ``key`` made before, if nothing ``about`` it changed since (see below), else ``make()``.

    ``about`` is what `GraphIndex.changed_since` names: a place's code or ``programme:<slug>``. A page
    made before an ingest or a removal is given again when no document loaded or removed since then
    speaks of it: the most-mentioned place of 10,000 documents took 0.3-0.6 s to read after every
    ingest, wherever the new document was about.
    """
    with _PAGES_LOCK:
        pages = _PAGES.setdefault(store, OrderedDict())
        kept = pages.get(key)
    if kept is not None:
        changed = index.changed_since(kept[0])
        if changed is not None and about not in changed:
            with _PAGES_LOCK:
                pages[key] = (index.revision, kept[1])
                pages.move_to_end(key)
            return dict(kept[1])
    page = make()
    if _sentences(page) > _PAGE_SENTENCES_KEPT:
        return page  # 5,000 places with 20 sentences each: too big to keep 128 of
    with _PAGES_LOCK:
        pages[key] = (index.revision, page)
        pages.move_to_end(key)
        while len(pages) > _PAGES_KEPT:
            pages.popitem(last=False)
    return dict(page)


def _sentences(page: dict[str, Any]) -> int:
    """Return how many evidence sentences a place's or programme's page holds.

    >>> _sentences({"places": [{"evidence": [{}, {}]}], "metrics": [{"evidence": [{}]}], "label": "x"})
    3
    """
    return sum(
        len(entry.get("evidence", ()))
        for part in page.values()
        if isinstance(part, list)
        for entry in part
        if isinstance(entry, dict)
    )


def _place_page(store: RdfStore, index: GraphIndex, code: str, evidence: int) -> dict[str, Any]:
    """Return place ``code``'s page, from the REST index, the analytics projection and the store (see `place_detail`)."""
    iri = PLACE + code
    # The programmes it runs and what is located in it, with their evidence, from the analytics
    # projection (held per edge, patched per document): the most-mentioned place of 10,000
    # documents has 3,907 such sentences, and reading their nodes from the store took 0.3 s.
    with view(store) as v:
        ran = {slug: v.projection.evidence(code, slug) for slug in v.projection.programmes_of(code)}
        inside = v.projection.located_in(iri)
    programmes = {slug: _quotes(index, facts, evidence) for slug, facts in ran.items()}
    located = {thing: _quotes(index, facts, evidence) for thing, facts in inside.items()}
    observations = {
        o: quotes
        for (_, _, o), quotes in _first_evidence(
            store, index, store.select(_bound(_PLACE_FACTS, place=iri)), evidence
        ).items()
    }
    none = {"evidence": [], "evidence_count": 0}
    metrics: list[dict[str, Any]] = []
    for r in store.select(_bound(_PLACE_METRICS, place=iri)):
        value = float(r["value"] or 0)
        metrics.append(
            {
                "indicator": r["ilabel"] or r["wording"] or "",
                "indicator_iri": r["indicator"],
                "value": int(value) if value.is_integer() else value,
                "unit": r["unit"],
                "year": int(r["year"][:4]) if r["year"] else None,
                "qualifier": r["qualifier"] or "=",
                **observations.get(r["obs"] or "", none),
            }
        )
    metrics.sort(key=lambda m: (m["indicator"], -(m["year"] or 0), str(m["value"])))
    agencies, projects = [], []
    for thing, quotes in located.items():
        kind, label, _, project_kind = index.things.get(thing, ("", thing, None, None))
        entry = {"iri": thing, "name": label, **quotes}
        if kind == "agency":
            agencies.append(entry)
        elif kind == "project":
            projects.append({**entry, "kind": project_kind})
    summary = place_summary(index, code)
    del summary["programmes"], summary["documents"]
    return {
        **summary,
        "ancestors": [{"code": a.code, "name": a.name, "level": a.level} for a in index.ancestors(code)],
        "programmes": sorted(
            (
                {
                    "slug": slug,
                    "iri": PROGRAMME + slug,
                    "label": index.programme_ref(slug)["label"],
                    "label_en": index.programmes[slug].label_en if slug in index.programmes else None,
                    "in_scheme": index.programmes[slug].in_scheme if slug in index.programmes else False,
                    **quotes,
                }
                for slug, quotes in programmes.items()
            ),
            key=lambda p: (not p["in_scheme"], p["slug"]),
        ),
        "agencies": sorted(agencies, key=lambda a: a["name"]),
        "projects": sorted(projects, key=lambda a: a["name"]),
        "metrics": metrics,
        "documents": [index.document_ref(d) for d in sorted(index.place_documents.get(code, ()))],
    }


def programme_entry(index: GraphIndex, slug: str) -> dict[str, Any]:
    """Return a programme's list entry: slug, iri, labels, number of places, scheme membership."""
    p = index.programmes.get(slug) or Programme(slug=slug, iri=PROGRAMME + slug, label=slug)
    return {
        "slug": slug,
        "iri": p.iri,
        "label": p.label,
        "label_en": p.label_en,
        "places": len(index.programme_places.get(slug, ())),
        "in_scheme": p.in_scheme,
    }


def list_programmes(
    store: RdfStore, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Return the page of programmes (run by a place, or in the scheme), by places (descending) then label."""
    index = graph_index(store)
    slugs = [s for s, p in index.programmes.items() if p.in_scheme or s in index.programme_places]
    if q:
        low = q.lower()
        slugs = [
            s
            for s in slugs
            if q in index.programmes[s].label
            or any(q in a for a in index.programmes[s].aliases)
            or low in (index.programmes[s].label_en or "").lower()
            or low in s
        ]
    entries = sorted(
        (programme_entry(index, s) for s in slugs), key=lambda e: (-e["places"], e["label"], e["slug"])
    )
    return _page(entries, limit, offset)


def programme_detail(
    store: RdfStore, slug: str, *, limit: int = 500, offset: int = 0, evidence: int = 20
) -> dict[str, Any]:
    """Return a programme: scheme data, broader/narrower/related, and a page of the places running it with evidence.

    Places come first year first (the earliest document date or year quoted), then by code;
    ``places_count`` says how many there are. Each place carries its first ``evidence`` sentences
    and how many there are. Raises `ProgrammeNotFound`.
    """
    index = graph_index(store)
    p = index.programmes.get(slug)
    if p is None:
        raise ProgrammeNotFound(
            f"no programme has the slug {slug!r} (pinyin of its name, e.g. yi-wang-tong-ban)"
        )
    key = ("programme", slug, limit, offset, evidence)
    return _kept_page(
        store,
        index,
        key,
        programme_change(slug),
        lambda: _programme_page(store, index, p, limit, offset, evidence),
    )


def _programme_page(
    store: RdfStore, index: GraphIndex, p: Programme, limit: int, offset: int, most: int
) -> dict[str, Any]:
    """Return programme ``p``'s page, from the REST index and the analytics projection (see `programme_detail`)."""
    slug = p.slug
    years = {code: index.first_year(code, slug) for code in index.programme_places.get(slug, ())}
    codes = sorted(years, key=lambda c: (years[c] is None, years[c] or 0, c))
    page = codes[offset : offset + limit]
    # The evidence comes from the analytics projection, which holds every place's evidence for the
    # programmes it runs, patched per document: reading the page's evidence nodes from the store
    # took 0.3-0.5 s for the most adopted programme of 10,000 documents (2,607 sentences).
    with view(store) as v:
        evidence = {code: v.projection.evidence(code, slug) for code in page}
    places = [
        {
            "code": code,
            "name": index.divisions[code].name,
            "first_year": years[code],
            "documents": index.stating(code, slug),
            **_quotes(index, evidence[code], most),
        }
        for code in page
    ]
    narrower = sorted(s for s, other in index.programmes.items() if slug in other.broader)
    return {
        "slug": slug,
        "iri": p.iri,
        "label": p.label,
        "label_en": p.label_en,
        "in_scheme": p.in_scheme,
        "definition": p.definition,
        "definition_en": p.definition_en,
        "aliases": p.aliases,
        "broader": [index.programme_ref(s) for s in sorted(p.broader)],
        "narrower": [index.programme_ref(s) for s in narrower],
        "related": [index.programme_ref(s) for s in sorted(p.related)],
        "places": places,
        "places_count": len(codes),
        "limit": limit,
        "offset": offset,
    }


def _in_document_order(index: GraphIndex, facts: list[Fact]) -> list[Fact]:
    """Return ``facts`` by document name, then where the mention starts (the order evidence is listed in)."""
    return sorted(facts, key=lambda f: (index.document_ref(f.document)["name"] or "", f.mention_start))


def _quotes(index: GraphIndex, facts: list[Fact], most: int) -> dict[str, Any]:
    """Return {evidence, evidence_count}: the first ``most`` of ``facts`` in document order, and how many there are."""
    return {
        "evidence": [_fact_evidence(index, f) for f in _in_document_order(index, facts)[:most]],
        "evidence_count": len(facts),
    }


def _fact_evidence(index: GraphIndex, f: Fact) -> dict[str, Any]:
    """Return one piece of the projection's evidence as the REST resources give evidence."""
    return {
        "quote": f.sentence,
        "document": index.document_ref(f.document),
        "sentence_start": f.sentence_start,
        "sentence_end": f.sentence_end,
        "start": f.mention_start,
        "end": f.mention_end,
    }


def list_documents(store: RdfStore, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Return the page of loaded documents, by file name."""
    index = graph_index(store)
    docs = sorted(index.documents.values(), key=lambda d: (d.name, d.id))
    entries = [
        {
            "id": d.id,
            "name": d.name,
            "title": d.title,
            "date": d.date,
            "source": d.source,
            "subject_places": [index.place_ref(c) for c in d.subject_places if c in index.divisions],
            "facts": d.facts,
        }
        for d in docs
    ]
    return _page(entries, limit, offset)


_DOCUMENT_FACTS = """PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?s ?p ?o ?ms ?me ?ss ?se ?wording WHERE { GRAPH $g {
  ?e a ck:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     ck:mentionStart ?ms ; ck:mentionEnd ?me ; ck:sentenceStart ?ss ; ck:sentenceEnd ?se .
  OPTIONAL { ?o ck:indicatorLabel ?wording } } }"""
_DOCUMENT_TEXT = """PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT ?text WHERE { GRAPH $g { ?d a ck:Document ; ck:text ?text } }"""


def document_detail(store: RdfStore, doc_id: str) -> dict[str, Any]:
    """Return a document with its cleaned text and every fact's span in it. Raises `DocumentNotFound`."""
    index = graph_index(store)
    info = index.documents.get(doc_id)
    if info is None:
        raise DocumentNotFound(f"no loaded document has the id {doc_id!r}")
    graph = DOC_GRAPH + doc_id
    rows = store.select(_bound(_DOCUMENT_TEXT, g=graph))
    facts = []
    for r in store.select(_bound(_DOCUMENT_FACTS, g=graph)):
        p, s, o = (r["p"] or "")[len(CK) :], r["s"] or "", r["o"] or ""
        if p == "mentionsPlace":
            code = _local(o, PLACE)
            fact = ("place", index.divisions[code].name if code in index.divisions else code, "place", code)
        elif p == "runsProgramme":
            slug = _local(o, PROGRAMME)
            fact = ("programme", index.programme_ref(slug)["label"], "programme", slug)
        elif p == "locatedIn":
            kind, label, _, _ = index.things.get(s, ("agency", s, None, None))
            fact = (kind, label, kind, s)
        elif p == "hasObservation":
            fact = ("metric", r["wording"] or "", "place", _local(s, PLACE))
        elif p == "citesPolicy":
            fact = ("policy", index.things.get(o, ("policy", o, None, None))[1], "policy", o)
        else:
            continue
        facts.append(
            {
                "type": fact[0],
                "label": fact[1],
                "target": {"type": fact[2], "id": fact[3]},
                "start": int(r["ms"] or 0),
                "end": int(r["me"] or 0),
                "sentence_start": int(r["ss"] or 0),
                "sentence_end": int(r["se"] or 0),
            }
        )
    facts.sort(key=lambda f: (f["start"], f["end"], f["type"], f["label"]))
    return {
        "id": info.id,
        "name": info.name,
        "title": info.title,
        "date": info.date,
        "source": info.source,
        "author": info.author,
        "text": rows[0]["text"] if rows else "",
        "facts": facts,
    }


def ingest_document(
    store: RdfStore,
    *,
    name: str,
    data: bytes | None = None,
    text: str | None = None,
    fmt: str | None = None,
    replace: bool = False,
    extractor: Callable[[Document], Extraction] = extract,
) -> dict[str, Any]:
    """Read, extract and load one document from bytes or text; return {id, name, facts, triples}.

    `extractor` does the extraction (the API passes one that runs it in another process).

    A different text under the name of a loaded document replaces it only with `replace`
    (issue 8: a fuzz run silently overwrote 12 of 13 documents). Raises
    `loaders.documents.DocumentError` for input that cannot be read, `DocumentConflict` otherwise.
    """
    if data is not None:
        document = document_from_bytes(data, name=name, fmt=fmt)
    else:
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else "txt"
        guessed = suffix if suffix in ("txt", "md", "markdown", "html", "htm") else "txt"
        document = document_from_text(text or "", name=name, fmt=fmt or guessed)
    loaded_as = _loaded_name(store, document.id)
    if loaded_as is not None and not replace:
        # The same cleaned text is one document whatever its file type or name (DESIGN decision 1).
        return {"id": document.id, "name": loaded_as, "facts": {}, "triples": 0, "duplicate_of": loaded_as}
    earlier = superseded_graphs(store, document)
    if earlier and not replace:
        raise DocumentConflict(
            f"another document named {name!r} is loaded ({', '.join(g.rsplit('/', 1)[-1] for g in earlier)}); "
            "send replace=true to replace it, or use another name"
        )
    ensure_vocabularies(store)
    extraction = extractor(document)
    triples = load_extraction(store, extraction)
    return {"id": document.id, "name": document.name, "facts": dict(extraction.counts()), "triples": triples}


def _loaded_name(store: RdfStore, doc_id: str) -> str | None:
    """Return the file name a document with this id is loaded under, or None when it is not loaded."""
    graph = document_graph(doc_id)
    rows = store.select(
        f"PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT ?name WHERE {{ GRAPH {graph} {{ ?d ck:fileName ?name }} }}"
    )
    return next((r["name"] for r in rows if r["name"]), None)


def _kinship(index: GraphIndex) -> Kinship:
    tops = frozenset(s for s, p in index.programmes.items() if p.top)
    return Kinship(
        broader={s: p.broader for s, p in index.programmes.items()},
        related={s: p.related for s, p in index.programmes.items()},
        excluded=tops,
    )


_RELATION_ZH = {"related": "相关", "broader": "从属于", "narrower": "涵盖", "sibling": "同属一类"}


def _explain(index: GraphIndex, match: Match) -> str:
    parts = []
    if match.shared:
        parts.append("都推行" + "、".join(index.programme_ref(s)["label"] for s in match.shared))
    for pair in match.kin:
        mine, theirs = index.programme_ref(pair.mine)["label"], index.programme_ref(pair.theirs)["label"]
        if pair.relation == "sibling":
            parents = index.programmes[pair.mine].broader & index.programmes[pair.theirs].broader
            parent = "、".join(index.programme_ref(s)["label"] for s in sorted(parents))
            parts.append(f"{mine} 与 {theirs} 同属 {parent}")
        else:
            parts.append(f"{mine} 与 {theirs} {_RELATION_ZH[pair.relation]}（{pair.relation}）")
    return "；".join(parts)


def similar_places(store: RdfStore, code: str, *, limit: int = 10) -> dict[str, Any]:
    """Return places ranked by programme overlap with `code` (app.similarity), with shared and kin programmes.

    Raises `PlaceNotFound` for a code the gazetteer does not know.
    """
    index = graph_index(store)
    if code not in index.divisions:
        raise PlaceNotFound(f"no administrative division has the code {code!r} (GB/T 2260, e.g. 321000)")
    ranked = rank_by_programmes(code, index.place_programmes, kinship=_kinship(index))
    data = []
    for other, match in ranked[:limit]:
        d = index.divisions[other]
        data.append(
            {
                "place": {"code": d.code, "name": d.name, "level": d.level},
                "score": round(match.score, 4),
                "shared": [index.programme_ref(s) for s in match.shared],
                "kin": [
                    {
                        "mine": index.programme_ref(k.mine),
                        "theirs": index.programme_ref(k.theirs),
                        "relation": k.relation,
                    }
                    for k in match.kin
                ],
                "explanation": _explain(index, match),
            }
        )
    return {"data": data, "count": len(data)}


def similar_programmes(store: RdfStore, slug: str, *, limit: int = 10) -> dict[str, Any]:
    """Return programmes ranked by co-adoption (Jaccard of their places) plus kinship (KIN_FACTORS).

    Raises `ProgrammeNotFound`.
    """
    index = graph_index(store)
    if slug not in index.programmes:
        raise ProgrammeNotFound(
            f"no programme has the slug {slug!r} (pinyin of its name, e.g. yi-wang-tong-ban)"
        )
    kinship = _kinship(index)
    mine = index.programme_places.get(slug, set())
    scored: list[dict[str, Any]] = []
    for other in set(index.programme_places) | set(index.programmes):
        if other == slug:
            continue
        theirs = index.programme_places.get(other, set())
        both = mine & theirs
        jaccard = len(both) / len(mine | theirs) if both else 0.0
        relation = kinship.relation(slug, other)
        score = jaccard + (KIN_FACTORS[relation] if relation else 0.0)
        if score <= 0:
            continue
        reasons = []
        if both:
            reasons.append(
                f"{len(both)} 个地方同时推行（{'、'.join(index.divisions[c].name for c in sorted(both))}）"
            )
        if relation:
            reasons.append(f"词表中{_RELATION_ZH[relation]}（{relation}）")
        scored.append(
            {
                "programme": index.programme_ref(other),
                "score": round(score, 4),
                "co_places": [index.place_ref(c) for c in sorted(both)],
                "relation": relation,
                "explanation": "；".join(reasons),
            }
        )
    scored.sort(key=lambda x: (-x["score"], x["programme"]["slug"]))
    return {"data": scored[:limit], "count": len(scored[:limit])}
