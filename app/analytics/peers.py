"""Peers of a place, the programmes its peers run and it does not (gaps), and peer groups (communities).

The place similarity graph links each place to its most similar places by the exact part
of app.similarity's score (shared programmes, rarer ones weighing more), averaged both
ways; Louvain modularity communities over it are the peer groups.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Literal

import networkx as nx
import numpy as np

from app.analytics.adoption import first_evidence
from app.analytics.state import View
from app.similarity import Kinship, compare_programmes, idf_weights, rank_by_programmes

__all__ = ["PeerMode", "UnknownPlace", "community_of", "peer_groups", "programme_gaps", "similarity_graph"]

PeerMode = Literal["similar", "province", "level"]
NEIGHBOURS = (
    8  # edges kept per place in the similarity graph: enough to join peers, few enough to split groups
)
_BLOCK = 512
_SEED = 7  # Louvain is randomised; a fixed seed keeps communities (and their ids) the same between runs


class UnknownPlace(LookupError):
    """No administrative division has this code."""


def _kinship(v: View) -> Kinship:
    programmes = v.index.programmes
    return Kinship(
        broader={s: p.broader for s, p in programmes.items()},
        related={s: p.related for s, p in programmes.items()},
        excluded=frozenset(s for s, p in programmes.items() if p.top),
    )


def _weights(v: View) -> dict[str, float]:
    portfolios = v.projection.portfolios
    counts = Counter(s for slugs in portfolios.values() for s in slugs)
    return idf_weights(counts, len(portfolios))


def _peers(v: View, code: str, mode: PeerMode, limit: int) -> list[tuple[str, float]]:
    """Return (peer code, closeness in [0, 1]) for the place's peers, closest first."""
    portfolios, index = v.projection.portfolios, v.index
    kinship, weights = _kinship(v), v.derived("weights", _weights)
    if mode == "similar":
        ranked = rank_by_programmes(code, portfolios, kinship=kinship, weights=weights)
        return [(other, m.score) for other, m in ranked[:limit]]
    if mode == "province":
        mine = index.province_of(code)
        chosen = [c for c in portfolios if c != code and mine is not None and index.province_of(c) == mine]
    else:
        chosen = [
            c for c in portfolios if c != code and index.divisions[c].level == index.divisions[code].level
        ]
    mine_set = portfolios.get(code, frozenset())
    scored = [
        (c, compare_programmes(mine_set, portfolios[c], weights=weights, kinship=kinship).score)
        for c in chosen
    ]
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]


def programme_gaps(v: View, code: str, *, peers: PeerMode = "similar", k: int = 10) -> dict[str, Any]:
    """Return the programmes ``code``'s peers run and it does not, with the peers and their first evidence.

    A gap's score is the closeness of the peers running it over the closeness of all peers
    (1.0: every peer runs it); gaps are ranked by score, then by number of peers.
    Raises `UnknownPlace`.
    """
    p, index = v.projection, v.index
    if code not in index.divisions:
        raise UnknownPlace(f"no administrative division has the code {code!r} (GB/T 2260, e.g. 321000)")
    chosen = _peers(v, code, peers, k)
    mine = p.programmes_of(code)
    total = sum(close for _, close in chosen) or 1.0
    kinship = _kinship(v)
    gaps: dict[str, list[tuple[str, float]]] = {}
    for other, close in chosen:
        for slug in p.programmes_of(other) - mine:
            gaps.setdefault(slug, []).append((other, close))
    data: list[dict[str, Any]] = []
    for slug, runners in gaps.items():
        peer_rows = []
        for other, close in runners:
            fact, (year, _, source) = first_evidence(p, p.evidence(other, slug))
            peer_rows.append(
                {
                    "place": index.place_ref(other),
                    "closeness": round(close, 4),
                    "evidence": {
                        "document": index.document_ref(fact.document),
                        "sentence": fact.sentence,
                        "quote": fact.quote,
                        "year": year,
                        "date_source": source,
                    },
                }
            )
        data.append(
            {
                "programme": index.programme_ref(slug),
                "peers_running": len(runners),
                "score": round(sum(c for _, c in runners) / total, 4),
                "kin_of_mine": [
                    index.programme_ref(s) for s in sorted(mine) if kinship.relation(slug, s) is not None
                ],
                "peers": peer_rows,
            }
        )
    data.sort(key=lambda g: (-g["score"], -g["peers_running"], g["programme"]["slug"]))
    return {
        "place": index.place_ref(code),
        "peer_mode": peers,
        "peers": [{"place": index.place_ref(c), "closeness": round(s, 4)} for c, s in chosen],
        "data": data,
        "count": len(data),
    }


