"""A remote SPARQL 1.1 store (Apache Jena Fuseki and OpenLink Virtuoso, started by the tests) gives the
answers the embedded one gives.

`citykg build` writes one named graph per document there; /sparql, /queries and the REST
resources read from it; the time limit is the client's; user queries never reach the
update endpoint.
"""

from __future__ import annotations

import io
import re
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from pydantic import ValidationError
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from fuseki import FusekiServer, free_port
from virtuoso import VirtuosoServer

from app.cli import cli
from app.main import create_app
from app.settings import Settings
from graphstore.build import build, ensure_vocabularies
from graphstore.remote_store import RemoteStore, StoreMisconfigured
from graphstore.sparql import QueryFailed
from graphstore.store import Store
from graphstore.stores import RdfStore, open_store

ROOT = Path(__file__).resolve().parents[1]
# Cross joins of every quad with itself: minutes on any engine.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


Server = FusekiServer | VirtuosoServer
OURS = 'FILTER(STRSTARTS(STR(?g), "https://w3id.org/citykg/graph/"))'


def remote_settings(server: Server, **extra: Any) -> Settings:
    return Settings(
        data_dir=Path("unused"),
        sparql_query_url=server.query_url,
        sparql_update_url=server.update_url,
        falkordb=False,
        **extra,
    )


@pytest.fixture(scope="module", params=["fuseki", "virtuoso"])
def remote_server(request: pytest.FixtureRequest) -> Server:
    """Each remote store the tests prove citykg against (a session-wide server)."""
    server: Server = request.getfixturevalue(f"{request.param}_server")
    return server


@pytest.fixture(scope="module")
def remote_seed_store(remote_server: Server, seeds_dir: Path) -> Iterator[RdfStore]:
    """The five seed documents built into the remote store through the same `build` the CLI runs."""
    store = open_store(remote_settings(remote_server, query_timeout_s=30))
    assert isinstance(store, RemoteStore)
    report = build([seeds_dir], store)
    assert report.documents == 5 and not report.problems
    yield store
    store.close()


@pytest.fixture(scope="module")
def remote_client(remote_server: Server, remote_seed_store: RdfStore) -> Iterator[TestClient]:
    with TestClient(
        create_app(remote_settings(remote_server, query_timeout_s=5), remote_seed_store)
    ) as client:
        yield client


@pytest.fixture(scope="module")
def embedded_client(seed_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=Path("unused"), falkordb=False), seed_store)) as client:
        yield client


def rows(response: Any) -> set[tuple[tuple[str, Any], ...]]:
    """Return the distinct rows of a JSON result: Oxigraph's union default graph repeats a triple
    once per graph that holds it, Fuseki's (like the RDF merge it stands for) does not."""
    assert response.status_code == 200, response.text
    bindings = response.json()["results"]["bindings"]
    return {tuple(sorted((k, value(v["value"])) for k, v in b.items())) for b in bindings}


def value(text: Any) -> Any:
    """Return a number for a numeric string (TDB2 writes decimals in canonical form: 69 as 69.0),
    the sorted parts of a joined list (SPARQL leaves the order of GROUP_CONCAT to the engine), and
    None for "" (GROUP_CONCAT over nothing but unbound values: unbound in Oxigraph and Fuseki, "" in Virtuoso).
    Virtuoso 7 writes a separator outside ASCII as "?"."""
    try:
        return float(text)
    except (TypeError, ValueError):
        if not isinstance(text, str):
            return text
        return tuple(sorted(re.split(r"、|; |\?", text))) if text else None


def distinct(table: list[list[Any]]) -> set[tuple[Any, ...]]:
    return {tuple(map(value, row)) for row in table}


def per_graph_counts(store: RdfStore) -> dict[str, int]:
    """Return the size of each source graph (the facts graph follows them: docs/graphs.md)."""
    sources = "FILTER(?g != <https://w3id.org/citykg/graph/facts>)"
    return {
        r["g"] or "": int(r["n"] or 0)
        for r in store.select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} {sources} }} GROUP BY ?g"
        )
    }


