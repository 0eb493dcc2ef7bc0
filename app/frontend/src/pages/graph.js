// Graph explorer (#/graph?node=IRI): a Cytoscape.js view that grows from one entity; clicking a node
// fetches its neighbours (GET /graph?node=IRI&depth=1) and adds them; types can be hidden.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { getJSON, listOf } from "../api.js";
import { h } from "../dom.js";
import { t, zhText } from "../i18n.js";
import { graphHref, hrefOfIri, placeIri } from "../links.js";
import { pathsPanel } from "./graphpaths.js";

const TYPES = ["Place", "Programme", "Agency", "Project", "Indicator", "Policy", "Document"];
const COLOURS = {
  Place: "#1f6feb",
  Programme: "#b35900",
  Agency: "#2e7d32",
  Project: "#7b3fa0",
  Indicator: "#00796b",
  Policy: "#a4262c",
  Document: "#5c5c5c",
};
const NODE_LIMIT = 400;

cytoscape.use(fcose);

/** Return the IRI of the place with the most programmes in the loaded graph (the API's first place). */
async function mostConnectedPlace() {
  const places = listOf(await getJSON("/places", { limit: 1 }));
  return places.length ? placeIri(places[0].code) : null;
}

/**
 * Hide the labels that would overlap a label already kept, keeping those of the best connected nodes:
 * a greedy pass in model coordinates, where label boxes scale with the zoom, so it holds at any zoom.
 */
