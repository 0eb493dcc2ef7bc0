// Evidence: the sentence a fact was read from, with a link to that sentence in its document.
import { append, h } from "./dom.js";
import { t, zhText } from "./i18n.js";
import { documentHref } from "./links.js";

/** Return a blockquote-ish element for one Evidence, the mention emphasised, linking into the document. */
export function evidenceView(evidence) {
  if (!evidence) return null;
  const quote = evidence.quote || "";
  const doc = evidence.document || {};
  const span =
    evidence.sentence_start !== undefined && evidence.sentence_start !== null
      ? { start: evidence.sentence_start, end: evidence.sentence_end }
      : { start: evidence.start, end: evidence.end };
  return h(
    "div",
    { class: "evidence" },
    h("q", { lang: "zh-CN", translate: "no" }, markMention(quote, evidence)),
    doc.id
      ? h(
          "a",
          {
            href: documentHref(doc.id, span),
            class: "evidence-link",
            title: doc.title || doc.name || doc.id,
          },
          t("inDocument"),
        )
      : null,
  );
}

function markMention(quote, evidence) {
  const { start, end, sentence_start: s } = evidence;
  if ([start, end, s].some((n) => n === undefined || n === null)) return quote;
  const a = start - s;
  const b = end - s;
  if (a < 0 || b > quote.length || a >= b) return quote;
  return [quote.slice(0, a), h("mark", {}, quote.slice(a, b)), quote.slice(b)];
}

/** Return the evidence of a fact, or a dash; past `max` the rest is drawn only when its disclosure is opened.
 * `total` is how many sentences state it when the API sent only the first ones: the list then says so. */
export function evidenceList(list, { max = Infinity, total = 0 } = {}) {
  if (!list || list.length === 0) return "—";
  const note = total > list.length ? h("p", { class: "muted small evidence-total" }, t("evidenceShown", list.length, total)) : null;
  if (list.length <= max) return h("div", { class: "evidence-list" }, list.map(evidenceView), note);
  const rest = h("details", {
    ontoggle: (event) => {
      if (event.target.open && event.target.children.length === 1) append(event.target, list.slice(max).map(evidenceView));
    },
  }, h("summary", {}, t("moreEvidence", list.length - max)));
  return h("div", { class: "evidence-list" }, list.slice(0, max).map(evidenceView), rest, note);
}

export { zhText };
