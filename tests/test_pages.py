"""Entity pages, one language at a time, Chinese numbers, the graph explorer's start and labels, phone width.

Runs in the browser session of tests/conftest.py (a real uvicorn over the seeds and the demo corpus, Debian's
Chromium). Screenshots of each page kind at 1400 and 375 px go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from test_frontend import _open

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
Page = sync_api.Page
expect = sync_api.expect

pytestmark = pytest.mark.shared

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHENGDU = "https://w3id.org/citykg/place/510100"
# Names that stay in Latin script in the Chinese interface: query languages, formats, the brand, keys.
LATIN_ALLOWED = {
    "SPARQL",
    "Cypher",
    "API",
    "CSV",
    "JSON",
    "IRI",
    "English",
    "citykg",
    "Ctrl",
    "Enter",
    "GB",
    "T",
}
# Visible interface text: text nodes outside data (translate="no"), editors and hidden elements.
VISIBLE_TEXT = """() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent.trim();
    if (!text || !el || el.closest('[translate="no"], script, style, .cm-editor')) continue;
    if (el.tagName !== 'OPTION' && !el.checkVisibility()) continue;
    out.push(text);
  }
  return out;
}"""


def _shoot(page: Page, name: str) -> None:
    """Save full-page screenshots at 1400 and 375 px wide, and check the narrow one has no sideways scroll."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1400, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(100)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow} px at 375 px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_agency_and_project_pages_open_from_the_place_page_with_their_evidence(page: Page) -> None:
    _open(page, "#/place/510100", "#agencies li a")
    page.locator("#agencies a", has_text="成都市经济和信息化局").first.click()
    expect(page).to_have_url(re.compile(r"#/agency/510100/"))
    expect(page.locator("h1")).to_have_text("成都市经济和信息化局")
    expect(page.get_by_test_id("entity-place")).to_have_text("成都市")
    expect(page.locator("#evidence .evidence q").first).to_contain_text("成都市经济和信息化局")
    _shoot(page, "agency")
    page.go_back()
    page.locator("#projects a", has_text="天府数字经济产业园").first.click()
    expect(page).to_have_url(re.compile(r"#/project/510100/"))
    expect(page.get_by_test_id("project-kind")).to_have_text("园区")
    expect(page.locator("#evidence .evidence q").first).to_contain_text("天府数字经济产业园")
    _shoot(page, "project")


def test_policy_page_opens_from_search_and_lists_the_places_citing_it(page: Page, server_url: str) -> None:
    _open(page, "#/search?q=" + quote("数字中国建设整体布局规划"), "ol.results a")
    page.locator("ol.results a", has_text="数字中国建设整体布局规划").first.click()
    expect(page).to_have_url(re.compile(r"#/policy/shu-zi-zhong-guo-jian-she-zheng-ti-bu-ju-gui-hua"))
    api = httpx.get(f"{server_url}/policies/shu-zi-zhong-guo-jian-she-zheng-ti-bu-ju-gui-hua").json()
    places = page.locator("#citing-places li a")
    expect(places).to_have_count(len(api["places"]))
    for name in ("成都市", "福州市"):
        expect(places.filter(has_text=name)).to_have_count(1)
    expect(page.locator("#citing-documents tbody tr")).to_have_count(len(api["documents"]))
    expect(page.locator("#citing-documents .evidence q").first).to_contain_text("数字中国建设整体布局规划")
    _shoot(page, "policy")


def test_indicator_page_ranks_places_as_the_api_does_with_targets_apart(page: Page, server_url: str) -> None:
    _open(page, "#/place/510100", "#metrics table")
    page.locator("#metrics th a", has_text="5G基站").first.click()
    expect(page).to_have_url(re.compile(r"#/indicator/5g-ji-zhan"))
    api = httpx.get(f"{server_url}/indicators/5g-ji-zhan").json()
    rows = page.locator("#ranking tbody tr")
    expect(rows).to_have_count(len(api["places"]))
    shown = [rows.nth(i).get_attribute("data-place") for i in range(rows.count())]
    assert shown == [r["place"]["code"] for r in api["places"]]
    # 7.2万个 in Chinese, the exact figure on hover.
    first = rows.first.locator("td .num[title]")
    expect(first).to_have_text("7.2万个")
    expect(first).to_have_attribute("title", "72000 个")
    targets = page.locator("#targets tbody tr")
    expect(targets).to_have_count(len(api["targets"]))
    expect(page.locator("#targets tr[data-place='340100']")).to_contain_text("4万个")
    _shoot(page, "indicator")


