"""Remote SPARQL store vs the embedded one: build documents/s and canned-query p50 on the same corpus.

    .venv/bin/python bench/remote.py [--docs 300] [--runs 20]

The corpus is bench/ingest.py's generated one. Documents are extracted once (extraction is the
same for every store), then written one named graph per document, as `citykg build` does, into
the embedded Oxigraph on disk and into Apache Jena Fuseki (TDB2, started from `make fuseki`'s
jars) and into OpenLink Virtuoso 7 (`make virtuoso`), each through SPARQL Update and through the
Graph Store Protocol. Then three canned queries run
through each store's `query` under the /sparql time limit. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from fuseki import FusekiServer  # noqa: E402
from ingest import generate_corpus  # noqa: E402
from virtuoso import VirtuosoServer  # noqa: E402

from app.queries import load_query  # noqa: E402
from graphstore.build import ensure_vocabularies, load_extraction  # noqa: E402
from graphstore.remote_store import RemoteStore  # noqa: E402
from graphstore.store import Store  # noqa: E402
from graphstore.stores import RdfStore  # noqa: E402
from loaders.documents import read_document  # noqa: E402
from loaders.extract import extract  # noqa: E402
from loaders.records import Extraction  # noqa: E402

QUERIES = ("programmes_by_place", "places_running_programme", "most_cited_policies")


def write_rate(store: RdfStore, extractions: list[Extraction]) -> tuple[float, float, int]:
    """Return seconds to load the vocabularies, seconds to write every document, and the quads written."""
    started = time.perf_counter()
    ensure_vocabularies(store)
    vocab = time.perf_counter() - started
    started = time.perf_counter()
    triples = sum(load_extraction(store, e) for e in extractions)
    return vocab, time.perf_counter() - started, triples


def query_p50(store: RdfStore, runs: int) -> dict[str, tuple[float, int]]:
    """Return, per canned query, the median milliseconds over `runs` runs and its row count."""
    out = {}
    for name in QUERIES:
        text = load_query(name).bind()
        times, rows = [], 0
        for _ in range(runs):
            started = time.perf_counter()
            rows = len(store.query(text, timeout_s=30, max_rows=10_000).bindings())
            times.append(time.perf_counter() - started)
        out[name] = (statistics.median(times) * 1000, rows)
    return out


def report(label: str, store: RdfStore, extractions: list[Extraction], t_extract: float, runs: int) -> None:
    vocab, seconds, triples = write_rate(store, extractions)
    n = len(extractions)
    print(f"\n== {label}")
    print(f"vocabularies (4 graphs, once)  {vocab:8.2f} s")
    print(
        f"write only                     {n / seconds:8.1f} documents/s  {triples / seconds:10,.0f} triples/s"
    )
    print(f"build (extraction + write)     {n / (t_extract + seconds):8.1f} documents/s")
    for name, (ms, rows) in query_p50(store, runs).items():
        print(f"p50 {name:27s}{ms:8.1f} ms  ({rows} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="citykg-bench-remote-") as work:
        folder = Path(work)
        paths = generate_corpus(folder, args.docs)
        started = time.perf_counter()
        extractions = [extract(read_document(p)) for p in paths]
        t_extract = time.perf_counter() - started
        print(
            f"{args.docs} generated documents, extracted once in {t_extract:.1f} s ({args.docs / t_extract:.1f}/s)"
        )
        with Store.open(folder / "oxigraph", workers=1) as embedded:
            report("embedded Oxigraph (on disk)", embedded, extractions, t_extract, args.runs)
        engines = (
            ("Fuseki 5.6 TDB2", lambda: FusekiServer(heap_mb=2048, timeout_s=60, quick_start=False)),
            ("Virtuoso 7.2", lambda: VirtuosoServer(timeout_s=60)),
        )
        for (engine, start), gsp in ((e, g) for e in engines for g in (False, True)):
            label = f"{engine}, {'Graph Store PUT' if gsp else 'SPARQL Update'}"
            with start() as server:
                remote = RemoteStore(
                    server.query_url,
                    update_url=server.update_url,
                    gsp_url=server.gsp_url if gsp else None,
                    timeout_s=30,
                )
                with remote:
                    report(label, remote, extractions, t_extract, args.runs)


if __name__ == "__main__":
    main()
