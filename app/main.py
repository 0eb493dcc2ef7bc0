"""The FastAPI application: ``create_app(settings, store)``.

Run it with ``uvicorn --factory app.main:create_app`` (or ``citykg serve``).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from app.analytics import keep_projection, peer_groups, view
from app.analytics import refresh as refresh_analytics
from app.answers import AnswerCache
from app.index import graph_index, keep_index
from app.limits import BodyLimit, SecurityHeaders
from app.problems import install_problem_handlers
from app.routes import (
    agencies_router,
    analytics_router,
    cypher_router,
    documents_router,
    graph_router,
    indicators_router,
    places_router,
    policies_router,
    programmes_router,
    projects_router,
    queries_router,
    search_router,
    sparql_router,
    stats_router,
    versions_router,
)
from app.search import keep_search
from app.search import prepare as prepare_search
from app.settings import Settings
from app.stats import graph_stats
from graphstore.extracting import ExtractionPool
from graphstore.graphsink import GraphSink, open_sink
from graphstore.mirror import catch_up, mirror_documents
from graphstore.store import Store
from graphstore.stores import RdfStore, open_store

__all__ = ["STATIC_DIR", "create_app"]

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
# The built front end (app/frontend, `npm run build`); gitignored, so a fresh checkout lacks it.
FRONTEND_DIR = STATIC_DIR / "dist"


def create_app(
    settings: Settings | None = None, store: RdfStore | None = None, *, sink: GraphSink | None = None
) -> FastAPI:
    """Return the citykg API; without ``store`` it opens the store ``settings`` name (on disk or remote).

    A store passed in belongs to the caller (tests close their own); a store the
    app opened is closed when the app shuts down. The same goes for the Cypher mirror:
    a ``sink`` passed in is the caller's; an app that opened its own store also opens the
    sink the settings name (starting the embedded FalkorDB) and closes it at shutdown.
    """
    settings = settings or Settings()
    owned = store is None
    if store is None:
        store = open_store(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own_sink = owned and app.state.sink is None
        mirroring = None
        if own_sink:
            # Off the start-up path: starting FalkorDB loads its snapshot, and catching up writes
            # every document the mirror lacks (all of them for a store built without it), both
            # growing with the corpus; the API answers meanwhile and /cypher waits (app.routes.cypher).
            app.state.mirror_ready.clear()
            mirroring = threading.Thread(target=_start_mirror, args=(app, settings), daemon=True)
            mirroring.start()
        warming = None
        if owned:
            # Load (or read) the indexes before answering, for at most _WARM_WAIT_S: loading the
            # kept files takes 2-3 s at 10,000 documents, and a request answered meanwhile waited
            # that long for the interpreter anyway. Computing them (no kept files, or another
            # process wrote since) takes longer; the server then answers while it goes on.
            warming = threading.Thread(
                target=_warm_indexes, args=(app.state.store,), kwargs={"peers": True}, daemon=True
            )
            warming.start()
            await run_in_threadpool(warming.join, _WARM_WAIT_S)
        yield
        if warming is not None:
            warming.join()
        if owned:
            # What was patched since the last save is written now, so the next start-up loads it.
            await run_in_threadpool(keep_index)
            await run_in_threadpool(keep_projection)
            await run_in_threadpool(keep_search)
            if (lanes := getattr(app.state, "query_lanes", None)) is not None:
                await run_in_threadpool(lanes.keep)  # the queries found slow (app/lanes.py)
        if mirroring is not None:
            await run_in_threadpool(app.state.mirror_opened.wait)
            if app.state.sink is not None:
                app.state.sink.close()  # a catch-up still under way stops here (the next start resumes it)
                app.state.sink = None
            await run_in_threadpool(mirroring.join)
        app.state.extraction_pool.close()
        if owned:
            app.state.store.close()

    app = FastAPI(
        title="citykg",
        summary="A knowledge graph of Chinese digital-city initiatives",
        version="0.1.0",
        lifespan=lifespan,
        # /docs is served below from Swagger UI bundled at build time (no CDN); no ReDoc page,
        # whose npm package would bring 86 MB of dependencies for a second view of the same schema.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.sink = sink
    # Set once the mirror this app starts answers (opened) and has caught up with the store (ready).
    app.state.mirror_opened = threading.Event()
    app.state.mirror_ready = threading.Event()
    app.state.mirror_opened.set()
    app.state.mirror_ready.set()
    app.state.extraction_pool = ExtractionPool()
    install_problem_handlers(app)
    app.add_middleware(AnswerCache, version=lambda: _answers_version(app.state.store))
    app.add_middleware(BodyLimit, limit_for=lambda method, path: _body_limit(settings, method, path))
    app.add_middleware(SecurityHeaders)
    app.include_router(sparql_router)
    app.include_router(cypher_router)
    # Called with the id of each document loaded over HTTP (POST /documents): the one
    # place to hook a mirror (FalkorDB/Neo4j) or a cache to new documents.
    app.state.on_loaded = [
        lambda doc_id: _mirror_loaded(app, doc_id),
        # The REST index, the analytics projection, the search index and the counts are patched with
        # the new document before the ingest answers, not by the next request that needs each: at
        # 10,000 documents that request waited 0.3-0.6 s.
        lambda doc_id: _warm_indexes(app.state.store, "after an ingest"),
    ]
    for router in (
        stats_router,
        places_router,
        programmes_router,
        search_router,
        documents_router,
        graph_router,
        queries_router,
        analytics_router,
        agencies_router,
        projects_router,
        policies_router,
        indicators_router,
        versions_router,
    ):
        app.include_router(router)

    # Decided once, at startup: the built front end when present, else a placeholder page that says
    # how to build it (rebuilding while the server runs is fine; building it for the first time needs a restart).
    built = (FRONTEND_DIR / "index.html").is_file() and (FRONTEND_DIR / "assets").is_dir()
    if built:
        app.mount("/assets", StaticFiles(directory=FRONTEND_DIR / "assets"), name="assets")

    api_docs = FRONTEND_DIR / "apidocs"
    if (api_docs / "swagger-ui-bundle.js").is_file():
        app.mount("/apidocs", StaticFiles(directory=api_docs), name="apidocs")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if not (api_docs / "swagger-ui-bundle.js").is_file():
            return HTMLResponse(
                "<p>The API docs page is bundled with the front end: run <code>make frontend</code>. "
                'The schema itself is at <a href="/openapi.json">/openapi.json</a>.</p>',
                status_code=503,
            )
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="citykg API",
            swagger_js_url="/apidocs/swagger-ui-bundle.js",
            swagger_css_url="/apidocs/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        page = FRONTEND_DIR / "index.html" if built else STATIC_DIR / "index.html"
        # Asset names carry content hashes; the page itself must be revalidated to pick up a rebuild.
        return FileResponse(page, media_type="text/html", headers={"Cache-Control": "no-cache"})

    return app


def _start_mirror(app: FastAPI, settings: Settings) -> None:
    """Start the mirror the settings name and bring it in line with the store (documents loaded while
    it was down, or by the CLI), noting in ``app.state`` when it is open and when it is ready."""
    app.state.mirror_opened.clear()
    try:
        try:
            app.state.sink = open_sink(settings)
        except Exception as error:  # the API still serves SPARQL; /cypher says why it cannot
            log.error("the Cypher mirror did not start: %s", error)
            app.state.sink_error = str(error)
        finally:
            app.state.mirror_opened.set()
        if app.state.sink is not None:
            started = time.perf_counter()
            if catch_up(app.state.store, app.state.sink):
                log.info(
                    "the Cypher mirror is in step with the store (%.1f s)", time.perf_counter() - started
                )
    finally:
        app.state.mirror_ready.set()


def _answers_version(store: RdfStore) -> tuple[int, int] | None:
    """Return what the kept GET answers are keyed on: the embedded store's write counter (app/answers.py)."""
    return (id(store), store.version) if isinstance(store, Store) else None


