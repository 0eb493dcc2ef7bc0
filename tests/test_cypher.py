"""Cypher over the mirror: canned .cypher queries agree with their SPARQL twins; /cypher is read-only and bounded."""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from starlette.exceptions import StarletteDeprecationWarning
from timing import assert_linear_time

from app.main import create_app
from app.queries import CannedQuery, load_queries
from app.settings import Settings
from graphstore.cypher import run_cypher, write_clause
from graphstore.graphsink import FalkorSink
from graphstore.store import Store

with warnings.catch_warnings():
    # starlette asks for httpx2 under its TestClient; pyproject's test extra still pins httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

CKR = "https://w3id.org/citykg/"
PLACE = CKR + "place/"
CYPHER_QUERIES = [q for q in load_queries() if q.language == "cypher"]
SPARQL = {q.name: q for q in load_queries() if q.language == "sparql"}

Rows = list[dict[str, Any]]


def _num(value: Any) -> float:
    return round(float(value), 6)


# Per query: the values both languages must agree on, as a set of tuples.
KEYS: dict[str, Callable[[dict[str, Any]], tuple[Any, ...]]] = {
    "programmes_by_place": lambda r: (r["programme"], r["label"], r["quote"], r["document"]),
    "places_running_programme": lambda r: (r["place"], r["code"], int(r["documents"])),
    "places_sharing_programmes": lambda r: (r["other"], int(r["shared"])),
    "metrics_for_place": lambda r: (
        r["observation"],
        r["indicator"],
        r["label"],
        _num(r["value"]),
        r["quote"],
    ),
    "agencies_by_place": lambda r: (r["agency"], r["label"], r["document"]),
    "most_cited_policies": lambda r: (r["policy"], r["title"], int(r["documents"])),
    "programme_adoption_by_province": lambda r: (r["province"], r["programme"], int(r["places"])),
}


@pytest.fixture(scope="session")
def client(
    tmp_path_factory: pytest.TempPathFactory, seed_store: Store, seed_sink: FalkorSink
) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("cypher-app"), falkordb=False, query_timeout_s=0.5, max_rows=5
    )
    with TestClient(create_app(settings, seed_store, sink=seed_sink)) as test_client:
        yield test_client


# The defaults name places of the demo corpus; on the seed graph the queries ask about 扬州市.
SEED_PARAMS = {"place": PLACE + "321000"}


def seed_params(query: CannedQuery) -> dict[str, str]:
    return {k: v for k, v in SEED_PARAMS.items() if k in query.params}


def _cypher_rows(sink: FalkorSink, query: CannedQuery) -> Rows:
    result = run_cypher(sink, query.text, query.values(seed_params(query)), timeout_s=10, max_rows=100_000)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def test_there_is_a_cypher_twin_for_the_key_sparql_queries() -> None:
    assert sorted(KEYS) == sorted(q.name for q in CYPHER_QUERIES)
    for query in CYPHER_QUERIES:
        assert query.name in SPARQL
        assert query.text.startswith("// title: ")
        assert [v.lstrip("?") for v in SPARQL[query.name].vars] == list(query.vars)
        assert query.params.keys() == SPARQL[query.name].params.keys()


@pytest.mark.shared
@pytest.mark.parametrize("query", CYPHER_QUERIES, ids=[q.name for q in CYPHER_QUERIES])
def test_canned_cypher_agrees_with_its_sparql_twin(
    query: CannedQuery, seed_sink: FalkorSink, seed_store: Store
) -> None:
    cypher_rows = _cypher_rows(seed_sink, query)
    sparql_rows = seed_store.select(SPARQL[query.name].bind(seed_params(query)))
    key = KEYS[query.name]
    assert cypher_rows, "the seed graph answers every canned query"
    assert {key(r) for r in cypher_rows} == {key(r) for r in sparql_rows}


@pytest.mark.shared
def test_programmes_of_yangzhou_include_yi_wang_tong_ban(seed_sink: FalkorSink) -> None:
    query = next(q for q in CYPHER_QUERIES if q.name == "programmes_by_place")
    labels = {r["label"] for r in _cypher_rows(seed_sink, query)}
    assert "一网通办" in labels


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        "programmes_by_place",
        "places_running_programme",
        "places_sharing_programmes",
        "metrics_for_place",
        "agencies_by_place",
    ],
)
def test_one_hop_template_starts_from_the_uri_index(name: str, seed_sink: FalkorSink) -> None:
    # DESIGN.md: FalkorDB's planner may skip the index depending on how a pattern is written.
    query = next(q for q in CYPHER_QUERIES if q.name == name)
    plan = str(seed_sink._graph.explain(query.text, query.params))
    assert "Node By Index Scan" in plan


def test_write_words_are_found_outside_strings_and_names() -> None:
    assert write_clause("MATCH (n {label: 'DELETE me'}) RETURN n.set AS `create`") is None
    assert write_clause("MATCH (n) SET n.x = 1") == "SET"
    assert write_clause("match (n) /* read */ detach delete n") == "detach"


# --- /cypher -------------------------------------------------------------------------------


@pytest.mark.shared
def test_cypher_endpoint_answers_columns_and_rows(client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (p:Resource {uri: $place}) RETURN p.label AS label, p.code AS code",
            "parameters": {"place": PLACE + "321000"},
        },
    )
    assert response.status_code == 200
    assert response.json() == {
        "columns": ["label", "code"],
        "rows": [["扬州市", "321000"]],
        "truncated": False,
        "engine": "falkordb",
    }
    assert response.headers["X-Citykg-Truncated"] == "false"
    assert response.headers["X-Citykg-Engine"] == "falkordb"


