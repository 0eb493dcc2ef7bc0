"""/agencies, /projects, /policies and /indicators answer an entity page's questions over the demo corpus."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from graphstore.build import remove_document
from graphstore.store import Store

BASE = "https://w3id.org/citykg/"


@pytest.fixture(scope="module")
def client(demo_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=Path("unused")), demo_store)) as client:
        yield client


def _path(iri: str) -> str:
    """Return the REST path of an agency or project IRI (…/agency/510100/x → /agencies/510100/x)."""
    kind, rest = iri.removeprefix(BASE).split("/", 1)
    return f"/{ {'agency': 'agencies', 'project': 'projects'}[kind] }/{rest}"


def test_every_agency_and_project_of_chengdu_opens_with_its_place_and_evidence(client: TestClient) -> None:
    place = client.get("/places/510100").json()
    assert place["agencies"] and place["projects"]
    for listed in place["agencies"] + place["projects"]:
        answer = client.get(_path(listed["iri"]))
        assert answer.status_code == 200, listed["iri"]
        entity = answer.json()
        assert (entity["name"], entity["place"]) == (listed["name"], {"code": "510100", "name": "成都市"})
        assert entity["evidence"] and all(e["quote"] for e in entity["evidence"])
    park = next(p for p in place["projects"] if p["name"] == "天府数字经济产业园")
    assert client.get(_path(park["iri"])).json()["kind"] == "park"


def test_qingdao_approval_bureau_is_named_with_the_one_network_programme(client: TestClient) -> None:
    agency = client.get("/agencies/370200/qing-dao-shi-xing-zheng-shen-pi-fu-wu-ju").json()
    assert agency["name"] == "青岛市行政审批服务局"
    assert "一网通办" in {p["label"] for p in agency["named_with"]["programmes"]}
    # What it is named with comes from its own sentences.
    assert any("一网通办" in e["quote"] for e in agency["evidence"])


def test_an_agency_page_holds_a_page_of_its_evidence_and_how_many_sentences_there_are(
    client: TestClient, demo_store: Store
) -> None:
    # The agency the most sentences of the demo corpus place: one page of one sentence at a time
    # reads them all, in document order, and the count is what the store holds.
    counted = demo_store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
        " PREFIX prov: <http://www.w3.org/ns/prov#>"
        " SELECT ?s (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdf:predicate ck:locatedIn ; rdf:subject ?s ;"
        " prov:wasQuotedFrom ?d . FILTER(STRSTARTS(STR(?s), 'https://w3id.org/citykg/agency/')) }"
        " GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1"
    )[0]
    path, total = _path(counted["s"] or ""), int(counted["n"] or 0)
    assert total >= 2
    whole = client.get(path, params={"evidence": 1000}).json()
    assert whole["evidence_count"] == total == len(whole["evidence"])
    first = client.get(path).json()
    assert first["evidence"] == whole["evidence"][:20] and first["evidence_count"] == total
    pages = [
        client.get(path, params={"evidence": 1, "evidence_offset": at}).json() for at in range(total + 1)
    ]
    assert [e for page in pages for e in page["evidence"]] == whole["evidence"]
    assert pages[-1]["evidence"] == [] and pages[-1]["evidence_count"] == total
    order = [(e["document"]["name"], e["start"]) for e in whole["evidence"]]
    assert order == sorted(order)
    assert client.get(path, params={"evidence": -1}).status_code == 422


def test_the_digital_china_plan_is_cited_by_the_chengdu_and_fuzhou_reports(client: TestClient) -> None:
    policy = client.get("/policies/shu-zi-zhong-guo-jian-she-zheng-ti-bu-ju-gui-hua").json()
    assert policy["title"] == "数字中国建设整体布局规划"
    assert {"510100", "350100"} <= {p["code"] for p in policy["places"]}
    assert policy["documents_count"] == len(policy["documents"]) >= 2
    # Newest first, and paged: one document a page gives the same documents in the same order.
    dates = [d["date"] or "" for d in policy["documents"]]
    assert dates == sorted(dates, reverse=True)
    paged = [
        client.get(f"/policies/{policy['iri'].rsplit('/', 1)[1]}", params={"limit": 1, "offset": at}).json()
        for at in range(policy["documents_count"])
    ]
    assert [d for p in paged for d in p["documents"]] == policy["documents"]
    assert all(p["places"] == policy["places"] and p["documents_count"] == len(paged) for p in paged)
    for document in policy["documents"]:
        assert any("数字中国建设整体布局规划" in e["quote"] for e in document["evidence"])


def test_5g_base_stations_rank_places_by_latest_value_with_targets_apart(client: TestClient) -> None:
    indicator = client.get("/indicators/5g-ji-zhan").json()
    assert (indicator["label"], indicator["label_en"], indicator["unit"]) == (
        "5G基站",
        "5G base stations",
        "个",
    )
    ranked = indicator["places"]
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    assert ranked[0]["place"]["name"] == "成都市" and ranked[0]["value"] == 72000  # 7.2万个
    assert [r["value"] for r in ranked] == sorted((r["value"] for r in ranked), reverse=True)
    hefei = next(r for r in ranked if r["place"]["code"] == "340100")
    assert (hefei["value"], hefei["qualifier"]) == (31000, "=")
    # 合肥's 2026 goal of 4万 is a target, not an achieved value.
    assert {(t["place"]["code"], t["value"], t["year"]) for t in indicator["targets"]} >= {
        ("340100", 40000, 2026)
    }
    assert all(t["qualifier"] == "target" for t in indicator["targets"])
    # Each value shows its first sentences and says how many state it.
    for row in ranked + indicator["targets"]:
        assert 1 <= len(row["evidence"]) <= min(3, row["evidence_count"]), row
        assert all(str(row["value"])[:1] in e["quote"] or "万" in e["quote"] for e in row["evidence"])
    # Each ranked value is the one the place's own page shows for this indicator.
    for row in ranked:
        metrics = client.get(f"/places/{row['place']['code']}").json()["metrics"]
        assert any(m["indicator_iri"] == indicator["iri"] and m["value"] == row["value"] for m in metrics)
    listed = client.get("/indicators").json()["data"]
    assert next(i for i in listed if i["slug"] == "5g-ji-zhan")["places"] >= len(ranked)


def test_an_indicator_pages_through_its_places_and_targets(client: TestClient) -> None:
    whole = client.get("/indicators/5g-ji-zhan").json()
    assert (whole["places_count"], whole["targets_count"]) == (len(whole["places"]), len(whole["targets"]))
    assert whole["places_count"] >= 3 and whole["targets_count"] >= 1
    paged, targets = [], []
    for at in range(whole["places_count"]):
        page = client.get(
            "/indicators/5g-ji-zhan", params={"limit": 1, "offset": at, "targets_limit": 0}
        ).json()
        assert (page["places_offset"], page["places_count"], page["targets"]) == (
            at,
            whole["places_count"],
            [],
        )
        paged += page["places"]
    for at in range(whole["targets_count"]):
        page = client.get("/indicators/5g-ji-zhan", params={"limit": 1, "targets_offset": at}).json()
        targets += page["targets"]
    assert paged == whole["places"] and targets == whole["targets"]
    past = client.get("/indicators/5g-ji-zhan", params={"offset": whole["places_count"]}).json()
    assert past["places"] == [] and past["places_count"] == whole["places_count"]
    assert client.get("/indicators/5g-ji-zhan", params={"limit": 0}).status_code == 422


@pytest.mark.parametrize(
    "path", ["/agencies/370200/no-such", "/projects/000000/x", "/policies/no-such", "/indicators/no-such"]
)
def test_an_unknown_entity_is_a_404_problem_that_names_it(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert path.rsplit("/", 1)[-1] in answer.json()["detail"]


def test_search_hits_for_agencies_policies_and_indicators_name_their_own_resource(client: TestClient) -> None:
    for q, kind in [
        ("青岛市行政审批服务局", "agency"),
        ("数字中国建设整体布局规划", "policy"),
        ("5G基站", "indicator"),
    ]:
        hit = next(h for h in client.get("/search", params={"q": q}).json()["data"] if h["type"] == kind)
        answer = client.get(hit["url"])
        assert answer.status_code == 200, hit
        assert answer.json()["iri"] == hit["id"]


def test_an_indicator_page_follows_the_documents_loaded_after_it_was_first_asked_for() -> None:
    key = "entity-test-key-0123456789"
    store = Store.open(None)
    settings = Settings(data_dir=Path("unused"), api_key=SecretStr(key))
    with TestClient(create_app(settings, store)) as client:
        for name, text in [
            ("yangzhou.txt", "扬州市累计建成5G基站8210个。"),
            ("suzhou.txt", "苏州市累计建成5G基站48600个。"),
        ]:
            loaded = client.post("/documents", json={"name": name, "text": text}, headers={"X-API-Key": key})
            assert loaded.status_code == 201, loaded.text
            ranked = client.get("/indicators/5g-ji-zhan").json()["places"]
            assert name.startswith(("yangzhou", "suzhou")) and len(ranked) == 1 + (name == "suzhou.txt")
        assert [(r["place"]["name"], r["value"]) for r in ranked] == [("苏州市", 48600), ("扬州市", 8210)]
    store.close()


def test_an_indicator_value_stated_by_many_documents_shows_the_first_and_counts_them_all() -> None:
    key = "entity-test-key-0123456789"
    store = Store.open(None)
    settings = Settings(data_dir=Path("unused"), api_key=SecretStr(key))
    with TestClient(create_app(settings, store)) as client:
        for name, lead in (("c.txt", "据统计，"), ("a.txt", "目前，"), ("b.txt", "")):
            text = f"{lead}苏州市累计建成5G基站48600个。"
            loaded = client.post("/documents", json={"name": name, "text": text}, headers={"X-API-Key": key})
            assert loaded.status_code == 201, loaded.text
        client.post(
            "/documents",
            json={"name": "d.txt", "text": "扬州市累计建成5G基站8210个。"},
            headers={"X-API-Key": key},
        )
        suzhou, yangzhou = client.get("/indicators/5g-ji-zhan", params={"evidence": 2}).json()["places"]
        assert (suzhou["place"]["name"], suzhou["value"], suzhou["evidence_count"]) == ("苏州市", 48600, 3)
        # The first two in document order, each the sentence that gives the figure.
        assert [e["document"]["name"] for e in suzhou["evidence"]] == ["a.txt", "b.txt"]
        assert all("48600" in e["quote"] for e in suzhou["evidence"])
        assert (yangzhou["evidence_count"], len(yangzhou["evidence"])) == (1, 1)
        bare = client.get("/indicators/5g-ji-zhan", params={"evidence": 0}).json()["places"]
        assert [(r["place"]["code"], r["evidence_count"], r["evidence"]) for r in bare] == [
            ("320500", 3, []),
            ("321000", 1, []),
        ]
        assert client.get("/indicators/5g-ji-zhan", params={"evidence": 101}).status_code == 422
        listed = {i["slug"]: i["places"] for i in client.get("/indicators").json()["data"]}
        assert listed["5g-ji-zhan"] == 2
        # Removing a document takes its statement, and then its place, off the page and the list.
        remove_document(store, "a.txt")
        remove_document(store, "d.txt")
        (suzhou,) = client.get("/indicators/5g-ji-zhan").json()["places"]
        assert [e["document"]["name"] for e in suzhou["evidence"]] == ["b.txt", "c.txt"]
        assert suzhou["evidence_count"] == 2
        assert {i["slug"]: i["places"] for i in client.get("/indicators").json()["data"]}["5g-ji-zhan"] == 1
    store.close()
