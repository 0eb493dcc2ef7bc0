"""/cypher: read-only Cypher over the property-graph mirror (FalkorDB or Neo4j)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from app.deps import SettingsDep
from app.problems import Problem
from graphstore.cypher import (
    CypherFailed,
    CypherResult,
    CypherTimeout,
    CypherTooLarge,
    CypherUnavailable,
    MalformedCypher,
    WriteRefused,
    run_cypher,
)
from graphstore.graphsink import GraphSink
from graphstore.mirror import catch_up

__all__ = ["ENGINE_HEADER", "CypherIn", "CypherOut", "no_sink_reason", "router", "wait_for_mirror"]

router = APIRouter(prefix="/cypher", tags=["cypher"])

TRUNCATED_HEADER = "X-Citykg-Truncated"
# FalkorDB's Cypher and Neo4j's differ (docs/cypher-engines.md): answers and errors say which ran.
ENGINE_HEADER = "X-Citykg-Engine"


class CypherIn(BaseModel):
    """A Cypher query and its parameters (``$name`` in the query)."""

    query: str = Field(min_length=1, description="A read-only Cypher query.")
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Values for the query's $parameters."
    )


class CypherOut(BaseModel):
    """The columns and rows of a result; ``truncated`` says the rows were cut at CITYKG_MAX_ROWS."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    engine: str = Field(
        description="The database that answered: `falkordb` or `neo4j`; their Cypher differs."
    )


_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "The database could not parse or plan the query; the detail quotes it."},
    403: {"description": "The query would change the graph: /cypher is read-only."},
    503: {"description": "No graph database, or the query ran past CITYKG_QUERY_TIMEOUT_S and was stopped."},
}


def wait_for_mirror(request: Request, wait_s: float) -> None:
    """Return once the app's mirror has started and caught up with the store; 503 after ``wait_s``.

    A server starts its mirror in the background (app.main._start_mirror), so a Cypher query
    waits for it, at most as long as a query may run.
    """
    ready = getattr(request.app.state, "mirror_ready", None)
    if ready is not None and not ready.wait(wait_s):
        raise Problem(
            503,
            "the graph database is still starting or catching up with the store; try again shortly",
            slug="cypher-starting",
            headers={"Retry-After": "5"},
        )


def no_sink_reason(request: Request) -> str:
    """Return why the app has no graph database to run Cypher on, as /cypher and canned Cypher say it."""
    reason = getattr(request.app.state, "sink_error", None)
    if reason:
        return f"the graph database did not start: {reason}"
    return "no graph database is configured for Cypher (set CITYKG_FALKORDB=true or CITYKG_NEO4J_URI)"


def _sink(request: Request, wait_s: float) -> GraphSink:
    wait_for_mirror(request, wait_s)
    sink: GraphSink | None = getattr(request.app.state, "sink", None)
    if sink is None:
        raise Problem(503, no_sink_reason(request), slug="cypher-unavailable")
    return sink


@router.post("", summary="Run a read-only Cypher query", responses=_RESPONSES)
def cypher_post(body: CypherIn, request: Request, response: Response, settings: SettingsDep) -> CypherOut:
    """Answer a read-only Cypher query with its columns and rows (JSON); writes get 403."""
    sink = _sink(request, settings.query_timeout_s)

    def run() -> CypherResult:
        return run_cypher(
            sink, body.query, body.parameters, timeout_s=settings.query_timeout_s, max_rows=settings.max_rows
        )

    engine = {ENGINE_HEADER: sink.kind}

    def problem(status: int, detail: str, slug: str, **extra: Any) -> Problem:
        return Problem(status, detail, slug=slug, headers=engine, engine=sink.kind, **extra)

    try:
        try:
            result = run()
        except CypherUnavailable:
            if not catch_up(request.app.state.store, sink):
                raise
            result = run()  # the database was restarted and caught up with the store
    except WriteRefused as error:
        raise problem(403, str(error), "write-refused") from None
    except MalformedCypher as error:
        raise problem(400, f"malformed query: {error}", "malformed-query") from None
    except CypherTimeout as error:
        raise problem(
            503,
            f"the query ran longer than the {error.limit_s:g} s limit and was stopped (setting CITYKG_QUERY_TIMEOUT_S)",
            "query-timeout",
            limit_s=error.limit_s,
            setting="CITYKG_QUERY_TIMEOUT_S",
        ) from None
    except CypherTooLarge:
        raise problem(
            503,
            f"the query needed more than {settings.cypher_memory_mb} MB and was stopped "
            "(setting CITYKG_CYPHER_MEMORY_MB); narrow it or return fewer values",
            "query-too-large",
            setting="CITYKG_CYPHER_MEMORY_MB",
        ) from None
    except CypherUnavailable as error:
        raise problem(503, str(error), "cypher-unavailable") from None
    except CypherFailed as error:
        raise problem(500, f"the query failed: {error}", "query-failed") from None
    response.headers.update(engine)
    response.headers[TRUNCATED_HEADER] = "true" if result.truncated else "false"
    if result.truncated:
        response.headers["X-Citykg-Max-Rows"] = str(settings.max_rows)
    return CypherOut(columns=result.columns, rows=result.rows, truncated=result.truncated, engine=sink.kind)
