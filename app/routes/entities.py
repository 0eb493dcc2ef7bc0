"""/agencies, /projects, /policies, /indicators: one page's worth of data for each entity kind."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from app.deps import StoreDep
from app.entities import (
    EntityNotFound,
    agency_detail,
    indicator_detail,
    list_indicators,
    policy_detail,
    project_detail,
)
from app.models import DocumentRef, EvidenceOut, PlaceRef, ProgrammeRef
from app.problems import Problem
from app.routes.tabular import ListingDep, Table, list_route

__all__ = ["INDICATORS", "agencies_router", "indicators_router", "policies_router", "projects_router"]

agencies_router = APIRouter(prefix="/agencies", tags=["agencies"])
projects_router = APIRouter(prefix="/projects", tags=["projects"])
policies_router = APIRouter(prefix="/policies", tags=["policies"])
indicators_router = APIRouter(prefix="/indicators", tags=["indicators"])
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "The graph has no such entity."}}


class ThingRef(BaseModel):
    iri: str
    name: str
    kind: str | None = Field(
        description="A project's kind (platform, park, facility, event); null for agencies."
    )


class NamedWith(BaseModel):
    """What the sentences naming the entity also name (the graph has no typed 'leads' relation)."""

    programmes: list[ProgrammeRef]
    agencies: list[ThingRef]
    projects: list[ThingRef]


class AgencyOut(BaseModel):
    iri: str
    name: str
    aliases: list[str]
    place: PlaceRef | None
    evidence: list[EvidenceOut] = Field(
        description="A page of the sentences that place it, in document order."
    )
    evidence_count: int = Field(description="How many sentences place it in all.")
    evidence_offset: int = Field(description="Sentences skipped before this page.")
    named_with: NamedWith


class ProjectOut(AgencyOut):
    kind: str | None


class CitingDocument(DocumentRef):
    date: str | None
    evidence: list[EvidenceOut]


class CitingPlace(PlaceRef):
    documents: int = Field(description="Documents about this place that cite the policy.")


class PolicyOut(BaseModel):
    iri: str
    title: str
    aliases: list[str]
    issuers: list[str] = Field(description="Issuers as the citing sentences name them.")
    documents: list[CitingDocument] = Field(description="A page of the citing documents, newest first.")
    documents_count: int = Field(description="How many documents cite it.")
    documents_offset: int = Field(description="Documents skipped before this page.")
    places: list[CitingPlace] = Field(
        description="The places all citing documents are about, most documents first."
    )


class IndicatorValue(BaseModel):
    place: PlaceRef
    value: float | int
    unit: str | None
    year: int | None
    qualifier: str
    evidence: list[EvidenceOut] = Field(
        description="Its first sentences in document order (`evidence` of them)."
    )
    evidence_count: int = Field(description="How many sentences state it in all.")


class RankedValue(IndicatorValue):
    rank: int = Field(description="Rank among places reporting in the same unit, largest first.")


class IndicatorOut(BaseModel):
    iri: str
    label: str
    label_en: str | None
    aliases: list[str]
    definition: str | None
    definition_en: str | None
    unit: str | None = Field(description="The scheme's default unit.")
    observations: int = Field(
        description="Achieved values (targets excluded), one per place, figure and year."
    )
    places: list[RankedValue] = Field(description="A page of each place's latest achieved value, ranked.")
    places_count: int = Field(description="How many places have an achieved value.")
    places_offset: int = Field(description="Ranked places skipped before this page.")
    targets: list[IndicatorValue] = Field(description="A page of the targets, by place, year and value.")
    targets_count: int = Field(description="How many targets there are.")
    targets_offset: int = Field(description="Targets skipped before this page.")


class IndicatorEntry(BaseModel):
    slug: str
    iri: str
    label: str
    label_en: str | None
    places: int


class IndicatorsOut(BaseModel):
    data: list[IndicatorEntry]
    count: int


def _missing(error: EntityNotFound) -> Problem:
    return Problem(404, str(error), slug="unknown-entity")


_Evidence = Annotated[
    int,
    Query(
        ge=0, le=1000, description="Evidence sentences per page; `evidence_count` says how many there are."
    ),
]
_EvidenceOffset = Annotated[int, Query(ge=0, description="Evidence sentences to skip.")]


@agencies_router.get("/{code}/{slug}", summary="One agency with its place and evidence", responses=_NOT_FOUND)
def get_agency(
    store: StoreDep, code: str, slug: str, evidence: _Evidence = 20, evidence_offset: _EvidenceOffset = 0
) -> AgencyOut:
    """Return an agency (IRI …/agency/{code}/{slug}), where it is, a page of its evidence, and what its sentences also name."""
    try:
        return AgencyOut.model_validate(
            agency_detail(store, code, slug, evidence=evidence, evidence_offset=evidence_offset)
        )
    except EntityNotFound as error:
        raise _missing(error) from None


@projects_router.get(
    "/{code}/{slug}", summary="One project with its kind, place and evidence", responses=_NOT_FOUND
)
def get_project(
    store: StoreDep, code: str, slug: str, evidence: _Evidence = 20, evidence_offset: _EvidenceOffset = 0
) -> ProjectOut:
    """Return a project (IRI …/project/{code}/{slug}), its kind and place, a page of its evidence, and what is named with it."""
    try:
        return ProjectOut.model_validate(
            project_detail(store, code, slug, evidence=evidence, evidence_offset=evidence_offset)
        )
    except EntityNotFound as error:
        raise _missing(error) from None


@policies_router.get(
    "/{slug}", summary="One policy with the documents and places citing it", responses=_NOT_FOUND
)
def get_policy(
    store: StoreDep,
    slug: str,
    limit: Annotated[int, Query(ge=1, le=5000, description="Citing documents per page.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Citing documents to skip.")] = 0,
) -> PolicyOut:
    """Return a policy (IRI …/policy/{slug}), its issuers, and a page of the documents citing it with evidence."""
    try:
        return PolicyOut.model_validate(policy_detail(store, slug, limit=limit, offset=offset))
    except EntityNotFound as error:
        raise _missing(error) from None


INDICATORS = Table(
    "indicators",
    ("slug", "iri", "label", "label_en", "places", "url"),
    url=lambda r: f"/indicators/{r['slug']}",
)


@list_route(
    indicators_router,
    "",
    INDICATORS,
    model=IndicatorsOut,
    summary="Indicators with the number of places measured",
)
def get_indicators(store: StoreDep, listing: ListingDep) -> Any:
    """Return every indicator, by places measured (descending) then label."""
    return listing.respond(INDICATORS, list_indicators(store), IndicatorsOut)


@indicators_router.get(
    "/{slug}", summary="One indicator with places ranked by latest value", responses=_NOT_FOUND
)
def get_indicator(
    store: StoreDep,
    slug: str,
    limit: Annotated[int, Query(ge=1, le=5000, description="Ranked places per page.")] = 500,
    offset: Annotated[int, Query(ge=0, description="Ranked places to skip.")] = 0,
    targets_limit: Annotated[int, Query(ge=0, le=5000, description="Targets per page.")] = 100,
    targets_offset: Annotated[int, Query(ge=0, description="Targets to skip.")] = 0,
    evidence: Annotated[
        int, Query(ge=0, le=100, description="Sentences per value; `evidence_count` says how many there are.")
    ] = 2,
) -> IndicatorOut:
    """Return an indicator (IRI …/indicator/{slug}): a page of places ranked by their latest value, targets apart."""
    try:
        detail = indicator_detail(
            store,
            slug,
            limit=limit,
            offset=offset,
            targets_limit=targets_limit,
            targets_offset=targets_offset,
            evidence=evidence,
        )
        return IndicatorOut.model_validate(detail)
    except EntityNotFound as error:
        raise _missing(error) from None
