// Policy page (#/policy/{slug}): its issuers, the documents citing it (with the citing sentence) and their places.
import { getJSON } from "../api.js";
import { h, section, table } from "../dom.js";
import { evidenceList } from "../evidence.js";
import { t, zhText } from "../i18n.js";
import { documentHref, graphHref, placeLink } from "../links.js";
import { pager } from "../pager.js";

export async function renderPolicy(slug, params = new URLSearchParams()) {
  const path = `/policies/${encodeURIComponent(slug)}`;
  // A page of the citing documents and how many there are; the rest a page at a time (?limit=20 sets its size).
  const size = /^[1-9]\d{0,3}$/.test(params.get("limit") || "") ? Number(params.get("limit")) : null;
  const policy = await getJSON(path, { limit: size });
  const more = async (offset) => (await getJSON(path, { limit: size, offset })).documents;
  return {
    title: policy.title,
    node: h(
      "article",
      { class: "entity policy" },
      h("p", { class: "eyebrow" }, t("policy")),
      h("h1", { lang: "zh-CN", translate: "no" }, `《${policy.title}》`),
      h(
        "dl",
        { class: "meta-list" },
        h("dt", {}, t("issuers")),
        h("dd", {}, policy.issuers?.length ? zhText(policy.issuers.join("、")) : "—"),
        policy.aliases?.length ? [h("dt", {}, t("aliases")), h("dd", {}, zhText(policy.aliases.join("、")))] : null,
      ),
      h("p", { class: "meta" }, h("a", { href: graphHref(policy.iri) }, t("openGraph"))),
      section(
        "citing-places",
        `${t("citingPlaces")} (${policy.places?.length || 0})`,
        h("p", { class: "muted small" }, t("citingPlacesHelp")),
        policy.places?.length
          ? h(
              "ul",
              { class: "inline" },
              policy.places.map((p) => h("li", {}, placeLink(p), h("span", { class: "muted" }, ` ${p.documents}`))),
            )
          : h("p", {}, t("none")),
      ),
      section(
        "citing-documents",
        `${t("citingDocuments")} (${policy.documents_count ?? 0})`,
        policy.documents?.length ? documentsTable(policy.documents, policy.documents_count, more) : h("p", {}, t("none")),
      ),
    ),
  };
}

const SHOWN = 50;

/** Return the citing documents' table: the first rows at once, the rest on request (a plan may be cited by thousands). */
function documentsTable(first, total, more) {
  const documents = [...first];
  const rowsOf = (list) =>
    list.map((d) => [h("a", { href: documentHref(d.id) }, zhText(d.title || d.name)), d.date || "—", evidenceList(d.evidence, { max: 2 })]);
  const drawn = Math.min(SHOWN, documents.length);
  const wrap = table(null, [t("document"), t("date"), t("evidence")], rowsOf(documents.slice(0, drawn)), { className: "data stackable" });
  const body = wrap.querySelector("tbody");
  const draw = (list) => body.append(...rowsOf(list).map((cells) => h("tr", {}, cells.map((cell) => h("td", {}, cell)))));
  return h("div", {}, wrap, pager(documents, { drawn, total, more, draw }));
}
