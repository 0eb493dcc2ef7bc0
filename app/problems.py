"""Errors as RFC 9457 problem details (``application/problem+json``)."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graphstore.sparql import QueryTimeout, StoreUnavailable

__all__ = ["PROBLEM_MEDIA_TYPE", "Problem", "install_problem_handlers", "problem_response", "without_paths"]

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/citykg/problems/"

log = logging.getLogger(__name__)

# An absolute file-system path of two or more segments, not the path part of a URL (after "//host").
_FS_PATH = re.compile(r"(?<![\w:/.~-])/(?:[\w.@+-]+/)+[\w.@+-]*")


def without_paths(detail: str) -> str:
    """Return `detail` with file-system paths (sockets, snapshots, data folders) replaced by their last part.

    A server error's detail goes to anonymous callers; where the server keeps its files is not theirs to know.

    >>> without_paths("Error 2 connecting to unix socket: /tmp/x/falkordb.sock. No such file")
    'Error 2 connecting to unix socket: …/falkordb.sock. No such file'
    >>> without_paths("see https://w3id.org/citykg/place/1 and GET /queries")
    'see https://w3id.org/citykg/place/1 and GET /queries'
    """
    return _FS_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], detail)


class Problem(Exception):
    """An HTTP error answered as problem+json; ``slug`` names its type under ``PROBLEM_BASE``."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        slug: str | None = None,
        title: str | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = PROBLEM_BASE + slug if slug else "about:blank"
        self.title = title or HTTPStatus(status).phrase
        self.headers = dict(headers or {})
        self.extra = extra


def problem_response(
    request: Request,
    status: int,
    detail: str | None,
    *,
    type_: str = "about:blank",
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """Return a problem+json response for ``request``."""
    body: dict[str, Any] = {"type": type_, "title": title or HTTPStatus(status).phrase, "status": status}
    if detail:
        body["detail"] = without_paths(detail) if status >= 500 else detail
    body["instance"] = request.url.path
    body.update(extra)
    return JSONResponse(body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_MEDIA_TYPE)


async def _on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(
        request, exc.status, exc.detail, type_=exc.type, title=exc.title, headers=exc.headers, **exc.extra
    )


async def _on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(request, exc.status_code, detail, headers=exc.headers)


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
    return problem_response(request, 422, "the request parameters are invalid", errors=errors)


async def _on_store_error(request: Request, exc: Exception) -> JSONResponse:
    # A REST resource whose store query ran out of time or whose remote store is down: the
    # user can retry, so 503 with what happened rather than a logged 500.
    slug = "query-timeout" if isinstance(exc, QueryTimeout) else "store-unavailable"
    detail = str(exc) + (" (setting CITYKG_QUERY_TIMEOUT_S)" if isinstance(exc, QueryTimeout) else "")
    return problem_response(request, 503, detail, type_=PROBLEM_BASE + slug)


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem_response(request, 500, "an unexpected error happened; it has been logged")


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error of ``app`` a problem+json response."""
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(QueryTimeout, _on_store_error)
    app.add_exception_handler(StoreUnavailable, _on_store_error)
    app.add_exception_handler(Exception, _on_unexpected)
