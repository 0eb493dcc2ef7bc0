"""/sparql: a read-only SPARQL 1.1 Protocol endpoint over the store (GET, form POST, direct POST)."""

from __future__ import annotations

import asyncio
import threading
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.deps import SettingsDep, StoreDep
from app.lanes import Lanes, QueriesWaiting
from app.problems import Problem
from app.settings import Settings
from graphstore.sparql import (
    FORMATS,
    GRAPH,
    FederatedQueryRefused,
    MalformedQuery,
    NotAcceptable,
    QueryFailed,
    QueryTimeout,
    StoreUnavailable,
    UpdateRefused,
    format_named,
    negotiate,
    serialize_graph,
    service_description,
)
from graphstore.stores import RdfStore

__all__ = ["router"]

router = APIRouter(prefix="/sparql", tags=["sparql"])

TRUNCATED_HEADER = "X-Citykg-Truncated"
_ALL_MEDIA_TYPES = sorted({f.media_type for formats in FORMATS.values() for f in formats})
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Results (SELECT, ASK), a graph (CONSTRUCT, DESCRIBE) or, without a query, the service description.",
        "content": {media: {} for media in _ALL_MEDIA_TYPES},
    },
    400: {"description": "Malformed query; the detail quotes the parser."},
    403: {"description": "SPARQL Update (or SERVICE) refused: the endpoint is read-only."},
    406: {"description": "None of the acceptable media types fits the result."},
    503: {
        "description": "The query ran past the time limit (CITYKG_QUERY_TIMEOUT_S) and was stopped, or every "
        "worker is busy and the wait queue (CITYKG_QUERY_QUEUE) is full (with Retry-After)."
    },
}
_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["query"],
                }
            },
            "application/sparql-query": {"schema": {"type": "string"}},
        },
    }
}
_UPDATE_REFUSED = "SPARQL Update is not accepted here: this endpoint is read-only"


_LANES_MADE = threading.Lock()


def query_lanes(request: Request, store: RdfStore, settings: Settings) -> Lanes:
    """Return the app's query lanes (app/lanes.py), made on first use."""
    with _LANES_MADE:  # two first requests at once must not make two sets of gates
        lanes: Lanes | None = getattr(request.app.state, "query_lanes", None)
        if lanes is None:
            lanes = request.app.state.query_lanes = Lanes(store, queue=settings.query_queue)
        return lanes


def queue_full(error: QueriesWaiting, settings: Settings) -> Problem:
    """Return the 503 (with Retry-After) for a query whose lane has no room."""
    lane = {"general": "slow and new queries", "express": "quick queries"}.get(error.lane, "the same query")
    return Problem(
        503,
        f"every query worker for {lane} is busy and the wait queue is full; retry shortly "
        "(settings CITYKG_QUERY_WORKERS, CITYKG_QUERY_QUEUE)",
        slug="query-queue-full",
        headers={"Retry-After": str(max(1, round(settings.query_timeout_s)))},
    )


async def _answer_when_admitted(
    request: Request, store: RdfStore, settings: Settings, query: str, *graphs: list[str]
) -> Response:
    """Answer a query in a server thread; the same query asked while it runs waits for that answer.

    A query's result does not depend on who asks, so a request for a text (with the same dataset
    and Accept header) already running awaits that run's response instead of taking a worker
    and a thread of its own. Ten identical canned queries at once had filled the lanes beside
    twenty runaway ones (issue 8 load check); waiting here holds no thread.
    """
    key = (query, *(tuple(g) for g in graphs), request.headers.get("accept"))
    running: dict[Any, asyncio.Future[Response]] = request.app.state.__dict__.setdefault("sparql_running", {})
    if (leader := running.get(key)) is not None:
        answer = await asyncio.shield(leader)
        return Response(answer.body, status_code=answer.status_code, headers=_copied_headers(answer))
    mine: asyncio.Future[Response] = asyncio.get_running_loop().create_future()
    running[key] = mine
    # Admission happens in the worker thread, but it never waits: a full lane is answered at once.
    try:
        response = await run_in_threadpool(_answer, request, store, settings, query, *graphs)
    except QueriesWaiting as error:
        problem = queue_full(error, settings)
        _settle(mine, problem)
        raise problem from None
    except BaseException as error:
        _settle(mine, error)
        raise
    finally:
        running.pop(key, None)
    mine.set_result(response)
    return response


def _settle(future: asyncio.Future[Response], error: BaseException) -> None:
    """Hand ``error`` to the requests waiting on ``future`` (marked seen, so an unwaited one is not logged)."""
    future.set_exception(error)
    future.exception()


def _copied_headers(response: Response) -> dict[str, str]:
    return {k: v for k, v in response.headers.items() if k.lower() != "content-length"}


