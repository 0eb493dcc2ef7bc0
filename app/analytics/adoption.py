"""Adoption events (one row per place and programme, with its first evidence) and diffusion curves."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from app.analytics.projection import Fact, Projection
from app.analytics.state import View

__all__ = [
    "ADOPTION_COLUMNS",
    "UnknownFilter",
    "adoption_events",
    "dated",
    "diffusion_curve",
    "filter_events",
    "first_evidence",
]

# The documented columns of GET /adoption?format=csv and `citykg export --format adoption-csv`, in order.
ADOPTION_COLUMNS = (
    "place_code",
    "place_name",
    "level",
    "province_code",
    "province_name",
    "programme_slug",
    "programme_label",
    "year",
    "date",
    "date_source",
    "document_id",
    "document_name",
    "evidence_url",
    "sentence",
    "quote",
    "documents",
)


class UnknownFilter(LookupError):
    """A filter names no programme, province or level that the graph knows."""


def dated(projection: Projection, fact: Fact) -> tuple[int | None, str | None, str]:
    """Return (year, date, source) of a piece of evidence: the publication date, else a year it states."""
    date = projection.dates.get(fact.document)
    if date and date[:4].isdigit():
        return int(date[:4]), date, "published"
    year = fact.stated_year
    if year is not None:
        return year, None, "stated"
    return None, None, "unknown"


def first_evidence(
    projection: Projection, evidence: list[Fact]
) -> tuple[Fact, tuple[int | None, str | None, str]]:
    """Return the earliest dated piece of evidence and its date (the first in document order when none is dated).

    Within a year, a publication date comes before a year the sentence states, then the earlier date.
    """
    ranked = [(dated(projection, f), i, f) for i, f in enumerate(evidence)]
    (year, date, source), _, first = min(
        ranked, key=lambda r: (r[0][0] is None, r[0][0] or 0, r[0][2] != "published", r[0][1] or "", r[1])
    )
    return first, (year, date, source)


def _place_events(v: View, code: str) -> list[dict[str, Any]]:
    p, index = v.projection, v.index
    d = index.divisions.get(code)
    if d is None:
        return []
    province: dict[str, str | None] = {"code": None, "name": None}
    province.update(index.place_ref(index.province_of(code)) or {})
    rows = []
    for slug in p.programmes_of(code):
        evidence = p.evidence(code, slug)
        if not evidence:
            continue
        fact, (year, date, source) = first_evidence(p, evidence)
        rows.append(
            {
                "place_code": code,
                "place_name": d.name,
                "level": d.level,
                "province_code": province["code"],
                "province_name": province["name"],
                "programme_slug": slug,
                "programme_label": index.programme_ref(slug)["label"],
                "year": year,
                "date": date,
                "date_source": source,
                "document_id": fact.document,
                "document_name": index.document_ref(fact.document)["name"],
                "evidence_url": f"/documents/{fact.document}",
                "sentence": fact.sentence,
                "quote": fact.quote,
                "documents": len({f.document for f in evidence}),
            }
        )
    return rows


def _events_by_place(v: View) -> dict[str, list[dict[str, Any]]]:
    """Return each place's adoption events, recomputing only the places changed since the last call."""
    p = v.projection
    cached = p.derived.get("events_by_place")
    changed = p.changed_places(cached[0]) if cached is not None else None
    if cached is not None and changed is not None:
        by_place = {c: rows for c, rows in cached[1].items() if c not in changed}
        by_place.update({c: _place_events(v, c) for c in changed if c in p.portfolios})
    else:
        by_place = {c: _place_events(v, c) for c in p.portfolios}
    p.derived["events_by_place"] = (p.revision, by_place)
    return by_place


def _events(v: View) -> list[dict[str, Any]]:
    rows = [row for rows in _events_by_place(v).values() for row in rows]
    rows.sort(key=lambda r: (r["programme_slug"], r["year"] is None, r["year"] or 0, r["place_code"]))
    return rows


def adoption_events(v: View) -> list[dict[str, Any]]:
    """Return every adoption event (columns `ADOPTION_COLUMNS`), by programme, year (unknown last), place."""
    return v.derived("adoption_events", _events)


def filter_events(
    v: View,
    *,
    programme: str | None = None,
    province: str | None = None,
    level: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[dict[str, Any]]:
    """Return the adoption events that match every filter given; an undated event matches no year filter.

    ``programme`` is a slug or a Chinese label, ``province`` a code or name. Raises
    `UnknownFilter` for a programme or province the graph does not know.
    """
    rows = adoption_events(v)
    index = v.index
    if programme:
        slugs = {s for s, p in index.programmes.items() if programme in (s, p.label, *p.aliases)}
        if not slugs:
            raise UnknownFilter(f"no programme has the slug or name {programme!r} (e.g. yi-wang-tong-ban)")
        rows = [r for r in rows if r["programme_slug"] in slugs]
    if province:
        codes = {
            c
            for c, d in index.divisions.items()
            if d.level == "province" and province in (c, d.name, d.short)
        }
        if not codes:
            raise UnknownFilter(f"no province has the code or name {province!r} (e.g. 320000 or 江苏省)")
        rows = [r for r in rows if r["province_code"] in codes]
    if level:
        rows = [r for r in rows if r["level"] == level]
    if year_from is not None:
        rows = [r for r in rows if r["year"] is not None and r["year"] >= year_from]
    if year_to is not None:
        rows = [r for r in rows if r["year"] is not None and r["year"] <= year_to]
    return rows


def diffusion_curve(v: View, slug: str) -> dict[str, Any]:
    """Return a programme's cumulative adopters by year (every year from the first to the last).

    Places whose first evidence has no date are counted in ``undated``, not on the curve.
    """
    rows = [r for r in adoption_events(v) if r["programme_slug"] == slug]
    by_year: dict[int, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        if r["year"] is not None:
            by_year[r["year"]].append({"code": r["place_code"], "name": r["place_name"]})
    curve, total = [], 0
    if by_year:
        for year in range(min(by_year), max(by_year) + 1):
            total += len(by_year.get(year, []))
            curve.append(
                {
                    "year": year,
                    "new": len(by_year.get(year, [])),
                    "cumulative": total,
                    "places": by_year.get(year, []),
                }
            )
    sources = Counter(r["date_source"] for r in rows)
    return {
        "programme": v.index.programme_ref(slug),
        "adopters": len(rows),
        "dated": total,
        "undated": len(rows) - total,
        "date_sources": dict(sorted(sources.items())),
        "curve": curve,
    }