function declutterLabels(cy) {
  const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const nodes = cy
    .nodes()
    .not(".hidden")
    .sort((a, b) => b.degree() - a.degree() || a.id().localeCompare(b.id()));
  cy.batch(() => nodes.removeClass("label-hidden"));
  const labelBox = (n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
  const dots = nodes.map((n) => [n.id(), n.boundingBox({ includeLabels: false, includeEdges: false })]);
  // A kept label covers neither another kept label nor another node's dot.
  const kept = [];
  const hide = [];
  nodes.forEach((n) => {
    const box = labelBox(n);
    const clash = kept.some((other) => overlaps(box, other)) || dots.some(([id, dot]) => id !== n.id() && overlaps(box, dot));
    if (clash) hide.push(n);
    else kept.push(box);
  });
  cy.batch(() => hide.forEach((n) => n.addClass("label-hidden")));
}

export async function renderGraph(params) {
  const start = params.get("node") || (await mostConnectedPlace());
  if (!start) throw new Error(t("none"));
  const first = await getJSON("/graph", { node: start, depth: 1 });
  const typeNames = t("types");
  const hidden = new Set();
  const expanded = new Set([start]);

  const container = h("div", {
    class: "cy",
    role: "img",
    "aria-label": t("graphTitle"),
    "data-testid": "graph-canvas",
  });
  const status = h("p", { class: "graph-status", role: "status", "aria-live": "polite" });
  const nodeSelect = h("select", { id: "graph-nodes", size: 12 });
  const checkboxes = TYPES.map((type) =>
    h(
      "label",
      { class: "type-toggle" },
      h("input", {
        type: "checkbox",
        checked: true,
        value: type,
        onchange: (event) => {
          if (event.target.checked) hidden.delete(type);
          else hidden.add(type);
          applyFilter();
        },
      }),
      h("span", { class: "swatch", style: `background:${COLOURS[type]}`, "aria-hidden": "true" }),
      typeNames[type],
    ),
  );

  const startInput = h("input", { type: "search", id: "graph-start", placeholder: t("searchPlaceholder"), autocomplete: "off" });
  const startResults = h("ul", { class: "plain start-results", "aria-live": "polite" });
  const startForm = h(
    "form",
    {
      class: "search",
      role: "search",
      onsubmit: async (event) => {
        event.preventDefault();
        const q = startInput.value.trim();
        if (!q) return;
        const hits = listOf(await getJSON("/search", { q, limit: 10 }));
        startResults.replaceChildren(
          ...hits.map((hit) => {
            const iri = hitIri(hit);
            return h("li", {}, iri ? h("a", { href: graphHref(iri) }, zhText(hit.label)) : zhText(hit.label));
          }),
        );
        if (!hits.length) startResults.replaceChildren(h("li", {}, t("noResults")));
      },
    },
    h("label", { for: "graph-start" }, t("graphStartLabel")),
    h("div", { class: "search-row" }, startInput, h("button", { type: "submit" }, t("search"))),
  );

  const node = h(
    "div",
    { class: "graph-page" },
    h("h1", {}, t("graphTitle")),
    h("p", { class: "muted" }, t("graphHelp")),
    h(
      "div",
      { class: "graph-layout" },
      h(
        "div",
        { class: "graph-side" },
        startForm,
        startResults,
        h("fieldset", { class: "types" }, h("legend", {}, t("filterTypes")), checkboxes),
        h("label", { for: "graph-nodes" }, t("nodeList")),
        nodeSelect,
        h(
          "div",
          { class: "button-row" },
          h("button", { type: "button", id: "graph-expand", onclick: () => nodeSelect.value && expand(nodeSelect.value) }, t("expand")),
          h("button", { type: "button", id: "graph-open", onclick: () => nodeSelect.value && open(nodeSelect.value) }, t("open")),
        ),
        h(
          "div",
          { class: "button-row" },
          h("button", { type: "button", onclick: () => layout() }, t("relayout")),
          h("button", { type: "button", onclick: () => cy.fit(undefined, 30) }, t("fit")),
        ),
        pathsPanel({ fromNode, iriOfHit: hitIri, draw: drawPaths }),
      ),
      h("div", { class: "graph-main" }, status, container),
    ),
  );

  let cy;

  function elementsOf(answer) {
    const nodes = (answer.nodes || []).map((n) => ({
      group: "nodes",
      data: { id: n.id, label: n.label || n.id.split("/").pop(), type: n.type, colour: COLOURS[n.type] || "#777" },
    }));
    const edges = (answer.edges || []).map((e) => ({
      group: "edges",
      data: { id: `${e.source}|${e.type}|${e.target}`, source: e.source, target: e.target, label: e.type },
    }));
    return [...nodes, ...edges];
  }

  function add(answer) {
    const fresh = elementsOf(answer).filter((el) => cy.getElementById(el.data.id).empty());
    // Edges need both ends present; the API sends them together, but guard anyway.
    const ids = new Set([...cy.nodes().map((n) => n.id()), ...fresh.filter((e) => e.group === "nodes").map((e) => e.data.id)]);
    const usable = fresh.filter((el) => el.group === "nodes" || (ids.has(el.data.source) && ids.has(el.data.target)));
    cy.add(usable);
    return usable.length;
  }

  function layout({ randomize = true } = {}) {
    const visible = cy.elements().not(".hidden");
    // fcose treats each node as the box of its dot and label, so labels get room; a fixed seed keeps it repeatable.
    visible
      .layout({
        name: "fcose",
        quality: "default",
        animate: false,
        randomize,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 70,
        nodeSeparation: 60,
        packComponents: true,
        padding: 30,
        fit: true,
      })
      .run();
    declutterLabels(cy);
  }

  function applyFilter() {
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass("hidden", hidden.has(n.data("type")) && n.id() !== start);
      });
      cy.edges().forEach((e) => e.toggleClass("hidden", e.source().hasClass("hidden") || e.target().hasClass("hidden")));
    });
    declutterLabels(cy);
    refreshList();
  }

  function refreshList() {
    const current = nodeSelect.value;
    const nodes = cy
      .nodes()
      .not(".hidden")
      .sort((a, b) => a.data("type").localeCompare(b.data("type")) || a.data("label").localeCompare(b.data("label"), "zh"));
    nodeSelect.replaceChildren(
      ...nodes.map((n) =>
        h("option", { value: n.id(), selected: n.id() === current, translate: "no" }, `${n.data("label")} · ${typeNames[n.data("type")] || n.data("type")}${expanded.has(n.id()) ? " ✓" : ""}`),
      ),
    );
    status.textContent = t("nodesEdges", cy.nodes().not(".hidden").length, cy.edges().not(".hidden").length);
  }

  async function expand(iri) {
    const target = cy.getElementById(iri);
    cy.elements().unselect();
    target.select();
    if (expanded.has(iri)) return;
    if (cy.nodes().length >= NODE_LIMIT) {
      status.textContent = `${t("truncated")} (${NODE_LIMIT})`;
      return;
    }
    expanded.add(iri);
    target.addClass("expanded");
    container.setAttribute("aria-busy", "true");
    try {
      const answer = await getJSON("/graph", { node: iri, depth: 1 });
      const before = cy.nodes().map((n) => n.id());
      const added = add(answer);
      if (added) {
        // Place the newcomers around the expanded node, then settle everything with cose.
        const pos = target.position();
        const newcomers = cy.nodes().filter((n) => !before.includes(n.id()));
        newcomers.forEach((n, i) => {
          const angle = (2 * Math.PI * i) / Math.max(1, newcomers.length);
          n.position({ x: pos.x + 80 * Math.cos(angle), y: pos.y + 80 * Math.sin(angle) });
        });
        applyFilter();
        layout({ randomize: false });
      } else {
        refreshList();
      }
    } finally {
      container.removeAttribute("aria-busy");
    }
  }

  function fromNode() {
    const id = nodeSelect.value || start;
    return { id, label: cy.getElementById(id).data("label") || id };
  }

  function drawPaths(answer) {
    // The paths' nodes and edges join the graph (edges keyed as /graph keys them) and are highlighted.
    const nodes = answer.data.flatMap((p) => p.nodes);
    const edges = answer.data.flatMap((p) => p.edges).map((e) => ({ source: e.source, target: e.target, type: e.predicate }));
    add({ nodes, edges });
    cy.elements().removeClass("path");
    for (const n of nodes) cy.getElementById(n.id).addClass("path").removeClass("hidden");
    for (const e of edges) cy.getElementById(`${e.source}|${e.type}|${e.target}`).addClass("path").removeClass("hidden");
    refreshList();
    layout({ randomize: false });
  }

  function open(iri) {
    const href = hrefOfIri(iri);
    if (href && !href.startsWith("#/graph")) window.location.hash = href;
    else window.location.hash = graphHref(iri);
  }

  return {
    title: t("graphTitle"),
    node,
    mounted() {
      cy = cytoscape({
        container,
        elements: elementsOf(first),
        minZoom: 0.1,
        maxZoom: 4,
        style: [
          {
            selector: "node",
            style: {
              "background-color": "data(colour)",
              label: "data(label)",
              "font-size": 10,
              "font-family": "sans-serif",
              "text-valign": "bottom",
              "text-margin-y": 3,
              "text-wrap": "ellipsis",
              "text-max-width": 110,
              // Labels disappear when zoomed far out, so a few hundred nodes stay readable.
              "min-zoomed-font-size": 7,
              width: 18,
              height: 18,
              color: "#1d1d1f",
              "text-background-color": "#fff",
              "text-background-opacity": 0.7,
              "text-background-padding": 1,
            },
          },
          { selector: "node.label-hidden", style: { "text-opacity": 0, "text-background-opacity": 0 } },
          { selector: "node.label-hidden:selected, node.label-hidden.hover", style: { "text-opacity": 1, "text-background-opacity": 0.9, "z-index": 10 } },
          { selector: "node.expanded", style: { "border-width": 3, "border-color": "#1d1d1f" } },
          { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffb000" } },
          { selector: `node[id = "${start.replace(/"/g, '\\"')}"]`, style: { width: 28, height: 28 } },
          {
            selector: "edge",
            style: {
              width: 1.2,
              "line-color": "#9aa4b1",
              "curve-style": "bezier",
              "target-arrow-shape": "triangle",
              "target-arrow-color": "#9aa4b1",
              "arrow-scale": 0.7,
            },
          },
          { selector: "node.path", style: { "border-width": 3, "border-color": "#d1242f" } },
          { selector: "edge.path", style: { width: 3, "line-color": "#d1242f", "target-arrow-color": "#d1242f" } },
          { selector: ".hidden", style: { display: "none" } },
        ],
      });
      cy.getElementById(start).addClass("expanded");
      cy.on("tap", "node", (event) => {
        nodeSelect.value = event.target.id();
        expand(event.target.id());
      });
      cy.on("dbltap", "node", (event) => open(event.target.id()));
      cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
      cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));
      nodeSelect.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && nodeSelect.value) {
          event.preventDefault();
          expand(nodeSelect.value);
        }
      });
      nodeSelect.addEventListener("change", () => {
        cy.elements().unselect();
        cy.getElementById(nodeSelect.value).select();
      });
      layout();
      refreshList();
      window.__citykgGraph = cy; // for the browser tests and curious users
    },
    cleanup() {
      if (cy) cy.destroy();
      delete window.__citykgGraph;
    },
  };
}

function hitIri(hit) {
  if (hit.iri) return hit.iri;
  if (hit.type === "place") return placeIri(hit.id);
  if (hit.type === "programme") return `https://w3id.org/citykg/programme/${hit.id}`;
  if (typeof hit.url === "string" && hit.url.startsWith("/graph")) return new URLSearchParams(hit.url.split("?")[1]).get("node");
  return typeof hit.id === "string" && hit.id.startsWith("http") ? hit.id : null;
}
