"""FastAPI dependencies as ``Annotated`` aliases: ``def handler(store: StoreDep, settings: SettingsDep)``."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from app.problems import Problem
from app.settings import Settings
from graphstore.stores import RdfStore

__all__ = ["ApiKeyDep", "SettingsDep", "StoreDep", "get_settings", "get_store", "require_api_key"]


def get_settings(request: Request) -> Settings:
    """Return the settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> RdfStore:
    """Return the store the app was built with."""
    store: RdfStore = request.app.state.store
    return store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[RdfStore, Depends(get_store)]


def require_api_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="The server's CITYKG_API_KEY.")] = None,
) -> None:
    """Refuse the request unless ``X-API-Key`` equals the configured key (503 when none is configured)."""
    configured = get_settings(request).api_key
    if configured is None or not configured.get_secret_value():
        raise Problem(
            503,
            "writing over HTTP is disabled: the server has no API key; set CITYKG_API_KEY and restart",
            slug="ingestion-disabled",
        )
    if x_api_key is None or not secrets.compare_digest(
        x_api_key.encode(), configured.get_secret_value().encode()
    ):
        raise Problem(
            401,
            "send the server's API key in the X-API-Key header",
            slug="unauthorised",
            headers={"WWW-Authenticate": "ApiKey"},
        )


ApiKeyDep = Annotated[None, Depends(require_api_key)]
