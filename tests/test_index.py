"""The REST index is patched per document on ingest and removal, and always equals one read from scratch."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.index import GraphIndex, fresh_index, graph_index
from app.resources import ingest_document, list_places, place_detail, programme_detail
from app.stats import graph_stats
from graphstore.build import ensure_vocabularies, remove_document
from graphstore.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def fields(index: GraphIndex) -> dict[str, object]:
    # The version and the change log say when an index was made, not what it holds.
    return {
        f.name: getattr(index, f.name)
        for f in dataclasses.fields(index)
        if f.name not in ("version", "changes")
    }


def assert_same_as_fresh(store: Store) -> GraphIndex:
    patched = graph_index(store)
    assert fields(patched) == fields(fresh_index(store))
    return patched


def _counted(monkeypatch: pytest.MonkeyPatch, maker: str) -> list[object]:
    """Return the list each call of ``app.resources.<maker>`` (a page maker) adds what it makes a page of to."""
    import app.resources

    made: list[object] = []
    real = getattr(app.resources, maker)
    monkeypatch.setattr(app.resources, maker, lambda *args: made.append(args[2]) or real(*args))
    return made


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    opened = Store.open(None)
    ensure_vocabularies(opened)
    yield opened
    opened.close()


def test_the_index_after_ingests_and_removals_equals_a_fresh_one(store: Store) -> None:
    texts = sorted(DEMO.glob("*.txt"))[:3]
    graph_index(store)  # built once, then only patched
    for path in texts:
        ingest_document(store, name=path.name, text=path.read_text(encoding="utf-8"))
        index = assert_same_as_fresh(store)
    assert len(index.documents) == 3
    # The same text with one more line: a new document that states most facts of the first one again.
    first = texts[0].read_text(encoding="utf-8")
    ingest_document(store, name="again.txt", text=first + "\n另有补充说明。")
    shared = assert_same_as_fresh(store).place_programmes
    remove_document(store, texts[0].name)
    after = assert_same_as_fresh(store)
    assert after.place_programmes == shared  # still stated by again.txt
    remove_document(store, "again.txt")
    assert_same_as_fresh(store)


def test_places_and_programmes_follow_an_ingest_without_a_rebuild(store: Store) -> None:
    before = {p["code"] for p in list_places(store, limit=1000)["data"]}
    text = "衢州市数字政府建设情况\n衢州市全面推行“一网通办”，政务服务事项网上可办率达到95%。\n"
    ingest_document(store, name="quzhou.txt", text=text)
    assert_same_as_fresh(store)
    after = {p["code"] for p in list_places(store, limit=1000)["data"]}
    assert after - before == {"330800"}
    assert "330800" in {p["code"] for p in programme_detail(store, "yi-wang-tong-ban")["places"]}


def test_a_programmes_places_come_in_pages_with_the_total(store: Store) -> None:
    whole = programme_detail(store, "yi-wang-tong-ban", limit=1000)
    assert whole["places_count"] == len(whole["places"]) >= 2
    pages = [
        programme_detail(store, "yi-wang-tong-ban", limit=1, offset=i) for i in range(whole["places_count"])
    ]
    assert all(p["places_count"] == whole["places_count"] and len(p["places"]) == 1 for p in pages)
    assert [p["places"][0] for p in pages] == whole["places"]  # same order, same evidence
    past = programme_detail(store, "yi-wang-tong-ban", limit=10, offset=whole["places_count"])
    assert past["places"] == [] and past["places_count"] == whole["places_count"]


def test_a_place_gives_the_first_evidence_of_each_fact_and_how_many_there_are(store: Store) -> None:
    for name, text in (
        ("huzhou.txt", "湖州市数字政府\n湖州市全面推行“一网通办”。\n"),
        ("huzhou-2.txt", "湖州市政务服务\n湖州市深化“一网通办”改革。\n"),
    ):
        ingest_document(store, name=name, text=text)  # one fact, evidence from two documents
    code = "330500"
    whole, capped = place_detail(store, code, evidence=1000), place_detail(store, code, evidence=1)
    for part in ("programmes", "agencies", "projects", "metrics"):
        for full, short in zip(whole[part], capped[part], strict=True):
            assert short["evidence_count"] == full["evidence_count"] == len(full["evidence"])
            assert short["evidence"] == full["evidence"][:1]
    assert any(p["evidence_count"] > 1 for p in whole["programmes"])


def test_a_places_page_is_read_again_only_after_a_document_that_speaks_of_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _counted(monkeypatch, "_place_page")
    code = "330500"  # 湖州市
    ingest_document(store, name="huzhou-base.txt", text="湖州市数字政府\n湖州市推进“一网通办”。\n")
    before = place_detail(store, code)
    ingest_document(store, name="lishui.txt", text="丽水市数字政府\n丽水市推行“最多跑一次”改革。\n")
    assert place_detail(store, code) == before
    assert reads == [code]  # kept: the new document is about another city
    ingest_document(store, name="huzhou-brain.txt", text="湖州市城市大脑\n湖州市建设“城市大脑”。\n")
    after = place_detail(store, code)
    assert "cheng-shi-da-nao" in {p["slug"] for p in after["programmes"]}
    assert "huzhou-brain.txt" in {d["name"] for d in after["documents"]}
    remove_document(store, "huzhou-brain.txt")
    assert place_detail(store, code) == before
    assert reads == [code] * 3


def test_a_page_with_more_sentences_than_are_kept_is_made_each_time(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.resources

    reads = _counted(monkeypatch, "_place_page")
    monkeypatch.setattr(app.resources, "_PAGE_SENTENCES_KEPT", 0)
    ingest_document(store, name="shaoxing.txt", text="绍兴市数字政府\n绍兴市推进“一网通办”。\n")
    first, again = place_detail(store, "330600"), place_detail(store, "330600")
    assert first == again and len(reads) == 2


def test_a_programmes_places_give_their_first_evidence_and_how_many_there_are(store: Store) -> None:
    ingest_document(
        store, name="jinhua.txt", text="金华市政务服务\n金华市推行“一网通办”。金华市深化“一网通办”改革。\n"
    )
    whole = programme_detail(store, "yi-wang-tong-ban", limit=1000, evidence=1000)
    capped = programme_detail(store, "yi-wang-tong-ban", limit=1000, evidence=1)
    for full, short in zip(whole["places"], capped["places"], strict=True):
        assert short["evidence_count"] == full["evidence_count"] == len(full["evidence"]) >= 1
        assert short["evidence"] == full["evidence"][:1]
        starts = [(e["document"]["name"], e["start"]) for e in full["evidence"]]
        assert starts == sorted(starts)
    assert any(p["evidence_count"] > 1 for p in whole["places"])


def test_a_programmes_page_is_read_again_only_after_a_document_that_names_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _counted(monkeypatch, "_programme_page")
    before = programme_detail(store, "yi-wang-tong-ban")
    ingest_document(store, name="taizhou-brain.txt", text="台州市城市大脑\n台州市建设“城市大脑”。\n")
    assert programme_detail(store, "yi-wang-tong-ban") == before
    assert len(reads) == 1  # kept: the new document names another programme
    ingest_document(store, name="wenzhou.txt", text="温州市政务服务\n温州市推行“一网通办”。\n")
    after = programme_detail(store, "yi-wang-tong-ban")
    assert "330300" in {p["code"] for p in after["places"]}
    assert after["places_count"] == before["places_count"] + 1
    assert len(reads) == 2


def test_a_restart_loads_the_kept_index_and_projection_until_the_store_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.analytics.projection as projection_module
    import app.index as index_module
    from app.analytics import keep_projection, refresh, view
    from app.index import keep_index

    path = tmp_path / "oxigraph"
    texts = sorted(DEMO.glob("*.txt"))[:2]
    with Store.open(path, workers=0) as opened:
        ensure_vocabularies(opened)
        for text in texts:
            ingest_document(opened, name=text.name, text=text.read_text(encoding="utf-8"))
        kept = graph_index(opened)
        keep_index()
        refresh(opened)
        keep_projection()
        with view(opened) as v:
            portfolios = dict(v.projection.portfolios)
        stats = graph_stats(opened)
    assert portfolios and stats["documents"] == 2

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read from the documents although the store had not changed")

    with monkeypatch.context() as patched:
        patched.setattr(index_module, "read_shares", refuse)
        patched.setattr(projection_module, "_read", refuse)
        with Store.open(path, workers=0) as reopened:
            patched.setattr(reopened, "select", refuse)  # the counts of /stats too
            assert graph_stats(reopened) == stats
            patched.undo()
            patched.setattr(index_module, "read_shares", refuse)
            patched.setattr(projection_module, "_read", refuse)
            assert fields(graph_index(reopened)) == fields(kept)
            with view(reopened) as v:
                assert v.projection.portfolios == portfolios

    # Another process writes (the kept files are not refreshed): the next start reads the store again.
    with Store.open(path, workers=0) as writer:
        remove_document(writer, texts[0].name)
    with Store.open(path, workers=0) as reopened:
        index = graph_index(reopened)
        assert fields(index) == fields(fresh_index(reopened))
        assert [d.name for d in index.documents.values()] == [texts[1].name]
        assert graph_stats(reopened)["documents"] == 1
        assert graph_stats(reopened)["quads"] < stats["quads"]
        with view(reopened) as v:
            assert v.projection.portfolios != portfolios


def test_pages_are_answered_while_the_projection_is_being_saved_and_an_ingest_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saving pickles the projection (a second at 10,000 documents): pages read it meanwhile, a patch waits."""
    import app.saved as saved_module
    from app.analytics import keep_projection, refresh

    path = tmp_path / "oxigraph"
    text = sorted(DEMO.glob("*.txt"))[0]
    with Store.open(path, workers=0) as opened:
        ensure_vocabularies(opened)
        ingest_document(opened, name=text.name, text=text.read_text(encoding="utf-8"))
        refresh(opened)
        keep_projection()
        code = list_places(opened)["data"][0]["code"]
        saving, finish = threading.Event(), threading.Event()
        real_save = saved_module.save

        def slow_save(*args: Any) -> bool:
            saving.set()
            finish.wait(30)
            return real_save(*args)

        monkeypatch.setattr(saved_module, "save", slow_save)
        ingest_document(opened, name="wenzhou.txt", text="温州市政务服务\n温州市推行“一网通办”。\n")
        refresh(opened)  # offers the patched projection to the saver
        saver = threading.Thread(target=keep_projection)
        saver.start()
        assert saving.wait(10)
        pages: list[dict[str, Any]] = []
        reader = threading.Thread(target=lambda: pages.append(place_detail(opened, code)))
        reader.start()
        reader.join(10)
        assert pages and pages[0]["code"] == code, "a place page waited for the projection to be saved"
        assert programme_detail(opened, "yi-wang-tong-ban")["places_count"] >= 1
        patched: list[float] = []
        ingest_document(opened, name="ningbo.txt", text="宁波市政务服务\n宁波市推行“一网通办”。\n")
        writer = threading.Thread(target=lambda: patched.append(refresh(opened)))
        writer.start()
        writer.join(0.5)
        assert not patched, "the projection was patched while it was being pickled"
        finish.set()
        saver.join(30)
        writer.join(30)
        assert patched
        assert "330200" in {p["code"] for p in programme_detail(opened, "yi-wang-tong-ban")["places"]}


