"""A node's neighbourhood for the graph explorer: typed, labelled nodes and the edges between them."""

from __future__ import annotations

import re
from typing import Any

from app.index import GraphIndex, graph_index
from app.shares import DOCUMENT, PLACE, PREFIXES, PROGRAMME, iri_term
from app.shares import local as _local
from graphstore.stores import RdfStore
from loaders.vocab import BASE

__all__ = ["NodeNotFound", "neighbourhood", "node_label", "node_type"]

_NODE_TYPES = {
    PLACE: "Place",
    PROGRAMME: "Programme",
    BASE + "agency/": "Agency",
    BASE + "project/": "Project",
    BASE + "indicator/": "Indicator",
    BASE + "policy/": "Policy",
    DOCUMENT: "Document",
}
# One node's edges, its IRI written into the text ($node): Oxigraph planned a VALUES block of the
# frontier against every triple of those predicates (1.8-25 s for the most-mentioned place of 10,000
# documents, 1,888 edges), and a constant IRI in 29 ms.
_EDGES = (
    PREFIXES
    + """SELECT DISTINCT ?s ?p ?o WHERE {
  { $node ?p ?o . BIND($node AS ?s) VALUES ?p { ck:runsProgramme ck:locatedIn ck:citesPolicy ck:mentionsPlace
      ck:subjectPlace schema:containedInPlace skos:broader skos:related } }
  UNION { ?s ?p $node . BIND($node AS ?o) VALUES ?p { ck:runsProgramme ck:locatedIn ck:citesPolicy ck:mentionsPlace
      ck:subjectPlace skos:broader skos:related } }
  UNION { $node ck:hasObservation/ck:indicator ?o . BIND($node AS ?s) BIND(<urn:citykg:edge:measures> AS ?p) }
  UNION { ?s ck:hasObservation/ck:indicator $node . BIND($node AS ?o) BIND(<urn:citykg:edge:measures> AS ?p) }
}"""
)


def _edges_of(store: RdfStore, node: str) -> list[tuple[str, str, str]]:
    """Return (subject, edge type, object) of the edges between ``node`` and other resources.

    Edges to documents come last, so that when a node has more neighbours than a view shows (a
    province is mentioned by thousands of documents) its programmes, agencies and places are shown.
    """
    found = []
    for r in store.select(_EDGES.replace("$node", iri_term(node))):
        s, o, p = r["s"] or "", r["o"] or "", re.split(r"[#/:]", r["p"] or "")[-1]
        if node_type(s) is not None and node_type(o) is not None:
            found.append((s, p, o))
    return sorted(found, key=lambda e: ("Document" in (node_type(e[0]), node_type(e[2])), e))


class NodeNotFound(LookupError):
    """The graph has no such node."""


def node_type(iri: str) -> str | None:
    """Return the API type of a resource IRI (Place, Programme, …), None for hidden internals.

    >>> node_type("https://w3id.org/citykg/place/321000"), node_type("https://w3id.org/citykg/evidence/x/1")
    ('Place', None)
    """
    return next((t for prefix, t in _NODE_TYPES.items() if iri.startswith(prefix)), None)


def node_label(index: GraphIndex, iri: str) -> str:
    """Return the display label of a resource IRI (place name, programme label, document title, …)."""
    kind = node_type(iri)
    if kind == "Place":
        d = index.divisions.get(_local(iri, PLACE))
        return d.name if d else iri
    if kind == "Programme":
        return index.programme_ref(_local(iri, PROGRAMME))["label"]
    if kind == "Document":
        doc = index.documents.get(_local(iri, DOCUMENT))
        return (doc.title or doc.name) if doc else iri
    return index.things.get(iri, ("", iri, None, None))[1] or iri


def neighbourhood(
    store: RdfStore, node: str, *, depth: int = 1, types: set[str] | None = None, limit: int = 300
) -> dict[str, Any]:
    """Return the nodes and edges within `depth` hops of `node`, evidence and observations collapsed.

    Raises `NodeNotFound` for an IRI that is not a resource of the graph.
    """
    index = graph_index(store)
    if node_type(node) is None:
        raise NodeNotFound(
            f"{node!r} is not a place, programme, agency, project, indicator, policy or document IRI"
        )
    nodes: dict[str, dict[str, str]] = {}
    edges: dict[tuple[str, str, str], dict[str, str]] = {}
    frontier, truncated = [node], False
    for _ in range(depth):
        found: list[str] = []
        for at in frontier:
            for s, p, o in _edges_of(store, at):
                if types and not all(n == node or node_type(n) in types for n in (s, o)):
                    continue
                for n in (s, o):
                    if n not in nodes:
                        if len(nodes) >= limit:
                            truncated = True
                            break
                        nodes[n] = {"id": n, "label": node_label(index, n), "type": node_type(n) or ""}
                        found.append(n)
                if s in nodes and o in nodes:
                    edges[(s, o, p)] = {"source": s, "target": o, "type": p}
            if truncated:
                break
        frontier = [n for n in found if n != node]
        if not frontier or truncated:
            break
    if node not in nodes:
        if not store.select("SELECT ?s WHERE { { ?s ?p ?o } UNION { ?o ?p ?s } } LIMIT 1", s=node):
            raise NodeNotFound(f"the graph has no node {node!r}")
        nodes[node] = {"id": node, "label": node_label(index, node), "type": node_type(node) or ""}
    return {
        "nodes": sorted(nodes.values(), key=lambda n: (n["id"] != node, n["type"], n["id"])),
        "edges": sorted(edges.values(), key=lambda e: (e["source"], e["type"], e["target"])),
        "truncated": truncated,
    }
