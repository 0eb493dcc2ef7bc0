"""Rows as CSV: the one writer behind ``?format=csv`` and ``citykg export``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

__all__ = ["csv_text", "flatten", "write_csv"]


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """Write ``rows`` (only ``columns``, in order, None as empty) as CSV with a header; return the row count.

    >>> buffer = io.StringIO()
    >>> write_csv([{"a": 1, "b": None, "c": "x"}], ["a", "b"], buffer)
    1
    >>> buffer.getvalue()
    'a,b\\r\\n1,\\r\\n'
    """
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
        count += 1
    return count


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Return ``rows`` as CSV text (see `write_csv`)."""
    buffer = io.StringIO()
    write_csv(rows, columns, buffer)
    return buffer.getvalue()


def flatten(row: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``row`` with nested objects spread into ``key_field`` columns and lists joined by ``;``.

    >>> flatten({"code": "321000", "parent": {"code": "320000", "name": "江苏省"}, "tags": ["a", "b"], "x": None})
    {'code': '321000', 'parent_code': '320000', 'parent_name': '江苏省', 'tags': 'a;b', 'x': None}
    >>> flatten({"places": [{"code": "1", "name": "a"}, {"code": "2", "name": "b"}]})
    {'places': '1;2'}
    """
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, Mapping):
            for inner, item in value.items():
                out[f"{key}_{inner}"] = item
        elif isinstance(value, list):
            out[key] = ";".join(
                str(next(iter(v.values()), "")) if isinstance(v, Mapping) else str(v) for v in value
            )
        else:
            out[key] = value
    return out
