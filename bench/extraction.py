"""Extraction quality on the dev corpus, split into a tune part and a set-aside part.

    .venv/bin/python bench/extraction.py [--part tune|aside|both|all|seeds] [--explain]

The dev corpus (../shared/corpus/dev: 42 real documents with gold facts) is split once by a seeded
shuffle: a third is set aside and only ever scored, never read for misses; the extractor is tuned on
the rest. Both parts' scores are printed per list with ../shared/eval/score.py, which stays the judge.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.documents import read_document  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.facts import facts_view  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
# Fixed before any tuning on the dev corpus (issue 7): never change it, or the set-aside part is spent.
SPLIT_SEED = 20261129
ASIDE_SHARE = 3  # one document in three


def dev_split(names: list[str], *, seed: int = SPLIT_SEED) -> tuple[list[str], list[str]]:
    """Return (tune, aside): a seeded shuffle of the sorted names, the first third set aside.

    >>> tune, aside = dev_split([f"d{i:02d}.txt" for i in range(9)])
    >>> len(tune), len(aside), sorted(tune + aside) == [f"d{i:02d}.txt" for i in range(9)]
    (6, 3, True)
    """
    shuffled = sorted(names)
    random.Random(seed).shuffle(shuffled)
    cut = len(shuffled) // ASIDE_SHARE
    return sorted(shuffled[cut:]), sorted(shuffled[:cut])


def score(docs: list[Path], gold: Path, *, explain: bool = False, lenient: bool = False) -> str:
    """Return score.py's report for the extraction of `docs` against the gold folder."""
    facts = [facts_view(extract(read_document(p))) for p in docs]
    with tempfile.TemporaryDirectory() as tmp:
        pred, gold_part = Path(tmp) / "pred.json", Path(tmp) / "gold"
        pred.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        gold_part.mkdir()
        for p in docs:
            g = gold / (p.stem + ".json")
            (gold_part / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
        args = [sys.executable, str(SCORER), "--gold", str(gold_part), "--pred", str(pred)]
        args += ["--lenient-metrics"] if lenient else []
        out = subprocess.run(args + (["--explain"] if explain else []), capture_output=True, text=True)
        return out.stdout + out.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tune", "aside", "both", "all", "seeds"), default="both")
    parser.add_argument("--explain", action="store_true", help="list misses (refused for the aside part)")
    parser.add_argument(
        "--lenient-metrics", action="store_true", help="score.py's first-version metric match"
    )
    args = parser.parse_args()
    docs = sorted((DEV / "docs").glob("*.txt"))
    tune, aside = dev_split([p.name for p in docs])
    parts = {
        "tune": [p for p in docs if p.name in tune],
        "aside": [p for p in docs if p.name in aside],
        "all": docs,
        "seeds": sorted((SHARED / "corpus" / "seeds").glob("*.txt")),
    }
    chosen = ["tune", "aside"] if args.part == "both" else [args.part]
    if args.explain and any(c in ("aside", "all") for c in chosen):
        sys.exit("--explain only on the tune part: the set-aside part's misses are never read")
    for name in chosen:
        started = time.perf_counter()
        gold = SHARED / "gold" if name == "seeds" else DEV / "gold"
        report = score(parts[name], gold, explain=args.explain, lenient=args.lenient_metrics)
        seconds = time.perf_counter() - started
        print(f"== {name}: {len(parts[name])} documents ({seconds:.1f} s) ==")
        print(report)


if __name__ == "__main__":
    main()
