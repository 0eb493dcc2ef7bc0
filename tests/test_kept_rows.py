"""The mirror rows an on-disk store keeps beside its folder: the graphs as they are now, or none (issue 12).

``citykg sync --full`` writes kept rows instead of reading each graph back; a kept row that is
not the graph as the store holds it now would put stale facts in the mirror.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_mirror import _mirror_contents

from graphstore.build import build, remove_document
from graphstore.falkor import FalkorServer
from graphstore.graphsink import FalkorSink
from graphstore.mirror import BUILD_GRAPH, VOCABULARY_GRAPHS, graph_projection, mirror_documents, resync
from graphstore.projectionlog import ProjectionLog
from graphstore.store import Store, _renew_stamp
from loaders.rdf import document_graph

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"
CK = "https://w3id.org/citykg/ontology#"
QUOTE = ox.NamedNode(CK + "quote")


def _kept_as_read_back(store: Store) -> tuple[set[str], set[str]]:
    """Return the graphs whose kept rows are the projection read back from ``store``, and those that have none."""
    graphs = store.graph_iris()
    kept = store.kept_projections()
    try:
        same = {
            p.graph
            for p in kept.read([g for g in graphs if g in kept.graphs])
            if p == graph_projection(store, p.graph)
        }
    finally:
        kept.close()
    return same, set(graphs) - kept.graphs


@pytest.fixture
def demo_folder(tmp_path: Path) -> Path:
    """A copy of three demo documents that a test may change."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(DEMO.glob("*.txt"))[:3]:
        shutil.copy(path, folder)
    return folder


def test_every_graph_a_build_writes_is_kept_as_it_reads_back_from_the_store(demo_store: Store) -> None:
    same, missing = _kept_as_read_back(demo_store)
    assert missing == set() and same == set(demo_store.graph_iris())
    assert sum(1 for g in same if "/graph/document/" in g) >= 6


def test_a_document_replaced_or_removed_after_the_build_is_kept_as_it_is_now(
    tmp_path: Path, demo_folder: Path
) -> None:
    with Store.open(tmp_path / "oxigraph", workers=0) as store:
        first = build([demo_folder], store)
        changed, removed = sorted(demo_folder.glob("*.txt"))[:2]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\n扬州市深化“一网通办”改革。", encoding="utf-8"
        )
        second = build([demo_folder], store)
        remove_document(store, removed.name)

        same, missing = _kept_as_read_back(store)
        assert len(second.loaded) == 1 and second.loaded[0] not in first.loaded
        assert missing == set() and same == set(store.graph_iris())
        gone = {document_graph(d).value for d in first.loaded} - set(store.graph_iris())
        assert len(gone) == 2 and document_graph(second.loaded[0]).value in same

        everything = [q for g in store.graph_iris() for q in _quads(store, g)]
        store.bulk_rebuild(everything)  # a rebuild starts the log afresh
        same, missing = _kept_as_read_back(store)
        assert missing == set() and same == set(store.graph_iris())


def test_the_rows_of_graphs_replaced_again_and_again_are_compacted_away(tmp_path: Path) -> None:
    graphs = [f"https://w3id.org/citykg/graph/document/{c * 16}" for c in "ab"]
    path = tmp_path / "oxigraph"
    log = ProjectionLog(path)
    sizes = []
    with Store.open(path, workers=0) as store:
        for cycle in range(6):
            for graph in graphs:
                quads = [
                    ox.Quad(
                        ox.NamedNode(f"{graph}/e{i}"), QUOTE, ox.Literal(f"{cycle} {i}"), ox.NamedNode(graph)
                    )
                    for i in range(50)
                ]
                store.replace_graph(graph, quads)
                kept = store.kept_projections()
                live = sum(size for _, size in kept._places.values())
                kept.close()
                sizes.append(log.file.stat().st_size)
                assert sizes[-1] < 2 * live + 512  # records' heads and names besides the rows

        assert any(later < earlier for earlier, later in itertools.pairwise(sizes))
        same, missing = _kept_as_read_back(store)
        assert missing == set() and same == set(store.graph_iris())


def _quads(store: Store, graph: str) -> list[ox.Quad]:
    return [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in store.graph_triples(graph)
    ]


def test_a_graph_not_written_whole_in_one_run_is_read_back_instead(tmp_path: Path) -> None:
    def quad(s: str, graph: str) -> ox.Quad:
        return ox.Quad(ox.NamedNode(f"https://e.org/{s}"), QUOTE, ox.Literal(s), ox.NamedNode(graph))

    split, whole, topped_up = (f"https://w3id.org/citykg/graph/document/{c * 16}" for c in "abc")
    with Store.open(tmp_path / "oxigraph", workers=0) as store:
        store.add_graphs([quad("c1", topped_up)])
        store.add_graphs([quad("a1", split), quad("b1", whole), quad("a2", split), quad("c2", topped_up)])

        same, missing = _kept_as_read_back(store)
        assert missing == {split, topped_up} and same == {whole}


def _quotes_changed_behind_the_rows(path: Path, doc_id: str) -> str:
    """Change the quotes of document ``doc_id`` as a writer that keeps no rows would (an older citykg;
    any process renews the stamp before it writes): the rows kept for them before are now stale.
    Return the document's graph."""
    graph = ox.NamedNode(document_graph(doc_id).value)
    _renew_stamp(path)
    raw = ox.Store(str(path))
    quotes = list(raw.quads_for_pattern(None, QUOTE, None, graph))
    assert quotes
    for q in quotes:
        raw.remove(q)
        raw.add(ox.Quad(q.subject, q.predicate, ox.Literal("改过的引文"), graph))
    raw.flush()
    del raw
    return graph.value


