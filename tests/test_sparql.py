"""/sparql speaks the SPARQL 1.1 Protocol, read-only, with negotiation, a row cap and a hard time limit."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from starlette.exceptions import StarletteDeprecationWarning
from timing import assert_linear_time

with warnings.catch_warnings():
    # starlette 1.10 asks for httpx2 under its TestClient; pyproject's test extra still pins httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from graphstore.store import Store

# rdflib 7.6's JSON-LD parser builds its own deprecated ConjunctiveGraph; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

CKR = "https://w3id.org/citykg/"
CK = rdflib.Namespace("https://w3id.org/citykg/ontology#")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
GAZETTEER = CKR + "graph/gazetteer"
DOC_A = CKR + "graph/document/aaaaaaaaaaaaaaaa"
DOC_B = CKR + "graph/document/bbbbbbbbbbbbbbbb"
BULK = CKR + "graph/document/cccccccccccccccc"
YANGZHOU = CKR + "place/321000"
HANGZHOU = CKR + "place/330100"
YI_WANG = CKR + "programme/yi-wang-tong-ban"
ZUI_DUO = CKR + "programme/zui-duo-pao-yi-ci"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RUNS = str(CK.runsProgramme)
PROBLEM = "application/problem+json"
LABELS = 'SELECT ?place ?label WHERE { ?place rdfs:label ?label FILTER(lang(?label) = "zh") } ORDER BY ?label'
RUNS_CONSTRUCT = "CONSTRUCT { ?place ck:runsProgramme ?p } WHERE { ?place ck:runsProgramme ?p }"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def triple(s: str, p: str, o: str | ox.Literal) -> ox.Triple:
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), o if isinstance(o, ox.Literal) else ox.NamedNode(o))


def fill(store: Store) -> Store:
    store.replace_graph(
        GAZETTEER,
        [
            triple(YANGZHOU, LABEL, ox.Literal("扬州市", language="zh")),
            triple(HANGZHOU, LABEL, ox.Literal("杭州市", language="zh")),
        ],
    )
    store.replace_graph(DOC_A, [triple(YANGZHOU, RUNS, YI_WANG)])
    store.replace_graph(DOC_B, [triple(HANGZHOU, RUNS, ZUI_DUO)])
    return store


def fill_bulk(store: Store) -> Store:
    store.replace_graph(BULK, [triple(f"{CKR}test/{i}", LABEL, ox.Literal(f"item {i}")) for i in range(2000)])
    return store


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(tmp_path_factory.mktemp("sparql") / "oxigraph", workers=2)
    fill_bulk(fill(store))
    yield store
    store.close()


def make_client(store: Store, **settings: object) -> TestClient:
    config = Settings(data_dir=Path("unused"), query_timeout_s=1, **settings)  # type: ignore[arg-type]
    return TestClient(create_app(config, store))


@pytest.fixture(scope="module")
def client(loaded_store: Store) -> Iterator[TestClient]:
    with make_client(loaded_store) as test_client:
        yield test_client


def bindings(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    data = response.json()
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def gazetteer_labels(response: httpx.Response) -> list[str]:
    return [row["label"] for row in bindings(response) if row["place"] in (YANGZHOU, HANGZHOU)]


def test_get_with_a_query_returns_sparql_json_results_by_default(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS + " LIMIT 2"})
    assert response.headers["content-type"] == "application/sparql-results+json", response.text
    assert response.headers["x-citykg-truncated"] == "false"
    assert bindings(response) == [
        {"place": YANGZHOU, "label": "扬州市"},
        {"place": HANGZHOU, "label": "杭州市"},
    ]


def test_post_form_and_post_sparql_query_give_the_same_results(client: TestClient) -> None:
    by_form = client.post("/sparql", data={"query": LABELS + " LIMIT 2"})
    direct = client.post(
        "/sparql",
        content=(LABELS + " LIMIT 2").encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert (
        bindings(by_form)
        == bindings(direct)
        == bindings(client.get("/sparql", params={"query": LABELS + " LIMIT 2"}))
    )


def test_the_default_graph_is_the_union_of_every_named_graph(client: TestClient) -> None:
    rows = bindings(
        client.get("/sparql", params={"query": "SELECT ?place ?p WHERE { ?place ck:runsProgramme ?p }"})
    )
    assert sorted(r["p"] for r in rows) == [YI_WANG, ZUI_DUO]


def test_default_graph_uri_and_named_graph_uri_set_the_dataset_in_every_method(client: TestClient) -> None:
    query = "SELECT ?place ?p WHERE { ?place ck:runsProgramme ?p }"
    params = {"query": query, "default-graph-uri": DOC_A}
    assert [r["p"] for r in bindings(client.get("/sparql", params=params))] == [YI_WANG]
    assert [r["p"] for r in bindings(client.post("/sparql", data=params))] == [YI_WANG]
    direct = client.post(
        "/sparql",
        params={"default-graph-uri": [DOC_A, DOC_B]},
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert sorted(r["p"] for r in bindings(direct)) == [YI_WANG, ZUI_DUO]
    named = {"query": "SELECT ?g WHERE { GRAPH ?g { ?s ck:runsProgramme ?o } }", "named-graph-uri": DOC_B}
    assert bindings(client.get("/sparql", params=named)) == [{"g": DOC_B}]


def test_results_come_as_xml_csv_and_tsv_when_asked(client: TestClient) -> None:
    query = {"query": LABELS + " LIMIT 2"}
    xml = client.get("/sparql", params=query, headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(xml.content)
    assert [b.text for b in root.findall(".//r:binding[@name='label']/r:literal", ns)] == ["扬州市", "杭州市"]

    as_csv = client.get("/sparql", params=query, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert list(csv.DictReader(io.StringIO(as_csv.text))) == [
        {"place": YANGZHOU, "label": "扬州市"},
        {"place": HANGZHOU, "label": "杭州市"},
    ]

    tsv = client.get("/sparql", params=query, headers={"Accept": "text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    lines = [line.split("\t") for line in tsv.text.splitlines()]
    assert lines == [["?place", "?label"], [f"<{YANGZHOU}>", '"扬州市"@zh'], [f"<{HANGZHOU}>", '"杭州市"@zh']]


def test_accept_quality_values_pick_the_preferred_format(client: TestClient) -> None:
    accept = "text/csv;q=0.5, application/sparql-results+xml;q=0.9, */*;q=0.1"
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": accept})
    assert response.headers["content-type"].startswith("application/sparql-results+xml")


def test_ask_answers_in_json_and_xml_and_refuses_csv(client: TestClient) -> None:
    ask = {"query": f"ASK {{ <{YANGZHOU}> ck:runsProgramme <{YI_WANG}> }}"}
    assert client.get("/sparql", params=ask).json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params=ask, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(xml.content).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"  # type: ignore[union-attr]
    refused = client.get("/sparql", params=ask, headers={"Accept": "text/csv"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == PROBLEM


def expected_runs() -> set[tuple[rdflib.URIRef, rdflib.URIRef, rdflib.URIRef]]:
    return {
        (rdflib.URIRef(YANGZHOU), CK.runsProgramme, rdflib.URIRef(YI_WANG)),
        (rdflib.URIRef(HANGZHOU), CK.runsProgramme, rdflib.URIRef(ZUI_DUO)),
    }


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
    ],
)
def test_construct_returns_a_graph_that_parses_back_to_the_same_triples(
    client: TestClient, accept: str | None, media_type: str, rdflib_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": RUNS_CONSTRUCT}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert set(graph) == expected_runs()


def test_describe_returns_the_description_of_a_resource(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{YANGZHOU}>"})
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    assert (rdflib.URIRef(YANGZHOU), rdflib.RDFS.label, rdflib.Literal("扬州市", lang="zh")) in graph


@pytest.mark.parametrize(
    "send",
    [
        lambda c: c.post(
            "/sparql",
            content=b"DROP GRAPH <https://w3id.org/citykg/graph/gazetteer>",
            headers={"Content-Type": "application/sparql-update"},
        ),
        lambda c: c.post("/sparql", data={"update": "DROP GRAPH <https://w3id.org/citykg/graph/gazetteer>"}),
        lambda c: c.post("/sparql", data={"query": "DROP GRAPH <https://w3id.org/citykg/graph/gazetteer>"}),
        lambda c: c.get("/sparql", params={"query": "CLEAR ALL"}),
        lambda c: c.get("/sparql", params={"update": "CLEAR ALL"}),
    ],
    ids=[
        "sparql-update-body",
        "update-form-field",
        "update-in-query-form",
        "update-in-query-get",
        "update-get",
    ],
)
def test_updates_are_refused_with_403_and_change_nothing(
    client: TestClient, loaded_store: Store, send: object
) -> None:
    before = loaded_store.count()
    response = send(client)  # type: ignore[operator]
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM
    assert "read-only" in response.json()["detail"]
    assert loaded_store.count() == before
    assert GAZETTEER in loaded_store.graph_iris()


def test_a_malformed_query_gets_400_naming_the_parse_error(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s "})
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 400
    assert "error at 1:" in problem["detail"]


def test_federated_queries_are_refused(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}
    )
    assert response.status_code == 403
    assert "SERVICE" in response.json()["detail"]


@pytest.fixture()
def canary() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP listener on 127.0.0.1 that records whatever connects to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.1)
    heard: list[bytes] = []
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                with contextlib.suppress(OSError):
                    heard.append(conn.recv(4096))
                with contextlib.suppress(OSError):
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n"
                        b'{"head":{"vars":["leak"]},"results":{"bindings":[{"leak":{"type":"literal","value":"secret"}}]}}'
                    )

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    yield server.getsockname()[1], heard
    stop.set()
    thread.join()
    server.close()


def test_no_query_text_reaches_the_network_however_service_is_disguised(
    client: TestClient, canary: tuple[int, list[bytes]]
) -> None:
    port, heard = canary
    url = f"http://127.0.0.1:{port}/admin"
    disguised = [
        f"SELECT ?leak WHERE {{ FILTER(1<2)SERVICE#>\n<{url}>{{ ?leak ?p ?o }} }}",  # issue 8's reproduction
        f"SELECT ?leak WHERE {{ FILTER(1<2)SERVICE#>\nSILENT <{url}>{{ ?leak ?p ?o }} }}",
        f"SELECT ?leak WHERE {{ BIND(1<2 AS ?x) SeRvIcE#>\n<{url}> {{ ?leak ?p ?o }} }}",
        f"PREFIX e: <http://127.0.0.1:{port}/> SELECT ?leak WHERE {{ FILTER(2>1 && 1<2)SERVICE#>\ne:admin {{ ?leak ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?leak ?p ?o }} }}",
    ]
    for query in disguised:
        response = client.get("/sparql", params={"query": query})
        # SERVICE SILENT turns the refused fetch into an empty solution, as the standard says.
        assert response.status_code == (200 if "SILENT" in query else 403), (query, response.text)
        assert "secret" not in response.text
    assert heard == []
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_get_without_a_query_describes_the_service_in_turtle(client: TestClient) -> None:
    response = client.get("/sparql")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    service = rdflib.URIRef("http://127.0.0.1:8000/sparql")  # from the settings, not the Host header
    assert (service, rdflib.RDF.type, SD.Service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    formats = set(graph.objects(service, SD.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/JSON-LD") in formats


def test_a_post_without_a_query_is_a_bad_request(client: TestClient) -> None:
    response = client.post("/sparql", data={"default-graph-uri": GAZETTEER})
    assert response.status_code == 400
    assert response.headers["content-type"] == PROBLEM


def test_a_post_of_an_unknown_content_type_is_refused_with_415(client: TestClient) -> None:
    response = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert response.status_code == 415
    assert response.headers["content-type"] == PROBLEM


def test_an_accept_header_that_fits_no_format_gets_406(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.headers["content-type"] == PROBLEM
    assert "application/sparql-results+json" in response.json()["detail"]
    graph_as_csv = client.get("/sparql", params={"query": RUNS_CONSTRUCT}, headers={"Accept": "text/csv"})
    assert graph_as_csv.status_code == 406


def test_results_longer_than_max_rows_are_cut_and_flagged(loaded_store: Store) -> None:
    with make_client(loaded_store, max_rows=3) as capped:
        response = capped.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
        assert len(bindings(response)) == 3
        assert response.headers["x-citykg-truncated"] == "true"
        assert response.headers["x-citykg-max-rows"] == "3"
        graph = capped.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert len(rdflib.Graph().parse(data=graph.content, format="turtle")) == 3
        assert graph.headers["x-citykg-truncated"] == "true"
        short = capped.get("/sparql", params={"query": RUNS_CONSTRUCT})
        assert short.headers["x-citykg-truncated"] == "false"


def test_a_runaway_query_is_stopped_within_the_limit_and_the_next_query_is_answered(
    client: TestClient,
) -> None:
    started = time.monotonic()
    response = client.get("/sparql", params={"query": CARTESIAN})
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert "CITYKG_QUERY_TIMEOUT_S" in problem["detail"]
    assert problem["limit_s"] == 1
    assert elapsed < 2.0
    assert gazetteer_labels(client.get("/sparql", params={"query": LABELS})) == ["扬州市", "杭州市"]


def test_home_page_is_the_front_end_or_says_how_to_build_it(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "citykg" in response.text
    # the bundled front end (app/frontend) when built, else the placeholder linking the API
    assert '<script type="module"' in response.text or 'href="/sparql"' in response.text
    assert client.get("/docs").status_code == 200
    assert "/sparql" in client.get("/openapi.json").json()["paths"]


def test_unknown_paths_get_a_problem_json_404(client: TestClient) -> None:
    response = client.get("/no-such-thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["status"] == 404


def test_a_placeholder_api_key_is_refused_outside_dev_mode() -> None:
    with pytest.raises(ValueError, match="placeholder"):
        Settings(api_key="changeme")  # type: ignore[arg-type]
    assert Settings(api_key="changeme", dev=True).dev  # type: ignore[arg-type]


def test_a_short_api_key_is_refused_with_how_to_make_a_long_one() -> None:
    with pytest.raises(ValueError, match="shorter than 16 characters") as refused:
        Settings(api_key="a", neo4j_password="do-not-print-me-anywhere")  # type: ignore[arg-type]
    assert "'a'" not in str(refused.value) and "do-not-print-me" not in str(refused.value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn running the production factory on a free port, over a store filled beforehand."""
    data_dir = tmp_path_factory.mktemp("live")
    with Store.open(Settings(data_dir=data_dir).store_path, workers=0) as store:
        fill_bulk(fill(store))
    port = free_port()
    env = dict(
        os.environ,
        CITYKG_DATA_DIR=str(data_dir),
        CITYKG_QUERY_TIMEOUT_S="1",
        CITYKG_QUERY_WORKERS="1",
        CITYKG_QUERY_QUEUE="1",
    )
    log = (data_dir / "uvicorn.log").open("wb")
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--host", "127.0.0.1"]
    server = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((data_dir / "uvicorn.log").read_text()) from None
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_a_real_uvicorn_server_answers_queries_refuses_updates_and_stops_runaways(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=10) as http:
        assert gazetteer_labels(http.get("/sparql", params={"query": LABELS})) == ["扬州市", "杭州市"]
        refused = http.post(
            "/sparql", content=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
        )
        assert refused.status_code == 403
        graph = http.post(
            "/sparql", data={"query": RUNS_CONSTRUCT}, headers={"Accept": "application/ld+json"}
        )
        assert set(rdflib.Graph().parse(data=graph.content, format="json-ld")) == expected_runs()
        started = time.monotonic()
        assert http.get("/sparql", params={"query": CARTESIAN}).status_code == 503
        assert time.monotonic() - started < 2.0
        assert json.loads(http.get("/sparql", params={"query": "ASK {}"}).content)["boolean"] is True


