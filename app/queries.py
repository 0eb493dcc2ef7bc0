"""Canned queries: the files in `queries/`, loaded by name and bound to parameters.

Each file starts with header comment lines (``#`` in .rq, ``//`` in .cypher)::

    # title: Programmes a place runs
    # title.zh: 一个地方开展的项目
    # description: Every programme the place carries out, with the sentence and document that say so.
    # description.zh: …
    # param: place place https://w3id.org/citykg/place/320500 地方 | Place
    # vars: ?programme ?label ?quote ?document

A query is read a page at a time (`CannedQuery.bind` with ``page=``): ``LIMIT`` and ``OFFSET``
go where a line holds only the comment ``# {page}`` (in a subquery that lists the things the
rows are about, so that only a page of them is looked into), else at the end of the text. A
``# page: ?var`` header names what a page counts when that subquery's things are not the rows
(observations for places_by_indicator); ``# total: PATTERN`` gives a group pattern whose
solutions, counted, are how many there are in all. Without a page the text answers every row.
Such a subquery is evaluated on its own, so the parameters it uses must be bound inside it: a
line holding only ``# {values}`` is where `bind_query` puts them (else after the outermost ``WHERE {``).

Each ``param`` line declares one parameter: its name, its type (`PARAM_TYPES`), its
default (no spaces; it exists in the demo corpus, so the query answers out of the
box) and its label in Chinese and English. A SPARQL parameter is a variable of the
same name; `bind_query` gives it a value with a ``VALUES`` clause. A Cypher parameter
is passed to the driver as ``$name``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = [
    "PARAM_TYPES",
    "CannedQuery",
    "Parameter",
    "InvalidParameter",
    "MalformedQuery",
    "Page",
    "UnknownQuery",
    "bind_query",
    "load_queries",
    "load_query",
    "queries_dir",
]

QueryLanguage = Literal["sparql", "cypher"]

_SUFFIXES: dict[str, QueryLanguage] = {".rq": "sparql", ".cypher": "cypher"}
_COMMENT = {"sparql": "#", "cypher": "//"}
_HEADER_KEYS = ("title", "title.zh", "description", "description.zh", "vars", "page", "total")
_PAGE_MARK = re.compile(r"^[ \t]*# \{page\}[ \t]*$", re.MULTILINE)
_VALUES_MARK = re.compile(r"^[ \t]*# \{values\}[ \t]*$", re.MULTILINE)
_PREFIX_LINE = re.compile(r"^[ \t]*PREFIX\s[^\n]*$", re.MULTILINE | re.IGNORECASE)
# Names a query cannot give a parameter: the route reads them itself.
_RESERVED = ("language", "limit", "offset")
_BASE = "https://w3id.org/citykg/"
_PROJECT_KINDS = ("platform", "park", "facility", "event")
PARAM_TYPES = ("place", "programme", "kind", "text", "label")
"""place: a place IRI or its 6-digit division code; programme: a programme IRI or its slug;
kind: a project kind (platform, park, facility, event); text: a plain string; label: a name
as the graph writes its labels, matched as Chinese, English or untagged text."""
# A label parameter is bound to the literal in each of these forms, so that the query can
# use it as a triple's object: Oxigraph then reads the matching triples from its index,
# where FILTER(STR(?label) = ?text) compares every label in the graph.
_LABEL_LANGUAGES = ("zh", "en", "")
_CODE = re.compile(r"\d{6}\Z")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,80}\Z")
_MAX_TEXT = 200
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
class Parameter:
    """A parameter a canned query declares: its name, type, default and labels."""

    name: str
    type: str
    default: str
    label_zh: str
    label_en: str

    def value(self, given: str) -> str:
        """Return `given` as the query needs it (a code or slug becomes its IRI).

        Raises `InvalidParameter` when it is not of the declared type.

        >>> Parameter("place", "place", "", "地方", "Place").value("320500")
        'https://w3id.org/citykg/place/320500'
        >>> Parameter("kind", "kind", "", "类型", "Kind").value("shop")
        Traceback (most recent call last):
        ...
        app.queries.InvalidParameter: kind must be one of platform, park, facility, event, not 'shop'
        """
        given = given.strip()
        if self.type == "place":
            return self._iri(given, "place/", _CODE, "a place IRI or a 6-digit division code")
        if self.type == "programme":
            return self._iri(given, "programme/", _SLUG, "a programme IRI or slug")
        if self.type == "kind" and given not in _PROJECT_KINDS:
            raise InvalidParameter(f"{self.name} must be one of {', '.join(_PROJECT_KINDS)}, not {given!r}")
        if not given or len(given) > _MAX_TEXT:
            raise InvalidParameter(f"{self.name} must be 1 to {_MAX_TEXT} characters")
        return given

    def _iri(self, given: str, prefix: str, short: re.Pattern[str], wanted: str) -> str:
        if short.match(given):
            return _BASE + prefix + given
        if given.startswith(_BASE + prefix) and not _IRI_FORBIDDEN.search(given):
            return given
        raise InvalidParameter(f"{self.name} must be {wanted}, not {given[:80]!r}")


@dataclass(frozen=True)
class Page:
    """Which part of a query's answer to read: `limit` things from `offset` on."""

    limit: int
    offset: int = 0

    def clause(self, language: QueryLanguage) -> str:
        """Return the LIMIT/OFFSET (SPARQL) or SKIP/LIMIT (Cypher) that reads this page.

        >>> Page(100, 200).clause("sparql"), Page(100).clause("cypher")
        ('LIMIT 100 OFFSET 200', 'SKIP 0 LIMIT 100')
        """
        limit, offset = int(self.limit), int(self.offset)
        if language == "cypher":
            return f"SKIP {offset} LIMIT {limit}"
        return f"LIMIT {limit} OFFSET {offset}"