def test_a_policy_page_loads_its_citing_documents_a_page_at_a_time(page: Page, server_url: str) -> None:
    slug = "shu-zi-zhong-guo-jian-she-zheng-ti-bu-ju-gui-hua"
    api = httpx.get(f"{server_url}/policies/{slug}").json()
    assert api["documents_count"] == len(api["documents"]) >= 2
    _open(page, f"#/policy/{slug}?limit=1", "#citing-documents tbody tr")
    rows = page.locator("#citing-documents tbody tr")
    expect(rows).to_have_count(1)
    expect(page.locator("#citing-documents .rows-count")).to_have_text(f"1 / {api['documents_count']} 行")
    for shown in range(2, api["documents_count"] + 1):
        page.locator("#citing-documents button.show-all").click()
        expect(rows).to_have_count(shown)
    expect(page.locator("#citing-documents button.show-all")).to_be_hidden()
    links = [rows.nth(i).locator("a").first.get_attribute("href") or "" for i in range(rows.count())]
    assert [link.split("/")[2].split("?")[0] for link in links] == [d["id"] for d in api["documents"]]


def test_indicator_tables_load_the_next_page_from_the_api_until_every_value_is_shown(
    page: Page, server_url: str
) -> None:
    api = httpx.get(f"{server_url}/indicators/5g-ji-zhan").json()
    assert api["places_count"] >= 3
    _open(page, "#/indicator/5g-ji-zhan?limit=1", "#ranking tbody tr")
    rows, more = page.locator("#ranking tbody tr"), page.locator("#ranking button.show-all")
    expect(rows).to_have_count(1)
    expect(page.locator("#ranking .rows-count")).to_have_text(f"1 / {api['places_count']} 行")
    for shown in range(2, api["places_count"] + 1):
        more.click()
        expect(rows).to_have_count(shown)
    expect(more).to_be_hidden()
    assert [rows.nth(i).get_attribute("data-place") for i in range(rows.count())] == [
        r["place"]["code"] for r in api["places"]
    ]
    # Each value names how many sentences state it when the API sent only the first ones.
    for i, row in enumerate(api["places"]):
        total = rows.nth(i).locator(".evidence-total")
        expect(total).to_have_count(1 if row["evidence_count"] > len(row["evidence"]) else 0)
    targets = page.locator("#targets tbody tr")
    expect(targets).to_have_count(1)
    for shown in range(2, api["targets_count"] + 1):
        page.locator("#targets button.show-all").click()
        expect(targets).to_have_count(shown)
    expect(page.locator("#targets button.show-all")).to_be_hidden()


def test_the_programme_map_colours_exactly_the_places_the_api_lists(page: Page, server_url: str) -> None:
    _open(page, "#/programme/yi-wang-tong-ban", "[data-testid=choropleth] svg")
    api = httpx.get(f"{server_url}/programmes/yi-wang-tong-ban").json()
    coloured = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=choropleth] .adopter')].map(a => a.dataset.code)"
    )
    assert sorted(coloured) == sorted(p["code"] for p in api["places"])
    # The diffusion curve has one point per year in which a place was first seen running it.
    years = {p["first_year"] for p in api["places"] if p["first_year"] is not None}
    assert years, api["places"]
    points = page.locator("[data-testid=diffusion] circle.point")
    expect(points).to_have_count(len(years))
    assert sorted(int(points.nth(i).get_attribute("data-year") or 0) for i in range(len(years))) == sorted(
        years
    )
    # Prefectures are shaded by their own outline (from the npm package), not drawn as dots.
    yangzhou = page.locator("[data-testid=choropleth] a.adopter[data-code='321000'] path")
    expect(yangzhou).to_have_class(re.compile("adopted"))
    page.locator("[data-testid=choropleth] a.adopter[data-code='321000']").click()
    expect(page.locator("h1")).to_have_text("扬州市")
    page.go_back()
    page.locator("[data-testid=choropleth] svg").wait_for()
    _shoot(page, "programme")


def test_graph_explorer_opens_an_agency_page_from_its_node(page: Page) -> None:
    _open(page, f"#/graph?node={quote(CHENGDU, safe='')}", "[data-testid=graph-canvas] canvas")
    option = page.locator("#graph-nodes option", has_text="成都市经济和信息化局").first
    page.locator("#graph-nodes").select_option(value=option.get_attribute("value"))
    page.locator("#graph-open").click()
    expect(page).to_have_url(re.compile(r"#/agency/510100/"))
    expect(page.locator("h1")).to_have_text("成都市经济和信息化局")


