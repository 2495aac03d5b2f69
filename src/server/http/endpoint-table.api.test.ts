import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Endpoint } from "../../shared/api/endpoint";
import { startTestApp, type TestApp } from "../testing/test-app";

/** Every JSON API route the server answers is an endpoint of shared/api, the table the web app calls through. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { seed: false });
});
afterAll(() => t.close());

async function table(): Promise<Map<string, Endpoint>> {
  const dir = "src/shared/api";
  const all = new Map<string, Endpoint>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "endpoint.ts")) {
    const mod = (await import(path.resolve(dir, f))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith("Endpoints")) continue;
      for (const e of Object.values(value as Record<string, Endpoint>)) {
        const key = `${e.method} ${e.path}`;
        expect(all.has(key), `${key} declared twice`).toBe(false);
        all.set(key, e);
      }
    }
  }
  return all;
}

describe("the endpoint table", () => {
  it("declares every route of the API, and nothing the server does not answer", async () => {
    const declared = await table();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = new Set<string>();
    for (const [p, methods] of Object.entries(doc.paths)) {
      if (!p.startsWith("/api/v1/")) continue;
      for (const m of Object.keys(methods)) served.add(`${m.toUpperCase()} ${p.slice("/api/v1".length).replace(/\{(\w+)\}/g, ":$1")}`);
    }
    expect(served.size).toBeGreaterThan(150);
    expect([...served].filter((r) => !declared.has(r)).sort()).toEqual([]);
    expect([...declared.keys()].filter((r) => !served.has(r)).sort()).toEqual([]);
  });
});
