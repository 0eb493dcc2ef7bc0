"""The command line as a user types it: outputs that parse, exit codes that mean something."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from app.cli import cli

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


@pytest.fixture(scope="module")
def data_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {"CITYKG_DATA": str(tmp_path_factory.mktemp("cli") / "data")}
    result = CliRunner().invoke(cli, ["build", str(DEMO)], env=env)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"] >= 6 and report["facts"]["programmes"] > 10
    return env


def test_extract_prints_schema_facts_for_one_document() -> None:
    result = CliRunner().invoke(cli, ["extract", str(DEMO / "01_suzhou.txt"), "--format", "json"])
    facts = json.loads(result.stdout)
    assert facts["subject_places"] == ["苏州市"]
    assert {"places", "programmes", "agencies", "projects", "metrics", "policies"} <= facts.keys()
    assert any(p["name"] == "一网通办" for p in facts["programmes"])


def test_extract_ttl_is_trig_with_one_graph_per_document() -> None:
    result = CliRunner().invoke(
        cli, ["extract", str(DEMO / "01_suzhou.txt"), str(DEMO / "03_chengdu.txt"), "--format", "ttl"]
    )
    dataset = Dataset().parse(data=result.stdout, format="trig")
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert sum("/graph/document/" in g for g in graphs) == 2


def test_query_answers_as_table_json_and_csv(data_env: dict[str, str]) -> None:
    query = (
        "PREFIX ck: <https://w3id.org/citykg/ontology#> SELECT (COUNT(?d) AS ?n) WHERE { ?d a ck:Document }"
    )
    as_json = CliRunner().invoke(cli, ["query", query, "--format", "json"], env=data_env)
    n = int(json.loads(as_json.stdout)["results"]["bindings"][0]["n"]["value"])
    assert n >= 6
    as_csv = CliRunner().invoke(cli, ["query", query, "--format", "csv"], env=data_env)
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[1] == [str(n)]
    as_table = CliRunner().invoke(cli, ["query", query], env=data_env)
    assert str(n) in as_table.stdout


def test_a_canned_query_file_runs_with_its_default_parameters(data_env: dict[str, str]) -> None:
    path = Path(__file__).resolve().parents[1] / "queries" / "most_cited_policies.rq"
    result = CliRunner().invoke(cli, ["query", "-f", str(path), "--format", "csv"], env=data_env)
    assert result.exit_code == 0
    assert "数字中国建设整体布局规划" in result.stdout


def test_a_malformed_query_fails_with_the_parse_error_and_exit_2(data_env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["query", "SELECT WHERE {"], env=data_env)
    assert result.exit_code == 2 and "query failed" in result.stderr


def test_an_update_is_refused_by_query(data_env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["query", "DROP ALL"], env=data_env)
    assert result.exit_code == 2
    stats = json.loads(CliRunner().invoke(cli, ["stats"], env=data_env).stdout)
    assert stats["documents"] >= 6


def test_stats_counts_what_was_built(data_env: dict[str, str]) -> None:
    stats = json.loads(CliRunner().invoke(cli, ["stats"], env=data_env).stdout)
    assert stats["documents"] >= 6 and stats["programmes"] >= 10 and stats["facts"] > 100


@pytest.mark.parametrize(("fmt", "rdf_format"), [("nq", "nquads"), ("trig", "trig")])
def test_export_writes_every_named_graph(
    data_env: dict[str, str], tmp_path: Path, fmt: str, rdf_format: str
) -> None:
    out = tmp_path / f"all.{fmt}"
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out)], env=data_env)
    assert result.exit_code == 0
    dataset = Dataset().parse(out, format=rdf_format)
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert "https://w3id.org/citykg/graph/gazetteer" in names
    assert sum("/graph/document/" in n for n in names) >= 6


def test_removing_an_unknown_document_says_so_and_fails(data_env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["remove", "no-such-file.txt"], env=data_env)
    assert result.exit_code == 1 and "no-such-file.txt" in result.stderr


def test_every_command_help_ends_with_an_example() -> None:
    for command in ("build", "extract", "query", "stats", "export", "remove", "serve", "sync"):
        result = CliRunner().invoke(cli, [command, "--help"])
        assert "Example: citykg" in result.stdout, command


def test_a_command_on_a_folder_in_use_says_so_in_one_line_and_deletes_nothing(tmp_path, monkeypatch) -> None:
    # Issue 8, finding 3: `citykg stats` on a served folder deleted the server's snapshots first.
    from graphstore.store import Store

    data = tmp_path / "data"
    monkeypatch.setenv("CITYKG_DATA_DIR", str(data))
    data.mkdir()
    with Store.open(data / "oxigraph", workers=0) as store:
        store.replace_graph(
            "https://w3id.org/citykg/graph/document/x",
            [
                pyoxigraph.Triple(
                    pyoxigraph.NamedNode("https://x/a"),
                    pyoxigraph.NamedNode("https://x/b"),
                    pyoxigraph.Literal("c"),
                )
            ],
        )
        snapshots = data / "oxigraph.snapshots"
        (snapshots / "1").mkdir(parents=True)
        for command in (["build", str(DEMO)], ["remove", "x.txt"], ["sync"]):
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 1, result.output
            lines = result.stderr.strip().splitlines()
            assert len(lines) <= 3 and "is in use by process" in result.stderr, result.stderr
            assert "Traceback" not in result.output + result.stderr
        # Commands that only read work on a read-only view of what the owner last wrote.
        for command in (
            ["stats"],
            ["query", "SELECT ?o WHERE { ?s <https://x/b> ?o }", "--format", "csv"],
            ["export", "--format", "nq"],
        ):
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 0, result.output + result.stderr
            assert "read-only view" in result.stderr and "Traceback" not in result.stderr
            if command[0] != "stats":
                assert '"c"' in result.stdout or "\nc" in result.stdout, result.stdout
        assert (snapshots / "1").is_dir()
        # The owner still writes after the views closed.
        assert store.remove_graph("https://w3id.org/citykg/graph/document/x") == 1
    assert CliRunner().invoke(cli, ["stats"]).exit_code == 0
