"""The records every output is built from: documents, sentences, and extracted facts.

An extraction is computed once; the facts JSON, the RDF and the property-graph rows
are all pure functions of these records (STYLE.md: one record path, many outputs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["country", "province", "prefecture", "district"]
ProjectKind = Literal["platform", "park", "facility", "event"]
Qualifier = Literal["=", ">", "<", "~", "target"]


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text; `start`/`end` are character offsets into it."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """A read and cleaned source document.

    `id` is the hash of the cleaned text (DESIGN.md decision 1), so the same text read
    from a .txt or a .docx gets the same graph.
    """

    id: str
    name: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    format: str = "txt"
    encoding: str = "utf-8"
    dropped_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Division:
    """An administrative division of the gazetteer (GB/T 2260 code; 100000 is the country)."""

    code: str
    name: str
    level: Level
    parent_code: str | None
    short: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence and the mention's span, offsets into the cleaned text."""

    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int

    @property
    def surface(self) -> str:
        """The mention's text as it stands in the sentence."""
        return self.sentence[self.start - self.sentence_start : self.end - self.sentence_start]


@dataclass(frozen=True)
class PlaceMention:
    place: Division
    evidence: Evidence


@dataclass(frozen=True)
class ProgrammeMention:
    """A place runs a programme. `concept` is the scheme slug when the lexicon knows it."""

    place: Division
    name: str
    evidence: Evidence
    concept: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgencyMention:
    place: Division
    name: str
    evidence: Evidence
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectMention:
    place: Division
    name: str
    kind: ProjectKind
    evidence: Evidence
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Metric:
    """A measured or targeted figure about a place (one RDF Data Cube observation)."""

    place: Division
    indicator: str
    value: float
    unit: str | None
    year: int | None
    qualifier: Qualifier
    evidence: Evidence
    concept: str | None = None


@dataclass(frozen=True)
class PolicyCitation:
    title: str
    issuer: str | None
    evidence: Evidence
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    subject_places: tuple[Division, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    programmes: tuple[ProgrammeMention, ...] = ()
    agencies: tuple[AgencyMention, ...] = ()
    projects: tuple[ProjectMention, ...] = ()
    metrics: tuple[Metric, ...] = ()
    policies: tuple[PolicyCitation, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """Return the number of facts per list, in the order of SCHEMA.md."""
        return {
            "places": len(self.places),
            "programmes": len(self.programmes),
            "agencies": len(self.agencies),
            "projects": len(self.projects),
            "metrics": len(self.metrics),
            "policies": len(self.policies),
        }
