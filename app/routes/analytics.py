"""Analytics routes: adoption events, diffusion, gaps, peer groups, co-adoption and paths (app.analytics)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.analytics import (
    ADOPTION_COLUMNS,
    UnknownFilter,
    UnknownNode,
    UnknownPlace,
    UnknownProgramme,
    co_adopted,
    connecting_paths,
    csv_text,
    diffusion_curve,
    filter_events,
    graph_version,
    peer_groups,
    programme_gaps,
    programme_spread,
    view,
)
from app.analytics.models import (
    AdoptionOut,
    CoAdoptedOut,
    CommunitiesOut,
    DiffusionOut,
    GapsOut,
    PathsOut,
    SpreadOut,
)
from app.deps import StoreDep
from app.problems import Problem

__all__ = ["router"]

router = APIRouter(tags=["analytics"])
_CSV = "text/csv; charset=utf-8"
_ADOPTION_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {_CSV: {"schema": {"type": "string"}}},
        "description": "JSON, or CSV with the columns "
        + ", ".join(ADOPTION_COLUMNS)
        + " (format=csv or /adoption.csv).",
    },
    400: {"description": "A filter names no programme or province the graph knows."},
}
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv.")]


Programme = Annotated[str | None, Query(description="Slug (yi-wang-tong-guan) or name (一网统管).")]
Province = Annotated[str | None, Query(description="Province code (320000) or name (江苏省).")]
Level = Annotated[
    Literal["country", "province", "prefecture", "district"] | None,
    Query(description="Administrative level."),
]
YearFrom = Annotated[int | None, Query(alias="from", description="First year (undated events drop out).")]
YearTo = Annotated[int | None, Query(alias="to", description="Last year (undated events drop out).")]


def _adoption(store: StoreDep, filters: dict[str, Any], limit: int, offset: int, fmt: str) -> Any:
    try:
        with view(store) as v:
            rows = filter_events(v, **filters)
            version = graph_version(v)
    except UnknownFilter as error:
        raise Problem(400, str(error), slug="unknown-filter") from None
    page = rows[offset : offset + limit]
    if fmt == "csv":
        return Response(
            csv_text(page, ADOPTION_COLUMNS),
            media_type=_CSV,
            headers={
                "Content-Disposition": 'attachment; filename="adoption.csv"',
                "X-Total-Count": str(len(rows)),
                "X-Graph-Version": version,
            },
        )
    return AdoptionOut.model_validate(
        {"data": page, "count": len(rows), "limit": limit, "offset": offset, "graph_version": version}
    )


@router.get(
    "/adoption",
    summary="Adoption events: each place and programme with its first evidence",
    response_model=AdoptionOut,
    responses=_ADOPTION_RESPONSES,
)
def get_adoption(
    store: StoreDep,
    programme: Programme = None,
    province: Province = None,
    level: Level = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    format: Format = "json",
) -> Any:
    """Return one row per place and programme: its first evidence and the number of documents with evidence.

    The date is the document's publication date, else a year the sentence states, else unknown
    (``date_source`` says which). ``count`` is the number of rows matching the filters; the CSV
    has the same columns and rows (``X-Total-Count`` gives the count).
    """
    filters = {"programme": programme, "province": province, "level": level}
    return _adoption(store, {**filters, "year_from": year_from, "year_to": year_to}, limit, offset, format)


@router.get(
    "/adoption.csv", summary="Adoption events as CSV", responses=_ADOPTION_RESPONSES, response_class=Response
)
def get_adoption_csv(
    store: StoreDep,
    programme: Programme = None,
    province: Province = None,
    level: Level = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 100_000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """Return the adoption events as CSV (``/adoption?format=csv``, with every row by default)."""
    filters = {"programme": programme, "province": province, "level": level}
    result: Response = _adoption(
        store, {**filters, "year_from": year_from, "year_to": year_to}, limit, offset, "csv"
    )
    return result


@router.get(
    "/programmes/{slug}/diffusion",
    summary="A programme's diffusion curve: adopters by year",
    responses={404: {"description": "No programme has this slug."}},
)
def get_diffusion(store: StoreDep, slug: str) -> DiffusionOut:
    """Return new and cumulative adopters per year (from each place's first dated evidence)."""
    with view(store) as v:
        if slug not in v.index.programmes and not v.projection.adopters(slug):
            raise Problem(
                404, f"no programme has the slug {slug!r} (e.g. yi-wang-tong-guan)", slug="unknown-programme"
            )
        return DiffusionOut.model_validate({**diffusion_curve(v, slug), "graph_version": graph_version(v)})


@router.get(
    "/programmes/{slug}/co-adopted",
    summary="Programmes most often run together with this one",
    responses={404: {"description": "No programme has this slug."}},
)
def get_co_adopted(
    store: StoreDep, slug: str, limit: Annotated[int, Query(ge=1, le=500)] = 20
) -> CoAdoptedOut:
    """Return programmes by the number of places running both, with lift over chance and the places."""
    try:
        with view(store) as v:
            return CoAdoptedOut.model_validate(
                {**co_adopted(v, slug, limit=limit), "graph_version": graph_version(v)}
            )
    except UnknownProgramme as error:
        raise Problem(404, str(error), slug="unknown-programme") from None


@router.get("/diffusion", summary="Programmes by how far they have spread and by co-adoption centrality")
def get_spread(
    store: StoreDep,
    order: Annotated[
        Literal["places", "provinces", "centrality"], Query(description="Sort key (descending).")
    ] = "places",
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
) -> SpreadOut:
    """Return every programme run somewhere: places, provinces, first year, centrality in the co-adoption graph."""
    with view(store) as v:
        rows = programme_spread(v, order=order)
        version = graph_version(v)
    return SpreadOut.model_validate({"data": rows[:limit], "count": len(rows), "graph_version": version})


@router.get(
    "/places/{code}/gaps",
    summary="Programmes this place's peers run and it does not",
    responses={404: {"description": "No place has this division code."}},
)
def get_gaps(
    store: StoreDep,
    code: str,
    peers: Annotated[
        Literal["similar", "province", "level"],
        Query(
            description="similar: the most similar places; province: the same province; level: the same level."
        ),
    ] = "similar",
    k: Annotated[int, Query(ge=1, le=200, description="How many peers (the closest ones).")] = 10,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> GapsOut:
    """Return the gaps ranked by how many peers run them and how close they are, each with the peers' evidence."""
    try:
        with view(store) as v:
            result = {**programme_gaps(v, code, peers=peers, k=k), "graph_version": graph_version(v)}
    except UnknownPlace as error:
        raise Problem(404, str(error), slug="unknown-place") from None
    result["data"] = result["data"][:limit]
    return GapsOut.model_validate(result)


@router.get("/communities", summary="Peer groups: communities of places by programme portfolio")
def get_communities(store: StoreDep) -> CommunitiesOut:
    """Return the Louvain modularity communities of the place similarity graph, with defining programmes."""
    with view(store) as v:
        groups = peer_groups(v)
        version = graph_version(v)
    return CommunitiesOut.model_validate({"data": groups, "count": len(groups), "graph_version": version})


@router.get("/paths", summary="Shortest connections between two entities, with evidence", responses={404: {}})
def get_paths(
    store: StoreDep,
    source: Annotated[str, Query(alias="from", description="IRI, e.g. https://w3id.org/citykg/place/321000")],
    target: Annotated[str, Query(alias="to", description="IRI, e.g. https://w3id.org/citykg/place/371600")],
    max_hops: Annotated[int, Query(alias="max", ge=1, le=8, description="Longest path (edges).")] = 4,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> PathsOut:
    """Return the shortest paths (every edge with up to three sentences of evidence) between two entities."""
    try:
        with view(store) as v:
            found = connecting_paths(v, source, target, max_hops=max_hops, limit=limit)
            return PathsOut.model_validate({**found, "graph_version": graph_version(v)})
    except UnknownNode as error:
        raise Problem(404, str(error), slug="unknown-node") from None
