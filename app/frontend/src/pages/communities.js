// Peer groups (#/communities): every community of places by programme portfolio on one map, each in its
// own colour, with the programmes that define it.
import { getAll, getJSON, listOf } from "../api.js";
import { h, section } from "../dom.js";
import { t } from "../i18n.js";

/** Render the page; `?group=ID` marks that group in the legend (the place page links here with its own). */
export async function renderCommunities(params) {
  const [communities, located, { communitiesMap }] = await Promise.all([
    getJSON("/communities"),
    getAll("/places").catch(() => []),
    import("../mapviews.js"),
  ]);
  const groups = listOf(communities);
  const map = groups.length ? communitiesMap(groups, new Map(located.map((p) => [p.code, p])), { current: params?.get("group") }) : null;
  return {
    title: t("communities"),
    node: h(
      "article",
      { class: "communities" },
      h("h1", {}, t("communities")),
      h("p", { class: "lede" }, t("communitiesIntro")),
      section("communities-map", t("communitiesMapTitle", groups.length), map || h("p", {}, t("none"))),
    ),
  };
}
