"""Analytics latency on a generated graph: each analytics route warm, and the projection update after one ingest.

    .venv/bin/python bench/analytics.py [--docs 1000 | --data DATA/oxigraph] [--runs 5]

Builds a generated corpus (bench/ingest.py) into a temporary store, then times in-process
requests (FastAPI TestClient: routing, the analytics and JSON included, no network):
the first request (what is derived on first use), the median of warm requests, then the
projection update after one more document is ingested and each route's first request after
it. The labels the answers show come from the REST index (app/index.py), patched per document:
its time is printed apart. With ``--data`` an existing store folder is timed in place (the
document ingested is removed again at the end). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import generate_corpus  # noqa: E402
from starlette.exceptions import StarletteDeprecationWarning  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient  # noqa: E402

from app.analytics import refresh, view  # noqa: E402
from app.main import create_app  # noqa: E402
from app.resources import graph_index, ingest_document  # noqa: E402
from app.settings import Settings  # noqa: E402
from graphstore.build import build, remove_document  # noqa: E402
from graphstore.store import Store  # noqa: E402

PLACE = "https://w3id.org/citykg/place/"


def routes(client: TestClient) -> dict[str, str]:
    """Return route name → URL, for a place and a programme that the generated graph has."""
    place = client.get("/places", params={"limit": 1}).json()["data"][0]["code"]
    other = client.get("/places", params={"limit": 2}).json()["data"][1]["code"]
    return {
        "adoption (100 rows)": "/adoption",
        "adoption one programme": "/adoption?programme=yi-wang-tong-guan&limit=10000",
        "adoption.csv (all rows)": "/adoption.csv",
        "diffusion curve": "/programmes/yi-wang-tong-guan/diffusion",
        "spread + centrality": "/diffusion?order=centrality",
        "co-adopted": "/programmes/yi-wang-tong-guan/co-adopted",
        "gaps (similar)": f"/places/{place}/gaps",
        "gaps (province)": f"/places/{place}/gaps?peers=province",
        "communities": "/communities",
        "place with community": f"/places/{place}",
        "paths": f"/paths?from={PLACE}{place}&to={PLACE}{other}&max=4",
    }


def seconds(client: TestClient, url: str) -> float:
    """Return the seconds one GET took (and check it answered 200)."""
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--data", type=Path, help="a store folder built already (bench/scale.py --keep): time it in place"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        if args.data is not None:
            # One generated document the folder does not hold: the ingest, undone at the end.
            extra = generate_corpus(corpus, 1, seed=20261130)[0]
            extra = extra.rename(extra.with_name("bench-analytics-extra.txt"))
            measure(args.data, args.data.parent, extra, args.runs)
            return
        paths = generate_corpus(corpus, args.docs + 1)
        extra = paths.pop()
        started = time.perf_counter()
        with Store.open(Path(tmp) / "oxigraph", workers=0) as store:
            build(paths, store, rebuild=True)
        print(f"built {args.docs} documents in {time.perf_counter() - started:.0f} s")
        measure(Path(tmp) / "oxigraph", Path(tmp), extra, args.runs)


def measure(folder: Path, data_dir: Path, extra: Path, runs: int) -> None:
    """Print the index and projection times, every route first and warm, then the same after one ingest."""
    with Store.open(folder, workers=0) as store:
        started = time.perf_counter()
        graph_index(store)
        print(f"REST index (app.index.graph_index) ready in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        with view(store) as v:
            p = v.projection
            print(
                f"projection ready in {time.perf_counter() - started:.2f} s: "
                f"{len(p.portfolios)} places with programmes, {p.co_adoption.number_of_nodes()} programmes, "
                f"{p.adoption.number_of_edges()} adoptions, {p.links.number_of_edges()} links"
            )
        with TestClient(create_app(Settings(data_dir=data_dir), store)) as client:
            urls = routes(client)
            print(f"\n{'route':<26}{'first s':>9}{'warm p50 ms':>13}{'warm max ms':>13}")
            for name, url in urls.items():
                first = seconds(client, url)
                warm = [seconds(client, url) * 1000 for _ in range(runs)]
                print(f"{name:<26}{first:9.3f}{statistics.median(warm):13.1f}{max(warm):13.1f}")

            result = ingest_document(store, name=extra.name, text=extra.read_text(encoding="utf-8"))
            update = refresh(store)
            print(f"\nprojection update after a one-document ingest: {update * 1000:.0f} ms")
            started = time.perf_counter()
            graph_index(store)
            print(f"REST index patched after it in {time.perf_counter() - started:.2f} s")
            print(f"{'route':<26}{'first after ingest s':>22}")
            for name, url in urls.items():
                print(f"{name:<26}{seconds(client, url):22.3f}")
            remove_document(store, result["id"])


if __name__ == "__main__":
    main()
