// Completion for the SPARQL editor: the ontology's prefixes (a PREFIX line is added when a prefixed name
// needs one) and the class and property names the graph declares or uses, read once through /sparql.
import { autocompletion } from "@codemirror/autocomplete";
import { runSparql } from "./api.js";

// ontology/citykg.ttl's prefixes.
export const PREFIXES = {
  ck: "https://w3id.org/citykg/ontology#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  org: "http://www.w3.org/ns/org#",
  schema: "https://schema.org/",
  qb: "http://purl.org/linked-data/cube#",
  dct: "http://purl.org/dc/terms/",
  owl: "http://www.w3.org/2002/07/owl#",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
};

const TERMS_QUERY = `PREFIX owl: <${PREFIXES.owl}>
PREFIX rdf: <${PREFIXES.rdf}>
PREFIX rdfs: <${PREFIXES.rdfs}>
SELECT DISTINCT ?term ?kind WHERE {
  { GRAPH ?g { ?term a ?kind } FILTER(?kind IN (owl:Class, owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty)) }
  UNION { GRAPH ?g { ?s ?term ?o } BIND(rdf:Property AS ?kind) }
  UNION { GRAPH ?g { ?s a ?term } BIND(rdfs:Class AS ?kind) }
} LIMIT 5000`;

let termsPromise = null;

/** Return (once) {prefix: [{name, kind}]}: the graph's classes and properties under the known prefixes. */
function loadTerms() {
  termsPromise ??= runSparql(TERMS_QUERY)
    .then(({ rows }) => {
      const byPrefix = {};
      for (const [term, kind] of rows) {
        const prefix = Object.keys(PREFIXES).find((p) => term?.startsWith(PREFIXES[p]));
        if (!prefix) continue;
        const name = term.slice(PREFIXES[prefix].length);
        if (!/^[A-Za-z_][\w-]*$/.test(name)) continue;
        const isClass = kind.endsWith("Class");
        const entries = (byPrefix[prefix] ??= new Map());
        if (!entries.has(name) || isClass) entries.set(name, isClass ? "class" : "property");
      }
      return Object.fromEntries(Object.entries(byPrefix).map(([p, m]) => [p, [...m].map(([name, type]) => ({ name, type }))]));
    })
    .catch(() => {
      termsPromise = null; // try again on the next completion
      return {};
    });
  return termsPromise;
}

/** Return the change that declares `prefix` at the top of the query, or [] when it is declared already. */
function declaration(doc, prefix) {
  const declared = new RegExp(`^\\s*PREFIX\\s+${prefix}:`, "im").test(doc);
  return declared ? [] : [{ from: 0, insert: `PREFIX ${prefix}: <${PREFIXES[prefix]}>\n` }];
}

function withPrefix(prefix, label, type, detail) {
  return {
    label,
    type,
    detail,
    apply(view, _completion, from, to) {
      view.dispatch({ changes: [...declaration(view.state.doc.toString(), prefix), { from, to, insert: label }] });
    },
  };
}

/** Return completions at the cursor: prefix declarations after PREFIX, prefixed names, or prefixes. */
export async function sparqlCompletions(context) {
  const declaring = context.matchBefore(/PREFIX\s+[\w-]*$/i);
  if (declaring) {
    const from = declaring.from + declaring.text.search(/\S*$/);
    return {
      from,
      options: Object.entries(PREFIXES).map(([p, iri]) => ({ label: `${p}: <${iri}>`, type: "namespace" })),
    };
  }
  const prefixed = context.matchBefore(/\b([a-z][\w-]*):[\w-]*$/i);
  if (prefixed) {
    const prefix = prefixed.text.split(":")[0];
    if (!PREFIXES[prefix]) return null;
    const terms = (await loadTerms())[prefix] || [];
    return {
      from: prefixed.from,
      options: terms.map((term) => withPrefix(prefix, `${prefix}:${term.name}`, term.type, term.type === "class" ? "class" : "")),
      validFor: /^[\w-]*:[\w-]*$/,
    };
  }
  const word = context.matchBefore(/(?<![?$<"\w])[a-z]+$/i);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  return {
    from: word.from,
    options: Object.keys(PREFIXES).map((p) => ({ label: `${p}:`, type: "namespace", detail: PREFIXES[p], boost: p === "ck" ? 1 : 0 })),
  };
}

/** Return the editor extension: completion from `sparqlCompletions` while `active()` says SPARQL is on. */
export function sparqlCompletion(active) {
  return autocompletion({ override: [(context) => (active() ? sparqlCompletions(context) : null)], activateOnTyping: true });
}