def test_queries_beyond_the_wait_queue_are_told_to_retry_and_other_pages_stay_fast(live_server: str) -> None:
    # Issue 8, finding 6: slow queries waiting for a worker each held a server thread.
    answers: list[httpx.Response] = []

    def ask(n: int) -> None:
        # Distinct texts: the same text asked again waits for the run under way (app/lanes.py).
        answers.append(httpx.get(live_server + "/sparql", params={"query": f"{CARTESIAN} # {n}"}, timeout=30))

    askers = [threading.Thread(target=ask, args=(n,)) for n in range(12)]
    for asker in askers:
        asker.start()
    time.sleep(0.3)
    started = time.perf_counter()
    assert httpx.get(live_server + "/stats", timeout=10).status_code == 200
    assert time.perf_counter() - started < 0.5
    for asker in askers:
        asker.join()
    busy = [a for a in answers if a.json().get("type", "").endswith("query-queue-full")]
    assert len(busy) >= 9, [a.status_code for a in answers]  # one runs, one waits
    assert all(a.status_code == 503 and int(a.headers["Retry-After"]) >= 1 for a in busy)
    assert (
        json.loads(httpx.get(live_server + "/sparql", params={"query": "ASK {}"}).content)["boolean"] is True
    )


def _asked_at_once(url: str, text: str, times: int) -> list[httpx.Response]:
    """Return the answers to ``times`` GET /sparql requests of ``text`` sent together."""
    with ThreadPoolExecutor(times) as pool:
        return list(
            pool.map(lambda _: httpx.get(url + "/sparql", params={"query": text}, timeout=30), range(times))
        )


