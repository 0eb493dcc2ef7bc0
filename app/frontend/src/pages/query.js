// Query page (#/query?lang=sparql&q=...&view=table|chart|graph): a CodeMirror 6 editor for SPARQL (with
// prefix and term completion) and Cypher, the canned queries as examples, results as a table, a bar
// chart or a graph, CSV/JSON downloads and a URL that reproduces the query and the view.
// Tab is left to move focus out of the editor (keyboard users), so no indentWithTab.
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { HighlightStyle, StreamLanguage, bracketMatching, syntaxHighlighting } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { getJSON, listOf, runCanned, runCannedNext, runCypher, runSparql } from "../api.js";
import { h } from "../dom.js";
import { mixedText, language as uiLanguage, t, zhText } from "../i18n.js";
import { hrefOfIri } from "../links.js";
import { resultChart, resultGraph } from "../resultviews.js";
import { sparqlCompletion } from "../sparqlterms.js";

const LANGUAGES = {
  sparql: { name: "SPARQL", mode: StreamLanguage.define(sparql) },
  cypher: { name: "Cypher", mode: StreamLanguage.define(cypher) },
};

const DEFAULTS = {
  sparql: `PREFIX ck: <https://w3id.org/citykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?programme ?label (COUNT(DISTINCT ?place) AS ?places)
WHERE {
  ?place ck:runsProgramme ?programme .
  OPTIONAL { ?programme skos:prefLabel ?label . FILTER(lang(?label) = "zh") }
}
GROUP BY ?programme ?label
ORDER BY DESC(?places)
LIMIT 20`,
  cypher: `// Programmes by the number of places running them (the n10s-style mirror of the graph)
MATCH (p:Place)-[:RUNS_PROGRAMME]->(g:Programme)
RETURN g.label AS programme, g.uri AS iri, count(p) AS places, collect(p.label) AS names
ORDER BY places DESC, programme
LIMIT 20`,
};

// Colours chosen for at least 4.5:1 contrast on white.
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "#8f1d9e", fontWeight: "600" },
  { tag: [tags.variableName, tags.definition(tags.variableName)], color: "#005cc5" },
  { tag: [tags.string, tags.special(tags.string)], color: "#1a6e1a" },
  { tag: [tags.number, tags.bool, tags.atom], color: "#9a4d00" },
  { tag: tags.comment, color: "#6a737d", fontStyle: "italic" },
  { tag: [tags.url, tags.link], color: "#0b5c9e" },
  { tag: [tags.operator, tags.punctuation], color: "#444" },
  { tag: [tags.typeName, tags.meta, tags.standard(tags.variableName)], color: "#b31d28" },
]);

