"""How citykg scales: build, start and answer on generated corpora of 1,000 / 10,000 / 100,000 documents.

    .venv/bin/python bench/scale.py [--docs 1000 --docs 10000] [--repeat 20] [--mirror] [--keep DIR [--reuse]]

Each corpus is bench/ingest.py's generator (demo-corpus paragraphs under other prefectures'
names, seeded, so a size always gives the same documents). It is built with
`citykg build --rebuild`, served with uvicorn, and timed over HTTP: the first request of each
route after start-up, then `--repeat` warm ones (p50/p99). Every SPARQL canned query runs with
its declared default parameters. Then one small document is ingested over HTTP and the
resource routes and /stats are timed once more (the first request after an ingest), and the
document is removed again after the server stops. One table is printed; figures are never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from ingest import generate_corpus  # noqa: E402
from servers import free_port  # noqa: E402

from graphstore.store import Store  # noqa: E402

_MOST_MENTIONED_PLACE = """PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?place (COUNT(?e) AS ?n) WHERE { ?e rdf:subject ?place ; rdf:predicate ck:runsProgramme }
GROUP BY ?place ORDER BY DESC(?n) ?place LIMIT 1"""
_MOST_ADOPTED_PROGRAMME = """PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT ?programme (COUNT(DISTINCT ?place) AS ?n) WHERE { ?place ck:runsProgramme ?programme }
GROUP BY ?programme ORDER BY DESC(?n) ?programme LIMIT 1"""
_MOST_MEASURED_INDICATOR = """PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT ?indicator (COUNT(DISTINCT ?place) AS ?n) WHERE { ?o ck:indicator ?indicator ; ck:refArea ?place }
GROUP BY ?indicator ORDER BY DESC(?n) ?indicator LIMIT 1"""
_MOST_CITED_POLICY = """PREFIX ck: <https://w3id.org/citykg/ontology#>
SELECT ?policy (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d ck:citesPolicy ?policy }
GROUP BY ?policy ORDER BY DESC(?n) ?policy LIMIT 1"""


@dataclass
class Timing:
    """One route's first request after start-up and its warm requests, in seconds."""

    first: float
    warm: list[float] = field(default_factory=list)
    status: int = 200

    def cells(self) -> str:
        """Return 'first / p50 / p99' in milliseconds, or the failing status."""
        if self.status != 200:
            return f"HTTP {self.status} after {self.first * 1000:,.0f} ms"
        warm = sorted(self.warm)
        p50 = statistics.median(warm)
        p99 = warm[min(len(warm) - 1, round(0.99 * (len(warm) - 1)))]
        return f"{self.first * 1000:9,.0f} {p50 * 1000:9,.1f} {p99 * 1000:9,.1f}"


def timed_get(client: httpx.Client, path: str, params: dict[str, str] | None = None) -> tuple[float, int]:
    """Return the seconds a GET took and its status."""
    started = time.perf_counter()
    reply = client.get(path, params=params)
    return time.perf_counter() - started, reply.status_code


