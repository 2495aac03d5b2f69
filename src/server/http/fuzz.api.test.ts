import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode, fromSchema, hostileValue, type OpenApiDoc } from "../testing/schema-arbitrary";
import { login, startTestApp, type LoggedIn, type TestApp } from "../testing/test-app";

/**
 * Property-based fuzzing of every route in the OpenAPI document: path parameters, queries and bodies
 * generated from each route's own schema, mixed with hostile values (NUL, lone surrogates, huge
 * strings, deep nesting, wrong types, out-of-range numbers), sent anonymously, as a citizen and as a
 * system administrator. The bar: never a 5xx, and every error in the platform's shape.
 * HAOBAN_FUZZ_RUNS sets the runs per route and caller (default 5; CI keeps it bounded).
 */
const RUNS = Number(process.env.HAOBAN_FUZZ_RUNS ?? 5);

/** Routes whose side effects would end the fuzzing session itself. */
const SKIP = new Set(["POST /api/v1/auth/logout"]);

let t: TestApp;
let callers: Array<{ name: string; session: LoggedIn | null }>;
let doc: OpenApiDoc;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDoc;
  callers = [
    { name: "anonymous", session: null },
    { name: "citizen", session: await login(t.app, "13800000003") },
    { name: "admin", session: await login(t.app, "admin") },
  ];
});
afterAll(() => t.close());

describe("fuzzing every route from its OpenAPI schema", () => {
  it("answers no generated or hostile request with a 5xx, and every error in the platform's shape", async () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    expect(routes.length).toBeGreaterThan(100);
    let requests = 0;
    const statuses = new Map<number, number>();
    for (const route of routes) {
      if (SKIP.has(`${route.method} ${route.path}`)) continue;
      const params = (route.op.parameters ?? []).filter((p) => p.in === "path");
      const queries = (route.op.parameters ?? []).filter((p) => p.in === "query");
      const bodySchema = route.op.requestBody?.content?.["application/json"]?.schema;
      const request = fc.record({
        caller: fc.constantFrom(...callers),
        params: fc.tuple(...params.map((p) => fc.oneof(fc.uuid(), fromSchema(doc, p.schema)))),
        query: fc.tuple(...queries.map((q) => fc.option(fromSchema(doc, q.schema), { nil: undefined }))),
        body: bodySchema ? fromSchema(doc, bodySchema) : fc.option(hostileValue, { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ caller, params: values, query, body }) => {
          let url = route.path;
          params.forEach((p, i) => (url = url.replace(`{${p.name}}`, encode(values[i]))));
          const qs = queries.map((q, i) => (query[i] === undefined ? null : `${q.name}=${encode(query[i])}`)).filter(Boolean);
          if (qs.length) url += `?${qs.join("&")}`;
          const withBody = route.method !== "GET" && route.method !== "DELETE" && body !== undefined;
          const res = await t.app.inject({
            method: route.method as "GET",
            url,
            headers: { ...(caller.session?.headers ?? {}), ...(withBody ? { "content-type": "application/json" } : {}), "idempotency-key": "fuzz-key-0001" },
            ...(withBody ? { payload: JSON.stringify(body) } : {}),
          });
          requests++;
          if (process.env.HAOBAN_FUZZ_LOG) statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const where = `${caller.name} ${route.method} ${url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const error = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
            expect(error?.code, where).toMatch(/^[A-Z][A-Z0-9_]+$/);
            expect(typeof error?.message, where).toBe("string");
            expect(res.body, where).not.toMatch(/at .*\.(ts|js):\d+/);
          }
        }),
        { numRuns: RUNS * callers.length, seed: process.env.HAOBAN_FUZZ_SEED ? Number(process.env.HAOBAN_FUZZ_SEED) : undefined },
      );
    }
    if (process.env.HAOBAN_FUZZ_LOG) console.log(requests, [...statuses].sort());
    expect(requests).toBeGreaterThan(routes.length * RUNS);
  }, 600_000);
});
