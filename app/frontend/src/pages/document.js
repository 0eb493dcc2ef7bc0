// Document page (#/document/{id}?start=&end=): the cleaned text with every extracted fact highlighted
// and typed; a highlight links to its entity. Documents list (#/documents).
import { getAll, getJSON } from "../api.js";
import { h, section, table } from "../dom.js";
import { t, zhText } from "../i18n.js";
import { documentHref, hrefOfTarget, placeLink } from "../links.js";

const TYPES = ["place", "programme", "agency", "project", "metric", "policy"];

export async function renderDocuments() {
  const documents = await getAll("/documents");
  return {
    title: t("documents"),
    node: h(
      "div",
      {},
      h("h1", {}, t("documentsList")),
      table(
        null,
        [t("title"), t("date"), t("subjectPlaces"), t("facts")],
        documents.map((d) => [
          h("a", { href: documentHref(d.id) }, zhText(d.title || d.name)),
          d.date || "",
          h("span", {}, (d.subject_places || []).map((p, i) => [i ? "、" : "", placeLink(p)])),
          h("span", { class: "num" }, String(d.facts ?? "")),
        ]),
      ),
    ),
  };
}

export async function renderDocument(id, params) {
  const doc = await getJSON(`/documents/${encodeURIComponent(id)}`);
  const text = doc.text || "";
  const facts = (doc.facts || []).filter((f) => f.end > f.start && f.start >= 0 && f.end <= text.length);
  const target = rangeParam(params, text.length);
  const body = highlightedText(text, facts, target);
  const typeNames = t("factTypes");
  const counts = Object.fromEntries(TYPES.map((type) => [type, facts.filter((f) => f.type === type).length]));
  return {
    title: doc.title || doc.name,
    node: h(
      "article",
      { class: "entity document" },
      h("h1", { lang: "zh-CN", translate: "no" }, doc.title || doc.name),
      h(
        "dl",
        { class: "meta-list" },
        [
          [t("date"), doc.date],
          [t("source"), doc.source],
          [t("document"), doc.name],
        ]
          .filter(([, v]) => v)
          .map(([k, v]) => [h("dt", {}, k), h("dd", { translate: "no" }, v)]),
      ),
      h(
        "section",
        { "aria-labelledby": "text-h", class: "panel" },
        h("h2", { id: "text-h" }, t("text")),
        h(
          "ul",
          { class: "legend", "aria-label": t("legend") },
          TYPES.filter((type) => counts[type]).map((type) =>
            h("li", {}, h("span", { class: `fact fact-${type}` }, typeNames[type]), ` ${counts[type]}`),
          ),
        ),
        h("div", { class: "doc-text", lang: "zh-CN", translate: "no" }, body),
      ),
      section(
        "fact-list",
        `${t("factList")} (${facts.length})`,
        table(
          null,
          [t("kind"), t("mention"), t("name"), t("inDocument")],
          facts.map((f) => [
            h("span", { class: `fact fact-${f.type}` }, typeNames[f.type] || f.type),
            zhText(text.slice(f.start, f.end)),
            factLink(f, f.label),
            h("a", { href: documentHref(id, { start: f.start, end: f.end }) }, `${f.start}–${f.end}`),
          ]),
        ),
      ),
    ),
    mounted() {
      const first = document.querySelector(".doc-text .target");
      if (first) {
        first.tabIndex = -1;
        first.scrollIntoView({ block: "center" });
        first.focus({ preventScroll: true });
      }
    },
  };
}

function rangeParam(params, length) {
  const start = Number.parseInt(params?.get("start") ?? "", 10);
  const end = Number.parseInt(params?.get("end") ?? "", 10);
  if (!Number.isFinite(start) || start < 0 || start >= length) return null;
  return { start, end: Number.isFinite(end) && end > start ? Math.min(end, length) : start + 1 };
}

function factHref(fact) {
  const target = fact.target || {};
  return hrefOfTarget(target.type || fact.type, target.id);
}

function factLink(fact, text) {
  const href = factHref(fact);
  return href ? h("a", { href }, zhText(text)) : zhText(text);
}

/**
 * Return the text as nodes: split at every fact (and target range) boundary; each piece is covered by
 * zero or more facts and links to the innermost (shortest) one, coloured by its type; outer facts show
 * as an underline so nested mentions (扬州市 inside 扬州市数据局) stay visible and clickable.
 */
function highlightedText(text, facts, target) {
  const cuts = new Set([0, text.length]);
  for (const f of facts) {
    cuts.add(f.start);
    cuts.add(f.end);
  }
  if (target) {
    cuts.add(target.start);
    cuts.add(target.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const typeNames = t("factTypes");
  const nodes = [];
  let startIndex = 0;
  const sorted = [...facts].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    while (startIndex < sorted.length && sorted[startIndex].end <= a) startIndex++;
    const covering = [];
    for (let j = startIndex; j < sorted.length && sorted[j].start <= a; j++) {
      if (sorted[j].end >= b) covering.push(sorted[j]);
    }
    const piece = text.slice(a, b);
    let node;
    if (covering.length === 0) {
      node = document.createTextNode(piece);
    } else {
      covering.sort((x, y) => x.end - x.start - (y.end - y.start));
      const inner = covering[0];
      const outer = covering.slice(1).map((f) => `outer-${f.type}`);
      const label = covering.map((f) => `${typeNames[f.type] || f.type}: ${f.label}`).join("; ");
      const href = factHref(inner);
      const attrs = {
        class: ["fact", `fact-${inner.type}`, ...outer].join(" "),
        title: label,
        dataset: { type: inner.type, start: String(inner.start), end: String(inner.end) },
      };
      node = href ? h("a", { ...attrs, href, "aria-label": `${piece} (${label})` }, piece) : h("mark", attrs, piece);
    }
    if (target && a >= target.start && b <= target.end) node = h("span", { class: "target" }, node);
    nodes.push(node);
  }
  return nodes;
}
