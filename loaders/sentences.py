"""Sentences of cleaned text, with exact character offsets into it."""

from __future__ import annotations

import re

from loaders.records import Sentence

# A sentence runs to a terminator (with any closing quotes or brackets after it), a line
# break, or the end of the text. Long sentences are not cut: evidence spans must stay whole.
_SENTENCE = re.compile(
    r"[^。！？!?；\n]*"
    r"(?:(?:[。！？!?；]+[”’\"'」』）)\]】》〉]*)+|\n|$)"
)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Return the non-empty sentences of `text`; `text[s.start:s.end] == s.text`.

    Splits on 。！？!?； and line breaks, keeps a closing quote after a terminator with its
    sentence and trims surrounding whitespace by moving the offsets.

    >>> [s.text for s in split_sentences("他说：“好。”然后走了！\\n  第二行；第三句")]
    ['他说：“好。”', '然后走了！', '第二行；', '第三句']
    >>> s = split_sentences("建成5G基站8210个。 支持率达94.32%。")[1]
    >>> (s.index, s.start, s.end, s.text)
    (1, 13, 24, '支持率达94.32%。')
    >>> split_sentences(" \\n\\n\\u3000")
    ()
    """
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))
    return tuple(sentences)
