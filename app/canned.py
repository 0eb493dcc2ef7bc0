"""Canned queries as the API runs them: listed, and answered a page at a time.

A page is `limit` of the things a query lists from `offset` on: the rows, or what its
``# page: ?var`` header names (documents for document_overview, observations for
places_by_indicator). The page goes into the query text (`CannedQuery.bind`), so a page
costs what a page costs: at 10,000 documents document_overview answered all 10,000 rows
(4 MB) to every request, places_by_indicator 6,400. One thing more than the page is asked
for, to know whether a next page exists without counting them all.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from app.lanes import Lanes
from app.queries import CannedQuery, Page, QueryLanguage, load_queries, load_query
from graphstore.stores import RdfStore

__all__ = ["DEFAULT_PAGE", "QueryUnavailable", "list_canned_queries", "run_canned_query"]

DEFAULT_PAGE = 100
"""Things per page when the caller names no `limit` (the route's default)."""


class QueryUnavailable(RuntimeError):
    """A Cypher query asked for while no Cypher runner is attached."""


def list_canned_queries() -> list[dict[str, Any]]:
    """Return the canned queries of `queries/`: name, titles, descriptions, language, parameters."""
    return [
        {
            "name": q.name,
            "title": q.title,
            "title_zh": q.title_zh,
            "description": q.description,
            "description_zh": q.description_zh,
            "language": q.language,
            "params": q.params,
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "default": p.default,
                    "label_zh": p.label_zh,
                    "label_en": p.label_en,
                }
                for p in q.parameters
            ],
        }
        for q in load_queries()
    ]


def run_canned_query(
    store: RdfStore,
    name: str,
    params: dict[str, str],
    *,
    timeout_s: float,
    max_rows: int,
    cypher: Callable[[str, dict[str, str]], dict[str, Any]] | None = None,
    language: QueryLanguage | None = None,
    lanes: Lanes | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Return {columns, rows, truncated, limit, offset, total, next_offset} of a canned query run with `params`.

    With `limit`, only that page is read (see the module doc): `next_offset` is where the next
    page starts (None on the last), `total` how many things there are in all when that is
    known cheaply (the last page, or the query's ``# total:`` pattern), else None; `truncated`
    says that rows were left out, by the page or by the `max_rows` cap. Without `limit`, every
    row up to `max_rows`.

    `language` picks the .rq or the .cypher file of that name (SPARQL first when not given).
    SPARQL runs on the store under the time limit and row cap, through `lanes` when given, so
    runaway queries cannot starve it; Cypher goes to the `cypher` runner (raises
    `QueryUnavailable` without one). Raises `UnknownQuery`, `InvalidParameter`, `QueryTimeout`.
    """
    query = load_query(name, language=language)
    page = Page(min(limit, max_rows) + 1, offset) if limit is not None else None
    if query.language == "cypher":
        values = query.values(params)
        if cypher is None:
            raise QueryUnavailable(f"{name} is a Cypher query and no Cypher store is attached (see /cypher)")
        answer = cypher(query.paged(page), values)
        columns, rows, truncated = answer["columns"], answer["rows"], bool(answer["truncated"])
    else:
        columns, rows, truncated = _select(
            store, lanes, query, query.bind(params, page=page), timeout_s=timeout_s, max_rows=max_rows
        )
    if limit is None:
        return {
            "columns": columns,
            "rows": rows,
            "truncated": truncated,
            "limit": None,
            "offset": 0,
            "total": None if truncated else len(rows),
            "next_offset": None,
        }
    kept, more = _page_rows(columns, rows, query.page_by, min(limit, max_rows))
    total: int | None = None
    if not more and not truncated:
        total = offset + _things(columns, kept, query.page_by)
    elif (count := query.bind_total(params)) is not None:
        _, counted, _ = _select(store, lanes, query, count, timeout_s=timeout_s, max_rows=1)
        total = int(counted[0][0]) if counted and counted[0][0] is not None else None
    return {
        "columns": columns,
        "rows": kept,
        "truncated": truncated or more,
        "limit": limit,
        "offset": offset,
        "total": total,
        "next_offset": offset + min(limit, max_rows) if more else None,
    }


def _select(
    store: RdfStore, lanes: Lanes | None, query: CannedQuery, text: str, *, timeout_s: float, max_rows: int
) -> tuple[list[str], list[list[Any]], bool]:
    """Return (columns, rows of plain values, truncated) of a SPARQL SELECT, its JSON parsed once.

    Parsing the answer twice (once for `QueryResult.bindings`, once for the column names)
    cost 200-300 ms per 10,000 rows.
    """
    if lanes is not None:
        result = lanes.run(text, timeout_s=timeout_s, max_rows=max_rows, canned=query.name)
    else:
        result = store.query(text, timeout_s=timeout_s, max_rows=max_rows)
    data = json.loads(result.body)
    columns = list(data["head"]["vars"])
    rows = [[b[c]["value"] if c in b else None for c in columns] for b in data["results"]["bindings"]]
    return columns, rows, result.truncated


def _page_rows(
    columns: list[str], rows: list[list[Any]], page_by: str | None, limit: int
) -> tuple[list[list[Any]], bool]:
    """Return the rows of the first `limit` things and whether more were read (the one asked for beyond).

    >>> _page_rows(["o", "v"], [["a", 1], ["a", 2], ["b", 3], ["c", 4]], "o", 2)
    ([['a', 1], ['a', 2], ['b', 3]], True)
    >>> _page_rows(["v"], [[1], [2]], None, 2)
    ([[1], [2]], False)
    """
    if page_by is None or page_by not in columns:
        return rows[:limit], len(rows) > limit
    at = columns.index(page_by)
    seen: set[Any] = set()
    kept: list[list[Any]] = []
    for row in rows:
        if row[at] not in seen:
            if len(seen) == limit:
                return kept, True
            seen.add(row[at])
        kept.append(row)
    return kept, False


def _things(columns: list[str], rows: list[list[Any]], page_by: str | None) -> int:
    """Return how many things `rows` are about: distinct values of the `page_by` column, else rows."""
    if page_by is None or page_by not in columns:
        return len(rows)
    at = columns.index(page_by)
    return len({row[at] for row in rows})