@pytest.mark.shared
def test_the_row_cap_is_applied_inside_falkordb_so_a_huge_result_never_reaches_the_server(
    client: TestClient,
) -> None:
    # Issue 8, finding 7: 3,000,000 rows came back (19 s, +950 MB) before the cap cut them.
    response = client.post(
        "/cypher", json={"query": "UNWIND range(1, 3000000) AS x RETURN x, x * 2 AS `double`"}
    )
    body = response.json()
    assert response.status_code == 200, body  # within the 0.5 s limit: FalkorDB stopped at 6 rows
    assert body["columns"] == ["x", "double"] and body["rows"] == [[1, 2], [2, 4], [3, 6], [4, 8], [5, 10]]
    assert body["truncated"] is True
    # Columns stay in the order written, and a query the subquery form does not suit still runs.
    assert client.post("/cypher", json={"query": "CALL db.labels()"}).status_code == 200


@pytest.mark.shared
def test_cypher_endpoint_cuts_rows_at_the_limit_and_says_so(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (p:Place) RETURN p.uri ORDER BY p.uri"})
    body = response.json()
    assert response.status_code == 200 and body["truncated"] is True and len(body["rows"]) == 5
    assert response.headers["X-Citykg-Truncated"] == "true"


@pytest.mark.shared
def test_cypher_endpoint_gives_400_with_the_parser_message(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "Invalid input" in response.json()["detail"]


@pytest.mark.shared
@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Place {uri: 'https://example.org/x'})",
        "MATCH (n:Place) DETACH DELETE n",
        "MATCH (n:Place) SET n.label = 'x'",
        "MERGE (n:Resource {uri: 'https://example.org/y'})",
        "MATCH (n:Place) REMOVE n.label",
        "INSERT (n:Place {uri: 'https://example.org/w'})",
    ],
)
def test_cypher_endpoint_refuses_writes_and_changes_nothing(
    query: str, client: TestClient, seed_sink: FalkorSink
) -> None:
    before = seed_sink.counts()
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
    assert seed_sink.counts() == before


@pytest.mark.shared
def test_the_database_itself_refuses_a_write_on_the_read_path(seed_sink: FalkorSink) -> None:
    # The word check is a courtesy; GRAPH.RO_QUERY is what keeps /cypher read-only.
    before = seed_sink.counts()
    with pytest.raises(redis.ResponseError, match="read-only"):
        seed_sink.read_only("CREATE (:Place {uri: 'https://example.org/z'})", {}, timeout_s=1, max_rows=1)
    assert seed_sink.counts() == before


@pytest.mark.shared
def test_cypher_endpoint_stops_a_long_query_within_a_second_of_the_limit(client: TestClient) -> None:
    started = time.monotonic()
    response = client.post(
        "/cypher", json={"query": "UNWIND range(1, 4000) AS x UNWIND range(1, 4000) AS y RETURN count(*)"}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["setting"] == "CITYKG_QUERY_TIMEOUT_S"
    assert elapsed < 0.5 + 1.0


def test_cypher_endpoint_without_a_graph_database_says_so(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, falkordb=False)
    store = Store.open(None)
    with TestClient(create_app(settings, store)) as test_client:
        response = test_client.post("/cypher", json={"query": "RETURN 1"})
    store.close()
    assert response.status_code == 503
    assert "CITYKG_NEO4J_URI" in response.json()["detail"]


@pytest.mark.parametrize(
    "text",
    [
        "'" * 1_000_000,
        "MATCH (n) WHERE n.x = '\\" * 90_000,
        '"' + "a'" * 500_000,
        "/*" * 500_000,
        "`" + "MATCH " * 160_000,
    ],
    ids=["quotes", "escapes", "nested-quotes", "comments", "backtick"],
)
def test_the_write_check_reads_a_megabyte_of_pathological_text_in_linear_time(text: str) -> None:
    # Issue 8: a 48 KB query of lone quotes held the server for 10 s.
    assert_linear_time(write_clause, text)


def test_a_query_past_its_memory_bound_is_stopped_by_falkordb_and_others_still_run(tmp_path: Path) -> None:
    # Issue 8, finding 7: one query grew FalkorDB to 3.2 GB and never returned.
    from graphstore.falkor import FalkorServer

    with FalkorServer(tmp_path, query_memory_mb=16) as server, Store.open(tmp_path / "ox") as store:
        sink = FalkorSink(server)
        sink.ensure_schema()
        settings = Settings(data_dir=tmp_path / "app", falkordb=False, cypher_memory_mb=16)
        with TestClient(create_app(settings, store, sink=sink)) as client:
            huge = client.post(
                "/cypher", json={"query": "UNWIND range(1, 5000000) AS x RETURN collect(x) AS xs"}
            )
            assert huge.status_code == 503
            assert "CITYKG_CYPHER_MEMORY_MB" in huge.json()["detail"]
            small = client.post("/cypher", json={"query": "RETURN 1 AS one"})
            assert small.status_code == 200 and small.json()["rows"] == [[1]]
        sink.close()


def test_an_empty_parameter_name_is_a_400_not_a_500(client: TestClient) -> None:
    # Issue 8, point 10: a parameter named "" was an unhandled 500 that reset the connection.
    for parameters in ({"": 1}, {"x": {"": 2}}):
        response = client.post("/cypher", json={"query": "RETURN $x AS x", "parameters": parameters})
        assert response.status_code == 400, response.text
        assert "parameter" in response.json()["detail"]
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [[1]]
