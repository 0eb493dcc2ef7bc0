"""Analytics (app.analytics): adoption events, diffusion, gaps, peer groups, co-adoption and paths.

Known answers on the seeds plus the demo corpus (the README's build), read off the documents:
which sentence first says a place runs 一网统管, what 苏州市's peers run that it does not, how
扬州市 and 滨州市 are connected.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pydantic import SecretStr
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.analytics import ADOPTION_COLUMNS, FACT_COLUMNS, Projection, View, adoption_events, view
from app.cli import cli
from app.main import create_app
from app.resources import graph_index, ingest_document
from app.routes.places import PLACES
from app.settings import Settings
from graphstore.build import build, remove_document
from graphstore.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
PLACE = "https://w3id.org/citykg/place/"

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def both_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Store]:
    """The five seed documents and the demo corpus in one store (the README's build)."""
    store = Store.open(tmp_path_factory.mktemp("analytics") / "oxigraph", workers=0)
    report = build([seeds_dir, DEMO], store)
    assert report.documents == 13 and not report.problems
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(both_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(data_dir=Path("unused")), both_store)) as client:
        yield client


def _years(client: TestClient, programme: str) -> dict[str, tuple[int | None, str]]:
    body = client.get("/adoption", params={"programme": programme}).json()
    return {r["place_name"]: (r["year"], r["date_source"]) for r in body["data"]}


def test_yi_wang_tong_guan_adoption_rows_give_each_place_its_first_dated_evidence(client: TestClient) -> None:
    assert _years(client, "一网统管") == {
        # dated documents (seed 001 of 2023-11-14, seed 000 of 2023-08-15, the 余杭 demo of 2024-06-18)
        "新吴区": (2023, "published"),
        "扬州市": (2023, "published"),
        "余杭区": (2024, "published"),
        # 03_chengdu.txt has no date; its sentence says "2023年以来"
        "成都市": (2023, "stated"),
        **dict.fromkeys(
            ["苏州市", "宁波市", "合肥市", "青岛市", "滨州市", "南山区", "贵阳市"], (None, "unknown")
        ),
    }
    rows = client.get("/adoption", params={"programme": "yi-wang-tong-guan", "level": "prefecture"}).json()
    chengdu = next(r for r in rows["data"] if r["place_code"] == "510100")
    assert chengdu["document_name"] == "03_chengdu.txt" and "2023年以来" in chengdu["sentence"]
    assert "一网统管" in chengdu["quote"] and chengdu["quote"] in chengdu["sentence"]
    assert chengdu["evidence_url"] == f"/documents/{chengdu['document_id']}"
    assert all(r["documents"] == 1 for r in rows["data"]) and rows["count"] == 8


def test_yi_wang_tong_ban_adoption_rows_and_year_filters(client: TestClient) -> None:
    years = _years(client, "yi-wang-tong-ban")
    assert len(years) == 11 and "南山区" not in years
    assert years["福州市"] == (2024, "published") and years["扬州市"] == (2023, "published")
    dated = client.get("/adoption", params={"programme": "一网通办", "from": 2024}).json()
    assert {r["place_name"] for r in dated["data"]} == {"福州市", "余杭区"}
    jiangsu = client.get("/adoption", params={"programme": "一网通办", "province": "江苏省"}).json()
    assert {r["place_code"] for r in jiangsu["data"]} == {"320214", "320500", "321000"}


def test_diffusion_curve_counts_adopters_by_year_and_says_how_many_are_undated(client: TestClient) -> None:
    body = client.get("/programmes/yi-wang-tong-guan/diffusion").json()
    assert [(p["year"], p["new"], p["cumulative"]) for p in body["curve"]] == [(2023, 3, 3), (2024, 1, 4)]
    assert (body["adopters"], body["dated"], body["undated"]) == (11, 4, 7)
    assert body["date_sources"] == {"published": 3, "stated": 1, "unknown": 7}


