"""Response models of the REST API (docs/api.md): the shapes the web front end codes against."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

__all__ = [
    "CommunityRef",
    "DefiningProgramme",
    "DocumentDetailOut",
    "DocumentOut",
    "DocumentsOut",
    "EvidenceOut",
    "GraphOut",
    "IngestOut",
    "PlaceDetailOut",
    "PlaceOut",
    "PlacesOut",
    "ProgrammeDetailOut",
    "ProgrammeOut",
    "ProgrammesOut",
    "QueryOut",
    "QueryResultOut",
    "SearchOut",
    "SimilarPlacesOut",
    "SimilarProgrammesOut",
    "StatsOut",
]

Level = Literal["country", "province", "prefecture", "district"]


class StatsOut(BaseModel):
    documents: int
    places: int = Field(description="Places running at least one programme.")
    programmes: int
    agencies: int
    projects: int
    observations: int
    policies: int
    facts: int = Field(description="Evidence nodes: one per fact and supporting sentence.")
    quads: int
    graphs: int


class PlaceRef(BaseModel):
    code: str
    name: str


class DocumentRef(BaseModel):
    id: str
    name: str | None
    title: str | None


class EvidenceOut(BaseModel):
    """Where a fact was read; offsets are into the document's cleaned text."""

    quote: str
    document: DocumentRef
    sentence_start: int
    sentence_end: int
    start: int
    end: int


class PlaceOut(BaseModel):
    code: str
    name: str
    level: Level
    parent: PlaceRef | None
    province: PlaceRef | None
    programmes: int
    documents: int
    latitude: float | None
    longitude: float | None


class PlacesOut(BaseModel):
    data: list[PlaceOut]
    count: int
    limit: int
    offset: int


class Ancestor(BaseModel):
    code: str
    name: str
    level: Level


class PlaceProgramme(BaseModel):
    slug: str
    iri: str
    label: str
    label_en: str | None
    in_scheme: bool
    evidence: list[EvidenceOut]
    evidence_count: int = Field(
        description="How many evidence sentences there are; `evidence` holds the first ones."
    )


class PlaceAgency(BaseModel):
    iri: str
    name: str
    evidence: list[EvidenceOut]
    evidence_count: int = Field(
        description="How many evidence sentences there are; `evidence` holds the first ones."
    )


class PlaceProject(BaseModel):
    iri: str
    name: str
    kind: str | None
    evidence: list[EvidenceOut]
    evidence_count: int = Field(
        description="How many evidence sentences there are; `evidence` holds the first ones."
    )


class PlaceMetric(BaseModel):
    indicator: str
    indicator_iri: str | None
    value: float | int
    unit: str | None
    year: int | None
    qualifier: str
    evidence: list[EvidenceOut]
    evidence_count: int = Field(
        description="How many evidence sentences there are; `evidence` holds the first ones."
    )


class PlaceDetailOut(BaseModel):
    code: str
    name: str
    level: Level
    parent: PlaceRef | None
    province: PlaceRef | None
    latitude: float | None
    longitude: float | None
    ancestors: list[Ancestor]
    programmes: list[PlaceProgramme]
    agencies: list[PlaceAgency]
    projects: list[PlaceProject]
    metrics: list[PlaceMetric]
    documents: list[DocumentRef]
    community: CommunityRef | None = Field(
        default=None,
        description="The peer group (GET /communities) the place belongs to, if it runs programmes.",
    )


class ProgrammeRef(BaseModel):
    slug: str
    label: str


class DefiningProgramme(ProgrammeRef):
    share: float = Field(description="Share of the members running it.")
    lift: float = Field(description="Its share among members over its share among all places.")


class CommunityRef(BaseModel):
    id: int
    size: int
    programmes: list[DefiningProgramme]


class PlaceBrief(BaseModel):
    code: str
    name: str
    level: Level


class KinOut(BaseModel):
    mine: ProgrammeRef
    theirs: ProgrammeRef
    relation: Literal["broader", "narrower", "related", "sibling"] = Field(
        description="SKOS reading `mine skos:<relation> theirs`; sibling = both narrower than one concept."
    )


class SimilarPlace(BaseModel):
    place: PlaceBrief
    score: float
    shared: list[ProgrammeRef]
    kin: list[KinOut]
    explanation: str


