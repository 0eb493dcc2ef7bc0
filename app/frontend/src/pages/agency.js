// Agency and project pages (#/agency/{code}/{slug}, #/project/{code}/{slug}): where it is, the sentences
// that name it, and the programmes, agencies and projects those sentences also name.
import { getJSON } from "../api.js";
import { h, section } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { t, zhText } from "../i18n.js";
import { entityLink, graphHref, placeLink, programmeLink } from "../links.js";

export function renderAgency(code, slug) {
  return renderLocated("agency", `/agencies/${encodeURIComponent(code)}/${encodeURIComponent(slug)}`);
}

export function renderProject(code, slug) {
  return renderLocated("project", `/projects/${encodeURIComponent(code)}/${encodeURIComponent(slug)}`);
}

async function renderLocated(kind, path) {
  const entity = await getJSON(path);
  const named = entity.named_with || {};
  const kindName = kind === "project" && entity.kind ? t("kinds")[entity.kind] ?? entity.kind : null;
  return {
    title: entity.name,
    node: h(
      "article",
      { class: `entity ${kind}`, "data-kind": kind },
      h("p", { class: "eyebrow" }, t(kind), kindName ? h("span", { class: "tag", "data-testid": "project-kind" }, kindName) : null),
      h("h1", { lang: "zh-CN", translate: "no" }, entity.name),
      h(
        "dl",
        { class: "meta-list" },
        h("dt", {}, t("location")),
        h("dd", { "data-testid": "entity-place" }, entity.place ? placeLink(entity.place) : "—"),
        entity.aliases?.length ? [h("dt", {}, t("aliases")), h("dd", {}, zhText(entity.aliases.join("、")))] : null,
      ),
      h("p", { class: "meta" }, h("a", { href: graphHref(entity.iri) }, t("openGraph"))),
      // The API answers the first 20 sentences and how many there are (evidence_count).
      section("evidence", `${t("evidence")} (${entity.evidence_count ?? entity.evidence?.length ?? 0})`, evidenceList(entity.evidence, { max: 20 })),
      section(
        "named-with",
        t("namedWith"),
        h("p", { class: "muted small" }, t("namedWithHelp")),
        namedWith(named),
      ),
    ),
  };
}

/** Return the programmes, agencies and projects named with an entity, as labelled lists. */
function namedWith(named) {
  const groups = [
    ["programmes", named.programmes, programmeLink],
    ["agencies", named.agencies, (a) => entityLink(a.iri, a.name)],
    ["projects", named.projects, (p) => entityLink(p.iri, p.name)],
  ].filter(([, items]) => items?.length);
  if (!groups.length) return h("p", {}, t("none"));
  return h(
    "dl",
    { class: "kin" },
    groups.map(([key, items, link]) => [
      h("dt", {}, t(key)),
      h("dd", { "data-testid": `named-${key}` }, items.map((item, i) => [i ? t("listSep") : "", link(item)])),
    ]),
  );
}