def _similarity_graph(v: View) -> nx.Graph:
    portfolios = v.projection.portfolios
    places = sorted(portfolios)
    slugs = sorted({s for ps in portfolios.values() for s in ps})
    graph = nx.Graph()
    graph.add_nodes_from(places)
    if len(places) < 2:
        return graph
    weights = v.derived("weights", _weights)
    column = {s: i for i, s in enumerate(slugs)}
    runs = np.zeros((len(places), len(slugs)))
    for row, code in enumerate(places):
        runs[row, [column[s] for s in portfolios[code]]] = 1.0
    weighted = runs * np.array([weights.get(s, math.log(2)) for s in slugs])
    own = np.maximum(weighted.sum(axis=1), 1e-12)  # W(A): Σ w(p) over A's programmes
    # Row blocks keep memory at BLOCK × places floats for a gazetteer-sized graph (3,500 places).
    for start in range(0, len(places), _BLOCK):
        shared = weighted[start : start + _BLOCK] @ runs.T  # Σ w(p) over the programmes both run
        mine = own[start : start + _BLOCK, None]
        score = (shared / mine + shared / own[None, :]) / 2  # app.similarity's exact score, both ways
        for offset, row in enumerate(score):
            row[start + offset] = 0.0
            for col in np.argsort(-row, kind="stable")[:NEIGHBOURS]:
                if row[col] > 0:
                    graph.add_edge(places[start + offset], places[col], weight=float(row[col]))
    return graph


def similarity_graph(v: View) -> nx.Graph:
    """Return the place similarity graph: each place linked to its `NEIGHBOURS` most similar places."""
    return v.derived("similarity_graph", _similarity_graph)


def _groups(v: View) -> list[dict[str, Any]]:
    graph = similarity_graph(v)
    if graph.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=_SEED)
    groups = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    portfolios, index = v.projection.portfolios, v.index
    everyone = Counter(s for ps in portfolios.values() for s in ps)
    out = []
    for number, members in enumerate(groups, start=1):
        inside = Counter(s for c in members for s in portfolios[c])
        defining = []
        for slug, n in inside.items():
            share, overall = n / len(members), everyone[slug] / len(portfolios)
            if share >= 0.5 and n >= 2:
                defining.append((share / overall, share, slug))
        defining.sort(key=lambda d: (-d[0], -d[1], d[2]))
        out.append(
            {
                "id": number,
                "size": len(members),
                "members": [index.place_ref(c) for c in members],
                "programmes": [
                    {**index.programme_ref(slug), "share": round(share, 3), "lift": round(lift, 3)}
                    for lift, share, slug in defining[:10]
                ],
            }
        )
    return out


def peer_groups(v: View) -> list[dict[str, Any]]:
    """Return the modularity communities of places, largest first, each with members and defining programmes.

    A defining programme is run by at least half the members (and two of them); they are
    ranked by lift: how much more common the programme is inside the group than overall.
    """
    return v.derived("peer_groups", _groups)


def community_of(v: View, code: str) -> dict[str, Any] | None:
    """Return {id, size, programmes} of the community ``code`` belongs to, or None."""
    for group in peer_groups(v):
        if any(m["code"] == code for m in group["members"]):
            return {"id": group["id"], "size": group["size"], "programmes": group["programmes"][:5]}
    return None
