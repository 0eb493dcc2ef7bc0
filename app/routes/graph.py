"""/graph: a node's neighbourhood for a graph view."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import StoreDep
from app.models import GraphOut
from app.problems import Problem
from app.resources import NodeNotFound, iri_term, neighbourhood

__all__ = ["router"]

router = APIRouter(prefix="/graph", tags=["graph"])
_TYPES = ("Place", "Programme", "Agency", "Project", "Indicator", "Policy", "Document")


@router.get(
    "",
    summary="Nodes and edges around a node",
    responses={400: {"description": "The node is not a valid IRI."}, 404: {"description": "No such node."}},
)
def get_graph(
    store: StoreDep,
    node: Annotated[str, Query(description="A resource IRI, e.g. https://w3id.org/citykg/place/321000")],
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    types: Annotated[
        str | None, Query(description="Comma-separated node types to keep: " + ",".join(_TYPES))
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> GraphOut:
    """Return the resources within `depth` hops of `node`; evidence and observation nodes are collapsed."""
    wanted = {t.strip() for t in types.split(",") if t.strip()} if types else None
    if wanted and wanted - set(_TYPES):
        raise Problem(
            422, f"unknown node type(s) {', '.join(sorted(wanted - set(_TYPES)))}; use {', '.join(_TYPES)}"
        )
    try:
        iri_term(node)
    except ValueError as error:
        raise Problem(400, f"node is not a valid IRI: {error}", slug="bad-iri") from None
    try:
        return GraphOut.model_validate(neighbourhood(store, node, depth=depth, types=wanted, limit=limit))
    except NodeNotFound as error:
        raise Problem(404, str(error), slug="unknown-node") from None
