// Builds the front end into app/static/dist, which app/main.py serves at / and /assets/*.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const outDir = fileURLToPath(new URL("../static/dist", import.meta.url));

// The API's /docs page uses Swagger UI from npm, copied beside the front end at build time,
// so it works without reaching a CDN.
function apiDocsAssets() {
  return {
    name: "citykg-api-docs-assets",
    closeBundle() {
      const from = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
      const to = join(outDir, "apidocs");
      mkdirSync(to, { recursive: true });
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
        copyFileSync(join(from, file), join(to, file));
      }
    },
  };
}

export default defineConfig({
  base: "/",
  plugins: [apiDocsAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: "assets",
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev` talks to a `citykg serve` on :8000 for everything but the page itself.
    proxy: Object.fromEntries(
      ["/stats", "/places", "/programmes", "/search", "/documents", "/graph", "/queries", "/agencies", "/projects", "/policies", "/indicators", "/sparql", "/cypher"].map(
        (p) => [p, "http://127.0.0.1:8000"],
      ),
    ),
  },
});
