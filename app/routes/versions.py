"""/versions: the graph versions, one per build that changed the loaded documents (app.versions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from app.deps import SettingsDep, StoreDep
from app.routes.tabular import ListingDep, Table, list_route
from app.versions import current_version, read_log

__all__ = ["VERSIONS", "router"]

router = APIRouter(tags=["versions"])


class VersionDocument(BaseModel):
    id: str
    name: str
    replaces: str | None = Field(default=None, description="The id of the text it replaced (changed only).")


class VersionOut(BaseModel):
    version: int = Field(description="1 for the first recorded change, counting up.")
    time: str = Field(description="When the change was made (UTC, ISO 8601).")
    action: Literal["build", "rebuild", "ingest", "remove"]
    added: list[VersionDocument]
    changed: list[VersionDocument] = Field(description="A new text under the name of a loaded document.")
    removed: list[VersionDocument]
    documents: int = Field(description="Documents loaded after the change.")
    graph_version_before: str
    graph_version: str = Field(
        description="SHA-256 (16 hex digits) of the sorted document ids after the change."
    )


class VersionsOut(BaseModel):
    current: str = Field(description="The graph version of what is loaded now.")
    data: list[VersionOut]
    count: int


def _rows(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    def ids(docs: list[dict[str, Any]]) -> str:
        return ";".join(d["id"] for d in docs)

    return [
        {**v, "added": ids(v["added"]), "changed": ids(v["changed"]), "removed": ids(v["removed"])}
        for v in body["data"]
    ]


VERSIONS = Table(
    "versions",
    ("version", "time", "action", "added", "changed", "removed", "documents", "graph_version_before",
     "graph_version"),
    spread=_rows,
)  # fmt: skip


@list_route(
    router, "/versions", VERSIONS, model=VersionsOut, summary="Graph versions: the builds that changed it"
)
def get_versions(
    store: StoreDep,
    settings: SettingsDep,
    listing: ListingDep,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
) -> Any:
    """Return the recorded changes newest first: documents added, changed and removed, version before and after.

    ``current`` is the version of what is loaded now; the ``graph_version`` of analytics answers
    and exports is one of these.
    """
    log = read_log(store, settings.data_dir)[::-1]
    body = {"current": current_version(store), "data": log[: listing.limit(limit)], "count": len(log)}
    return listing.respond(VERSIONS, body, VersionsOut)
