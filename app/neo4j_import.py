"""Files for ``neo4j-admin database import full``: the property-graph projection (graphstore.mirror) as CSV.

The same nodes and relationships the FalkorDB/Neo4j mirror writes (one node per IRI with
``uri``, labels from ``rdf:type``, evidence as relationship properties), as node files per
label set and relationship files per type with the header the importer reads
(``uri:ID``, ``:LABEL``, ``name:type``, ``:START_ID``, ``:END_ID``, ``:TYPE``). ``manifest.json``
names the graph version, every file with its row count, and the command that imports them.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from app.versions import current_version
from graphstore.mirror import BUILD_GRAPH, VOCABULARY_GRAPHS, graph_projection
from graphstore.stores import RdfStore
from loaders.rdf import doc_id_of_graph

__all__ = ["ARRAY_DELIMITER", "export_neo4j_import", "import_command", "property_type"]

# Between array items and labels; Chinese names and titles (the list properties) use ; and , but not |.
ARRAY_DELIMITER = "|"


def property_type(values: Iterable[Any]) -> str:
    """Return the importer's type for a column holding ``values`` (None values ignored).

    >>> property_type([1, 2]), property_type([1, 2.5]), property_type([True]), property_type(["a", 1])
    ('long', 'double', 'boolean', 'string')
    >>> property_type([["a"], ["b", "c"]])
    'string[]'
    """
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {list}:
        return "string[]"
    if kinds == {bool}:
        return "boolean"
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _write(path: Path, fixed: list[str], rows: list[dict[str, Any]]) -> int:
    """Write rows with the ``fixed`` header columns first, then one typed column per property."""
    names = sorted({k for r in rows for k in r} - set(fixed))
    header = fixed + [f"{n}:{property_type(r.get(n) for r in rows)}" for n in names]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in fixed] + [_cell(row.get(n)) for n in names])
    return len(rows)


def _projections(store: RdfStore) -> Iterable[Any]:
    documents = sorted(g for g in store.graph_iris() if doc_id_of_graph(g))
    for graph in (*VOCABULARY_GRAPHS, BUILD_GRAPH, *documents):
        yield graph_projection(store, graph)


def _nodes_and_rels(
    store: RdfStore,
) -> tuple[dict[tuple[str, ...], list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Return node rows grouped by label set and relationship rows by type, merged as the mirror merges."""
    labels: dict[str, set[str]] = defaultdict(set)
    props: dict[str, dict[str, Any]] = defaultdict(dict)
    graphs: dict[str, list[str]] = defaultdict(list)
    rels: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    for projection in _projections(store):
        for node in projection.nodes:
            labels[node.uri].update(node.labels)
            props[node.uri].update(node.props)  # SET n += row.props: the later graph wins
            if projection.graph not in graphs[node.uri]:
                graphs[node.uri].append(projection.graph)
        for uri in projection.endpoints:
            props[uri]  # noqa: B018 -- an endpoint is a node even when no graph describes it
        for rel in projection.rels:
            key = (rel.type, rel.start, rel.end, projection.graph, rel.evidence or "")
            row = rels.setdefault(key, {":START_ID": rel.start, ":END_ID": rel.end, ":TYPE": rel.type})
            row.update({**rel.props, "graph": projection.graph})
            if rel.evidence:
                row["evidence"] = rel.evidence
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for uri in sorted(props):
        node_labels = ("Resource", *sorted(labels[uri]))
        row = {
            "uri:ID": uri,
            ":LABEL": ARRAY_DELIMITER.join(node_labels),
            **props[uri],
            "graphs": graphs[uri],
        }
        by_labels[node_labels].append(row)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for key in sorted(rels):
        by_type[key[0]].append(rels[key])
    return by_labels, by_type


def import_command(manifest: Mapping[str, Any], *, database: str = "neo4j") -> list[str]:
    """Return the ``neo4j-admin`` arguments that import the files a manifest lists (paths relative to it)."""
    files = manifest["files"]
    return [
        "database",
        "import",
        "full",
        database,
        *[f"--nodes={name}" for name, f in files.items() if f["kind"] == "nodes"],
        *[f"--relationships={name}" for name, f in files.items() if f["kind"] == "relationships"],
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--multiline-fields=true",
    ]


def export_neo4j_import(store: RdfStore, folder: Path) -> dict[str, Any]:
    """Write node and relationship CSV files and manifest.json into ``folder``; return the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes, rels = _nodes_and_rels(store)
    files: dict[str, dict[str, Any]] = {}
    for node_labels, rows in sorted(nodes.items()):
        name = f"nodes_{'_'.join(node_labels[1:]) or 'Resource'}.csv"
        count = _write(folder / name, ["uri:ID", ":LABEL"], rows)
        files[name] = {"kind": "nodes", "labels": list(node_labels), "rows": count}
    for rel_type, rows in sorted(rels.items()):
        name = f"relationships_{rel_type}.csv"
        count = _write(folder / name, [":START_ID", ":END_ID", ":TYPE"], rows)
        files[name] = {"kind": "relationships", "type": rel_type, "rows": count}
    manifest: dict[str, Any] = {
        "graph_version": current_version(store),
        "nodes": sum(f["rows"] for f in files.values() if f["kind"] == "nodes"),
        "relationships": sum(f["rows"] for f in files.values() if f["kind"] == "relationships"),
        "files": files,
    }
    manifest["command"] = "neo4j-admin " + " ".join(import_command(manifest))
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return manifest
