"""Every fact points at the words it was read from (issue 7): a researcher who follows a fact's
evidence to its sentence finds the fact's own words highlighted there, never an empty span."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders.documents import document_from_text, read_document
from loaders.extract import extract
from loaders.gazetteer import load_gazetteer
from loaders.names import strip_quotes
from loaders.numbers import CN_NUMERAL_CHARS
from loaders.places import group_members
from loaders.records import Evidence, Extraction

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def _surface(ev: Evidence, extraction: Extraction) -> str:
    """The span's text, checked against the document it claims to come from."""
    text = extraction.document.text
    assert ev.doc_id == extraction.document.id
    assert text[ev.sentence_start : ev.sentence_end] == ev.sentence, "sentence offsets are off"
    assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end, f"empty or stray span in {ev.sentence}"
    return text[ev.start : ev.end]


def _flat(text: str) -> str:
    return strip_quotes(text).replace("《", "").replace("》", "")


def _holds(surface: str, name: str, place: str) -> bool:
    """Whether a span holds a name: whole, as the part the place prefix was added to (市大数据局),
    or spread over a list that shares its head (数字经济、智改数转等领导小组)."""
    surface, name = _flat(surface), _flat(name)
    if name in surface or surface in name:
        return True
    rest = iter(surface)
    core = name.removeprefix(place)
    return bool(core) and all(ch in rest for ch in core)


def evidence_problems(extraction: Extraction) -> list[str]:
    """Return one line per fact whose evidence span does not hold the words of the fact."""
    problems = []
    gazetteer = load_gazetteer()
    fact_spans = {
        (f.place.code, f.evidence.start, f.evidence.end)
        for f in (*extraction.programmes, *extraction.agencies, *extraction.projects, *extraction.metrics)
    }
    for p in extraction.places:
        surface = _surface(p.evidence, extraction)
        named = (
            p.place in gazetteer.lookup(surface)
            or surface == p.place.name
            or p.place.code in group_members(surface)
        )
        if not named and (p.place.code, p.evidence.start, p.evidence.end) not in fact_spans:
            problems.append(f"place {p.place.name}: span {surface!r}")
    named_facts = [*extraction.programmes, *extraction.agencies, *extraction.projects]
    for f in named_facts:
        surface = _surface(f.evidence, extraction)
        if not any(_holds(surface, n, f.place.name) for n in (f.name, *f.aliases) if n):
            problems.append(f"{type(f).__name__} {f.name}: span {surface!r}")
    for c in extraction.policies:
        surface = _surface(c.evidence, extraction)
        if _flat(c.title) not in _flat(surface):
            problems.append(f"policy {c.title}: span {surface!r}")
    for m in extraction.metrics:
        surface = _surface(m.evidence, extraction)
        if not re.search(rf"[\d{CN_NUMERAL_CHARS}０-９]|首位", surface):  # 居全国首位 is rank 1
            problems.append(f"metric {m.indicator} {m.value}: span {surface!r} holds no figure")
    return problems


def test_every_span_of_a_small_report_holds_its_words() -> None:
    ex = extract(
        document_from_text(
            "滨州市数字化发展报告\n滨州市大数据局牵头推进“一网通办”。市大数据局建成“滨州通”App,"
            "全市建成5G基站8210个。",
            name="t.txt",
        )
    )
    assert ex.programmes and ex.agencies and ex.metrics
    assert evidence_problems(ex) == []


def test_an_unnamed_parent_is_not_a_place_of_the_document() -> None:
    # SCHEMA.md v2: the hierarchy comes from the gazetteer, not from the document.
    ex = extract(document_from_text("扬州市数字经济报告。扬州市建成5G基站8210个。", name="t.txt"))
    assert [p.place.name for p in ex.places] == ["扬州市"]
    assert ex.places[0].evidence.end > ex.places[0].evidence.start


@pytest.mark.shared
@pytest.mark.parametrize("corpus", [SEEDS, DEV], ids=["seeds", "dev"])
def test_every_fact_of_the_real_documents_points_at_its_words(corpus: Path) -> None:
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    problems = [
        f"{path.name}: {line}"
        for path in sorted(corpus.glob("*.txt"))
        for line in evidence_problems(extract(read_document(path)))
    ]
    assert problems == []