@dataclass(frozen=True)
class CannedQuery:
    """A query file: its header, its text and the language it is written in."""

    name: str
    title: str
    description: str
    params: dict[str, str] = field(hash=False)
    """Each parameter's default, by name."""
    vars: tuple[str, ...]
    text: str
    language: QueryLanguage = "sparql"
    parameters: tuple[Parameter, ...] = ()
    title_zh: str = ""
    description_zh: str = ""
    page_by: str | None = None
    """The variable a page counts (`# page: ?var`); None when a page counts rows."""
    total: str | None = None
    """A group pattern whose solutions, counted, are how many things the query lists (`# total:`)."""

    def values(self, params: Mapping[str, str] | None = None) -> dict[str, str]:
        """Return every parameter's value: `params` checked against its type, defaults filling the rest.

        Raises `InvalidParameter` for a name the query does not declare or a value of the wrong type.
        """
        given = dict(params or {})
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            declared = ", ".join(self.params) or "none"
            raise InvalidParameter(
                f"{self.name} has no parameter {', '.join(unknown)} (it takes: {declared})"
            )
        return {p.name: p.value(given[p.name]) if p.name in given else p.default for p in self.parameters}

    def bind(self, params: Mapping[str, str] | None = None, *, page: Page | None = None) -> str:
        """Return the SPARQL text bound to `params`, defaults filling the rest, reading only `page` when given.

        Raises `InvalidParameter` for a name the query does not declare.
        """
        values = self.values(params)
        if self.language != "sparql":
            raise InvalidParameter(f"{self.name} is {self.language}; pass its parameters to the driver")
        return bind_query(self.paged(page), values, labels=self._labels())

    def _labels(self) -> list[str]:
        """Return the names of the parameters bound as labels (type ``label``)."""
        return [p.name for p in self.parameters if p.type == "label"]

    def paged(self, page: Page | None) -> str:
        """Return the text that reads `page` (the whole text when None): see the module doc."""
        if page is None:
            return self.text
        clause = page.clause(self.language)
        if self.language == "sparql" and _PAGE_MARK.search(self.text):
            return _PAGE_MARK.sub(lambda m: m.group().replace("# {page}", clause), self.text, count=1)
        return f"{self.text.rstrip()}\n{clause}\n"

    def bind_total(self, params: Mapping[str, str] | None = None) -> str | None:
        """Return a SPARQL query counting what the query lists (``?total``), None when it declares no `total`."""
        if self.total is None or self.language != "sparql":
            return None
        prefixes = "\n".join(m.group().strip() for m in _PREFIX_LINE.finditer(self.text))
        text = f"{prefixes}\nSELECT (COUNT(*) AS ?total) WHERE {{ {self.total} }}\n"
        values = self.values(params)
        # Only the parameters the pattern uses: a VALUES clause of an unused one would not change the count.
        used = {k: v for k, v in values.items() if re.search(rf"\?{k}\b", self.total)}
        return bind_query(text, used, labels=self._labels())


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


