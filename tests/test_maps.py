"""The value and group maps: an indicator's latest values shaded on the outlines of China, and the peer
groups (GET /communities) one colour each, both with a legend; in one language, at phone width.

Runs in the browser session of tests/conftest.py (a real uvicorn over the seeds and the demo corpus,
Debian's Chromium); what the maps show is checked against the API's answers.
"""

from __future__ import annotations

import re

import httpx
import pytest
from test_frontend import _open
from test_pages import LATIN_ALLOWED, VISIBLE_TEXT, _shoot

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
Page = sync_api.Page
expect = sync_api.expect

pytestmark = pytest.mark.shared

MAP = "[data-testid=choropleth]"
# Each coloured mark (a prefecture's or province's outline, a district's dot) with its code, fill and value.
MARKS = """() => [...document.querySelectorAll('[data-testid=choropleth] a.adopter')].map((a) => {
  const shape = a.querySelector('path, circle');
  return {code: a.dataset.code, fill: shape.dataset.fill, value: shape.dataset.value,
          group: shape.dataset.group, painted: getComputedStyle(shape).fill, title: shape.textContent};
})"""
# Pairs of map labels whose boxes on screen overlap.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('[data-testid=choropleth] text.map-label')]
    .map((l) => [l.textContent, l.getBoundingClientRect()]);
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  return boxes.flatMap(([n, a], i) => boxes.slice(i + 1).filter(([, b]) => hit(a, b)).map(([m]) => [n, m]));
}"""


def test_the_indicator_map_shows_every_ranked_place_when_the_table_shows_a_page(
    page: Page, server_url: str
) -> None:
    api = httpx.get(f"{server_url}/indicators/5g-ji-zhan").json()
    _open(page, "#/indicator/5g-ji-zhan?limit=1", f"{MAP} svg")
    expect(page.locator("#ranking tbody tr")).to_have_count(1)
    marks = {m["code"]: float(m["value"]) for m in page.evaluate(MARKS)}
    assert marks == {r["place"]["code"]: r["value"] for r in api["places"]}


def test_the_indicator_map_shades_the_places_with_a_value_and_greys_the_rest(
    page: Page, server_url: str
) -> None:
    api = httpx.get(f"{server_url}/indicators/5g-ji-zhan").json()
    _open(page, "#/indicator/5g-ji-zhan", f"{MAP} svg")
    marks = {m["code"]: m for m in page.evaluate(MARKS)}
    # Every place ranked (one unit here) is on the map with its own latest value; the target stays off.
    assert set(marks) == {r["place"]["code"] for r in api["places"]}
    assert {r["unit"] for r in api["places"]} == {"个"}
    for row in api["places"]:
        mark = marks[row["place"]["code"]]
        assert float(mark["value"]) == row["value"]
        assert mark["fill"] and mark["painted"] == mark["fill"], mark
    assert float(marks["340100"]["value"]) != api["targets"][0]["value"]
    # A sequential scale: the largest and smallest values differ in colour, and the top one is darkest.
    values = sorted(api["places"], key=lambda r: r["value"])
    low, high = marks[values[0]["place"]["code"]], marks[values[-1]["place"]["code"]]
    assert low["fill"] != high["fill"]
    assert sum(_rgb(high["fill"])) < sum(_rgb(low["fill"]))
    # Provinces without a value of their own are grey and carry no value.
    grey = page.locator(f"{MAP} path.province.no-value")
    assert grey.count() > 5
    assert grey.first.get_attribute("data-value") is None
    assert grey.first.evaluate("(p) => getComputedStyle(p).fill") == "rgb(226, 226, 226)"
    # Hover names the place, its value as Chinese readers write it, and the year (Chengdu's
    # 2023年 opens the sentence, across its 分号).
    assert marks["510100"]["title"] == "成都市：7.2万个（2023年）"
    assert marks["320500"]["title"] == "苏州市：4.86万个（2024年）"
    legend = page.get_by_test_id("map-legend")
    expect(legend).to_have_attribute("data-unit", "个")
    expect(legend).to_contain_text("单位：个")
    expect(legend).to_contain_text("6100个")
    expect(legend).to_contain_text("7.2万个")
    expect(legend).to_contain_text("无数值")
    assert page.locator(f"{MAP} text.map-label").count() > 5
    assert page.evaluate(OVERLAPS) == []
    _shoot(page, "indicator-map")
    page.locator(f"{MAP} a.adopter[data-code='320500']").click()
    expect(page.locator("h1")).to_have_text("苏州市")


def test_the_communities_map_gives_each_group_one_colour_and_the_legend_lists_them(
    page: Page, server_url: str
) -> None:
    groups = httpx.get(f"{server_url}/communities").json()["data"]
    places = httpx.get(f"{server_url}/places", params={"limit": 500}).json()["data"]
    country = {p["code"] for p in places if p["level"] == "country"}
    assert len(groups) > 1
    # The place page's peer group leads to the map of all groups.
    _open(page, "#/place/320500", "#peer-group")
    page.locator("#see-communities").click()
    expect(page).to_have_url(re.compile(r"#/communities"))
    page.locator(f"{MAP} svg").wait_for()
    items = page.get_by_test_id("map-legend").locator("li")
    expect(items).to_have_count(len(groups))
    colour = {
        int(items.nth(i).get_attribute("data-community") or -1): items.nth(i).get_attribute("data-fill")
        for i in range(len(groups))
    }
    assert set(colour) == {g["id"] for g in groups}
    assert len(set(colour.values())) == len(groups), colour  # one colour per group, none shared
    # The legend marks the group of the place the visit came from.
    mine = httpx.get(f"{server_url}/places/320500").json()["community"]["id"]
    expect(items.locator("xpath=self::*[@aria-current='true']")).to_have_attribute(
        "data-community", str(mine)
    )
    marks = {m["code"]: m for m in page.evaluate(MARKS)}
    for group in groups:
        members = {m["code"] for m in group["members"]} - country
        assert members <= set(marks), members - set(marks)
        assert {marks[code]["fill"] for code in members} <= {colour[group["id"]]}
        assert {int(marks[code]["group"]) for code in members} <= {group["id"]}
        item = items.nth([g["id"] for g in groups].index(group["id"]))
        for programme in group["programmes"]:
            expect(item).to_contain_text(programme["label"])
    assert page.locator(f"{MAP} path.province.no-value").count() > 5
    assert page.evaluate(OVERLAPS) == []
    _shoot(page, "communities")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_map_pages_speak_one_language(page: Page, lang: str) -> None:
    leaks = {}
    for route in ("#/indicator/5g-ji-zhan", "#/communities"):
        _open(page, f"{route}?hl={lang}", "[data-testid=map-legend]")
        found = []
        for text in page.evaluate(VISIBLE_TEXT):
            if lang == "zh":
                words = re.findall(r"(?<![0-9A-Za-z])[A-Za-z]+(?![0-9A-Za-z])", text)
                found += [w for w in words if w not in LATIN_ALLOWED]
            elif re.search(r"[\u3400-\u9fff]", text):
                found.append(text[:60])
        if found:
            leaks[route] = sorted(set(found))
    assert leaks == {}, leaks


def _rgb(css: str) -> tuple[int, ...]:
    """Return the channels of a CSS rgb() colour: _rgb("rgb(1, 2, 3)") == (1, 2, 3)."""
    return tuple(int(n) for n in re.findall(r"\d+", css))