export async function renderQuery(params) {
  let lang = params.get("lang") === "cypher" ? "cypher" : "sparql";
  const initial = params.get("q");
  const canned = listOf(await getJSON("/queries").catch(() => []));
  let lastResult = null;
  let resultView = ["chart", "graph"].includes(params.get("view")) ? params.get("view") : "table";
  // Rows per page of a canned query's answer, when the link names it (?limit=20); else the server's.
  const pageRows = /^[1-9]\d{0,5}$/.test(params.get("limit") || "") ? Number(params.get("limit")) : null;
  let drawn = null; // the result graph on screen, destroyed before the next drawing
  let cannedNote = null; // the editor's note for a canned query run by name, while it is unedited

  const language = new Compartment();
  const status = h("p", { class: "query-status", role: "status", "aria-live": "polite" });
  const results = h("div", { class: "results-area", id: "results" });
  const downloads = h("div", { class: "button-row downloads", hidden: true });
  const editorHost = h("div", { class: "editor", id: "editor" });
  const examples = h("ul", { class: "examples plain" });
  const paramForm = h("form", { class: "param-form", id: "param-form", hidden: true });

  const tabs = Object.entries(LANGUAGES).map(([key, { name }]) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${key}`,
        "aria-controls": "query-panel",
        "aria-selected": String(key === lang),
        tabindex: key === lang ? "0" : "-1",
        onclick: () => switchTo(key, { keepText: false }),
        onkeydown: (event) => {
          if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
            event.preventDefault();
            const next = lang === "sparql" ? "cypher" : "sparql";
            switchTo(next, { keepText: false });
            document.getElementById(`tab-${next}`).focus();
          }
        },
      },
      name,
    ),
  );

  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: initial ?? DEFAULTS[lang],
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        syntaxHighlighting(highlight),
        placeholder("SELECT …"),
        sparqlCompletion(() => lang === "sparql"),
        language.of(LANGUAGES[lang].mode),
        keymap.of([
          { key: "Mod-Enter", run: () => (run(), true) },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ "aria-label": t("editorLabel", LANGUAGES[lang].name) }),
        EditorView.lineWrapping,
      ],
    }),
  });

  function switchTo(next, { keepText }) {
    if (next === lang) return;
    lang = next;
    for (const tab of tabs) {
      const selected = tab.id === `tab-${lang}`;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    view.dispatch({
      effects: language.reconfigure(LANGUAGES[lang].mode),
      changes: keepText ? undefined : { from: 0, to: view.state.doc.length, insert: DEFAULTS[lang] },
    });
    view.contentDOM.setAttribute("aria-label", t("editorLabel", LANGUAGES[lang].name));
    document.getElementById("query-panel")?.setAttribute("aria-labelledby", `tab-${lang}`);
    renderExamples();
    results.replaceChildren();
    downloads.hidden = true;
    status.textContent = "";
  }

  function renderExamples() {
    const mine = canned.filter((q) => (q.language || "sparql") === lang);
    if (!mine.length) {
      examples.replaceChildren(h("li", {}, t("noExamples")));
      return;
    }
    examples.replaceChildren(
      ...mine.map((q) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "link-button",
              "data-query": q.name,
              title: describe(q),
              onclick: () => useExample(q),
            },
            titleOf(q),
          ),
          describe(q) ? h("span", { class: "muted small" }, " ", mixedText(describe(q))) : null,
        ),
      ),
    );
  }

  async function useExample(q, given = {}) {
    // A canned query runs by name with the values of its form, so the server checks and binds them;
    // the editor shows its text, and editing that text turns it into an ordinary query.
    const text = q.text ?? "";
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    cannedNote = { note: text, q };
    renderForm(q, given);
    await runCannedForm();
  }

  function renderForm(q, given) {
    const declared = q.parameters || [];
    paramForm.hidden = !declared.length;
    paramForm.replaceChildren(
      h("p", { class: "small" }, h("strong", {}, titleOf(q))),
      ...declared.map((p) => paramField(p, given[p.name] ?? shortValue(p.default))),
      h("button", { type: "submit", class: "primary", id: "run-params" }, t("run")),
    );
    paramForm.onsubmit = (event) => {
      event.preventDefault();
      runCannedForm();
    };
  }

  async function runCannedForm() {
    const q = cannedNote?.q;
    if (!q) return;
    const values = {};
    for (const input of paramForm.querySelectorAll("input[name], select[name]")) values[input.name] = input.value.trim();
    const share = new URLSearchParams({ lang, example: q.name });
    for (const [name, value] of Object.entries(values)) share.set(`p.${name}`, value);
    // The server answers a page of rows (its default size unless the link asks for another, ?limit=)
    if (pageRows) share.set("limit", String(pageRows));
    const suffix = q.language === "cypher" ? ".cypher" : ".rq";
    const paged = pageRows ? { ...values, limit: pageRows } : values;
    await execute(() => runCanned(`${q.name}${suffix}`, paged), `#/query?${share}`);
  }

  async function run() {
    const text = view.state.doc.toString();
    if (!text.trim()) return;
    if (cannedNote && text === cannedNote.note) return runCannedForm();
    cannedNote = null;
    paramForm.hidden = true;
    const share = `#/query?${new URLSearchParams({ lang, q: text })}`;
    await execute(() => (lang === "cypher" ? runCypher(text) : runSparql(text)), share);
  }

  const viewButtons = ["table", "chart", "graph"].map((name) =>
    h(
      "button",
      {
        type: "button",
        id: `view-${name}`,
        "aria-pressed": String(name === resultView),
        onclick: () => {
          resultView = name;
          drawResult();
        },
      },
      t(`view${name[0].toUpperCase()}${name.slice(1)}`),
    ),
  );
  const viewSwitch = h("div", { class: "view-switch", role: "group", "aria-label": t("resultView"), hidden: true }, viewButtons);

  function drawResult() {
    if (drawn) drawn.destroy();
    drawn = null;
    for (const button of viewButtons) button.setAttribute("aria-pressed", String(button.id === `view-${resultView}`));
    const url = new URL(window.location.href);
    const hash = new URLSearchParams(url.hash.split("?")[1] || "");
    if (resultView === "table") hash.delete("view");
    else hash.set("view", resultView);
    history_replace(`#/query?${hash}`);
    viewSwitch.hidden = !lastResult;
    if (!lastResult) return;
    if (resultView === "chart") results.replaceChildren(resultChart(lastResult));
    else if (resultView === "graph") {
      drawn = resultGraph(lastResult);
      results.replaceChildren(drawn.node);
      drawn.mount();
    } else results.replaceChildren(resultTable(lastResult));
  }

  async function execute(call, share) {
    // Record the query in the URL without re-rendering the page, so it can be shared and reloaded.
    history_replace(share);
    status.textContent = t("running");
    results.setAttribute("aria-busy", "true");
    const started = performance.now();
    try {
      lastResult = await call();
      const elapsed = Math.round(performance.now() - started);
      showStatus(elapsed);
      drawResult();
      downloads.hidden = false;
    } catch (error) {
      lastResult = null;
      moreButton.hidden = true;
      viewSwitch.hidden = true;
      downloads.hidden = true;
      const message = error.status === 404 && lang === "cypher" ? t("cypherUnavailable") : error.message;
      status.textContent = "";
      results.replaceChildren(h("div", { class: "error", role: "alert" }, h("strong", {}, `${t("error")}: `), message));
    } finally {
      results.removeAttribute("aria-busy");
    }
  }

  function showStatus(elapsed) {
    // A canned query answers a page at a time: the rows shown so far, of how many when the server
    // counted them, and a button for the next page while there is one.
    const shown = lastResult.total !== null && lastResult.total !== undefined
      ? t("rowsOf", lastResult.rows.length, lastResult.total)
      : t("rows", lastResult.rows.length);
    const cut = lastResult.truncated && !lastResult.next ? ` · ${t("truncated")}` : "";
    status.textContent = `${shown} · ${t("ms", elapsed)}${cut}`;
    moreButton.hidden = !lastResult.next;
  }

  async function loadMore() {
    if (!lastResult?.next) return;
    moreButton.disabled = true;
    const started = performance.now();
    try {
      const page = await runCannedNext(lastResult.next);
      lastResult = { ...page, rows: [...lastResult.rows, ...page.rows] };
      showStatus(Math.round(performance.now() - started));
      drawResult();
    } catch (error) {
      results.append(h("div", { class: "error", role: "alert" }, h("strong", {}, `${t("error")}: `), error.message));
    } finally {
      moreButton.disabled = false;
    }
  }

  const moreButton = h("button", { type: "button", id: "more-rows", hidden: true, onclick: () => loadMore() }, t("moreRows"));

  const runButton = h("button", { type: "button", id: "run-query", class: "primary", onclick: () => run() }, t("run"));
  const shareButton = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        try {
          await navigator.clipboard.writeText(window.location.href);
          status.textContent = t("copied");
        } catch {
          status.textContent = window.location.href;
        }
      },
    },
    t("shareLink"),
  );
  downloads.append(
    h("button", { type: "button", id: "download-csv", onclick: () => download("csv") }, t("downloadCsv")),
    h("button", { type: "button", id: "download-json", onclick: () => download("json") }, t("downloadJson")),
  );

  function download(kind) {
    if (!lastResult) return;
    const body =
      kind === "csv" ? toCsv(lastResult) : JSON.stringify({ columns: lastResult.columns, rows: lastResult.rows }, null, 2);
    const blob = new Blob([kind === "csv" ? "\ufeff" + body : body], {
      type: kind === "csv" ? "text/csv;charset=utf-8" : "application/json",
    });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: `citykg-results.${kind}`, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  renderExamples();
  const node = h(
    "div",
    { class: "query-page" },
    h("h1", {}, t("queryTitle")),
    h(
      "div",
      { class: "query-layout" },
      h(
        "div",
        { class: "query-main" },
        h("div", { role: "tablist", "aria-label": t("queryTitle"), class: "tabs" }, tabs),
        h(
          "div",
          { role: "tabpanel", id: "query-panel", "aria-labelledby": `tab-${lang}` },
          paramForm,
          editorHost,
          h("div", { class: "button-row" }, runButton, h("span", { class: "muted small" }, t("runHint")), shareButton),
        ),
        status,
        downloads,
        viewSwitch,
        results,
        moreButton,
      ),
      h("aside", { class: "query-side", "aria-labelledby": "examples-h" }, h("h2", { id: "examples-h" }, t("examples")), examples),
    ),
  );

  const example = params.get("example");
  return {
    title: t("queryTitle"),
    node,
    mounted() {
      if (initial) run();
      else if (example) {
        const q = canned.find((c) => c.name === example && (c.language || "sparql") === lang);
        const given = {};
        for (const [key, value] of params) if (key.startsWith("p.")) given[key.slice(2)] = value;
        if (q) useExample(q, given);
      }
    },
    cleanup() {
      if (drawn) drawn.destroy();
      view.destroy();
    },
  };
}

