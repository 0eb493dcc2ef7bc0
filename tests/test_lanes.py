"""Runaway SPARQL queries cannot starve quick ones (issue 8: with 20 runaways running, every canned
query was refused): one worker is kept for queries known to be quick, new ones get a short trial."""

from __future__ import annotations

import statistics
import threading
import time
from pathlib import Path

import pytest

from app.lanes import QUICK_S, Lanes, QueriesWaiting, QueryCosts, Speed
from graphstore.build import ensure_vocabularies
from graphstore.sparql import QueryTimeout
from graphstore.store import Store

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "SELECT ?p WHERE { ?p a <http://www.w3.org/2004/02/skos/core#Concept> } LIMIT 5"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "oxigraph", workers=2)
    ensure_vocabularies(store)  # thousands of quads: a three-way cross join never finishes
    yield store
    store.close()


def test_a_quick_query_answers_while_runaways_hold_the_general_worker(store: Store) -> None:
    lanes = Lanes(store, queue=8)
    outcomes: list[str] = []

    def runaway() -> None:
        try:
            lanes.run(RUNAWAY, timeout_s=6)
            outcomes.append("finished")
        except QueryTimeout:
            outcomes.append("stopped")
        except QueriesWaiting:
            outcomes.append("refused")

    threads = [threading.Thread(target=runaway) for _ in range(6)]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    waits = []
    for _ in range(15):
        started = time.monotonic()
        result = lanes.run(QUICK, timeout_s=6)
        waits.append(time.monotonic() - started)
        assert len(result.bindings()) == 5
    for thread in threads:
        thread.join()
    # The first run of a new query may wait for a runaway's trial (at most QUICK_S); then it is express.
    assert waits[0] < QUICK_S + 1.5, waits
    assert max(waits[1:]) < 1.0 and statistics.median(waits[1:]) < 0.3, waits
    assert "finished" not in outcomes and outcomes.count("stopped") >= 1
    assert lanes.speed(RUNAWAY) is Speed.SLOW
    assert lanes.speed(QUICK) is Speed.QUICK


def test_a_slow_query_is_stopped_at_its_own_limit_not_at_the_trial_budget(store: Store) -> None:
    lanes = Lanes(store, queue=8)
    started = time.monotonic()
    with pytest.raises(QueryTimeout) as stopped:
        lanes.run(RUNAWAY, timeout_s=3)
    elapsed = time.monotonic() - started
    assert stopped.value.limit_s == 3 and 2.5 < elapsed < 5, elapsed


def test_query_costs_forget_the_least_recently_used_text() -> None:
    costs = QueryCosts(size=2)
    for text in ("a", "b", "c"):
        costs.record(QueryCosts.key(text), 0.1, finished=True)
    assert costs.speed(QueryCosts.key("a")) is Speed.UNKNOWN
    assert costs.speed(QueryCosts.key("c")) is Speed.QUICK
    costs.record(QueryCosts.key("c"), QUICK_S * 3, finished=True)
    assert costs.speed(QueryCosts.key("c")) is Speed.SLOW


def test_a_repeated_query_is_answered_from_the_cache_until_the_store_changes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph as ox

    concepts = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <http://www.w3.org/2004/02/skos/core#Concept> }"
    lanes = Lanes(store, queue=8)
    first = lanes.run(concepts, timeout_s=6)
    ran: list[str] = []
    query = store.query
    monkeypatch.setattr(store, "query", lambda text, **kw: ran.append(text) or query(text, **kw))
    assert lanes.run(concepts, timeout_s=6).body == first.body
    assert ran == []  # no worker was needed
    concept = ox.Quad(
        ox.NamedNode("https://example.org/new-concept"),
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("http://www.w3.org/2004/02/skos/core#Concept"),
    )
    store.replace_graph("https://w3id.org/citykg/graph/test", [concept])
    after = lanes.run(concepts, timeout_s=6)
    assert ran == [concepts]
    assert int(after.bindings()[0]["n"] or 0) == int(first.bindings()[0]["n"] or 0) + 1
    # A query whose answer changes from run to run is never reused.
    dice = "SELECT (RAND() AS ?r) WHERE {}"
    lanes.run(dice, timeout_s=6)
    lanes.run(dice, timeout_s=6)
    assert ran.count(dice) == 2
