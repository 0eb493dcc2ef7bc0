"""Agencies, projects, policies and indicators as REST resources: one function per entity kind.

Places, programmes and documents live in `app.resources`; this module reuses its
`GraphIndex` (labels, divisions, documents) and its evidence shape, and adds one
SPARQL query per entity, with the entity's IRI written into the text (see `_bound`).
An agency's or a project's place and evidence, and what the sentences naming it also
name, come from the analytics projection, like a place's programmes (`_place_page`), and
its page holds a page of that evidence with the number there is in all.
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from app.analytics.projection import Fact
from app.analytics.state import view
from app.resources import (
    PREFIXES,
    GraphIndex,
    Statement,
    _bound,
    _fact_evidence,
    _in_document_order,
    _local,
    first_sentences,
    graph_index,
    node_type,
    store_version,
)
from graphstore.stores import RdfStore
from loaders.vocab import BASE

__all__ = [
    "EntityNotFound",
    "agency_detail",
    "entity_path",
    "indicator_detail",
    "latest_by_place",
    "list_indicators",
    "policy_detail",
    "project_detail",
]

AGENCY, PROJECT, POLICY, INDICATOR = (BASE + k + "/" for k in ("agency", "project", "policy", "indicator"))
PLACE, PROGRAMME = BASE + "place/", BASE + "programme/"


_COLLECTIONS = {"agency": "agencies", "project": "projects", "policy": "policies", "indicator": "indicators"}


def entity_path(iri: str) -> str | None:
    """Return the API path of an agency, project, policy or indicator IRI, None for other IRIs.

    >>> entity_path("https://w3id.org/citykg/agency/321000/shi-shu-ju-ju")
    '/agencies/321000/shi-shu-ju-ju'
    >>> entity_path("https://w3id.org/citykg/place/321000") is None
    True
    """
    kind, _, rest = iri.removeprefix(BASE).partition("/")
    return f"/{_COLLECTIONS[kind]}/{rest}" if kind in _COLLECTIONS and rest and iri.startswith(BASE) else None


class EntityNotFound(LookupError):
    """The graph has no agency, project, policy or indicator with this identifier."""


_RESULTS: weakref.WeakKeyDictionary[RdfStore, tuple[tuple[str, ...], dict[tuple[str, ...], Any]]] = (
    weakref.WeakKeyDictionary()
)


def _cached(store: RdfStore, key: tuple[str, ...], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Return `compute()`, remembered until the store changes: an indicator measured in hundreds of places
    costs about half a second to gather on a 1,000-document graph, and its page is opened again and again."""
    version = store_version(store)
    entry = _RESULTS.get(store)
    if entry is None or entry[0] != version:
        entry = (version, {})
        _RESULTS[store] = entry
    if key not in entry[1]:
        if len(entry[1]) >= 256:
            entry[1].clear()
        entry[1][key] = compute()
    return entry[1][key]


_ALIASES = PREFIXES + "SELECT DISTINCT ?alias WHERE { $thing skos:altLabel ?alias }"


def _thing(index: GraphIndex, iri: str, kind: str) -> tuple[str, str | None, str | None]:
    """Return (label, English label, project kind) of a known thing, or raise `EntityNotFound`."""
    found = index.things.get(iri)
    if found is None or found[0] != kind:
        raise EntityNotFound(f"the graph has no {kind} {iri.removeprefix(BASE)!r}")
    return found[1], found[2], found[3]


def _ref(index: GraphIndex, iri: str) -> dict[str, Any]:
    """Return {iri, name, kind} of an agency or project named in the graph."""
    _, label, _, project_kind = index.things.get(iri, ("", iri, None, None))
    return {"iri": iri, "name": label or iri, "kind": project_kind}


def _named_with(index: GraphIndex, iri: str, sentences: list[Fact]) -> dict[str, list[dict[str, Any]]]:
    """Return the programmes, agencies and projects named in `sentences` (the facts read in them) beside `iri`.

    An agency "leads" what the sentences naming it also name: the graph has no typed relation
    between agencies and programmes, so co-occurrence in one sentence is the honest evidence.
    """
    others = {f.object for f in sentences if f.predicate == "runsProgramme"}
    others |= {f.subject for f in sentences if f.predicate == "locatedIn"}
    found: dict[str, list[dict[str, Any]]] = {"programmes": [], "agencies": [], "projects": []}
    for other in sorted(others - {iri}):
        kind = node_type(other)
        if kind == "Programme":
            found["programmes"].append(index.programme_ref(_local(other, PROGRAMME)))
        elif kind == "Agency":
            found["agencies"].append(_ref(index, other))
        elif kind == "Project":
            found["projects"].append(_ref(index, other))
    found["programmes"].sort(key=lambda p: p["slug"])
    found["agencies"].sort(key=lambda a: a["name"])
    found["projects"].sort(key=lambda a: a["name"])
    return found