def test_the_graph_explorer_opens_on_the_most_connected_place_with_labels_that_do_not_overlap(
    page: Page, server_url: str
) -> None:
    top = httpx.get(f"{server_url}/places", params={"limit": 1}).json()["data"][0]
    _open(page, "#/graph", "[data-testid=graph-canvas] canvas")
    page.wait_for_function("() => window.__citykgGraph && window.__citykgGraph.nodes().length > 1")
    start = f"https://w3id.org/citykg/place/{top['code']}"
    assert page.evaluate("(id) => window.__citykgGraph.getElementById(id).hasClass('expanded')", start)
    # Grow the graph: expand each programme of the start place, as a user clicking around would.
    programmes = page.evaluate(
        "() => window.__citykgGraph.nodes('[type = \"Programme\"]').map(n => n.id()).slice(0, 6)"
    )
    for iri in programmes:
        count = page.evaluate("() => window.__citykgGraph.nodes().length")
        page.locator("#graph-nodes").select_option(value=iri)
        page.locator("#graph-expand").click()
        page.wait_for_function(
            f"() => window.__citykgGraph.nodes().length >= {count} && !document.querySelector('[aria-busy=true]')"
        )
    labels: dict[str, Any] = page.evaluate(
        """() => {
          const cy = window.__citykgGraph;
          const shown = cy.nodes().not('.hidden').not('.label-hidden');
          const boxes = shown.map(n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
          let overlaps = 0;
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
          }
          return {nodes: cy.nodes().length, shown: shown.length, overlaps};
        }"""
    )
    assert labels["nodes"] >= 60, labels
    assert labels["overlaps"] == 0, labels
    assert labels["shown"] >= labels["nodes"] * 0.5, labels


def test_place_metrics_are_grouped_by_indicator_latest_first_in_chinese_numbers(page: Page) -> None:
    _open(page, "#/place/320500", "#metrics table")
    money = page.locator("#metrics .num", has_text="11.4亿元").first
    expect(money).to_have_attribute("title", "1140000000 元")
    groups: list[list[int | None]] = page.evaluate(
        """() => [...document.querySelectorAll('#metrics tbody')].map(g =>
             [...g.querySelectorAll('td[data-label]:nth-of-type(2)')].map(td => parseInt(td.textContent) || null))"""
    )
    assert groups and all(
        years == sorted(years, key=lambda y: -(y if y is not None else -1)) for years in groups
    ), groups
    page.get_by_role("button", name="Switch the interface to English").click()
    expect(page.locator("#metrics .num", has_text="1,140,000,000 元").first).to_be_visible()
    _shoot(page, "place")
    table = page.evaluate("() => document.querySelector('#metrics table').getBoundingClientRect().right")
    assert table <= 1280


ROUTES = [
    ("", "[data-testid=count-places] dd"),
    ("#/search?q=yangzhou", "ol.results a"),
    ("#/place/320500", "#similar table"),
    ("#/programme/yi-wang-tong-ban", "#similar table"),
    ("#/documents", "main table a"),
    ("#/graph", "[data-testid=graph-canvas] canvas"),
    ("#/query", ".cm-content"),
    ("#/agency/370200/qing-dao-shi-xing-zheng-shen-pi-fu-wu-ju", "#named-with dd"),
    ("#/project/510100/tian-fu-shu-zi-jing-ji-chan-ye-yuan", "#evidence q"),
    ("#/policy/shu-zi-zhong-guo-jian-she-zheng-ti-bu-ju-gui-hua", "#citing-documents table"),
    ("#/indicator/5g-ji-zhan", "#ranking table"),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_route_speaks_one_language(page: Page, server_url: str, lang: str) -> None:
    documents = httpx.get(f"{server_url}/documents").json()["data"]
    routes = [*ROUTES, (f"#/document/{documents[0]['id']}", ".doc-text .fact")]
    leaks: dict[str, list[str]] = {}
    for route, ready in routes:
        joined = f"{route}{'&' if '?' in route else '?'}hl={lang}" if route else f"#/?hl={lang}"
        _open(page, joined, ready)
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN" if lang == "zh" else "en")
        found = []
        for text in page.evaluate(VISIBLE_TEXT):
            if lang == "zh":
                words = re.findall(r"(?<![0-9A-Za-z])[A-Za-z]+(?![0-9A-Za-z])", text)  # not 5G, IPv6
                found += [f"{w}: {text[:60]}" for w in words if w not in LATIN_ALLOWED]
            elif re.search(r"[\u3400-\u9fff]", text):
                found.append(text[:60])
        if found:
            leaks[route or "/"] = sorted(set(found))[:12]
    assert leaks == {}, leaks
    # The choice is kept: a route without ?hl= opens in the language chosen last (localStorage).
    _open(page, "#/documents", "main table a")
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN" if lang == "zh" else "en")
    assert f"hl={lang}" in page.url


def test_no_page_scrolls_sideways_on_a_phone(page: Page) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    wide = {}
    for route, ready in ROUTES:
        _open(page, route, ready)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            wide[route or "/"] = overflow
    assert wide == {}, f"pages wider than 375 px: {wide}"
