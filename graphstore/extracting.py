"""Extraction in worker processes: the server's ingests off its interpreter, and builds on every core.

Extraction is CPU-bound Python (and the word model): run in a server thread it shares the GIL with
every request, and a 1 MB document made /stats and /places take seconds (issue 8, load check). The
server keeps one worker; `citykg build` keeps one per core, since documents are independent (issue 12).
Workers are started with forkserver, not fork: the parent holds the store's threads and query workers.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from graphstore.inorder import in_order
from graphstore.sparql import yield_cpu
from loaders.extract import extract
from loaders.records import Document, Extraction

__all__ = ["ExtractionPool"]

# Documents handed to the workers ahead of the one being waited for, per worker: enough to keep
# every worker busy, few enough that a 100,000-document build does not queue every text at once.
_AHEAD_PER_WORKER = 8


class ExtractionPool:
    """A pool of ``workers`` processes that return documents' extractions; started on first use."""

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"an extraction pool needs at least one worker, not {workers}")
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def extract(self, document: Document) -> Extraction:
        """Return the extraction of `document`, computed in a worker process.

        A worker that died (killed, out of memory) is replaced, and the document tried once more.
        """
        for attempt in range(2):
            pool = self._started()
            try:
                return pool.submit(extract, document).result()
            except BrokenProcessPool:
                self._forget(pool)
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def extract_all(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Yield the extraction of each of `documents`, in their order, computed on every worker.

        At most a few documents per worker are in flight, so memory stays flat however many there are.
        """
        pool = self._started()
        try:
            yield from in_order(pool, extract, documents, in_flight=self.workers * _AHEAD_PER_WORKER)
        except BrokenProcessPool:
            self._forget(pool)
            raise

    def _forget(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("forkserver")
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=context, initializer=yield_cpu
                )
            return self._pool

    def close(self) -> None:
        """Stop the worker processes, if they were started."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(cancel_futures=True)

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
