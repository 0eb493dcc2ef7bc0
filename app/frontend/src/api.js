// The public JSON API (docs/api.md); the only thing the front end talks to.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

async function check(response) {
  if (response.ok) return response;
  let title = response.statusText;
  let detail = "";
  try {
    // RFC 9457 problem details
    const problem = await response.json();
    title = problem.title || title;
    detail = problem.detail || "";
  } catch {
    /* not JSON */
  }
  throw new ApiError(response.status, title, detail);
}

/** GET a JSON resource; `params` become the query string (null/undefined left out). */
export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await check(await fetch(url, { headers: { Accept: "application/json" } }));
  return response.json();
}

/** Return every item of a paginated list endpoint ({data, count, limit, offset}). */
export async function getAll(path, params = {}, pageSize = 500) {
  const items = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await getJSON(path, { ...params, limit: pageSize, offset });
    const data = Array.isArray(page) ? page : page.data || [];
    items.push(...data);
    const count = Array.isArray(page) ? data.length : page.count ?? data.length;
    if (data.length === 0 || items.length >= count || data.length < pageSize) return items;
  }
}

/** Return the items of a list answer, whether it is {data: [...]} or a bare array. */
export function listOf(answer) {
  return Array.isArray(answer) ? answer : answer?.data || [];
}

/** Run a SPARQL query (POST /sparql); return {columns, rows, truncated} with rows as arrays of terms. */
export async function runSparql(query) {
  const response = await check(
    await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/sparql-results+json, application/json;q=0.9",
      },
      body: new URLSearchParams({ query }),
    }),
  );
  const truncated = response.headers.get("X-Citykg-Truncated") === "true";
  const type = response.headers.get("Content-Type") || "";
  if (!type.includes("json")) {
    // CONSTRUCT / DESCRIBE answer with a graph; show it as one text column.
    return { columns: ["result"], rows: [[await response.text()]], truncated };
  }
  const body = await response.json();
  if ("boolean" in body) return { columns: ["ask"], rows: [[String(body.boolean)]], truncated };
  const columns = body.head?.vars || [];
  const rows = (body.results?.bindings || []).map((binding) =>
    columns.map((name) => (binding[name] ? binding[name].value : null)),
  );
  return { columns, rows, truncated };
}

/** Run a read-only Cypher query (POST /cypher); return {columns, rows}. */
export async function runCypher(query, parameters = {}) {
  const response = await check(
    await fetch("/cypher", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query, parameters }),
    }),
  );
  const body = await response.json();
  return { columns: body.columns || [], rows: body.rows || [], truncated: Boolean(body.truncated) };
}

/** Run a canned query by name (GET /queries/{name}), or fetch the page a `next` path names; return
 * {columns, rows, truncated, total, next}: `next` is the path of the following page, null on the last. */
export async function runCanned(name, params = {}) {
  return cannedPage(await getJSON(`/queries/${encodeURIComponent(name)}`, params));
}

export async function runCannedNext(next) {
  return cannedPage(await getJSON(next));
}

function cannedPage(body) {
  return {
    columns: body.columns || [],
    rows: body.rows || [],
    truncated: Boolean(body.truncated),
    total: body.total ?? null,
    next: body.next || null,
  };
}
