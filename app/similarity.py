"""Scoring how alike two places' programmes are, understanding SKOS kinship and rarity.

Pure functions over plain sets and maps; ``app.resources`` feeds them the graph.

The score of place B for place A (docs/api.md):

    w(p)        = ln(1 + N / n(p))        N places with programmes, n(p) of them run p
    exact(A, B) = Σ_{p ∈ A∩B} w(p)
    kin(A, B)   = Σ_{p ∈ A∖B} max_{q ∈ B∖A kin of p} k(rel(p, q)) · min(w(p), w(q))
    score(A, B) = (exact + kin) / W(A),   W(A) = Σ_{p ∈ A} w(p)

with k = 0.6 for broader/narrower, 0.5 for related, 0.3 for siblings (two concepts
narrower than the same parent). The score is the share of A's (weighted) programmes
that B runs too, or runs a kin of: 1.0 when B runs all of them. So a shared rare
programme outweighs a shared common one, an exact match outweighs a kin pair
(k < 1), and a kin pair outweighs nothing. Dividing by W(A) only (not a cosine)
keeps a place that runs many other programmes as well from being pushed below a
place that shares nothing exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "KIN_FACTORS",
    "KinPair",
    "Kinship",
    "Match",
    "Relation",
    "compare_programmes",
    "idf_weights",
    "rank_by_programmes",
]

Relation = Literal["broader", "narrower", "related", "sibling"]

# How much a kin programme counts next to the same programme (1.0).
KIN_FACTORS: dict[Relation, float] = {"broader": 0.6, "narrower": 0.6, "related": 0.5, "sibling": 0.3}


@dataclass(frozen=True)
class Kinship:
    """The SKOS links among programmes: ``broader[p]`` are p's broader concepts, ``related[p]`` its related ones.

    ``excluded`` concepts (the scheme's top umbrellas) are kin of nothing.
    """

    broader: Mapping[str, Set[str]] = field(default_factory=dict)
    related: Mapping[str, Set[str]] = field(default_factory=dict)
    excluded: Set[str] = frozenset()

    def relation(self, mine: str, theirs: str) -> Relation | None:
        """Return how ``theirs`` stands to ``mine`` in SKOS terms (``mine skos:<relation> theirs``), or None.

        >>> kin = Kinship(broader={"a": {"top"}, "b": {"top"}, "c": {"a"}}, related={"a": {"b"}})
        >>> kin.relation("a", "b"), kin.relation("c", "a"), kin.relation("a", "c"), kin.relation("b", "c")
        ('related', 'broader', 'narrower', None)
        >>> Kinship(broader={"x": {"p"}, "y": {"p"}}).relation("x", "y")
        'sibling'
        """
        if mine == theirs or mine in self.excluded or theirs in self.excluded:
            return None
        if theirs in self.related.get(mine, ()) or mine in self.related.get(theirs, ()):
            return "related"
        if theirs in self.broader.get(mine, ()):
            return "broader"
        if mine in self.broader.get(theirs, ()):
            return "narrower"
        parents = set(self.broader.get(mine, ())) - set(self.excluded)
        if parents & set(self.broader.get(theirs, ())):
            return "sibling"
        return None


@dataclass(frozen=True)
class KinPair:
    """A programme of mine matched to a kin programme of theirs."""

    mine: str
    theirs: str
    relation: Relation


@dataclass(frozen=True)
class Match:
    """How place B compares with place A: the score, the shared programmes and the kin pairs."""

    score: float
    shared: tuple[str, ...]
    kin: tuple[KinPair, ...]


def idf_weights(adopters: Mapping[str, int], total: int) -> dict[str, float]:
    """Return each programme's weight ln(1 + N/n): rarer programmes weigh more.

    >>> {p: round(w, 3) for p, w in idf_weights({"common": 10, "rare": 1}, 10).items()}
    {'common': 0.693, 'rare': 2.398}
    """
    return {p: math.log(1 + max(total, 1) / max(n, 1)) for p, n in adopters.items()}


def compare_programmes(
    mine: Set[str], theirs: Set[str], *, weights: Mapping[str, float], kinship: Kinship
) -> Match:
    """Return the score of ``theirs`` for ``mine`` (formula in the module docstring), with its reasons.

    Unknown programmes weigh ln 2 (as if every place ran them).

    >>> kin = Kinship(related={"zui-duo-pao-yi-ci": {"bu-jian-mian-shen-pi"}})
    >>> w = {"yi-wang-tong-ban": 1.0, "zui-duo-pao-yi-ci": 1.0, "bu-jian-mian-shen-pi": 1.0}
    >>> m = compare_programmes({"yi-wang-tong-ban", "zui-duo-pao-yi-ci"}, {"yi-wang-tong-ban", "bu-jian-mian-shen-pi"},
    ...                        weights=w, kinship=kin)
    >>> round(m.score, 3), m.shared, [(k.mine, k.theirs, k.relation) for k in m.kin]
    (0.75, ('yi-wang-tong-ban',), [('zui-duo-pao-yi-ci', 'bu-jian-mian-shen-pi', 'related')])
    >>> compare_programmes({"a"}, {"b"}, weights={}, kinship=Kinship()).score
    0.0
    """

    def w(p: str) -> float:
        return weights.get(p, math.log(2))

    if not mine or not theirs:
        return Match(0.0, (), ())
    shared = sorted(mine & theirs)
    exact = sum(w(p) for p in shared)
    pairs: list[KinPair] = []
    kin_total = 0.0
    others = sorted(theirs - mine)
    for p in sorted(mine - theirs):
        best: tuple[float, str, Relation] | None = None
        for q in others:
            relation = kinship.relation(p, q)
            if relation is None:
                continue
            value = KIN_FACTORS[relation] * min(w(p), w(q))
            if best is None or value > best[0]:
                best = (value, q, relation)
        if best is not None:
            kin_total += best[0]
            pairs.append(KinPair(p, best[1], best[2]))
    norm = sum(w(p) for p in mine)
    score = (exact + kin_total) / norm if norm else 0.0
    return Match(score, tuple(shared), tuple(pairs))


def rank_by_programmes(
    target: str,
    programmes: Mapping[str, Set[str]],
    *,
    kinship: Kinship,
    weights: Mapping[str, float] | None = None,
    candidates: Iterable[str] | None = None,
) -> list[tuple[str, Match]]:
    """Return the other places ranked by score (descending, then key), leaving out scores of zero.

    ``programmes`` maps each place to the programmes it runs; weights default to
    ``idf_weights`` over it.

    >>> places = {"a": {"x", "r"}, "b": {"x", "r"}, "c": {"x"}, "d": {"y"}, "e": {"x"}}
    >>> [(k, round(m.score, 2)) for k, m in rank_by_programmes("a", places, kinship=Kinship())]
    [('b', 1.0), ('c', 0.39), ('e', 0.39)]
    """
    if weights is None:
        counts: dict[str, int] = {}
        for progs in programmes.values():
            for p in progs:
                counts[p] = counts.get(p, 0) + 1
        weights = idf_weights(counts, len(programmes))
    mine = programmes.get(target, set())
    ranked = []
    for key in candidates if candidates is not None else programmes:
        if key == target:
            continue
        match = compare_programmes(mine, programmes.get(key, set()), weights=weights, kinship=kinship)
        if match.score > 0:
            ranked.append((key, match))
    ranked.sort(key=lambda item: (-item[1].score, item[0]))
    return ranked