def _located(store: RdfStore, index: GraphIndex, iri: str, *, evidence: int, offset: int) -> dict[str, Any]:
    """Return the place of an agency or project, a page of the evidence that puts it there, and what it is named with.

    Read from the analytics projection (held per edge, patched per document): 国务院 at 10,000
    documents has 1,813 such sentences, and its page read every one of them from the store
    with all their fields (0.5 MB, 4-10 s), then every fact of those sentences again.
    """
    with view(store) as v:
        facts = v.projection.located(iri)
        sentences = v.projection.same_sentence(facts)
    # The IRI names the place the extractor put it in (agency/{code}/{slug}); evidence wins when it exists.
    code = min((_local(f.object, PLACE) for f in facts), default=iri.removeprefix(BASE).split("/")[1])
    return {
        "place": index.place_ref(code),
        "evidence": [
            _fact_evidence(index, f) for f in _in_document_order(index, facts)[offset : offset + evidence]
        ],
        "evidence_count": len(facts),
        "evidence_offset": offset,
        "named_with": _named_with(index, iri, sentences),
    }


def _aliases(store: RdfStore, iri: str) -> list[str]:
    return sorted({r["alias"] or "" for r in store.select(_bound(_ALIASES, thing=iri))} - {""})


def agency_detail(
    store: RdfStore, code: str, slug: str, *, evidence: int = 20, evidence_offset: int = 0
) -> dict[str, Any]:
    """Return an agency: name, aliases, place, a page of evidence, and what the sentences naming it also name.

    ``evidence`` sentences from ``evidence_offset`` on, in document order; ``evidence_count`` is
    how many there are. Raises `EntityNotFound`.
    """
    index = graph_index(store)
    iri = f"{AGENCY}{code}/{slug}"
    name, _, _ = _thing(index, iri, "agency")
    return {
        "iri": iri,
        "name": name,
        "aliases": _aliases(store, iri),
        **_located(store, index, iri, evidence=evidence, offset=evidence_offset),
    }


def project_detail(
    store: RdfStore, code: str, slug: str, *, evidence: int = 20, evidence_offset: int = 0
) -> dict[str, Any]:
    """Return a project: name, kind, aliases, place, a page of evidence, and the programmes and agencies named with it.

    ``evidence`` sentences from ``evidence_offset`` on, in document order; ``evidence_count`` is
    how many there are. Raises `EntityNotFound`.
    """
    index = graph_index(store)
    iri = f"{PROJECT}{code}/{slug}"
    name, _, kind = _thing(index, iri, "project")
    return {
        "iri": iri,
        "name": name,
        "kind": kind,
        "aliases": _aliases(store, iri),
        **_located(store, index, iri, evidence=evidence, offset=evidence_offset),
    }


_POLICY = (
    PREFIXES
    + """SELECT ?p ?v WHERE { $policy ?p ?v . VALUES ?p { dct:title dct:alternative ck:issuerName } }"""
)


