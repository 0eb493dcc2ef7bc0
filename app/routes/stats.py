"""/stats: how big the graph is."""

from __future__ import annotations

from fastapi import APIRouter

from app.deps import StoreDep
from app.models import StatsOut
from app.resources import stats

__all__ = ["router"]

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("", summary="Counts of documents, places, programmes and facts")
def get_stats(store: StoreDep) -> StatsOut:
    """Return how many documents, places, programmes, agencies, projects, observations, policies and facts there are."""
    return StatsOut.model_validate(stats(store))