def test_adoption_csv_has_the_documented_columns_and_the_api_row_count(client: TestClient) -> None:
    api = client.get("/adoption", params={"province": "山东省"}).json()
    response = client.get("/adoption", params={"province": "山东省", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(ADOPTION_COLUMNS) and len(rows) == api["count"] > 0
    assert response.headers["x-graph-version"] == api["graph_version"]
    assert client.get("/communities").json()["graph_version"] == api["graph_version"]
    frame = pd.read_csv(io.StringIO(client.get("/adoption.csv").text), dtype={"place_code": str})
    assert list(frame.columns) == list(ADOPTION_COLUMNS)
    assert len(frame) == client.get("/adoption", params={"limit": 1}).json()["count"]
    assert set(frame["date_source"]) <= {"published", "stated", "unknown"}


def test_gaps_of_suzhou_are_what_its_peers_run_and_it_does_not(client: TestClient) -> None:
    body = client.get("/places/320500/gaps", params={"limit": 500}).json()
    gaps = {g["programme"]["slug"]: g for g in body["data"]}
    for slug in (
        "jie-bang-gua-shuai",
        "yi-chuang-shou-li",
        "xue-liang-gong-cheng",
        "shang-yun-yong-shu-fu-zhi",
    ):
        assert slug in gaps
    assert body["data"][0]["programme"]["label"] == "揭榜挂帅" and body["data"][0]["peers_running"] == 5
    assert {p["place"]["name"] for p in gaps["shang-yun-yong-shu-fu-zhi"]["peers"]} == {
        "扬州市",
        "青岛市",
        "贵阳市",
    }
    assert [p["place"]["name"] for p in gaps["yi-chuang-shou-li"]["peers"]] == ["扬州市"]
    suzhou = {p["slug"] for p in client.get("/places/320500").json()["programmes"]}
    assert not suzhou & set(gaps) and "yi-wang-tong-guan" not in gaps
    for peer in gaps["xue-liang-gong-cheng"]["peers"]:
        assert (
            peer["evidence"]["quote"] in peer["evidence"]["sentence"]
            and "雪亮工程" in peer["evidence"]["quote"]
        )


def test_gaps_among_the_same_province_compare_suzhou_with_jiangsu_only(client: TestClient) -> None:
    body = client.get("/places/320500/gaps", params={"peers": "province"}).json()
    assert {p["place"]["name"] for p in body["peers"]} == {"新吴区", "扬州市"}
    assert "yi-chuang-shou-li" in {g["programme"]["slug"] for g in body["data"]}
    assert "xue-liang-gong-cheng" not in {g["programme"]["slug"] for g in body["data"]}


def test_a_peer_group_gathers_places_running_both_one_network_programmes(
    client: TestClient, both_store: Store
) -> None:
    groups = client.get("/communities").json()["data"]
    with view(both_store) as v:
        portfolios = v.projection.portfolios
    one_network = {"yi-wang-tong-ban", "yi-wang-tong-guan"}

    def running_both(g: dict[str, Any]) -> int:
        return sum(one_network <= portfolios[m["code"]] for m in g["members"])

    # Modularity groups by whole portfolios: a place running only one of the two may join (南山区).
    found = [
        g
        for g in groups
        if running_both(g) >= 3
        and running_both(g) >= 0.75 * len(g["members"])
        and one_network <= {p["slug"] for p in g["programmes"]}
    ]
    assert found, groups
    member = found[0]["members"][0]["code"]
    assert client.get(f"/places/{member}").json()["community"]["id"] == found[0]["id"]
    assert sum(g["size"] for g in groups) == len(portfolios)


def test_co_adopted_programmes_come_with_lift_over_chance(client: TestClient) -> None:
    body = client.get("/programmes/yi-wang-tong-guan/co-adopted").json()
    top = body["data"][0]
    # 10 of the 16 places with programmes run both; each programme has 11 adopters
    assert top["programme"]["label"] == "一网通办" and top["places"] == 10
    assert body["places_with_programmes"] == 16 and top["lift"] == round(10 * 16 / (11 * 11), 4)
    spread = client.get("/diffusion", params={"order": "centrality"}).json()["data"]
    assert {spread[0]["programme"]["slug"], spread[1]["programme"]["slug"]} == {
        "yi-wang-tong-ban",
        "yi-wang-tong-guan",
    }


def test_paths_from_yangzhou_to_binzhou_run_through_shared_programmes_with_evidence(
    client: TestClient,
) -> None:
    body = client.get("/paths", params={"from": PLACE + "321000", "to": PLACE + "371600", "max": 4}).json()
    assert body["hops"] == 2 and body["from"]["label"] == "扬州市" and body["to"]["label"] == "滨州市"
    middles = {p["nodes"][1]["label"] for p in body["data"]}
    assert {"一网统管", "一网通办", "智改数转"} <= middles
    for path in body["data"]:
        for edge in path["edges"]:
            assert edge["predicate"] == "runsProgramme" and edge["evidence"]
            assert all(e["quote"] in e["sentence"] for e in edge["evidence"])
    none = client.get("/paths", params={"from": PLACE + "321000", "to": PLACE + "371600", "max": 1}).json()
    assert none["count"] == 0 and none["hops"] is None


def test_bad_analytics_requests_say_what_is_wrong(client: TestClient) -> None:
    unknown = client.get("/adoption", params={"programme": "no-such-programme"})
    assert unknown.status_code == 400 and "no-such-programme" in unknown.json()["detail"]
    assert client.get("/places/999999/gaps").status_code == 404
    assert client.get("/programmes/no-such/co-adopted").status_code == 404
    missing = client.get("/paths", params={"from": PLACE + "321000", "to": "https://example.org/x"})
    assert missing.status_code == 404 and "example.org" in missing.json()["detail"]
    schema = client.get("/openapi.json").json()
    assert "text/csv; charset=utf-8" in schema["paths"]["/adoption"]["get"]["responses"]["200"]["content"]


def _shape(p: Projection) -> tuple[object, ...]:
    co = sorted((*sorted((a, b)), w) for a, b, w in p.co_adoption.edges(data="weight"))
    adoption = sorted((*sorted((str(a), str(b))), w) for a, b, w in p.adoption.edges(data="weight"))
    return dict(p.portfolios), co, adoption, p.links.number_of_edges(), dict(p.dates)


def test_the_projection_is_patched_per_document_to_what_a_full_read_gives(
    tmp_path: Path, seeds_dir: Path
) -> None:
    with Store.open(tmp_path / "oxigraph", workers=0) as store:
        build([DEMO], store)
        patched = Projection()
        patched.sync(store)
        assert "321000" not in patched.portfolios
        text = (seeds_dir / "000_edac9852d62c9736.txt").read_text(encoding="utf-8")
        loaded = ingest_document(store, name="000_edac9852d62c9736.txt", text=text)
        patched.sync(store)
        fresh = Projection()
        fresh.sync(store)
        assert "yi-wang-tong-guan" in patched.portfolios["321000"] and _shape(patched) == _shape(fresh)
        remove_document(store, loaded["id"])
        patched.sync(store)
        fresh = Projection()
        fresh.sync(store)
        assert "321000" not in patched.portfolios and _shape(patched) == _shape(fresh)


def test_exported_tables_match_the_api_and_name_the_graph_version(tmp_path: Path) -> None:
    env = {"CITYKG_DATA": str(tmp_path / "data")}
    assert CliRunner().invoke(cli, ["build", str(DEMO)], env=env).exit_code == 0
    out = tmp_path / "adoption.csv"
    result = CliRunner().invoke(cli, ["export", "--format", "adoption-csv", "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, dtype={"place_code": str})
    assert list(frame.columns) == list(ADOPTION_COLUMNS)
    tables = tmp_path / "tables"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(tables)], env=env)
    manifest = json.loads(result.stdout)
    assert manifest == json.loads((tables / "manifest.json").read_text(encoding="utf-8"))
    runs = pd.read_csv(tables / "runs_programme.csv")
    assert list(runs.columns) == list(FACT_COLUMNS) == manifest["tables"]["runs_programme.csv"]["columns"]
    assert len(runs) == manifest["tables"]["runs_programme.csv"]["rows"] >= len(frame)
    assert set(runs["predicate"]) == {"runsProgramme"} and set(runs["subject_type"]) == {"Place"}
    with (
        Store.open(tmp_path / "data" / "oxigraph", workers=0) as store,
        TestClient(create_app(Settings(data_dir=tmp_path / "data"), store)) as client,
    ):
        api = client.get("/adoption", params={"limit": 100_000}).json()
        places_csv = client.get("/places.csv")
        places = pd.read_csv(io.StringIO(places_csv.text), dtype={"code": str})
        places_count = client.get("/places").json()["count"]
        documents = pd.read_csv(io.StringIO(client.get("/documents.csv").text))
        members = pd.read_csv(io.StringIO(client.get("/communities.csv").text), dtype={"place_code": str})
        groups = client.get("/communities").json()["data"]
        schema = client.get("/openapi.json").json()
    assert len(frame) == api["count"] == manifest["tables"]["adoption.csv"]["rows"] > 0
    assert list(frame["place_code"]) == [r["place_code"] for r in api["data"]]
    assert places_csv.headers["x-graph-version"] == manifest["graph_version"]
    assert list(places.columns) == list(PLACES.columns) and len(places) == places_count
    assert places.loc[places["code"] == "320500", "url"].item() == "/places/320500"
    assert len(documents) == manifest["documents"] == 8
    assert len(members) == sum(g["size"] for g in groups)
    assert "text/csv; charset=utf-8" in schema["paths"]["/places.csv"]["get"]["responses"]["200"]["content"]


def test_a_document_posted_over_http_is_in_the_adoption_table_of_the_next_request(tmp_path: Path) -> None:
    key = "test-key-analytics-7d2c"
    with Store.open(tmp_path / "oxigraph", workers=0) as store:
        build([DEMO / "01_suzhou.txt"], store)
        settings = Settings(data_dir=tmp_path, api_key=SecretStr(key))
        with TestClient(create_app(settings, store)) as client:
            before = client.get("/adoption", params={"programme": "一网统管"}).json()
            assert [r["place_name"] for r in before["data"]] == ["苏州市"]
            text = (DEMO / "06_guiyang.txt").read_text(encoding="utf-8")
            posted = client.post(
                "/documents", json={"name": "06_guiyang.txt", "text": text}, headers={"X-API-Key": key}
            )
            assert posted.status_code == 201, posted.text
            after = client.get("/adoption", params={"programme": "一网统管"}).json()
            patched = client.get("/adoption", params={"limit": 100_000}).json()["data"]
        fresh = Projection()
        fresh.sync(store)
        # the rows of the places the new document did not touch were kept, the others recomputed
        assert patched == adoption_events(View(fresh, graph_index(store)))
    assert {r["place_name"] for r in after["data"]} == {"苏州市", "贵阳市"}
    assert after["graph_version"] != before["graph_version"]


def test_a_start_up_derives_the_peer_groups_before_the_first_place_page_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.analytics.peers as peers_module

    with Store.open(tmp_path / "data" / "oxigraph", workers=0) as store:
        assert build([DEMO], store).documents >= 6
    settings = Settings(data_dir=tmp_path / "data", falkordb=False, query_workers=1)
    with TestClient(create_app(settings)) as client:

        def refuse(v: View) -> list[dict[str, Any]]:
            raise AssertionError("the peer groups were derived by a request, not at start-up")

        monkeypatch.setattr(peers_module, "_groups", refuse)
        page = client.get("/places/320500")
    assert page.status_code == 200, page.text
    assert page.json()["community"]["size"] >= 2
