// The diffusion curve of a programme: cumulative places by the year each was first seen running it.
import { h, svg } from "./dom.js";
import { t } from "./i18n.js";

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 36, right: 16, top: 14, bottom: 28 };

/** Return [{year, added, total}] for the places with a first year, one entry per year, in order. */
export function diffusionPoints(places) {
  const counts = new Map();
  for (const p of places) if (Number.isInteger(p.first_year)) counts.set(p.first_year, (counts.get(p.first_year) || 0) + 1);
  let total = 0;
  return [...counts.keys()].sort((a, b) => a - b).map((year) => ({ year, added: counts.get(year), total: (total += counts.get(year)) }));
}

/** Return a figure with the step curve and one marked point per adoption year, or null without dated places. */
export function diffusionChart(places) {
  const points = diffusionPoints(places);
  if (!points.length) return null;
  const undated = places.length - points[points.length - 1].total;
  const first = points[0].year - 1;
  const last = points[points.length - 1].year + 1;
  const top = Math.max(1, points[points.length - 1].total);
  const x = (year) => PAD.left + ((year - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (n) => HEIGHT - PAD.bottom - (n / top) * (HEIGHT - PAD.top - PAD.bottom);
  let d = `M${x(first)},${y(0)}`;
  for (const p of points) d += `H${x(p.year)}V${y(p.total)}`;
  d += `H${x(last)}`;
  const ticks = points.length > 8 ? points.filter((_, i) => i % Math.ceil(points.length / 8) === 0) : points;
  return h(
    "figure",
    { class: "diffusion", "data-testid": "diffusion" },
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "diffusion-caption" },
      svg("line", { x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0), class: "axis" }),
      svg("line", { x1: PAD.left, y1: y(0), x2: PAD.left, y2: PAD.top, class: "axis" }),
      svg("text", { x: PAD.left - 6, y: y(top) + 4, class: "tick", "text-anchor": "end" }, String(top)),
      svg("text", { x: PAD.left - 6, y: y(0) + 4, class: "tick", "text-anchor": "end" }, "0"),
      ticks.map((p) => svg("text", { x: x(p.year), y: HEIGHT - 8, class: "tick", "text-anchor": "middle" }, String(p.year))),
      svg("path", { d, class: "curve" }),
      points.map((p) =>
        svg(
          "circle",
          { cx: x(p.year), cy: y(p.total), r: 4, class: "point", "data-year": p.year },
          svg("title", {}, t("diffusionPoint", p.year, p.added, p.total)),
        ),
      ),
    ),
    h("figcaption", { id: "diffusion-caption" }, t("diffusionCaption"), undated ? ` ${t("undated", undated)}` : ""),
  );
}