class SimilarPlacesOut(BaseModel):
    data: list[SimilarPlace]
    count: int


class ProgrammeOut(BaseModel):
    slug: str
    iri: str
    label: str
    label_en: str | None
    places: int
    in_scheme: bool


class ProgrammesOut(BaseModel):
    data: list[ProgrammeOut]
    count: int
    limit: int
    offset: int


class ProgrammePlace(BaseModel):
    code: str
    name: str
    first_year: int | None = Field(
        description="Earliest year of the evidence documents' dates and years in quotes."
    )
    documents: int
    evidence: list[EvidenceOut]
    evidence_count: int = Field(
        description="How many evidence sentences there are; `evidence` holds the first ones."
    )


class ProgrammeDetailOut(BaseModel):
    slug: str
    iri: str
    label: str
    label_en: str | None
    in_scheme: bool
    definition: str | None
    definition_en: str | None
    aliases: list[str]
    broader: list[ProgrammeRef]
    narrower: list[ProgrammeRef]
    related: list[ProgrammeRef]
    places: list[ProgrammePlace] = Field(description="A page of the places running it, first year first.")
    places_count: int = Field(description="How many places run it (all pages).")
    limit: int
    offset: int


class SimilarProgramme(BaseModel):
    programme: ProgrammeRef
    score: float
    co_places: list[PlaceRef]
    relation: Literal["broader", "narrower", "related", "sibling"] | None
    explanation: str


class SimilarProgrammesOut(BaseModel):
    data: list[SimilarProgramme]
    count: int


class SearchHit(BaseModel):
    type: Literal["place", "programme", "agency", "project", "policy", "indicator"]
    id: str
    label: str
    label_en: str | None
    url: str


class SearchOut(BaseModel):
    data: list[SearchHit]
    count: int


class DocumentOut(BaseModel):
    id: str
    name: str
    title: str | None
    date: str | None
    source: str | None
    subject_places: list[PlaceRef]
    facts: int


class DocumentsOut(BaseModel):
    data: list[DocumentOut]
    count: int
    limit: int
    offset: int


class FactTarget(BaseModel):
    type: str
    id: str


class DocumentFact(BaseModel):
    type: Literal["place", "programme", "agency", "project", "metric", "policy"]
    label: str
    target: FactTarget
    start: int
    end: int
    sentence_start: int
    sentence_end: int


class DocumentDetailOut(BaseModel):
    id: str
    name: str
    title: str | None
    date: str | None
    source: str | None
    author: str | None
    text: str
    facts: list[DocumentFact]


class TextDocumentIn(BaseModel):
    """A document given as JSON text."""

    name: str = Field(min_length=1, max_length=255, examples=["yangzhou.txt"])
    text: str = Field(min_length=1)
    format: Literal["txt", "md", "html"] | None = None


class IngestOut(BaseModel):
    id: str
    name: str
    facts: dict[str, int]
    triples: int
    duplicate_of: str | None = None
    """The name the same text is already loaded under (any file type or name): nothing was written."""


class GraphNode(BaseModel):
    id: str
    label: str
    type: str


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str


class GraphOut(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = False


class QueryParameterOut(BaseModel):
    name: str
    type: Literal["place", "programme", "kind", "text", "label"]
    """place: an IRI or 6-digit division code; programme: an IRI or slug; kind: platform, park, facility or event;
    label: a name matched against the graph's labels (Chinese, English or untagged)."""
    default: str
    label_zh: str
    label_en: str


class QueryOut(BaseModel):
    name: str
    title: str
    title_zh: str = ""
    description: str
    description_zh: str = ""
    language: Literal["sparql", "cypher"]
    params: dict[str, str]
    """Each parameter's default, by name (the same as in `parameters`)."""
    parameters: list[QueryParameterOut] = []
    text: str = ""
    """The query as written in queries/ (parameters unbound), for editors to show as an example."""


class QueryResultOut(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    """Rows were left out: by the page (`next` reads on) or by the server's row cap."""


class CannedResultOut(QueryResultOut):
    """A page of a canned query's answer: `limit` things (rows, or what the query pages by) from `offset`."""

    limit: int
    offset: int
    total: int | None = None
    """How many things there are in all; null when not known cheaply before the last page."""
    next: str | None = None
    """The path and query string of the next page; null on the last."""
