"""Read-only Cypher over the mirror, with a time limit and a row limit (DESIGN.md decision 6).

The guarantee comes from the database: FalkorDB runs the query with ``GRAPH.RO_QUERY``
and Neo4j in a READ access-mode transaction, and both refuse writes. A word check runs
first as well, so a write is refused with the same answer on a database that does not
enforce read mode (FalkorDB's experimental Bolt port runs writes even in READ mode).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import falkordb
import neo4j
import redis
from neo4j import graph as neo4j_graph

if TYPE_CHECKING:  # graphsink caps rows with limited_query below
    from graphstore.graphsink import GraphSink

__all__ = [
    "CypherError",
    "CypherFailed",
    "CypherResult",
    "CypherTimeout",
    "CypherUnavailable",
    "MalformedCypher",
    "CypherTooLarge",
    "WriteRefused",
    "run_cypher",
]


class CypherError(Exception):
    """A Cypher query that did not run; the message is the database's own where it gave one."""


class WriteRefused(CypherError):
    """The query would change the graph; /cypher is read-only."""


class MalformedCypher(CypherError):
    """The database could not parse or plan the query."""


class CypherTimeout(CypherError):
    """The query ran past the time limit and was stopped."""

    def __init__(self, message: str, limit_s: float) -> None:
        super().__init__(message)
        self.limit_s = limit_s


class CypherTooLarge(CypherError):
    """The query needed more memory than one query may take, and was stopped."""


class CypherUnavailable(CypherError):
    """The graph database did not answer."""


class CypherFailed(CypherError):
    """The database failed while running the query."""


