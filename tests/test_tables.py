"""Take-away data: every list route in CSV (``?format=csv`` or ``.csv``) beside its JSON, over a real uvicorn,
and the graph versions (GET /versions) that builds, ingests and removals record."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import httpx
import pandas as pd
import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from app.cli import cli
from app.main import create_app
from app.routes.analytics import ADOPTION, CO_ADOPTED, COMMUNITIES, CURVE, GAPS, SPREAD
from app.routes.documents import DOCUMENTS
from app.routes.entities import INDICATORS
from app.routes.places import PLACES
from app.routes.places import SIMILAR as SIMILAR_PLACES
from app.routes.programmes import PROGRAMMES
from app.routes.programmes import SIMILAR as SIMILAR_PROGRAMMES
from app.routes.search import HITS
from app.routes.tabular import Table
from app.routes.versions import VERSIONS
from app.settings import Settings
from graphstore.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's TestClient asks for httpx2 (see test_cypher.py)
    from fastapi.testclient import TestClient

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"

# (path, filters, table, the number of CSV rows from the JSON body)
ROUTES = [
    ("/places", {"province": "江苏省"}, PLACES, lambda b: b["count"]),
    ("/programmes", {"q": "一网"}, PROGRAMMES, lambda b: b["count"]),
    ("/documents", {}, DOCUMENTS, lambda b: b["count"]),
    ("/search", {"q": "苏州"}, HITS, lambda b: b["count"]),
    ("/indicators", {}, INDICATORS, lambda b: b["count"]),
    ("/places/320500/similar", {"limit": 5}, SIMILAR_PLACES, lambda b: b["count"]),
    ("/programmes/yi-wang-tong-ban/similar", {}, SIMILAR_PROGRAMMES, lambda b: b["count"]),
    ("/adoption", {"programme": "一网统管", "from": 2020}, ADOPTION, lambda b: b["count"]),
    ("/diffusion", {"order": "centrality"}, SPREAD, lambda b: b["count"]),
    ("/programmes/yi-wang-tong-ban/diffusion", {}, CURVE, lambda b: len(b["curve"])),
    ("/programmes/yi-wang-tong-guan/co-adopted", {}, CO_ADOPTED, lambda b: b["count"]),
    ("/places/320500/gaps", {"peers": "province"}, GAPS, lambda b: b["count"]),
    ("/communities", {}, COMMUNITIES, lambda b: sum(g["size"] for g in b["data"])),
]


def _frame(response: httpx.Response) -> pd.DataFrame:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return pd.read_csv(io.StringIO(response.text), dtype=str, keep_default_na=False)


@pytest.mark.parametrize(("path", "filters", "table", "rows"), ROUTES, ids=[r[0] for r in ROUTES])
def test_a_list_route_gives_its_rows_as_csv_with_the_same_filters(
    server_url: str, path: str, filters: dict[str, object], table: Table, rows: object
) -> None:
    json_answer = httpx.get(server_url + path, params=filters, timeout=30)
    body = json_answer.json()
    as_param = _frame(httpx.get(server_url + path, params={**filters, "format": "csv"}, timeout=30))
    as_suffix = _frame(httpx.get(f"{server_url}{path}.csv", params=filters, timeout=30))
    assert list(as_param.columns) == list(table.columns)
    assert as_param.equals(as_suffix)
    assert len(as_param) == rows(body) > 0  # type: ignore[operator]
    assert json_answer.headers["x-graph-version"] == body.get(
        "graph_version", json_answer.headers["x-graph-version"]
    )


def test_csv_rows_follow_the_json_order_and_link_to_their_evidence(server_url: str) -> None:
    places = httpx.get(f"{server_url}/places", params={"limit": 500}).json()["data"]
    frame = _frame(httpx.get(f"{server_url}/places.csv"))
    assert list(frame["code"]) == [p["code"] for p in places]
    assert httpx.get(server_url + frame["url"].iloc[0]).json()["code"] == places[0]["code"]
    adoption = _frame(httpx.get(f"{server_url}/adoption.csv", params={"province": "山东省"}))
    assert set(adoption["province_name"]) == {"山东省"}
    document = httpx.get(server_url + adoption["evidence_url"].iloc[0]).json()
    assert adoption["sentence"].iloc[0] in document["text"]


def test_a_csv_with_limit_or_offset_is_the_same_page_as_the_json(server_url: str) -> None:
    page = httpx.get(f"{server_url}/places", params={"limit": 3, "offset": 2}).json()
    frame = _frame(httpx.get(f"{server_url}/places.csv", params={"limit": 3, "offset": 2}))
    assert list(frame["code"]) == [p["code"] for p in page["data"]]
    headers = httpx.get(f"{server_url}/places.csv", params={"limit": 3}).headers
    assert headers["x-total-count"] == str(page["count"])
    assert headers["content-disposition"] == 'attachment; filename="places.csv"'


def test_bad_filters_are_refused_in_csv_as_in_json(server_url: str) -> None:
    answer = httpx.get(f"{server_url}/adoption.csv", params={"province": "火星省"})
    assert answer.status_code == 400 and "火星省" in answer.json()["detail"]
    assert httpx.get(f"{server_url}/places", params={"format": "xlsx"}).status_code == 422


def test_openapi_documents_csv_on_every_list_route(server_url: str) -> None:
    paths = httpx.get(f"{server_url}/openapi.json").json()["paths"]
    for path, *_ in ROUTES:
        generic = path.replace("320500", "{code}").replace("yi-wang-tong-ban", "{slug}")
        generic = generic.replace("yi-wang-tong-guan", "{slug}")
        for documented in (generic, f"{generic}.csv"):
            ok = paths[documented]["get"]["responses"]["200"]
            assert "text/csv; charset=utf-8" in ok["content"], documented
        assert "format" in {p["name"] for p in paths[generic]["get"]["parameters"]}


def test_every_build_ingest_and_removal_is_a_graph_version(tmp_path: Path) -> None:
    env = {"CITYKG_DATA": str(tmp_path), "CITYKG_FALKORDB": "false"}
    built = CliRunner().invoke(
        cli, ["build", str(DEMO / "01_suzhou.txt"), str(DEMO / "03_chengdu.txt")], env=env
    )
    assert built.exit_code == 0, built.output
    again = CliRunner().invoke(cli, ["build", str(DEMO / "01_suzhou.txt")], env=env)
    assert again.exit_code == 0  # nothing changed: no new version
    key = "test-key-versions-51f0"
    settings = Settings(data_dir=tmp_path, api_key=SecretStr(key), falkordb=False)
    with (
        Store.open(settings.store_path, workers=0) as store,
        TestClient(create_app(settings, store)) as client,
    ):
        text = (DEMO / "06_guiyang.txt").read_text(encoding="utf-8")
        posted = client.post(
            "/documents", json={"name": "06_guiyang.txt", "text": text}, headers={"X-API-Key": key}
        )
        assert posted.status_code == 201, posted.text
        middle = client.get("/versions").json()
        analytics_version = client.get("/adoption").json()["graph_version"]
    removed = CliRunner().invoke(cli, ["remove", "03_chengdu.txt"], env=env)
    assert removed.exit_code == 0, removed.output
    with (
        Store.open(settings.store_path, workers=0) as store,
        TestClient(create_app(settings, store)) as client,
    ):
        versions = client.get("/versions").json()
        frame = _frame(client.get("/versions.csv"))
        adoption_version = client.get("/adoption").json()["graph_version"]
    assert middle["current"] == analytics_version == middle["data"][0]["graph_version"]
    log = versions["data"]
    assert [(v["version"], v["action"], v["documents"]) for v in log] == [
        (3, "remove", 2),
        (2, "ingest", 3),
        (1, "build", 2),
    ]
    assert [d["name"] for d in log[2]["added"]] == ["01_suzhou.txt", "03_chengdu.txt"]
    assert [d["name"] for d in log[1]["added"]] == ["06_guiyang.txt"] and log[0]["removed"][0][
        "name"
    ] == "03_chengdu.txt"
    assert [v["graph_version_before"] for v in log[:2]] == [v["graph_version"] for v in log[1:]]
    assert versions["current"] == log[0]["graph_version"] == adoption_version
    assert list(frame.columns) == list(VERSIONS.columns) and list(frame["action"]) == [
        "remove",
        "ingest",
        "build",
    ]
    listed = CliRunner().invoke(cli, ["versions"], env=env)
    assert listed.exit_code == 0 and '"action": "remove"' in listed.stdout


def test_an_ingest_records_its_version_without_listing_every_documents_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 12: the version log read every document's file name before and after each write
    # (12 s each at 100,000 documents); a write now reads the names of the documents it added,
    # and the names are kept beside the store for the next process.
    env = {"CITYKG_DATA": str(tmp_path), "CITYKG_FALKORDB": "false"}
    built = CliRunner().invoke(
        cli, ["build", str(DEMO / "01_suzhou.txt"), str(DEMO / "03_chengdu.txt")], env=env
    )
    assert built.exit_code == 0, built.output
    key = "test-key-versions-77c2"
    settings = Settings(data_dir=tmp_path, api_key=SecretStr(key), falkordb=False)
    with (
        Store.open(settings.store_path, workers=0) as store,
        TestClient(create_app(settings, store)) as client,
    ):
        listings: list[str] = []
        select = store.select

        def counting(sparql: str, /, **params: object) -> list[dict[str, str | None]]:
            if "ck:fileName ?name } }" in sparql and "GRAPH ?g" in sparql:
                listings.append(sparql)
            return select(sparql, **params)

        # the build kept the documents' names beside the store: not even the first ingest lists them
        monkeypatch.setattr(store, "select", counting)
        for name in ("06_guiyang.txt", "04_hefei.txt"):
            text = (DEMO / name).read_text(encoding="utf-8")
            posted = client.post("/documents", json={"name": name, "text": text}, headers={"X-API-Key": key})
            assert posted.status_code == 201, posted.text
        log = client.get("/versions").json()["data"]
    assert listings == []
    assert [(v["action"], v["documents"], [d["name"] for d in v["added"]]) for v in log[:2]] == [
        ("ingest", 4, ["04_hefei.txt"]),
        ("ingest", 3, ["06_guiyang.txt"]),
    ]


def test_a_changed_file_is_one_version_that_says_what_it_replaced(tmp_path: Path) -> None:
    env = {"CITYKG_DATA": str(tmp_path / "data"), "CITYKG_FALKORDB": "false"}
    source = tmp_path / "城市.txt"
    source.write_text("苏州市推进一网通办改革。", encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", str(source)], env=env).exit_code == 0
    source.write_text("苏州市推进一网统管建设。", encoding="utf-8")
    assert CliRunner().invoke(cli, ["build", str(source)], env=env).exit_code == 0
    with Store.open(tmp_path / "data" / "oxigraph", workers=0) as store:
        settings = Settings(data_dir=tmp_path / "data", falkordb=False)
        versions = TestClient(create_app(settings, store)).get("/versions").json()["data"]
    change = versions[0]
    assert (change["added"], change["removed"]) == ([], [])
    assert (
        change["changed"][0]["name"] == "城市.txt"
        and change["changed"][0]["replaces"] == versions[1]["added"][0]["id"]
    )
