"""/queries: the canned SPARQL and Cypher queries of `queries/`, listed and run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from app.canned import DEFAULT_PAGE, QueryUnavailable, list_canned_queries, run_canned_query
from app.deps import SettingsDep, StoreDep
from app.lanes import QueriesWaiting
from app.models import CannedResultOut, QueryOut
from app.problems import Problem
from app.queries import InvalidParameter, QueryLanguage, UnknownQuery, load_queries
from app.routes.cypher import no_sink_reason, wait_for_mirror
from app.routes.sparql import query_lanes, queue_full
from app.settings import Settings
from graphstore.cypher import CypherTimeout, CypherUnavailable, run_cypher
from graphstore.graphsink import GraphSink
from graphstore.sparql import QueryTimeout

__all__ = ["router"]

router = APIRouter(prefix="/queries", tags=["queries"])


@router.get("", summary="The canned queries")
def get_queries() -> list[QueryOut]:
    """Return every canned query with its title, description, language, parameters (with defaults) and text."""
    texts = {(q.name, q.language): q.text for q in load_queries()}
    return [
        QueryOut.model_validate({**q, "text": texts.get((q["name"], q["language"]), "")})
        for q in list_canned_queries()
    ]


_SUFFIX_LANGUAGE: dict[str, QueryLanguage] = {".rq": "sparql", ".cypher": "cypher"}


@router.get(
    "/{name}",
    summary="Run a canned query by name (name.rq or name.cypher picks the language); parameters go in the query string",
    responses={
        404: {"description": "No canned query has this name."},
        422: {"description": "A parameter the query does not declare, or an unsafe value."},
        501: {"description": "A Cypher query while no Cypher store is attached."},
        503: {"description": "The query ran past the time limit."},
    },
)
def run_query(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    name: str,
    limit: Annotated[
        int,
        Query(
            ge=1, description="Things per page (rows, or what the query pages by); at most CITYKG_MAX_ROWS."
        ),
    ] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, description="Things to skip.")] = 0,
) -> CannedResultOut:
    """Return a page of the columns and rows of the canned query `name`, bound to the query-string parameters.

    `places_running_programme` runs the SPARQL file when there is one; `places_running_programme.cypher`
    runs the Cypher one. Parameters are checked against their declared types (GET /queries lists them).
    `next` is the path of the next page, null on the last.
    """
    stem, dot, suffix = name.rpartition(".")
    language = _SUFFIX_LANGUAGE.get(f".{suffix}") if dot else None
    params = {k: v for k, v in request.query_params.items() if k not in ("limit", "offset")}
    try:
        result = run_canned_query(
            store,
            stem if language else name,
            params,
            timeout_s=settings.query_timeout_s,
            max_rows=settings.max_rows,
            cypher=_cypher_runner(request, settings),
            language=language,
            lanes=query_lanes(request, store, settings),
            limit=min(limit, settings.max_rows),
            offset=offset,
        )
    except UnknownQuery:
        raise Problem(
            404, f"no canned query is called {name!r}; GET /queries lists them", slug="unknown-query"
        ) from None
    except InvalidParameter as error:
        raise Problem(422, str(error), slug="invalid-parameter") from None
    except QueriesWaiting as error:
        raise queue_full(error, settings) from None
    except QueryUnavailable as error:
        raise Problem(501, str(error), slug="cypher-unavailable") from None
    except (QueryTimeout, CypherTimeout) as error:
        raise Problem(503, str(error), slug="query-timeout") from None
    except CypherUnavailable as error:
        raise Problem(503, str(error), slug="cypher-unavailable") from None
    following = result.pop("next_offset")
    next_url = request.url.include_query_params(offset=following, limit=result["limit"])
    return CannedResultOut.model_validate(
        {**result, "next": f"{next_url.path}?{next_url.query}" if following is not None else None}
    )


def _cypher_runner(
    request: Request, settings: Settings
) -> Callable[[str, dict[str, str]], dict[str, Any]] | None:
    """Return a runner of canned Cypher on the app's graph database, or None when it has none."""
    ready = getattr(request.app.state, "mirror_ready", None)
    starting = ready is not None and not ready.is_set()
    if getattr(request.app.state, "sink", None) is None and not starting:
        return None

    def run(text: str, params: dict[str, str]) -> dict[str, Any]:
        wait_for_mirror(request, settings.query_timeout_s)  # only a Cypher query waits for it
        sink: GraphSink | None = request.app.state.sink
        if sink is None:
            raise CypherUnavailable(no_sink_reason(request))
        result = run_cypher(
            sink, text, params, timeout_s=settings.query_timeout_s, max_rows=settings.max_rows
        )
        return {"columns": result.columns, "rows": result.rows, "truncated": result.truncated}

    return run
