"""Work on a process pool, answered in the order it was handed out (extraction, mirror projections)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import TypeVar

__all__ = ["in_order"]

_T = TypeVar("_T")
_R = TypeVar("_R")


def in_order(
    pool: Executor, work: Callable[[_T], _R], items: Iterable[_T], *, in_flight: int
) -> Iterator[_R]:
    """Yield ``work(item)`` for each of ``items``, computed on ``pool``, in the items' order.

    At most ``in_flight`` items are submitted ahead of the one yielded, so memory stays flat however
    many there are; items not yet started are cancelled when the caller stops early.
    """
    pending: deque[Future[_R]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
