"""Programmes run together: co-adoption with lift over chance, and programmes by spread and centrality."""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx

from app.analytics.adoption import adoption_events
from app.analytics.state import View

__all__ = ["SpreadOrder", "UnknownProgramme", "co_adopted", "lift", "programme_spread"]

SpreadOrder = Literal["places", "provinces", "centrality"]


class UnknownProgramme(LookupError):
    """No programme has this slug."""


def lift(both: int, a: int, b: int, total: int) -> float:
    """Return how many times more often two programmes are run together than if adopted independently.

    >>> lift(2, 4, 4, 8)  # 2 places run both where chance expects 4·4/8 = 2
    1.0
    >>> lift(3, 3, 3, 9)
    3.0
    """
    return both * total / (a * b) if a and b else 0.0


def co_adopted(v: View, slug: str, *, limit: int = 20) -> dict[str, Any]:
    """Return the programmes most often run by the places that run ``slug``: count, lift, and the places.

    Ranked by the number of places running both, then by lift. Raises `UnknownProgramme`.
    """
    p, index = v.projection, v.index
    if slug not in index.programmes and slug not in p.co_adoption:
        raise UnknownProgramme(
            f"no programme has the slug {slug!r} (pinyin of its name, e.g. yi-wang-tong-ban)"
        )
    total = len(p.portfolios)
    mine = p.adopters(slug)
    rows = []
    for other, edge in p.co_adoption.adj.get(slug, {}).items():
        both = edge["weight"]
        rows.append(
            {
                "programme": index.programme_ref(other),
                "places": both,
                "lift": round(lift(both, len(mine), p.adopter_count(other), total), 4),
                "share": round(both / len(mine), 4) if mine else 0.0,
            }
        )
    rows.sort(key=lambda r: (-r["places"], -r["lift"], r["programme"]["slug"]))
    # The places running both only for the rows shown: the most adopted programme of 10,000 documents
    # is run with 700 others by up to 333 places each (0.6 s to list them all, 2 ms for a page).
    shown = [
        {**r, "co_places": [index.place_ref(c) for c in sorted(mine & p.adopters(r["programme"]["slug"]))]}
        for r in rows[:limit]
    ]
    return {
        "programme": index.programme_ref(slug),
        "adopters": len(mine),
        "places_with_programmes": total,
        "data": shown,
        "count": len(rows),
    }


def _centrality(v: View) -> dict[str, float]:
    graph = v.projection.co_adoption
    if graph.number_of_edges() == 0:
        return dict.fromkeys(graph, 0.0)
    try:
        return dict(nx.eigenvector_centrality(graph, weight="weight", max_iter=500, tol=1e-8))
    except nx.PowerIterationFailedConvergence:  # a graph of disconnected pieces can oscillate
        return dict(nx.degree_centrality(graph))


def _spread(v: View) -> list[dict[str, Any]]:
    index, p = v.index, v.projection
    centrality = v.derived("centrality", _centrality)
    first: dict[str, int] = {}
    for r in adoption_events(v):
        if r["year"] is not None:
            first[r["programme_slug"]] = min(first.get(r["programme_slug"], r["year"]), r["year"])
    rows = []
    for slug in sorted(n[1] for n in p.adoption if n[0] == "programme"):
        places = p.adopters(slug)
        rows.append(
            {
                "programme": index.programme_ref(slug),
                "places": len(places),
                "provinces": len({index.province_of(c) for c in places} - {None}),
                "first_year": first.get(slug),
                "centrality": round(centrality.get(slug, 0.0), 4),
                "co_adopted": p.co_adoption.degree(slug) if slug in p.co_adoption else 0,
            }
        )
    return rows


def programme_spread(v: View, *, order: SpreadOrder = "places") -> list[dict[str, Any]]:
    """Return every programme run somewhere with its spread (places, provinces, first year) and centrality.

    Centrality is the eigenvector centrality of the co-adoption graph (edge weight: places
    running both): high for programmes run alongside many widely run programmes.
    """
    rows = v.derived("spread", _spread)
    return sorted(rows, key=lambda r: (-r[order], -r["places"], r["programme"]["slug"]))
