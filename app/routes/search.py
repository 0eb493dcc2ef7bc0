"""/search: labels, aliases, English labels and pinyin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import StoreDep
from app.models import SearchOut
from app.search import search

__all__ = ["router"]

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", summary="Find places, programmes, agencies, projects, policies and indicators")
def get_search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="扬州, yangzhou, ywtb, one-network …")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchOut:
    """Return resources whose Chinese label or alias, English label or pinyin matches, best first."""
    return SearchOut.model_validate(search(store, q, limit=limit))
