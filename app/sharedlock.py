"""A lock many readers share and one writer holds alone, writers first.

The analytics projection is read by every place, programme and analytics page and patched
after each ingest. It is also pickled to disk now and then (app/saved.py), which takes a
second at 10,000 documents and ten at 100,000: under one exclusive lock every page waited
for that pickle. Pickling only reads, so it shares the lock with the pages; a patch still
waits for all of them and holds it alone.

Writers go first: once one waits, new readers queue behind it, so a steady stream of page
requests cannot keep an ingest's patch waiting for ever. Neither side is re-entrant.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SharedLock"]


class SharedLock:
    """Shared for readers (`reading`), exclusive for a writer (`writing`); a waiting writer goes first.

    >>> lock = SharedLock()
    >>> with lock.reading(), lock.reading():
    ...     lock.readers
    2
    >>> with lock.writing():
    ...     lock.readers, lock.writer
    (0, True)
    """

    def __init__(self) -> None:
        self._turn = threading.Condition(threading.Lock())
        self.readers = 0
        self.writer = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the lock shared while the block runs: wait while a writer holds it or waits for it."""
        with self._turn:
            self._turn.wait_for(lambda: not self.writer and not self._writers_waiting)
            self.readers += 1
        try:
            yield
        finally:
            with self._turn:
                self.readers -= 1
                if not self.readers:
                    self._turn.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the lock alone while the block runs: wait until no reader and no other writer holds it."""
        with self._turn:
            self._writers_waiting += 1
            try:
                self._turn.wait_for(lambda: not self.writer and not self.readers)
            finally:
                self._writers_waiting -= 1
            self.writer = True
        try:
            yield
        finally:
            with self._turn:
                self.writer = False
                self._turn.notify_all()
