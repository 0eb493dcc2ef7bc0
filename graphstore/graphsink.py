"""Where the property-graph mirror is written: the embedded FalkorDB or Neo4j over Bolt.

Both sinks take the same rows (``graphstore.projection.Projection``) and the same Cypher: batched
``UNWIND $rows AS row`` statements that update the nodes already there and create the others
(`_node_statements`), per label set, and merge relationships per relationship type, because labels and types cannot be parameters
(they come from the closed maps in ``graphstore.projection``; every value is a parameter).

What a graph (one document, or a vocabulary) contributed is found again by its IRI: it is
in the ``graphs`` list of each node it describes and in the ``graph`` property of each
relationship it asserts. Removing it deletes those relationships, takes the graph off
the nodes and deletes nodes left with no graph and no relationship. For a document graph
that touches only its own rows (`_document_removal`); a vocabulary graph is looked for in
every node (`_removal_statements`).
"""

from __future__ import annotations

import abc
import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import neo4j
import redis

from graphstore.bulkload import BulkLoad, node_update_statement
from graphstore.cypher import limited_query
from graphstore.falkor import FalkorServer
from graphstore.mirror import chunked
from graphstore.projection import LABELS, RELATIONSHIP_TYPES, Projection
from loaders.rdf import doc_id_of_graph, document_iri
from loaders.vocab import BASE

if TYPE_CHECKING:
    from app.settings import Settings

__all__ = ["FalkorSink", "GraphSink", "Neo4jSink", "ReadResult", "capped_query", "open_sink"]

log = logging.getLogger(__name__)

GRAPH_NAME = "citykg"
DOCUMENT_PREFIX = BASE + "document/"
_KNOWN_LABELS = frozenset(LABELS.values())
_KNOWN_TYPES = frozenset(RELATIONSHIP_TYPES.values())
_COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
)

# The mark of a full load under way (GraphSink.begin_full_load): no Resource and no uri, so the
# mirror's writes never match it and /cypher queries about the city graph do not meet it; one that
# reads every node (`MATCH (n)`) finds a node that says what it is.
_FULL_LOAD = "FullLoadUnderWay"
_FULL_LOAD_NOTE = (
    "citykg sync --full is loading this mirror, or stopped before the end (the next citykg sync "
    "loads it again); the mirror is complete once this node is gone"
)

ReadResult = tuple[list[str], list[list[Any]], bool]
# Runs one write statement with its parameters; returns its counters and the rows it returned.
Runner = Callable[[str, dict[str, Any]], tuple[Counter[str], list[list[Any]]]]
T = TypeVar("T")


def _node_statements(labels: tuple[str, ...]) -> tuple[str, str, str | None]:
    """Return the statements that write a batch of node rows with ``labels``: create, update, relabel.

    The first creates the nodes new to the mirror with their labels and returns their uris;
    the other two run only over the rows it did not create: they get their properties and
    graphs, and their labels only when they lack them (no relabel statement without labels).
    FalkorDB sets a label on a node found by MATCH four times slower than it creates a node with
    the label (0.9 s against 0.3 s for 8,953 rows); sending every row to all three statements
    (each finds it in the index) put the engine's part of sync --full at 1.6x the bare ceiling.

    >>> create, update, relabel = _node_statements(("Agency",))
    >>> print(create)
    UNWIND $rows AS row
    OPTIONAL MATCH (m:Resource {uri: row.uri})
    WITH row, m WHERE m IS NULL
    CREATE (n:Resource:Agency {uri: row.uri})
    SET n += row.props, n.graphs = row.graphs
    RETURN n.uri
    >>> print(update)
    UNWIND $rows AS row
    MATCH (n:Resource {uri: row.uri})
    SET n += row.props
    SET n.graphs = coalesce(n.graphs, []) + [g IN row.graphs WHERE NOT g IN coalesce(n.graphs, [])]
    >>> print(relabel)
    UNWIND $uris AS uri
    MATCH (n:Resource {uri: uri}) WHERE NOT (n:Agency)
    SET n:Agency
    """
    unknown = set(labels) - _KNOWN_LABELS
    if unknown:
        raise ValueError(f"labels outside the closed list: {sorted(unknown)}")
    create = (
        "UNWIND $rows AS row\n"
        "OPTIONAL MATCH (m:Resource {uri: row.uri})\n"
        "WITH row, m WHERE m IS NULL\n"
        f"CREATE (n:{':'.join(('Resource', *labels))} {{uri: row.uri}})\n"
        "SET n += row.props, n.graphs = row.graphs\n"
        "RETURN n.uri"
    )
    return create, node_update_statement(), _relabel_statement(labels) if labels else None


