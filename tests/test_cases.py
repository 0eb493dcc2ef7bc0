"""Extraction on documents the extractor was not tuned on (tests/cases, gold written independently).

Each case's gold was written from the text alone, following the seed gold conventions, so a case
scores below 1.0; the floor guards against regressions that would hurt documents we have not seen.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from loaders.documents import read_document
from loaders.extract import extract
from loaders.facts import facts_view

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())
FLOOR = 0.80


@pytest.mark.shared
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_extraction_stays_above_the_floor(case: Path, score_module: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    shutil.copy(case / "expected.json", tmp_path / "gold" / "expected.json")
    pred = tmp_path / "pred.json"
    pred.write_text(
        json.dumps(facts_view(extract(read_document(case / "input.txt"))), ensure_ascii=False),
        encoding="utf-8",
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score_module.main(["--gold", str(tmp_path / "gold"), "--pred", str(pred), "--json"])
    micro = json.loads(out.getvalue())["micro"]
    assert micro["f1"] >= FLOOR, micro
