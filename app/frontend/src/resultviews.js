// Query results drawn two more ways than a table: a chart (a line over years when one column holds
// years and another numbers, else bars for one label column and one number column) and a graph (rows that hold IRIs: each IRI a node, IRIs in the same row linked in column order).
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { h, svg } from "./dom.js";
import { t } from "./i18n.js";
import { hrefOfIri } from "./links.js";

cytoscape.use(fcose);

const BAR_LIMIT = 40;
const GRAPH_LIMIT = 300;
const isIri = (v) => typeof v === "string" && /^https?:\/\//.test(v);
const isNumber = (v) => typeof v === "number" || (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)));
const shortIri = (v) => v.replace(/^https:\/\/w3id\.org\/citykg\//, "").replace(/^.*[/#]/, (m) => (m.length > 40 ? "" : m));

/** Return {label, value} column indexes for a bar chart, or null when the columns do not allow one. */
export function chartColumns({ columns, rows }) {
  const filled = (i) => rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined);
  const kinds = columns.map((_, i) => {
    const values = filled(i);
    if (!values.length) return "empty";
    if (values.every(isNumber)) return "number";
    return values.every(isIri) ? "iri" : "text";
  });
  const value = kinds.indexOf("number");
  const label = kinds.indexOf("text") >= 0 ? kinds.indexOf("text") : kinds.indexOf("iri");
  return value >= 0 && label >= 0 ? { label, value } : null;
}

const LINE_SERIES = 8;
const isYear = (v) => isNumber(v) && Number.isInteger(Number(v)) && Number(v) >= 1900 && Number(v) <= 2100;

/** Return {year, value, series} column indexes for a line chart over years, or null (series may be -1). */
export function lineColumns({ columns, rows }) {
  const filled = (i) => rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined && v !== "");
  const year = columns.findIndex((_, i) => filled(i).length > 1 && filled(i).every(isYear));
  if (year < 0) return null;
  const value = columns.findIndex((_, i) => i !== year && filled(i).length && filled(i).every(isNumber));
  if (value < 0) return null;
  const series = columns.findIndex((_, i) => i !== year && i !== value && filled(i).length && !filled(i).every(isNumber));
  return { year, value, series };
}

/** Return an SVG line chart of a number by year, one line per value of the series column (the most frequent eight). */
export function lineChart(result) {
  const cols = lineColumns(result);
  const width = 720;
  const height = 300;
  const pad = { left: 56, right: 140, top: 12, bottom: 28 };
  const points = result.rows
    .filter((r) => isYear(r[cols.year]) && isNumber(r[cols.value]))
    .map((r) => ({ year: Number(r[cols.year]), value: Number(r[cols.value]), name: cols.series >= 0 ? String(r[cols.series] ?? "") : "" }));
  const counts = new Map();
  for (const p of points) counts.set(p.name, (counts.get(p.name) || 0) + 1);
  const names = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b)).slice(0, LINE_SERIES);
  const years = points.map((p) => p.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const top = Math.max(...points.map((p) => p.value), 0) || 1;
  const x = (year) => pad.left + ((year - first) / Math.max(1, last - first)) * (width - pad.left - pad.right);
  const y = (value) => height - pad.bottom - (Math.max(value, 0) / top) * (height - pad.top - pad.bottom);
  const labelOf = (v) => (isIri(v) ? shortIri(v) : v);
  const lines = names.map((name, i) => {
    const own = points.filter((p) => p.name === name).sort((a, b) => a.year - b.year);
    const end = own[own.length - 1];
    return svg(
      "g",
      { class: `line series-${i}` },
      svg("polyline", { points: own.map((p) => `${x(p.year)},${y(p.value)}`).join(" "), fill: "none" }),
      ...own.map((p) => svg("circle", { cx: x(p.year), cy: y(p.value), r: 3 }, svg("title", {}, `${labelOf(name) || p.year}: ${p.year}, ${p.value}`))),
      name ? svg("text", { x: x(end.year) + 6, y: y(end.value) + 4 }, labelOf(name).slice(0, 18)) : null,
    );
  });
  return h(
    "figure",
    { class: "result-chart" },
    svg(
      "svg",
      { class: "line-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-caption", "data-lines": names.length },
      svg("line", { class: "axis", x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }),
      svg("line", { class: "axis", x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }),
      svg("text", { class: "tick", x: pad.left, y: height - 8, "text-anchor": "middle" }, String(first)),
      svg("text", { class: "tick", x: x(last), y: height - 8, "text-anchor": "middle" }, String(last)),
      svg("text", { class: "tick", x: pad.left - 6, y: pad.top + 8, "text-anchor": "end" }, String(top)),
      svg("text", { class: "tick", x: pad.left - 6, y: height - pad.bottom, "text-anchor": "end" }, "0"),
      ...lines,
    ),
    h("figcaption", { id: "chart-caption", class: "muted small" }, t("chartCaption", result.columns[cols.year], result.columns[cols.value])),
  );
}

