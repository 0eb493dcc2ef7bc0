"""Per-document counts of facts and quotes, for stores written before loaders/rdf.py wrote them.

`document_quads` writes ``ck:factCount`` and ``ck:quoteCount`` on each document when
it is read, because counting them in the store means reading every document's evidence
(the canned ``document_overview`` ran past 10 s at 10,000 documents). A store filled
before then gets them once, when it is opened, by the update here. Both texts are plain
SPARQL 1.1, so the embedded Oxigraph and a remote endpoint run the same.
"""

from __future__ import annotations

from graphstore.facts import FACTS_GRAPH
from graphstore.sparql import PREFIXES

__all__ = ["COUNTS_MISSING", "count_update"]

_PREFIXES = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("ck", "rdf", "prov"))

COUNTS_MISSING = _PREFIXES + (
    f"ASK {{ {{ SELECT (COUNT(*) AS ?documents) WHERE {{ GRAPH {FACTS_GRAPH} {{ ?d a ck:Document }} }} }}\n"
    f"  {{ SELECT (COUNT(*) AS ?counted) WHERE {{ GRAPH {FACTS_GRAPH} {{ ?d ck:quoteCount ?n }} }} }}\n"
    "  FILTER(?documents != ?counted) }"
)
"""True while some document lacks its counts. Two counts of one pattern each, read from the
facts graph's index, rather than a search for the documents without: that reads each
document and this runs every time a store opens."""


def count_update() -> str:
    """Return the update that writes the counts of every document lacking them, in its graph and the facts graph.

    A fact is a distinct (subject, predicate, object) among the document's evidence,
    a quote one evidence node; a document with none gets 0 and 0.
    """
    return _PREFIXES + (
        "INSERT {\n"
        "  GRAPH ?g { ?d ck:factCount ?facts ; ck:quoteCount ?quotes }\n"
        f"  GRAPH {FACTS_GRAPH} {{ ?d ck:factCount ?facts ; ck:quoteCount ?quotes }}\n"
        "}\n"
        "WHERE {\n"
        f"  GRAPH ?g {{ ?d a ck:Document . FILTER NOT EXISTS {{ ?d ck:quoteCount ?n }} }} FILTER(?g != {FACTS_GRAPH})\n"
        "  OPTIONAL {\n"
        "    SELECT ?g ?d (COUNT(*) AS ?factCount)\n"
        "    WHERE { SELECT DISTINCT ?g ?d ?s ?p ?o WHERE {\n"
        "      GRAPH ?g { ?e prov:wasQuotedFrom ?d ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } } }\n"
        "    GROUP BY ?g ?d\n"
        "  }\n"
        "  OPTIONAL {\n"
        "    SELECT ?g ?d (COUNT(DISTINCT ?e) AS ?quoteCount)\n"
        "    WHERE { GRAPH ?g { ?e prov:wasQuotedFrom ?d } }\n"
        "    GROUP BY ?g ?d\n"
        "  }\n"
        "  BIND(COALESCE(?factCount, 0) AS ?facts)\n"
        "  BIND(COALESCE(?quoteCount, 0) AS ?quotes)\n"
        "}\n"
    )
