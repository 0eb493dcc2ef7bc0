"""Ingest throughput: documents/s, triples/s and peak memory for the seeds and a generated corpus.

    .venv/bin/python bench/ingest.py [--docs 1000] [--cores 1]
    .venv/bin/python bench/ingest.py --cli [--docs 1000]

With --cli only `citykg build` itself is timed, as a user runs it (a child process on a fresh data
folder): with and without the FalkorDB mirror, on one core and on two, and run again on the
unchanged folder.

The generated corpus recombines sentences of the demo corpus (written for citykg) under other
city names, so documents are realistic in length and fact density. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphstore.build import build  # noqa: E402
from graphstore.store import Store  # noqa: E402
from loaders.documents import read_document  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.gazetteer import load_gazetteer  # noqa: E402
from loaders.rdf import document_quads  # noqa: E402
from loaders.records import Document, Extraction  # noqa: E402
from loaders.words import clear_cache  # noqa: E402

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
DEMO = ROOT / "demo" / "corpus"


def generate_corpus(folder: Path, count: int, *, seed: int = 7) -> list[Path]:
    """Write `count` documents made of demo-corpus paragraphs, each about a different prefecture."""
    rng = random.Random(seed)
    paragraphs = [
        p for f in sorted(DEMO.glob("*.txt")) for p in read_document(f).text.split("\n") if len(p) > 40
    ]
    cities = [d for d in load_gazetteer().all() if d.level == "prefecture"]
    demo_cities = ("苏州市", "苏州", "杭州市", "余杭区", "余杭", "成都市", "成都", "合肥市", "合肥", "福州市", "福州",
                   "贵阳市", "贵阳", "深圳市", "南山区", "南山", "青岛市", "青岛")  # fmt: skip
    paths = []
    for i in range(count):
        city = cities[i % len(cities)]
        body = "\n".join(rng.sample(paragraphs, k=min(6, len(paragraphs))))
        for name in demo_cities:
            body = body.replace(name, city.name if name.endswith(("市", "区")) else city.short)
        path = folder / f"gen_{i:04d}.txt"
        path.write_text(f"{city.name}数字化发展情况\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def extraction_seconds(docs: list[Document]) -> tuple[list[Extraction], float]:
    """Return the extractions and the seconds they took, every document with a cold word cache.

    The segmenter caches sentences it has seen; the generated corpus repeats sentences far more
    than real documents do, so the cache is emptied before each document to keep the rate honest.
    """
    extractions, seconds = [], 0.0
    for d in docs:
        clear_cache()
        started = time.perf_counter()
        extractions.append(extract(d))
        seconds += time.perf_counter() - started
    return extractions, seconds


def measure_extraction(label: str, paths: list[Path]) -> None:
    docs = [read_document(p) for p in paths]
    chars = sum(len(d.text) for d in docs)
    _, t_extract = extraction_seconds(docs)
    n = len(docs)
    print(f"\n== {label}: {n} documents, {chars / n:,.0f} characters each on average")
    print(
        f"extraction only       {n / t_extract:8.1f} documents/s  {chars / t_extract / 1000:8.0f}k characters/s"
        f"  ({t_extract / n * 1000:.1f} ms per document)"
    )


def measure(label: str, paths: list[Path], workdir: Path) -> None:
    docs = [read_document(p) for p in paths]
    chars = sum(len(d.text) for d in docs)
    extractions, t_extract = extraction_seconds(docs)
    started = time.perf_counter()
    triples = sum(len(document_quads(e)) for e in extractions)
    t_rdf = time.perf_counter() - started

    store = Store.open(workdir / f"{label}-store", workers=1)
    build([paths[0]], store)  # vocabularies (ontology, schemes, 3,200-division gazetteer) loaded once
    started = time.perf_counter()
    report = build(paths, store)
    t_build = time.perf_counter() - started
    started = time.perf_counter()
    rebuilt = build(paths, store, rebuild=True, reuse=False)
    t_rebuild = time.perf_counter() - started
    started = time.perf_counter()
    kept = build(paths, store, rebuild=True)  # every graph read by this extractor: copied, not extracted
    t_kept = time.perf_counter() - started
    store.close()

    n = len(paths)
    print(f"\n== {label}: {n} documents, {chars / n:,.0f} characters each on average")
    print(
        f"extraction only       {n / t_extract:8.1f} documents/s  {chars / t_extract / 1000:8.0f}k characters/s"
        f"  ({t_extract / n * 1000:.1f} ms per document)"
    )
    print(f"RDF quads only        {n / t_rdf:8.1f} documents/s  {triples / t_rdf:8.0f} triples/s")
    print("full build (read, extract, write to on-disk Oxigraph, replace per document)")
    print(
        f"                      {n / t_build:8.1f} documents/s  {report.triples / t_build:8.0f} triples/s  ({t_build:.2f} s)"
    )
    print(
        "full rebuild (citykg build --rebuild --extract-again: bulk load into a fresh store, swapped in when complete)"
    )
    print(
        f"                      {n / t_rebuild:8.1f} documents/s  {rebuilt.triples / t_rebuild:8.0f} triples/s  ({t_rebuild:.2f} s)"
    )
    print(
        f"rebuild of the unchanged folder (citykg build --rebuild: {kept.reused} graphs kept as read before)"
    )
    print(
        f"                      {n / t_kept:8.1f} documents/s  {kept.triples / t_kept:8.0f} triples/s  ({t_kept:.2f} s)"
    )


def timed_cli_build(corpus: Path, data: Path, *, cores: int, mirror: bool) -> tuple[float, float]:
    """Return the wall and CPU seconds `citykg build corpus` takes in a child process pinned to `cores` cores.

    CPU seconds are those of the child and of the processes it waited for (its extraction workers,
    its FalkorDB): on a machine others share they say more than the wall clock does.
    """
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CITYKG_DATA_DIR": str(data),
        "CITYKG_FALKORDB": "true" if mirror else "false",
    }
    env.pop("CITYKG_NEO4J_URI", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app.cli", "build", str(corpus)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: os.sched_setaffinity(0, set(range(cores))),
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu


def measure_cli(corpus: Path, workdir: Path) -> None:
    """Print docs/s of `citykg build` into a fresh folder (with and without mirror, 1 and 2 cores) and a re-run."""
    n = len(list(corpus.glob("*.txt")))
    cores = len(os.sched_getaffinity(0))
    print(f"\n== citykg build of {n} generated documents into a fresh data folder")
    for mirror in (False, True):
        for pinned in sorted({1, cores}):
            data = workdir / f"data-{mirror}-{pinned}"
            seconds, cpu = timed_cli_build(corpus, data, cores=pinned, mirror=mirror)
            label = f"{'with' if mirror else 'without'} mirror, {pinned} core(s)"
            print(f"{label:28} {n / seconds:8.1f} documents/s  ({seconds:.1f} s, {cpu:.1f} CPU s)")
            if mirror and pinned == cores:
                again, cpu = timed_cli_build(corpus, data, cores=pinned, mirror=mirror)
                print(f"{'unchanged folder, re-run':28} {again:8.1f} s  ({cpu:.1f} CPU s)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000, help="size of the generated corpus")
    parser.add_argument("--cores", type=int, default=1, help="pin the process to this many cores")
    parser.add_argument("--cli", action="store_true", help="time `citykg build` end to end only")
    args = parser.parse_args()
    if args.cli:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            generate_corpus(corpus, args.docs)
            measure_cli(corpus, Path(tmp))
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(range(args.cores)))
    print(f"citykg ingest benchmark, pinned to {args.cores} core(s)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        load_gazetteer()
        extract(read_document(sorted(DEMO.glob("*.txt"))[0]))  # load the word model once
        if DEV.is_dir():
            measure_extraction("dev corpus (real pages, ~2 KB each)", sorted(DEV.glob("*.txt")))
        else:
            print("(../shared/corpus/dev absent: dev figures skipped)")
        if SEEDS.is_dir():
            measure("seeds", sorted(SEEDS.glob("*.txt")) * 20, work)
        else:
            print("(../shared/corpus/seeds absent: seed figures skipped)")
        generated = work / "generated"
        generated.mkdir()
        measure("generated", generate_corpus(generated, args.docs), work)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS)  {peak:.0f} MB")


if __name__ == "__main__":
    main()
