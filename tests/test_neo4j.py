"""The mirror and /cypher on a real Neo4j 5: started by the tests from Maven Central's jars, or
the server CITYKG_TEST_NEO4J_URI names (DESIGN.md decisions 5 and 6)."""

from __future__ import annotations

import json
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from test_cypher import KEYS, seed_params
from test_mirror import mirrors_after_removals
from typer.testing import CliRunner

from app.cli import cli
from app.main import create_app
from app.queries import CannedQuery, load_queries
from app.settings import Settings
from graphstore.cypher import run_cypher, write_clause
from graphstore.graphsink import FalkorSink, Neo4jSink
from graphstore.mirror import NodeRow, Projection, mirror_documents, resync
from graphstore.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient asks for httpx2 (see test_cypher.py)
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.neo4j

CKR = "https://w3id.org/citykg/"
CYPHER_QUERIES = [q for q in load_queries() if q.language == "cypher"]
SPARQL = {q.name: q for q in load_queries() if q.language == "sparql"}


def _fingerprint(sink: Neo4jSink) -> tuple[list[str], list[str]]:
    """Return every node and relationship with its labels/type and properties, as sorted JSON lines."""
    nodes = sink._read("MATCH (n) RETURN n.uri, labels(n), properties(n)", {})
    rels = sink._read("MATCH (a)-[r]->(b) RETURN a.uri, type(r), b.uri, properties(r)", {})

    def line(row: list[Any]) -> str:
        # A node's graphs list grows in the order documents arrived; the set is what matters.
        plain = [
            sorted(v) if isinstance(v, list) else {k: sorted(x) if k == "graphs" else x for k, x in v.items()}
            if isinstance(v, dict) else v
            for v in row
        ]  # fmt: skip
        return json.dumps(plain, ensure_ascii=False, sort_keys=True)

    return sorted(map(line, nodes)), sorted(map(line, rels))


@pytest.fixture
def seed_mirror(neo4j_sink: Neo4jSink, seed_store: Store) -> Neo4jSink:
    """The Neo4j mirror holding exactly the seed store (written once, kept in step after)."""
    resync(seed_store, neo4j_sink)
    return neo4j_sink


@pytest.fixture(scope="module")
def client(
    seed_store: Store, neo4j_sink: Neo4jSink, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("neo4j-app"), falkordb=False, query_timeout_s=1, max_rows=5
    )
    with TestClient(create_app(settings, seed_store, sink=neo4j_sink)) as test_client:
        yield test_client


# --- writing the mirror ------------------------------------------------------------------


def test_the_mirror_creates_a_uniqueness_constraint_on_uri(neo4j_sink: Neo4jSink) -> None:
    neo4j_sink.ensure_schema()
    constraints = neo4j_sink._read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type", {})
    assert [["Resource"], ["uri"], "UNIQUENESS"] in constraints
    uri = CKR + "place/duplicate-probe"
    with neo4j_sink._session() as session:
        session.run("CREATE (:Resource {uri: $uri})", uri=uri).consume()
        with pytest.raises(neo4j.exceptions.ConstraintError):
            session.run("CREATE (:Resource {uri: $uri})", uri=uri).consume()
        session.run("MATCH (n:Resource {uri: $uri}) DELETE n", uri=uri).consume()


