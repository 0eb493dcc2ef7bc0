// Why two places or programmes are alike, said in the interface language from the API's structured answer
// (the API's `explanation` is Chinese only). Names stay data (zhText) inside the translated sentence.
import { h } from "./dom.js";
import { t, zhText } from "./i18n.js";

const name = (p) => zhText(p?.label || p?.name || p?.slug || "");
const joined = (items) => items.map((item, i) => [i ? t("listSep") : "", name(item)]);

/** Return the reasons a similar place is similar: the programmes both run, then each kin pair. */
export function kinReasons(row) {
  const parts = [];
  if (row.shared?.length) parts.push(t("reasonShared", joined(row.shared)));
  for (const k of row.kin || []) {
    parts.push(t("reasonKin", name(k.mine), name(k.theirs), t("relations")[k.relation] || k.relation));
  }
  return h("span", { class: "reasons" }, parts.map((part, i) => [i ? t("reasonSep") : "", part]));
}

/** Return the reasons a programme is like another: places running both, and its kinship in the scheme. */
export function programmeReasons(row) {
  const parts = [];
  const places = row.co_places || [];
  if (places.length) parts.push(t("reasonCoPlaces", places.length, joined(places)));
  if (row.relation) parts.push(t("reasonScheme", t("relations")[row.relation] || row.relation));
  return h("span", { class: "reasons" }, parts.map((part, i) => [i ? t("reasonSep") : "", part]));
}