def test_a_build_patches_the_kept_index_and_projection_rather_than_reading_every_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`citykg build` of a few files into a large store took minutes recomputing both (issue 12)."""
    import os
    import shutil

    from typer.testing import CliRunner

    import app.analytics.projection as projection_module
    import app.index as index_module
    from app.analytics import Projection, view
    from app.cli import cli

    texts = sorted(DEMO.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, chosen in ((first, texts[:3]), (second, texts[3:4])):
        folder.mkdir()
        for text in chosen:
            shutil.copy(text, folder / text.name)
    env = {**os.environ, "CITYKG_DATA": str(tmp_path / "data"), "CITYKG_FALKORDB": "false"}
    assert CliRunner().invoke(cli, ["build", str(first)], env=env).exit_code == 0

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read every document again instead of patching what was kept")

    def check(documents: int) -> None:
        with Store.open(tmp_path / "data" / "oxigraph", workers=0) as store:
            kept = graph_index(store)
            assert fields(kept) == fields(fresh_index(store))
            assert len(kept.documents) == documents
            fresh = Projection()
            fresh.sync(store)
            with view(store) as v:
                assert v.projection.portfolios == fresh.portfolios
                assert v.projection.facts.keys() == fresh.facts.keys()

    with monkeypatch.context() as patched:
        patched.setattr(index_module, "fresh_index", refuse)
        patched.setattr(projection_module.Projection, "_reload", refuse)
        result = CliRunner().invoke(cli, ["build", str(second)], env=env)
        assert result.exit_code == 0, result.output
    check(4)
    with monkeypatch.context() as patched:
        patched.setattr(index_module, "fresh_index", refuse)
        patched.setattr(projection_module.Projection, "_reload", refuse)
        result = CliRunner().invoke(cli, ["remove", texts[0].name], env=env)
        assert result.exit_code == 0, result.output
    check(3)


def test_a_places_observation_evidence_is_read_from_its_observations_with_the_same_rows(
    demo_store: Store,
) -> None:
    from app.resources import _PLACE_FACTS, _bound

    # How it was read before: from every evidence node about the place (issue 12).
    before = (
        _PLACE_FACTS.split("SELECT")[0]
        + """SELECT ?s ?p ?o ?e ?doc ?ms WHERE {
  ?e rdf:subject $place ; rdf:predicate ck:hasObservation ; rdf:object ?o ; prov:wasQuotedFrom ?doc ;
     ck:mentionStart ?ms . BIND($place AS ?s) BIND(ck:hasObservation AS ?p) }"""
    )
    places = {r["s"] or "" for r in demo_store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT DISTINCT ?s WHERE { ?s ck:hasObservation|ck:runsProgramme ?o }"
    )}  # fmt: skip
    observed = 0
    for place in sorted(places):
        old = demo_store.select(_bound(before, place=place))
        new = demo_store.select(_bound(_PLACE_FACTS, place=place))
        assert sorted(map(str, new)) == sorted(map(str, old)), place
        observed += bool(new)
    assert observed >= 3 and len(places) > observed
