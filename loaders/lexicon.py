"""The programme and indicator schemes as matchers: every label and alias → its concept."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

_ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
# National strategies are named for the country (数字中国, 健康中国) or as a "strong nation" (网络强国);
# 智慧社会 is the third of the 十九大 triad (网络强国、数字中国、智慧社会).
# ck:genericPhrase marks labels that are also ordinary noun phrases (数字乡村): they count only in quotes.
CK_GENERIC = URIRef("https://w3id.org/citykg/ontology#genericPhrase")
_NATIONAL = re.compile(r"(中国|强国)$|^智慧社会$")


@dataclass(frozen=True)
class Concept:
    """A programme or indicator of a scheme, with the labels text may use for it."""

    slug: str
    label: str
    label_en: str | None
    aliases: tuple[str, ...]
    umbrella: bool
    national: bool
    generic: bool = False
    top: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Concepts by slug, and an automaton over every label and alias."""

    concepts: dict[str, Concept]
    automaton: ahocorasick.Automaton

    def find(self, text: str) -> list[tuple[int, int, Concept]]:
        """Return leftmost-longest label matches in `text` as (start, end, concept)."""
        hits = sorted(
            ((end - len(label) + 1, end + 1, slug) for end, (label, slug) in self.automaton.iter(text)),
            key=lambda h: (h[0], -(h[1] - h[0])),
        )
        out, last = [], -1
        for start, end, slug in hits:
            if start >= last:
                out.append((start, end, self.concepts[slug]))
                last = end
        return out

    def by_label(self, label: str) -> Concept | None:
        """Return the concept whose label or alias is exactly `label`."""
        found = self.automaton.get(label, None)
        return self.concepts[found[1]] if found and found[0] == label else None


def _load(path: Path) -> Lexicon:
    graph = Graph().parse(path)
    concepts: dict[str, Concept] = {}
    automaton = ahocorasick.Automaton()
    for subject in sorted({s for s in graph.subjects(SKOS.prefLabel, None) if isinstance(s, URIRef)}):
        iri = str(subject)
        if "/scheme/" in iri:
            continue
        slug = iri.rsplit("/", 1)[1]
        labels = {
            lit.language: str(lit)
            for lit in graph.objects(subject, SKOS.prefLabel)
            if isinstance(lit, Literal)
        }
        if "zh" not in labels:
            continue
        aliases = tuple(
            sorted(
                str(a)
                for a in graph.objects(subject, SKOS.altLabel)
                if isinstance(a, Literal) and a.language == "zh"
            )
        )
        top = (subject, SKOS.topConceptOf, None) in graph
        national = bool(_NATIONAL.search(labels["zh"]))
        generic = (subject, CK_GENERIC, Literal(True)) in graph
        concepts[slug] = Concept(
            slug, labels["zh"], labels.get("en"), aliases, top and not national, national, generic, top
        )
        for label in (labels["zh"], *aliases):
            automaton.add_word(label, (label, slug))
    automaton.make_automaton()
    return Lexicon(concepts, automaton)


@functools.cache
def programme_lexicon() -> Lexicon:
    """Return the programme scheme of ontology/programmes.ttl as a matcher."""
    return _load(_ONTOLOGY / "programmes.ttl")


@functools.cache
def indicator_lexicon() -> Lexicon:
    """Return the indicator scheme of ontology/indicators.ttl as a matcher."""
    return _load(_ONTOLOGY / "indicators.ttl")
