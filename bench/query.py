"""Query latency over HTTP on a generated 1,000-document graph, and rdflib-endpoint on the same data.

    .venv/bin/python bench/query.py [--docs 1000] [--runs 40]

Builds the graph with `citykg build --rebuild` (which also fills the FalkorDB mirror), serves it with
`citykg serve`, and times 5 canned SPARQL and 3 canned Cypher queries: p50/p95 latency of sequential
requests and requests/s with 4 concurrent clients. Then it exports the same quads, serves them with
rdflib-endpoint (installed into a throwaway venv, never a project dependency) and times the same
SPARQL queries there. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest import generate_corpus  # noqa: E402

from app.queries import load_query  # noqa: E402

SPARQL = ("programmes_by_place", "places_running_programme", "metrics_for_place", "most_cited_policies",
          "places_sharing_programmes")  # fmt: skip
CYPHER = ("programmes_by_place", "places_running_programme", "metrics_for_place")
CITYKG = str(ROOT / ".venv" / "bin" / "citykg")
RDFLIB_SERVER = """
import sys, uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
data = Dataset(default_union=True)
data.parse(sys.argv[1], format="nquads")
uvicorn.run(SparqlEndpoint(graph=data, path="/sparql", cors_enabled=False), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, *, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up in {seconds:.0f} s")


@contextlib.contextmanager
def serving(env: dict[str, str]) -> Iterator[str]:
    """Run `citykg serve` on a free port with `env`; yield its base URL once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [CITYKG, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/stats")
        yield base
    finally:
        server.terminate()
        server.wait(30)


def timed(send: object, runs: int) -> tuple[float, float, float, int]:
    """Return p50 and p95 latency (ms), requests/s with 4 clients, and the row count of one answer."""
    call = send  # type: ignore[assignment]
    rows = call()  # warm up, and check it answers
    latencies = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        latencies.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: call(), range(runs * 2)))
    rps = runs * 2 / (time.perf_counter() - started)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1], rps, rows


def sparql_sender(client: httpx.Client, url: str, text: str):  # type: ignore[no-untyped-def]
    def send() -> int:
        response = client.post(
            url, data={"query": text}, headers={"Accept": "application/sparql-results+json"}
        )
        response.raise_for_status()
        return len(response.json()["results"]["bindings"])

    return send


def cypher_sender(client: httpx.Client, url: str, text: str, params: dict[str, str]):  # type: ignore[no-untyped-def]
    def send() -> int:
        response = client.post(url, json={"query": text, "parameters": params})
        response.raise_for_status()
        return len(response.json()["rows"])

    return send


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        corpus.mkdir()
        generate_corpus(corpus, args.docs)
        env = {**os.environ, "CITYKG_DATA": str(work / "data"), "CITYKG_QUERY_TIMEOUT_S": "60"}
        started = time.perf_counter()
        subprocess.run([CITYKG, "build", "--rebuild", str(corpus)], env=env, check=True, capture_output=True)
        print(
            f"built {args.docs} documents (and the FalkorDB mirror) in {time.perf_counter() - started:.1f} s"
        )
        stats = json.loads(subprocess.run([CITYKG, "stats"], env=env, check=True, capture_output=True).stdout)
        print(f"graph: {stats['quads']:,} quads, {stats['documents']} documents, {stats['facts']:,} facts")
        export = work / "all.nq"
        subprocess.run([CITYKG, "export", "--format", "nq", "-o", str(export)], env=env, check=True)

        results: dict[str, float] = {}
        with serving(env) as base, httpx.Client(timeout=120) as client:
            print(f"\n{'citykg (Oxigraph, FalkorDB)':<44}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'rows':>7}")
            for name in SPARQL:
                p50, p95, rps, rows = timed(
                    sparql_sender(client, base + "/sparql", load_query(name).bind()), args.runs
                )
                results[name] = p50
                print(f"SPARQL {name:<37}{p50:9.1f}{p95:9.1f}{rps:9.0f}{rows:7d}")
            for name in CYPHER:
                q = load_query(name, language="cypher")
                send = cypher_sender(client, base + "/cypher", q.text, dict(q.params))
                p50, p95, rps, rows = timed(send, args.runs)
                print(f"Cypher {name:<37}{p50:9.1f}{p95:9.1f}{rps:9.0f}{rows:7d}")

        venv = work / "rdflib-venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "--quiet", "rdflib-endpoint", "uvicorn"]
        subprocess.run(pip, check=True, capture_output=True)
        port = free_port()
        started = time.perf_counter()
        server = subprocess.Popen([str(venv / "bin" / "python"), "-c", RDFLIB_SERVER, str(export), str(port)])
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/sparql?query=ASK%7B%7D", seconds=900)
            print(f"\nrdflib-endpoint loaded the same quads in {time.perf_counter() - started:.1f} s")
            print(
                f"{'rdflib-endpoint (rdflib SPARQL)':<44}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'rows':>7}{'ratio':>8}"
            )
            with httpx.Client(timeout=600) as client:
                for name in SPARQL:
                    runs = max(3, args.runs // 8)
                    p50, p95, rps, rows = timed(
                        sparql_sender(client, base + "/sparql", load_query(name).bind()), runs
                    )
                    print(
                        f"SPARQL {name:<37}{p50:9.1f}{p95:9.1f}{rps:9.1f}{rows:7d}{p50 / results[name]:7.0f}×"
                    )
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
