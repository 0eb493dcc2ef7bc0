"""The REST API (docs/api.md) answers what a user of the web front end would ask, over real stores."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette asks for httpx2 under its TestClient; pyproject's test extra still pins httpx.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from graphstore.build import build
from graphstore.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
KEY = "test-key-4f1c9a-2b7e0d"


def make_client(store: Store, **settings: Any) -> TestClient:
    config = Settings(data_dir=Path("unused"), query_timeout_s=5, **settings)
    return TestClient(create_app(config, store))


@pytest.fixture(scope="session")
def demo_client(demo_store: Store) -> Iterator[TestClient]:
    with make_client(demo_store) as client:
        yield client


@pytest.fixture(scope="session")
def full_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over the seeds and the demo corpus together (the README's build)."""
    if not SEEDS.is_dir():
        pytest.skip(f"the shared seed documents are not at {SEEDS}")
    store = Store.open(tmp_path_factory.mktemp("api-full") / "oxigraph", workers=0)
    report = build([SEEDS, DEMO], store)
    assert not report.problems
    with make_client(store) as client:
        yield client
    store.close()


@pytest.fixture
def writable_client(tmp_path: Path) -> Iterator[TestClient]:
    store = Store.open(None)
    with make_client(store, api_key=SecretStr(KEY), max_file_mb=0.01) as client:
        yield client
    store.close()


def is_problem(response: Any, status: int) -> bool:
    return (
        response.status_code == status
        and response.headers["content-type"].startswith("application/problem+json")
        and response.json()["status"] == status
    )


# /stats, /places


def test_stats_count_the_demo_documents_and_facts(demo_client: TestClient) -> None:
    stats = demo_client.get("/stats").json()
    assert stats["documents"] == len(list(DEMO.glob("*.txt")))
    assert stats["programmes"] > 0 and stats["facts"] > stats["programmes"]


def test_places_list_is_sorted_by_programmes_and_paginates_with_a_total(demo_client: TestClient) -> None:
    everything = demo_client.get("/places", params={"limit": 500}).json()
    counts = [p["programmes"] for p in everything["data"]]
    assert counts == sorted(counts, reverse=True) and everything["count"] == len(everything["data"])
    page = demo_client.get("/places", params={"limit": 2, "offset": 1}).json()
    assert page["count"] == everything["count"] and page["limit"] == 2 and page["offset"] == 1
    assert [p["code"] for p in page["data"]] == [p["code"] for p in everything["data"][1:3]]


def test_places_filter_by_province_keeps_only_places_inside_it(demo_client: TestClient) -> None:
    data = demo_client.get("/places", params={"province": "浙江省"}).json()["data"]
    assert data and all(p["province"]["code"] == "330000" for p in data)
    assert "330110" in {p["code"] for p in data}


def test_an_unknown_place_is_a_404_problem_and_a_quiet_division_has_empty_lists(
    demo_client: TestClient,
) -> None:
    assert is_problem(demo_client.get("/places/999999"), 404)
    quiet = demo_client.get("/places/110101").json()
    assert quiet["name"] == "东城区" and quiet["programmes"] == [] and quiet["documents"] == []
    assert [a["code"] for a in quiet["ancestors"]] == ["100000", "110000"]


@pytest.mark.shared
def test_yangzhou_lists_yi_wang_tong_ban_with_a_quote_and_a_document(full_client: TestClient) -> None:
    place = full_client.get("/places/321000").json()
    assert place["name"] == "扬州市" and place["province"] == {"code": "320000", "name": "江苏省"}
    programme = next(p for p in place["programmes"] if p["label"] == "一网通办")
    assert programme["in_scheme"] and programme["slug"] == "yi-wang-tong-ban"
    evidence = programme["evidence"][0]
    assert "一网通办" in evidence["quote"] and evidence["document"]["id"]


