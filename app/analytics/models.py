"""Response shapes of the analytics routes (the OpenAPI schema users read)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from app.models import DefiningProgramme, DocumentRef, PlaceRef, ProgrammeRef

__all__ = [
    "AdoptionEventOut",
    "AdoptionOut",
    "CoAdoptedOut",
    "CommunitiesOut",
    "CommunityOut",
    "DiffusionOut",
    "GapsOut",
    "PathsOut",
    "SpreadOut",
]

DateSource = Literal["published", "stated", "unknown"]


class Versioned(BaseModel):
    graph_version: str = Field(
        description="The graph the answer was computed from: SHA-256 (16 hex digits) of the sorted document ids."
    )


class AdoptionEventOut(BaseModel):
    place_code: str
    place_name: str
    level: str
    province_code: str | None
    province_name: str | None
    programme_slug: str
    programme_label: str
    year: int | None = Field(
        description="Year of the first evidence; null when neither the document nor the sentence dates it."
    )
    date: str | None = Field(
        description="Publication date of the first evidence's document, when it has one."
    )
    date_source: DateSource = Field(
        description="published: the document's date; stated: a year the sentence states; unknown: neither."
    )
    document_id: str
    document_name: str | None
    evidence_url: str = Field(description="The document, with every fact's span: GET this path.")
    sentence: str
    quote: str = Field(description="The words of the sentence that name the programme.")
    documents: int = Field(description="Number of documents with evidence that the place runs the programme.")


class AdoptionOut(Versioned):
    data: list[AdoptionEventOut]
    count: int
    limit: int
    offset: int


class CurvePoint(BaseModel):
    year: int
    new: int
    cumulative: int
    places: list[PlaceRef]


class DiffusionOut(Versioned):
    programme: ProgrammeRef
    adopters: int
    dated: int
    undated: int = Field(description="Adopters whose first evidence has no date: not on the curve.")
    date_sources: dict[str, int]
    curve: list[CurvePoint]


class SpreadEntry(BaseModel):
    programme: ProgrammeRef
    places: int
    provinces: int
    first_year: int | None
    centrality: float = Field(
        description="Eigenvector centrality in the co-adoption graph (weight: places running both)."
    )
    co_adopted: int = Field(description="Number of programmes run by at least one of the same places.")


class SpreadOut(Versioned):
    data: list[SpreadEntry]
    count: int


class CoAdoptedEntry(BaseModel):
    programme: ProgrammeRef
    places: int = Field(description="Places running both programmes.")
    lift: float = Field(description="places · N / (adopters of one · adopters of the other); 1.0 is chance.")
    share: float = Field(description="Share of this programme's adopters that run the other one too.")
    co_places: list[PlaceRef]


class CoAdoptedOut(Versioned):
    programme: ProgrammeRef
    adopters: int
    places_with_programmes: int
    data: list[CoAdoptedEntry]
    count: int


class GapEvidence(BaseModel):
    document: DocumentRef
    sentence: str
    quote: str
    year: int | None
    date_source: DateSource


class GapPeer(BaseModel):
    place: PlaceRef
    closeness: float
    evidence: GapEvidence


class Gap(BaseModel):
    programme: ProgrammeRef
    peers_running: int
    score: float = Field(description="Closeness of the peers running it over the closeness of all peers.")
    kin_of_mine: list[ProgrammeRef] = Field(
        description="Programmes the place runs that are SKOS kin of this one."
    )
    peers: list[GapPeer]


class PeerOut(BaseModel):
    place: PlaceRef
    closeness: float


class GapsOut(Versioned):
    place: PlaceRef
    peer_mode: Literal["similar", "province", "level"]
    peers: list[PeerOut]
    data: list[Gap]
    count: int


class CommunityOut(BaseModel):
    id: int
    size: int
    members: list[PlaceRef]
    programmes: list[DefiningProgramme]


class CommunitiesOut(Versioned):
    data: list[CommunityOut]
    count: int


class PathNode(BaseModel):
    id: str
    label: str
    type: str | None


class PathEvidence(BaseModel):
    document: DocumentRef | None
    sentence: str | None
    quote: str


class PathEdge(BaseModel):
    source: str
    target: str
    predicate: str
    documents: int
    evidence: list[PathEvidence]


class PathOut(BaseModel):
    nodes: list[PathNode]
    edges: list[PathEdge]


class PathsOut(Versioned):
    model_config = {"populate_by_name": True}

    from_: PathNode = Field(alias="from")
    to: PathNode
    max: int
    hops: int | None = Field(description="Length of the shortest paths; null when none is within max.")
    data: list[PathOut]
    count: int
