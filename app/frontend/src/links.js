// Client routes (hash URLs, so they never collide with API paths) for entities and their IRIs.
import { h } from "./dom.js";
import { zhText } from "./i18n.js";

const BASE = "https://w3id.org/citykg/";

export const placeHref = (code) => `#/place/${encodeURIComponent(code)}`;
export const programmeHref = (slug) => `#/programme/${encodeURIComponent(slug)}`;
export const graphHref = (iri) => `#/graph?node=${encodeURIComponent(iri)}`;
/** Return the page of an agency, project, policy or indicator from its IRI's path after the base ("agency/321000/x"). */
const entityHref = (kind, rest) => `#/${kind}/${rest.map(encodeURIComponent).join("/")}`;

/** Return the link to a document, optionally to a span of it (start/end offsets into its cleaned text). */
export function documentHref(id, span) {
  const base = `#/document/${encodeURIComponent(id)}`;
  if (!span || span.start === undefined || span.start === null) return base;
  const params = new URLSearchParams({ start: span.start, end: span.end ?? span.start });
  return `${base}?${params}`;
}

/** Return the client route of an entity IRI: its page, or the graph explorer centred on it. */
export function hrefOfIri(iri) {
  if (typeof iri !== "string" || !iri.startsWith(BASE)) return null;
  const [kind, ...rest] = iri.slice(BASE.length).split("/");
  if (rest.length === 1 && kind === "place") return placeHref(rest[0]);
  if (rest.length === 1 && kind === "programme") return programmeHref(rest[0]);
  if (rest.length === 1 && kind === "document") return documentHref(rest[0]);
  if (rest.length === 2 && (kind === "agency" || kind === "project")) return entityHref(kind, rest);
  if (rest.length === 1 && (kind === "policy" || kind === "indicator")) return entityHref(kind, rest);
  if (["agency", "project", "policy", "indicator", "place", "programme"].includes(kind)) return graphHref(iri);
  return null;
}

/** Return the client route for a search hit or fact target ({type, id}). */
export function hrefOfTarget(type, id) {
  if (type === "place") return placeHref(id);
  if (type === "programme") return programmeHref(id);
  if (type === "document") return documentHref(id);
  if (typeof id === "string" && id.startsWith("http")) return hrefOfIri(id) || graphHref(id);
  return null;
}

/** Return the full IRI of a place or programme. */
export const placeIri = (code) => `${BASE}place/${code}`;
export const programmeIri = (slug) => `${BASE}programme/${slug}`;

/** Return a link to a place, {code, name}. */
export const placeLink = (place) => h("a", { href: placeHref(place.code) }, zhText(place.name || place.code));

/** Return a link to the page of an entity IRI (agency, project, policy, indicator), labelled `name`. */
export const entityLink = (iri, name) => h("a", { href: hrefOfIri(iri) || graphHref(iri) }, zhText(name || iri));

/** Return a link to a programme, {slug, label}. */
export const programmeLink = (p) => h("a", { href: programmeHref(p.slug) }, zhText(p.label || p.slug));
