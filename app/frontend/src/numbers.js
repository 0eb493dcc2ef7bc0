// Numbers as readers expect them: 11.4亿元 and 4.86万个 in Chinese, 1,140,000,000 in English; exact on hover.
import { h } from "./dom.js";
import { language } from "./i18n.js";

const SCALES = [
  [1e12, "万亿"],
  [1e8, "亿"],
  [1e4, "万"],
];
// Shares and rates keep their digits: 12.8% is not 0.00128万%.
const UNSCALED = new Set(["%", "‰", "个百分点", "PFlops", "EFlops", "年", "倍"]);

/** Return the exact digits of a number ("1140000000", "12.8"), never in exponent notation. */
export function exactDigits(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return String(value ?? "");
  return value.toLocaleString("en-US", { maximumFractionDigits: 6, useGrouping: false });
}

/**
 * Return a number written for the interface language: formatNumber(1140000000, "元", "zh") === "11.4亿元",
 * formatNumber(48600, "个", "zh") === "4.86万个", formatNumber(8210, "个", "zh") === "8210个",
 * formatNumber(1140000000, "元", "en") === "1,140,000,000 元".
 */
export function formatNumber(value, unit = "", lang = language()) {
  if (typeof value !== "number" || !Number.isFinite(value)) return `${value ?? ""}${unit || ""}`;
  const u = unit || "";
  if (lang === "en") {
    const digits = value.toLocaleString("en-US", { maximumFractionDigits: 4 });
    return u ? `${digits} ${u}` : digits;
  }
  // A unit that already carries a scale (万人, 亿元) is left as the text wrote it.
  const scaled = !UNSCALED.has(u) && !/^[万亿]/.test(u);
  const scale = scaled ? SCALES.find(([size]) => Math.abs(value) >= size) : null;
  if (!scale) return `${exactDigits(value)}${u}`;
  const [size, name] = scale;
  const short = Number((value / size).toPrecision(4));
  return `${exactDigits(short)}${name}${u}`;
}

/** Return a span with the formatted number, the exact value in its title (shown on hover). */
export function numberView(value, unit = "") {
  const text = formatNumber(value, unit);
  const exact = `${exactDigits(value)}${unit ? ` ${unit}` : ""}`;
  return h("span", { class: "num", title: exact, "data-exact": exactDigits(value), translate: "no" }, text);
}
