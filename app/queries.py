"""Canned queries: the files in `queries/`, loaded by name and bound to parameters.

Each file starts with header comment lines (``#`` in .rq, ``//`` in .cypher)::

    # title: Programmes a place runs
    # description: Every programme the place carries out, with the sentence and document that say so.
    # params: place=https://w3id.org/citykg/place/321000
    # vars: ?programme ?label ?quote ?document

``params`` lists each parameter with its default value, separated by spaces (so a
default value cannot contain a space). A SPARQL parameter is a variable of the same
name; `bind_query` gives it a value with a ``VALUES`` clause.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "CannedQuery",
    "InvalidParameter",
    "MalformedQuery",
    "UnknownQuery",
    "bind_query",
    "load_queries",
    "load_query",
    "queries_dir",
]

QueryLanguage = Literal["sparql", "cypher"]

_SUFFIXES: dict[str, QueryLanguage] = {".rq": "sparql", ".cypher": "cypher"}
_COMMENT = {"sparql": "#", "cypher": "//"}
_HEADER_KEYS = ("title", "description", "params", "vars")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
# An absolute IRI as a parameter value; anything else is bound as a plain literal.
_IRI_VALUE = re.compile(r"(?:https?|urn|file):", re.IGNORECASE)
# SPARQL 1.1 grammar, IRIREF: no controls, spaces or <>"{}|^`\ inside <...>.
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_WHERE_BRACE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


class UnknownQuery(LookupError):
    """No canned query has this name."""


class MalformedQuery(ValueError):
    """A query file lacks its header lines or has an unreadable one."""


class InvalidParameter(ValueError):
    """A parameter name or value that cannot be bound safely."""


@dataclass(frozen=True)
class CannedQuery:
    """A query file: its header, its text and the language it is written in."""

    name: str
    title: str
    description: str
    params: dict[str, str] = field(hash=False)
    vars: tuple[str, ...]
    text: str
    language: QueryLanguage = "sparql"

    def bind(self, params: Mapping[str, str] | None = None) -> str:
        """Return the SPARQL text bound to `params`, defaults filling the rest.

        Raises `InvalidParameter` for a name the query does not declare.
        """
        given = dict(params or {})
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise InvalidParameter(f"{self.name} has no parameter {', '.join(unknown)}")
        if self.language != "sparql":
            raise InvalidParameter(f"{self.name} is {self.language}; pass its parameters to the driver")
        return bind_query(self.text, {**self.params, **given})


def queries_dir() -> Path:
    """Return the repository's `queries/` folder."""
    return Path(__file__).resolve().parents[1] / "queries"


def load_queries(directory: Path | str | None = None) -> tuple[CannedQuery, ...]:
    """Return every .rq and .cypher query in `directory` (default `queries/`), sorted by name."""
    folder = Path(directory) if directory is not None else queries_dir()
    found = [
        _read_query(path, _SUFFIXES[path.suffix])
        for path in folder.iterdir()
        if path.is_file() and path.suffix in _SUFFIXES
    ]
    return tuple(sorted(found, key=lambda q: (q.name, q.language)))


def load_query(
    name: str, *, language: QueryLanguage | None = None, directory: Path | str | None = None
) -> CannedQuery:
    """Return the canned query called `name`; SPARQL first when both languages have one.

    Raises `UnknownQuery` when there is none.
    """
    matches = [
        q for q in load_queries(directory) if q.name == name and (language is None or q.language == language)
    ]
    if not matches:
        raise UnknownQuery(name)
    return next((q for q in matches if q.language == "sparql"), matches[0])