@router.get("", summary="Run a SPARQL query, or describe the service", responses=_RESPONSES)
async def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[
        str | None, Query(description="The SPARQL query; without it the service description is returned.")
    ] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
) -> Response:
    """Answer a SPARQL query given in the URL; without ``query``, return the SPARQL service description."""
    if "update" in request.query_params:
        raise Problem(403, _UPDATE_REFUSED, slug="update-refused")
    if query is None:
        return _service_description(request, settings)
    return await _answer_when_admitted(
        request, store, settings, query, default_graph_uri or [], named_graph_uri or []
    )


@router.post(
    "",
    summary="Run a SPARQL query sent in the body",
    responses={
        **_RESPONSES,
        415: {
            "description": "The body is neither application/x-www-form-urlencoded nor application/sparql-query."
        },
    },
    openapi_extra=_POST_BODY,
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Answer a query sent as a form (``query=``) or as ``application/sparql-query``; updates get 403."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/sparql-update":
        raise Problem(403, _UPDATE_REFUSED, slug="update-refused")
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "the request body is not UTF-8", slug="malformed-query") from None
    if media_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        if "update" in form:
            raise Problem(403, _UPDATE_REFUSED, slug="update-refused")
        queries = form.get("query", [])
        default_graphs, named_graphs = form.get("default-graph-uri", []), form.get("named-graph-uri", [])
    elif media_type == "application/sparql-query":
        queries = [text]
        params = request.query_params
        default_graphs, named_graphs = params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    else:
        raise Problem(
            415,
            "send the query as application/x-www-form-urlencoded (query=...) or as application/sparql-query",
            slug="unsupported-media-type",
        )
    if len(queries) != 1:
        raise Problem(400, "give exactly one query", slug="malformed-query")
    return await _answer_when_admitted(request, store, settings, queries[0], default_graphs, named_graphs)


def _answer(
    request: Request,
    store: RdfStore,
    settings: Settings,
    query: str,
    default_graphs: list[str],
    named_graphs: list[str],
) -> Response:
    formats = negotiate(request.headers.get("accept"))
    if not any(formats.values()):
        raise _not_acceptable(request)
    try:
        result = query_lanes(request, store, settings).run(
            query,
            timeout_s=settings.query_timeout_s,
            default_graph_uris=default_graphs,
            named_graph_uris=named_graphs,
            formats=formats,
            max_rows=settings.max_rows,
        )
    except (UpdateRefused, FederatedQueryRefused) as error:
        raise Problem(
            403, str(error), slug="update-refused" if isinstance(error, UpdateRefused) else "service-refused"
        ) from None
    except MalformedQuery as error:
        raise Problem(400, f"malformed query: {error}", slug="malformed-query") from None
    except NotAcceptable as error:
        raise _not_acceptable(request, error.kind) from None
    except QueryTimeout as error:
        raise Problem(
            503,
            f"the query ran longer than the {error.limit_s:g} s limit and was stopped "
            "(setting CITYKG_QUERY_TIMEOUT_S)",
            slug="query-timeout",
            limit_s=error.limit_s,
            setting="CITYKG_QUERY_TIMEOUT_S",
        ) from None
    except StoreUnavailable as error:
        raise Problem(503, str(error), slug="store-unavailable") from None
    except QueryFailed as error:
        raise Problem(500, f"the query failed: {error}", slug="query-failed") from None
    headers = {TRUNCATED_HEADER: "true" if result.truncated else "false", "Vary": "Accept"}
    if result.truncated:
        headers["X-Citykg-Max-Rows"] = str(settings.max_rows)
    return Response(result.body, media_type=result.media_type, headers=headers)


def _not_acceptable(request: Request, kind: str | None = None) -> Problem:
    kinds = [kind] if kind else list(FORMATS)
    offered = sorted({f.media_type for k in kinds for f in FORMATS[k]})
    accept = request.headers.get("accept", "")
    what = f"{kind} results" if kind else "any result"
    return Problem(
        406,
        f"Accept: {accept!r} allows no format for {what}; offered: {', '.join(offered)}",
        slug="not-acceptable",
    )


def _service_description(request: Request, settings: Settings) -> Response:
    name = negotiate(request.headers.get("accept"))[GRAPH]
    if name is None:
        raise _not_acceptable(request, GRAPH)
    # Never echo the request's Host header (issue 8: a forged Host came back in the description).
    public = settings.public_url or f"http://{settings.host}:{settings.port}"
    endpoint = public.rstrip("/") + "/sparql"
    body = serialize_graph(service_description(endpoint), name)
    return Response(body, media_type=format_named(GRAPH, name).media_type, headers={"Vary": "Accept"})
