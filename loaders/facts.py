"""Extraction → the facts JSON of ../shared/eval/SCHEMA.md (what `citykg extract --format json` prints)."""

from __future__ import annotations

from typing import Any

from loaders.gazetteer import load_gazetteer
from loaders.records import Division, Extraction


def facts_view(extraction: Extraction, *, include_evidence: bool = True) -> dict[str, Any]:
    """Return one document's facts in the SCHEMA.md shape."""

    def ev(text: str) -> dict[str, str]:
        return {"evidence": text} if include_evidence else {}

    def aliases(values: tuple[str, ...]) -> dict[str, list[str]]:
        return {"aliases": list(values)} if values else {}

    return {
        "doc": extraction.document.name,
        "id": extraction.document.id,
        "title": extraction.document.title,
        "date": extraction.document.date,
        "subject_places": [d.name for d in extraction.subject_places],
        "places": [
            {"name": p.place.name, "level": p.place.level, "parent": _parent_name(p.place)}
            for p in extraction.places
        ],
        "programmes": [
            {
                "place": p.place.name,
                "name": p.name,
                **({"concept": p.concept} if p.concept else {}),
                **ev(p.evidence.sentence),
                **aliases(p.aliases),
            }
            for p in extraction.programmes
        ],
        "agencies": [
            {"place": a.place.name, "name": a.name, **ev(a.evidence.sentence), **aliases(a.aliases)}
            for a in extraction.agencies
        ],
        "projects": [
            {
                "place": p.place.name,
                "name": p.name,
                "kind": p.kind,
                **ev(p.evidence.sentence),
                **aliases(p.aliases),
            }
            for p in extraction.projects
        ],
        "metrics": [
            {
                "place": m.place.name,
                "indicator": m.indicator,
                "value": int(m.value) if float(m.value).is_integer() else m.value,
                "unit": m.unit,
                "year": m.year,
                "qualifier": m.qualifier,
                **ev(m.evidence.surface if not include_evidence else m.evidence.sentence),
            }
            for m in extraction.metrics
        ],
        "policies": [
            {"title": p.title, "issuer": p.issuer, **ev(p.evidence.sentence), **aliases(p.aliases)}
            for p in extraction.policies
        ],
    }


def _parent_name(division: Division) -> str | None:
    parent = load_gazetteer().parent(division)
    return parent.name if parent else None
