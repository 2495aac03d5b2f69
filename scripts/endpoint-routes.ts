/**
 * Prints, as JSON, the method and path of every endpoint of the shared endpoint tables
 * (src/shared/api/*.ts): { "<file>": { "<table export>": { "<endpoint>": { method, path } } } }.
 * The web build (vite.config.ts) gives the browser these instead of the tables' schemas.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.join(import.meta.dirname, "../src/shared/api");
const out: Record<string, Record<string, Record<string, { method: string; path: string }>>> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "endpoint.ts")) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (!value || typeof value !== "object") continue;
    const entries = Object.entries(value as Record<string, { method?: unknown; path?: unknown }>);
    if (entries.length === 0 || !entries.every(([, e]) => e && typeof e.method === "string" && typeof e.path === "string")) continue;
    (out[file] ??= {})[name] = Object.fromEntries(entries.map(([k, e]) => [k, { method: e.method as string, path: e.path as string }]));
  }
}
process.stdout.write(JSON.stringify(out));
