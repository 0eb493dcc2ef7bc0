"""/search: labels, aliases, English labels and pinyin."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.deps import StoreDep
from app.models import SearchOut
from app.routes.tabular import ListingDep, Table, list_route
from app.search import search

__all__ = ["HITS", "router"]

router = APIRouter(prefix="/search", tags=["search"])


HITS = Table("search", ("type", "id", "label", "label_en", "url"))


@list_route(
    router,
    "",
    HITS,
    model=SearchOut,
    summary="Find places, programmes, agencies, projects, policies and indicators",
)
def get_search(
    store: StoreDep,
    listing: ListingDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="扬州, yangzhou, ywtb, one-network …")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Any:
    """Return resources whose Chinese label or alias, English label or pinyin matches, best first."""
    return listing.respond(HITS, search(store, q, limit=limit), SearchOut)
