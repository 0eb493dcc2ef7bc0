// The place page's analytics: its peer group (GET /communities) and its gaps (GET /places/{code}/gaps),
// the programmes its peers run and it does not, each with the peers and the sentence that says so.
import { h, section, table } from "./dom.js";
import { t, zhText } from "./i18n.js";
import { documentHref, placeLink, programmeLink } from "./links.js";

const MEMBERS_SHOWN = 40;

/** Return the peer-group section: the community's defining programmes and its members. */
export function peerGroupSection(code, community, groups) {
  if (!community) return section("peer-group", t("peerGroup"), h("p", {}, t("noPeerGroup")));
  const group = groups.find((g) => g.id === community.id);
  const members = (group?.members || []).filter((m) => m.code !== code);
  return section(
    "peer-group",
    t("peerGroup"),
    h("p", { class: "muted small" }, t("peerGroupNote", community.size)),
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
    table(
      null,
      [t("programme"), t("peersRunning"), t("gapScore"), t("peersColumn"), t("evidence")],
      rows.map((gap) => [
        programmeLink(gap.programme),
        h("span", { class: "num" }, `${gap.peers_running} / ${peers}`),
        h("span", { class: "num" }, Number(gap.score).toFixed(2)),
        h("span", { class: "list" }, gap.peers.map((p, i) => [i ? "、" : "", placeLink(p.place)])),
        gapEvidence(gap.peers[0]),
      ]),
      { className: "data gaps" },
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