def policy_detail(store: RdfStore, slug: str, *, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Return a policy: title, aliases, issuers, a page of the documents citing it (with evidence) and their places.

    Documents come newest first, ``limit`` of them from ``offset``; ``documents_count`` says how
    many there are, and ``places`` counts all of them. Raises `EntityNotFound`.
    """
    whole = _cached(store, ("policy", slug), lambda: _policy_citations(store, slug))
    return _cached(
        store, ("policy", slug, str(limit), str(offset)), lambda: _policy_page(store, whole, limit, offset)
    )


def _policy_citations(store: RdfStore, slug: str) -> dict[str, Any]:
    """Return a policy's page with every citing document's id and facts, not yet drawn (`_policy_page`).

    The citations come from the analytics projection (held per edge, patched per document): the
    most-cited plan of 10,000 generated documents is cited by 2,622 of them, and reading every
    citation from the store answered 1.5 MB after 1.5 s.
    """
    index = graph_index(store)
    iri = POLICY + slug
    title, _, _ = _thing(index, iri, "policy")
    values: dict[str, set[str]] = defaultdict(set)
    for r in store.select(_bound(_POLICY, policy=iri)):
        values[(r["p"] or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1]].add(r["v"] or "")
    with view(store) as v:
        facts = v.projection.citing(iri)
    by_doc: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        if f.document in index.documents:
            by_doc[f.document].append(f)
    documents = sorted(
        by_doc.items(),
        key=lambda item: (index.documents[item[0]].date or "", index.documents[item[0]].name or ""),
        reverse=True,
    )
    # A document cites a policy on behalf of the places it is about.
    places = Counter(code for doc_id in by_doc for code in index.documents[doc_id].subject_places)
    return {
        "iri": iri,
        "title": title,
        "aliases": sorted(values["alternative"] - {title}),
        "issuers": sorted(values["issuerName"]),
        "documents": documents,
        "places": [
            {**(index.place_ref(code) or {"code": code, "name": code}), "documents": n}
            for code, n in sorted(places.items(), key=lambda item: (-item[1], item[0]))
        ],
    }


def _policy_page(store: RdfStore, whole: dict[str, Any], limit: int, offset: int) -> dict[str, Any]:
    """Return the page of ``whole`` (`_policy_citations`) asked for, its documents with their citing sentences."""
    index = graph_index(store)
    return {
        **whole,
        "documents": [
            {
                **index.document_ref(doc_id),
                "date": index.documents[doc_id].date,
                "evidence": [_fact_evidence(index, f) for f in _in_document_order(index, facts)],
            }
            for doc_id, facts in whole["documents"][offset : offset + limit]
        ],
        "documents_count": len(whole["documents"]),
        "documents_offset": offset,
    }


_INDICATOR = (
    PREFIXES
    + """SELECT ?p ?v (LANG(?v) AS ?lang) WHERE { $indicator ?p ?v .
  VALUES ?p { skos:prefLabel skos:altLabel skos:definition ck:defaultUnit skos:broader } }"""
)


def latest_by_place(observations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return each place's latest observation, ranked: the commonest unit first, then by value (descending).

    Latest is the highest year (a yearless figure counts as oldest); among figures of one
    year the best attested (most evidence) wins, then the larger one.

    >>> rows = [{"place": {"code": "1"}, "year": 2022, "value": 5, "unit": "个", "evidence_count": 1},
    ...         {"place": {"code": "1"}, "year": 2023, "value": 7, "unit": "个", "evidence_count": 1},
    ...         {"place": {"code": "2"}, "year": None, "value": 9, "unit": "个", "evidence_count": 1},
    ...         {"place": {"code": "3"}, "year": 2023, "value": 50, "unit": "%", "evidence_count": 1}]
    >>> [(r["place"]["code"], r["value"], r["rank"]) for r in latest_by_place(rows)]
    [('2', 9, 1), ('1', 7, 2), ('3', 50, 1)]
    """
    latest: dict[str, dict[str, Any]] = {}
    for row in observations:
        code = row["place"]["code"]
        key = (row["year"] or 0, row["evidence_count"], row["value"])
        mine = latest.get(code)
        if mine is None or key > (mine["year"] or 0, mine["evidence_count"], mine["value"]):
            latest[code] = row
    units = Counter(row["unit"] or "" for row in latest.values())
    ranked = sorted(
        latest.values(),
        key=lambda r: (-units[r["unit"] or ""], r["unit"] or "", -r["value"], r["place"]["code"]),
    )
    out, previous_unit, rank = [], None, 0
    for row in ranked:
        rank = rank + 1 if row["unit"] == previous_unit else 1
        previous_unit = row["unit"]
        out.append({**row, "rank": rank})
    return out


_Statements = dict[tuple[Any, ...], list[Statement]]


def _value_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["place"]["code"], row["value"], row["unit"], row["year"], row["qualifier"])


def _observations(index: GraphIndex, iri: str) -> tuple[list[dict[str, Any]], _Statements]:
    """Return the indicator's values, one per place, figure, unit, year and qualifier, and where each is stated.

    Read from the REST index (each document's figures, kept per document), not the store. The
    second part maps each value (`_value_key`) to its statements (document id, mention start,
    evidence node), one per mention, so the page reads sentences only for the rows it shows.
    """
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    stated: dict[tuple[Any, ...], dict[tuple[str, int], str]] = {}
    for doc, figures in index.measured.get(iri, {}).items():
        for o in figures:
            key = (o.place, o.value, o.unit, o.year, o.qualifier)
            if key not in merged:
                merged[key] = {
                    "place": index.place_ref(o.place) or {"code": o.place, "name": o.place},
                    "value": int(o.value) if o.value.is_integer() else o.value,
                    "unit": o.unit,
                    "year": o.year,
                    "qualifier": o.qualifier,
                }
                stated[key] = {}
            # One observation per document; the same figure in many documents is one value with many sources.
            stated[key].setdefault((doc, o.mention_start), o.evidence)
    for key, row in merged.items():
        row["evidence_count"] = len(stated[key])
    # A row's `_value_key` equals the key it was merged under (an integral value compares equal to its float).
    return list(merged.values()), {
        key: [(doc, at, e) for (doc, at), e in v.items()] for key, v in stated.items()
    }


