"""The facts graph: each distinct triple once, in step with every load and removal, built for old stores."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphstore.facts import FACTS_GRAPH, DerivedGraph
from graphstore.store import Store
from graphstore.stores import RdfStore

CKR = "https://w3id.org/citykg/"
RUNS = ox.NamedNode("https://w3id.org/citykg/ontology#runsProgramme")
YANGZHOU = ox.NamedNode(CKR + "place/321000")
YI_WANG = ox.NamedNode(CKR + "programme/yi-wang-tong-ban")
SHARED = ox.Triple(YANGZHOU, RUNS, YI_WANG)
DOC_A, DOC_B = CKR + "graph/document/aaaa", CKR + "graph/document/bbbb"
COUNT_RUNS = "SELECT (COUNT(*) AS ?n) WHERE { ?place ck:runsProgramme ?programme }"


def facts(store: RdfStore) -> set[ox.Triple]:
    return set(
        store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{FACTS_GRAPH.value}> {{ ?s ?p ?o }} }}")
    )


def union(store: RdfStore) -> set[ox.Triple]:
    sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {FACTS_GRAPH}) }}"
    return set(store.construct(sparql))


def item(i: int) -> ox.Triple:
    return ox.Triple(ox.NamedNode(f"{CKR}place/{i}"), RUNS, ox.NamedNode(f"{CKR}programme/p{i % 3}"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "oxigraph", workers=0)
    yield opened
    opened.close()


def test_a_fact_two_documents_share_survives_removing_one(store: Store) -> None:
    store.replace_graph(DOC_A, [SHARED, item(1)])
    store.replace_graph(DOC_B, [SHARED, item(2)])
    store.remove_graph(DOC_A)
    assert facts(store) == {SHARED, item(2)}
    assert store.select(COUNT_RUNS) == [{"n": "2"}]  # queries read each fact once
    store.remove_graph(DOC_B)
    assert facts(store) == set()


def test_replacing_a_document_drops_only_facts_no_other_document_states(store: Store) -> None:
    store.replace_graph(DOC_A, [SHARED, item(1)])
    store.replace_graph(DOC_B, [SHARED])
    store.replace_graph(DOC_A, [item(3)])
    assert facts(store) == {SHARED, item(3)}
    store.replace_graph(DOC_A, [item(4)], superseded=[DOC_B])  # a new version of B's file
    assert facts(store) == {item(4)} and store.graph_iris() == [DOC_A]


def test_the_facts_graph_equals_the_union_after_any_sequence_of_loads_and_removes(store: Store) -> None:
    rng = random.Random(12)
    docs = [f"{CKR}graph/document/{i:04d}" for i in range(6)]
    for _ in range(40):
        doc = rng.choice(docs)
        if rng.random() < 0.3:
            store.remove_graph(doc)
        else:
            store.replace_graph(doc, [item(rng.randrange(8)) for _ in range(rng.randrange(5))])
        assert facts(store) == union(store)


def test_the_facts_graph_is_not_written_or_removed_directly(store: Store) -> None:
    store.replace_graph(DOC_A, [SHARED])
    with pytest.raises(DerivedGraph):
        store.replace_graph(FACTS_GRAPH.value, [item(1)])
    assert store.remove_graph(FACTS_GRAPH.value) == 0
    assert facts(store) == {SHARED}
    assert store.graph_iris() == [DOC_A] and store.count() == 1  # the copy is not counted


def test_a_store_written_before_the_facts_graph_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "oxigraph"
    old = ox.Store(str(path))
    for graph in (DOC_A, DOC_B):
        old.add(ox.Quad(SHARED.subject, SHARED.predicate, SHARED.object, ox.NamedNode(graph)))
    old.flush()
    del old
    with Store.open(path, workers=0) as store:
        assert facts(store) == {SHARED}
        assert store.select(COUNT_RUNS) == [{"n": "1"}]
        store.remove_graph(DOC_A)
        assert facts(store) == {SHARED}


def test_bulk_rebuild_builds_the_facts_graph_and_exports_leave_it_out(store: Store) -> None:
    quads = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
        for g in (DOC_A, DOC_B)
        for t in (SHARED, item(5))
    ]
    stray = ox.Quad(
        item(6).subject, item(6).predicate, item(6).object, FACTS_GRAPH
    )  # from a dump that held it
    assert store.bulk_rebuild([*quads, stray]) == 4
    assert facts(store) == {SHARED, item(5)}
    out = io.BytesIO()
    store.export("nq", out)
    assert FACTS_GRAPH.value not in out.getvalue().decode()
