"""Graphs loaded into a mirror that was emptied first (``citykg sync --full``): each node created once.

``GraphSink.write_new`` cannot know what the database holds: each batch first looks for its
nodes (``OPTIONAL MATCH``, the uris of the created ones sent back), updates and relabels the
nodes met again, and merges relationships so that writing a document twice changes nothing.
A sink that emptied the mirror itself knows what it has written since: :class:`BulkLoad` keeps
the labels of every node it created, so a write creates the nodes new to the mirror outright
(``CREATE`` with their labels in the pattern), updates only the ones an earlier write created
(the places and programmes many documents name) and creates relationships without ``MERGE``: a
graph is loaded once, and its relationships differ from every other graph's by ``graph``.
Issue 12: that bookkeeping kept sync --full's engine part at 1.4-1.6x the bare bulk ceiling.

The mirror is the one ``write_new`` gives (tests/test_mirror.py compares them). Documents are
created with their Document label like any node: setting it last, in a pass of its own so that an
interrupted load looked unfinished, took 19.4 s of 42.7 s at 10,000 documents in FalkorDB. The
mirror carries a mark of the load instead (``graphstore.mirror.resync``). The vocabularies' stamp
still comes last in each write (one node): ``mirror_documents`` trusts it without looking for the mark.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graphstore.mirror import chunked
from graphstore.projection import LABELS, RELATIONSHIP_TYPES, Projection

__all__ = ["BulkLoad", "node_update_statement"]

_KNOWN_LABELS = frozenset(LABELS.values())
_KNOWN_TYPES = frozenset(RELATIONSHIP_TYPES.values())
# The property graphstore.projection gives the vocabularies' stamp (GraphSink.mirrored_stamp reads it).
_STAMP = "vocabularies"

Statement = tuple[str, dict[str, Any]]


def node_update_statement(*, graphs_new: bool = False) -> str:
    """Return the statement that sets a batch of node rows' properties on nodes already in the mirror
    and adds their graphs; ``graphs_new`` when no row's graph is on its node yet (a bulk load).

    >>> print(node_update_statement(graphs_new=True))
    UNWIND $rows AS row
    MATCH (n:Resource {uri: row.uri})
    SET n += row.props
    SET n.graphs = coalesce(n.graphs, []) + row.graphs
    """
    added = "row.graphs" if graphs_new else "[g IN row.graphs WHERE NOT g IN coalesce(n.graphs, [])]"
    return (
        "UNWIND $rows AS row\n"
        "MATCH (n:Resource {uri: row.uri})\n"
        "SET n += row.props\n"
        f"SET n.graphs = coalesce(n.graphs, []) + {added}"
    )


def _labelled(labels: Iterable[str]) -> str:
    """Return ``labels`` as a pattern's label list, after checking them against the closed list.

    >>> _labelled(["Resource", "Place"])
    'Resource:Place'
    """
    labels = tuple(labels)
    unknown = set(labels) - _KNOWN_LABELS - {"Resource"}
    if unknown:
        raise ValueError(f"labels outside the closed list: {sorted(unknown)}")
    return ":".join(labels)


def _create_statement(labels: tuple[str, ...]) -> str:
    """Return the statement that creates a batch of nodes new to the mirror, with ``labels``.

    >>> print(_create_statement(("Agency",)))
    UNWIND $rows AS row
    CREATE (n:Resource:Agency {uri: row.uri})
    SET n += row.props, n.graphs = row.graphs
    """
    return (
        "UNWIND $rows AS row\n"
        f"CREATE (n:{_labelled(('Resource', *labels))} {{uri: row.uri}})\n"
        "SET n += row.props, n.graphs = row.graphs"
    )


def _label_statement(labels: tuple[str, ...]) -> str:
    return f"UNWIND $uris AS uri\nMATCH (n:Resource {{uri: uri}})\nSET n:{_labelled(labels)}"


_ENDPOINTS = "UNWIND $uris AS uri\nCREATE (n:Resource {uri: uri})\nSET n.graphs = []"
_STAMPS = f"UNWIND $rows AS row\nMATCH (n:Resource {{uri: row.uri}})\nSET n.{_STAMP} = row.stamp"


def _rel_create_statement(rel_type: str) -> str:
    """Return the statement that creates a batch of relationships of ``rel_type`` (provenance in ``props``).

    >>> print(_rel_create_statement("LOCATED_IN"))
    UNWIND $rows AS row
    MATCH (a:Resource {uri: row.start})
    MATCH (b:Resource {uri: row.end})
    CREATE (a)-[r:LOCATED_IN]->(b)
    SET r = row.props
    """
    if rel_type not in _KNOWN_TYPES:
        raise ValueError(f"relationship type outside the closed list: {rel_type!r}")
    return (
        "UNWIND $rows AS row\n"
        "MATCH (a:Resource {uri: row.start})\n"
        "MATCH (b:Resource {uri: row.end})\n"
        f"CREATE (a)-[r:{rel_type}]->(b)\n"
        "SET r = row.props"
    )


# Rows per statement: with nothing to look up, a statement's own cost weighs more; 5,000 rather
# than the sink's 1,000 took the engine's part of loading 1,000 generated documents from 2.85 s to 2.43 s.
_BATCH = 5000


class BulkLoad:
    """The statements that load graphs into a mirror that holds only what earlier ones of this load wrote."""

    def __init__(self, *, batch_size: int = _BATCH) -> None:
        self.batch_size = batch_size
        # uri → labels (besides Resource) of every node this load created
        self._labels: dict[str, frozenset[str]] = {}

    def statements(self, projections: Iterable[Projection]) -> Iterator[Statement]:
        """Yield the statements that write ``projections`` (graphs not loaded before), in order.

        A node several of them describe is one row naming their graphs in order, with their
        labels together and their properties applied in that order, as ``write_new`` does.
        """
        rows: dict[str, dict[str, Any]] = {}
        labels: dict[str, set[str]] = {}
        endpoints: set[str] = set()
        rels: dict[str, list[dict[str, Any]]] = {}
        for projection in projections:
            graph = projection.graph
            for node in projection.nodes:
                row = rows.get(node.uri)
                if row is None:
                    rows[node.uri] = {"uri": node.uri, "graphs": [graph], "props": dict(node.props)}
                    labels[node.uri] = set(node.labels)
                    continue
                if graph not in row["graphs"]:
                    row["graphs"].append(graph)
                row["props"].update(node.props)
                labels[node.uri].update(node.labels)
            endpoints.update(projection.endpoints)
            for rel in projection.rels:
                props = rel.props if rel.evidence is None else {**rel.props, "evidence": rel.evidence}
                rels.setdefault(rel.type, []).append({"start": rel.start, "end": rel.end, "props": props})

        created: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        updated: list[dict[str, Any]] = []
        relabelled: dict[tuple[str, ...], list[str]] = {}
        stamps: list[dict[str, Any]] = []
        for uri, row in rows.items():
            if _STAMP in row["props"]:  # last: a stamp says the vocabularies are all in
                stamps.append({"uri": uri, "stamp": row["props"].pop(_STAMP)})
            wanted = labels[uri]
            had = self._labels.get(uri)
            if had is None:
                created.setdefault(tuple(sorted(wanted)), []).append(row)
            else:
                updated.append(row)
                missing = wanted - had
                if missing:
                    relabelled.setdefault(tuple(sorted(missing)), []).append(uri)
            self._labels[uri] = frozenset(wanted) | (had or frozenset())
        bare = sorted(u for u in endpoints if u not in self._labels)
        self._labels.update(dict.fromkeys(bare, frozenset()))

        size = self.batch_size
        for group in sorted(created):
            statement = _create_statement(group)
            yield from ((statement, {"rows": batch}) for batch in chunked(created[group], size))
        update = node_update_statement(graphs_new=True)
        yield from ((update, {"rows": batch}) for batch in chunked(updated, size))
        for group in sorted(relabelled):
            statement = _label_statement(group)
            yield from ((statement, {"uris": batch}) for batch in chunked(relabelled[group], size))
        yield from ((_ENDPOINTS, {"uris": batch}) for batch in chunked(bare, size))
        for rel_type in sorted(rels):
            statement = _rel_create_statement(rel_type)
            yield from ((statement, {"rows": batch}) for batch in chunked(rels[rel_type], size))
        yield from ((_STAMPS, {"rows": batch}) for batch in chunked(stamps, size))
