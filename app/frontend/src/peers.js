// The place page's analytics: its peer group (GET /communities) and its gaps (GET /places/{code}/gaps),
// the programmes its peers run and it does not, each with the peers and the sentence that says so.
import { h, section } from "./dom.js";
import { t, zhText } from "./i18n.js";
import { documentHref, placeLink, programmeLink } from "./links.js";

const MEMBERS_SHOWN = 40;

/** Return the peer-group section: the community's defining programmes and its members. */
export function peerGroupSection(code, community, groups) {
  // The peer-groups map marks this place's group when it comes from here.
  const href = community ? `#/communities?group=${encodeURIComponent(community.id)}` : "#/communities";
  const seeAll = h("a", { href, id: "see-communities" }, t("seeCommunities"));
  if (!community) return section("peer-group", t("peerGroup"), h("p", {}, t("noPeerGroup"), " ", seeAll));
  const group = groups.find((g) => g.id === community.id);
  const members = (group?.members || []).filter((m) => m.code !== code);
  return section(
    "peer-group",
    t("peerGroup"),
    h("p", { class: "muted small" }, t("peerGroupNote", community.size), " ", seeAll),
    h("h3", {}, t("definingProgrammes")),
    h(
      "ul",
      { class: "chips", id: "peer-group-programmes" },
      (community.programmes || []).map((p) =>
        h("li", { title: t("shareOfMembers", Math.round(p.share * 100)) }, programmeLink(p)),
      ),
    ),
    h("h3", {}, t("members")),
    h(
      "ul",
      { class: "chips", id: "peer-group-members" },
      members.slice(0, MEMBERS_SHOWN).map((m) => h("li", {}, placeLink(m))),
      members.length > MEMBERS_SHOWN ? h("li", { class: "muted" }, `+${members.length - MEMBERS_SHOWN}`) : null,
    ),
  );
}

/** Return the gaps section: one row per programme the peers run, its peers and their first evidence. */
export function gapsSection(gaps) {
  const rows = gaps?.data || [];
  if (!rows.length) return section("gaps", t("gaps"), h("p", {}, t("noGaps")));
  const peers = gaps.peers?.length || 0;
  return section(
    "gaps",
    `${t("gaps")} (${gaps.count})`,
    h("p", { class: "muted small" }, t("gapsNote", peers)),
    gapsTable(rows, peers),
  );
}

/** Return the gaps as a table that stacks into labelled lines on a phone. */
function gapsTable(rows, peers) {
  const headers = [t("programme"), t("peersRunning"), t("gapScore"), t("peersColumn"), t("evidence")];
  const cell = (i, ...children) => h("td", { "data-label": headers[i] }, children);
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data gaps stackable" },
      h("thead", {}, h("tr", {}, headers.map((name) => h("th", { scope: "col" }, name)))),
      h(
        "tbody",
        {},
        rows.map((gap) =>
          h(
            "tr",
            {},
            cell(0, programmeLink(gap.programme)),
            cell(1, h("span", { class: "num" }, `${gap.peers_running} / ${peers}`)),
            cell(2, h("span", { class: "num" }, Number(gap.score).toFixed(2))),
            cell(3, h("span", { class: "list" }, gap.peers.map((p, i) => [i ? "、" : "", placeLink(p.place)]))),
            cell(4, gapEvidence(gap.peers[0])),
          ),
        ),
      ),
    ),
  );
}

function gapEvidence(peer) {
  const ev = peer?.evidence;
  if (!ev) return "";
  return h(
    "span",
    {},
    h("a", { href: documentHref(ev.document.id), class: "quote" }, zhText(`“${ev.quote}”`)),
    ev.year ? h("span", { class: "muted small" }, ` (${ev.year})`) : null,
  );
}