def test_the_same_query_asked_at_once_waits_for_one_run_instead_of_the_queue(live_server: str) -> None:
    # Issue 8 load check: ten copies of one canned query at once filled the lanes beside runaways.
    answers = _asked_at_once(live_server, f"{CARTESIAN} # asked twelve times at once", 12)
    # One worker and a queue of one: without waiting for the run under way, ten would be refused.
    assert [a.json()["type"].rsplit("/", 1)[-1] for a in answers] == ["query-timeout"] * 12
    quick = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # asked twelve times at once"
    answers = _asked_at_once(live_server, quick, 12)
    assert [a.status_code for a in answers] == [200] * 12
    assert len({a.content for a in answers}) == 1


def test_a_worker_started_from_a_thread_outlives_that_thread() -> None:
    # Issue 8: replacement workers were started from pool threads and died when those retired.
    from graphstore.sparql import _Worker

    started: list[_Worker] = []
    thread = threading.Thread(target=lambda: started.append(_Worker()))
    thread.start()
    thread.join()
    try:
        time.sleep(1.5)
        assert started[0].process.poll() is None, "the worker died with the thread that started it"
    finally:
        started[0].kill()


@pytest.mark.parametrize(
    "text",
    ["'" * 1_000_000, '"' * 1_000_000, '"""' + "'" * 999_000, "SELECT * WHERE { '" * 55_000, "<" * 1_000_000],
    ids=["quotes", "double-quotes", "long-string", "clauses", "angles"],
)
def test_the_keyword_check_reads_a_megabyte_of_pathological_text_in_linear_time(text: str) -> None:
    from graphstore.sparql import _keyword

    assert_linear_time(lambda t: (_keyword(t, "SERVICE"), _keyword(t, "FROM")), text)


