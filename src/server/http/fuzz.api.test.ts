import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../testing/test-app";

/**
 * Property-based fuzzing of every route in the OpenAPI document: path parameters, queries and bodies
 * generated from each route's own schema, mixed with hostile values (NUL, lone surrogates, huge
 * strings, deep nesting, wrong types, out-of-range numbers), sent anonymously, as a citizen and as a
 * system administrator. The bar: never a 5xx, and every error in the platform's shape.
 * HAOBAN_FUZZ_RUNS sets the runs per route and caller (default 5; CI keeps it bounded).
 */
const RUNS = Number(process.env.HAOBAN_FUZZ_RUNS ?? 5);

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
}
interface Operation {
  parameters?: Array<{ in: "path" | "query" | "header"; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const LONE_SURROGATE = "\ud800";
/** Values no input should be able to turn into a 500. */
const hostileString = fc.constantFrom(
  "\u0000",
  `a${LONE_SURROGATE}b`,
  "\udfff",
  "x".repeat(100_000),
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "\u202egnp.exe",
  "😀".repeat(50),
  "",
  " ",
  "%00",
  "NaN",
  "2147483648",
  "-1",
  "1e309",
  "0000-00-00",
  "2026-02-30",
  "00000000-0000-0000-0000-000000000000",
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // The classes that broke the platform before weigh most.
  { weight: 3, arbitrary: fc.constantFrom("\u0000", `a\u0000b`, `a${LONE_SURROGATE}b`, LONE_SURROGATE) },
  { weight: 2, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 + 2, -(2 ** 31) - 1, 1e308) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0.5, -1, null, true, false, [], {}, [[[[[[[[]]]]]]]]) },
  { weight: 1, arbitrary: fc.constant(JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) as unknown) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (s?.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split("/").pop()!]);
  return s;
}

/** An arbitrary of values that mostly follow the schema, each part sometimes replaced by a hostile value. */
function fromSchema(doc: OpenApiDoc, raw: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(doc, raw);
  const valid = ((): fc.Arbitrary<unknown> => {
    if (!s || depth > 5) return fc.jsonValue({ maxDepth: 2 });
    if (s.enum) return fc.constantFrom(...s.enum);
    const variants = s.anyOf ?? s.oneOf;
    if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(doc, v, depth + 1)));
    if (s.allOf?.length) return fromSchema(doc, s.allOf[0], depth + 1);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    switch (type) {
      case "object": {
        const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(doc, v, depth + 1)]));
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
      }
      case "array":
        return fc.array(fromSchema(doc, s.items, depth + 1), { maxLength: 3 });
      case "string":
        if (s.format === "uuid") return fc.uuid();
        if (s.format === "date") return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        return fc.string({ minLength: Math.min(s.minLength ?? 0, 20), maxLength: Math.min(Math.max(s.maxLength ?? 20, s.minLength ?? 0), 20) });
      case "integer":
        return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 31)), max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) });
      case "number":
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
      case "boolean":
        return fc.boolean();
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

/** Encodes a path or query value, lone surrogates included (as the bytes a client would send). */
function encode(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return [...text].map((ch) => (/[\ud800-\udfff]/.test(ch) ? "%ED%A0%80" : encodeURIComponent(ch))).join("");
}

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