def _relabel_statement(labels: tuple[str, ...]) -> str:
    # Its own statement: FalkorDB drops the SETs before a WITH … WHERE that keeps no row.
    has_all = " AND ".join(f"n:{label}" for label in labels)
    return f"UNWIND $uris AS uri\nMATCH (n:Resource {{uri: uri}}) WHERE NOT ({has_all})\nSET n:{':'.join(labels)}"


_UNLABEL_STATEMENT = "MATCH (d:Resource {uri: $uri}) WHERE d:Document REMOVE d:Document"
_ENDPOINT_STATEMENT = "UNWIND $uris AS uri\nMERGE (n:Resource {uri: uri})\nON CREATE SET n.graphs = []"


def _rel_statement(rel_type: str, *, with_evidence: bool) -> str:
    if rel_type not in _KNOWN_TYPES:
        raise ValueError(f"relationship type outside the closed list: {rel_type!r}")
    key = "{graph: row.graph, evidence: row.evidence}" if with_evidence else "{graph: row.graph}"
    return (
        "UNWIND $rows AS row\n"
        "MATCH (a:Resource {uri: row.start})\n"
        "MATCH (b:Resource {uri: row.end})\n"
        f"MERGE (a)-[r:{rel_type} {key}]->(b)\n"
        "SET r += row.props"
    )


def _merge_row(rows: dict[str, dict[str, Any]], uri: str, graph: str, props: dict[str, Any]) -> None:
    """Fold node ``uri`` of ``graph`` into ``rows``: one row per node, naming every graph that describes it.

    >>> rows = {}
    >>> _merge_row(rows, "u", "g1", {"label": "a", "code": 1})
    >>> _merge_row(rows, "u", "g2", {"label": "b"})
    >>> rows["u"]
    {'uri': 'u', 'graphs': ['g1', 'g2'], 'props': {'label': 'b', 'code': 1}}
    """
    row = rows.get(uri)
    if row is None:
        rows[uri] = {"uri": uri, "graphs": [graph], "props": dict(props)}
        return
    if graph not in row["graphs"]:
        row["graphs"].append(graph)
    row["props"].update(props)


def capped_query(query: str, columns: list[str], limit: int) -> str:
    """Return ``query`` wrapped in a subquery that keeps its columns in order and at most ``limit`` rows.

    ``RETURN *`` would sort the columns by name, so they are named one by one.

    >>> print(capped_query("MATCH (n) RETURN n.uri, 1 AS `a``b`", ["n.uri", "a`b"], 6))
    CALL () {
    MATCH (n) RETURN n.uri, 1 AS `a``b`
    }
    RETURN `n.uri`, `a``b`
    LIMIT 6
    """
    names = ", ".join("`" + name.replace("`", "``") + "`" for name in columns)
    return f"CALL () {{\n{query}\n}}\nRETURN {names}\nLIMIT {int(limit)}"


