// The citykg single-page front end: a hash router over the pages in ./pages.
import "./style.css";
import { h } from "./dom.js";
import { language, setLanguage, t } from "./i18n.js";
import { renderHome, renderSearch } from "./pages/home.js";
import { renderPlace } from "./pages/place.js";
import { renderProgramme } from "./pages/programme.js";
import { renderDocument, renderDocuments } from "./pages/document.js";
import { renderAgency, renderProject } from "./pages/agency.js";
import { renderPolicy } from "./pages/policy.js";
import { renderIndicator } from "./pages/indicator.js";
import { renderCommunities } from "./pages/communities.js";

const main = document.getElementById("main");
const nav = document.getElementById("site-nav");
const langButton = document.getElementById("lang-switch");
const skipLink = document.getElementById("skip-link");

// The graph explorer and query page carry the big libraries; load them only when visited.
const lazy = {
  graph: () => import("./pages/graph.js").then((m) => m.renderGraph),
  query: () => import("./pages/query.js").then((m) => m.renderQuery),
};

const ROUTES = [
  [/^$/, () => renderHome],
  [/^search$/, () => renderSearch],
  [/^place\/([^/]+)$/, () => renderPlace],
  [/^programme\/([^/]+)$/, () => renderProgramme],
  [/^agency\/([^/]+)\/([^/]+)$/, () => renderAgency],
  [/^project\/([^/]+)\/([^/]+)$/, () => renderProject],
  [/^policy\/([^/]+)$/, () => renderPolicy],
  [/^indicator\/([^/]+)$/, () => renderIndicator],
  [/^communities$/, () => renderCommunities],
  [/^documents$/, () => renderDocuments],
  [/^document\/([^/]+)$/, () => renderDocument],
  [/^graph$/, lazy.graph],
  [/^query$/, lazy.query],
];

let cleanup = null;
let generation = 0;

/** Return {path, params} of the current hash route ("#/place/321000?x=1"). */
export function currentRoute() {
  const hash = window.location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  return { path: decodeURI(path), params: new URLSearchParams(query) };
}

function renderChrome() {
  skipLink.textContent = t("skip");
  nav.setAttribute("aria-label", t("nav"));
  const { path } = currentRoute();
  const items = [
    ["#/", t("home"), path === ""],
    ["#/documents", t("documents"), path.startsWith("document")],
    ["#/communities", t("communities"), path === "communities"],
    ["#/graph", t("graph"), path === "graph"],
    ["#/query", t("query"), path === "query"],
  ];
  nav.replaceChildren(
    h(
      "ul",
      {},
      items.map(([href, label, current]) =>
        h("li", {}, h("a", { href, "aria-current": current ? "page" : null }, label)),
      ),
    ),
  );
  langButton.textContent = t("switchTo");
  langButton.setAttribute("aria-label", t("switchLabel"));
  langButton.lang = language() === "zh" ? "en" : "zh-CN";
  // The switch names the other language in that language, as language pickers do.
  langButton.translate = false;
}

/** Take the interface language from the URL (?hl=zh|en) when it names one, so shared links keep it. */
function languageFromUrl() {
  const wanted = currentRoute().params.get("hl");
  if ((wanted === "zh" || wanted === "en") && wanted !== language()) setLanguage(wanted);
}

/** Write the interface language into the URL (?hl=…) without a new history entry or a re-render. */
function languageIntoUrl() {
  const [path, query = ""] = (window.location.hash || "#/").split("?");
  const params = new URLSearchParams(query);
  if (params.get("hl") === language()) return;
  params.set("hl", language());
  window.history.replaceState(null, "", `${path}?${params}`);
}

async function route({ focus = true } = {}) {
  const mine = ++generation;
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  languageFromUrl();
  languageIntoUrl();
  renderChrome();
  const { path, params } = currentRoute();
  const match = ROUTES.map(([re, load]) => [path.match(re), load]).find(([m]) => m);
  main.replaceChildren(h("p", { class: "loading", role: "status" }, t("loading")));
  main.setAttribute("aria-busy", "true");
  try {
    if (!match) throw Object.assign(new Error(path), { status: 404 });
    const [m, load] = match;
    const render = await load();
    const args = m.slice(1).map(decodeURIComponent);
    const page = await render(...args, params);
    if (mine !== generation) return page?.cleanup?.();
    main.replaceChildren(page.node || page);
    cleanup = page.cleanup || null;
    page.mounted?.();
    document.title = page.title ? `${page.title} · citykg` : `citykg · ${t("siteTitle")}`;
  } catch (error) {
    if (mine !== generation) return;
    main.replaceChildren(errorView(error));
    document.title = `${t("error")} · citykg`;
  } finally {
    if (mine === generation) main.removeAttribute("aria-busy");
  }
  if (mine === generation && focus && !params.has("start")) {
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    const heading = main.querySelector("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }
}

function errorView(error) {
  const status = error.status;
  return h(
    "div",
    { class: "error", role: "alert" },
    h("h1", {}, status === 404 ? t("notFound") : t("error")),
    h("p", {}, String(error.message || error)),
    h("p", {}, h("a", { href: "#/" }, t("home"))),
  );
}

langButton.addEventListener("click", () => {
  setLanguage(language() === "zh" ? "en" : "zh");
  languageIntoUrl();
  route({ focus: false });
  langButton.focus();
});

skipLink.addEventListener("click", (event) => {
  // The fragment is the router's; move focus without touching it.
  event.preventDefault();
  main.focus();
});

window.addEventListener("hashchange", () => route());
setLanguage(language());
route({ focus: false });
