"""Timing checks shared by the tests of the query surfaces."""

from __future__ import annotations

import time
from collections.abc import Callable


def assert_linear_time(check: Callable[[str], object], text: str) -> None:
    """Fail unless ``check`` reads ``text`` in linear time: a megabyte within a second, and twice the
    text in about twice the time (quadratic would take four times; robust to a loaded machine,
    unlike a fixed budget).

    The time is this process's CPU time, and the whole text and its half are timed in turn, the best
    of five of each. (It compared the whole with a quarter, by the wall clock, best of three: Python's
    regex engine slows by a constant factor once its backtracking stack outgrows the cache, between
    250,000 and 500,000 characters of one unclosed string, so a quarter of a megabyte ran on the fast
    side of that step and the ratio sat at 9-14, over the 8 allowed, on a busy machine.)"""

    def seconds(sample: str) -> float:
        started = time.process_time()
        check(sample)
        return time.process_time() - started

    half_text = text[: len(text) // 2]
    wholes, halves = [], []
    for _ in range(5):
        wholes.append(seconds(text))
        halves.append(seconds(half_text))
    whole, half = min(wholes), min(halves)
    assert whole < 1.0  # quadratic would take hours
    assert whole < 3 * half + 0.02