function titleOf(q) {
  return uiLanguage() === "zh" && q.title_zh ? q.title_zh : q.title || q.name;
}

function describe(q) {
  return uiLanguage() === "zh" && q.description_zh ? q.description_zh : q.description || "";
}

/** Return a parameter's value as a person types it: a place by its code, a programme by its slug. */
function shortValue(value) {
  const match = /^https:\/\/w3id\.org\/citykg\/(?:place|programme)\/(.+)$/.exec(value || "");
  return match ? match[1] : value || "";
}

const KINDS = ["platform", "park", "facility", "event"];

/** Return a labelled input for one declared parameter; places, programmes and indicator names suggest as you type. */
function paramField(p, value) {
  const id = `param-${p.name}`;
  const label = h("label", { for: id }, uiLanguage() === "zh" ? p.label_zh : p.label_en);
  if (p.type === "kind") {
    const select = h(
      "select",
      { id, name: p.name },
      ...KINDS.map((kind) => h("option", { value: kind, selected: kind === value }, t("kinds")[kind] ?? kind)),
    );
    select.value = value;
    return h("div", { class: "param-field" }, label, select);
  }
  const listId = `${id}-options`;
  const input = h("input", { id, name: p.name, value, list: listId, autocomplete: "off", spellcheck: "false" });
  const options = h("datalist", { id: listId });
  // An indicator's name is the label most often asked for; suggest those for a label parameter.
  const wanted = p.type === "label" ? "indicator" : p.type;
  if (p.type === "place" || p.type === "programme" || p.type === "label") {
    let pending = 0;
    input.addEventListener("input", async () => {
      const q = input.value.trim();
      const mine = ++pending;
      if (!q || (/^[0-9a-z-]+$/.test(q) && q.length > 5)) return; // a code or slug typed in full
      const found = await getJSON("/search", { q, limit: 10 }).catch(() => ({ data: [] }));
      if (mine !== pending) return; // a newer keystroke has its own answer on the way
      options.replaceChildren(
        ...listOf(found)
          .filter((hit) => hit.type === wanted)
          .map((hit) => h("option", { value: p.type === "label" ? hit.label : hit.id }, hit.label_en && uiLanguage() === "en" ? `${hit.label} · ${hit.label_en}` : hit.label)),
      );
    });
  }
  return h("div", { class: "param-field" }, label, input, options);
}

function history_replace(hash) {
  // replaceState does not fire hashchange, so the page (and the editor) stay as they are.
  window.history.replaceState(null, "", hash);
}

/** Return the result as RFC 4180 CSV. */
export function toCsv({ columns, rows }) {
  const cell = (value) => {
    if (value === null || value === undefined) return "";
    const text = typeof value === "object" ? JSON.stringify(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.map(cell).join(","), ...rows.map((row) => row.map(cell).join(","))].join("\r\n") + "\r\n";
}

function resultTable({ columns, rows }) {
  const shown = rows.slice(0, 1000);
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "data results", translate: "no" },
      h("caption", { class: "sr-only" }, t("results")),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        shown.map((row) => h("tr", {}, row.map((value) => h("td", {}, cellView(value))))),
      ),
    ),
  );
}

function cellView(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  const href = hrefOfIri(text);
  if (href) return h("a", { href }, text.replace("https://w3id.org/citykg/", "ck:"));
  return zhText(text);
}
