import react from "@vitejs/plugin-react";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import { compression } from "vite-plugin-compression2";

/**
 * In the browser build, the shared endpoint tables (src/shared/api/*.ts) become what the web client
 * uses of them — each endpoint's method and path. Their schemas (and zod with them) stay on the server
 * and in the type check, so a citizen's page does not download the API's validation code.
 */
function endpointTablesForBrowser(): Plugin {
  const dir = path.resolve(import.meta.dirname, "src/shared/api");
  let tables: Record<string, Record<string, unknown>> = {};
  return {
    name: "haoban-endpoint-tables",
    apply: "build",
    buildStart() {
      tables = JSON.parse(execFileSync(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "scripts/endpoint-routes.ts")], { encoding: "utf8" }));
    },
    load(id) {
      const file = path.relative(dir, id);
      if (file.includes(path.sep) || file.startsWith("..") || !tables[file]) return null;
      return Object.entries(tables[file]).map(([name, table]) => `export const ${name} = ${JSON.stringify(table)};`).join("\n");
    },
  };
}

export default defineConfig({
  root: "src/web",
  // Every asset also as .br and .gz beside it: the server sends the smallest one the browser accepts, with no work per request.
  plugins: [endpointTablesForBrowser(), react(), compression({ algorithms: ["brotliCompress", "gzip"] })],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" },
  },
});
