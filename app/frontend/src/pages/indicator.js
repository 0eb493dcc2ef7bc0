// Indicator page (#/indicator/{slug}): places ranked by their latest achieved value, targets apart.
import { getAll, getJSON } from "../api.js";
import { h, section } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { labelOf, t, zhText } from "../i18n.js";
import { graphHref, placeLink } from "../links.js";
import { numberView } from "../numbers.js";

export async function renderIndicator(slug) {
  const indicator = await getJSON(`/indicators/${encodeURIComponent(slug)}`);
  const definition = labelOf(indicator.definition, indicator.definition_en);
  // The outlines are a large chunk of their own and districts need coordinates from /places: both come
  // while the table is read, never blocking it.
  const mapSlot = h("div", { class: "map-slot" });
  Promise.all([import("../mapviews.js"), getAll("/places").catch(() => [])]).then(([{ indicatorMap }, located]) => {
    const map = indicatorMap(indicator.places, new Map(located.map((p) => [p.code, p])));
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
        valuesTable(indicator.places, { ranked: true }),
      ),
      section("targets", `${t("targets")} (${indicator.targets?.length || 0})`, valuesTable(indicator.targets, { ranked: false })),
    ),
  };
}

const qualifierText = (q) => (!q || q === "=" || q === "target" ? "" : t("qualifiers")[q] ?? q);

const SHOWN = 50;

/** Return a table of indicator values (ranked ones lead with their rank), stacked on narrow screens; rows past
 * the first 50 are drawn on request, so an indicator measured in hundreds of places still opens at once. */
function valuesTable(rows, { ranked }) {
  if (!rows?.length) return h("p", {}, t("none"));
  const headers = [...(ranked ? [t("rank")] : []), t("place"), t("value"), t("year"), t("qualifier"), t("evidence")];
  const rowOf = (r) => {
    const cells = [
      ...(ranked ? [h("span", { class: "num" }, String(r.rank))] : []),
      placeLink(r.place),
      numberView(r.value, r.unit || ""),
      r.year ?? "—",
      qualifierText(r.qualifier),
      evidenceList(r.evidence, { max: 2 }),
    ];
    return h("tr", { "data-place": r.place.code }, cells.map((cell, i) => h("td", { "data-label": headers[i] }, cell)));
  };
  const body = h("tbody", {}, rows.slice(0, SHOWN).map(rowOf));
  const wrap = h(
    "div",
    { class: "table-wrap" },
    h("table", { class: "data stackable values" }, h("thead", {}, h("tr", {}, headers.map((name) => h("th", { scope: "col" }, name)))), body),
  );
  if (rows.length <= SHOWN) return wrap;
  const more = h("button", { type: "button", class: "show-all", onclick: () => (body.append(...rows.slice(SHOWN).map(rowOf)), more.remove()) }, t("showAll", rows.length));
  return h("div", {}, wrap, more);
}
