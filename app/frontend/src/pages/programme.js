// Programme page (#/programme/{slug}): places running it, a timeline by year first mentioned, kin programmes.
import { getAll, getJSON, listOf } from "../api.js";
import { h, section, table } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { labelOf, t, zhText } from "../i18n.js";
import { graphHref, placeLink, programmeIri, programmeLink } from "../links.js";
import { diffusionChart } from "../diffusion.js";
import { programmeReasons } from "../reasons.js";

export async function renderProgramme(slug) {
  const [programme, similar] = await Promise.all([
    getJSON(`/programmes/${encodeURIComponent(slug)}`),
    getJSON(`/programmes/${encodeURIComponent(slug)}/similar`, { limit: 10 }).catch(() => ({ data: [] })),
  ]);
  // The outlines are a large chunk of their own, and districts need coordinates from /places: both are
  // fetched while the page is read, never blocking it.
  const mapSlot = h("div", { class: "map-slot" });
  Promise.all([import("../choropleth.js"), getAll("/places").catch(() => [])]).then(([{ choropleth }, located]) => {
    const coordinates = new Map(located.map((p) => [p.code, p]));
    const places = (programme.places || []).map((p) => ({ ...p, ...coordinates.get(p.code), name: p.name }));
    mapSlot.replaceChildren(choropleth(places) || h("p", {}, t("none")));
  });
  const places = programme.places || [];
  const english = labelOf(null, programme.label_en);
  return {
    title: programme.label,
    node: h(
      "article",
      { class: "entity programme" },
      h("h1", { lang: "zh-CN", translate: "no" }, programme.label),
      english ? h("p", { class: "subtitle", lang: "en", translate: "no" }, english) : null,
      h(
        "p",
        { class: "meta" },
        programme.in_scheme === false ? h("span", {}, `${t("discovered")} · `) : null,
        h("a", { href: graphHref(programme.iri || programmeIri(programme.slug)) }, t("openGraph")),
      ),
      programme.definition || programme.definition_en
        ? h(
            "p",
            { class: "definition" },
            english && programme.definition_en
              ? h("span", { lang: "en" }, programme.definition_en)
              : zhText(programme.definition || programme.definition_en),
          )
        : null,
      programme.aliases?.length
        ? h("p", {}, h("strong", {}, `${t("aliases")}: `), zhText(programme.aliases.join("、")))
        : null,
      // Hook for the analytics routes (GET /adoption, /programmes/{slug}/co-adopted): once they land, the
      // curve can read adoption events from /adoption, and "similar" below co-adoption, instead of this page's data.
      section("diffusion", t("diffusion"), diffusionChart(places) || h("p", {}, t("none"))),
      section("adoption-map", t("adoptionMap"), mapSlot),
      section("timeline", t("timeline"), timeline(places)),
      section(
        "places",
        `${t("placesRunningIt")} (${places.length})`,
        places.length
          ? table(
              null,
              [t("place"), t("firstYear"), t("documents"), t("evidence")],
              places.map((p) => [placeLink(p), p.first_year ?? "—", String(p.documents ?? ""), evidenceList(p.evidence)]),
            )
          : h("p", {}, t("none")),
      ),
      section(
        "kin",
        t("kinProgrammes"),
        h(
          "dl",
          { class: "kin" },
          [
            ["broader", programme.broader],
            ["narrower", programme.narrower],
            ["related", programme.related],
          ].map(([key, list]) => [
            h("dt", {}, t(key)),
            h("dd", {}, list?.length ? list.map((p, i) => [i ? "、" : "", programmeLink(p)]) : "—"),
          ]),
        ),
      ),
      section("similar", t("similarProgrammes"), similarList(listOf(similar))),
    ),
  };
}

function timeline(places) {
  if (!places.length) return h("p", {}, t("none"));
  const byYear = new Map();
  for (const place of places) {
    const key = place.first_year ?? null;
    if (!byYear.has(key)) byYear.set(key, []);
    byYear.get(key).push(place);
  }
  const years = [...byYear.keys()].sort((a, b) => (a === null) - (b === null) || a - b);
  return h(
    "ol",
    { class: "timeline" },
    years.map((year) =>
      h(
        "li",
        {},
        h("span", { class: "year" }, year === null ? t("unknownYear") : String(year)),
        h("ul", { class: "inline" }, byYear.get(year).map((p) => h("li", {}, placeLink(p)))),
      ),
    ),
  );
}

function similarList(rows) {
  if (!rows.length) return h("p", {}, t("none"));
  return table(
    null,
    [t("programme"), t("score"), t("places"), t("why")],
    rows.map((r) => [
      programmeLink(r.programme),
      h("span", { class: "num" }, Number(r.score).toFixed(2)),
      h("span", { class: "list" }, (r.co_places || []).map((p, i) => [i ? "、" : "", placeLink(p)])),
      programmeReasons(r),
    ]),
  );
}
