"""FastAPI dependencies as ``Annotated`` aliases: ``def handler(store: StoreDep, settings: SettingsDep)``."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.settings import Settings
from app.store import Store

__all__ = ["SettingsDep", "StoreDep", "get_settings", "get_store"]


def get_settings(request: Request) -> Settings:
    """Return the settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    """Return the store the app was built with."""
    store: Store = request.app.state.store
    return store


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