_WARM_WAIT_S = 15.0


def _warm_indexes(store: RdfStore, when: str = "at start-up", *, peers: bool = False) -> None:
    """Load, read or patch the REST index, the analytics projection, the search index and the counts of ``store`` (logs a failure).

    With ``peers``, also derive the peer groups that every place page names: they are computed
    from the whole projection and not kept with it, so without this the first /places request
    after a start-up computed them. Not after an ingest, which would wait for them.
    """
    started = time.perf_counter()
    try:
        graph_index(store)
        refresh_analytics(store)
        prepare_search(store)
        graph_stats(store)
        if peers:
            with view(store) as v:
                peer_groups(v)
    except Exception as error:  # requests read them themselves later and report what fails
        log.warning("the REST, analytics or search index was not ready %s: %s", when, error)
    else:
        log.info("REST, analytics and search indexes ready %s in %.1f s", when, time.perf_counter() - started)
        if peers:  # at start-up
            _freeze_heap()


def _freeze_heap() -> None:
    """Keep what the indexes hold after start-up out of the cyclic garbage collector's full passes.

    At 10,000 documents they are 1.1 million objects, and a full pass over them, due after every
    few hundred thousand allocations, stopped whichever request was running for 0.5 s (a sweep of
    every route: co-adopted places 48 ms, or 539 ms when the pass fell on it). What start-up left
    behind is collected first, in a pass of its own before any request; frozen objects are still
    freed when no longer referenced, and what later ingests add is collected as before.
    """
    gc.collect()
    gc.freeze()


def _body_limit(settings: Settings, method: str, path: str) -> tuple[int, str]:
    """Return the most bytes a request body may have, and the setting that says so."""
    if method == "POST" and path.rstrip("/") == "/documents":
        # multipart framing, or JSON escapes (\\uXXXX is 6 bytes for a 3-byte character)
        return int(settings.max_file_mb * 1024 * 1024 * 2.5) + 64 * 1024, "CITYKG_MAX_FILE_MB"
    return settings.max_body_kb * 1024, "CITYKG_MAX_BODY_KB"


def _mirror_loaded(app: FastAPI, doc_id: str) -> None:
    """Mirror a document loaded over HTTP into the Cypher mirror, if there is one; the store already has it."""
    sink: GraphSink | None = app.state.sink
    if sink is None:
        return
    try:
        mirror_documents(app.state.store, sink, [doc_id])
    except Exception:  # a dead database is restarted and caught up; else `citykg sync` does it later
        log.warning("document %s is loaded but not mirrored; catching the mirror up", doc_id)
        catch_up(app.state.store, sink)
