"""Timing checks shared by the tests of the query surfaces."""

from __future__ import annotations

import time
from collections.abc import Callable


def assert_linear_time(check: Callable[[str], object], text: str) -> None:
    """Fail unless ``check`` reads ``text`` in linear time: a megabyte within a second, and four
    times the text in about four times the time (robust to a loaded machine, unlike a fixed budget)."""

    def seconds(sample: str) -> float:
        started = time.perf_counter()
        check(sample)
        return time.perf_counter() - started

    whole = min(seconds(text) for _ in range(3))
    quarter = min(seconds(text[: len(text) // 4]) for _ in range(3))
    assert whole < 1.0  # quadratic would take hours
    assert whole < 8 * quarter + 0.02
