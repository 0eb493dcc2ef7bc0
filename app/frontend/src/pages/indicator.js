// Indicator page (#/indicator/{slug}): places ranked by their latest achieved value, targets apart.
import { getAll, getJSON } from "../api.js";
import { h, section } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { labelOf, t, zhText } from "../i18n.js";
import { graphHref, placeLink } from "../links.js";
import { numberView } from "../numbers.js";
import { pager } from "../pager.js";

export async function renderIndicator(slug, params = new URLSearchParams()) {
  const path = `/indicators/${encodeURIComponent(slug)}`;
  // The API answers a page of each list and how many there are; the rest comes a page at a time, of the
  // server's size unless the link names one (?limit=20).
  const size = /^[1-9]\d{0,3}$/.test(params.get("limit") || "") ? Number(params.get("limit")) : null;
  const sized = (query) => getJSON(path, size ? { limit: size, targets_limit: size, ...query } : query);
  const indicator = await sized({});
  const morePlaces = async (offset) => (await sized({ offset, targets_limit: 0 })).places;
  const moreTargets = async (offset) => (await sized({ limit: 1, targets_offset: offset })).targets;
  const definition = labelOf(indicator.definition, indicator.definition_en);
  // The outlines are a large chunk of their own and districts need coordinates from /places: both come
  // while the table is read, never blocking it.
  const mapSlot = h("div", { class: "map-slot" });
  // The map shows every ranked place, not only the table's first page: past it, the values without sentences
  // (no sentence is read for them, so even thousands of places come at once).
  const mapped =
    indicator.places_count > indicator.places.length
      ? getJSON(path, { limit: 5000, evidence: 0, targets_limit: 0 }).then((all) => all.places)
      : Promise.resolve(indicator.places);
  Promise.all([import("../mapviews.js"), getAll("/places").catch(() => []), mapped]).then(([{ indicatorMap }, located, places]) => {
    const map = indicatorMap(places, new Map(located.map((p) => [p.code, p])));
    mapSlot.replaceChildren(map || h("p", {}, t("none")));
  });
  return {
    title: indicator.label,
    node: h(
      "article",
      { class: "entity indicator" },
      h("p", { class: "eyebrow" }, t("indicator")),
      h("h1", { lang: "zh-CN", translate: "no" }, indicator.label),
      indicator.label_en ? h("p", { class: "subtitle", lang: "en", translate: "no" }, indicator.label_en) : null,
      definition ? h("p", { class: "definition", translate: "no" }, definition) : null,
      h(
        "dl",
        { class: "meta-list" },
        indicator.unit ? [h("dt", {}, t("defaultUnit")), h("dd", {}, zhText(indicator.unit))] : null,
        indicator.aliases?.length ? [h("dt", {}, t("aliases")), h("dd", {}, zhText(indicator.aliases.join("、")))] : null,
      ),
      h("p", { class: "meta" }, t("observationsCount", indicator.observations), " · ", h("a", { href: graphHref(indicator.iri) }, t("openGraph"))),
      section("value-map", t("valueMap"), mapSlot),
      section(
        "ranking",
        t("rankedPlaces"),
        h("p", { class: "muted small" }, t("rankedHelp")),
        valuesTable(indicator.places, { ranked: true, total: indicator.places_count, more: morePlaces }),
      ),
      section(
        "targets",
        `${t("targets")} (${indicator.targets_count ?? 0})`,
        valuesTable(indicator.targets, { ranked: false, total: indicator.targets_count, more: moreTargets }),
      ),
    ),
  };
}

const qualifierText = (q) => (!q || q === "=" || q === "target" ? "" : t("qualifiers")[q] ?? q);

const SHOWN = 50;

/** Return a table of indicator values (ranked ones lead with their rank), stacked on narrow screens. The first 50
 * rows are drawn at once, the rest of the page on request, and past the page `more(offset)` fetches the next one
 * from the API, so an indicator measured in thousands of places still opens at once. */
function valuesTable(first, { ranked, total = first?.length ?? 0, more }) {
  if (!first?.length) return h("p", {}, t("none"));
  const rows = [...first];
  const headers = [...(ranked ? [t("rank")] : []), t("place"), t("value"), t("year"), t("qualifier"), t("evidence")];
  const rowOf = (r) => {
    const cells = [
      ...(ranked ? [h("span", { class: "num" }, String(r.rank))] : []),
      placeLink(r.place),
      numberView(r.value, r.unit || ""),
      r.year ?? "—",
      qualifierText(r.qualifier),
      evidenceList(r.evidence, { max: 2, total: r.evidence_count }),
    ];
    return h("tr", { "data-place": r.place.code }, cells.map((cell, i) => h("td", { "data-label": headers[i] }, cell)));
  };
  const drawn = Math.min(SHOWN, rows.length);
  const body = h("tbody", {}, rows.slice(0, drawn).map(rowOf));
  const wrap = h(
    "div",
    { class: "table-wrap" },
    h("table", { class: "data stackable values" }, h("thead", {}, h("tr", {}, headers.map((name) => h("th", { scope: "col" }, name)))), body),
  );
  return h("div", {}, wrap, pager(rows, { drawn, total, more, draw: (list) => body.append(...list.map(rowOf)) }));
}
