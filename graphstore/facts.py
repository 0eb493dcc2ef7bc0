"""The facts graph: every distinct triple of the source graphs once, kept in step by each store's writes.

Each document has its own named graph (its provenance), so a fact stated by 3,000
documents is stored 3,000 times, and a query over the union of the graphs joins every
copy (issue 12: canned queries past 10 s at 1,000 documents). The stores keep one more
named graph, ``<https://w3id.org/citykg/graph/facts>``, holding the set union of all
the others, and the embedded store answers queries that name no dataset from it.

A triple leaves the facts graph only when no other graph holds it any more, so a fact
two documents share survives removing one. The updates here are plain SPARQL 1.1, so
the embedded Oxigraph and a remote endpoint run the same text, each in one transaction
together with the write it follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

__all__ = [
    "FACTS_GRAPH",
    "DerivedGraph",
    "fill_update",
    "forget_update",
    "learn_update",
    "replace_update",
    "with_facts",
]

# Named here, not in loaders/rdf.py with the other graphs: the store keeps it and no loader writes it,
# and the query worker processes import this module, where importing `loaders` would add 1.4 s to each start.
FACTS_GRAPH = ox.NamedNode("https://w3id.org/citykg/graph/facts")


class DerivedGraph(ValueError):
    """The facts graph was given to be written directly; it follows the other graphs by itself."""


def forget_update(graph: ox.NamedNode) -> str:
    """Return the update that drops ``graph`` and takes out of the facts graph the triples only it held.

    >>> print(forget_update(ox.NamedNode("https://w3id.org/citykg/graph/document/a")))  # doctest: +NORMALIZE_WHITESPACE
    DELETE { GRAPH <https://w3id.org/citykg/graph/facts> { ?s ?p ?o } }
    WHERE { GRAPH <https://w3id.org/citykg/graph/document/a> { ?s ?p ?o }
      FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o }
        FILTER(?other != <https://w3id.org/citykg/graph/document/a> && ?other != <https://w3id.org/citykg/graph/facts>) } } ;
    DROP SILENT GRAPH <https://w3id.org/citykg/graph/document/a> ;
    """
    return (
        f"DELETE {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} }}\n"
        f"WHERE {{ GRAPH {graph} {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }}\n"
        f"    FILTER(?other != {graph} && ?other != {FACTS_GRAPH}) }} }} ;\n"
        f"DROP SILENT GRAPH {graph} ;\n"
    )


def learn_update(graph: ox.NamedNode) -> str:
    """Return the update that adds the triples of ``graph`` to the facts graph (those already there stay once)."""
    return f"INSERT {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


def fill_update() -> str:
    """Return the update that builds the facts graph from every other named graph (a store from before it)."""
    return (
        f"INSERT {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} }}\n"
        f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {FACTS_GRAPH}) }}"
    )


def replace_update(
    graph: ox.NamedNode, ntriples: str, superseded: Iterable[str] = (), *, insert: str | None = None
) -> str:
    """Return one update that replaces ``graph`` by ``ntriples``, drops ``superseded`` graphs, and keeps the facts graph.

    The facts graph itself in ``superseded`` is skipped (a query over all graphs finds it
    beside a document's own graph); naming it as ``graph`` raises ``DerivedGraph``. ``insert``
    is the operation that writes the triples when a store needs another than ``INSERT DATA``.
    """
    if graph == FACTS_GRAPH:
        raise DerivedGraph(f"{FACTS_GRAPH} is kept by the store from the other graphs; write those instead")
    old = [ox.NamedNode(g) for g in dict.fromkeys(superseded) if g not in (graph.value, FACTS_GRAPH.value)]
    forget = "".join(forget_update(g) for g in [*old, graph])
    insert = insert if insert is not None else f"INSERT DATA {{ GRAPH {graph} {{\n{ntriples}}} }}"
    return f"{forget}{insert} ;\n{learn_update(graph)}"


def with_facts(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Return ``quads`` each followed by its copy in the facts graph, for a bulk loader that keeps one of each.

    Quads already in the facts graph (a dump that holds it) are left out: it is rebuilt from the others.

    >>> q = ox.Quad(ox.NamedNode("http://a.example/s"), ox.NamedNode("http://a.example/p"), ox.Literal("o"))
    >>> [str(x.graph_name) for x in with_facts([q, ox.Quad(q.subject, q.predicate, q.object, FACTS_GRAPH)])]
    ['DEFAULT', '<https://w3id.org/citykg/graph/facts>']
    """
    for quad in quads:
        if quad.graph_name == FACTS_GRAPH:
            continue
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object, FACTS_GRAPH)