@pytest.mark.shared
def test_yangzhou_metrics_include_8210_5g_base_stations_with_evidence(full_client: TestClient) -> None:
    metrics = full_client.get("/places/321000").json()["metrics"]
    station = next(m for m in metrics if m["indicator"] == "5G基站" and m["value"] == 8210)
    assert station["unit"] == "个" and "8210" in station["evidence"][0]["quote"]


# similarity


@pytest.mark.shared
def test_binzhou_is_most_like_places_sharing_its_one_network_programmes(full_client: TestClient) -> None:
    similar = full_client.get("/places/371600/similar", params={"limit": 50}).json()["data"]
    assert similar, "滨州 should have similar places"
    one_network = {"一网通办", "一网统管", "一网协同"}
    sharing = [s for s in similar if one_network & {p["label"] for p in s["shared"]}]
    others = [s for s in similar if not s["shared"]]
    assert sharing and all(s["score"] > o["score"] for s in sharing for o in others)
    top = similar[0]
    assert any(label in top["explanation"] for label in one_network)


def test_a_bu_jian_mian_shen_pi_city_is_kin_of_a_zui_duo_pao_yi_ci_city(demo_client: TestClient) -> None:
    similar = demo_client.get("/places/320500/similar", params={"limit": 50}).json()["data"]
    yuhang = next(s for s in similar if s["place"]["code"] == "330110")
    pair = {"mine": "不见面审批", "theirs": "最多跑一次"}
    kin = [{"mine": k["mine"]["label"], "theirs": k["theirs"]["label"]} for k in yuhang["kin"]]
    assert pair in kin
    assert "不见面审批" in yuhang["explanation"] and "最多跑一次" in yuhang["explanation"]


def test_similar_for_an_unknown_place_is_a_404_problem(demo_client: TestClient) -> None:
    assert is_problem(demo_client.get("/places/000001/similar"), 404)


# /programmes


def test_programmes_are_sorted_by_places_and_filter_by_english_label(demo_client: TestClient) -> None:
    body = demo_client.get("/programmes", params={"limit": 500}).json()
    places = [p["places"] for p in body["data"]]
    assert places == sorted(places, reverse=True) and body["count"] == len(body["data"])
    found = demo_client.get("/programmes", params={"q": "one-network"}).json()["data"]
    assert "yi-wang-tong-ban" in {p["slug"] for p in found}


def test_a_programme_shows_its_kin_and_the_places_running_it_with_evidence(demo_client: TestClient) -> None:
    body = demo_client.get("/programmes/yi-wang-tong-ban").json()
    assert body["label"] == "一网通办" and body["label_en"] and body["definition"]
    assert {"zui-duo-pao-yi-ci", "bu-jian-mian-shen-pi"} <= {r["slug"] for r in body["related"]}
    assert body["places"] and all(p["evidence"] for p in body["places"])
    years = [p["first_year"] for p in body["places"] if p["first_year"] is not None]
    assert all(1990 <= y <= 2099 for y in years)
    assert is_problem(demo_client.get("/programmes/no-such-thing"), 404)


def test_similar_programmes_give_co_adoption_or_kinship_as_reasons(demo_client: TestClient) -> None:
    data = demo_client.get("/programmes/yi-wang-tong-ban/similar").json()["data"]
    assert data and all(d["co_places"] or d["relation"] for d in data)
    assert all(d["explanation"] for d in data)


# /search


@pytest.mark.parametrize(
    ("query", "kind", "label"),
    [
        ("suzhou", "place", "苏州市"),
        ("ywtb", "programme", "一网通办"),
        ("yi wang tong ban", "programme", "一网通办"),
        ("yi-wang-tong-ban", "programme", "一网通办"),
        ("One-Network", "programme", "一网通办"),
        ("一网通办改革", "programme", "一网通办"),
        ("余杭", "place", "余杭区"),
    ],
)
def test_search_finds_by_chinese_alias_english_and_pinyin(
    demo_client: TestClient, query: str, kind: str, label: str
) -> None:
    data = demo_client.get("/search", params={"q": query}).json()["data"]
    assert {"type": kind, "label": label} in [{"type": d["type"], "label": d["label"]} for d in data[:5]]


