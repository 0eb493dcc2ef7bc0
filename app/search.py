"""Search over labels, aliases, English labels and pinyin, with an index cached per store version.

Pinyin is computed once per label when the index is built (pypinyin): the full
pinyin without separators (一网通办 → ``yiwangtongban``) and the initials
(``ywtb``). A query is normalised the same way (lower case, spaces, hyphens and
apostrophes dropped), so ``yi wang tong ban``, ``yi-wang-tong-ban`` and
``YiWangTongBan`` all find 一网通办.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from pypinyin import Style, lazy_pinyin

from app.entities import entity_path
from app.resources import GraphIndex, graph_index
from app.saved import Saver, load
from graphstore.stores import RdfStore

__all__ = ["SearchEntry", "build_entries", "keep_search", "normalise", "pinyin_keys", "prepare", "search"]

_SEPARATORS = re.compile(r"[\s\-_'’·.]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


def normalise(text: str) -> str:
    """Return text lower-cased without spaces, hyphens and apostrophes.

    >>> normalise("Yi-Wang Tong'ban")
    'yiwangtongban'
    """
    return _SEPARATORS.sub("", text.lower())


# label → (full pinyin, initials); seeded from the kept entries too (`_remember`)
_PINYIN: dict[str, tuple[str, str]] = {}
_PINYIN_MOST = 1 << 18


def pinyin_keys(label: str) -> tuple[str, str]:
    """Return the full pinyin (no separators) and the initials of a Chinese label.

    Remembered per label: the search index is rebuilt after each ingest, and computing
    pinyin for every label again took 1.9 s at 10,000 documents (issue 12).

    >>> pinyin_keys("一网通办"), pinyin_keys("扬州市")
    (('yiwangtongban', 'ywtb'), ('yangzhoushi', 'yzs'))
    """
    keys = _PINYIN.get(label)
    if keys is None:
        syllables = [normalise(s) for s in lazy_pinyin(label, style=Style.NORMAL, errors="default")]
        syllables = [s for s in syllables if s]
        keys = "".join(syllables), "".join(s[0] for s in syllables)
        if len(_PINYIN) >= _PINYIN_MOST:
            _PINYIN.clear()
        _PINYIN[label] = keys
    return keys


def _remember(entries: list[SearchEntry], *, loaded: bool = False) -> None:
    """Keep ``entries`` to be reused by the next build (`_MADE`); loaded ones' pinyin too.

    Entries loaded at start-up carry their pinyin, but the first rebuild after an ingest asked
    pypinyin again for every label: /search then took 234 ms at 300 documents.
    """
    _MADE.clear()
    _MADE.update(((e.type, e.id, e.label, e.label_en, *e.names), e) for e in entries)
    if loaded:
        for entry in entries:
            han = [n for n in entry.names if _HAN.search(n)]
            _PINYIN.update(zip(han, zip(entry.pinyin, entry.initials, strict=True), strict=True))


@dataclass(frozen=True)
class SearchEntry:
    """One searchable resource with its match keys."""

    type: str
    id: str
    label: str
    label_en: str | None
    url: str
    names: tuple[str, ...]  # Chinese label and aliases
    english: str  # lower-cased English label
    pinyin: tuple[str, ...]  # full pinyin of each name
    initials: tuple[str, ...]
    rank: int  # tie-break: places and programmes before the rest


_TYPE_RANK = {"place": 0, "programme": 1, "indicator": 2, "agency": 3, "project": 4, "policy": 5}


def _entry(type_: str, id_: str, label: str, label_en: str | None, url: str, names: list[str]) -> SearchEntry:
    """Return the entry of a resource whose ``names`` are its label and aliases, once each."""
    keys = [pinyin_keys(n) for n in names if _HAN.search(n)]
    return SearchEntry(
        type=type_,
        id=id_,
        label=label,
        label_en=label_en,
        url=url,
        names=tuple(names),
        english=(label_en or "").lower(),
        pinyin=tuple(k[0] for k in keys),
        initials=tuple(k[1] for k in keys),
        rank=_TYPE_RANK.get(type_, 9),
    )


def _url(type_: str, id_: str) -> str:
    """Return the page of a search hit."""
    if type_ == "place":
        return f"/places/{id_}"
    if type_ == "programme":
        return f"/programmes/{id_}"
    return entity_path(id_) or f"/graph?node={quote(id_, safe='')}"


# (type, id, label, English label, *names) → the entry made from them, for the last entries built or
# loaded: making 24,745 entries again after an ingest took 250 ms at 10,000 documents, most of it
# finding which names are Chinese, though all but a few are as they were.
_MADE: dict[tuple[str | None, ...], SearchEntry] = {}


def build_entries(index: GraphIndex) -> list[SearchEntry]:
    """Return the search entries: places with facts plus provinces and prefectures, programmes and the rest."""
    entries = []

    def add(type_: str, id_: str, label: str, label_en: str | None, aliases: list[str]) -> None:
        names = [n for n in dict.fromkeys([label, *aliases]) if n]
        entry = _MADE.get((type_, id_, label, label_en, *names))
        entries.append(entry or _entry(type_, id_, label, label_en, _url(type_, id_), names))

    for code, d in index.divisions.items():
        if code in index.place_documents or d.level in ("country", "province", "prefecture"):
            add("place", code, d.name, None, [d.short or ""])
    for slug, p in index.programmes.items():
        if p.in_scheme or slug in index.programme_places:
            add("programme", slug, p.label, p.label_en, p.aliases)
    for iri, (kind, label, label_en, _) in index.things.items():
        if label:
            add(kind, iri, label, label_en, [])
    _remember(entries)
    return entries


_CACHE: weakref.WeakKeyDictionary[RdfStore, tuple[tuple[str, ...], list[SearchEntry]]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


_SAVER = Saver("search")


def _entries(store: RdfStore) -> list[SearchEntry]:
    """Return the search entries of the store as it is now: kept from the last start (app/saved.py), or built."""
    cached = _CACHE.get(store)
    if cached is not None and cached[0] == graph_index(store).version:
        return cached[1]  # the common case reads no file
    stamp = store.content_stamp  # before the index is read: see app/saved.py
    index = graph_index(store)
    with _LOCK:
        cached = _CACHE.get(store)
        if cached is None or cached[0] != index.version:
            kept = load(store, _SAVER.name, list) if cached is None else None
            if kept is not None:
                _remember(kept, loaded=True)
                cached = (index.version, kept)
            else:
                cached = (index.version, build_entries(index))
                _SAVER.offer(store, cached[1], stamp)
            _CACHE[store] = cached
        return cached[1]


def keep_search() -> None:
    """Write the search entries built last to disk now (shutdown, CLI)."""
    _SAVER.flush()


def prepare(store: RdfStore) -> None:
    """Build the search index of ``store`` now (the server does at start-up), not on the first query."""
    _entries(store)


def _match(entry: SearchEntry, raw: str, key: str) -> int | None:
    """Return 0 for an exact match, 1 for a prefix, 2 for a substring, None for no match."""
    best: int | None = None

    def better(level: int) -> None:
        nonlocal best
        best = level if best is None else min(best, level)

    if _HAN.search(raw) or any(c.isdigit() for c in raw):
        for name in entry.names:
            if raw == name:
                better(0)
            elif name.startswith(raw):
                better(1)
            elif raw in name:
                better(2)
        if entry.type == "place" and raw == entry.id:
            better(0)
    low = raw.lower().strip()
    if entry.english and low:
        if low == entry.english:
            better(0)
        elif entry.english.startswith(low):
            better(1)
        elif low in entry.english or (len(key) >= 4 and key in normalise(entry.english)):
            better(2)
    if key and key.isascii():
        for full in entry.pinyin:
            if key == full:
                better(0)
            elif full.startswith(key):
                better(1)
            elif len(key) >= 4 and key in full:
                better(2)
        if len(key) >= 2:
            for initials in entry.initials:
                if key == initials:
                    better(0)
                elif initials.startswith(key) and len(key) >= 3:
                    better(1)
    return best


def search(store: RdfStore, q: str, *, limit: int = 20) -> dict[str, Any]:
    """Return the resources whose labels, aliases, English labels or pinyin match `q`, best first.

    Exact matches come first, then prefixes, then substrings; ties go to places,
    programmes, indicators, agencies, projects, policies, then by label length.
    """
    raw = q.strip()
    key = normalise(raw)
    if not raw:
        return {"data": [], "count": 0}
    hits = []
    for entry in _entries(store):
        level = _match(entry, raw, key)
        if level is not None:
            hits.append((level, entry.rank, len(entry.label), entry.label, entry.id, entry))
    hits.sort(key=lambda h: h[:5])
    data = [
        {"type": e.type, "id": e.id, "label": e.label, "label_en": e.label_en, "url": e.url}
        for *_, e in hits[:limit]
    ]
    return {"data": data, "count": len(hits)}
