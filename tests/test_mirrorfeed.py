"""The mirror fed by the build from the quads in hand is the mirror read back from the store (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_neo4j import _fingerprint

from graphstore.build import build
from graphstore.falkor import FalkorServer
from graphstore.graphsink import FalkorSink, GraphSink, Neo4jSink
from graphstore.mirror import resync
from graphstore.store import Store


def _fed_and_read_back(sink: GraphSink, seeds_dir: Path, *, rebuild: bool) -> tuple[object, object]:
    """Return the fingerprints of the seeds mirrored by the build, then read back by a full resync."""
    sink.clear()
    with Store.open(None) as store:
        report = build([seeds_dir], store, mirror=sink, rebuild=rebuild)
        assert report.mirror is not None and report.mirror["documents_written"] == 5
        fed = _fingerprint(sink)  # type: ignore[arg-type]
        resync(store, sink, full=True)
    return fed, _fingerprint(sink)  # type: ignore[arg-type]


def test_the_mirror_a_build_feeds_is_the_one_read_back_from_the_store(
    falkor_server: FalkorServer, seeds_dir: Path
) -> None:
    sink = FalkorSink(falkor_server, graph="fed")
    for rebuild in (False, True):
        fed, read_back = _fed_and_read_back(sink, seeds_dir, rebuild=rebuild)
        assert fed == read_back and len(fed[0]) > 100 and len(fed[1]) > 100
    sink.clear()
    sink.close()


def test_a_build_touches_only_the_mirror_rows_of_what_changed(
    falkor_server: FalkorServer, seeds_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir, folder)
    sink = FalkorSink(falkor_server, graph="rerun")
    sink.clear()
    with Store.open(None) as store:
        build([folder], store, mirror=sink)
        nodes, rels = sink.counts()

        again = build([folder], store, mirror=sink)
        assert again.mirror is not None
        assert again.mirror["rows"] == 0 and again.mirror["counters"] == {}
        assert sink.counts() == (nodes, rels)

        changed = sorted(folder.glob("*.txt"))[0]
        changed.write_text(
            changed.read_text(encoding="utf-8") + "\n扬州市深化“一网通办”改革。", encoding="utf-8"
        )
        third = build([folder], store, mirror=sink)
        assert third.mirror is not None
        assert third.mirror["documents_written"] == 1 and third.mirror["documents_removed"] == 1
        fed = _fingerprint(sink)  # type: ignore[arg-type]
        resync(store, sink, full=True)
        assert fed == _fingerprint(sink)  # type: ignore[arg-type]
    sink.clear()
    sink.close()


@pytest.mark.neo4j
@pytest.mark.shared
def test_the_mirror_a_build_feeds_is_the_one_read_back_on_neo4j_too(
    neo4j_sink: Neo4jSink, seeds_dir: Path
) -> None:
    try:
        for rebuild in (False, True):
            fed, read_back = _fed_and_read_back(neo4j_sink, seeds_dir, rebuild=rebuild)
            assert fed == read_back
    finally:
        neo4j_sink.clear()
