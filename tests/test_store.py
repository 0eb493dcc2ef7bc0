"""The Oxigraph store: atomic graph replacement, removal, union default graph, rebuilds, exports, time limits."""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from app.settings import Settings
from graphstore.sparql import WORKER_NICENESS, MalformedQuery, QueryTimeout, UpdateRefused
from graphstore.store import ForeignQuad, Store

CKR = "https://w3id.org/citykg/"
CK = "https://w3id.org/citykg/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
RUNS = ox.NamedNode(CK + "runsProgramme")
GAZETTEER = CKR + "graph/gazetteer"
DOC_A = CKR + "graph/document/aaaaaaaaaaaaaaaa"
DOC_B = CKR + "graph/document/bbbbbbbbbbbbbbbb"
YANGZHOU = ox.NamedNode(CKR + "place/321000")
HANGZHOU = ox.NamedNode(CKR + "place/330100")
YI_WANG = ox.NamedNode(CKR + "programme/yi-wang-tong-ban")
ZUI_DUO = ox.NamedNode(CKR + "programme/zui-duo-pao-yi-ci")


def gazetteer_triples() -> list[ox.Triple]:
    return [
        ox.Triple(YANGZHOU, RDFS_LABEL, ox.Literal("扬州市", language="zh")),
        ox.Triple(HANGZHOU, RDFS_LABEL, ox.Literal("杭州市", language="zh")),
    ]


def doc_a_triples() -> list[ox.Triple]:
    return [
        ox.Triple(YANGZHOU, RUNS, YI_WANG),
        ox.Triple(YI_WANG, RDFS_LABEL, ox.Literal("一网通办", language="zh")),
    ]


def doc_b_triples() -> list[ox.Triple]:
    return [ox.Triple(HANGZHOU, RUNS, ZUI_DUO)]


def generated_triples(n: int) -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"{CKR}test/{i}"), RDFS_LABEL, ox.Literal(f"item {i}")) for i in range(n)]


def load(store: Store) -> Store:
    store.replace_graph(GAZETTEER, gazetteer_triples())
    store.replace_graph(DOC_A, doc_a_triples())
    store.replace_graph(DOC_B, doc_b_triples())
    return store


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "oxigraph", workers=0)
    yield store
    store.close()


@pytest.fixture
def loaded_store(empty_store: Store) -> Store:
    return load(empty_store)


def labels(store: Store, **dataset: tuple[str, ...]) -> list[str]:
    rows = store.query("SELECT ?l WHERE { ?s rdfs:label ?l }", timeout_s=None, **dataset).bindings()
    return sorted(str(r["l"]) for r in rows)


def test_replace_graph_swaps_the_content_of_one_graph_and_returns_its_size(loaded_store: Store) -> None:
    new = [ox.Triple(YANGZHOU, RUNS, ZUI_DUO)] * 2 + [ox.Triple(YANGZHOU, RUNS, YI_WANG)]
    assert loaded_store.replace_graph(DOC_A, new) == 2
    rows = loaded_store.select(f"SELECT ?p WHERE {{ GRAPH <{DOC_A}> {{ ?s ?x ?p }} }} ORDER BY ?p")
    assert [r["p"] for r in rows] == [YI_WANG.value, ZUI_DUO.value]
    assert loaded_store.count(DOC_B) == 1


def test_replace_graph_keeps_the_old_graph_when_the_new_content_raises_midway(loaded_store: Store) -> None:
    def broken() -> Iterator[ox.Triple]:
        yield ox.Triple(YANGZHOU, RUNS, ZUI_DUO)
        yield ox.Triple(HANGZHOU, RUNS, ZUI_DUO)
        raise RuntimeError("extraction failed halfway")

    in_doc_a = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{DOC_A}> {{ ?s ?p ?o }} }}"
    before = set(loaded_store.construct(in_doc_a))
    with pytest.raises(RuntimeError, match="halfway"):
        loaded_store.replace_graph(DOC_A, broken())
    after = set(loaded_store.construct(in_doc_a))
    assert after == before == set(doc_a_triples())


