"""``citykg export --format neo4j-import``: files that neo4j-admin imports into the graph the mirror writes."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pandas as pd
import pytest
from neo4j_server import Neo4jServer, admin_import
from test_neo4j import _fingerprint
from typer.testing import CliRunner

from app.cli import cli
from app.neo4j_import import export_neo4j_import, import_command
from app.versions import current_version
from graphstore.build import build
from graphstore.graphsink import Neo4jSink
from graphstore.mirror import resync
from graphstore.store import Store

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[1]


def test_neo4j_admin_imports_the_files_into_the_graph_the_mirror_writes(
    tmp_path: Path, seed_store: Store, neo4j_sink: Neo4jSink
) -> None:
    files = tmp_path / "import"
    manifest = export_neo4j_import(seed_store, files)
    output = admin_import(tmp_path / "neo4j", import_command(manifest), cwd=files)
    assert f"{manifest['nodes']} nodes" in output and f"{manifest['relationships']} relationships" in output
    resync(seed_store, neo4j_sink)
    mirrored = _fingerprint(neo4j_sink)
    with Neo4jServer(tmp_path / "neo4j") as server, Neo4jSink(server.uri) as imported:
        assert imported.counts() == (manifest["nodes"], manifest["relationships"])
        nodes, rels = _fingerprint(imported)
        assert [n for n in nodes if n not in set(mirrored[0])][:3] == []
        assert [r for r in rels if r not in set(mirrored[1])][:3] == []
        assert (nodes, rels) == mirrored
        with neo4j.GraphDatabase.driver(server.uri) as driver:
            records, _, _ = driver.execute_query(
                "MATCH (p:Place {code: '321000'})-[r:RUNS_PROGRAMME]->(g:Programme) RETURN g.label, r.quote"
            )
    assert records and all(quote for _, quote in records)
    assert manifest["graph_version"] == current_version(seed_store)


def test_each_file_has_the_importer_header_and_the_row_count_the_manifest_gives(
    tmp_path: Path, seed_store: Store
) -> None:
    manifest = export_neo4j_import(seed_store, tmp_path)
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8")) == manifest
    for name, entry in manifest["files"].items():
        frame = pd.read_csv(tmp_path / name, dtype=str, keep_default_na=False)
        assert len(frame) == entry["rows"] > 0
        if entry["kind"] == "nodes":
            assert list(frame.columns[:2]) == ["uri:ID", ":LABEL"]
            assert set(frame[":LABEL"]) == {"|".join(entry["labels"])}
        else:
            assert list(frame.columns[:3]) == [":START_ID", ":END_ID", ":TYPE"]
            assert set(frame[":TYPE"]) == {entry["type"]}
        typed = [
            c.split(":")[1] for c in frame.columns if ":" in c and not c.startswith(":") and c != "uri:ID"
        ]
        assert set(typed) <= {"string", "long", "double", "boolean", "string[]"}, name


def test_the_cli_writes_the_import_folder_and_refuses_stdout(tmp_path: Path) -> None:
    env = {"CITYKG_DATA": str(tmp_path / "data"), "CITYKG_FALKORDB": "false"}
    with Store.open(tmp_path / "data" / "oxigraph", workers=0) as store:
        build([ROOT / "demo" / "corpus" / "01_suzhou.txt"], store)
    refused = CliRunner().invoke(cli, ["export", "--format", "neo4j-import"], env=env)
    assert refused.exit_code == 2 and "-o DIR" in refused.output
    result = CliRunner().invoke(
        cli, ["export", "--format", "neo4j-import", "-o", str(tmp_path / "out")], env=env
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads(result.stdout)
    assert manifest["command"].startswith("neo4j-admin database import full neo4j --nodes=")
    assert (tmp_path / "out" / "nodes_Place.csv").exists() and manifest["relationships"] > 0
