"""A busy server: a mixed read load at a fixed rate while a large document is ingested and runaway
queries run. Prints errors and latency percentiles per endpoint; asserts nothing.

    .venv/bin/python bench/load.py [--rate 200] [--seconds 30] [--runaways 20] [--data DIR --place CODE]

A real uvicorn serves a graph of the demo corpus from a temporary data folder on 127.0.0.1,
or the data folder `--data` names (e.g. bench/scale.py's 10,000 documents; the ingested
document is removed from it afterwards with `citykg remove`).
The read mix is sent by wrk (one process per endpoint, each connection pausing between
requests to keep near the rate): a Python client of its own took half of a two-core machine
at 200 requests/s and measured itself as much as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import zlib
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


def _env(data: Path) -> dict[str, str]:
    return dict(os.environ, CITYKG_DATA_DIR=str(data), CITYKG_API_KEY=KEY, CITYKG_FALKORDB="false")


def _start(data: Path, port: int, *, build: bool) -> subprocess.Popen[bytes]:
    env = _env(data)
    if build:
        subprocess.run([sys.executable, "-m", "app.cli", "build", str(ROOT / "demo" / "corpus")], env=env,
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app", "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(3000):
        try:
            httpx.get(f"http://127.0.0.1:{port}/stats", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the server did not start")


# Each endpoint gets its own wrk process: wrk reports one latency distribution per run, and
# a connection that waits `delay()` ms after each answer paces it near the rate asked for.
_WRK_SCRIPT = """
local pause = tonumber(os.getenv("CITYKG_PAUSE_MS"))
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {}; math.randomseed(tonumber(os.getenv("CITYKG_SEED"))) end
function delay() return math.random(0, 2 * pause) end  -- uniform around the pause: no lockstep bursts
function response(status, headers, body)
  if status ~= 200 then codes[status] = (codes[status] or 0) + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  local other = ""
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("codes")) do other = other .. string.format(" %d:%d", status, n) end
  end
  io.write(string.format("RESULT %d %d %d %d %d %d %d%s\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99),
    latency.max, other))
end
"""
_CONNECTIONS = 25


async def _wrk(
    base: str, path: str, rate: float, seconds: int, script: Path
) -> tuple[str, list[int], dict[int, int]]:
    """Return ``path``, wrk's figures (requests, µs, socket errors, non-2xx, p50, p99, max µs) and other statuses."""
    pause_ms = max(1, round(_CONNECTIONS / rate * 1000))
    process = await asyncio.create_subprocess_exec(
        "wrk", "-t1", f"-c{_CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script), base + path,
        env={**os.environ, "CITYKG_PAUSE_MS": str(pause_ms), "CITYKG_SEED": str(zlib.crc32(path.encode()))},
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await process.communicate()
    fields = next(x for x in out.decode().splitlines() if x.startswith("RESULT")).split()[1:]
    statuses = {int(k): int(v) for k, v in (f.split(":") for f in fields[7:])}
    return path, [int(float(v)) for v in fields[:7]], statuses


async def _load(base: str, rate: int, seconds: int, runaways: int, script: Path, place: str) -> None:
    fast = [
        f"/places/{place}",
        "/search?q=yiwangtongban",
        "/stats",
        "/sparql?" + urlencode({"query": CANNED}),
    ]
    async with httpx.AsyncClient(base_url=base, timeout=600) as client:

        async def slow(kind: str) -> None:
            started = time.perf_counter()
            if kind == "ingest":
                text = "扬州市数字经济报告\n" + "扬州市深化“一网通办”改革,建成5G基站8210个。\n" * 12_000
                response = await client.post("/documents", json={"name": "big.txt", "text": text},
                                             headers={"X-API-Key": KEY})  # fmt: skip
            else:
                response = await client.get("/sparql", params={"query": RUNAWAY}, timeout=60)
            outcomes[kind][response.status_code] += 1
            finished[kind] = max(finished[kind], time.perf_counter() - started)

        outcomes: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        finished: dict[str, float] = defaultdict(float)
        background = [asyncio.create_task(slow("ingest"))]
        background += [asyncio.create_task(slow("runaway")) for _ in range(runaways)]
        results = await asyncio.gather(*(_wrk(base, p, rate / len(fast), seconds, script) for p in fast))
        await asyncio.gather(*background)
    total = sum(figures[0] for _, figures, _ in results)
    print(f"read mix: {total} requests in {seconds} s ({total / seconds:.0f}/s of {rate}/s asked), "
          f"{_CONNECTIONS} connections per endpoint")  # fmt: skip
    print(f"{'endpoint':<16}{'n':>6}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for path, (n, _, sock, status, p50, p99, top), statuses in results:
        other = ", ".join(f"{k} × {v}" for k, v in sorted(statuses.items()))
        print(f"{path.split('?')[0]:<16}{n:>6}{sock + status:>8}{p50 / 1000:>9.1f}{p99 / 1000:>9.1f}"
              f"{top / 1000:>9.1f}  {other}")  # fmt: skip
    for kind, counts in outcomes.items():
        answers = ", ".join(f"{n} × {status}" for status, n in sorted(counts.items()))
        print(f"{kind}: {answers} (slowest {finished[kind]:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=200, help="requests per second of the read mix")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--runaways", type=int, default=20, help="slow SPARQL queries sent at the start")
    parser.add_argument("--data", type=Path, help="serve this data folder instead of a fresh demo graph")
    parser.add_argument("--place", default="320500", help="the place whose page is in the read mix")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/load.py drives the load with wrk: apt-get install wrk (Debian) or brew install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        data = args.data or Path(tmp) / "data"
        started = time.perf_counter()
        server = _start(data, port, build=args.data is None)
        print(f"server answering after {time.perf_counter() - started:.1f} s")
        script = Path(tmp) / "pace.lua"
        script.write_text(_WRK_SCRIPT, encoding="utf-8")
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_load(base, args.rate, args.seconds, args.runaways, script, args.place))
        finally:
            server.terminate()
            server.wait(timeout=60)
            if args.data is not None:  # leave the folder as it was given
                subprocess.run([sys.executable, "-m", "app.cli", "remove", "big.txt"], env=_env(data), cwd=ROOT,
                               check=False, capture_output=True)  # fmt: skip


if __name__ == "__main__":
    main()
