"""/places: places with facts, one place with evidence, and places that run similar programmes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.analytics import community_of, view
from app.deps import StoreDep
from app.models import PlaceDetailOut, PlacesOut, SimilarPlacesOut
from app.problems import Problem
from app.resources import PlaceNotFound, list_places, place_detail, similar_places
from app.routes.tabular import ListingDep, Table, list_route

__all__ = ["PLACES", "SIMILAR", "router"]

router = APIRouter(prefix="/places", tags=["places"])
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No administrative division has this code."}
}


PLACES = Table(
    "places",
    ("code", "name", "level", "parent_code", "parent_name", "province_code", "province_name",
     "programmes", "documents", "latitude", "longitude", "url"),
    url=lambda r: f"/places/{r['code']}",
)  # fmt: skip
SIMILAR = Table(
    "similar-places",
    ("place_code", "place_name", "score", "shared", "explanation", "url"),
    url=lambda r: f"/places/{r['place']['code']}",
)


@list_route(router, "", PLACES, model=PlacesOut, summary="Places that have facts")
def get_places(
    store: StoreDep,
    listing: ListingDep,
    q: Annotated[str | None, Query(description="Part of the name, or the start of the code.")] = None,
    province: Annotated[str | None, Query(description="Province code (320000) or name (江苏省).")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Return places with facts, by number of programmes (descending) then code."""
    body = list_places(store, q=q, province=province, limit=listing.limit(limit), offset=offset)
    return listing.respond(PLACES, body, PlacesOut)


@router.get(
    "/{code}", summary="One place with its programmes, agencies, projects and metrics", responses=_NOT_FOUND
)
def get_place(
    store: StoreDep,
    code: str,
    evidence: Annotated[
        int, Query(ge=0, le=1000, description="Evidence sentences per fact; `evidence_count` gives them all.")
    ] = 20,
) -> PlaceDetailOut:
    """Return a place and every fact about it, each with the first sentences it was read from and their count."""
    try:
        detail = place_detail(store, code, evidence=evidence)
    except PlaceNotFound as error:
        raise Problem(404, str(error), slug="unknown-place") from None
    with view(store) as v:
        detail["community"] = community_of(v, code)
    return PlaceDetailOut.model_validate(detail)


@list_route(
    router,
    "/{code}/similar",
    SIMILAR,
    model=SimilarPlacesOut,
    summary="Places that run programmes like this one's",
    responses=_NOT_FOUND,
)
def get_similar_places(
    store: StoreDep, listing: ListingDep, code: str, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> Any:
    """Return places ranked by shared and kin programmes, rare ones weighing more (see docs/api.md)."""
    try:
        body = similar_places(store, code, limit=limit)
    except PlaceNotFound as error:
        raise Problem(404, str(error), slug="unknown-place") from None
    return listing.respond(SIMILAR, body, SimilarPlacesOut)
