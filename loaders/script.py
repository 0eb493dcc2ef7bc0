"""Pages in traditional characters: read in simplified ones, reported in the page's own.

Mirror sites and Hong Kong or Taiwan reposts show mainland reports in traditional characters
(錫林郭勒盟, 數據產業規模, 1400萬條). The gazetteer, the lexicons and the segmenter know simplified
text, so such a page is converted with OpenCC's t2s table, which keeps every character where it
stands, and read as usual. What was read is then given back in the page's characters: the names
(錫林郭勒盟行政公署), indicators and units as the page writes them, the evidence as the page's own
sentences. Places stay the gazetteer's divisions, named in simplified characters.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache
from typing import TypeVar

import opencc

from loaders.records import Document, Evidence, Extraction, Sentence

# Share of Chinese characters t2s changes from which a page counts as traditional: 32-40 % on
# traditional pages, at most 0.2 % on simplified ones (a stray 三亞 or 據).
_TRADITIONAL_SHARE = 0.05
_HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Return `text` in simplified characters, each character where it stood.

    >>> simplified("錫林郭勒盟數據產業規模年均增長20%")
    '锡林郭勒盟数据产业规模年均增长20%'
    """
    converted = _converter().convert(text)
    if len(converted) != len(text):
        # A phrase of the table that changes length: convert character by character instead.
        converted = "".join(map(_simplified_character, text))
    return converted


@cache
def _simplified_character(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


class Script:
    """The characters a page writes for each simplified one, to give back what was read from it."""

    def __init__(self, original: str, converted: str) -> None:
        pairs = list(zip(original, converted, strict=True))
        changed = {plain for own, plain in pairs if own != plain}
        seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for own, plain in pairs:
            if plain in changed:
                seen[plain][own] += 1
        # A character the page writes both ways (关于 beside 關於) goes back as the page writes it most.
        self._back = {plain: owns.most_common(1)[0][0] for plain, owns in seen.items()}
        self._table = str.maketrans(self._back)

    def restore(self, text: str) -> str:
        """Return `text` in the page's characters (those it never writes stay as they are).

        >>> Script("數據產業規模", "数据产业规模").restore("数据产业规模年均增长率")
        '數據產業規模年均增长率'
        """
        return text.translate(self._table)


def traditional(document: Document) -> tuple[Document, Script] | None:
    """Return the page converted to simplified characters and the way back, or None if it is not traditional."""
    converted = simplified(document.text)
    changed = sum(1 for own, plain in zip(document.text, converted, strict=True) if own != plain)
    han = len(_HAN.findall(document.text))
    if changed < 5 or changed < _TRADITIONAL_SHARE * han:
        return None
    sentences = tuple(replace(s, text=converted[s.start : s.end]) for s in document.sentences)
    plain = replace(
        document,
        text=converted,
        sentences=sentences,
        title=simplified(document.title) if document.title else document.title,
        source=simplified(document.source) if document.source else document.source,
        author=simplified(document.author) if document.author else document.author,
    )
    return plain, Script(document.text, converted)


_Fact = TypeVar("_Fact")


def restored(extraction: Extraction, document: Document, script: Script) -> Extraction:
    """Return what was read from the converted page, in the characters of `document`, the page itself."""

    def evidence(ev: Evidence) -> Evidence:
        sentence: Sentence = document.sentences[ev.sentence_index]
        return replace(ev, sentence=sentence.text)

    def back(fact: _Fact, *fields: str) -> _Fact:
        changes: dict[str, object] = {"evidence": evidence(fact.evidence)}  # type: ignore[attr-defined]
        for name in fields:
            value = getattr(fact, name)
            if isinstance(value, str):
                changes[name] = script.restore(value)
            elif isinstance(value, tuple):
                changes[name] = tuple(script.restore(v) for v in value)
        return replace(fact, **changes)  # type: ignore[type-var]

    return replace(
        extraction,
        document=document,
        places=tuple(back(p) for p in extraction.places),
        programmes=tuple(back(p, "name", "aliases") for p in extraction.programmes),
        agencies=tuple(back(a, "name", "aliases") for a in extraction.agencies),
        projects=tuple(back(p, "name", "aliases") for p in extraction.projects),
        metrics=tuple(back(m, "indicator", "unit") for m in extraction.metrics),
        policies=tuple(back(p, "title", "issuer", "aliases") for p in extraction.policies),
    )
