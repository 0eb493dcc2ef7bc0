"""Mirror throughput into FalkorDB and into Neo4j for the same graph, and p50 of three canned queries on each.

    .venv/bin/python bench/mirror.py [--docs 1000] [--runs 20] [--removals 20] [--falkordb-only]

The graph is bench/ingest.py's generated corpus (demo-corpus paragraphs under other city names)
built into an on-disk Oxigraph store; both mirrors are written from it with a full resync
(vocabularies and gazetteer included) into an empty engine, from the rows the store kept as it was
built (graphstore/projectionlog.py), then the same with every graph read back from the store
instead, then the documents alone again, then the same documents' rows projected beforehand, so
that only the engine (and its driver) is timed; then removing one document from the full mirror and
replacing one, each over a sample of documents spread through the corpus.
Neo4j is the one the tests use (`make neo4j`), with the full JIT. For FalkorDB the same rows are also
written by a bare bulk `UNWIND … MERGE` with the falkordb client (no provenance bookkeeping: the
ceiling `citykg sync --full` is measured against). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from ingest import generate_corpus  # noqa: E402
from neo4j_server import Neo4jServer  # noqa: E402

from app.queries import CannedQuery, load_queries  # noqa: E402
from graphstore.build import build  # noqa: E402
from graphstore.cypher import run_cypher  # noqa: E402
from graphstore.falkor import FalkorServer  # noqa: E402
from graphstore.graphsink import FalkorSink, GraphSink, Neo4jSink  # noqa: E402
from graphstore.mirror import (  # noqa: E402
    MirrorReport,
    Projection,
    chunked,
    graph_projection,
    mirror_vocabularies,
    resync,
)
from graphstore.store import Store  # noqa: E402
from loaders.rdf import document_graph  # noqa: E402

VOCABULARY = ("/graph/gazetteer", "/graph/indicators", "/graph/programmes", "/graph/build")
QUERIES = ("programmes_by_place", "places_sharing_programmes", "programme_adoption_by_province")


def busiest_place(store: Store) -> str:
    """Return the place that runs the most programmes, so the one-place queries have work to do."""
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT ?p (COUNT(DISTINCT ?x) AS ?n) "
        "WHERE { GRAPH ?g { ?p ck:runsProgramme ?x } } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1"
    )
    return str(rows[0]["p"])


def mirror_four_ways(store: Store, sink: GraphSink) -> list[tuple[int, float]]:
    """Return (rows, seconds) of a full resync into an empty mirror, from the rows the store keeps and
    read back from the store; of writing the documents alone again (after removing them), which is
    what grows with the corpus; and of the engine's part of that (the same rows, projected beforehand)."""
    sink.clear()
    read_back = resync(store, sink, full=True, kept_rows=False)
    full = resync(store, sink, full=True)
    docs = sorted(sink.mirrored_documents())
    vocabularies_only(store, sink)
    documents = resync(store, sink)
    projections = [graph_projection(store, document_graph(d).value) for d in docs]
    vocabularies_only(store, sink)
    started = time.perf_counter()
    for chunk in chunked(projections, 200):  # as graphstore.mirror writes new documents
        sink.write_new(chunk)
    engine = (sum(p.size for p in projections), time.perf_counter() - started)
    return [
        (full.rows, full.seconds),
        (read_back.rows, read_back.seconds),
        (documents.rows, documents.seconds),
        engine,
    ]


def vocabularies_only(store: Store, sink: GraphSink) -> None:
    """Leave ``sink`` holding the vocabularies alone, as before any document was written to it.

    Emptied and written again rather than each document removed: removing them one by one is
    what ``removal_ms`` measures, and at 10,000 documents it took 25+ minutes before issue 12.
    """
    sink.clear()
    sink.ensure_schema()
    mirror_vocabularies(store, sink, MirrorReport(), force=True)  # writes as replace_graph: not a bulk load


