"""/programmes: programmes with adoption counts, one programme with its places, similar programmes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.deps import StoreDep
from app.models import ProgrammeDetailOut, ProgrammesOut, SimilarProgrammesOut
from app.problems import Problem
from app.resources import ProgrammeNotFound, list_programmes, programme_detail, similar_programmes
from app.routes.tabular import ListingDep, Table, list_route

__all__ = ["PROGRAMMES", "SIMILAR", "router"]

router = APIRouter(prefix="/programmes", tags=["programmes"])
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has this slug."}}


PROGRAMMES = Table(
    "programmes",
    ("slug", "label", "label_en", "iri", "places", "in_scheme", "url"),
    url=lambda r: f"/programmes/{r['slug']}",
)
SIMILAR = Table(
    "similar-programmes",
    ("programme_slug", "programme_label", "score", "relation", "co_places", "explanation", "url"),
    url=lambda r: f"/programmes/{r['programme']['slug']}",
)


@list_route(router, "", PROGRAMMES, model=ProgrammesOut, summary="Programmes and how many places run them")
def get_programmes(
    store: StoreDep,
    listing: ListingDep,
    q: Annotated[
        str | None, Query(description="Part of the Chinese label, an alias or the English label.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Return programmes run by a place or in the scheme, by number of places (descending)."""
    body = list_programmes(store, q=q, limit=listing.limit(limit), offset=offset)
    return listing.respond(PROGRAMMES, body, ProgrammesOut)


@router.get("/{slug}", summary="One programme with its kin and the places running it", responses=_NOT_FOUND)
def get_programme(
    store: StoreDep,
    slug: str,
    limit: Annotated[int, Query(ge=1, le=5000, description="Places per page.")] = 500,
    offset: Annotated[int, Query(ge=0, description="Places to skip.")] = 0,
    evidence: Annotated[
        int,
        Query(ge=0, le=1000, description="Evidence sentences per place; `evidence_count` gives them all."),
    ] = 20,
) -> ProgrammeDetailOut:
    """Return a programme's scheme data and a page of the places that run it, with evidence, first year and the total."""
    try:
        detail = programme_detail(store, slug, limit=limit, offset=offset, evidence=evidence)
        return ProgrammeDetailOut.model_validate(detail)
    except ProgrammeNotFound as error:
        raise Problem(404, str(error), slug="unknown-programme") from None


@list_route(
    router,
    "/{slug}/similar",
    SIMILAR,
    model=SimilarProgrammesOut,
    summary="Programmes adopted by the same places or kin in the scheme",
    responses=_NOT_FOUND,
)
def get_similar_programmes(
    store: StoreDep, listing: ListingDep, slug: str, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> Any:
    """Return programmes ranked by co-adoption (Jaccard of places) plus SKOS kinship, with reasons."""
    try:
        body = similar_programmes(store, slug, limit=limit)
    except ProgrammeNotFound as error:
        raise Problem(404, str(error), slug="unknown-programme") from None
    return listing.respond(SIMILAR, body, SimilarProgrammesOut)