@dataclass(frozen=True)
class CypherResult:
    """Column names, rows of JSON-ready values, and whether rows were cut at the limit."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


# Clauses that write; matched outside strings, comments and `quoted names`, and not as a
# property or label name (n.set, :Merge) or a parameter ($delete). INSERT is GQL's CREATE
# (Neo4j 5.18 on). Procedures that write (CALL db.createLabel(...)) pass this check: only
# the database's read mode stops those.
_WRITE_WORDS = re.compile(
    r"(?<![\w.:$`])(CREATE|INSERT|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV)(?![\w`])",
    re.IGNORECASE,
)
# An unterminated string or comment runs to the end of the text: one attempt, so the scan stays
# linear (issue 8: a 48 KB query of lone quotes took 10 s when every quote rescanned the rest).
_MASK = re.compile(
    r"'(?:[^'\\]|\\.)*(?:'|\Z)|\"(?:[^\"\\]|\\.)*(?:\"|\Z)|`[^`]*(?:`|\Z)|//[^\n]*|/\*.*?(?:\*/|\Z)",
    re.DOTALL,
)


def write_clause(query: str) -> str | None:
    """Return the first writing clause keyword in ``query``, None for a read-only query.

    >>> write_clause("MATCH (n) WHERE n.label = 'CREATE' RETURN n.set // DELETE")
    >>> write_clause("MATCH (n) detach delete n")
    'detach'
    """
    found = _WRITE_WORDS.search(_MASK.sub(" ", query))
    return found.group(1) if found else None


_CLAUSE_END = re.compile(r"\b(?:SKIP|LIMIT)\b|;", re.IGNORECASE)
_RETURN = re.compile(r"\bRETURN\b", re.IGNORECASE)


def limited_query(query: str, limit: int) -> str | None:
    r"""Return ``query`` with ``LIMIT limit`` after its final RETURN, or None when it cannot take one as it is.

    A query that ends in SKIP or LIMIT of its own, a UNION (a LIMIT would hold for its last part
    only), a ``;`` or no RETURN at the top level is left as it is (None).

    >>> limited_query("MATCH (n) WITH n LIMIT 9 RETURN n.uri ORDER BY n.uri // the last", 6)
    'MATCH (n) WITH n LIMIT 9 RETURN n.uri ORDER BY n.uri // the last\nLIMIT 6'
    >>> [limited_query(q, 6) for q in ("MATCH (n) RETURN n LIMIT 3", "RETURN 1 UNION RETURN 2", "CALL db.labels()")]
    [None, None, None]
    >>> limited_query("CALL { MATCH (n) RETURN n LIMIT 2 } RETURN n", 6)
    'CALL { MATCH (n) RETURN n LIMIT 2 } RETURN n\nLIMIT 6'
    """
    masked = _MASK.sub(lambda m: " " * len(m.group()), query)
    depth, depths = 0, []
    for ch in masked:
        depth += ch in "([{"
        depth -= ch in ")]}"
        depths.append(depth)
    returns = [m for m in _RETURN.finditer(masked) if depths[m.start()] == 0]
    if not returns or any(depths[m.start()] == 0 for m in _CLAUSE_END.finditer(masked, returns[-1].end())):
        return None
    if any(depths[m.start()] == 0 for m in re.finditer(r"\bUNION\b", masked, re.IGNORECASE)):
        return None
    return f"{query}\nLIMIT {int(limit)}"


def run_cypher(
    sink: GraphSink, query: str, params: dict[str, Any] | None = None, *, timeout_s: float, max_rows: int
) -> CypherResult:
    """Return the result of running ``query`` read-only on ``sink``, at most ``max_rows`` rows.

    Raises ``WriteRefused``, ``MalformedCypher``, ``CypherTimeout``, ``CypherUnavailable``
    or ``CypherFailed``.
    """
    keyword = write_clause(query)
    if keyword:
        raise WriteRefused(f"{keyword.upper()} changes the graph; /cypher runs read-only queries")
    try:
        columns, rows, truncated = sink.read_only(
            query, dict(params or {}), timeout_s=timeout_s, max_rows=max_rows
        )
    except redis.ResponseError as error:
        raise _falkordb_error(str(error), timeout_s) from None
    except ValueError as error:  # the falkordb client refuses empty parameter names and map keys
        raise MalformedCypher(f"the parameters cannot be sent: {error}") from None
    except (redis.TimeoutError, neo4j.exceptions.ClientError, neo4j.exceptions.DatabaseError) as error:
        raise _neo4j_error(error, timeout_s) from None
    except (
        redis.ConnectionError,
        neo4j.exceptions.ServiceUnavailable,
        neo4j.exceptions.SessionExpired,
    ) as error:
        raise CypherUnavailable(f"the graph database did not answer: {error}") from None
    return CypherResult(columns, [[_plain(v) for v in row] for row in rows], truncated)


def _falkordb_error(message: str, timeout_s: float) -> CypherError:
    text = message.strip()
    if "read-only" in text.lower() or "read only" in text.lower():
        return WriteRefused(f"the query changes the graph; /cypher runs read-only queries ({text})")
    if "timed out" in text.lower():
        return CypherTimeout(text, timeout_s)
    if "mem consumption exceeded" in text.lower():
        return CypherTooLarge(text)
    return MalformedCypher(text)


def _neo4j_error(error: Exception, timeout_s: float) -> CypherError:
    if isinstance(error, redis.TimeoutError):
        return CypherTimeout("the query did not answer within the time limit", timeout_s)
    assert isinstance(error, neo4j.exceptions.Neo4jError)
    code = error.code or ""
    message = error.message or str(error)
    if code.endswith("AccessMode") or "ForbiddenDueToTransactionType" in code:
        return WriteRefused(f"the query changes the graph; /cypher runs read-only queries ({message})")
    if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
        return CypherTimeout(message, timeout_s)
    if code.startswith("Neo.ClientError.Statement") or code.startswith("Neo.ClientError.Procedure"):
        return MalformedCypher(message)
    if isinstance(error, neo4j.exceptions.ClientError):
        return MalformedCypher(message)
    return CypherFailed(f"{code}: {message}" if code else message)


def _plain(value: Any) -> Any:
    """Return ``value`` as JSON-ready data; nodes and relationships become labels/type plus properties."""
    if isinstance(value, falkordb.Node):
        return {"labels": sorted(value.labels or []), "properties": _plain(dict(value.properties))}
    if isinstance(value, falkordb.Edge):
        return {"type": value.relation, "properties": _plain(dict(value.properties))}
    if isinstance(value, falkordb.Path):
        return {
            "nodes": [_plain(n) for n in value.nodes()],
            "relationships": [_plain(e) for e in value.edges()],
        }
    if isinstance(value, neo4j_graph.Node):
        return {"labels": sorted(value.labels), "properties": _plain(dict(value))}
    if isinstance(value, neo4j_graph.Relationship):
        return {"type": value.type, "properties": _plain(dict(value))}
    if isinstance(value, neo4j_graph.Path):
        return {
            "nodes": [_plain(n) for n in value.nodes],
            "relationships": [_plain(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, _dt.date | _dt.time | _dt.datetime) or hasattr(value, "iso_format"):
        return value.iso_format() if hasattr(value, "iso_format") else value.isoformat()
    return str(value)
