// Two readings of the choropleth: an indicator's latest values on a sequential ramp, and the peer groups
// (GET /communities) one colour each. Loaded with the outlines, lazily, by the pages that show them.
import { choropleth } from "./choropleth.js";
import { categoricalScale, sequentialScale } from "./colours.js";
import { h } from "./dom.js";
import { t, zhText } from "./i18n.js";
import { placeLink, programmeLink } from "./links.js";
import { formatNumber, numberView } from "./numbers.js";

/**
 * Return the map of an indicator's latest achieved values (`rows` as GET /indicators/{slug} ranks them),
 * or null when no place can be drawn. Only the commonest unit is shaded, as one ramp cannot compare 个 with
 * %; places measured in another unit are named under the map. `located` maps codes to places with
 * coordinates (for districts, drawn as dots).
 */
export function indicatorMap(rows, located) {
  if (!rows?.length) return null;
  const unit = rows[0].unit || "";
  const mapped = rows.filter((r) => (r.unit || "") === unit);
  const others = rows.filter((r) => (r.unit || "") !== unit);
  const scale = sequentialScale(mapped.map((r) => r.value));
  const places = mapped.map((r) => ({
    ...located.get(r.place.code),
    code: r.place.code,
    name: r.place.name,
    value: r.value,
    title: t("valueTitle", r.place.name, formatNumber(r.value, unit), r.year),
  }));
  const legend = h(
    "div",
    { class: "map-legend", "data-testid": "map-legend", "data-unit": unit },
    h("span", { class: "legend-title" }, unit ? t("valueIn", zhText(unit)) : t("value")),
    h(
      "span",
      { class: "ramp-row" },
      numberView(scale.min, unit),
      h("span", { class: "ramp", style: `background:linear-gradient(to right,${scale.stops.join(",")})`, "aria-hidden": "true" }),
      numberView(scale.max, unit),
    ),
    scale.log ? h("span", { class: "muted" }, t("logScale")) : null,
    h("span", {}, h("span", { class: "swatch no-value", "aria-hidden": "true" }), t("noValue")),
    others.length
      ? h("span", { class: "muted" }, `${t("otherUnits")}: `, others.map((r, i) => [i ? t("listSep") : "", placeLink(r.place)]))
      : null,
  );
  return choropleth(places, { caption: t("valueMapCaption"), fillOf: (p) => scale.colourOf(p.value), legend });
}

/**
 * Return the map of the peer groups (`groups` from GET /communities), one colour per group, with a legend
 * naming each group's defining programmes (the group whose id is `current` marked); null when no member can
 * be drawn. The country is no place on a map of China's parts and is left off.
 */
export function communitiesMap(groups, located, { current } = {}) {
  const colourOf = categoricalScale(groups.map((g) => g.id));
  const places = groups.flatMap((g) =>
    g.members
      .filter((m) => located.get(m.code)?.level !== "country")
      .map((m) => ({ ...located.get(m.code), code: m.code, name: m.name, group: g.id, title: `${m.name} · ${t("groupName", g.id)}` })),
  );
  const legend = h(
    "ol",
    { class: "map-legend groups", "data-testid": "map-legend" },
    groups.map((g) =>
      h(
        "li",
        { "data-community": g.id, "data-fill": colourOf(g.id), "aria-current": String(g.id) === current ? "true" : null },
        h("span", { class: "swatch", style: `background:${colourOf(g.id)}`, "aria-hidden": "true" }),
        h("strong", {}, t("groupName", g.id)),
        ` ${t("groupSize", g.size)}: `,
        g.programmes?.length
          ? g.programmes.map((p, i) => [i ? t("listSep") : "", programmeLink(p)])
          : t("none"),
      ),
    ),
  );
  return choropleth(places, { caption: t("communitiesCaption"), fillOf: (p) => colourOf(p.group), legend });
}
