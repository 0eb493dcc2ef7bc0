"""Shared fixtures: the seed and demo corpora, and stores built from them once per session.

The seed documents and their gold facts live in ../shared (they are the user's and are not
copied into the repository); tests that need them are marked `shared` and skip where it is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fuseki import FusekiServer
from neo4j_server import Neo4jServer
from servers import uvicorn_server
from virtuoso import VirtuosoServer

from app.settings import Settings
from graphstore.build import build
from graphstore.falkor import FalkorServer
from graphstore.graphsink import FalkorSink, Neo4jSink
from graphstore.mirror import resync
from graphstore.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The user's five seed documents (../shared/corpus/seeds)."""
    if not SEEDS.is_dir():
        pytest.skip(
            "../shared/corpus/seeds is absent: seed-based tests need the shared folder beside the repo"
        )
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The hand-made gold facts of the seed documents (../shared/gold)."""
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is absent: gold-based tests need the shared folder beside the repo")
    return GOLD


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Store]:
    """An on-disk store holding the vocabularies and the five seed documents."""
    store = Store.open(tmp_path_factory.mktemp("seed") / "oxigraph")
    report = build([seeds_dir], store)
    assert report.documents == 5 and not report.problems
    yield store
    store.close()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """An on-disk store holding the vocabularies and the bundled demo corpus."""
    store = Store.open(tmp_path_factory.mktemp("demo") / "oxigraph")
    report = build([DEMO], store)
    assert report.documents >= 6 and not report.problems
    yield store
    store.close()


@pytest.fixture(scope="session")
def fuseki_server() -> Iterator[FusekiServer]:
    """One Apache Jena Fuseki for the session (`make fuseki` fetches it), stopped afterwards.

    Its own 10 s query limit frees the server from the runaway query a test abandons after 1 s.
    """
    with FusekiServer(timeout_s=10) as server:
        yield server


@pytest.fixture(scope="session")
def virtuoso_server() -> Iterator[VirtuosoServer]:
    """One OpenLink Virtuoso 7 for the session (Debian's virtuoso-opensource-7-bin), stopped afterwards."""
    with VirtuosoServer(timeout_s=10) as server:
        yield server


@pytest.fixture(scope="session")
def score_module(gold_dir: Path) -> ModuleType:
    """../shared/eval/score.py, the scorer of the extraction facts, imported as a module."""
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def falkor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FalkorServer]:
    """One FalkorDB server for the session, on a unix socket in a temporary folder."""
    with FalkorServer(tmp_path_factory.mktemp("falkor")) as server:
        yield server


@pytest.fixture(scope="session")
def seed_sink(falkor_server: FalkorServer, seed_store: Store) -> Iterator[FalkorSink]:
    """The seed store mirrored into graph `seeds` (tests that change it use their own graph)."""
    sink = FalkorSink(falkor_server, graph="seeds")
    resync(seed_store, sink, full=True)
    yield sink
    sink.close()


@pytest.fixture(scope="session")
def neo4j_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The CITYKG_NEO4J_* settings of a real Neo4j 5, emptied first.

    The one CITYKG_TEST_NEO4J_URI names (with CITYKG_TEST_NEO4J_USER/PASSWORD/DATABASE), else
    Neo4j from Maven Central (`make neo4j`) started here with Bolt on a free 127.0.0.1 port.
    """
    given = {
        name: os.environ[f"CITYKG_TEST_{name}"]
        for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")
        if os.environ.get(f"CITYKG_TEST_{name}")
    }
    if "NEO4J_URI" in given:
        env = {f"CITYKG_{name}": value for name, value in given.items()}
        sink = _neo4j_sink(env)
        sink.clear()
        sink.close()
        yield env
        return
    with Neo4jServer(tmp_path_factory.mktemp("neo4j")) as server:
        yield {"CITYKG_NEO4J_URI": server.uri}


def _neo4j_sink(env: dict[str, str]) -> Neo4jSink:
    user = env.get("CITYKG_NEO4J_USER")
    auth = (user, env.get("CITYKG_NEO4J_PASSWORD", "")) if user else None
    return Neo4jSink(env["CITYKG_NEO4J_URI"], auth=auth, database=env.get("CITYKG_NEO4J_DATABASE"))


@pytest.fixture(scope="session")
def neo4j_sink(neo4j_env: dict[str, str]) -> Iterator[Neo4jSink]:
    """A sink on the session's Neo4j (tests leave it holding the seeds or nothing)."""
    sink = _neo4j_sink(neo4j_env)
    yield sink
    sink.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh on-disk store with nothing in it."""
    store = Store.open(tmp_path / "oxigraph")
    yield store
    store.close()


# The browser tests' shared state (tests/test_frontend.py, tests/test_pages.py): one store over the seeds and
# the demo corpus, one uvicorn serving it with the built front end, one headless Chromium for the session.
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def seed_data_dir(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A data folder whose store holds the seeds and the demo corpus, as the README builds it."""
    data = tmp_path_factory.mktemp("frontend-data")
    settings = Settings(data_dir=data)
    store = Store.open(settings.store_path)
    try:
        report = build([seeds_dir, DEMO], store)
        assert report.documents == 5 + len(list(DEMO.iterdir())) and not report.problems
        _mirror(store, settings)
    finally:
        store.close()
    return data


def _mirror(store: Store, settings: Settings) -> None:
    """Fill the embedded FalkorDB in the data folder for /cypher; the server reopens it from disk."""
    try:
        from graphstore.graphsink import open_sink
        from graphstore.mirror import resync
    except ImportError:  # no Cypher mirror in this build: the Cypher test skips
        return
    sink = open_sink(settings)
    if sink is None:
        return
    try:
        resync(store, sink)
    finally:
        sink.close()


@pytest.fixture(scope="session")
def server_url(seed_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn on a free 127.0.0.1 port serving the seed store and the built front end."""
    log = tmp_path_factory.mktemp("uvicorn") / "uvicorn.log"
    try:
        with uvicorn_server(seed_data_dir, log) as url:
            yield url
    except RuntimeError as error:  # it did not start: the log says why
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (whose own browser download is not used)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
    # An assertion waits as long as a page action does: on a busy two-core machine laying out a
    # result graph (fcose) can take longer than expect's own 5 s default.
    sync_api.expect.set_options(timeout=10_000)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def load_times() -> Iterator[dict[str, float]]:
    """Page load times (seconds) measured by the tests, written to tests/screenshots/load_times.json."""
    times: dict[str, float] = {}
    yield times
    if times:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "load_times.json").write_text(json.dumps(times, indent=2, sort_keys=True) + "\n")


@pytest.fixture
def page(browser: Any, server_url: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page on the server that fails the test on any console error or uncaught exception."""
    context = browser.new_context(
        base_url=server_url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: (
            errors.append(f"HTTP {response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], f"browser console errors: {errors}"
