"""Derived data kept beside the store, so a restart loads what it would otherwise read from every document.

The REST index (app/index.py) and the analytics projection (app/analytics) are computed
from the whole store once and then patched per document. Computing them took 20 s and
more at 10,000 documents (issue 12: "persisted so start-up loads rather than recomputes");
loading them back takes a fraction of a second.

A saved file holds the store's content stamp read *before* the data was computed
(``Store.content_stamp``, renewed before every write by any process). It is used only while
the stamp is unchanged, so a write since, or a crash in the middle of one, makes it stale
and it is computed again. Stores without a stamp (in memory, remote, read-only views) keep
nothing. Files are pickles of our own classes, written by citykg into its own data folder.
"""

from __future__ import annotations

import logging
import os
import pickle
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

from graphstore.stores import RdfStore

__all__ = ["Saver", "load", "save"]

log = logging.getLogger("citykg.saved")
T = TypeVar("T")
# Raised when the layout of what is saved changes: older files are then computed again.
_FORMAT = 4  # 2: the projection's facts have slots; 3: and their sentence end; 4: the index's figures


def _file(store: RdfStore, name: str) -> Path | None:
    """Return where ``name`` is kept for ``store`` (beside its folder), or None for a store without one."""
    path = store.path
    return None if path is None else path.with_name(f"{path.name}.{name}.pickle")


def load(store: RdfStore, name: str, kind: type[T], *, any_stamp: bool = False) -> T | None:
    """Return the ``kind`` saved as ``name`` if it was computed from the store as it is now, else None.

    With ``any_stamp`` a value saved from an earlier state of the store is returned too: for
    what stays roughly true while the store changes (how long a query text takes, app/lanes.py).
    """
    stamp = store.content_stamp
    file = _file(store, name)
    if stamp is None or file is None:
        return None
    try:
        with file.open("rb") as f:
            saved_format, saved_name, saved_stamp = pickle.load(f)
            if (saved_format, saved_name) != (_FORMAT, name) or (saved_stamp != stamp and not any_stamp):
                return None
            value = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as error:  # a file cut short or from another citykg: compute it again
        log.warning("ignoring %s: %s", file, error)
        return None
    return value if isinstance(value, kind) else None


def save(store: RdfStore, name: str, value: Any, stamp: str | None) -> bool:
    """Keep ``value``, computed from the store at ``stamp``, unless the store has changed since; return whether kept.

    The file is written beside and renamed into place, so a reader never sees half of one.
    """
    file = _file(store, name)
    if stamp is None or file is None or store.content_stamp != stamp:
        return False
    partial = file.with_name(file.name + ".partial")
    try:
        with partial.open("wb") as f:
            pickle.dump((_FORMAT, name, stamp), f)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, file)
    except OSError as error:  # a full disk costs the next start-up time, nothing else
        log.warning("could not keep %s: %s", file, error)
        partial.unlink(missing_ok=True)
        return False
    return True


class Saver:
    """Saves the latest value handed to it on a thread, at most once per ``interval_s``, and on ``flush``.

    A server patches its index after every ingest; writing 20 MB each time would cost more
    than it saves, and what is not yet written is only start-up time lost in a crash.
    """

    def __init__(
        self,
        name: str,
        interval_s: float = 30.0,
        guard: Callable[[], AbstractContextManager[Any]] = nullcontext,
    ) -> None:
        self.name = name
        self.interval_s = interval_s
        self._guard = guard  # held while pickling a value others patch in place
        self._lock = threading.Lock()
        self._writing = threading.Lock()
        self._pending: tuple[RdfStore, Any, str | None] | None = None
        self._timer: threading.Timer | None = None

    def offer(self, store: RdfStore, value: Any, stamp: str | None, *, now: bool = False) -> None:
        """Note ``value`` (computed at ``stamp``) as the one to save; save it now (on a thread) or within the interval."""
        if stamp is None or store.path is None:
            return
        with self._lock:
            self._pending = (store, value, stamp)
            if self._timer is None:
                self._timer = threading.Timer(0 if now else self.interval_s, self.flush)
                self._timer.daemon = True
                self._timer.name = f"citykg-save-{self.name}"
                self._timer.start()

    def flush(self) -> None:
        """Save the pending value, if any, now; return once no save is under way (a process may then exit)."""
        with self._writing:
            with self._lock:
                pending, self._pending = self._pending, None
                timer, self._timer = self._timer, None
            if timer is not None and timer is not threading.current_thread():
                timer.cancel()
            if pending is not None:
                with self._guard():
                    save(pending[0], self.name, pending[1], pending[2])
