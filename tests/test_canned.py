"""Canned queries as a user of `make run` meets them: every one, in each language it is written in,
runs by name over HTTP with its declared defaults on the demo corpus and answers something."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from app.main import create_app
from app.queries import load_queries, load_query
from app.settings import Settings
from graphstore.falkor import FalkorServer
from graphstore.graphsink import FalkorSink
from graphstore.mirror import resync
from graphstore.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

CANNED = load_queries()
PLACE = "https://w3id.org/citykg/place/"
# Canned queries as they were before a rewrite for speed (issue 12), kept to check that the
# rewrite answers the same rows.
BEFORE = Path(__file__).parent / "data" / "canned_before"


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, demo_store: Store, falkor_server: FalkorServer
) -> Iterator[TestClient]:
    sink = FalkorSink(falkor_server, graph="canned-demo")
    resync(demo_store, sink, full=True)
    settings = Settings(data_dir=tmp_path_factory.mktemp("canned"), falkordb=False, query_timeout_s=10)
    with TestClient(create_app(settings, demo_store, sink=sink)) as test_client:
        yield test_client
    sink.close()


def _run(client: TestClient, name: str, language: str, **params: str) -> dict[str, Any]:
    suffix = ".rq" if language == "sparql" else ".cypher"
    response = client.get(f"/queries/{name}{suffix}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("query", CANNED, ids=[f"{q.name}.{q.language}" for q in CANNED])
def test_every_canned_query_answers_with_its_defaults_on_the_demo_corpus(
    client: TestClient, query: Any
) -> None:
    result = _run(client, query.name, query.language)
    assert result["rows"], f"{query.name} ({query.language}) is empty with its defaults {query.params}"
    assert len(result["columns"]) == len(query.vars)


def test_both_languages_of_a_query_run_by_name_and_agree(client: TestClient) -> None:
    sparql = _run(client, "places_running_programme", "sparql")
    cypher = _run(client, "places_running_programme", "cypher")
    assert {r[0] for r in sparql["rows"]} == {r[0] for r in cypher["rows"]}
    # 苏州市 runs 一网通办, the default, in the demo corpus.
    assert PLACE + "320500" in {r[0] for r in cypher["rows"]}


def test_a_division_code_stands_for_its_place_and_a_wrong_type_is_a_422(client: TestClient) -> None:
    by_code = _run(client, "programmes_by_place", "cypher", place="510100")
    labels = {row[1] for row in by_code["rows"]}
    assert "一网通办" in labels  # 成都市's report names it
    wrong = client.get("/queries/projects_by_place_and_kind", params={"kind": "shop"})
    assert wrong.status_code == 422
    assert "kind must be one of platform, park, facility, event" in wrong.json()["detail"]


def test_listed_queries_declare_typed_labelled_parameters_in_both_languages(client: TestClient) -> None:
    listed = {(q["name"], q["language"]): q for q in client.get("/queries").json()}
    query = listed[("projects_by_place_and_kind", "sparql")]
    assert query["title_zh"] == "一个地方某类工程"
    assert query["parameters"] == [
        {
            "name": "place",
            "type": "place",
            "default": PLACE + "320500",
            "label_zh": "地方",
            "label_en": "Place",
        },
        {
            "name": "kind",
            "type": "kind",
            "default": "platform",
            "label_zh": "工程类型",
            "label_en": "Project kind",
        },
    ]
    assert listed[("programmes_by_place", "cypher")]["parameters"][0]["type"] == "place"


def test_canned_queries_rewritten_for_speed_answer_the_rows_they_answered_before(demo_store: Store) -> None:
    places = sorted({r["s"] or "" for r in demo_store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT DISTINCT ?s WHERE { ?s ck:runsProgramme ?o }"
    )})  # fmt: skip
    assert len(places) > 5
    programmes = sorted({r["o"] or "" for r in demo_store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT DISTINCT ?o WHERE { ?s ck:runsProgramme ?o }"
    )})  # fmt: skip
    runs = [("programmes_by_place", {"place": place}) for place in places]
    runs += [("places_running_programme", {"programme": programme}) for programme in programmes]
    runs += [(q.name, {}) for q in load_queries(BEFORE) if q.name not in dict(runs)]
    for name, params in runs:
        before = demo_store.select(load_query(name, directory=BEFORE).bind(params))
        after = _projected(demo_store.select(load_query(name).bind(params)), before)
        assert before, (name, params)
        if name in REORDERED:
            after, before = sorted(after, key=repr), sorted(before, key=repr)
        assert after == before, (name, params)


# places_by_indicator names each row's observation now (a page counts observations), and ranks
# rows of one value and place by observation before year and document.
REORDERED = {"places_by_indicator"}


def _projected(rows: list[dict[str, Any]], like: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return `rows` cut to the columns of `like`, each distinct row once, in order."""
    if not rows or not like:
        return rows
    columns = list(like[0])
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        cut = {c: row[c] for c in columns}
        seen.setdefault(repr(cut), cut)
    return list(seen.values())


def _pages(client: TestClient, path: str, **params: Any) -> tuple[list[dict[str, Any]], list[list[Any]]]:
    """Return every page of a canned query read by following `next`, and their rows end to end."""
    pages = [client.get(path, params=params).json()]
    while pages[-1]["next"]:
        assert len(pages) < 500, path
        pages.append(client.get(pages[-1]["next"]).json())
    return pages, [row for page in pages for row in page["rows"]]


@pytest.mark.parametrize("query", CANNED, ids=[f"{q.name}.{q.language}" for q in CANNED])
def test_reading_a_canned_query_page_by_page_gives_the_rows_of_its_whole_answer(
    client: TestClient, demo_store: Store, query: Any
) -> None:
    suffix = ".rq" if query.language == "sparql" else ".cypher"
    whole = client.get(f"/queries/{query.name}{suffix}", params={"limit": 10_000}).json()
    column = whole["columns"].index(query.page_by) if query.page_by else None
    things = len({row[column] for row in whole["rows"]}) if column is not None else len(whole["rows"])
    assert whole["next"] is None and not whole["truncated"] and whole["total"] == things
    if query.language == "sparql":
        # The whole answer is the query's own text, unpaged, as /sparql or a notebook runs it.
        unpaged = demo_store.select(query.bind())
        assert whole["rows"] == [[r[c] for c in whole["columns"]] for r in unpaged]
    pages, rows = _pages(client, f"/queries/{query.name}{suffix}", limit=2)
    assert rows == whole["rows"]
    assert pages[-1]["total"] == whole["total"]
    assert all(p["truncated"] for p in pages[:-1]) and not pages[-1]["truncated"]
    assert [p["offset"] for p in pages] == list(range(0, 2 * len(pages), 2))


def test_a_page_of_documents_says_how_many_there_are_and_where_the_next_page_is(client: TestClient) -> None:
    first = client.get("/queries/document_overview", params={"limit": 2}).json()
    documents = client.get("/documents").json()["count"]
    assert len(first["rows"]) == 2 and first["total"] == documents > 2
    assert first["next"] == "/queries/document_overview?offset=2&limit=2"
    # Parameters of the query itself stay in the next page's link.
    indicator = client.get("/queries/places_by_indicator", params={"indicator": "5G基站", "limit": 1}).json()
    assert indicator["next"] is not None and "indicator=5G" in indicator["next"]
    assert len({row[indicator["columns"].index("observation")] for row in indicator["rows"]}) == 1
    assert client.get("/queries/document_overview", params={"limit": 0}).status_code == 422
    default = client.get("/queries/document_overview").json()
    assert default["limit"] == 100 and default["offset"] == 0