def test_readers_see_the_old_or_the_new_graph_never_a_mix(empty_store: Store) -> None:
    small, big = generated_triples(10), generated_triples(3000)
    empty_store.replace_graph(DOC_A, small)
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.add(empty_store.count(DOC_A))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(5):
            empty_store.replace_graph(DOC_A, big)
            empty_store.replace_graph(DOC_A, small)
    finally:
        done.set()
        reader.join()
    assert seen <= {10, 3000}


def test_replace_graph_refuses_a_quad_that_names_another_graph(loaded_store: Store) -> None:
    stray = ox.Quad(YANGZHOU, RUNS, ZUI_DUO, ox.NamedNode(DOC_B))
    with pytest.raises(ForeignQuad):
        loaded_store.replace_graph(DOC_A, [stray])
    assert loaded_store.count(DOC_A) == 2


def test_remove_graph_removes_exactly_that_graph_and_returns_its_size(loaded_store: Store) -> None:
    total = loaded_store.count()
    assert loaded_store.remove_graph(DOC_A) == 2
    assert loaded_store.graph_iris() == sorted([GAZETTEER, DOC_B])
    assert loaded_store.count() == total - 2
    assert loaded_store.count(DOC_B) == 1
    assert loaded_store.remove_graph(DOC_A) == 0


def test_default_graph_of_a_query_is_the_union_of_all_named_graphs(loaded_store: Store) -> None:
    assert labels(loaded_store) == ["一网通办", "扬州市", "杭州市"]


def test_default_graph_uris_and_from_clauses_narrow_the_default_graph(loaded_store: Store) -> None:
    assert labels(loaded_store, default_graph_uris=(GAZETTEER,)) == ["扬州市", "杭州市"]
    from_query = f"SELECT ?l FROM <{DOC_A}> WHERE {{ ?s rdfs:label ?l }}"
    assert [r["l"] for r in loaded_store.select(from_query)] == ["一网通办"]
    named_only = loaded_store.query(
        "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout_s=None, named_graph_uris=(DOC_B,)
    )
    assert {r["g"] for r in named_only.bindings()} == {DOC_B}


def test_query_refuses_an_update_without_running_it(loaded_store: Store) -> None:
    with pytest.raises(UpdateRefused):
        loaded_store.query(f"DROP GRAPH <{DOC_A}>", timeout_s=None)
    with pytest.raises(UpdateRefused):
        loaded_store.query("INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }", timeout_s=1)
    assert loaded_store.count(DOC_A) == 2
    assert loaded_store.count() == 5


def test_query_reports_a_malformed_query_with_the_parser_message(loaded_store: Store) -> None:
    with pytest.raises(MalformedQuery, match="error at"):
        loaded_store.query("SELECT ?s WHERE { ?s ", timeout_s=None)


def test_select_binds_iris_as_iris_and_other_values_as_literals(loaded_store: Store) -> None:
    query = "SELECT ?place ?label WHERE { ?place rdfs:label ?label }"
    assert loaded_store.select(query, place=YANGZHOU.value) == [{"place": YANGZHOU.value, "label": "扬州市"}]
    assert loaded_store.select(query, label="扬州市") == []  # a plain literal, not the @zh one
    assert loaded_store.select("SELECT ?n ?d WHERE { BIND(?n * 2 AS ?d) }", n=21) == [{"n": "21", "d": "42"}]


def test_bulk_rebuild_swaps_in_the_new_store_and_it_persists(tmp_path: Path) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        load(store)
        quads = [
            ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(DOC_B)) for t in generated_triples(50)
        ]
        assert store.bulk_rebuild(quads) == 50
        assert store.graph_iris() == [DOC_B]
    # no rebuild leftovers; the lock file that guards the folder, the content stamp, the quad count and
    # the graphs' projections (graphstore/projectionlog.py) stay beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "oxigraph",
        "oxigraph.lock",
        "oxigraph.mirror-rows",
        "oxigraph.mirror-rows.seal",
        "oxigraph.quads",
        "oxigraph.stamp",
    ]
    with Store.open(path, workers=0) as reopened:
        assert reopened.count(DOC_B) == 50


