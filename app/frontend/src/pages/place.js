// Place page (#/place/{code}): programmes, metrics with evidence, agencies, projects, similar places,
// its peer group and the programmes its peers run and it does not (gaps).
import { getJSON, listOf } from "../api.js";
import { h, section, table } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { labelOf, t, zhText } from "../i18n.js";
import { documentHref, graphHref, hrefOfIri, placeIri, placeLink, programmeHref, programmeLink } from "../links.js";
import { numberView } from "../numbers.js";
import { gapsSection, peerGroupSection } from "../peers.js";
import { kinReasons } from "../reasons.js";

export async function renderPlace(code) {
  const [place, similar, gaps, communities] = await Promise.all([
    getJSON(`/places/${encodeURIComponent(code)}`),
    getJSON(`/places/${encodeURIComponent(code)}/similar`, { limit: 10 }).catch(() => ({ data: [] })),
    getJSON(`/places/${encodeURIComponent(code)}/gaps`, { limit: 20 }).catch(() => null),
    getJSON("/communities").catch(() => ({ data: [] })),
  ]);
  const levels = t("levels");
  return {
    title: place.name,
    node: h(
      "article",
      { class: "entity place" },
      h(
        "nav",
        { "aria-label": labelOf("上级行政区", "Ancestors"), class: "breadcrumbs" },
        h("ol", {}, (place.ancestors || []).map((a) => h("li", {}, a.level === "country" ? zhText(a.name) : placeLink(a)))),
      ),
      h("h1", { lang: "zh-CN", translate: "no" }, place.name),
      h(
        "p",
        { class: "meta" },
        h("span", {}, `${levels[place.level] || place.level || ""}`),
        h("span", {}, ` · ${place.code}`),
        place.latitude !== null && place.latitude !== undefined
          ? h("span", {}, ` · ${t("coordinates", place.latitude.toFixed(2), place.longitude.toFixed(2))}`)
          : null,
        " · ",
        h("a", { href: graphHref(placeIri(place.code)) }, t("openGraph")),
      ),
      section(
        "programmes",
        `${t("programmes")} (${place.programmes?.length || 0})`,
        place.programmes?.length
          ? h(
              "ul",
              { class: "chips" },
              place.programmes.map((p) =>
                h(
                  "li",
                  {},
                  h("a", { href: programmeHref(p.slug), title: p.label_en || null }, zhText(labelOf(p.label, p.label_en))),
                  p.in_scheme === false ? h("span", { class: "muted" }, ` (${t("discovered")})`) : null,
                ),
              ),
            )
          : h("p", {}, t("none")),
      ),
      section(
        "metrics",
        `${t("metrics")} (${place.metrics?.length || 0})`,
        place.metrics?.length ? [h("p", { class: "muted small" }, t("latestFirst")), metricsTable(place.metrics)]
          : h("p", {}, t("none")),
      ),
      h(
        "div",
        { class: "two-col" },
        section(
          "agencies",
          `${t("agencies")} (${place.agencies?.length || 0})`,
          entityList(place.agencies),
        ),
        section(
          "projects",
          `${t("projects")} (${place.projects?.length || 0})`,
          entityList(place.projects, (p) => t("kinds")[p.kind] ?? p.kind),
        ),
      ),
      section("similar", t("similarPlaces"), similarTable(listOf(similar))),
      gapsSection(gaps),
      peerGroupSection(place.code, place.community, listOf(communities)),
      place.documents?.length
        ? section(
            "docs",
            t("documents"),
            h(
              "ul",
              { class: "plain" },
              place.documents.map((d) => h("li", {}, h("a", { href: documentHref(d.id) }, zhText(d.title || d.name)))),
            ),
          )
        : null,
    ),
  };
}

function qualifierText(qualifier) {
  if (!qualifier || qualifier === "=") return "";
  const names = t("qualifiers");
  return names[qualifier] ?? qualifier;
}

/** Return the indicator groups of a place's metrics: the most recent year first within a group. */
function metricGroups(metrics) {
  const groups = new Map();
  for (const m of metrics) {
    const key = m.indicator_iri || m.indicator;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(m);
  }
  const byYear = (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || (a.qualifier === "target") - (b.qualifier === "target");
  return [...groups.values()].map((rows) => rows.sort(byYear));
}

/** Return the metrics table: one row group per indicator, its name heading the group. */
function metricsTable(metrics) {
  const headers = [t("value"), t("year"), t("qualifier"), t("evidence")];
  const cell = (label, ...children) => h("td", { "data-label": label }, children);
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data metrics stackable" },
      h("thead", {}, h("tr", {}, [t("indicator"), ...headers].map((name) => h("th", { scope: "col" }, name)))),
      metricGroups(metrics).map((rows) =>
        h(
          "tbody",
          { class: "metric-group" },
          rows.map((m, i) =>
            h(
              "tr",
              { class: m.qualifier === "target" ? "target-row" : null },
              i === 0
                ? h(
                    "th",
                    { scope: "rowgroup", rowspan: rows.length, class: "group-head" },
                    m.indicator_iri ? h("a", { href: hrefOfIri(m.indicator_iri) }, zhText(m.indicator)) : zhText(m.indicator),
                  )
                : null,
              cell(headers[0], numberView(m.value, m.unit || "")),
              cell(headers[1], m.year ?? "—"),
              cell(headers[2], qualifierText(m.qualifier)),
              cell(headers[3], evidenceList(m.evidence)),
            ),
          ),
        ),
      ),
    ),
  );
}

function entityList(items, extra) {
  if (!items?.length) return h("p", {}, t("none"));
  return h(
    "ul",
    { class: "plain" },
    items.map((item) =>
      h(
        "li",
        {},
        h("a", { href: hrefOfIri(item.iri) || graphHref(item.iri) }, zhText(item.name)),
        extra && extra(item) ? h("span", { class: "tag" }, extra(item)) : null,
        item.evidence?.[0]?.quote ? h("details", {}, h("summary", {}, t("evidence")), evidenceList(item.evidence)) : null,
      ),
    ),
  );
}

function similarTable(rows) {
  if (!rows.length) return h("p", {}, t("none"));
  const relation = (r) => t("relations")[r] || r;
  return table(
    null,
    [t("place"), t("score"), t("shared"), t("kin"), t("why")],
    rows.map((r) => [
      placeLink(r.place),
      h("span", { class: "num" }, Number(r.score).toFixed(2)),
      h("span", { class: "list" }, (r.shared || []).map((p, i) => [i ? "、" : "", programmeLink(p)])),
      h(
        "span",
        { class: "list" },
        (r.kin || []).map((k, i) => [
          i ? "；" : "",
          programmeLink(k.mine),
          ` ↔ `,
          programmeLink(k.theirs),
          h("span", { class: "muted" }, ` (${relation(k.relation)})`),
        ]),
      ),
      kinReasons(r),
    ]),
  );
}