def bind_query(text: str, params: Mapping[str, str]) -> str:
    r"""Return `text` with a ``VALUES`` clause per parameter right after the WHERE clause's ``{``.

    Values that are absolute IRIs (http, https, urn, file) are written as ``<...>``;
    other values become plain string literals, escaped.

    >>> bind_query("SELECT ?p WHERE { ?place ?x ?p }", {"place": "https://w3id.org/citykg/place/321000"})
    'SELECT ?p WHERE { VALUES ?place { <https://w3id.org/citykg/place/321000> } ?place ?x ?p }'
    >>> print(bind_query("SELECT * WHERE {?o ?l ?i}", {"i": '5G"基站'}))
    SELECT * WHERE { VALUES ?i { "5G\"基站" } ?o ?l ?i}
    >>> try:
    ...     bind_query("SELECT * WHERE { ?s ?p ?o }", {"s": "https://x/> } ; DROP ALL #"})
    ... except InvalidParameter as error:
    ...     print(error)
    not a safe IRI: 'https://x/> } ; DROP ALL #'
    """
    if not params:
        return text
    clauses = " ".join(f"VALUES ?{_checked_name(k)} {{ {_term(v)} }}" for k, v in params.items())
    at = _where_brace_end(text)
    rest = text[at:]
    return f"{text[:at]} {clauses}{'' if rest[:1].isspace() else ' '}{rest}"


def _checked_name(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidParameter(f"not a variable name: {name!r}")
    return name


def _term(value: str) -> str:
    if _IRI_VALUE.match(value):
        if _IRI_FORBIDDEN.search(value):
            raise InvalidParameter(f"not a safe IRI: {value!r}")
        return f"<{value}>"
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _where_brace_end(text: str) -> int:
    """Return the offset just after the `{` opening the outermost WHERE clause."""
    masked = _mask(text)
    found = _WHERE_BRACE.search(masked)
    if found:
        return found.end()
    # SPARQL lets `SELECT * { ... }` leave out WHERE: take the first brace.
    brace = masked.find("{")
    if brace < 0:
        raise MalformedQuery("no WHERE clause to bind parameters into")
    return brace + 1


def _mask(text: str) -> str:
    """Return `text` with comments, strings and IRIs blanked out, offsets unchanged."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif c in "\"'":
            end = _string_end(text, i)
        elif c == "<" and (m := re.match(r'<[^\x00-\x20<>"{}|^`\\]*>', text[i:])):
            end = i + m.end()
        else:
            i += 1
            continue
        for j in range(i, end):
            if out[j] != "\n":
                out[j] = " "
        i = end
    return "".join(out)


def _string_end(text: str, start: int) -> int:
    quote = text[start]
    if text.startswith(quote * 3, start):
        close = text.find(quote * 3, start + 3)
        while close > 0 and text[close - 1] == "\\":
            close = text.find(quote * 3, close + 1)
        return len(text) if close < 0 else close + 3
    i = start + 1
    while i < len(text) and text[i] not in (quote, "\n"):
        i += 2 if text[i] == "\\" else 1
    return min(i + 1, len(text))


def _read_query(path: Path, language: QueryLanguage) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    header = _read_header(text, _COMMENT[language], path.name)
    missing = [key for key in ("title", "description", "vars") if not header.get(key)]
    if missing:
        raise MalformedQuery(f"{path.name}: missing header line(s) {', '.join(missing)}")
    return CannedQuery(
        name=path.stem,
        title=header["title"],
        description=header["description"],
        params=_parse_params(header.get("params", ""), path.name),
        vars=tuple(header["vars"].split()),
        text=text,
        language=language,
    )


def _read_header(text: str, comment: str, filename: str) -> dict[str, str]:
    """Return the `key: value` pairs of the comment lines at the top of a query."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith(comment):
            break
        key, sep, value = stripped[len(comment) :].strip().partition(":")
        key = key.strip().lower()
        if sep and key in _HEADER_KEYS:
            if key in header:
                raise MalformedQuery(f"{filename}: header {key!r} given twice")
            header[key] = value.strip()
    return header


def _parse_params(spec: str, filename: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in spec.split():
        name, sep, default = item.partition("=")
        if not sep or not _NAME.match(name):
            raise MalformedQuery(f"{filename}: bad params entry {item!r} (want name=default)")
        params[name] = default
    return params