/** Return the chart the columns allow: a line over years, bars, or a note saying neither fits. */
export function resultChart(result) {
  return lineColumns(result) ? lineChart(result) : barChart(result);
}

/** Return an SVG bar chart of the first rows (label → number), or a note when the columns do not allow one. */
export function barChart(result) {
  const cols = chartColumns(result);
  if (!cols) return h("p", { class: "muted", id: "chart-unavailable" }, t("chartUnavailable"));
  const rows = result.rows.filter((r) => isNumber(r[cols.value])).slice(0, BAR_LIMIT);
  const values = rows.map((r) => Number(r[cols.value]));
  const top = Math.max(...values, 0) || 1;
  const labelWidth = 160;
  const width = 720;
  const bar = 20;
  const height = rows.length * (bar + 6) + 10;
  const scale = (v) => (Math.max(v, 0) / top) * (width - labelWidth - 70);
  const labelOf = (v) => (isIri(v) ? shortIri(v) : String(v ?? ""));
  return h(
    "figure",
    { class: "result-chart" },
    svg(
      "svg",
      { class: "bar-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-caption", "data-bars": rows.length },
      rows.map((r, i) => {
        const y = 5 + i * (bar + 6);
        const text = labelOf(r[cols.label]);
        return svg(
          "g",
          { class: "bar" },
          svg("title", {}, `${text}: ${r[cols.value]}`),
          svg("text", { x: labelWidth - 6, y: y + bar * 0.7, "text-anchor": "end" }, text.length > 18 ? `${text.slice(0, 17)}…` : text),
          svg("rect", { x: labelWidth, y, width: scale(values[i]), height: bar }),
          svg("text", { x: labelWidth + scale(values[i]) + 4, y: y + bar * 0.7 }, String(r[cols.value])),
        );
      }),
    ),
    h("figcaption", { id: "chart-caption", class: "muted small" }, t("chartCaption", result.columns[cols.label], result.columns[cols.value])),
  );
}

/** Return the graph elements of a result: IRIs as nodes (labelled by a text cell right after them), row links as edges. */
export function graphElements({ columns, rows }) {
  const nodes = new Map();
  const edges = new Map();
  for (const row of rows) {
    const iris = [];
    row.forEach((v, i) => {
      if (!isIri(v)) return;
      iris.push([i, v]);
      const next = row[i + 1];
      const label = typeof next === "string" && !isIri(next) && !isNumber(next) ? next : null;
      if (!nodes.has(v) || (label && nodes.get(v) === shortIri(v))) nodes.set(v, label || shortIri(v));
    });
    for (let k = 1; k < iris.length; k++) {
      const [, source] = iris[k - 1];
      const [j, target] = iris[k];
      if (source !== target) edges.set(`${source}|${columns[j]}|${target}`, { source, target, label: columns[j] });
    }
    if (nodes.size >= GRAPH_LIMIT) break;
  }
  return [
    ...[...nodes].map(([id, label]) => ({ group: "nodes", data: { id, label } })),
    ...[...edges].map(([id, e]) => ({ group: "edges", data: { id, ...e } })),
  ];
}

/** Return {node, mount(), destroy()} drawing the result as a graph, or a note when no cell is an IRI. */
export function resultGraph(result) {
  const elements = graphElements(result);
  if (!elements.length) return { node: h("p", { class: "muted", id: "graph-unavailable" }, t("graphUnavailable")), mount() {}, destroy() {} };
  const container = h("div", { class: "result-graph", id: "result-graph", role: "img", "aria-label": t("viewGraph") });
  let cy = null;
  return {
    node: container,
    mount() {
      cy = cytoscape({
        container,
        elements,
        style: [
          { selector: "node", style: { label: "data(label)", "font-size": 10, width: 16, height: 16, "background-color": "#1f6feb", "text-valign": "bottom", "text-wrap": "ellipsis", "text-max-width": 110 } },
          { selector: "edge", style: { width: 1.2, "line-color": "#9aa4b1", "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": "#9aa4b1", "arrow-scale": 0.7 } },
        ],
      });
      cy.layout({ name: "fcose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true, padding: 20 }).run();
      cy.on("dbltap", "node", (event) => {
        const href = hrefOfIri(event.target.id());
        if (href) window.location.hash = href;
      });
      window.__citykgResultGraph = cy; // for the browser tests
    },
    destroy() {
      if (cy) cy.destroy();
      delete window.__citykgResultGraph;
    },
  };
}