def test_interrupted_bulk_rebuild_keeps_the_previous_store(loaded_store: Store) -> None:
    def broken() -> Iterator[ox.Quad]:
        for t in generated_triples(100):
            yield ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(DOC_B))
        raise OSError("disk went away")

    with pytest.raises(OSError, match="disk went away"):
        loaded_store.bulk_rebuild(broken())
    assert loaded_store.graph_iris() == sorted([GAZETTEER, DOC_A, DOC_B])
    assert labels(loaded_store) == ["一网通办", "扬州市", "杭州市"]
    assert loaded_store.path is not None
    assert not loaded_store.path.with_name("oxigraph.rebuild").exists()


def test_opening_after_a_crash_between_the_renames_uses_the_finished_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        store.replace_graph(DOC_B, doc_b_triples())
    path.rename(path.with_name("oxigraph.ready"))  # as if the process died after moving the old store away
    with Store.open(path, workers=0) as store:
        assert store.count(DOC_B) == 1
    # no rebuild leftovers; the lock file that guards the folder and the content stamp stay beside it, and the
    # projections kept by the write (graphstore/projectionlog.py)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "oxigraph",
        "oxigraph.lock",
        "oxigraph.mirror-rows",
        "oxigraph.mirror-rows.seal",
        "oxigraph.stamp",
    ]


# rdflib 7.6 warns about its own deprecated ConjunctiveGraph/default_context inside Dataset.parse.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")
@pytest.mark.parametrize(
    ("fmt", "parse_as"), [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld"), ("ttl", "turtle")]
)
def test_export_writes_the_store_in_a_format_rdflib_reads_back(
    loaded_store: Store, fmt: str, parse_as: str
) -> None:
    out = io.BytesIO()
    loaded_store.export(fmt, out)  # type: ignore[arg-type]
    dataset = rdflib.Dataset()
    dataset.parse(data=out.getvalue(), format=parse_as)
    label = (rdflib.URIRef(YANGZHOU.value), rdflib.RDFS.label, rdflib.Literal("扬州市", lang="zh"))
    if fmt == "ttl":
        assert label in dataset.default_graph
        assert len(dataset.default_graph) == 5
    else:
        assert label in dataset.graph(rdflib.URIRef(GAZETTEER))
        assert len(list(dataset.quads())) == 5


def test_an_in_memory_store_answers_the_same_queries() -> None:
    store = load(Store.open(None))
    assert labels(store) == ["一网通办", "扬州市", "杭州市"]
    assert store.bulk_rebuild([]) == 0
    assert store.graph_iris() == []
    store.close()


def test_settings_take_the_data_folder_from_citykg_data_dir_or_citykg_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CITYKG_DATA_DIR", raising=False)
    monkeypatch.setenv("CITYKG_DATA", "/srv/citykg")
    assert Settings().store_path == Path("/srv/citykg/oxigraph")
    monkeypatch.setenv("CITYKG_DATA_DIR", "/var/lib/citykg")
    assert Settings().data_dir == Path("/var/lib/citykg")
    assert all(field.description for field in Settings.model_fields.values())


def test_a_timed_query_on_disk_sees_the_writes_made_before_it(tmp_path: Path) -> None:
    with Store.open(tmp_path / "oxigraph", workers=1) as store:
        load(store)
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        assert store.query(count, timeout_s=5).bindings() == [{"n": "5"}]
        store.remove_graph(DOC_A)
        assert store.query(count, timeout_s=5).bindings() == [{"n": "3"}]


def test_a_runaway_query_is_killed_within_the_limit_and_its_worker_replaced(tmp_path: Path) -> None:
    with Store.open(tmp_path / "oxigraph", workers=1) as store:
        store.replace_graph(DOC_A, generated_triples(2000))
        assert store.query("ASK { ?s ?p ?o }", timeout_s=5).boolean()
        assert store._pool is not None
        before = store._pool.worker_pids()
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout_s=1)
        assert time.monotonic() - started < 2
        after = store._pool.worker_pids()
        assert before and not (before & after)  # the worker that ran it is gone, a new one took its place
        assert len(after) == 1
        assert store.query("ASK { ?s ?p ?o }", timeout_s=5).boolean()


