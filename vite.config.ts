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

/**
 * The libraries every page runs (React, the router, i18next, antd's core and the components of the
 * frame and the home page), kept in one chunk: left to themselves they come as a dozen small files, and
 * on a phone each file is another round trip. Components only some pages use (tables, date pickers,
 * charts, the form builder) stay in those pages' chunks. `npm run bench:web` shows the effect.
 */
const FIRST_PAGE_LIBRARIES = [
  "react", "react-dom", "scheduler", "react-router", "i18next", "react-i18next", "use-sync-external-store", "react-is", "classnames", "stylis", "@emotion/[^/]+", "@babel/runtime",
  "@ant-design/(cssinjs|cssinjs-utils|colors|fast-color)", "@rc-component/(portal|trigger|async-validator)",
  "rc-util", "rc-motion", "rc-resize-observer", "resize-observer-polyfill", "rc-field-form", "rc-notification", "rc-dialog", "rc-select", "rc-virtual-list", "rc-overflow", "rc-input", "rc-textarea",
  "antd/es/(config-provider|_util|theme|style|locale|button|app|message|modal|notification|spin|input|select|auto-complete|empty|grid|space|version|row|col|alert)",
];
const firstPageLibraries = new RegExp(`node_modules/(${FIRST_PAGE_LIBRARIES.join("|")})/`);

export default defineConfig({
  root: "src/web",
  // Every asset also as .br and .gz beside it: the server sends the smallest one the browser accepts, with no work per request.
  plugins: [endpointTablesForBrowser(), react(), compression({ algorithms: ["brotliCompress", "gzip"] })],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: "frame", test: (id) => firstPageLibraries.test(id.replaceAll("\\", "/")) }] } } },
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" },
  },
});
