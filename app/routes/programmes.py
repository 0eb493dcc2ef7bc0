"""/programmes: programmes with adoption counts, one programme with its places, similar programmes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.deps import StoreDep
from app.models import ProgrammeDetailOut, ProgrammesOut, SimilarProgrammesOut
from app.problems import Problem
from app.resources import ProgrammeNotFound, list_programmes, programme_detail, similar_programmes

__all__ = ["router"]

router = APIRouter(prefix="/programmes", tags=["programmes"])
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has this slug."}}


@router.get("", summary="Programmes and how many places run them")
def get_programmes(
    store: StoreDep,
    q: Annotated[
        str | None, Query(description="Part of the Chinese label, an alias or the English label.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ProgrammesOut:
    """Return programmes run by a place or in the scheme, by number of places (descending)."""
    return ProgrammesOut.model_validate(list_programmes(store, q=q, limit=limit, offset=offset))


@router.get("/{slug}", summary="One programme with its kin and the places running it", responses=_NOT_FOUND)
def get_programme(
    store: StoreDep,
    slug: str,
    limit: Annotated[int, Query(ge=1, le=5000, description="Places per page.")] = 500,
    offset: Annotated[int, Query(ge=0, description="Places to skip.")] = 0,
) -> ProgrammeDetailOut:
    """Return a programme's scheme data and a page of the places that run it, with evidence, first year and the total."""
    try:
        return ProgrammeDetailOut.model_validate(programme_detail(store, slug, limit=limit, offset=offset))
    except ProgrammeNotFound as error:
        raise Problem(404, str(error), slug="unknown-programme") from None


@router.get(
    "/{slug}/similar",
    summary="Programmes adopted by the same places or kin in the scheme",
    responses=_NOT_FOUND,
)
def get_similar_programmes(
    store: StoreDep, slug: str, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> SimilarProgrammesOut:
    """Return programmes ranked by co-adoption (Jaccard of places) plus SKOS kinship, with reasons."""
    try:
        return SimilarProgrammesOut.model_validate(similar_programmes(store, slug, limit=limit))
    except ProgrammeNotFound as error:
        raise Problem(404, str(error), slug="unknown-programme") from None