def test_the_content_stamp_changes_with_every_write_and_only_then(tmp_path: Path) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        first = store.content_stamp
        assert first
        load(store)
        loaded = store.content_stamp
        assert loaded != first
        store.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert store.content_stamp == loaded  # reads leave it
    with Store.open(path, workers=0) as store:
        assert store.content_stamp == loaded  # kept across a restart that wrote nothing
        store.remove_graph(DOC_A)
        removed = store.content_stamp
        assert removed != loaded
        store.bulk_rebuild([])
        assert store.content_stamp not in (removed, loaded)
        assert Store.open_read_only(path).content_stamp is None  # a view may lag the stamp
    assert Store.open(None).content_stamp is None


def test_query_workers_run_at_a_lower_priority_than_the_server(tmp_path: Path) -> None:
    # Issue 8: runaway queries must not take the CPU from the process answering /places and /stats.
    with Store.open(tmp_path / "oxigraph", workers=1) as store:
        assert store.query("ASK { ?s ?p ?o }", timeout_s=5).boolean() is False  # run by a worker
        children = [
            int(c) for t in Path("/proc/self/task").iterdir() for c in (t / "children").read_text().split()
        ]
        workers = [c for c in children if b"_worker_entry" in Path(f"/proc/{c}/cmdline").read_bytes()]
        assert workers
        ours = os.getpriority(os.PRIO_PROCESS, 0)
        assert all(os.getpriority(os.PRIO_PROCESS, w) == min(19, ours + WORKER_NICENESS) for w in workers)


def test_a_store_written_before_documents_carried_their_counts_gets_them_when_opened(tmp_path: Path) -> None:
    from app.queries import load_query
    from loaders.documents import document_from_text
    from loaders.extract import extract
    from loaders.rdf import document_quads

    doc = document_from_text(
        "扬州市推进“一网通办”改革。扬州市建成5G基站8210个,推进“智改数转”。", name="y.txt"
    )
    quads = document_quads(extract(doc))
    written = {
        q.predicate.value.rsplit("#")[-1]: q.object.value for q in quads if "Count" in q.predicate.value
    }
    assert int(written["quoteCount"]) >= int(written["factCount"]) >= 3
    path = tmp_path / "oxigraph"
    old = ox.Store(str(path))
    old.extend(q for q in quads if "Count" not in q.predicate.value)
    old.flush()
    del old
    with Store.open(path, workers=0) as store:
        rows = store.select(load_query("document_overview").bind())
    assert [(r["fileName"], r["facts"], r["quotes"]) for r in rows] == [
        ("y.txt", written["factCount"], written["quoteCount"])
    ]


def _scanned(store: Store) -> int:
    with store._handle() as raw:
        return len(raw) - Store._count(raw, ox.NamedNode(CKR + "graph/facts"))


def test_the_quad_count_follows_every_write_and_is_kept_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "oxigraph"

    def triples(n: int, k: int) -> list[ox.Triple]:
        return [ox.Triple(ox.NamedNode(f"{CKR}place/{n}{i}"), RUNS, YI_WANG) for i in range(k)]

    with Store.open(path, workers=0) as store:
        assert store.count() == 0
        store.replace_graph(DOC_A, triples(1, 5) + triples(1, 5))  # a triple given twice is one quad
        store.add_graphs(
            ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(DOC_B)) for t in triples(2, 7)
        )
        assert store.count() == _scanned(store) == 12
        store.replace_graph(DOC_A, triples(3, 2), superseded=[DOC_B])
        assert store.count() == _scanned(store) == 2
        store.replace_graph(DOC_B, triples(1, 3))
        store.remove_graph(DOC_A)
        assert store.count() == _scanned(store) == 3
    with Store.open(path, workers=0) as store:
        assert store._quads == 3  # read back, not counted again
        assert store.count() == 3
    (tmp_path / "oxigraph.stamp").write_text("written-by-another-process", encoding="ascii")
    with Store.open(path, workers=0) as store:
        assert store._quads is None
        assert store.count() == 3
