"""Building the graph: bad input is reported and skipped, reloads replace, removal is exact, crashes lose nothing."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from graphstore.build import build, remove_document
from graphstore.store import Store
from loaders.documents import read_document
from loaders.rdf import document_graph

DOC = "扬州市数字化报告。扬州市建成5G基站8210个,深化“一网通办”改革。"
OTHER = "宁波市数字化报告。宁波市推进“最多跑一次”改革,建成5G基站2.46万个。"

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def _documents(store: Store) -> list[str]:
    rows = store.select(
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT ?name WHERE { ?d a ck:Document ; ck:fileName ?name } ORDER BY ?name"
    )
    return [r["name"] or "" for r in rows]


def _quads(store: Store) -> set[tuple[str | None, ...]]:
    # The documents' graphs: the ontology's blank nodes are named afresh by every load.
    rows = store.select(
        "SELECT ?g ?s ?p ?o ?t WHERE { GRAPH ?g { ?s ?p ?o } BIND(DATATYPE(?o) AS ?t) "
        'FILTER(STRSTARTS(STR(?g), "https://w3id.org/citykg/graph/document/")) }'
    )
    return {(r["g"], r["s"], r["p"], r["o"], r["t"]) for r in rows}


def test_one_build_with_bad_files_reports_each_and_loads_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "gb.txt").write_bytes(DOC.encode("gb18030"))
    (tmp_path / "good.txt").write_text(OTHER, encoding="utf-8")
    big = tmp_path / "huge.txt"
    with big.open("w", encoding="utf-8") as f:  # 50 MB of prose
        line = "扬州市推进一网通办改革,建成5G基站8210个。" * 200 + "\n"
        while f.tell() < 50 * 1024 * 1024:
            f.write(line)
    env = {**os.environ, "CITYKG_DATA": str(tmp_path / "data")}
    args = [
        "build",
        *(str(tmp_path / n) for n in ("empty.txt", "binary.txt", "gb.txt", "huge.txt", "good.txt")),
        str(tmp_path / "missing.txt"),
    ]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 1
    out = result.stdout + result.stderr
    assert "empty.txt: is empty" in out
    assert "binary.txt" in out and "binary" in out
    assert "huge.txt" in out and "over the limit" in out and "CITYKG_MAX_FILE_MB" in out
    assert "missing.txt: no such file or folder" in out
    with Store.open(tmp_path / "data" / "oxigraph") as store:
        assert _documents(store) == ["gb.txt", "good.txt"]


def test_loading_a_document_again_replaces_its_graph(tmp_path: Path, empty_store: Store) -> None:
    path = tmp_path / "yz.txt"
    path.write_text(DOC, encoding="utf-8")
    build([path], empty_store)
    before = empty_store.count()
    build([path], empty_store)
    assert empty_store.count() == before


def test_a_changed_file_supersedes_its_earlier_version(tmp_path: Path, empty_store: Store) -> None:
    path = tmp_path / "yz.txt"
    path.write_text(DOC, encoding="utf-8")
    first = build([path], empty_store).loaded[0]
    path.write_text(DOC + "扬州市推进“智改数转”。", encoding="utf-8")
    second = build([path], empty_store).loaded[0]
    graphs = empty_store.graph_iris()
    assert document_graph(second).value in graphs and document_graph(first).value not in graphs
    assert _documents(empty_store) == ["yz.txt"]


def test_removing_a_document_removes_exactly_its_facts(tmp_path: Path, empty_store: Store) -> None:
    (tmp_path / "a.txt").write_text(DOC, encoding="utf-8")
    build([tmp_path / "a.txt"], empty_store)
    only_a = empty_store.count()
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    build([tmp_path / "b.txt"], empty_store)
    assert remove_document(empty_store, "b.txt") > 0
    assert empty_store.count() == only_a
    assert _documents(empty_store) == ["a.txt"]


def test_a_build_killed_midway_leaves_every_graph_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5000):
        (corpus / f"{i:03d}.txt").write_text(DOC.replace("8210", str(8000 + i)), encoding="utf-8")
    # A loaded machine may still be starting its workers after a few seconds: wait longer and try again.
    for attempt, delay in enumerate((4, 10, 25)):
        data = tmp_path / f"data{attempt}"
        store_dir = data / "oxigraph"
        _build_and_kill(corpus, data, store_dir, delay)
        with Store.open(store_dir) as store:
            docs = store.graph_iris()
        written = sum("/graph/document/" in g for g in docs)
        assert written < 5000, "the build finished before it could be interrupted; give it more documents"
        if written:
            break
    assert written, "no document graph was written before the kill, even after 25 s"
    with Store.open(store_dir) as store:
        assert any("/graph/gazetteer" in g for g in docs)
        for graph in (g for g in docs if "/graph/document/" in g):
            # every document graph that exists is complete: its document node and its 5G figure are there
            rows = store.select(
                "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT ?g ?v WHERE { GRAPH ?g { ?o ck:value ?v . ?d a ck:Document } }",
                g=graph,
            )
            assert len(rows) == 1, graph


def _build_and_kill(corpus: Path, data: Path, store_dir: Path, delay: float) -> None:
    """Start `citykg build corpus` into `data` and SIGKILL it `delay` s after its store appears."""
    env = {**os.environ, "CITYKG_DATA": str(data)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "build", str(corpus)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not store_dir.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(delay)  # vocabularies loaded, documents being written
    assert proc.poll() is None, "the build finished before it could be interrupted; give it more documents"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def test_a_build_on_several_processes_gives_the_same_graph_as_one(tmp_path: Path) -> None:
    # Extraction is CPU-bound, so a large build reads its documents on every core.
    from graphstore import build as building

    folder = tmp_path / "docs"
    folder.mkdir()
    demo = sorted(DEMO.glob("*.txt"))
    for i in range(building._PARALLEL_FROM + 2):
        source = demo[i % len(demo)]
        text = read_document(source).text + f"\n第{i}份。"  # one demo file is GB18030
        (folder / f"{i:02d}_{source.name}").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    reports, graphs, quads = {}, {}, {}
    for workers in (1, 2):
        with Store.open(tmp_path / f"ox{workers}", workers=0) as store:
            reports[workers] = build([folder], store, workers=workers)
            graphs[workers] = sorted(store.graph_iris())
            quads[workers] = _quads(store)
    one, two = reports[1], reports[2]
    assert graphs[1] == graphs[2]
    assert quads[1] == quads[2] and len(quads[1]) > 1000
    assert two.documents == one.documents == building._PARALLEL_FROM + 2
    assert [p.path for p in two.problems] == [p.path for p in one.problems] == [str(folder / "empty.txt")]
    assert two.loaded == one.loaded and two.facts == one.facts and two.triples == one.triples


def test_building_an_unchanged_folder_again_writes_nothing_and_is_quick(tmp_path: Path) -> None:
    # Issue 12: re-running `citykg build` on an unchanged 1,000-document folder took 187 s.
    folder = tmp_path / "docs"
    folder.mkdir()
    for source in sorted(DEMO.glob("*.txt")):
        (folder / source.name).write_text(read_document(source).text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    with Store.open(tmp_path / "ox", workers=0) as store:
        first = build([folder], store, workers=1)
        version, before, graphs = store.version, _quads(store), store.graph_iris()
        started = time.perf_counter()
        again = build([folder], store, workers=1)
        seconds = time.perf_counter() - started

        assert store.version == version, "an unchanged folder wrote to the store"
        assert _quads(store) == before
        assert again.documents == 0 and again.loaded == [] and again.triples == 0
        assert again.unchanged == first.documents == len(list(DEMO.glob("*.txt")))
        assert [p.path for p in again.problems] == [str(folder / "empty.txt")]
        assert seconds < first.seconds / 3, (seconds, first.seconds)

        # One changed file is the only one written again, and replaces its earlier version.
        changed = sorted(folder.glob("*.txt"))[1]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\n扬州市深化“一网通办”改革。", encoding="utf-8"
        )
        third = build([folder], store, workers=1)
        assert third.documents == 1 and third.unchanged == first.documents - 1
        after = store.graph_iris()
        assert len(after) == len(graphs) and document_graph(third.loaded[0]).value in set(after) - set(graphs)


def _session_processes(session: int) -> list[int]:
    """Return the ids of live processes in process group ``session`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if fields[0] != "Z" and int(fields[2]) == session:  # state, ppid, pgrp
            found.append(int(stat.parent.name))
    return found


def _written(store_dir: Path) -> int:
    """Return how many document graphs a store being built holds so far (0 before it exists)."""
    try:
        view = Store.open_read_only(store_dir)
    except Exception:  # not created yet, or between two writes
        return 0
    try:
        return sum("/graph/document/" in g for g in view.graph_iris())
    finally:
        view.close()


def test_a_build_stopped_with_sigterm_stops_its_workers_and_keeps_whole_graphs(tmp_path: Path) -> None:
    """`kill PID` on a build: its extraction workers go with it, and what it wrote is whole."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3000):
        (corpus / f"{i:04d}.txt").write_text(DOC.replace("8210", str(8000 + i)), encoding="utf-8")
    data = tmp_path / "data"
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "build", str(corpus)],
        env={**os.environ, "CITYKG_DATA": str(data)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while (
            len(_session_processes(proc.pid)) < 3 and time.monotonic() < deadline
        ):  # the build and its workers
            time.sleep(0.2)
        assert len(_session_processes(proc.pid)) >= 3, "the build started no worker processes"
        writing = time.monotonic() + 30  # until its first documents show in the store, if they do by then
        while not _written(data / "oxigraph") and time.monotonic() < writing:
            time.sleep(0.5)
        assert proc.poll() is None, "the build finished before it could be stopped; give it more documents"
        proc.send_signal(signal.SIGTERM)  # to the build alone, as `kill PID` does
        _, stderr = proc.communicate(timeout=60)
        said = stderr.decode()
        assert proc.returncode == 128 + signal.SIGTERM
        assert "stopped by SIGTERM" in said
        assert "still not stopped" not in said, said  # it closed its stores itself, between documents
        deadline = time.monotonic() + 20
        while _session_processes(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _session_processes(proc.pid), "worker processes outlived the build"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
    with Store.open(data / "oxigraph") as store:
        documents = [g for g in store.graph_iris() if "/graph/document/" in g]
        assert len(documents) < 3000
        rows = store.select(
            "PREFIX ck: <https://w3id.org/citykg/ontology#> "
            "SELECT ?g WHERE { GRAPH ?g { ?o ck:value ?v . ?d a ck:Document } }"
        )
        whole = {r["g"] for r in rows} & set(documents)
        assert whole == set(documents)  # each graph whole: its document node and its figure are there


def test_a_command_that_does_not_reach_a_safe_point_is_ended_within_the_grace_period(tmp_path: Path) -> None:
    """`kill PID` ends citykg even when it is stuck: it says where each thread waited, and its workers go too."""
    script = tmp_path / "stuck.py"
    script.write_text(
        "import multiprocessing, time\n"
        "from app import stopping\n"
        "stopping.GRACE_S = 1.0\n"
        "def wait_forever():\n"
        "    time.sleep(600)\n"
        "if __name__ == '__main__':\n"
        "    stopping.install()\n"
        "    worker = multiprocessing.get_context('forkserver').Process(target=time.sleep, args=(600,))\n"
        "    worker.start()\n"
        "    print(worker.pid, flush=True)\n"
        "    with stopping.deferred():\n"
        "        while True:\n"
        "            wait_forever()  # never reaches a checkpoint\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None
        worker = int(proc.stdout.readline())
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=30)
        took = time.monotonic() - sent
        said = stderr.decode()
        assert proc.returncode == 128 + signal.SIGTERM
        assert 1.0 <= took < 20, took
        assert "still not stopped 1 s after SIGTERM" in said
        assert "wait_forever" in said  # the stack of the thread it waited in
        deadline = time.monotonic() + 10
        while Path(f"/proc/{worker}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (
            not Path(f"/proc/{worker}").exists()
            or "Z" in Path(f"/proc/{worker}/stat").read_text().split(")")[1][:3]
        )
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def test_a_rebuild_keeps_the_graphs_of_documents_read_by_this_extractor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 12: a rebuild of an unchanged folder extracted every document again. It now copies the
    # graph of each document whose text, file and extractor are unchanged, and reads the rest.
    from graphstore import build as building
    from loaders import rdf

    folder = tmp_path / "docs"
    folder.mkdir()
    for source in sorted(DEMO.glob("*.txt")):
        (folder / source.name).write_text(read_document(source).text, encoding="utf-8")
    count = len(list(folder.glob("*.txt")))
    with Store.open(tmp_path / "ox", workers=0) as store:
        first = build([folder], store, rebuild=True, workers=1)
        fresh = _quads(store)
        again = build([folder], store, rebuild=True, workers=1)
        assert (first.reused, again.reused, again.documents) == (0, count, count)
        assert _quads(store) == fresh, "a kept graph is not the graph extraction writes"
        assert again.facts == first.facts and again.triples == first.triples

        # A changed file and a renamed one are read again; the changed file's old graph is gone.
        changed, renamed = sorted(folder.glob("*.txt"))[:2]
        old_graph = document_graph(read_document(changed).id).value
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\n扬州市深化“一网通办”改革。", encoding="utf-8"
        )
        renamed.rename(folder / ("renamed_" + renamed.name))
        third = build([folder], store, rebuild=True, workers=1)
        assert (third.documents, third.reused) == (count, count - 2)
        assert old_graph not in store.graph_iris()
        assert "renamed_" + renamed.name in _documents(store) and renamed.name not in _documents(store)

        # Another extractor version (its code or lexicons changed) reads every document again.
        for module in (rdf, building):
            monkeypatch.setattr(module, "extractor_version", lambda: "another-version")
        fourth = build([folder], store, rebuild=True, workers=1)
        assert (fourth.documents, fourth.reused) == (count, 0)
        assert build([folder], store, rebuild=True, workers=1).reused == count
        assert build([folder], store, rebuild=True, reuse=False, workers=1).reused == 0
