"""The front end's analysis views: a place's gaps and peer group, paths between two entities in the graph
explorer, SPARQL completion, and query results drawn as a chart (bars, or lines over years) or a graph.

Runs in the browser session of tests/conftest.py (a real uvicorn over the seeds and the demo corpus,
Debian's Chromium); every answer is checked against the API's.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from test_frontend import _open
from test_pages import _shoot

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
Page = sync_api.Page
expect = sync_api.expect

pytestmark = pytest.mark.shared

YANGZHOU = "https://w3id.org/citykg/place/321000"
BINZHOU = "https://w3id.org/citykg/place/371600"


def test_the_place_page_lists_the_gaps_and_the_peer_group_the_api_gives(page: Page, server_url: str) -> None:
    gaps = httpx.get(f"{server_url}/places/320500/gaps", params={"limit": 20}).json()
    place = httpx.get(f"{server_url}/places/320500").json()
    groups = httpx.get(f"{server_url}/communities").json()["data"]
    members = next(g["members"] for g in groups if g["id"] == place["community"]["id"])
    _open(page, "#/place/320500", "#gaps table")
    shown = page.locator("#gaps tbody tr td:first-child a").all_inner_texts()
    assert shown == [g["programme"]["label"] for g in gaps["data"]] and "揭榜挂帅" in shown
    first = page.locator("#gaps tbody tr").first
    expect(first.locator("a.quote")).to_contain_text(gaps["data"][0]["peers"][0]["evidence"]["quote"])
    names = page.locator("#peer-group-members a").all_inner_texts()
    assert names == [m["name"] for m in members if m["code"] != "320500"][:40]
    defining = page.locator("#peer-group-programmes a").all_inner_texts()
    assert defining == [p["label"] for p in place["community"]["programmes"]]
    _shoot(page, "place-gaps")


def test_the_graph_explorer_draws_the_paths_to_a_second_entity_with_their_evidence(
    page: Page, server_url: str
) -> None:
    api = httpx.get(
        f"{server_url}/paths", params={"from": YANGZHOU, "to": BINZHOU, "max": 4, "limit": 5}
    ).json()
    _open(page, f"#/graph?node={quote(YANGZHOU, safe='')}", "#graph-nodes option")
    page.locator("#paths-target").fill("滨州")
    page.locator(".paths-panel button[type=submit]").click()
    page.locator(f'#paths-hits button[data-iri="{BINZHOU}"]').click()
    expect(page.locator("#paths-list > li")).to_have_count(api["count"])
    assert api["count"] > 0
    first = page.locator("#paths-list > li").first
    expect(first.locator("p").first).to_contain_text("扬州市")
    expect(first.locator("p").first).to_contain_text("滨州市")
    expect(first.locator("blockquote a").first).to_be_visible()
    on_path = page.evaluate("() => window.__citykgGraph.nodes('.path').map((n) => n.id())")
    assert {YANGZHOU, BINZHOU} <= set(on_path)
    assert set(on_path) == {n["id"] for p in api["data"] for n in p["nodes"]}
    _shoot(page, "graph-paths")


def test_the_sparql_editor_completes_ontology_terms_and_declares_their_prefix(page: Page) -> None:
    _open(page, "#/query", ".cm-content")
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("SELECT ?place WHERE { ?place ck:runsProg")
    option = page.locator(".cm-tooltip-autocomplete li[aria-selected=true]", has_text="ck:runsProgramme")
    expect(option.first).to_be_visible()
    page.wait_for_timeout(300)  # the completion settles (its terms are read once, asynchronously)
    page.keyboard.press("Enter")
    text = page.locator(".cm-content").inner_text()
    assert (
        text.startswith("PREFIX ck: <https://w3id.org/citykg/ontology#>")
        and "?place ck:runsProgramme" in text
    )
    page.keyboard.type(" ?p } LIMIT 3")
    page.keyboard.press("Control+Enter")
    expect(page.locator("table.results tbody tr")).to_have_count(3)
    # A class name completes too, and PREFIX offers the ontology's prefixes.
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# ck:Progr")
    expect(page.locator(".cm-tooltip-autocomplete li", has_text="ck:Programme").first).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Home")
    page.keyboard.type("PREFIX sk")
    expect(
        page.locator(".cm-tooltip-autocomplete li", has_text="skos: <http://www.w3.org/2004/02/skos/core#>")
    ).to_be_visible()


def test_query_results_draw_as_a_bar_chart_and_a_graph_and_the_url_keeps_the_view(
    page: Page, server_url: str
) -> None:
    _open(page, "#/query", ".cm-content")
    page.locator("#run-query").click()
    rows = page.locator("table.results tbody tr")
    expect(rows.first).to_be_visible()
    count = rows.count()
    first_label = rows.first.locator("td").nth(1).inner_text()
    first_places = rows.first.locator("td").nth(2).inner_text()
    page.locator("#view-chart").click()
    bars = page.locator("svg.bar-chart g.bar")
    expect(bars).to_have_count(min(count, 40))
    assert bars.first.locator("title").text_content() == f"{first_label}: {first_places}"
    assert "view=chart" in page.url
    _shoot(page, "query-chart")
    page.locator("#view-graph").click()
    expect(page.locator("#result-graph canvas").first).to_be_attached()
    nodes = page.evaluate("() => window.__citykgResultGraph.nodes().map((n) => n.data('label'))")
    assert len(nodes) == count and first_label in nodes
    assert "view=graph" in page.url
    shared = page.url.replace("view=graph", "view=chart")
    other = page.context.new_page()
    other.goto(shared)
    expect(other.locator("svg.bar-chart g.bar")).to_have_count(min(count, 40))
    other.close()
    # A result without a number column or an IRI says why it has no chart and no graph.
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(
        f"SELECT ?label WHERE {{ <{YANGZHOU}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    )
    page.keyboard.press("Control+Enter")
    expect(page.locator("#graph-unavailable")).to_be_visible()
    page.locator("#view-chart").click()
    expect(page.locator("#chart-unavailable")).to_be_visible()


def test_a_number_by_year_draws_as_a_line_per_series(page: Page) -> None:
    _open(page, "#/query", ".cm-content")
    page.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(
        'SELECT ?year ?places ?programme WHERE { VALUES (?year ?places ?programme) { (2021 3 "一网通办") '
        '(2022 5 "一网通办") (2023 9 "一网通办") (2022 2 "一网统管") (2023 4 "一网统管") } }'
    )
    page.keyboard.press("Control+Enter")
    expect(page.locator("table.results tbody tr")).to_have_count(5)
    page.locator("#view-chart").click()
    chart = page.locator("svg.line-chart")
    expect(chart).to_be_visible()
    assert chart.get_attribute("data-lines") == "2"
    expect(chart.locator("g.line polyline")).to_have_count(2)
    expect(chart.locator("g.series-0 circle")).to_have_count(3)  # the series with most points first
    assert chart.locator("g.series-0 circle title").first.text_content() == "一网通办: 2021, 3"
    _shoot(page, "query-line-chart")