def _removal_statements(graph: str) -> list[tuple[str, dict[str, Any]]]:
    params = {"graph": graph}
    statements = [
        (f"MATCH ()-[r:{rel_type}]->() WHERE r.graph = $graph DELETE r", params)
        for rel_type in sorted(_KNOWN_TYPES)
    ]
    statements.append(
        (
            "MATCH (n:Resource) WHERE $graph IN n.graphs SET n.graphs = [g IN n.graphs WHERE g <> $graph]",
            params,
        )
    )
    # OPTIONAL MATCH + count rather than NOT (n)--() or NOT EXISTS {...}: both dialects run it.
    statements.append(
        (
            "MATCH (n:Resource) WHERE size(coalesce(n.graphs, [])) = 0 "
            "OPTIONAL MATCH (n)-[r]-() WITH n, count(r) AS degree WHERE degree = 0 DELETE n",
            {},
        )
    )
    return statements


# Issue 12: removing a document looked for `$graph IN n.graphs` in every node, twice (220 ms a
# document at 10,000 in FalkorDB; bench/mirror.py's removal of all of them ran 25+ minutes). No index
# both engines keep answers that: FalkorDB's range indexes take arrays
# (docs.falkordb.com/cypher/indexing/range-index), Neo4j's do not. But a document graph describes only
# its Document node and the ends of its own relationships (graphstore/projection.py: every other
# node it types is the subject or object of one of its facts; tests/test_mirror.py checks it on the
# demo corpus, and it held for all 312,712 nodes of 10,000 generated documents), and those
# relationships are found through the `graph` index on each type, in the mirror as it is, whichever
# version of the document wrote them: rows kept beside the store, or a replacement's own rows,
# are the store's version, which the mirror may not hold. So the nodes to update are the ends of
# the relationships it deletes, the Document node, and the nodes a replacement writes.
def _rel_removal_statement(rel_type: str) -> str:
    """Return the statement that deletes graph ``$graph``'s relationships of type ``rel_type`` and returns their ends.

    >>> print(_rel_removal_statement("LOCATED_IN"))
    MATCH (a)-[r:LOCATED_IN]->(b) WHERE r.graph = $graph
    DELETE r
    RETURN a.uri, b.uri
    """
    if rel_type not in _KNOWN_TYPES:
        raise ValueError(f"relationship type outside the closed list: {rel_type!r}")
    return f"MATCH (a)-[r:{rel_type}]->(b) WHERE r.graph = $graph\nDELETE r\nRETURN a.uri, b.uri"


_UNDESCRIBE_STATEMENT = (
    "UNWIND $uris AS uri\n"
    "MATCH (n:Resource {uri: uri}) WHERE $graph IN n.graphs\n"
    "SET n.graphs = [g IN n.graphs WHERE g <> $graph]"
)
# OPTIONAL MATCH + count rather than NOT (n)--() or NOT EXISTS {...}: both dialects run it. Read, then
# deleted by a statement of its own: FalkorDB ran the two as one statement in 15-33 ms a document at
# 10,000 documents, against 2-5 ms for the pair.
_BARE_STATEMENT = (
    "UNWIND $uris AS uri\n"
    "MATCH (n:Resource {uri: uri}) WHERE size(coalesce(n.graphs, [])) = 0\n"
    "OPTIONAL MATCH (n)-[r]-() WITH n, count(r) AS degree WHERE degree = 0\n"
    "RETURN n.uri"
)
_DELETE_STATEMENT = "UNWIND $uris AS uri\nMATCH (n:Resource {uri: uri}) DELETE n"


def _document_removal(
    run: Runner, graph: str, document: str, *, also: Iterable[str], batch_size: int
) -> Counter[str]:
    """Return the counters of removing document graph ``graph`` (Document node ``document``) by its own rows:
    its relationships by the `graph` index, then the graph off the nodes they joined, ``document`` and
    ``also``, then those of them left with no graph and no relationship.

    The steps keep the order of `_removal_statements`: a removal that stops midway leaves the
    Document node (and its label) for a retry to find.
    """
    total: Counter[str] = Counter()
    touched = {document, *also}
    for rel_type in sorted(_KNOWN_TYPES):
        counters, ends = run(_rel_removal_statement(rel_type), {"graph": graph})
        total.update(counters)
        touched.update(uri for row in ends for uri in row if isinstance(uri, str))
    uris = sorted(touched)
    bare: list[str] = []
    for batch in chunked(uris, batch_size):
        total.update(run(_UNDESCRIBE_STATEMENT, {"uris": batch, "graph": graph})[0])
    for batch in chunked(uris, batch_size):
        bare.extend(uri for (uri,) in run(_BARE_STATEMENT, {"uris": batch})[1])
    for batch in chunked(bare, batch_size):
        total.update(run(_DELETE_STATEMENT, {"uris": batch})[0])
    return total