def folder_bytes(path: Path) -> int:
    """Return the size of the files under `path`."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def tree_rss_mb(pid: int) -> float:
    """Return the resident memory of process `pid` and its children (query workers) in MB."""
    total = 0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except FileNotFoundError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        pids.extend(int(c) for c in children)
    return total / 1024


def wait_until_up(process: subprocess.Popen[bytes], url: str) -> None:
    """Return once the server answers /stats; raise if it exits first."""
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/stats", timeout=600).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)


def measure(
    docs: int, work: Path, *, repeat: int, mirror: bool, reuse: bool = False
) -> list[tuple[str, str]]:
    """Return (label, figure) rows for one corpus size."""
    corpus = work / f"corpus-{docs}"
    data = work / f"data-{docs}"
    env = {**os.environ, "CITYKG_DATA": str(data), "CITYKG_FALKORDB": "true" if mirror else "false"}
    env["CITYKG_API_KEY"] = _KEY
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    build_s: float | None = None
    if reuse and (data / "oxigraph").is_dir():
        paths = sorted(corpus.glob("*.txt"))
    else:
        corpus.mkdir(parents=True, exist_ok=True)
        paths = generate_corpus(corpus, docs)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "app.cli", "build", "--rebuild", str(corpus)],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        build_s = time.perf_counter() - started
    store_path = data / "oxigraph"
    view = Store.open_read_only(store_path)
    quads = view.count()
    place = view.select(_MOST_MENTIONED_PLACE)[0]["place"] or ""
    programme = view.select(_MOST_ADOPTED_PROGRAMME)[0]["programme"] or ""
    indicator = (view.select(_MOST_MEASURED_INDICATOR) or [{"indicator": ""}])[0]["indicator"] or ""
    policy = (view.select(_MOST_CITED_POLICY) or [{"policy": ""}])[0]["policy"] or ""
    view.close()
    code, slug = place.rsplit("/", 1)[-1], programme.rsplit("/", 1)[-1]
    rows = [
        ("documents", f"{len(paths):,}"),
        ("most mentioned place, most adopted programme", f"{code}, {slug}"),
        ("quads", f"{quads:,}"),
        ("store on disk", f"{folder_bytes(store_path) / 2**20:,.0f} MB"),
        ("build --rebuild" + (" (with mirror)" if mirror else " (no mirror)"),
         f"{build_s:,.1f} s" if build_s else "(built before)"),
        ("  documents/s", f"{len(paths) / build_s:,.1f}" if build_s else ""),
    ]  # fmt: skip
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", str(port)]
    started = time.perf_counter()
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_until_up(server, url)
        rows.append(("server start-up (until /stats answers)", f"{time.perf_counter() - started:,.2f} s"))
        routes: list[tuple[str, str, dict[str, str] | None]] = [
            ("/places/{most mentioned}", f"/places/{code}", None),
            ("/programmes/{most adopted}", f"/programmes/{slug}", None),
            ("/search?q=一网通办", "/search", {"q": "一网通办"}),
            ("/places/{most mentioned}/similar", f"/places/{code}/similar", None),
            ("/indicators", "/indicators", None),
            ("/indicators/{most measured}", f"/indicators/{indicator.rsplit('/', 1)[-1]}", None),
            ("/policies/{most cited}", f"/policies/{policy.rsplit('/', 1)[-1]}", None),
            ("/graph?node={most mentioned}", "/graph", {"node": place}),
            ("/graph?node={most adopted}&depth=2", "/graph", {"node": programme, "depth": "2"}),
        ]
        with httpx.Client(base_url=url, timeout=600) as client:
            canned = [q for q in client.get("/queries").json() if q["language"] == "sparql"]
            for q in canned:
                defaults = {p["name"]: p["default"] for p in q["parameters"] if p["default"] is not None}
                routes.append((f"query {q['name']}", f"/queries/{q['name']}.rq", defaults))
            timings = []
            for label, path, params in routes:
                first, status = timed_get(client, path, params)
                timing = Timing(first, status=status)
                if status == 200:
                    timing.warm = [timed_get(client, path, params)[0] for _ in range(repeat)]
                timings.append((label, timing))
            # The same routes once each right after an ingest: every index is patched by the first of them.
            ingest_s, after = _after_ingest(client, routes[:9] + [("/stats", "/stats", None)])
        rows.append(("server RSS after the requests (with workers)", f"{tree_rss_mb(server.pid):,.0f} MB"))
        rows.append(("route: first / warm p50 / warm p99 (ms)", ""))
        rows.extend((f"  {label}", timing.cells()) for label, timing in timings)
        rows.append((f"first request after an ingest ({ingest_s:,.1f} s), ms", ""))
        rows.extend((f"  {label}", f"{seconds * 1000:9,.0f}" if status == 200 else f"HTTP {status}")
                    for label, seconds, status in after)  # fmt: skip
    finally:
        # A server saves the index and projection it patched before it exits: at 100,000 documents
        # that takes longer than a fixed patience, so wait for it and say how long it took.
        stopping = time.perf_counter()
        server.terminate()
        try:
            server.wait(timeout=900)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        rows.append(("server shut-down after the ingest (saves what it keeps)",
                     f"{time.perf_counter() - stopping:,.1f} s"))  # fmt: skip
        # Leave the store as it was built, so that --reuse times the same documents next time.
        subprocess.run([sys.executable, "-m", "app.cli", "remove", _INGESTED], env=env, cwd=ROOT,
                       check=False, capture_output=True)  # fmt: skip
    return rows


_KEY = "scale-benchmark-key-0123456789"
_INGESTED = "scale-after-ingest.txt"


def _after_ingest(
    client: httpx.Client, routes: list[tuple[str, str, dict[str, str] | None]]
) -> tuple[float, list[tuple[str, float, int]]]:
    """Return the seconds one small new document took to ingest, then each route's first answer after it."""
    text = sorted((ROOT / "demo" / "corpus").glob("*.txt"))[0].read_text(encoding="utf-8")
    started = time.perf_counter()
    reply = client.post(
        "/documents",
        json={"name": _INGESTED, "text": f"扬州市数字化发展情况（{time.time_ns()}）\n{text}"},
        headers={"X-API-Key": _KEY},
        params={"replace": "true"},  # one a stopped run left behind
    )
    reply.raise_for_status()
    ingest_s = time.perf_counter() - started
    return ingest_s, [(label, *timed_get(client, path, params)) for label, path, params in routes]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, action="append", help="corpus size (repeatable; default 1000)")
    parser.add_argument("--repeat", type=int, default=20, help="warm requests per route")
    parser.add_argument("--mirror", action="store_true", help="build with the FalkorDB mirror on")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (corpora, stores)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: time the stores built there before, without building",
    )
    args = parser.parse_args()
    sizes = args.docs or [1000]
    with tempfile.TemporaryDirectory(prefix="citykg-scale-") as tmp:
        work = args.keep or Path(tmp)
        columns = [measure(n, work, repeat=args.repeat, mirror=args.mirror, reuse=args.reuse) for n in sizes]
    labels = [label for label, _ in columns[0]]
    width = max(len(label) for label in labels)
    print(f"citykg scale benchmark ({os.cpu_count()} cores, {args.repeat} warm requests per route)")
    for i, label in enumerate(labels):
        print(f"{label:<{width}}  " + "  | ".join(f"{column[i][1]:>30}" for column in columns))


if __name__ == "__main__":
    main()
