"""A busy server: a mixed read load at a fixed rate while a large document is ingested and runaway
queries run. Prints errors and latency percentiles per endpoint; asserts nothing.

    .venv/bin/python bench/load.py [--rate 200] [--seconds 30] [--runaways 20]

A real uvicorn serves a graph of the demo corpus from a temporary data folder on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
KEY = "bench-load-key-0123456789"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CANNED = "SELECT ?p ?label WHERE { ?p a <https://w3id.org/citykg/ontology#Programme> ; ?x ?label } LIMIT 20"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(data: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CITYKG_DATA_DIR=str(data), CITYKG_API_KEY=KEY, CITYKG_FALKORDB="false")
    subprocess.run([sys.executable, "-m", "app.cli", "build", str(ROOT / "demo" / "corpus")], env=env,
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/stats", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


async def _load(base: str, rate: int, seconds: int, runaways: int) -> None:
    fast = ["/places/320500", "/search?q=yiwangtongban", "/stats", "/sparql?" + urlencode({"query": CANNED})]
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    limits = httpx.Limits(max_connections=400)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:

        async def hit(path: str) -> None:
            started = time.perf_counter()
            try:
                status = (await client.get(path)).status_code
            except httpx.HTTPError:
                status = 0
            key = path.split("?")[0]
            times[key].append(time.perf_counter() - started)
            if status != 200:
                errors[key] += 1

        async def slow(kind: str) -> None:
            if kind == "ingest":
                text = "扬州市数字经济报告\n" + "扬州市深化“一网通办”改革,建成5G基站8210个。\n" * 12_000
                response = await client.post("/documents", json={"name": "big.txt", "text": text},
                                             headers={"X-API-Key": KEY}, timeout=600)  # fmt: skip
            else:
                response = await client.get("/sparql", params={"query": RUNAWAY}, timeout=60)
            print(f"  {kind}: {response.status_code}", flush=True)

        background = [asyncio.create_task(slow("ingest"))]
        background += [asyncio.create_task(slow("runaway")) for _ in range(runaways)]
        tasks, started = [], time.perf_counter()
        for i in range(rate * seconds):
            await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(hit(fast[i % len(fast)])))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
        await asyncio.gather(*background)
    print(f"\n{len(tasks)} requests in {elapsed:.1f} s ({len(tasks) / elapsed:.0f}/s)")
    print(f"{'endpoint':<16}{'n':>6}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}")
    for key, values in sorted(times.items()):
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(
            f"{key:<16}{len(values):>6}{errors[key]:>8}{statistics.median(values) * 1000:>9.1f}{p99 * 1000:>9.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=200, help="requests per second of the read mix")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--runaways", type=int, default=20, help="slow SPARQL queries sent at the start")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        server = _start(Path(tmp) / "data", port)
        try:
            asyncio.run(_load(f"http://127.0.0.1:{port}", args.rate, args.seconds, args.runaways))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