def test_build_writes_the_same_named_graphs_as_the_embedded_store(
    remote_seed_store: RdfStore, seed_store: Store
) -> None:
    assert remote_seed_store.graph_iris() == seed_store.graph_iris()
    assert remote_seed_store.count() == seed_store.count()
    # The vocabularies are loaded once: a second build finds their stamp and leaves them alone.
    assert ensure_vocabularies(remote_seed_store) is False


@pytest.mark.parametrize(
    "query",
    [
        # Virtuoso keeps its own system graphs beside citykg's.
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {OURS} }} GROUP BY ?g",
        "SELECT ?place ?programme WHERE { ?place ck:runsProgramme ?programme }",
        "SELECT ?label WHERE { ?p a ck:Programme ; skos:prefLabel ?label }",
    ],
)
def test_sparql_answers_equal_the_embedded_stores(
    remote_client: TestClient, embedded_client: TestClient, query: str
) -> None:
    remote = rows(remote_client.post("/sparql", data={"query": query}))
    assert remote and remote == rows(embedded_client.post("/sparql", data={"query": query}))


def test_the_protocols_default_graph_uri_picks_the_dataset(
    remote_client: TestClient, embedded_client: TestClient
) -> None:
    params = {
        "query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
        "default-graph-uri": "https://w3id.org/citykg/graph/build",
    }
    remote = rows(remote_client.get("/sparql", params=params))
    assert len(remote) == 1 and remote == rows(embedded_client.get("/sparql", params=params))


def test_rest_resources_and_canned_queries_equal_the_embedded_stores(
    remote_server: Server, remote_client: TestClient, embedded_client: TestClient
) -> None:
    paths = ["/stats", "/places?limit=500", "/programmes?limit=500", "/documents", "/search?q=yangzhou"]
    places = embedded_client.get("/places", params={"limit": 3}).json()["data"]
    paths += [f"/places/{p['code']}" for p in places]
    # The analytics projection reads every document's evidence at once from the facts graph.
    paths += ["/programmes/yi-wang-tong-ban", "/adoption", "/programmes/yi-wang-tong-ban/diffusion"]
    canned = [q["name"] for q in embedded_client.get("/queries").json() if q["language"] == "sparql"]
    paths += [f"/queries/{name}" for name in canned]
    for path in paths:
        remote, embedded = remote_client.get(path), embedded_client.get(path)
        assert remote.status_code == embedded.status_code == 200, (path, remote.text)
        if path.startswith("/queries/"):
            assert distinct(remote.json()["rows"]) == distinct(embedded.json()["rows"]), path
        else:
            assert remote.json() == embedded.json(), path


def test_user_updates_never_reach_the_remote_store(
    remote_client: TestClient, remote_seed_store: RdfStore
) -> None:
    before = remote_seed_store.count()
    for form in ({"update": "DROP ALL"}, {"query": "DROP ALL"}, {"query": "CLEAR DEFAULT ; DROP ALL"}):
        answer = remote_client.post("/sparql", data=form)
        assert answer.status_code == 403 and "read-only" in answer.json()["detail"]
    federated = remote_client.get(
        "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"}
    )
    assert federated.status_code == 403
    assert remote_seed_store.count() == before


