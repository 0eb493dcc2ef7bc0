// Home (#/): search, graph size, programmes with their adoption, places by province and a map.
// Search results (#/search?q=).
import { getAll, getJSON, listOf } from "../api.js";
import { h, section, table } from "../dom.js";
import { labelOf, language, t, zhText } from "../i18n.js";
import { hrefOfIri, hrefOfTarget, placeHref, placeLink, programmeLink } from "../links.js";

/** Return the search form; submitting it goes to #/search?q=. */
export function searchForm(value = "") {
  const input = h("input", {
    type: "search",
    id: "search-q",
    name: "q",
    value,
    placeholder: t("searchPlaceholder"),
    autocomplete: "off",
    required: true,
  });
  return h(
    "form",
    {
      role: "search",
      class: "search",
      onsubmit: (event) => {
        event.preventDefault();
        const q = input.value.trim();
        if (q) window.location.hash = `#/search?${new URLSearchParams({ q })}`;
      },
    },
    h("label", { for: "search-q" }, t("searchLabel")),
    h("div", { class: "search-row" }, input, h("button", { type: "submit" }, t("search"))),
  );
}

export async function renderHome() {
  const [stats, programmes, places, documents] = await Promise.all([
    getJSON("/stats"),
    getAll("/programmes"),
    getAll("/places"),
    getJSON("/documents", { limit: 200 }),
  ]);
  const counts = [
    ["places", stats.places],
    ["programmes", stats.programmes],
    ["documents", stats.documents],
    ["facts", stats.facts],
  ];
  const running = programmes.filter((p) => p.places > 0);
  return {
    title: t("home"),
    node: h(
      "div",
      { class: "home" },
      h("h1", {}, "citykg ", h("span", { class: "subtitle" }, labelOf("数字城市知识图谱", "digital-city knowledge graph"))),
      h("p", { class: "lede" }, t("tagline")),
      searchForm(),
      h(
        "section",
        { "aria-labelledby": "counts-h", class: "panel" },
        h("h2", { id: "counts-h", class: "sr-only" }, t("counts")),
        h(
          "dl",
          { class: "counts" },
          counts.map(([key, n]) =>
            h("div", { class: "count", dataset: { testid: `count-${key}` } }, h("dt", {}, t(key)), h("dd", {}, (n ?? 0).toLocaleString())),
          ),
        ),
      ),
      h(
        "div",
        { class: "two-col" },
        section(
          "programmes",
          t("programmes"),
          table(
            null,
            [t("programme"), t("placesRunning")],
            running.map((p) => [
              h("span", {}, programmeLink(p), p.label_en && language() === "en" ? h("span", { class: "muted", lang: "en" }, ` ${p.label_en}`) : null),
              h("span", { class: "num" }, String(p.places)),
            ]),
          ),
        ),
        section("by-province", t("placesByProvince"), provinceGroups(places), mapOf(places.filter((p) => p.level !== "country"))),
      ),
      section(
        "documents",
        t("documentsList"),
        h("ul", { class: "plain" }, listOf(documents).map((d) => h("li", {}, documentItem(d)))),
      ),
    ),
  };
}

function documentItem(d) {
  return [
    h("a", { href: `#/document/${encodeURIComponent(d.id)}` }, zhText(d.title || d.name)),
    h("span", { class: "muted" }, ` ${d.date || ""} · ${d.facts ?? 0} ${t("facts")}`),
  ];
}

/** Return a slot that receives the choropleth of the places once its (large, lazily loaded) outlines arrive. */
function mapOf(places) {
  const slot = h("div", { class: "map-slot" });
  import("../choropleth.js").then(({ choropleth }) => slot.replaceChildren(choropleth(places, { caption: t("mapCaption") }) || ""));
  return slot;
}

function provinceGroups(places) {
  const groups = new Map();
  for (const place of places) {
    const province = place.province || { code: "", name: t("otherPlaces") };
    if (!groups.has(province.code)) groups.set(province.code, { province, places: [] });
    groups.get(province.code).places.push(place);
  }
  const sorted = [...groups.values()].sort((a, b) => b.places.length - a.places.length || a.province.code.localeCompare(b.province.code));
  return h(
    "div",
    { class: "provinces" },
    sorted.map(({ province, places: members }) =>
      h(
        "div",
        { class: "province" },
        h("h3", {}, province.code ? h("a", { href: placeHref(province.code) }, zhText(province.name)) : province.name, h("span", { class: "muted" }, ` (${members.length})`)),
        h(
          "ul",
          { class: "inline" },
          members.map((p) => h("li", {}, placeLink(p), p.programmes ? h("span", { class: "muted" }, ` ${p.programmes}`) : null)),
        ),
      ),
    ),
  );
}

/** Return the client route of a search hit: its page, or the graph explorer for the API's /graph urls. */
function hitHref(hit) {
  if (hit.type === "place" || hit.type === "programme") return hrefOfTarget(hit.type, hit.id);
  const page = hrefOfIri(hit.id);
  if (page) return page;
  if (typeof hit.url === "string" && hit.url.startsWith("/graph")) return `#${hit.url}`;
  return hrefOfTarget(hit.type, hit.id) || hrefOfIri(hit.iri) || "#/";
}

export async function renderSearch(params) {
  const q = (params.get("q") || "").trim();
  const answer = q ? await getJSON("/search", { q, limit: 50 }) : { data: [], count: 0 };
  const hits = listOf(answer);
  return {
    title: `${t("search")}: ${q}`,
    node: h(
      "div",
      {},
      h("h1", {}, t("searchResults")),
      searchForm(q),
      h("p", { role: "status" }, q ? t("resultsFor", h("span", { translate: "no" }, q), answer.count ?? hits.length) : ""),
      hits.length
        ? h(
            "ol",
            { class: "results" },
            hits.map((hit) => {
              const href = hitHref(hit);
              return h(
                "li",
                {},
                h("a", { href }, zhText(hit.label)),
                hit.label_en && language() === "en" ? h("span", { lang: "en", class: "muted" }, ` ${hit.label_en}`) : null,
                " ",
                h("span", { class: `tag tag-${hit.type}` }, t("searchTypes")[hit.type] || hit.type),
              );
            }),
          )
        : q
          ? h("p", {}, t("noResults"))
          : null,
    ),
  };
}
