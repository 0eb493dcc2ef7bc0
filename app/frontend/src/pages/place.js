// Place page (#/place/{code}): programmes, metrics with evidence, agencies, projects, similar places.
import { getJSON, listOf } from "../api.js";
import { h, section, table } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { labelOf, t, zhText } from "../i18n.js";
import { documentHref, graphHref, hrefOfIri, placeIri, placeLink, programmeHref, programmeLink } from "../links.js";



export async function renderPlace(code) {
  const [place, similar] = await Promise.all([
    getJSON(`/places/${encodeURIComponent(code)}`),
    getJSON(`/places/${encodeURIComponent(code)}/similar`, { limit: 10 }).catch(() => ({ data: [] })),
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
      h("h1", { lang: "zh-CN" }, place.name),
      h(
        "p",
        { class: "meta" },
        h("span", {}, `${levels[place.level] || place.level || ""}`),
        h("span", {}, ` · ${place.code}`),
        place.latitude !== null && place.latitude !== undefined
          ? h("span", {}, ` · ${place.latitude.toFixed(2)}°N ${place.longitude.toFixed(2)}°E`)
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
        place.metrics?.length
          ? table(
              null,
              [t("indicator"), t("value"), t("unit"), t("year"), t("qualifier"), t("evidence")],
              place.metrics.map((m) => [
                m.indicator_iri ? h("a", { href: hrefOfIri(m.indicator_iri) }, zhText(m.indicator)) : zhText(m.indicator),
                h("span", { class: "num" }, formatValue(m.value)),
                zhText(m.unit || ""),
                m.year ?? "",
                qualifierText(m.qualifier),
                evidenceList(m.evidence),
              ]),
              { className: "data metrics" },
            )
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
          entityList(place.projects, (p) => p.kind),
        ),
      ),
      section("similar", t("similarPlaces"), similarTable(listOf(similar))),
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

function formatValue(value) {
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 4 }).replace(/,/g, "");
  return String(value ?? "");
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
  const relation = (r) => ({ related: t("related"), broader: t("broader"), narrower: t("narrower") })[r] || r;
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
      zhText(r.explanation || ""),
    ]),
  );
}
