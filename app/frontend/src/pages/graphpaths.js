// The graph explorer's "Paths to…": pick a second entity by search, ask GET /paths from the selected
// node to it, draw the paths into the graph and list every edge with the sentences it was read from.
import { getJSON, listOf } from "../api.js";
import { h } from "../dom.js";
import { t, zhText } from "../i18n.js";
import { documentHref, hrefOfIri } from "../links.js";

const MAX_HOPS = 4;

/**
 * Return the panel's node. `fromNode()` gives the current start ({id, label}); `iriOfHit(hit)` the IRI of
 * a search hit; `draw(answer)` adds the paths' nodes and edges to the graph and highlights them.
 */
export function pathsPanel({ fromNode, iriOfHit, draw }) {
  const input = h("input", { type: "search", id: "paths-target", autocomplete: "off", placeholder: t("searchPlaceholder") });
  const from = h("p", { class: "small", id: "paths-from" });
  const hits = h("ul", { class: "plain start-results", id: "paths-hits", "aria-live": "polite" });
  const status = h("p", { class: "small", role: "status", id: "paths-status" });
  const found = h("ol", { class: "paths-list", id: "paths-list" });

  async function search(event) {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const start = fromNode();
    from.replaceChildren(...t("pathsFrom", zhText(start.label)));
    const answer = listOf(await getJSON("/search", { q, limit: 8 }));
    hits.replaceChildren(
      ...answer
        .map((hit) => [hit, iriOfHit(hit)])
        .filter(([, iri]) => iri && iri !== start.id)
        .map(([hit, iri]) =>
          h("li", {}, h("button", { type: "button", class: "link-button", "data-iri": iri, onclick: () => connect(start, iri) }, zhText(hit.label))),
        ),
    );
    if (!hits.children.length) hits.replaceChildren(h("li", {}, t("noResults")));
  }

  async function connect(start, target) {
    status.textContent = t("loading");
    found.replaceChildren();
    const answer = await getJSON("/paths", { from: start.id, to: target, max: MAX_HOPS, limit: 5 });
    hits.replaceChildren();
    if (!answer.data.length) {
      status.textContent = t("noPaths", MAX_HOPS);
      return;
    }
    status.textContent = t("pathsFound", answer.count, answer.hops);
    draw(answer);
    found.replaceChildren(...answer.data.map(pathItem));
  }

  return h(
    "form",
    { class: "search paths-panel", onsubmit: search },
    h("h2", { class: "small-heading" }, t("pathsTo")),
    h("label", { for: "paths-target" }, t("pathsToLabel")),
    h("div", { class: "search-row" }, input, h("button", { type: "submit" }, t("search"))),
    from,
    hits,
    status,
    found,
  );
}

function pathItem(path) {
  const label = new Map(path.nodes.map((n) => [n.id, n.label]));
  const nodeLink = (id) => {
    const href = hrefOfIri(id);
    return href ? h("a", { href }, zhText(label.get(id) || id)) : zhText(label.get(id) || id);
  };
  return h(
    "li",
    { class: "path" },
    h("p", {}, path.nodes.map((n, i) => [i ? " — " : "", nodeLink(n.id)])),
    h(
      "ul",
      { class: "plain path-edges" },
      path.edges.map((e) =>
        h(
          "li",
          {},
          nodeLink(e.source),
          h("span", { class: "muted", translate: "no" }, ` ${e.predicate} → `),
          nodeLink(e.target),
          e.evidence.slice(0, 1).map((ev) =>
            h(
              "blockquote",
              { class: "evidence small" },
              ev.document ? h("a", { href: documentHref(ev.document.id) }, zhText(ev.sentence || ev.quote)) : zhText(ev.quote),
            ),
          ),
        ),
      ),
    ),
  );
}
