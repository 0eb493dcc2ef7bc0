"""Runaway SPARQL queries cannot starve quick ones (issue 8: with 20 runaways running, every canned
query was refused): one worker is kept for queries known to be quick, new ones get a short trial."""

from __future__ import annotations

import statistics
import threading
import time
import warnings
from pathlib import Path

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from app.lanes import QUICK_S, Lanes, QueriesWaiting, QueryCosts, Speed
from app.main import create_app
from app.settings import Settings
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


# A query that finishes, but takes longer than the trial budget: 25 M rows counted.
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?a WHERE {{ ?a ?b ?c }} LIMIT {n} }}"
    " {{ SELECT ?d WHERE {{ ?d ?e ?f }} LIMIT {n} }} }}"
)


def _runs(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Return a list that records, for each query the store runs, whether it ran on the express worker."""
    runs: list[bool] = []
    query = store.query
    monkeypatch.setattr(
        store, "query", lambda text, **kw: runs.append(bool(kw.get("express"))) or query(text, **kw)
    )
    return runs


def test_a_slow_canned_query_runs_once_on_its_first_request_and_a_slow_unknown_text_is_still_tried(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    lanes = Lanes(store, queue=8)
    runs = _runs(store, monkeypatch)
    started = time.monotonic()
    assert lanes.run(SLOW.format(n=5000), timeout_s=30, canned="slow_report").bindings()[0]["n"] == "25000000"
    canned_s = time.monotonic() - started
    assert runs == [False]  # straight to the general workers: no trial to throw away
    # The same cost from a user (not a canned text) still gets its trial on the express worker first.
    runs.clear()
    started = time.monotonic()
    lanes.run(SLOW.format(n=4999), timeout_s=30)
    assert runs == [True, False]
    assert time.monotonic() - started > canned_s * 0.8 + 0.5
    # The next text of the slow canned query (other parameters, another page) goes to the general workers too.
    runs.clear()
    lanes.run(SLOW.format(n=4998), timeout_s=30, canned="slow_report")
    assert runs == [False]


def test_a_canned_query_known_quick_is_tried_on_the_express_worker_with_new_parameters(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    lanes = Lanes(store, queue=8)
    runs = _runs(store, monkeypatch)
    lanes.run(QUICK, timeout_s=6, canned="concepts")
    lanes.run(QUICK.replace("LIMIT 5", "LIMIT 6"), timeout_s=6, canned="concepts")
    # Its first run measures it on the general workers; known quick, a new text gets the express trial.
    assert runs == [False, True]
    assert lanes.speed(QUICK.replace("LIMIT 5", "LIMIT 6")) is Speed.QUICK


def test_a_query_found_slow_is_not_tried_again_after_a_restart(tmp_path: Path) -> None:
    slow = SLOW.format(n=5000)
    with Store.open(tmp_path / "data" / "oxigraph", workers=0) as store:
        ensure_vocabularies(store)
    settings = Settings(data_dir=tmp_path / "data", falkordb=False, query_workers=2)
    runs: list[bool] = []

    def serve(query: str) -> None:
        with TestClient(create_app(settings)) as client:
            store = client.app.state.store  # type: ignore[attr-defined]
            query_on = store.query
            store.query = lambda text, **kw: runs.append(bool(kw.get("express"))) or query_on(text, **kw)
            answer = client.post("/sparql", data={"query": query}, headers={"Accept": "application/json"})
            assert answer.status_code == 200, answer.text
            assert answer.json()["results"]["bindings"], answer.text

    serve(slow)
    assert runs == [True, False]  # a trial on the express worker, stopped at the budget, then the run
    runs.clear()
    serve(slow)  # the next server read what the first found slow: no second trial
    assert runs == [False]
    runs.clear()
    serve(QUICK)  # a text never found slow is still tried on the express worker
    assert runs == [True]