def test_a_runaway_query_is_cut_by_the_client_and_the_server_answers_others(
    remote_server: Server, remote_seed_store: RdfStore
) -> None:
    with TestClient(
        create_app(remote_settings(remote_server, query_timeout_s=1), remote_seed_store)
    ) as client:
        started = time.monotonic()
        answer = client.post("/sparql", data={"query": RUNAWAY})
        assert time.monotonic() - started < 4
        assert answer.status_code == 503
        assert "1 s limit" in answer.json()["detail"] and "CITYKG_QUERY_TIMEOUT_S" in answer.json()["detail"]
        # Another query answers at once. (Not /stats: its whole-graph counts take Virtuoso over 1 s.)
        started = time.monotonic()
        assert rows(
            client.post("/sparql", data={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?d a ck:Document }"})
        )
        assert time.monotonic() - started < 3


def test_an_unreachable_store_gets_a_clear_503_and_a_one_line_cli_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/ds/query"
    store = RemoteStore(url, timeout_s=2)
    with TestClient(create_app(Settings(data_dir=tmp_path, falkordb=False), store)) as client:
        answer = client.post("/sparql", data={"query": "ASK { ?s ?p ?o }"})
        assert answer.status_code == 503 and "cannot be reached" in answer.json()["detail"]
        assert client.get("/places").status_code == 503
    result = CliRunner().invoke(
        cli, ["stats"], env={"CITYKG_SPARQL_QUERY_URL": url, "CITYKG_DATA_DIR": str(tmp_path)}
    )
    assert result.exit_code == 1 and "cannot be reached" in result.output


def test_a_store_without_an_update_endpoint_refuses_to_build(
    remote_server: Server, remote_seed_store: RdfStore, tmp_path: Path
) -> None:
    env = {
        "CITYKG_SPARQL_QUERY_URL": remote_server.query_url,
        "CITYKG_DATA_DIR": str(tmp_path),
        "CITYKG_FALKORDB": "false",
    }
    result = CliRunner().invoke(cli, ["build", str(ROOT / "demo" / "corpus")], env=env)
    assert result.exit_code == 1 and "CITYKG_SPARQL_UPDATE_URL" in result.output


def test_a_store_whose_default_graph_is_not_the_union_is_refused_with_the_fix() -> None:
    with FusekiServer(union=False) as plain:
        store = RemoteStore(plain.query_url, update_url=plain.update_url)
        with pytest.raises(StoreMisconfigured, match="unionDefaultGraph"):
            store.replace_graph(
                "https://w3id.org/citykg/graph/x", [ox.Triple(*(ox.NamedNode("https://x/y"),) * 3)]
            )
        with pytest.raises(StoreMisconfigured):
            open_store(remote_settings(plain))
        store.close()


def test_remote_endpoints_must_be_complete_urls() -> None:
    with pytest.raises(ValidationError, match="without CITYKG_SPARQL_QUERY_URL"):
        Settings(sparql_update_url="http://127.0.0.1:3030/ds/update")
    with pytest.raises(ValidationError, match="http:// or https://"):
        Settings(sparql_query_url="127.0.0.1:3030/ds/query")


@pytest.mark.parametrize("gsp", [False, True], ids=["sparql-update", "graph-store-protocol"])
def test_the_cli_replaces_exactly_a_changed_documents_graph_and_removes_one(
    remote_server: Server, remote_seed_store: RdfStore, seeds_dir: Path, tmp_path: Path, gsp: bool
) -> None:
    env = remote_server.env(gsp=gsp) | {"CITYKG_DATA_DIR": str(tmp_path / "data"), "CITYKG_FALKORDB": "false"}
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    first, second = sorted(corpus.iterdir())[:2]
    before = per_graph_counts(remote_seed_store)
    try:
        first.write_text(
            first.read_text(encoding="utf-8") + "\n扬州市推进“一网通办”改革。\n", encoding="utf-8"
        )
        result = CliRunner().invoke(cli, ["build", str(first)], env=env)
        assert result.exit_code == 0, result.output
        after = per_graph_counts(remote_seed_store)
        gone, added = set(before) - set(after), set(after) - set(before)
        assert len(gone) == 1 and len(added) == 1  # the old version's graph made way for the new one
        unchanged = {g: n for g, n in before.items() if g not in gone}
        assert {g: after[g] for g in unchanged} == unchanged
        result = CliRunner().invoke(cli, ["remove", second.name], env=env)
        assert result.exit_code == 0, result.output
        removed = per_graph_counts(remote_seed_store)
        assert len(removed) == len(after) - 1
        assert all(removed[g] == n for g, n in after.items() if g in removed)
    finally:  # the seed graphs as the other tests found them
        assert not build([seeds_dir / first.name, seeds_dir / second.name], remote_seed_store).problems
    assert set(per_graph_counts(remote_seed_store)) == set(before)


@pytest.mark.parametrize("gsp", [False, True], ids=["sparql-update", "graph-store-protocol"])
def test_a_rebuild_replaces_the_whole_remote_store_with_the_same_graph(
    remote_server: Server, remote_seed_store: RdfStore, seed_store: Store, gsp: bool
) -> None:
    extra = {"sparql_gsp_url": remote_server.gsp_url} if gsp else {}
    store = open_store(remote_settings(remote_server, query_timeout_s=30, **extra))
    stray = "https://w3id.org/citykg/graph/stray"
    store.replace_graph(stray, [ox.Triple(ox.NamedNode(stray), ox.NamedNode(stray), ox.Literal("x"))])
    assert stray in store.graph_iris()
    # What `citykg build --rebuild` sends: every quad of the build (here the embedded store's),
    # in one update, or with a Graph Store Protocol endpoint one request per graph.
    dump = io.BytesIO()
    seed_store.export("nq", dump)
    quads = ox.parse(dump.getvalue(), ox.RdfFormat.N_QUADS)
    try:
        if isinstance(remote_server, VirtuosoServer) and not gsp:
            # Virtuoso says 200 to a streamed update it never read: the rebuild says so.
            with pytest.raises(QueryFailed, match="CITYKG_SPARQL_GSP_URL"):
                store.bulk_rebuild(quads)
            store.remove_graph(stray)
            return
        total = store.bulk_rebuild(quads)
        assert total == seed_store.count() == store.count()
        assert store.graph_iris() == seed_store.graph_iris()
    finally:
        store.close()


def test_blank_settings_from_docker_compose_mean_unset(tmp_path: Path) -> None:
    # docker-compose.yml passes `${CITYKG_SPARQL_QUERY_URL:-}` and `${CITYKG_API_KEY:-}` through as "".
    blank = {"sparql_query_url": "", "sparql_update_url": "", "sparql_password": "", "api_key": ""}
    settings = Settings(data_dir=tmp_path, **blank)
    assert settings.sparql_query_url is None and settings.api_key is None
    with open_store(settings, workers=0) as store:
        assert isinstance(store, Store)


def test_the_remote_facts_graph_keeps_a_fact_two_documents_share(remote_seed_store: RdfStore) -> None:
    from graphstore.facts import FACTS_GRAPH

    base = "https://w3id.org/citykg/"
    runs = ox.NamedNode(base + "ontology#runsProgramme")
    shared = ox.Triple(ox.NamedNode(base + "place/990001"), runs, ox.NamedNode(base + "programme/shared"))
    only_a = ox.Triple(ox.NamedNode(base + "place/990002"), runs, ox.NamedNode(base + "programme/shared"))
    doc_a, doc_b = base + "graph/document/test-shared-a", base + "graph/document/test-shared-b"
    before = remote_seed_store.count()

    def facts() -> set[ox.Triple]:
        sparql = (
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {FACTS_GRAPH} {{ ?s ?p ?o }} FILTER(?o = ?programme) }}"
        )
        return set(remote_seed_store.construct(sparql, programme=base + "programme/shared"))

    remote_seed_store.replace_graph(doc_a, [shared, only_a])
    remote_seed_store.replace_graph(doc_b, [shared])
    assert facts() == {shared, only_a}
    remote_seed_store.remove_graph(doc_a)
    assert facts() == {shared}
    remote_seed_store.remove_graph(doc_b)
    assert facts() == set() and remote_seed_store.count() == before
