"""Analytics routes: adoption events, diffusion, gaps, peer groups, co-adoption and paths (app.analytics)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from app.analytics import (
    ADOPTION_COLUMNS,
    UnknownFilter,
    UnknownNode,
    UnknownPlace,
    UnknownProgramme,
    co_adopted,
    connecting_paths,
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
from app.analytics.tables import flatten
from app.deps import StoreDep
from app.problems import Problem
from app.routes.tabular import ListingDep, Table, list_route

__all__ = ["ADOPTION", "CO_ADOPTED", "COMMUNITIES", "CURVE", "GAPS", "SPREAD", "router"]

router = APIRouter(tags=["analytics"])
_BAD_FILTER: dict[int | str, dict[str, Any]] = {
    400: {"description": "A filter names no programme or province the graph knows."}
}
_NO_PROGRAMME: dict[int | str, dict[str, Any]] = {404: {"description": "No programme has this slug."}}


def _members(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for g in body["data"]:
        for m in g["members"]:
            defining = ";".join(p["slug"] for p in g["programmes"])
            yield {"community": g["id"], "size": g["size"], "place_code": m["code"], "place_name": m["name"],
                   "defining_programmes": defining, "url": f"/places/{m['code']}"}  # fmt: skip


def _gap_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for gap in body["data"]:
        first = gap["peers"][0]["evidence"] if gap["peers"] else None
        yield {
            **flatten({"programme": gap["programme"]}),
            "peers_running": gap["peers_running"],
            "score": gap["score"],
            "peer_codes": ";".join(p["place"]["code"] for p in gap["peers"]),
            "peer_names": ";".join(p["place"]["name"] for p in gap["peers"]),
            "kin_of_mine": ";".join(k["slug"] for k in gap["kin_of_mine"]),
            "quote": first and first["quote"],
            "evidence_url": first and f"/documents/{first['document']['id']}",
            "url": f"/programmes/{gap['programme']['slug']}",
        }


def _curve_rows(body: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for point in body["curve"]:
        yield {**flatten(point), "programme_slug": body["programme"]["slug"]}


ADOPTION = Table("adoption", ADOPTION_COLUMNS, spread=lambda body: body["data"])
CURVE = Table(
    "diffusion-curve", ("programme_slug", "year", "new", "cumulative", "places"), spread=_curve_rows
)
CO_ADOPTED = Table(
    "co-adopted",
    ("programme_slug", "programme_label", "places", "lift", "share", "co_places", "url"),
    url=lambda r: f"/programmes/{r['programme']['slug']}",
)
SPREAD = Table(
    "diffusion",
    (
        "programme_slug",
        "programme_label",
        "places",
        "provinces",
        "first_year",
        "centrality",
        "co_adopted",
        "url",
    ),
    url=lambda r: f"/programmes/{r['programme']['slug']}/diffusion",
)
GAPS = Table(
    "gaps",
    ("programme_slug", "programme_label", "peers_running", "score", "peer_codes", "peer_names", "kin_of_mine",
     "quote", "evidence_url", "url"),
    spread=_gap_rows,
)  # fmt: skip
COMMUNITIES = Table(
    "communities",
    ("community", "size", "place_code", "place_name", "defining_programmes", "url"),
    spread=_members,
)

Programme = Annotated[str | None, Query(description="Slug (yi-wang-tong-guan) or name (一网统管).")]
Province = Annotated[str | None, Query(description="Province code (320000) or name (江苏省).")]
Level = Annotated[
    Literal["country", "province", "prefecture", "district"] | None,
    Query(description="Administrative level."),
]
YearFrom = Annotated[int | None, Query(alias="from", description="First year (undated events drop out).")]
YearTo = Annotated[int | None, Query(alias="to", description="Last year (undated events drop out).")]


@list_route(
    router,
    "/adoption",
    ADOPTION,
    model=AdoptionOut,
    summary="Adoption events: each place and programme with its first evidence",
    responses=_BAD_FILTER,
)
def get_adoption(
    store: StoreDep,
    listing: ListingDep,
    programme: Programme = None,
    province: Province = None,
    level: Level = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Return one row per place and programme: its first evidence and the number of documents with evidence.

    The date is the document's publication date, else a year the sentence states, else unknown
    (``date_source`` says which). ``count`` is the number of rows matching the filters.
    """
    filters = {"programme": programme, "province": province, "level": level}
    try:
        with view(store) as v:
            rows = filter_events(v, **filters, year_from=year_from, year_to=year_to)
            version = graph_version(v)
    except UnknownFilter as error:
        raise Problem(400, str(error), slug="unknown-filter") from None
    size = listing.limit(limit)
    body = {"data": rows[offset : offset + size], "count": len(rows), "limit": size, "offset": offset}
    return listing.respond(ADOPTION, {**body, "graph_version": version}, AdoptionOut)