@pytest.mark.shared
def test_search_for_yangzhou_in_pinyin_finds_the_city_first(full_client: TestClient) -> None:
    first = full_client.get("/search", params={"q": "yangzhou"}).json()["data"][0]
    assert (first["type"], first["label"], first["url"]) == ("place", "扬州市", "/places/321000")


def test_search_without_a_query_is_a_422_problem(demo_client: TestClient) -> None:
    assert is_problem(demo_client.get("/search"), 422)


# /documents


def test_documents_list_their_subject_places_and_fact_counts(demo_client: TestClient) -> None:
    body = demo_client.get("/documents").json()
    assert body["count"] == len(list(DEMO.glob("*.txt")))
    suzhou = next(d for d in body["data"] if d["name"] == "01_suzhou.txt")
    assert {"code": "320500", "name": "苏州市"} in suzhou["subject_places"] and suzhou["facts"] > 0


def test_document_fact_spans_slice_the_text_to_agency_and_programme_mentions(demo_client: TestClient) -> None:
    doc_id = next(
        d["id"] for d in demo_client.get("/documents").json()["data"] if d["name"] == "01_suzhou.txt"
    )
    doc = demo_client.get(f"/documents/{doc_id}").json()
    text = doc["text"]
    programmes = [f for f in doc["facts"] if f["type"] == "programme"]
    agencies = [f for f in doc["facts"] if f["type"] == "agency"]
    assert programmes and agencies
    for fact in programmes + agencies:
        mention = text[fact["start"] : fact["end"]]
        assert mention, fact
        assert fact["sentence_start"] <= fact["start"] <= fact["end"] <= fact["sentence_end"]
    assert any(text[f["start"] : f["end"]] == f["label"] for f in programmes)
    assert any(text[f["start"] : f["end"]] == f["label"] for f in agencies)
    assert is_problem(demo_client.get("/documents/0000000000000000"), 404)


# POST /documents

YANGZHOU_TEXT = "扬州市推进一网通办改革。扬州市数据局建成5G基站8210个。"


