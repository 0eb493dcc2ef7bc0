"""The FastAPI application: ``create_app(settings, store)``.

Run it with ``uvicorn --factory app.main:create_app`` (or ``citykg serve``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

from app.problems import install_problem_handlers
from app.routes import sparql_router
from app.settings import Settings
from app.store import Store

__all__ = ["STATIC_DIR", "create_app"]

STATIC_DIR = Path(__file__).parent / "static"


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """Return the citykg API; without ``store`` it opens the on-disk store named by ``settings``.

    A store passed in belongs to the caller (tests close their own); a store the
    app opened is closed when the app shuts down.
    """
    settings = settings or Settings()
    owned = store is None
    if store is None:
        store = Store.open(settings.store_path, workers=settings.query_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            app.state.store.close()

    app = FastAPI(
        title="citykg",
        summary="A knowledge graph of Chinese digital-city initiatives",
        version="0.1.0",
        lifespan=lifespan,
        docs_url="/docs",
    )
    app.state.settings = settings
    app.state.store = store
    install_problem_handlers(app)
    app.include_router(sparql_router)

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    return app