def _quotes_mirrored(sink: FalkorSink, graph: str) -> set[str]:
    """Return the quotes the mirror holds for the facts of ``graph``."""
    rows = sink._read(
        "MATCH ()-[r]->() WHERE r.graph = $g AND r.quote IS NOT NULL RETURN r.quote", {"g": graph}
    )
    return {r[0] for r in rows}


def test_rows_kept_before_a_write_that_kept_none_are_not_used(
    tmp_path: Path, demo_folder: Path, falkor_server: FalkorServer
) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        loaded = build([demo_folder], store).loaded
    graph = _quotes_changed_behind_the_rows(path, loaded[0])

    full = FalkorSink(falkor_server, graph="kept-full")
    one_by_one = FalkorSink(falkor_server, graph="kept-one-by-one")
    one_by_one.clear()
    with Store.open(path, workers=0) as store:
        assert _kept_as_read_back(store) == (set(), set(store.graph_iris()))  # none kept
        resync(store, full, full=True)
        for doc in loaded:
            mirror_documents(store, one_by_one, [doc])
        # what the sync read back is kept from then on, as the store holds it
        mirrored = {*VOCABULARY_GRAPHS, BUILD_GRAPH, *(document_graph(d).value for d in loaded)}
        assert _kept_as_read_back(store)[0] == mirrored
    assert _quotes_mirrored(full, graph) == {"改过的引文"}
    assert _mirror_contents(full) == _mirror_contents(one_by_one)
    for sink in (full, one_by_one):
        sink.clear()
        sink.close()


def test_rows_sealed_under_the_stamp_before_a_write_that_ended_unsealed_are_not_used(
    tmp_path: Path, demo_folder: Path
) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        build([demo_folder], store)
        seal = path.with_name("oxigraph.mirror-rows.seal")
        sealed = seal.read_bytes()
        store.remove_graph(store.graph_iris()[-1])
        seal.write_bytes(sealed)  # as if the process died after the write and before sealing its rows
        assert _kept_as_read_back(store) == (set(), set(store.graph_iris()))  # none kept
        store.remove_graph(store.graph_iris()[-1])  # the next write starts the log afresh
        same, missing = _kept_as_read_back(store)
        assert same == set() and missing == set(store.graph_iris())


def test_a_folder_that_will_not_take_the_rows_costs_a_read_back_not_the_write(
    tmp_path: Path, demo_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "oxigraph"
    # the rows' file and its partial are folders: every attempt to keep rows fails with an OSError
    for name in ("oxigraph.mirror-rows", "oxigraph.mirror-rows.partial"):
        (tmp_path / name).mkdir()
    with Store.open(path, workers=0) as store:
        loaded = build([demo_folder], store).loaded
        assert len(loaded) == 3 and len(store.graph_iris()) >= 3  # the documents are in the store
        assert _kept_as_read_back(store) == (set(), set(store.graph_iris()))  # and nothing is kept
    assert "mirror rows not kept" in caplog.text


def test_a_rebuild_takes_over_the_rows_of_the_documents_it_keeps_and_mirrors_them_as_they_are(
    tmp_path: Path, demo_folder: Path, falkor_server: FalkorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        loaded = build([demo_folder], store).loaded
    projected: list[str] = []
    import graphstore.build as building
    import graphstore.mirrorfeed as feeding
    import graphstore.projectionlog as logging_rows

    for module in (building, feeding, logging_rows):
        real = module.project_triples
        monkeypatch.setattr(
            module, "project_triples", lambda g, t, real=real: projected.append(g) or real(g, t)
        )
    rebuilt = FalkorSink(falkor_server, graph="kept-rebuild")
    read_back = FalkorSink(falkor_server, graph="kept-read-back")
    rebuilt.clear()
    with Store.open(path, workers=0) as store:
        report = build([demo_folder], store, rebuild=True, mirror=rebuilt)
        assert report.reused == len(loaded)
        # the documents' rows were kept beside the store: none is projected again
        assert [g for g in projected if "/graph/document/" in g] == []
        same, missing = _kept_as_read_back(store)
        assert missing == set() and same == set(store.graph_iris())
        resync(store, read_back, full=True)
    assert _mirror_contents(rebuilt) == _mirror_contents(read_back)
    for sink in (rebuilt, read_back):
        sink.clear()
        sink.close()


def test_a_rebuild_projects_again_the_documents_whose_kept_rows_went_stale(
    tmp_path: Path, demo_folder: Path, falkor_server: FalkorServer
) -> None:
    path = tmp_path / "oxigraph"
    with Store.open(path, workers=0) as store:
        loaded = build([demo_folder], store).loaded
    graph = _quotes_changed_behind_the_rows(path, loaded[0])
    sink = FalkorSink(falkor_server, graph="kept-stale-rebuild")
    sink.clear()
    with Store.open(path, workers=0) as store:
        assert build([demo_folder], store, rebuild=True, mirror=sink).reused == len(loaded)
        same, missing = _kept_as_read_back(store)
        assert missing == set() and same == set(store.graph_iris())
    assert _quotes_mirrored(sink, graph) == {"改过的引文"}
    sink.clear()
    sink.close()