def test_stats_answers_quickly_while_a_large_document_is_ingested(tmp_path: Path) -> None:
    # Issue 8, finding 4: ingest ran on the event loop and a 1 MB text held every endpoint.
    data_dir = tmp_path / "data"
    port = free_port()
    env = dict(os.environ, CITYKG_DATA_DIR=str(data_dir), CITYKG_API_KEY="k3y-for-the-ingest-test")
    env["CITYKG_FALKORDB"] = "false"
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--host", "127.0.0.1"]
    log = (tmp_path / "uvicorn.log").open("wb")
    server = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    sentence = "扬州市深化“一网通办”改革,建成5G基站8210个,数字经济核心产业增加值增长12%。"
    text = "扬州市数字经济发展报告\n" + "\n".join(
        sentence for _ in range(1_000_000 // len(sentence.encode()))
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/stats", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, (
                    tmp_path / "uvicorn.log"
                ).read_text()
                time.sleep(0.1)
        result: list[httpx.Response] = []

        def ingest() -> None:
            body = {"name": "big.txt", "text": text}
            headers = {"X-API-Key": "k3y-for-the-ingest-test"}
            result.append(httpx.post(base + "/documents", json=body, headers=headers, timeout=300))

        loader = threading.Thread(target=ingest)
        loader.start()
        time.sleep(1.0)  # the upload is read; extraction is under way
        waits = []
        with httpx.Client(base_url=base, timeout=10) as http:
            while loader.is_alive() and len(waits) < 20:
                started = time.perf_counter()
                assert http.get("/stats").status_code == 200
                waits.append(time.perf_counter() - started)
                time.sleep(0.2)
        loader.join()
        assert result[0].status_code == 201, result[0].text
        assert len(waits) >= 3, "the ingest finished before /stats could be timed"
        # A stalled /stats waits for the whole extraction (seconds); one slow answer on a loaded
        # two-core machine (0.21 s in CI while other work ran) is scheduling, not a stall.
        assert sorted(waits)[-2] < 0.2 and max(waits) < 1.0, waits
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_an_oversized_query_body_is_refused_before_it_is_read(loaded_store: Store) -> None:
    # Issue 8, finding 9: a 200 MB form to /sparql was read whole.
    with make_client(loaded_store, max_body_kb=16) as client:
        big = "query=" + "SELECT * WHERE { ?s ?p ?o } #" + "x" * 20_000
        form = {"content-type": "application/x-www-form-urlencoded"}
        refused = client.post("/sparql", content=big, headers=form)
        assert refused.status_code == 413
        assert "CITYKG_MAX_BODY_KB" in refused.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b"query=ASK%20%7B%7D%20%23"
            for _ in range(40):
                yield b"x" * 1024

        assert client.post("/sparql", content=chunks(), headers=form).status_code == 413
        cypher = client.post("/cypher", json={"query": "RETURN 1 // " + "x" * 20_000})
        assert cypher.status_code == 413
        small = client.post("/sparql", content="query=ASK%20%7B%7D", headers=form)
        assert small.status_code == 200 and small.json()["boolean"] is True


def test_brackets_nested_thousands_deep_get_a_400_and_the_worker_lives(client: TestClient) -> None:
    # Issue 8, point 10: deeply nested parentheses killed the worker (500).
    query = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "nested" in response.json()["detail"]
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_rdflibs_sparql_store_reads_selects_and_constructs_with_its_defaults(live_server: str) -> None:
    # Issue 8: rdflib's SPARQLStore (and SPARQLWrapper) ask for RDF/XML for CONSTRUCT and got 406.
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(live_server + "/sparql")
    graph = rdflib.Graph(store=store)
    constructed = graph.query("PREFIX ck: <https://w3id.org/citykg/ontology#> " + RUNS_CONSTRUCT)
    assert set(constructed.graph) == expected_runs()  # type: ignore[union-attr]
    labels = {str(row[1]) for row in graph.query(LABELS)}  # type: ignore[index]
    assert {"扬州市", "杭州市"} <= labels
    store.close()


def test_the_service_description_never_echoes_the_host_header(loaded_store: Store) -> None:
    # Issue 8, point 10: a forged Host came back in the service description.
    with make_client(loaded_store, public_url="https://kg.example.org/") as client:
        described = client.get("/sparql", headers={"Host": "evil.example", "Accept": "text/turtle"})
        assert described.status_code == 200
        assert "evil.example" not in described.text
        assert "https://kg.example.org/sparql" in described.text