def test_the_mirror_writes_unwind_batches_of_a_thousand_rows(
    neo4j_sink: Neo4jSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    graph = CKR + "graph/batch-probe"
    nodes = tuple(NodeRow(f"{CKR}place/probe-{i:04d}", ("Place",), {"label": f"P{i}"}) for i in range(2500))
    projection = Projection(graph, nodes, (), ())
    batches: list[int] = []
    execute = neo4j_sink._execute

    def counting(work: Any) -> Any:
        def counted(run: Any) -> Any:
            def counted_run(statement: str, params: dict[str, Any]) -> Any:
                assert statement.startswith(("UNWIND $rows AS row\n", "UNWIND $uris AS uri\n"))
                batches.append(len(params.get("rows", params.get("uris", []))))
                return run(statement, params)

            return work(counted_run)

        return execute(counted)

    monkeypatch.setattr(neo4j_sink, "_execute", counting)
    try:
        assert neo4j_sink.write(projection)["nodes_created"] == 2500
        assert batches == [1000, 1000, 500]  # all new: created, nothing to update
        batches.clear()
        assert neo4j_sink.write(projection)["nodes_created"] == 0  # found by the unique uri
        # Per batch: create none, update the nodes there, label those that lack it.
        assert batches == [1000] * 6 + [500] * 3
        assert neo4j_sink._read(
            "MATCH (n:Place) WHERE n.uri STARTS WITH $p RETURN count(n)", {"p": f"{CKR}place/probe-"}
        ) == [[2500]]
    finally:
        monkeypatch.undo()  # the removal's statements are no batches to count
        assert neo4j_sink.remove_graph(graph)["nodes_deleted"] == 2500


@pytest.mark.shared
def test_an_incremental_sync_ends_where_a_fresh_full_sync_does(
    tmp_path: Path, seeds_dir: Path, neo4j_env: dict[str, str], neo4j_sink: Neo4jSink
) -> None:
    # issue 9: load the seeds, change one document, remove another, through the CLI a user runs.
    docs = tmp_path / "docs"
    shutil.copytree(seeds_dir, docs)
    env = {"CITYKG_DATA": str(tmp_path / "data"), **neo4j_env}
    runner = CliRunner()

    def citykg(*args: str) -> dict[str, Any]:
        result = runner.invoke(cli, list(args), env=env)
        assert result.exit_code == 0, result.output
        return dict(json.loads(result.stdout))

    neo4j_sink.clear()
    try:
        built = citykg("build", str(docs))
        assert built["mirror"]["documents_written"] == 5
        changed, removed = sorted(docs.glob("*.txt"))[:2]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text[: len(text) // 2], encoding="utf-8")  # its second half's facts go
        rebuilt = citykg("build", str(changed))
        assert rebuilt["mirror"]["documents_removed"] == 1  # the earlier version
        assert citykg("remove", removed.name)["mirror"]["documents_removed"] == 1
        incremental = neo4j_sink.counts(), _fingerprint(neo4j_sink)
        assert len(neo4j_sink.mirrored_documents()) == 4

        citykg("sync", "--full")

        assert neo4j_sink.counts() == incremental[0]
        assert _fingerprint(neo4j_sink) == incremental[1]
    finally:
        neo4j_sink.clear()


def test_removing_or_replacing_one_document_leaves_the_mirror_the_scan_of_every_node_leaves(
    demo_store: Store, neo4j_sink: Neo4jSink
) -> None:
    # issue 12: the removal that follows a document's own rows, against the one that looked through every node
    try:
        assert mirrors_after_removals(demo_store, neo4j_sink, scan=False) == mirrors_after_removals(
            demo_store, neo4j_sink, scan=True
        )
    finally:
        neo4j_sink.clear()


@pytest.mark.shared
def test_a_full_resync_is_idempotent(seed_store: Store, seed_mirror: Neo4jSink) -> None:
    first = seed_mirror.counts(), _fingerprint(seed_mirror)
    assert first[0][0] > 3000 and first[0][1] > 100
    again = mirror_documents(seed_store, seed_mirror, sorted(seed_mirror.mirrored_documents()))
    assert again.documents_written == 5
    assert (seed_mirror.counts(), _fingerprint(seed_mirror)) == first
    resync(seed_store, seed_mirror, full=True)
    assert (seed_mirror.counts(), _fingerprint(seed_mirror)) == first
    caught_up = resync(seed_store, seed_mirror)
    assert (caught_up.documents_written, caught_up.documents_removed, caught_up.vocabularies_written) == (
        0,
        0,
        False,
    )


# --- /cypher on Neo4j ----------------------------------------------------------------------


@pytest.mark.shared
def test_cypher_on_neo4j_says_which_engine_answered(seed_mirror: Neo4jSink, client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (p:Resource {uri: $place}) RETURN p.label AS label, p.code AS code",
            "parameters": {"place": CKR + "place/321000"},
        },
    )
    assert response.status_code == 200
    assert response.headers["X-Citykg-Engine"] == "neo4j"
    assert response.json() == {
        "columns": ["label", "code"],
        "rows": [["扬州市", "321000"]],
        "truncated": False,
        "engine": "neo4j",
    }
    malformed = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert malformed.status_code == 400 and malformed.json()["engine"] == "neo4j"
    assert "Invalid input" in malformed.json()["detail"]


WRITES_PAST_THE_WORD_CHECK = [
    "CALL db.createLabel('Intruder')",
    "CALL db.createRelationshipType('INTRUDES')",
    "MATCH (p:Place) WITH p LIMIT 1 CALL db.createProperty('intruder') RETURN p.uri",
]


@pytest.mark.shared
@pytest.mark.parametrize("query", WRITES_PAST_THE_WORD_CHECK)
def test_neo4j_itself_refuses_a_write_the_word_check_misses(
    query: str, seed_mirror: Neo4jSink, client: TestClient
) -> None:
    assert write_clause(query) is None
    tokens = "CALL db.labels() YIELD label RETURN collect(label) AS labels"
    before = seed_mirror.counts(), seed_mirror._read(tokens, {})
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 403, response.text
    assert "read" in response.json()["detail"]
    assert (seed_mirror.counts(), seed_mirror._read(tokens, {})) == before


@pytest.mark.shared
def test_a_create_sent_straight_to_the_read_path_is_refused_by_neo4j(seed_mirror: Neo4jSink) -> None:
    before = seed_mirror.counts()
    with pytest.raises(neo4j.exceptions.ClientError, match="read access mode"):
        seed_mirror.read_only("CREATE (:Place {uri: 'https://example.org/z'})", {}, timeout_s=5, max_rows=1)
    assert seed_mirror.counts() == before


@pytest.mark.shared
def test_a_long_query_is_stopped_by_neo4j_at_the_transaction_timeout(client: TestClient) -> None:
    started = time.monotonic()
    response = client.post(
        "/cypher", json={"query": "UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y RETURN count(*)"}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert response.json()["setting"] == "CITYKG_QUERY_TIMEOUT_S"
    assert elapsed < 1 + 3  # Neo4j checks the timeout between steps, about every second


@pytest.mark.shared
def test_the_row_cap_keeps_the_columns_in_order_and_says_rows_were_cut(
    seed_mirror: Neo4jSink, client: TestClient
) -> None:
    query = "MATCH (p:Place) RETURN p.uri AS uri, p.label AS label ORDER BY uri"
    response = client.post("/cypher", json={"query": query})
    body = response.json()
    assert body["columns"] == ["uri", "label"] and body["truncated"] is True
    assert body["rows"] == [list(r) for r in seed_mirror._read(query + " LIMIT 5", {})]
    assert response.headers["X-Citykg-Max-Rows"] == "5"
    standalone = client.post("/cypher", json={"query": "CALL db.labels()"})  # no subquery holds it
    assert standalone.status_code == 200 and standalone.json()["columns"] == ["label"]
    assert standalone.json()["truncated"] is True


# --- canned queries: Neo4j, FalkorDB and SPARQL agree -----------------------------------------


def _rows(sink: Neo4jSink | FalkorSink, query: CannedQuery) -> tuple[list[str], list[list[Any]]]:
    result = run_cypher(sink, query.text, query.values(seed_params(query)), timeout_s=30, max_rows=100_000)
    return result.columns, result.rows


@pytest.mark.shared
@pytest.mark.parametrize("query", CYPHER_QUERIES, ids=[q.name for q in CYPHER_QUERIES])
def test_canned_cypher_answers_alike_on_neo4j_falkordb_and_sparql(
    query: CannedQuery, seed_mirror: Neo4jSink, seed_sink: FalkorSink, seed_store: Store
) -> None:
    columns, rows = _rows(seed_mirror, query)
    falkor_columns, falkor_rows = _rows(seed_sink, query)
    key = KEYS[query.name]
    neo4j_keys = [key(dict(zip(columns, r, strict=True))) for r in rows]
    assert neo4j_keys, "the seed graph answers every canned query"
    # Same columns, same rows in the same order. Only the key values are compared: a literal two
    # documents give differently (a policy's issuers) keeps the one the engine applied last.
    assert falkor_columns == columns
    assert [key(dict(zip(columns, r, strict=True))) for r in falkor_rows] == neo4j_keys
    sparql_rows = seed_store.select(SPARQL[query.name].bind(seed_params(query)))
    assert set(neo4j_keys) == {key(r) for r in sparql_rows}
