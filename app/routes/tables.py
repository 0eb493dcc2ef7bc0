"""List resources as CSV (``/places.csv``, ``/programmes.csv``, ``/documents.csv``, ``/communities.csv``, ``/diffusion.csv``).

Every row of the list (no paging), the documented columns in a fixed order, and a link back to
the resource with the evidence (``url``); ``X-Graph-Version`` names the graph the rows came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.analytics import csv_text, peer_groups, programme_spread, view
from app.analytics.exports import graph_version
from app.analytics.tables import flatten
from app.deps import StoreDep
from app.resources import list_documents, list_places, list_programmes

__all__ = ["COLUMNS", "router"]

router = APIRouter(tags=["tables"])
_ALL = 10**9
COLUMNS: dict[str, tuple[str, ...]] = {
    "places": ("code", "name", "level", "parent_code", "parent_name", "province_code", "province_name",
               "programmes", "documents", "latitude", "longitude", "url"),
    "programmes": ("slug", "label", "label_en", "iri", "places", "in_scheme", "url"),
    "documents": ("id", "name", "title", "date", "source", "subject_places", "facts", "url"),
    "communities": ("community", "size", "place_code", "place_name", "defining_programmes", "url"),
    "diffusion": ("programme_slug", "programme_label", "places", "provinces", "first_year", "centrality",
                  "co_adopted", "url"),
}  # fmt: skip


def _csv(store: StoreDep, name: str, rows: Iterable[Mapping[str, Any]]) -> Response:
    with view(store) as v:
        version = graph_version(v)
    columns: Sequence[str] = COLUMNS[name]
    return Response(
        csv_text(rows, columns),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"', "X-Graph-Version": version},
    )


def _described(name: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {
            "content": {"text/csv; charset=utf-8": {"schema": {"type": "string"}}},
            "description": "CSV with the columns " + ", ".join(COLUMNS[name]) + ".",
        }
    }


@router.get(
    "/places.csv",
    summary="Places with facts, as CSV",
    response_class=Response,
    responses=_described("places"),
)
def get_places_csv(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Part of the name, or the start of the code.")] = None,
    province: Annotated[str | None, Query(description="Province code (320000) or name (江苏省).")] = None,
) -> Response:
    """Return every row of ``/places`` (same filters) as CSV; ``url`` is the place with its evidence."""
    rows = list_places(store, q=q, province=province, limit=_ALL)["data"]
    return _csv(store, "places", ({**flatten(r), "url": f"/places/{r['code']}"} for r in rows))


@router.get(
    "/programmes.csv",
    summary="Programmes, as CSV",
    response_class=Response,
    responses=_described("programmes"),
)
def get_programmes_csv(
    store: StoreDep, q: Annotated[str | None, Query(description="Part of a label or alias.")] = None
) -> Response:
    """Return every row of ``/programmes`` as CSV; ``url`` is the programme with its places and evidence."""
    rows = list_programmes(store, q=q, limit=_ALL)["data"]
    return _csv(store, "programmes", ({**r, "url": f"/programmes/{r['slug']}"} for r in rows))


@router.get(
    "/documents.csv",
    summary="Loaded documents, as CSV",
    response_class=Response,
    responses=_described("documents"),
)
def get_documents_csv(store: StoreDep) -> Response:
    """Return every loaded document as CSV (subject places as codes joined by ;)."""
    rows = list_documents(store, limit=_ALL)["data"]
    return _csv(store, "documents", ({**flatten(r), "url": f"/documents/{r['id']}"} for r in rows))


@router.get(
    "/communities.csv", summary="Peer groups, one row per member, as CSV", response_class=Response,
    responses=_described("communities"),
)  # fmt: skip
def get_communities_csv(store: StoreDep) -> Response:
    """Return one row per community member, with the community's defining programmes (slugs joined by ;)."""
    with view(store) as v:
        groups = peer_groups(v)
    rows = [
        {
            "community": g["id"],
            "size": g["size"],
            "place_code": m["code"],
            "place_name": m["name"],
            "defining_programmes": ";".join(p["slug"] for p in g["programmes"]),
            "url": f"/places/{m['code']}",
        }
        for g in groups
        for m in g["members"]
    ]
    return _csv(store, "communities", rows)


@router.get(
    "/diffusion.csv",
    summary="Programmes by spread, as CSV",
    response_class=Response,
    responses=_described("diffusion"),
)
def get_diffusion_csv(store: StoreDep) -> Response:
    """Return every programme some place runs with its spread and co-adoption centrality."""
    with view(store) as v:
        rows = programme_spread(v)
    return _csv(
        store,
        "diffusion",
        ({**flatten(r), "url": f"/programmes/{r['programme']['slug']}/diffusion"} for r in rows),
    )
