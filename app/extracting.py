"""Extraction for the API in a process of its own, so an ingest never holds the server's interpreter.

Extraction is CPU-bound Python (and the word model): run in a server thread it shares the GIL with
every request, and a 1 MB document made /stats and /places take seconds (issue 8, load check). One
worker process, started with forkserver (the server holds threads and query workers), does it.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from loaders.extract import extract
from loaders.records import Document, Extraction

__all__ = ["ExtractionPool"]


class ExtractionPool:
    """A one-process pool that returns a document's extraction; started on first use."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def extract(self, document: Document) -> Extraction:
        """Return the extraction of `document`, computed in the worker process.

        A worker that died (killed, out of memory) is replaced, and the document tried once more.
        """
        for attempt in range(2):
            pool = self._started()
            try:
                return pool.submit(extract, document).result()
            except BrokenProcessPool:
                with self._lock:
                    if self._pool is pool:
                        self._pool = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("forkserver")
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
            return self._pool

    def close(self) -> None:
        """Stop the worker process, if one was started."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(cancel_futures=True)