def _with_evidence(
    store: RdfStore, index: GraphIndex, rows: list[dict[str, Any]], stated: _Statements, most: int
) -> list[dict[str, Any]]:
    """Return ``rows``, each with its first ``most`` sentences in document order (read for these rows only)."""
    sentences = first_sentences(
        store, index, {_value_key(row): stated[_value_key(row)] for row in rows}, most
    )
    return [{**row, "evidence": sentences[_value_key(row)]["evidence"]} for row in rows]


def indicator_detail(
    store: RdfStore,
    slug: str,
    *,
    limit: int = 500,
    offset: int = 0,
    targets_limit: int = 100,
    targets_offset: int = 0,
    evidence: int = 2,
) -> dict[str, Any]:
    """Return an indicator: labels, definition, unit, a page of places ranked by their latest value, and one of targets.

    ``places_count`` and ``targets_count`` say how many there are. Each value carries its first
    ``evidence`` sentences (in document order) and how many state it (``evidence_count``): 5G基站
    at 10,000 documents is stated 8,629 times in 333 places with 1,400 targets, and its page with
    every sentence was 1.3 MB. Raises `EntityNotFound`.
    """
    whole = _cached(store, ("indicator", slug), lambda: _indicator_values(store, slug))
    page = (limit, offset, targets_limit, targets_offset, evidence)
    return _cached(store, ("indicator", slug, *map(str, page)), lambda: _indicator_page(store, whole, *page))


def _indicator_values(store: RdfStore, slug: str) -> dict[str, Any]:
    """Return an indicator's page with every value and no sentences, and where each value is stated (``stated``)."""
    index = graph_index(store)
    iri = INDICATOR + slug
    label, label_en, _ = _thing(index, iri, "indicator")
    attrs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.select(_bound(_INDICATOR, indicator=iri)):
        attrs[(r["p"] or "").rsplit("#", 1)[-1]][r["lang"] or ""].append(r["v"] or "")
    observations, stated = _observations(index, iri)
    achieved = [o for o in observations if o["qualifier"] != "target"]
    targets = sorted(
        (o for o in observations if o["qualifier"] == "target"),
        key=lambda o: (o["place"]["code"], o["year"] or 0, o["value"]),
    )
    return {
        "iri": iri,
        "label": label,
        "label_en": label_en,
        "aliases": sorted(attrs["altLabel"]["zh"] + attrs["altLabel"][""]),
        "definition": next(iter(attrs["definition"]["zh"]), None),
        "definition_en": next(iter(attrs["definition"]["en"]), None),
        "unit": next(iter(attrs["defaultUnit"][""]), None),
        "observations": len(achieved),
        "places": latest_by_place(achieved),
        "targets": targets,
        "stated": stated,
    }


def _indicator_page(
    store: RdfStore,
    whole: dict[str, Any],
    limit: int,
    offset: int,
    targets_limit: int,
    targets_offset: int,
    evidence: int,
) -> dict[str, Any]:
    """Return the page of ``whole`` (`_indicator_values`) asked for, with the sentences of its rows."""
    index = graph_index(store)
    page = {k: v for k, v in whole.items() if k != "stated"}
    places = whole["places"][offset : offset + limit]
    targets = whole["targets"][targets_offset : targets_offset + targets_limit]
    return {
        **page,
        "places": _with_evidence(store, index, places, whole["stated"], evidence),
        "places_count": len(whole["places"]),
        "places_offset": offset,
        "targets": _with_evidence(store, index, targets, whole["stated"], evidence),
        "targets_count": len(whole["targets"]),
        "targets_offset": targets_offset,
    }


def list_indicators(store: RdfStore) -> dict[str, Any]:
    """Return every indicator of the graph with its labels, by places measured (descending) then label."""
    return _cached(store, ("indicators",), lambda: _list_indicators(store))


def _list_indicators(store: RdfStore) -> dict[str, Any]:
    index = graph_index(store)
    items: list[dict[str, Any]] = [
        {
            "slug": _local(iri, INDICATOR),
            "iri": iri,
            "label": label,
            "label_en": en,
            # From the REST index's figures: counting them in the store took 2-7 s at 10,000 documents.
            "places": len({o.place for figures in index.measured.get(iri, {}).values() for o in figures}),
        }
        for iri, (kind, label, en, _) in index.things.items()
        if kind == "indicator"
    ]
    items.sort(key=lambda i: (-i["places"], i["label"], i["slug"]))
    return {"data": items, "count": len(items)}
