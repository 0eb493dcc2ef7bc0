"""CSV beside JSON on every list route: ``?format=csv`` or the ``.csv`` suffix, through one helper.

A list route is registered with `list_route`, which adds the ``.csv`` twin of its path and
documents both in OpenAPI; its handler takes a `Listing` and ends with
``listing.respond(TABLE, body, Model)``. CSV has every row matching the filters unless the
caller gives ``limit`` or ``offset`` (then the same page as JSON), the documented columns in a
fixed order, ``X-Total-Count`` and ``X-Graph-Version`` headers, and a ``url`` back to the
resource with the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from app.analytics.tables import csv_text, flatten
from app.deps import StoreDep
from app.versions import current_version

__all__ = ["CSV_TYPE", "Listing", "ListingDep", "Table", "list_route"]

CSV_TYPE = "text/csv; charset=utf-8"
# An unpaged CSV asks the library for every row; the libraries take a limit, not "no limit".
_ALL = 10**9
Rows = Callable[[Mapping[str, Any]], Iterable[Mapping[str, Any]]]


def _flat_rows(url: Callable[[Mapping[str, Any]], str] | None) -> Rows:
    def rows(body: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
        for row in body["data"]:
            yield {**flatten(row), **({"url": url(row)} if url else {})}

    return rows


@dataclass(frozen=True)
class Table:
    """What a list route's CSV is: its file name, its documented columns, and how a JSON body becomes rows.

    By default each item of the body's ``data`` is one row, nested objects spread into
    ``key_field`` columns and lists joined by ``;`` (`flatten`), plus ``url`` from ``url(item)``.
    """

    name: str
    columns: tuple[str, ...]
    url: Callable[[Mapping[str, Any]], str] | None = None
    spread: Rows | None = field(default=None)

    def rows(self, body: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
        """Return the CSV rows of a JSON body."""
        return (self.spread or _flat_rows(self.url))(body)


Format = Annotated[
    Literal["json", "csv"],
    Query(description="json (default) or csv: every matching row unless limit or offset is given."),
]


@dataclass(frozen=True)
class Listing:
    """What the caller asked of a list route: CSV or JSON, one page or every row."""

    csv: bool
    paged: bool
    store: Any

    def limit(self, limit: int) -> int:
        """Return the page size to compute: ``limit``, or every row for an unpaged CSV."""
        return _ALL if self.csv and not self.paged else limit

    def respond(self, table: Table, body: dict[str, Any], model: type[BaseModel]) -> Any:
        """Return ``body`` as ``model`` (JSON) or as ``table``'s CSV, with the graph version in a header."""
        version = body.get("graph_version") or current_version(self.store)
        headers = {"X-Graph-Version": version}
        if "count" in body:
            headers["X-Total-Count"] = str(body["count"])
        if not self.csv:
            return _with_headers(model.model_validate(body), headers)
        headers["Content-Disposition"] = f'attachment; filename="{table.name}.csv"'
        return Response(csv_text(table.rows(body), table.columns), media_type=CSV_TYPE, headers=headers)


def _with_headers(model: BaseModel, headers: dict[str, str]) -> Response:
    # Dumped by pydantic-core: jsonable_encoder walks the model in Python, 150 ms of the 176 ms
    # /versions took at 10,000 documents (a build lists every document it added).
    return JSONResponse(model.model_dump(mode="json", by_alias=True), headers=headers)


def _listing(request: Request, store: StoreDep, format: Format = "json") -> Listing:
    params = request.query_params
    return Listing(
        csv=format == "csv" or request.url.path.endswith(".csv"),
        paged="limit" in params or "offset" in params,
        store=store,
    )


ListingDep = Annotated[Listing, Depends(_listing)]


def list_route(
    router: APIRouter,
    path: str,
    table: Table,
    *,
    model: type[BaseModel],
    summary: str,
    responses: dict[int | str, dict[str, Any]] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Return a decorator registering a handler at ``path`` (JSON or CSV) and ``path.csv`` (CSV)."""
    described: dict[int | str, dict[str, Any]] = {
        200: {
            "content": {CSV_TYPE: {"schema": {"type": "string"}}},
            "description": f"JSON, or CSV (format=csv or the .csv suffix) with the columns {', '.join(table.columns)}.",
        },
        **(responses or {}),
    }

    def register(endpoint: Callable[..., Any]) -> Callable[..., Any]:
        router.get(path, summary=summary, response_model=model, responses=described)(endpoint)
        router.get(f"{path}.csv", summary=f"{summary} (CSV)", response_class=Response, responses=described)(
            endpoint
        )
        return endpoint

    return register
