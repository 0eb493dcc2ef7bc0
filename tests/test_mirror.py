"""The property-graph mirror: projection, the embedded FalkorDB, and the Neo4j sink over Bolt."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import redis

from graphstore.build import build
from graphstore.falkor import FalkorServer, ServerFailed
from graphstore.graphsink import FalkorSink, GraphSink, Neo4jSink, _removal_statements
from graphstore.mirror import (
    LABELS,
    RELATIONSHIP_TYPES,
    Projection,
    graph_projection,
    mirror_documents,
    project_triples,
    remove_from_mirror,
    resync,
)
from graphstore.store import Store
from loaders.rdf import document_graph

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"

CKR = "https://w3id.org/citykg/"
CK = CKR + "ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"
DOC = "0123456789abcdef"
GRAPH = CKR + f"graph/document/{DOC}"


def _t(s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o) if isinstance(o, str) else o)


def _tiny_triples() -> list[ox.Triple]:
    place, prog, doc, ev = (
        CKR + "place/321000",
        CKR + "programme/yi-wang-tong-ban",
        CKR + f"document/{DOC}",
        CKR + f"evidence/{DOC}/1",
    )
    return [
        _t(doc, RDF + "type", CK + "Document"),
        _t(doc, CK + "fileName", ox.Literal("a.txt")),
        _t(doc, CK + "text", ox.Literal("扬州市推进一网通办。")),
        _t(place, CK + "runsProgramme", prog),
        _t(ev, RDF + "type", CK + "Evidence"),
        _t(ev, RDF + "subject", place),
        _t(ev, RDF + "predicate", CK + "runsProgramme"),
        _t(ev, RDF + "object", prog),
        _t(ev, PROV + "wasQuotedFrom", doc),
        _t(ev, CK + "quote", ox.Literal("扬州市推进一网通办。")),
        _t(
            ev,
            CK + "mentionStart",
            ox.Literal("5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ),
        _t(
            ev,
            CK + "mentionEnd",
            ox.Literal("9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ),
    ]


def _free_port() -> int:
    # FalkorDB 4.16 ignores a BOLT_PORT above 32767 (no listener, nothing in the log), and the
    # kernel's ephemeral range starts above it: probe ports below instead.
    for port in range(20000 + os.getpid() % 5000, 32768):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below 32768")


def _rels_of(sink: FalkorSink, graph: str) -> int:
    rows = sink._read("MATCH ()-[r]->() WHERE r.graph = $g RETURN count(r)", {"g": graph})
    return int(rows[0][0])


# --- projection (pure) ----------------------------------------------------------


def test_projection_puts_evidence_on_the_relationship_and_leaves_out_the_text() -> None:
    projection = project_triples(GRAPH, _tiny_triples())
    (rel,) = projection.rels
    assert (rel.type, rel.start, rel.end) == (
        "RUNS_PROGRAMME",
        CKR + "place/321000",
        CKR + "programme/yi-wang-tong-ban",
    )
    assert rel.evidence == CKR + f"evidence/{DOC}/1"
    assert rel.props == {
        "document": CKR + f"document/{DOC}",
        "end": 9,
        "graph": GRAPH,
        "quote": "扬州市推进一网通办。",
        "start": 5,
    }
    (doc,) = projection.nodes
    assert doc.labels == ("Document",) and doc.props == {"fileName": "a.txt"}
    assert projection.endpoints == (CKR + "place/321000", CKR + "programme/yi-wang-tong-ban")
    assert all("evidence" not in n.uri for n in projection.nodes)


def test_projection_is_deterministic() -> None:
    triples = _tiny_triples()
    assert project_triples(GRAPH, triples) == project_triples(GRAPH, list(reversed(triples)))


# --- the embedded server ------------------------------------------------------------


def test_a_stale_socket_and_pid_file_do_not_stop_a_start(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    (tmp_path / "falkordb.sock").write_text("")
    (tmp_path / "falkordb.pid").write_text(dead.stdout.strip())
    with FalkorServer(tmp_path) as server:
        assert server.running
    assert not server.running


class _BrokenServer(FalkorServer):
    def _command(self) -> list[str]:
        return [*super()._command(), "--no-such-option", "1"]


def test_a_server_that_cannot_start_says_why_with_its_log(tmp_path: Path) -> None:
    with pytest.raises(ServerFailed, match="server log") as failure:
        _BrokenServer(tmp_path, start_timeout_s=10).start()
    assert "no-such-option" in str(failure.value)


def test_mirrored_data_survives_a_server_restart(tmp_path: Path) -> None:
    projection = project_triples(GRAPH, _tiny_triples())
    with FalkorServer(tmp_path) as server:
        sink = FalkorSink(server)
        sink.write(projection)
        before = sink.counts()
        sink.close()
    assert before == (3, 1)
    with FalkorServer(tmp_path) as server:
        sink = FalkorSink(server)
        assert sink.counts() == before
        assert sink.mirrored_documents() == {DOC}
        sink.close()


# --- the seeds ----------------------------------------------------------------------------


@pytest.mark.shared
def test_mirror_uses_only_the_closed_labels_and_relationship_types(seed_sink: FalkorSink) -> None:
    labels = {row[0] for row in seed_sink._read("MATCH (n) UNWIND labels(n) AS l RETURN DISTINCT l", {})}
    types = {row[0] for row in seed_sink._read("MATCH ()-[r]->() RETURN DISTINCT type(r)", {})}
    assert labels <= {"Resource", *LABELS.values()} and {"Place", "Programme", "Document"} <= labels
    assert types <= set(RELATIONSHIP_TYPES.values()) and "RUNS_PROGRAMME" in types
    texts = seed_sink._read("MATCH (d:Document) WHERE d.text IS NOT NULL RETURN count(d)", {})
    assert texts == [[0]]


@pytest.mark.shared
def test_mirroring_the_seeds_again_gives_the_same_counts(seed_store: Store, seed_sink: FalkorSink) -> None:
    before = seed_sink.counts()
    docs = sorted(seed_sink.mirrored_documents())
    assert len(docs) == 5 and before[0] > 3000
    report = mirror_documents(seed_store, seed_sink, docs)
    assert report.documents_written == 5
    assert seed_sink.counts() == before
    again = resync(seed_store, seed_sink)
    assert (again.documents_written, again.documents_removed, again.vocabularies_written) == (0, 0, False)
    assert seed_sink.counts() == before


@pytest.mark.shared
def test_removing_a_document_deletes_its_part_and_keeps_the_others(
    seed_store: Store, falkor_server: FalkorServer
) -> None:
    sink = FalkorSink(falkor_server, graph="removal")
    resync(seed_store, sink, full=True)
    docs = sorted(sink.mirrored_documents())
    per_graph = {d: _rels_of(sink, document_graph(d).value) for d in docs}
    places = sink._read("MATCH (p:Place) RETURN count(p)", {})
    before = sink.counts()
    gone = docs[0]

    remove_from_mirror(sink, [gone])

    assert _rels_of(sink, document_graph(gone).value) == 0
    assert sink.mirrored_documents() == set(docs[1:])
    assert {d: _rels_of(sink, document_graph(d).value) for d in docs[1:]} == {
        d: per_graph[d] for d in docs[1:]
    }
    assert sink._read("MATCH (p:Place) RETURN count(p)", {}) == places  # the gazetteer stays
    assert sink._read(
        f"MATCH (n) WHERE n.uri STARTS WITH '{CKR}observation/{gone}/' RETURN count(n)", {}
    ) == [[0]]
    # the document is still in the store: a resync brings exactly its part back
    assert resync(seed_store, sink).documents_written == 1
    assert sink.counts() == before
    sink.clear()
    sink.close()


def _mirror_contents(sink: FalkorSink) -> tuple[list[str], list[str]]:
    """Return every node (uri, labels, properties) and relationship (type, ends, properties) of ``sink``, sorted."""

    def rows(query: str) -> list[str]:
        found = sink.read_only(query, {}, timeout_s=60, max_rows=10**6)[1]
        return sorted(repr([sorted(v.items()) if isinstance(v, dict) else v for v in row]) for row in found)

    nodes = rows("MATCH (n) RETURN n.uri, labels(n), properties(n)")
    rels = rows("MATCH (a)-[r]->(b) RETURN type(r), a.uri, b.uri, properties(r)")
    return nodes, rels


@pytest.mark.shared
@pytest.mark.parametrize("kept_rows", [True, False], ids=["from-kept-rows", "read-back"])
def test_a_full_sync_from_kept_rows_or_read_by_worker_processes_equals_mirroring_each_document_as_it_comes(
    seed_store: Store, falkor_server: FalkorServer, kept_rows: bool
) -> None:
    full = FalkorSink(falkor_server, graph="full-sync")
    one_by_one = FalkorSink(falkor_server, graph="one-by-one")
    one_by_one.clear()
    docs = sorted(d for g in seed_store.graph_iris() if (d := g.rsplit("/graph/document/", 1)[-1]) != g)
    assert len(docs) == 5

    report = resync(seed_store, full, full=True, readers=2, kept_rows=kept_rows)
    for doc in docs:  # as POST /documents mirrors each one
        mirror_documents(seed_store, one_by_one, [doc])

    assert report.documents_written == 5 and report.vocabularies_written
    nodes, rels = _mirror_contents(full)
    assert len(nodes) > 3000 and len(rels) > 100
    assert (nodes, rels) == _mirror_contents(one_by_one)
    # The uniqueness constraint and the relationships' graph indexes, left for after the bulk load, are there.
    assert any(
        c["label"] == "Resource" and c["properties"] == ["uri"] for c in full._graph.list_constraints()
    )
    indexed = full._read("CALL db.indexes() YIELD label, properties RETURN label, properties", {})
    assert {label for label, props in indexed if "graph" in props} == set(RELATIONSHIP_TYPES.values())
    for sink in (full, one_by_one):
        sink.clear()
        sink.close()


class _StoppingSink(FalkorSink):
    """A FalkorSink whose database stops answering after ``statements`` more write statements."""

    def __init__(self, server: FalkorServer, *, graph: str, statements: int) -> None:
        super().__init__(server, graph=graph)
        self.left = statements

    def _statement(self, statement: str, params: dict[str, Any]) -> tuple[Counter[str], list[list[Any]]]:
        if self.left == 0:
            raise redis.ConnectionError("the database stopped answering")
        self.left -= 1
        return super()._statement(statement, params)


def test_a_full_load_stopped_midway_is_loaded_again_by_the_next_sync_and_a_finished_one_leaves_no_mark(
    demo_store: Store, falkor_server: FalkorServer
) -> None:
    # Documents are created with their Document label before their relationships (graphstore/bulkload.py):
    # the mark of the unfinished load is what keeps the next `citykg sync` from taking them as mirrored.
    counting = _StoppingSink(falkor_server, graph="stopped-count", statements=-1)
    resync(demo_store, counting, full=True)
    statements = -1 - counting.left
    counting.clear()
    counting.close()
    stopping = _StoppingSink(falkor_server, graph="stopped", statements=statements // 2)
    with pytest.raises(redis.ConnectionError):
        resync(demo_store, stopping, full=True)
    stopping.close()
    sink = FalkorSink(falkor_server, graph="stopped")
    assert sink._read("MATCH (d:Document) RETURN count(d)", {})[0][0] > 0
    assert sink.full_load_unfinished() and sink.mirrored_documents() == set()

    report = resync(demo_store, sink)

    one_by_one = FalkorSink(falkor_server, graph="stopped-one-by-one")
    one_by_one.clear()
    docs = sorted(d for g in demo_store.graph_iris() if (d := g.rsplit("/graph/document/", 1)[-1]) != g)
    for doc in docs:
        mirror_documents(demo_store, one_by_one, [doc])
    assert report.documents_written == len(docs) and report.vocabularies_written
    assert not sink.full_load_unfinished() and sink.mirrored_documents() == set(docs)
    assert _mirror_contents(sink) == _mirror_contents(one_by_one)  # the mark included: none
    for done in (sink, one_by_one):
        done.clear()
        done.close()


def test_a_changed_document_replaces_its_earlier_version(tmp_path: Path, falkor_server: FalkorServer) -> None:
    store = Store.open(None)
    sink = FalkorSink(falkor_server, graph="changed")
    sink.clear()
    doc = tmp_path / "yangzhou.txt"
    doc.write_text("扬州市大力推进“一网通办”改革。", encoding="utf-8")
    first = build([doc], store)
    mirror_documents(store, sink, first.loaded)
    doc.write_text("扬州市全面推行“最多跑一次”改革,建成5G基站8210个。", encoding="utf-8")
    second = build([doc], store)

    report = mirror_documents(store, sink, second.loaded)

    assert first.loaded != second.loaded
    assert sink.mirrored_documents() == set(second.loaded)
    assert report.documents_removed == 1
    assert _rels_of(sink, document_graph(first.loaded[0]).value) == 0
    quotes = {r[0] for r in sink._read("MATCH ()-[r:RUNS_PROGRAMME]->() RETURN r.quote", {})}
    assert quotes == {"扬州市全面推行“最多跑一次”改革,建成5G基站8210个。"}
    sink.clear()
    sink.close()
    store.close()


def test_a_document_graph_describes_only_its_document_and_the_ends_of_its_relationships(
    demo_store: Store,
) -> None:
    # GraphSink.remove_graph finds a document's nodes from its relationships and its Document node
    # (graphstore/graphsink.py, issue 12): a node it described otherwise would keep the graph.
    graphs = [g for g in demo_store.graph_iris() if "/graph/document/" in g]
    assert len(graphs) >= 6
    for graph in graphs:
        projection = graph_projection(demo_store, graph)
        ends = {u for rel in projection.rels for u in (rel.start, rel.end)} | {projection.document}
        assert {node.uri for node in projection.nodes} <= ends, graph


def _lone_documents() -> tuple[Projection, Projection, Projection]:
    """Return two small documents naming bare places (one named by both, one by the first only) and
    another version of the first, which names a bare place of its own and a programme run there."""

    def document(doc_id: str, places: list[str], *, runs: bool = False) -> Projection:
        doc = CKR + f"document/{doc_id}"
        triples = [_t(doc, RDF + "type", CK + "Document"), _t(doc, CK + "fileName", ox.Literal(doc_id))]
        triples += [_t(doc, CK + "mentionsPlace", CKR + f"place/{p}") for p in places]
        if runs:  # a place of the gazetteer, described by it too, runs a programme of the vocabulary
            triples.append(_t(CKR + "place/321000", CK + "runsProgramme", CKR + "programme/yi-wang-tong-ban"))
            triples.append(_t(CKR + "place/321000", CK + "shortName", ox.Literal(doc_id)))
        return project_triples(CKR + f"graph/document/{doc_id}", triples)

    return (
        document("aaaa000000000000", ["bare-a", "bare-ab"], runs=True),
        document("bbbb000000000000", ["bare-ab"]),
        document("aaaa000000000000", ["bare-ab", "bare-c"]),
    )


def mirror_contents(sink: GraphSink) -> tuple[list[str], list[str]]:
    """Return every node (uri, labels, properties) and relationship (type, ends, properties) of ``sink``, sorted."""

    def rows(query: str) -> list[str]:
        found = sink._read(query, {})
        return sorted(
            repr(
                [
                    sorted(v.items()) if isinstance(v, dict) else sorted(v) if isinstance(v, list) else v
                    for v in row
                ]
            )
            for row in found
        )

    return (
        rows("MATCH (n) RETURN n.uri, labels(n), properties(n)"),
        rows("MATCH (a)-[r]->(b) RETURN type(r), a.uri, b.uri, properties(r)"),
    )


def mirrors_after_removals(store: Store, sink: GraphSink, *, scan: bool) -> list[tuple[list[str], list[str]]]:
    """Return the mirror of ``store`` after each of a series of removals and replacements of single
    documents, done by the sink or (``scan``) by the statements that look through every node."""

    def remove(graph: str) -> None:
        if scan:
            sink._run(_removal_statements(graph))
        else:
            sink.remove_graph(graph)

    def replace(projection: Projection) -> None:
        if scan:
            sink._execute(lambda run: [run(s, p) for s, p in _removal_statements(projection.graph)])
            sink.write(projection)
        else:
            sink.replace_graph(projection)

    sink.clear()
    resync(store, sink, full=True)
    first, second, changed = _lone_documents()
    sink.write_new([first, second])
    docs = sorted(d for d in sink.mirrored_documents() if d not in ("aaaa000000000000", "bbbb000000000000"))
    after = []
    remove(document_graph(docs[0]).value)  # one of the demo corpus, sharing places and programmes
    after.append(mirror_contents(sink))
    remove(first.graph)  # leaves place bare-a bare, bare-ab still named by the second
    after.append(mirror_contents(sink))
    sink.write(first)
    replace(changed)  # its earlier rows are found in the mirror, not in the new ones
    after.append(mirror_contents(sink))
    replace(graph_projection(store, document_graph(docs[1]).value))
    after.append(mirror_contents(sink))
    sink.clear()
    return after


def test_removing_or_replacing_one_document_leaves_the_mirror_the_scan_of_every_node_leaves(
    demo_store: Store, falkor_server: FalkorServer
) -> None:
    sink = FalkorSink(falkor_server, graph="removals")
    by_rows = mirrors_after_removals(demo_store, sink, scan=False)
    by_scan = mirrors_after_removals(demo_store, sink, scan=True)
    sink.close()

    assert by_rows == by_scan
    removed_first = by_rows[1][0]
    assert not any(CKR + "place/bare-a'" in node for node in removed_first)
    assert any(CKR + "place/bare-ab'" in node for node in removed_first)
    assert any(CKR + "place/bare-c'" in node for node in by_rows[2][0])
    assert len({len(nodes) for nodes, _ in by_rows}) > 1


# --- Neo4j over Bolt -------------------------------------------------------------------------


@pytest.mark.shared
def test_neo4j_sink_writes_the_same_rows_over_falkordb_bolt(tmp_path: Path, seed_store: Store) -> None:
    # DESIGN.md: FalkorDB's Bolt port is the test peer for the Neo4j sink; it is experimental:
    # a request above about 4 KB crashes the server (FalkorDB 4.16.3), hence batches of 3 rows
    # and one document. Writes over Bolt also crash it with the append-only
    # file on, so this server keeps RDB snapshots (FalkorServer picks that when bolt_port is set).
    port = _free_port()
    graph = next(g for g in seed_store.graph_iris() if "/graph/document/" in g)
    projection = graph_projection(seed_store, graph)
    with FalkorServer(tmp_path, bolt_port=port) as server:
        sink = Neo4jSink(f"bolt://127.0.0.1:{port}", auth=("falkordb", ""), database="bolt", batch_size=3)
        # FalkorDB's Bolt ignores the database name and writes to the graph called "falkordb".
        reader = FalkorSink(server, graph="falkordb")
        try:
            sink.write(projection)
            first = reader.counts()
            sink.replace_graph(projection)
            assert reader.counts() == first
            assert first == (len(projection.nodes) + len(projection.endpoints), len(projection.rels))
            assert sink.mirrored_documents() == {graph.rsplit("/", 1)[1]}
            sink.remove_graph(graph)
            assert reader.counts() == (0, 0)
        finally:
            sink.close()
            reader.close()


def test_a_killed_owner_takes_its_falkordb_with_it(tmp_path: Path) -> None:
    # Issue 8, point 10: `kill -9` of a build left an orphaned FalkorDB.
    import signal

    script = (
        "import sys, time; from pathlib import Path; from graphstore.falkor import FalkorServer; "
        f"s = FalkorServer(Path({str(tmp_path)!r})).start(); print(s._process.pid, flush=True); time.sleep(60)"
    )
    owner = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert owner.stdout is not None
    with owner.stdout:
        server_pid = int(owner.stdout.readline())
    os.kill(owner.pid, signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{server_pid}").exists() and time.monotonic() < deadline:
        status = (
            Path(f"/proc/{server_pid}/status").read_text() if Path(f"/proc/{server_pid}").exists() else ""
        )
        if "State:\tZ" in status:
            break
        time.sleep(0.1)
    alive = Path(f"/proc/{server_pid}/status")
    assert not alive.exists() or "State:\tZ" in alive.read_text(), (
        "FalkorDB outlived the process that owned it"
    )


def test_the_mirror_catches_up_at_start_and_after_its_database_is_killed(tmp_path: Path) -> None:
    # Issue 8, finding 8: kill the FalkorDB child and /cypher was 503 for good; documents loaded
    # meanwhile never reached the mirror, even after a restart of the server.
    import signal
    import warnings

    from starlette.exceptions import StarletteDeprecationWarning

    from app.main import create_app
    from app.settings import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient

    settings = Settings(data_dir=tmp_path / "data", api_key="a-key-long-enough-for-tests")  # type: ignore[arg-type]
    with Store.open(settings.store_path, workers=0) as store:  # loaded by the CLI, no mirror running
        build([DEMO / sorted(p.name for p in DEMO.glob("*.txt"))[0]], store)
    count = {"query": "MATCH (d:Document) RETURN count(d) AS n"}
    with TestClient(create_app(settings)) as client:
        assert client.post("/cypher", json=count).json()["rows"] == [[1]]  # caught up at start
        os.kill(client.app.state.sink.server._process.pid, signal.SIGKILL)  # type: ignore[attr-defined]
        time.sleep(0.5)
        second = sorted(DEMO.glob("*.txt"))[1]
        loaded = client.post(
            "/documents",
            json={"name": second.name, "text": second.read_text(encoding="utf-8")},
            headers={"X-API-Key": "a-key-long-enough-for-tests"},
        )
        assert loaded.status_code == 201
        answer = client.post("/cypher", json=count)
        assert answer.status_code == 200, answer.text
        assert answer.json()["rows"] == [[2]]
