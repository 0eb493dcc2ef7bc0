"""citykg: a knowledge graph of Chinese digital-city initiatives, served over SPARQL and HTTP.

Importing ``app`` stays light (the query worker processes import ``graphstore.sparql``);
the public names load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["RdfStore", "RemoteStore", "Settings", "Store", "create_app", "open_store"]

_HOMES = {
    "RdfStore": "graphstore.stores",
    "RemoteStore": "graphstore.remote_store",
    "Settings": "app.settings",
    "Store": "graphstore.store",
    "create_app": "app.main",
    "open_store": "graphstore.stores",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'app' has no attribute {name!r}")
