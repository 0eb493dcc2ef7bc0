"""/queries: the canned SPARQL and Cypher queries of `queries/`, listed and run."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.deps import SettingsDep, StoreDep
from app.models import QueryOut, QueryResultOut
from app.problems import Problem
from app.queries import InvalidParameter, UnknownQuery, load_queries
from app.resources import QueryUnavailable, list_canned_queries, run_canned_query
from app.sparql import QueryTimeout

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


@router.get(
    "/{name}",
    summary="Run a canned query; its parameters go in the query string",
    responses={
        404: {"description": "No canned query has this name."},
        422: {"description": "A parameter the query does not declare, or an unsafe value."},
        501: {"description": "A Cypher query while no Cypher store is attached."},
        503: {"description": "The query ran past the time limit."},
    },
)
def run_query(request: Request, store: StoreDep, settings: SettingsDep, name: str) -> QueryResultOut:
    """Return the columns and rows of the canned query `name`, bound to the query-string parameters."""
    try:
        result = run_canned_query(
            store,
            name,
            dict(request.query_params),
            timeout_s=settings.query_timeout_s,
            max_rows=settings.max_rows,
            cypher=getattr(request.app.state, "cypher", None),
        )
    except UnknownQuery:
        raise Problem(
            404, f"no canned query is called {name!r}; GET /queries lists them", slug="unknown-query"
        ) from None
    except InvalidParameter as error:
        raise Problem(422, str(error), slug="invalid-parameter") from None
    except QueryUnavailable as error:
        raise Problem(501, str(error), slug="cypher-unavailable") from None
    except QueryTimeout as error:
        raise Problem(503, str(error), slug="query-timeout") from None
    return QueryResultOut.model_validate(result)