def bind_query(text: str, params: Mapping[str, str], *, labels: Collection[str] = ()) -> str:
    r"""Return `text` with a ``VALUES`` clause per parameter right after the WHERE clause's ``{``.

    A line holding only the comment ``# {values}`` takes the clauses instead: a subquery that
    needs the parameters (it is evaluated before anything outside it is joined) marks its place.

    Values that are absolute IRIs (http, https, urn, file) are written as ``<...>``;
    other values become plain string literals, escaped. A parameter named in `labels`
    takes its value as a Chinese, an English and an untagged literal.

    >>> bind_query("SELECT ?p WHERE { ?place ?x ?p }", {"place": "https://w3id.org/citykg/place/321000"})
    'SELECT ?p WHERE { VALUES ?place { <https://w3id.org/citykg/place/321000> } ?place ?x ?p }'
    >>> print(bind_query("SELECT * WHERE {?o ?l ?i}", {"i": '5G"基站'}))
    SELECT * WHERE { VALUES ?i { "5G\"基站" } ?o ?l ?i}
    >>> try:
    ...     bind_query("SELECT * WHERE { ?s ?p ?o }", {"s": "https://x/> } ; DROP ALL #"})
    ... except InvalidParameter as error:
    ...     print(error)
    not a safe IRI: 'https://x/> } ; DROP ALL #'
    >>> bind_query("SELECT * WHERE { ?i ?l ?name }", {"name": "5G基站"}, labels=["name"])
    'SELECT * WHERE { VALUES ?name { "5G基站"@zh "5G基站"@en "5G基站" } ?i ?l ?name }'
    >>> print(bind_query("SELECT * WHERE { { SELECT ?o WHERE {\n  # {values}\n ?s ?p ?o } } }", {"s": "urn:x"}))
    SELECT * WHERE { { SELECT ?o WHERE {
      VALUES ?s { <urn:x> }
     ?s ?p ?o } } }
    """
    if not params:
        return text
    clauses = " ".join(
        f"VALUES ?{_checked_name(k)} {{ {_label_terms(v) if k in labels else _term(v)} }}"
        for k, v in params.items()
    )
    if mark := _VALUES_MARK.search(text):
        line = mark.group()
        return text[: mark.start()] + line.replace("# {values}", clauses) + text[mark.end() :]
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
    return _literal(value)


def _label_terms(value: str) -> str:
    literal = _literal(value)
    return " ".join(f"{literal}@{language}" if language else literal for language in _LABEL_LANGUAGES)


def _literal(value: str) -> str:
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
    parameters = tuple(_parse_param(line, path.name) for line in _param_lines(text, _COMMENT[language]))
    return CannedQuery(
        name=path.stem,
        title=header["title"],
        description=header["description"],
        params={p.name: p.default for p in parameters},
        vars=tuple(header["vars"].split()),
        text=text,
        language=language,
        parameters=parameters,
        title_zh=header.get("title.zh", ""),
        description_zh=header.get("description.zh", ""),
        page_by=header["page"].lstrip("?") if header.get("page") else None,
        total=header.get("total") or None,
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
        if key == "params":
            raise MalformedQuery(
                f"{filename}: 'params' is replaced by one 'param: name type default 标签 | Label' line each"
            )
        if sep and key in _HEADER_KEYS:
            if key in header:
                raise MalformedQuery(f"{filename}: header {key!r} given twice")
            header[key] = value.strip()
    return header


def _param_lines(text: str, comment: str) -> list[str]:
    """Return the value of each ``param:`` line in the header at the top of a query."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(comment):
            break
        key, sep, value = stripped[len(comment) :].strip().partition(":")
        if sep and key.strip().lower() == "param":
            lines.append(value.strip())
    return lines


def _parse_param(spec: str, filename: str) -> Parameter:
    """Return the parameter a ``param:`` line declares: ``name type default 标签 | Label``.

    >>> _parse_param("kind kind platform 类型 | Project kind", "q.rq")
    Parameter(name='kind', type='kind', default='platform', label_zh='类型', label_en='Project kind')
    """
    parts = spec.split(maxsplit=3)
    if len(parts) < 4 or "|" not in parts[3]:
        raise MalformedQuery(f"{filename}: bad param line {spec!r} (want: name type default 标签 | Label)")
    name, kind, default, labels = parts
    if not _NAME.match(name) or name in _RESERVED:
        raise MalformedQuery(f"{filename}: {name!r} cannot name a parameter")
    if kind not in PARAM_TYPES:
        raise MalformedQuery(
            f"{filename}: parameter {name} has unknown type {kind!r} (types: {', '.join(PARAM_TYPES)})"
        )
    label_zh, _, label_en = labels.partition("|")
    parameter = Parameter(name, kind, default, label_zh.strip(), label_en.strip())
    try:
        # Defaults are written short (320500, yi-wang-tong-ban) and kept as the query needs them.
        return Parameter(name, kind, parameter.value(default), parameter.label_zh, parameter.label_en)
    except InvalidParameter as error:
        raise MalformedQuery(f"{filename}: default of {error}") from None
