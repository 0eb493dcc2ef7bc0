// An offline map: places plotted by latitude/longitude as an SVG scatter (no tiles, no network).
import { h, svg } from "./dom.js";
import { t } from "./i18n.js";
import { placeHref } from "./links.js";

const WIDTH = 480;
const HEIGHT = 360;
const PAD = 28;

/** Return a figure with one linked dot per place that has coordinates, or null when none has. */
export function placeMap(places) {
  const located = places.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  if (located.length === 0) return null;
  const lats = located.map((p) => p.latitude);
  const lons = located.map((p) => p.longitude);
  // Equirectangular with the longitude scaled by cos(mid-latitude), padded so single points still fit.
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const x0 = Math.min(...lons) * k - 1;
  const x1 = Math.max(...lons) * k + 1;
  const y0 = Math.min(...lats) - 1;
  const y1 = Math.max(...lats) + 1;
  const scale = Math.min((WIDTH - 2 * PAD) / (x1 - x0), (HEIGHT - 2 * PAD) / (y1 - y0));
  const ox = (WIDTH - (x1 - x0) * scale) / 2;
  const oy = (HEIGHT - (y1 - y0) * scale) / 2;
  const project = (p) => [ox + (p.longitude * k - x0) * scale, HEIGHT - (oy + (p.latitude - y0) * scale)];
  const maxProgrammes = Math.max(1, ...located.map((p) => p.programmes || 0));
  const sorted = [...located].sort((a, b) => (b.programmes || 0) - (a.programmes || 0));
  const dots = sorted.map((p) => {
    const [x, y] = project(p);
    const r = 3 + 7 * Math.sqrt((p.programmes || 0) / maxProgrammes);
    const labelled = p.level !== "district" || sorted.length < 12;
    return svg(
      "a",
      { href: placeHref(p.code), class: "map-dot", "aria-label": p.name },
      svg("title", {}, `${p.name} (${p.programmes || 0})`),
      svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
      labelled ? svg("text", { x: (x + r + 2).toFixed(1), y: (y + 4).toFixed(1), lang: "zh-CN", translate: "no" }, p.name) : null,
    );
  });
  return h(
    "figure",
    { class: "map" },
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group", "aria-labelledby": "map-caption" },
      svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "map-bg" }),
      dots,
    ),
    h("figcaption", { id: "map-caption" }, t("mapCaption")),
  );
}
