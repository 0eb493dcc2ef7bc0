"""Web page load times in headless Chromium on a generated 1,000-document graph (or on --data DIR).

    .venv/bin/python bench/pages.py [--docs 1000] [--data DIR] [--runs 5]

Times a full navigation to each page until its main content is drawn, first (cold caches in the
API) and then the median of warm loads. Needs Debian's chromium (make browser) and the built front
end (make frontend). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from ingest import generate_corpus  # noqa: E402
from query import CITYKG, serving  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def pages(base: str) -> dict[str, tuple[str, str]]:
    """Return page name → (URL, selector that appears when the page has drawn its content)."""
    # The first request builds the API's index of a large graph: give it time.
    docs = httpx.get(f"{base}/documents?limit=1", timeout=120).json()["data"]
    doc = docs[0]["id"] if docs else ""
    return {**_core_pages(base, doc), **_entity_pages(base)}


def _core_pages(base: str, doc: str) -> dict[str, tuple[str, str]]:
    return {
        "home": (f"{base}/#/", "main h2, main h1"),
        "search 扬州": (f"{base}/#/search?q=扬州", "main a[href*='place']"),
        "place 扬州市": (f"{base}/#/place/321000", "main table, main li"),
        "programme 一网通办": (f"{base}/#/programme/yi-wang-tong-ban", "main li, main table"),
        "document": (f"{base}/#/document/{doc}", "main .fact"),
        "graph explorer": (f"{base}/#/graph?node=https://w3id.org/citykg/place/321000", "canvas"),
        "query editor": (f"{base}/#/query", ".cm-editor"),
    }


def _entity_pages(base: str) -> dict[str, tuple[str, str]]:
    """Return the agency, project, policy and indicator pages of the best connected place's entities."""
    out: dict[str, tuple[str, str]] = {}
    top = httpx.get(f"{base}/places?limit=1", timeout=60).json()["data"]
    place = httpx.get(f"{base}/places/{top[0]['code']}", timeout=60).json() if top else {}
    for kind in ("agencies", "projects"):
        if place.get(kind):
            path = place[kind][0]["iri"].split("/citykg/", 1)[1]  # agency/321000/slug
            out[kind[:-1] if kind == "projects" else "agency"] = (f"{base}/#/{path}", "#evidence q")
    hits = httpx.get(f"{base}/search", params={"q": "规划", "limit": 50}, timeout=60).json()["data"]
    policy = next((h for h in hits if h["type"] == "policy"), None)
    if policy:
        out["policy"] = (f"{base}/#/{policy['id'].split('/citykg/', 1)[1]}", "#citing-documents table")
    indicators = httpx.get(f"{base}/indicators", timeout=60).json()["data"]
    if indicators:
        out["indicator"] = (f"{base}/#/indicator/{indicators[0]['slug']}", "#ranking table")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--data", type=Path, help="an existing citykg data folder to serve instead")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        env = {**os.environ, "CITYKG_DATA": str(data), "CITYKG_FALKORDB": "false"}
        if args.data is None:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            generate_corpus(corpus, args.docs)
            subprocess.run(
                [CITYKG, "build", "--rebuild", str(corpus)], env=env, check=True, capture_output=True
            )
        with serving(env) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            print(f"{'page':<22}{'first s':>9}{'warm p50 s':>12}")
            for name, (url, selector) in pages(base).items():
                times = []
                for _ in range(args.runs + 1):
                    started = time.perf_counter()
                    page.goto("about:blank")
                    page.goto(url)
                    page.wait_for_selector(selector, timeout=60_000)
                    times.append(time.perf_counter() - started)
                print(f"{name:<22}{times[0]:9.2f}{statistics.median(times[1:]):12.2f}")
            browser.close()


if __name__ == "__main__":
    main()