@list_route(
    router,
    "/programmes/{slug}/diffusion",
    CURVE,
    model=DiffusionOut,
    summary="A programme's diffusion curve: adopters by year",
    responses=_NO_PROGRAMME,
)
def get_diffusion(store: StoreDep, listing: ListingDep, slug: str) -> Any:
    """Return new and cumulative adopters per year (from each place's first dated evidence)."""
    with view(store) as v:
        if slug not in v.index.programmes and not v.projection.adopters(slug):
            raise Problem(
                404, f"no programme has the slug {slug!r} (e.g. yi-wang-tong-guan)", slug="unknown-programme"
            )
        body = {**diffusion_curve(v, slug), "graph_version": graph_version(v)}
    return listing.respond(CURVE, body, DiffusionOut)


@list_route(
    router,
    "/programmes/{slug}/co-adopted",
    CO_ADOPTED,
    model=CoAdoptedOut,
    summary="Programmes most often run together with this one",
    responses=_NO_PROGRAMME,
)
def get_co_adopted(
    store: StoreDep, listing: ListingDep, slug: str, limit: Annotated[int, Query(ge=1, le=500)] = 20
) -> Any:
    """Return programmes by the number of places running both, with lift over chance and the places."""
    try:
        with view(store) as v:
            body = {**co_adopted(v, slug, limit=listing.limit(limit)), "graph_version": graph_version(v)}
    except UnknownProgramme as error:
        raise Problem(404, str(error), slug="unknown-programme") from None
    return listing.respond(CO_ADOPTED, body, CoAdoptedOut)


@list_route(
    router, "/diffusion", SPREAD, model=SpreadOut,
    summary="Programmes by how far they have spread and by co-adoption centrality",
)  # fmt: skip
def get_spread(
    store: StoreDep,
    listing: ListingDep,
    order: Annotated[
        Literal["places", "provinces", "centrality"], Query(description="Sort key (descending).")
    ] = "places",
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
) -> Any:
    """Return every programme run somewhere: places, provinces, first year, centrality in the co-adoption graph."""
    with view(store) as v:
        rows = programme_spread(v, order=order)
        version = graph_version(v)
    body = {"data": rows[: listing.limit(limit)], "count": len(rows), "graph_version": version}
    return listing.respond(SPREAD, body, SpreadOut)


@list_route(
    router,
    "/places/{code}/gaps",
    GAPS,
    model=GapsOut,
    summary="Programmes this place's peers run and it does not",
    responses={404: {"description": "No place has this division code."}},
)
def get_gaps(
    store: StoreDep,
    listing: ListingDep,
    code: str,
    peers: Annotated[
        Literal["similar", "province", "level"],
        Query(
            description="similar: the most similar places; province: the same province; level: the same level."
        ),
    ] = "similar",
    k: Annotated[int, Query(ge=1, le=200, description="How many peers (the closest ones).")] = 10,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> Any:
    """Return the gaps ranked by how many peers run them and how close they are, each with the peers' evidence."""
    try:
        with view(store) as v:
            result = {**programme_gaps(v, code, peers=peers, k=k), "graph_version": graph_version(v)}
    except UnknownPlace as error:
        raise Problem(404, str(error), slug="unknown-place") from None
    result["data"] = result["data"][: listing.limit(limit)]
    return listing.respond(GAPS, result, GapsOut)


@list_route(
    router,
    "/communities",
    COMMUNITIES,
    model=CommunitiesOut,
    summary="Peer groups: communities of places by programme portfolio (CSV: one row per member)",
)
def get_communities(store: StoreDep, listing: ListingDep) -> Any:
    """Return the Louvain modularity communities of the place similarity graph, with defining programmes."""
    with view(store) as v:
        groups = peer_groups(v)
        version = graph_version(v)
    body = {"data": groups, "count": len(groups), "graph_version": version}
    return listing.respond(COMMUNITIES, body, CommunitiesOut)


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
