"""Shortest connections between two entities of the graph, every edge with the evidence for it."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

from app.analytics.state import View
from app.neighbourhood import node_label, node_type

__all__ = ["UnknownNode", "connecting_paths"]

EVIDENCE_PER_EDGE = 3


class UnknownNode(LookupError):
    """The entity has no evidence-backed link in the graph."""


def _edge(v: View, a: str, b: str) -> dict[str, Any]:
    data = v.projection.links.edges[a, b]
    facts = [f for doc in sorted(data.get("facts", {})) for f in data["facts"][doc]]
    if facts:
        f = facts[0]
        source, target, predicate = f.subject, f.object, f.predicate
    else:  # a SKOS link of the programme scheme
        predicate = sorted(data.get("scheme", {"related"}))[0]
        source, target = a, b
    return {
        "source": source,
        "target": target,
        "predicate": predicate,
        "documents": len({f.document for f in facts}),
        "evidence": [
            {"document": v.index.document_ref(f.document), "sentence": f.sentence, "quote": f.quote}
            for f in facts[:EVIDENCE_PER_EDGE]
        ]
        or [{"document": None, "sentence": None, "quote": "programme scheme (ontology/programmes.ttl)"}],
    }


def connecting_paths(
    v: View, source: str, target: str, *, max_hops: int = 4, limit: int = 10
) -> dict[str, Any]:
    """Return up to ``limit`` shortest paths of at most ``max_hops`` edges from ``source`` to ``target``.

    Paths run over evidence-backed links (a place runs a programme, an agency is located
    in a place, a document is about a place or cites a policy) and the programme scheme's
    SKOS links. Raises `UnknownNode` for an IRI with no such link.
    """
    links = v.projection.links
    for iri in (source, target):
        if iri not in links:
            raise UnknownNode(
                f"{iri!r} has no evidence-backed link in the graph "
                "(give the IRI of a place, programme, agency, project, policy or document)"
            )
    paths: list[list[str]] = []
    if source != target:
        try:
            if nx.shortest_path_length(links, source, target) <= max_hops:
                # Enumeration order follows insertion order; take a margin, then sort, for stable answers.
                found = itertools.islice(nx.all_shortest_paths(links, source, target), limit * 20)
                paths = sorted(found)[:limit]
        except nx.NetworkXNoPath:
            paths = []
    return {
        "from": {"id": source, "label": node_label(v.index, source), "type": node_type(source)},
        "to": {"id": target, "label": node_label(v.index, target), "type": node_type(target)},
        "max": max_hops,
        "hops": len(paths[0]) - 1 if paths else None,
        "data": [
            {
                "nodes": [{"id": n, "label": node_label(v.index, n), "type": node_type(n)} for n in path],
                "edges": [_edge(v, a, b) for a, b in itertools.pairwise(path)],
            }
            for path in paths
        ],
        "count": len(paths),
    }
