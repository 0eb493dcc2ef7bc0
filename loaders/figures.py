"""Figure: one measured figure read from a sentence, before it is tied to a place (SCHEMA.md `metrics`)."""

from __future__ import annotations

from dataclasses import dataclass

# Units of amounts, shares and scores: a noun right after such a figure is not what it counts.
AMOUNTS = {"%", "元", "个百分点", "百分点", "倍", "分", "年", None}


@dataclass(frozen=True)
class Figure:
    """A figure read from a sentence; offsets are relative to the sentence text."""

    value: float
    unit: str | None
    indicator: str
    qualifier: str
    year: int | None
    start: int
    end: int