def removal_ms(store: Store, sink: GraphSink, samples: int) -> tuple[float, float, int]:
    """Return the median milliseconds of removing one document from the full mirror in ``sink`` and of
    replacing one (with the same rows), over ``samples`` documents spread through the corpus, and how
    many were timed; each removed document is written back before the next is timed."""
    docs = sorted(sink.mirrored_documents())
    sample = docs[:: max(1, len(docs) // samples)][:samples]
    projections = [graph_projection(store, document_graph(d).value) for d in sample]
    removals, replacements = [], []
    for projection in projections:
        started = time.perf_counter()
        sink.remove_graph(projection.graph)
        removals.append(time.perf_counter() - started)
        sink.write_new([projection])
    for projection in projections:
        started = time.perf_counter()
        sink.replace_graph(projection)
        replacements.append(time.perf_counter() - started)
    return statistics.median(removals) * 1000, statistics.median(replacements) * 1000, len(sample)


def bare_ceiling(server: FalkorServer, projections: list[Projection], batch: int = 1000) -> tuple[int, float]:
    """Return (rows, seconds) of writing the rows of ``projections`` into an empty graph with the
    falkordb client alone: nodes (with their labels), endpoints and relationships merged in UNWIND
    batches of ``batch``, with the mirror's keys but none of its bookkeeping (the list of graphs on
    each node, a node met again found before it is written)."""
    graph = server.client().select_graph("ceiling")
    graph.query("RETURN 1")
    graph.delete()
    graph.create_node_range_index("Resource", "uri")
    nodes: dict[tuple[str, ...], list[dict[str, object]]] = {}
    for p in projections:
        for n in p.nodes:
            nodes.setdefault(n.labels, []).append({"uri": n.uri, "props": n.props})
    endpoints = sorted({u for p in projections for u in p.endpoints})
    rels: dict[str, list[dict[str, object]]] = {}
    for p in projections:
        for r in p.rels:
            row = {"start": r.start, "end": r.end, "graph": p.graph, "ev": r.evidence or "", "props": r.props}
            rels.setdefault(r.type, []).append(row)
    started = time.perf_counter()
    for labels, labelled in sorted(nodes.items()):  # the labels in the pattern: the fastest way to set them
        pattern = ":".join(("Resource", *labels))
        for rows in chunked(labelled, batch):
            graph.query(
                f"UNWIND $rows AS row MERGE (n:{pattern} {{uri: row.uri}}) SET n += row.props", {"rows": rows}
            )
    for uris in chunked(endpoints, batch):
        graph.query("UNWIND $uris AS uri MERGE (n:Resource {uri: uri})", {"uris": uris})
    for rel_type, typed in sorted(rels.items()):
        for rows in chunked(typed, batch):
            graph.query(
                "UNWIND $rows AS row MATCH (a:Resource {uri: row.start}) MATCH (b:Resource {uri: row.end}) "
                f"MERGE (a)-[r:{rel_type} {{graph: row.graph, evidence: row.ev}}]->(b) SET r += row.props",
                {"rows": rows},
            )
    seconds = time.perf_counter() - started
    graph.delete()
    return sum(map(len, nodes.values())) + len(endpoints) + sum(map(len, rels.values())), seconds


def query_p50(sink: GraphSink, query: CannedQuery, params: dict[str, str], runs: int) -> tuple[float, int]:
    """Return the median milliseconds of ``runs`` runs (after one warm-up) and the row count."""
    rows = len(run_cypher(sink, query.text, params, timeout_s=60, max_rows=100_000).rows)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run_cypher(sink, query.text, params, timeout_s=60, max_rows=100_000)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), rows


def report(name: str, sink: GraphSink, store: Store, place: str, runs: int, removals: int) -> None:
    """Print the mirror throughput, the times of removing and replacing one document and the query medians for one engine."""
    labels = (
        "full, into an empty one",
        "full, every graph read back",
        "the documents again",
        "documents, engine only",
    )
    for label, (rows, seconds) in zip(labels, mirror_four_ways(store, sink), strict=True):
        print(f"{name:9} mirror {label:28} {rows / seconds:8.0f} rows/s  ({rows} rows, {seconds:.1f} s)")
    nodes, rels = sink.counts()
    print(f"{name:9} holds {nodes} nodes, {rels} relationships")
    if removals:
        removal, replacement, timed = removal_ms(store, sink, removals)
        print(
            f"{name:9} remove one document p50 {removal:8.1f} ms, replace one p50 {replacement:8.1f} ms  ({timed} documents)"
        )
    canned = {q.name: q for q in load_queries() if q.language == "cypher"}
    for qname in QUERIES:
        query = canned[qname]
        params = {k: place for k in query.params}
        p50, count = query_p50(sink, query, params, runs)
        print(f"{name:9} {qname:32} p50 {p50:8.1f} ms  ({count} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="generated documents (default 1000)")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument(
        "--removals", type=int, default=20, help="documents removed and replaced one at a time (default 20)"
    )
    parser.add_argument("--falkordb-only", action="store_true", help="leave Neo4j out")
    args = parser.parse_args()
    # Neo4j notes every query that names a label no node has yet; noise in a benchmark.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        started = time.perf_counter()
        paths = generate_corpus(corpus, args.docs)
        store = Store.open(work / "oxigraph", workers=1)
        built = build(paths, store)
        print(
            f"graph: {built.documents} documents, {built.triples} triples (built in {time.perf_counter() - started:.0f} s)"
        )
        place = busiest_place(store)
        print(f"one-place queries ask about {place}")
        with FalkorServer(work / "falkordb") as server:
            sink = FalkorSink(server)
            report("falkordb", sink, store, place, args.runs, args.removals)
            sink.close()
            graphs = [g for g in store.graph_iris() if "/graph/document/" in g or g.endswith(VOCABULARY)]
            rows, seconds = bare_ceiling(server, [graph_projection(store, g) for g in graphs])
            print(
                f"falkordb bare UNWIND … MERGE, same rows         {rows / seconds:8.0f} rows/s  ({rows} rows, {seconds:.1f} s)"
            )
        if args.falkordb_only:
            store.close()
            return
        with Neo4jServer(work / "neo4j", heap_mb=2048, quick_start=False) as neo:
            sink = Neo4jSink(neo.uri)
            report("neo4j", sink, store, place, args.runs, args.removals)
            sink.close()
        store.close()


if __name__ == "__main__":
    main()