class GraphSink(abc.ABC):
    """A property-graph database the mirror is written to and ``/cypher`` reads from."""

    kind: str = "graph"

    def __init__(self, *, batch_size: int = 1000) -> None:
        self.batch_size = batch_size
        self._schema_ready = False
        self._lookup_ready = False
        # Set by clear(): what this sink has loaded since it emptied the mirror (see load_new).
        self._load: BulkLoad | None = None

    @abc.abstractmethod
    def _execute(self, work: Callable[[Runner], T]) -> T:
        """Return what ``work`` returns, given a runner of write statements (one transaction where the database has them)."""

    def _run(self, statements: list[tuple[str, dict[str, Any]]]) -> Counter[str]:
        """Run write statements in order; return their counters."""
        return self._execute(
            lambda run: _total(run(statement, params)[0] for statement, params in statements)
        )

    @abc.abstractmethod
    def _read(self, statement: str, params: dict[str, Any]) -> list[list[Any]]:
        """Return the rows of an internal read."""

    @abc.abstractmethod
    def _create_schema(self) -> None:
        """Create the uniqueness constraint (or at least an index) on :Resource(uri)."""

    @abc.abstractmethod
    def read_only(self, query: str, params: dict[str, Any], *, timeout_s: float, max_rows: int) -> ReadResult:
        """Return columns, rows (at most ``max_rows``) and whether rows were cut, running ``query`` read-only.

        Raises the database's own errors; ``graphstore.cypher`` maps them to problems.
        """

    @abc.abstractmethod
    def clear(self) -> None:
        """Delete everything in the mirror."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release connections (and stop a server the sink started)."""

    def revive(self) -> bool:
        """Restart a database this sink started that no longer answers; return whether it did."""
        return False

    def ensure_schema(self) -> None:
        """Create the constraint on :Resource(uri) once, before the first write."""
        if not self._schema_ready:
            self._create_schema()
            self._schema_ready = True

    def ensure_lookup(self) -> None:
        """Create only what writes find nodes by (an index on :Resource(uri)), for a bulk load into an
        empty mirror; the rest of the schema is built afterwards by ``ensure_schema``."""
        self.ensure_schema()

    def _ready_to_write(self) -> None:
        if not self._lookup_ready:
            self.ensure_schema()

    def _write(self, run: Runner, projections: Iterable[Projection]) -> Counter[str]:
        """Return the counters of writing several graphs' projections together, in batches.

        Rows carry their own graph, so documents that are new to the mirror can share
        batches (a round trip per label group, not per document). The Document label marks
        a document as mirrored (see ``mirrored_documents``) and comes last, so an
        interrupted write leaves the document looking absent and the next resync redoes it.
        """
        # A node several of these graphs describe (a programme, a province) is one row naming
        # them all, its properties applied in the order of the graphs, as separate rows would be.
        groups: dict[tuple[str, ...], dict[str, dict[str, Any]]] = {}
        last: dict[tuple[str, ...], list[str]] = {}
        endpoints: set[str] = set()
        rels: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        for projection in projections:
            graph = projection.graph
            for node in projection.nodes:
                labels = node.labels
                if "Document" in labels:
                    # Written first without the label (relationships start at it), labelled last.
                    last.setdefault(labels, []).append(node.uri)
                    labels = tuple(x for x in labels if x != "Document")
                _merge_row(groups.setdefault(labels, {}), node.uri, graph, node.props)
            endpoints.update(projection.endpoints)
            for rel in projection.rels:
                rel_row = {"start": rel.start, "end": rel.end, "graph": graph, "props": rel.props}
                if rel.evidence is not None:
                    rel_row["evidence"] = rel.evidence
                rels.setdefault((rel.type, rel.evidence is not None), []).append(rel_row)
        total: Counter[str] = Counter()
        for labels in sorted(groups):
            create, update, relabel = _node_statements(labels)
            for batch in chunked(groups[labels].values(), self.batch_size):
                counters, created = run(create, {"rows": batch})
                total.update(counters)
                made = {uri for (uri,) in created}
                there = [row for row in batch if row["uri"] not in made]
                if there:
                    total.update(run(update, {"rows": there})[0])
                if there and relabel:
                    total.update(run(relabel, {"uris": [row["uri"] for row in there]})[0])
        for uris in chunked(sorted(endpoints), self.batch_size):
            total.update(run(_ENDPOINT_STATEMENT, {"uris": uris})[0])
        for rel_type, with_evidence in sorted(rels):
            statement = _rel_statement(rel_type, with_evidence=with_evidence)
            for batch in chunked(rels[(rel_type, with_evidence)], self.batch_size):
                total.update(run(statement, {"rows": batch})[0])
        for labels in sorted(last):  # one batch per label set, not a statement per document
            for uris in chunked(last[labels], self.batch_size):
                total.update(run(_relabel_statement(labels), {"uris": uris})[0])
        return total

    def load_new(self, projections: Iterable[Projection]) -> Counter[str]:
        """Return the counters of writing graphs the mirror does not have yet; created outright
        (``graphstore.bulkload``) while the sink knows everything in the mirror, having emptied it
        and written only through this method since, else as ``write_new`` writes them."""
        load = self._load
        if load is None:
            return self.write_new(projections)
        self._ready_to_write()
        # Planned before the transaction: a retried one (Neo4j) runs the same statements again.
        statements = list(load.statements(projections))
        try:
            return self._run(statements)
        except BaseException:
            self._load = None  # what the mirror holds is no longer known
            raise

    def write_new(self, projections: Iterable[Projection]) -> Counter[str]:
        """Return the counters of writing graphs the mirror does not have yet, in shared batches."""
        self._ready_to_write()
        self._load = None
        return self._execute(lambda run: self._write(run, projections))

    def replace_graph(self, projection: Projection) -> Counter[str]:
        """Return the counters of replacing what ``projection.graph`` contributed with ``projection``."""
        self._ready_to_write()
        self._load = None

        document = projection.document

        def work(run: Runner) -> Counter[str]:
            if document is None:
                removed = _total(
                    run(statement, params)[0] for statement, params in _removal_statements(projection.graph)
                )
            else:
                # The label first: a replacement that stops midway leaves the document looking absent
                # (mirrored_documents), so the next resync writes it whole again.
                removed = run(_UNLABEL_STATEMENT, {"uri": document})[0]
                also = [node.uri for node in projection.nodes]
                removed += _document_removal(
                    run, projection.graph, document, also=also, batch_size=self.batch_size
                )
            return removed + self._write(run, [projection])

        return self._execute(work)

    def write(self, projection: Projection) -> Counter[str]:
        """Return the counters of merging ``projection`` in without removing anything first."""
        self._ready_to_write()
        self._load = None
        return self._execute(lambda run: self._write(run, [projection]))

    def remove_graph(self, graph: str) -> Counter[str]:
        """Return the counters of removing what named graph ``graph`` contributed."""
        self._ready_to_write()
        self._load = None
        doc_id = doc_id_of_graph(graph)
        if doc_id is None:
            return self._run(_removal_statements(graph))
        document = document_iri(doc_id).value
        return self._execute(
            lambda run: _document_removal(run, graph, document, also=(), batch_size=self.batch_size)
        )

    def begin_full_load(self) -> None:
        """Mark the mirror as loaded in full from now on: until ``end_full_load`` it holds no
        finished document (``mirrored_documents``), whatever Document nodes it has."""
        self._run([(f"MERGE (m:{_FULL_LOAD}) SET m.note = $note", {"note": _FULL_LOAD_NOTE})])

    def end_full_load(self) -> None:
        """Take off the mark of ``begin_full_load``: the load wrote everything."""
        self._run([(f"MATCH (m:{_FULL_LOAD}) DELETE m", {})])

    def full_load_unfinished(self) -> bool:
        """Return whether the mirror carries the mark of a full load that has not ended (under way, or stopped)."""
        rows = self._read(f"MATCH (m:{_FULL_LOAD}) RETURN count(m)", {})
        return bool(rows and rows[0][0])

    def mirrored_documents(self) -> set[str]:
        """Return the ids of the documents in the mirror; none while it carries the mark of an unfinished
        full load, which creates Document nodes before their relationships (``graphstore.bulkload``)."""
        if self.full_load_unfinished():
            return set()
        rows = self._read("MATCH (d:Document) RETURN d.uri", {})
        return {
            uri[len(DOCUMENT_PREFIX) :]
            for (uri,) in rows
            if isinstance(uri, str) and uri.startswith(DOCUMENT_PREFIX)
        }

    def mirrored_stamp(self, uri: str) -> str | None:
        """Return the ``vocabularies`` stamp on node ``uri``, None when it is absent."""
        rows = self._read("MATCH (n:Resource {uri: $uri}) RETURN n.vocabularies", {"uri": uri})
        return rows[0][0] if rows else None

    def counts(self) -> tuple[int, int]:
        """Return the number of nodes and of relationships in the mirror."""
        nodes = self._read("MATCH (n) RETURN count(n)", {})
        rels = self._read("MATCH ()-[r]->() RETURN count(r)", {})
        return int(nodes[0][0]), int(rels[0][0])

    def __enter__(self) -> GraphSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _total(counters: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for counter in counters:
        total.update(counter)
    return total


def _counters(result: Any) -> Counter[str]:
    return Counter({name: int(getattr(result, name, 0) or 0) for name in _COUNTERS})


class FalkorSink(GraphSink):
    """The mirror in a FalkorDB graph (``GRAPH.QUERY`` to write, ``GRAPH.RO_QUERY`` for /cypher)."""

    kind = "falkordb"

    def __init__(
        self,
        server: FalkorServer,
        *,
        graph: str = GRAPH_NAME,
        owns_server: bool = False,
        batch_size: int = 1000,
    ) -> None:
        super().__init__(batch_size=batch_size)
        self.server = server
        self.graph_name = graph
        self._owns_server = owns_server
        self._db = server.client()
        self._graph = self._db.select_graph(graph)
        self._readers: dict[float, Any] = {}

    def _execute(self, work: Callable[[Runner], T]) -> T:
        # FalkorDB has no multi-statement transactions; each statement is atomic on its own.
        return work(self._statement)

    def _statement(self, statement: str, params: dict[str, Any]) -> tuple[Counter[str], list[list[Any]]]:
        result = self._graph.query(statement, params)
        return _counters(result), result.result_set

    def _read(self, statement: str, params: dict[str, Any]) -> list[list[Any]]:
        if self.graph_name not in self._db.list_graphs():
            return []
        return list(self._graph.ro_query(statement, params).result_set)

    def _create_lookup(self) -> list[tuple[str, list[str]]]:
        """Create the index on :Resource(uri) unless it is there; return the (label, properties) indexed."""
        indexed = self._graph.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        if not any(label == "Resource" and "uri" in props for label, props in indexed.result_set):
            self._graph.create_node_range_index("Resource", "uri")
        return indexed.result_set

    def ensure_lookup(self) -> None:
        # Issue 12: FalkorDB checks the unique constraint on every node it creates (a third of its
        # time in sync --full), and keeps the relationships' `graph` indexes as it goes; built
        # afterwards over the loaded graph, they cost that once.
        if not self._schema_ready and not self._lookup_ready:
            self._create_lookup()
            self._lookup_ready = True

    def _create_schema(self) -> None:
        # docs.falkordb.com GRAPH.CONSTRAINT CREATE: a unique constraint needs an exact-match
        # index on the same property first; the constraint is then built asynchronously.
        indexed = self._create_lookup()
        # Removing a document finds its relationships by their `graph` property, one type at a
        # time: without an index that scans every relationship of the type, per document.
        with_graph = {label for label, props in indexed if "graph" in props}
        for rel_type in sorted(_KNOWN_TYPES - with_graph):
            self._graph.create_edge_range_index(rel_type, "graph")
        constraints = self._graph.list_constraints()
        if not any(c["label"] == "Resource" and c["properties"] == ["uri"] for c in constraints):
            self._graph.create_node_unique_constraint("Resource", "uri")

    def read_only(self, query: str, params: dict[str, Any], *, timeout_s: float, max_rows: int) -> ReadResult:
        # The server stops the query at `timeout` ms (checked between records); the client's
        # socket timeout half a second later is the backstop for work done in one step.
        if timeout_s not in self._readers:
            self._readers[timeout_s] = self.server.client(socket_timeout=timeout_s + 0.5)
        reader = self._readers[timeout_s].select_graph(self.graph_name)
        timeout_ms = max(1, int(timeout_s * 1000))
        # The row cap goes into the query as a final LIMIT (issue 8: UNWIND range(1,3000000)
        # sent every row to the server before it was cut). Not as a CALL { } subquery as for
        # Neo4j: FalkorDB 4 closed the connection on a variable-length MATCH inside one. A
        # query that cannot take a LIMIT as it is runs unchanged and is cut here.
        limited = limited_query(query, max_rows + 1)
        result = reader.ro_query(limited or query, params or None, timeout=timeout_ms)
        columns = [name for _, name in result.header] if result.header else []
        rows = result.result_set
        return columns, [list(r) for r in rows[:max_rows]], len(rows) > max_rows

    def clear(self) -> None:
        if self.graph_name in self._db.list_graphs():
            self._graph.delete()
        self._graph = self._db.select_graph(self.graph_name)
        self._schema_ready = self._lookup_ready = False
        self._load = BulkLoad()

    def revive(self) -> bool:
        # Issue 8: a killed FalkorDB child left /cypher 503 for good. Only a server this sink
        # started is restarted; its snapshot on disk comes back, and the caller resyncs the rest.
        if not self._owns_server or self.server.running:
            return False
        self.server.start()
        self._disconnect()
        self._db = self.server.client()
        self._graph = self._db.select_graph(self.graph_name)
        self._schema_ready = self._lookup_ready = False
        self._load = None
        return True

    def _disconnect(self) -> None:
        for reader in self._readers.values():
            with contextlib.suppress(redis.RedisError):
                reader.close()
        self._readers.clear()
        with contextlib.suppress(redis.RedisError):
            self._db.close()

    def close(self) -> None:
        self._disconnect()
        if self._owns_server:
            self.server.stop()


class Neo4jSink(GraphSink):
    """The mirror in Neo4j 5 through the official driver (also talks to FalkorDB's Bolt port)."""

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        auth: tuple[str, str] | None = None,
        database: str | None = None,
        batch_size: int = 1000,
    ) -> None:
        super().__init__(batch_size=batch_size)
        self.uri = uri
        self.database = database
        self._driver = neo4j.GraphDatabase.driver(uri, auth=auth)

    def _session(self, mode: str = neo4j.WRITE_ACCESS) -> neo4j.Session:
        return self._driver.session(database=self.database, default_access_mode=mode)

    def _execute(self, work: Callable[[Runner], T]) -> T:
        def in_transaction(tx: neo4j.ManagedTransaction) -> T:
            def run(statement: str, params: dict[str, Any]) -> tuple[Counter[str], list[list[Any]]]:
                result = tx.run(statement, params)
                rows = [list(record.values()) for record in result]
                return _counters(result.consume().counters), rows

            return work(run)

        with self._session() as session:
            return session.execute_write(in_transaction)

    def _read(self, statement: str, params: dict[str, Any]) -> list[list[Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[list[Any]]:
            return [list(record.values()) for record in tx.run(statement, params)]

        with self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(work)

    def _create_schema(self) -> None:
        try:
            with self._session() as session:
                session.run(
                    "CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE"
                ).consume()
                for rel_type in sorted(_KNOWN_TYPES):  # see FalkorSink._create_schema
                    session.run(
                        f"CREATE INDEX rel_graph_{rel_type.lower()} IF NOT EXISTS "
                        f"FOR ()-[r:{rel_type}]-() ON (r.graph)"
                    ).consume()
        except neo4j.exceptions.Neo4jError as error:
            # FalkorDB's Bolt port (the test peer) has no CREATE CONSTRAINT; an index on
            # :Resource(uri) keeps MERGE fast there. It fails too when the index exists.
            log.info("no uniqueness constraint on :Resource(uri) (%s); creating an index instead", error)
            with contextlib.suppress(neo4j.exceptions.Neo4jError), self._session() as session:
                session.run("CREATE INDEX FOR (n:Resource) ON (n.uri)").consume()

    def read_only(self, query: str, params: dict[str, Any], *, timeout_s: float, max_rows: int) -> ReadResult:
        # The row cap goes inside the query, so Neo4j plans a top-k sort and stops early
        # instead of producing rows nobody reads. A query a subquery cannot hold (a standalone
        # CALL, EXPLAIN, a trailing ';') runs as it is, cut after max_rows on the client.
        columns = self._columns(query, params, timeout_s=timeout_s)
        if columns:
            try:
                return self._read_rows(
                    capped_query(query, columns, max_rows + 1), params, timeout_s, max_rows
                )
            except neo4j.exceptions.ClientError as error:
                if not (error.code or "").endswith(("SyntaxError", "SemanticError")):
                    raise
        return self._read_rows(query, params, timeout_s, max_rows)

    def _columns(self, query: str, params: dict[str, Any], *, timeout_s: float) -> list[str]:
        """Return the columns ``query`` would answer (from its plan), [] when it cannot be planned."""

        def work(tx: neo4j.ManagedTransaction) -> list[str]:
            return list(tx.run("EXPLAIN " + query, params).keys())

        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(neo4j.unit_of_work(timeout=timeout_s)(work))
        except neo4j.exceptions.ClientError:
            return []  # running the query itself gives the user its own error

    def _read_rows(self, query: str, params: dict[str, Any], timeout_s: float, max_rows: int) -> ReadResult:
        def work(tx: neo4j.ManagedTransaction) -> ReadResult:
            result = tx.run(query, params)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) == max_rows:
                    return columns, rows, True
                rows.append(list(record.values()))
            return columns, rows, False

        # READ access mode: Neo4j refuses writes in it (Neo.ClientError.Statement.AccessMode),
        # procedures that write included; the transaction timeout is enforced by the server.
        with self._session(neo4j.READ_ACCESS) as session:
            return session.execute_read(neo4j.unit_of_work(timeout=timeout_s)(work))

    def clear(self) -> None:
        with self._session() as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
        self._load = BulkLoad()

    def close(self) -> None:
        self._driver.close()


def open_sink(settings: Settings) -> GraphSink | None:
    """Return the sink the settings name: Neo4j when ``neo4j_uri`` is set, else the embedded FalkorDB, else None.

    The embedded FalkorDB server is started here (folder ``<data_dir>/falkordb``) and stopped
    by the sink's ``close()``.
    """
    if settings.neo4j_uri:
        auth = None
        if settings.neo4j_user:
            password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
            auth = (settings.neo4j_user, password)
        return Neo4jSink(settings.neo4j_uri, auth=auth, database=settings.neo4j_database)
    if settings.falkordb:
        server = FalkorServer(
            settings.data_dir / "falkordb", query_memory_mb=settings.cypher_memory_mb
        ).start()
        return FalkorSink(server, owns_server=True)
    return None