def test_posting_a_document_without_the_key_is_a_401_problem(writable_client: TestClient) -> None:
    response = writable_client.post("/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT})
    assert is_problem(response, 401)
    wrong = writable_client.post(
        "/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT}, headers={"X-API-Key": "nope"}
    )
    assert is_problem(wrong, 401)


def test_posting_a_document_with_the_key_loads_it_and_the_place_appears(writable_client: TestClient) -> None:
    response = writable_client.post(
        "/documents", json={"name": "yangzhou.txt", "text": YANGZHOU_TEXT}, headers={"X-API-Key": KEY}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["name"] == "yangzhou.txt" and body["facts"]["programmes"] >= 1 and body["triples"] > 0
    assert response.headers["location"] == f"/documents/{body['id']}"
    assert "321000" in {p["code"] for p in writable_client.get("/places").json()["data"]}
    assert writable_client.get(f"/documents/{body['id']}").json()["text"] == YANGZHOU_TEXT


def test_uploading_a_file_works_and_bad_or_large_files_are_problems(writable_client: TestClient) -> None:
    headers = {"X-API-Key": KEY}
    ok = writable_client.post(
        "/documents",
        files={"file": ("yz.txt", YANGZHOU_TEXT.encode("gb18030"), "text/plain")},
        headers=headers,
    )
    assert ok.status_code == 201, ok.text
    empty = writable_client.post(
        "/documents", files={"file": ("empty.txt", b"", "text/plain")}, headers=headers
    )
    assert is_problem(empty, 422) and "empty.txt" in empty.json()["detail"]
    big = writable_client.post(
        "/documents", files={"file": ("big.txt", "字".encode() * 20_000, "text/plain")}, headers=headers
    )
    assert is_problem(big, 413)


def test_ingestion_is_refused_with_a_hint_when_no_key_is_configured(demo_store: Store) -> None:
    with make_client(demo_store) as client:
        response = client.post(
            "/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT}, headers={"X-API-Key": "x"}
        )
    assert is_problem(response, 503) and "CITYKG_API_KEY" in response.json()["detail"]


# /graph, /queries


def test_graph_of_a_place_links_it_to_its_programmes_and_hides_evidence(demo_client: TestClient) -> None:
    node = "https://w3id.org/citykg/place/320500"
    body = demo_client.get("/graph", params={"node": node}).json()
    types = {n["type"] for n in body["nodes"]}
    assert body["nodes"][0]["id"] == node and "Programme" in types
    assert not any("/evidence/" in n["id"] or "/observation/" in n["id"] for n in body["nodes"])
    assert {
        "source": node,
        "target": "https://w3id.org/citykg/programme/yi-wang-tong-ban",
        "type": "runsProgramme",
    } in body["edges"]
    # Past the limit a view shows, what the place runs and holds comes before the documents naming it.
    kept = {n["id"] for n in body["nodes"] if n["type"] != "Document"}
    cut = demo_client.get("/graph", params={"node": node, "limit": len(kept)}).json()
    assert "Document" in types and cut["truncated"]
    assert {n["id"] for n in cut["nodes"]} == kept
    only = demo_client.get("/graph", params={"node": node, "types": "Programme"}).json()
    assert {n["type"] for n in only["nodes"][1:]} == {"Programme"}
    assert is_problem(demo_client.get("/graph", params={"node": "https://example.org/x"}), 404)


def test_canned_queries_are_listed_and_a_sparql_one_runs_with_parameters(demo_client: TestClient) -> None:
    queries = demo_client.get("/queries").json()
    assert "programmes_by_place" in {q["name"] for q in queries}
    result = demo_client.get(
        "/queries/programmes_by_place", params={"place": "https://w3id.org/citykg/place/320500"}
    ).json()
    assert result["columns"] and result["rows"]
    assert is_problem(demo_client.get("/queries/no_such_query"), 404)
    assert is_problem(demo_client.get("/queries/programmes_by_place", params={"nope": "1"}), 422)


def test_openapi_lists_every_resource_with_its_tag(demo_client: TestClient) -> None:
    spec = demo_client.get("/openapi.json").json()
    tags = {tag for path in spec["paths"].values() for op in path.values() for tag in op.get("tags", [])}
    assert {"places", "programmes", "search", "documents", "graph", "queries", "stats"} <= tags


def test_canned_queries_are_listed_with_their_text_for_the_editor(demo_client: TestClient) -> None:
    listed = {(q["name"], q["language"]): q for q in demo_client.get("/queries").json()}
    sparql = listed[("programmes_by_place", "sparql")]
    assert sparql["text"].lstrip().startswith("# title: Programmes a place runs")
    assert "ck:runsProgramme" in sparql["text"]
    assert "$place" in listed[("programmes_by_place", "cypher")]["text"]


def test_graph_of_an_invalid_iri_is_a_400_naming_it(demo_client: TestClient) -> None:
    # Issue 8, point 10: a node ending in %3E was an unhandled 500.
    response = demo_client.get("/graph", params={"node": "https://w3id.org/citykg/place/321000>"})
    assert response.status_code == 400
    assert "not a valid IRI" in response.json()["detail"]


def test_every_response_carries_security_headers(demo_client: TestClient) -> None:
    # Issue 8, point 10: no CSP, nosniff or frame-ancestors.
    for path in ("/", "/stats", "/places", "/no-such-page"):
        headers = demo_client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
    assert "content-security-policy" not in demo_client.get("/docs").headers  # FastAPI's page loads a CDN


def test_the_same_text_under_another_name_and_format_is_one_document(writable_client: TestClient) -> None:
    # Issue 8: documents are deduplicated by content, whatever the file type and name.
    headers = {"X-API-Key": KEY}
    first = writable_client.post("/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT}, headers=headers)
    assert first.status_code == 201, first.text
    html = (
        "<html><body>" + "".join(f"<p>{line}</p>" for line in YANGZHOU_TEXT.splitlines()) + "</body></html>"
    )
    again = writable_client.post(
        "/documents", files={"file": ("b.html", html.encode("utf-8"), "text/html")}, headers=headers
    )
    assert again.status_code == 200, again.text
    assert again.json()["id"] == first.json()["id"] and again.json()["duplicate_of"] == "a.txt"
    listed = writable_client.get("/documents").json()
    assert [d["name"] for d in listed["data"]] == ["a.txt"]


def test_another_text_under_a_loaded_name_is_a_409_unless_replace_is_asked(
    writable_client: TestClient,
) -> None:
    # Issue 8: a document uploaded under an existing name silently replaced the old one.
    headers = {"X-API-Key": KEY}
    first = writable_client.post(
        "/documents", json={"name": "same.txt", "text": YANGZHOU_TEXT}, headers=headers
    )
    assert first.status_code == 201, first.text
    again = writable_client.post(
        "/documents", json={"name": "same.txt", "text": YANGZHOU_TEXT}, headers=headers
    )
    assert again.status_code == 200 and again.json()["duplicate_of"] == "same.txt"  # the same document
    other = YANGZHOU_TEXT + "\n扬州市新建5G基站100个。"
    conflict = writable_client.post("/documents", json={"name": "same.txt", "text": other}, headers=headers)
    assert is_problem(conflict, 409) and "replace=true" in conflict.json()["detail"]
    assert writable_client.get(f"/documents/{first.json()['id']}").status_code == 200  # nothing lost
    replaced = writable_client.post(
        "/documents", params={"replace": "true"}, json={"name": "same.txt", "text": other}, headers=headers
    )
    assert replaced.status_code == 201
    assert writable_client.get(f"/documents/{first.json()['id']}").status_code == 404


def test_requests_for_a_place_page_at_once_read_the_store_once_and_get_the_same_page(
    writable_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {"X-API-Key": KEY}
    assert writable_client.post("/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT}, headers=headers)
    store: Store = writable_client.app.state.store  # type: ignore[attr-defined]
    reads: list[str] = []
    select = store.select

    def slow_select(q: str, **kw: Any) -> list[dict[str, str | None]]:
        if (
            "rdf:predicate ck:hasObservation ; prov:wasQuotedFrom" in q
        ):  # a place's metrics' evidence: slow, so every request comes meanwhile
            reads.append(q)
            time.sleep(0.5)
        return select(q, **kw)

    monkeypatch.setattr(store, "select", slow_select)
    with ThreadPoolExecutor(8) as pool:
        pages = list(pool.map(lambda _: writable_client.get("/places/321000"), range(8)))
    assert [p.status_code for p in pages] == [200] * 8
    assert len({p.content for p in pages}) == 1
    assert len(reads) == 1


def test_a_place_page_is_sent_again_without_rereading_the_store_until_a_document_changes_it(
    writable_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {"X-API-Key": KEY}
    assert (
        writable_client.post(
            "/documents", json={"name": "a.txt", "text": YANGZHOU_TEXT}, headers=headers
        ).status_code
        == 201
    )
    first = writable_client.get("/places/321000")
    store: Store = writable_client.app.state.store  # type: ignore[attr-defined]
    reads: list[str] = []
    select = store.select
    monkeypatch.setattr(store, "select", lambda q, **kw: reads.append(q) or select(q, **kw))
    again = writable_client.get("/places/321000")
    assert again.content == first.content and reads == []  # kept (app/answers.py)
    assert again.headers["x-content-type-options"] == "nosniff"  # still through the security headers
    more = "扬州市数字经济报告\n扬州市推进“城市大脑”建设，已接入部门数据42类。\n"
    assert (
        writable_client.post("/documents", json={"name": "b.txt", "text": more}, headers=headers).status_code
        == 201
    )
    after = writable_client.get("/places/321000")
    assert reads  # the store changed: read again
    assert "cheng-shi-da-nao" in {p["slug"] for p in after.json()["programmes"]}
    assert "cheng-shi-da-nao" not in {p["slug"] for p in first.json()["programmes"]}
