"""Spans of a text asked whether they cover a position, in logarithmic time.

Extraction asks, for every place or figure, whether it lies inside a name, a quote or a firm
found anywhere in the document. Asked of a plain list, that is quadratic in the document's
length: a 1 MB text took over four minutes to extract, most of it in such scans.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

__all__ = ["Intervals"]


class Intervals:
    """Half-open spans ``(start, end)``; ``covers`` answers ``any(start <= x < end)`` by bisection.

    >>> spans = Intervals([(10, 20), (2, 5), (30, 31)])
    >>> [spans.covers(x) for x in (1, 2, 4, 5, 19, 20, 30)]
    [False, True, True, False, True, False, True]
    >>> [spans.strictly_covers(x) for x in (2, 3, 10, 11)]
    [False, True, False, True]
    >>> spans.overlaps(18, 25), spans.overlaps(20, 30), spans.overlaps(5, 10)
    (True, False, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        # The furthest end of any span starting at or before each one: the spans before a
        # position cover it exactly when that reach goes past it.
        self._reach: list[int] = []
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self._reach.append(furthest)

    def covers(self, x: int) -> bool:
        """Whether some span has ``start <= x < end``."""
        i = bisect_right(self._starts, x)
        return i > 0 and self._reach[i - 1] > x

    def strictly_covers(self, x: int) -> bool:
        """Whether some span has ``start < x < end``."""
        i = bisect_left(self._starts, x)
        return i > 0 and self._reach[i - 1] > x

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a position with ``[start, end)``."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start
