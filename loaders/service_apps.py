"""Government-service apps and platforms every reader knows by name, and the division that runs each.

Provinces and big cities each run one public app (浙里办, 粤省事, 渝快办, i深圳) and one for
officials (浙政钉, 粤政易, 渝快政). Texts name them bare, without 平台 or quotes, so no suffix
finds them; the list in data/service_apps.csv does. SCHEMA.md: they are `platform` projects.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

import ahocorasick

from loaders.words import segment

_DATA = Path(__file__).with_name("data")
# What may stand right after an app's name and still leave it whole (“浙里办”App, 渝快办平台).
_TAILS = ("App", "APP", "app", "平台", "小程序", "客户端", "”", "’")


@functools.cache
def service_apps() -> dict[str, str]:
    """Return each known government-service app's name and the code of the division that runs it.

    >>> service_apps()["渝快办"], service_apps()["i深圳"]
    ('500000', '440300')
    """
    with (_DATA / "service_apps.csv").open(encoding="utf-8") as f:
        return {row["name"]: row["code"] for row in csv.DictReader(f)}


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in service_apps():
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def find_service_apps(sentence: str) -> list[tuple[str, int, int]]:
    """Return (name, start, end) of each known app the sentence names as a word of its own.

    >>> find_service_apps("与您单位联系人进行电话、粤政易等多次沟通")
    [('粤政易', 12, 15)]
    >>> find_service_apps("北京通州区"), find_service_apps("打造新型“皖事通办”市级平台")
    ([], [])
    >>> find_service_apps("依托“爱山东·青e办”移动端")
    [('爱山东·青e办', 3, 10)]
    """
    matches = sorted(
        ((name, last - len(name) + 1, last + 1) for last, name in _automaton().iter(sentence)),
        key=lambda f: (f[1], f[1] - f[2]),
    )
    if not matches:
        return []
    words = segment(sentence)
    starts = {w.start for w in words}
    ends = {w.end for w in words}
    found: list[tuple[str, int, int]] = []
    for name, start, end in matches:
        quoted = start > 0 and sentence[start - 1] in "“‘"
        # "爱山东·青e办", "闽政通·八闽健康码": a city's or a service's channel after a middle dot is the
        # app's own part of the name
        dotted = re.match(r"[·•・][\u4e00-\u9fffA-Za-z0-9]{2,10}", sentence[end:])
        if dotted and (start in starts or quoted):
            name, end = name + dotted.group(0), end + dotted.end()
        whole = (start in starts or quoted) and (
            end in ends or sentence[end:].startswith(_TAILS) or bool(dotted)
        )
        # “皖事通办”市级平台: a quote that goes on past the app's name names something else
        longer = quoted and re.match(r"[\u4e00-\u9fffA-Za-z0-9]+[”’]", sentence[end:]) is not None
        whole = whole and not longer
        if whole and not any(s <= start < e for _, s, e in found):
            found.append((name, start, end))
    return found
