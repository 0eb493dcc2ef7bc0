// Builds the front end into app/static/dist, which app/main.py serves at / and /assets/*.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../static/dist", import.meta.url)),
    emptyOutDir: true,
    assetsDir: "assets",
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev` talks to a `citykg serve` on :8000 for everything but the page itself.
    proxy: Object.fromEntries(
      ["/stats", "/places", "/programmes", "/search", "/documents", "/graph", "/queries", "/sparql", "/cypher"].map(
        (p) => [p, "http://127.0.0.1:8000"],
      ),
    ),
  },
});
