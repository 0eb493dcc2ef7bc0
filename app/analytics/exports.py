"""Take-away tables: the adoption events and one CSV per fact kind, with a manifest naming the graph version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.analytics.adoption import ADOPTION_COLUMNS, adoption_events, dated
from app.analytics.state import View
from app.analytics.tables import write_csv
from app.neighbourhood import node_label, node_type
from app.versions import content_hash

__all__ = ["FACT_COLUMNS", "FACT_TABLES", "export_tables", "fact_rows", "graph_version"]

# Fact kind (the ontology's predicate) → table name.
FACT_TABLES = {
    "runsProgramme": "runs_programme",
    "locatedIn": "located_in",
    "citesPolicy": "cites_policy",
    "subjectPlace": "subject_place",
}
FACT_COLUMNS = (
    "subject",
    "subject_label",
    "subject_type",
    "predicate",
    "object",
    "object_label",
    "object_type",
    "document_id",
    "document_name",
    "year",
    "date_source",
    "sentence",
    "quote",
    "evidence_url",
)


def graph_version(v: View) -> str:
    """Return a stamp of the graph's content: the SHA-256 (16 hex digits) of its sorted document ids.

    Document ids are hashes of the documents' cleaned text, so the same documents give the
    same stamp on any machine, and any added, changed or removed document changes it.
    """
    return v.derived("graph_version", _version)


def _version(v: View) -> str:
    return content_hash(v.projection.facts)


def fact_rows(v: View, predicate: str) -> list[dict[str, Any]]:
    """Return every piece of evidence for ``predicate`` (columns `FACT_COLUMNS`), by document and position."""
    p, index = v.projection, v.index
    rows = []
    for doc in sorted(p.facts):
        for f in sorted(p.facts[doc], key=lambda f: (f.mention_start, f.subject, f.object)):
            if f.predicate != predicate:
                continue
            year, _, source = dated(p, f)
            rows.append(
                {
                    "subject": f.subject,
                    "subject_label": node_label(index, f.subject),
                    "subject_type": node_type(f.subject),
                    "predicate": f.predicate,
                    "object": f.object,
                    "object_label": node_label(index, f.object),
                    "object_type": node_type(f.object),
                    "document_id": doc,
                    "document_name": index.document_ref(doc)["name"],
                    "year": year,
                    "date_source": source,
                    "sentence": f.sentence,
                    "quote": f.quote,
                    "evidence_url": f"/documents/{doc}",
                }
            )
    return rows


def export_tables(v: View, folder: Path) -> dict[str, Any]:
    """Write adoption.csv, one CSV per fact kind and manifest.json into ``folder``; return the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, Any] = {}
    with (folder / "adoption.csv").open("w", encoding="utf-8", newline="") as out:
        count = write_csv(adoption_events(v), ADOPTION_COLUMNS, out)
    tables["adoption.csv"] = {"rows": count, "columns": list(ADOPTION_COLUMNS)}
    for predicate, name in FACT_TABLES.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as out:
            count = write_csv(fact_rows(v, predicate), FACT_COLUMNS, out)
        tables[f"{name}.csv"] = {"rows": count, "columns": list(FACT_COLUMNS), "predicate": predicate}
    manifest = {
        "graph_version": graph_version(v),
        "documents": len(v.projection.facts),
        "tables": tables,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return manifest
