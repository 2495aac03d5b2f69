import { readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_SCOPE_CODES } from "../../shared/integrations";
import { encode, fromSchema, type OpenApiDoc } from "../testing/schema-arbitrary";
import { login, startTestApp, type TestApp } from "../testing/test-app";

/**
 * The authorization test over every route × role: each route of the OpenAPI document is called by an
 * anonymous caller and by a demo account of every role, with a request that follows the route's own
 * schema, and whether the caller is let through (anything but 401/403) must match the reviewed table
 * in access-matrix.json. A new route, or a change of who may call one, fails here until the table is
 * updated on purpose (HAOBAN_UPDATE_ACCESS_MATRIX=1 rewrites it; review the diff).
 */
const MATRIX_FILE = new URL("./access-matrix.json", import.meta.url);
const ACTORS: Array<[string, string | null]> = [
  ["anonymous", null],
  ["citizen", "13800000003"],
  ["window_clerk", "window.huangpu"],
  ["reviewer", "review.amr.huangpu"],
  ["approver", "approve.amr.huangpu"],
  ["catalog_admin", "catalog.admin"],
  ["data_admin", "data.admin"],
  ["sys_admin", "admin"],
  ["hotline_agent", "hotline.agent"],
  ["appeal_handler", "street.nanjingdonglu"],
  ["supervisor", "supervisor"],
];
/** Machine clients (department systems) with their scopes: they call with a bearer token, never a cookie. */
const CLIENTS: Array<[string, string[]]> = [
  ["client_all_scopes", [...CLIENT_SCOPE_CODES]],
  ["client_read_only", ["applications.read"]],
];
/** Routes that would end the calling session itself. */
const SKIP = new Set(["POST /api/v1/auth/logout"]);

let t: TestApp;
let doc: OpenApiDoc;
let sessions: Map<string, { headers: Record<string, string> } | null>;
beforeAll(async () => {
  t = await startTestApp();
  doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDoc;
  sessions = new Map();
  for (const [role, account] of ACTORS) sessions.set(role, account ? await login(t.app, account) : null);
  // Department systems of 黄浦: one granted every scope, one that may only read applications.
  const huangpu = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101").executeTakeFirstOrThrow()).id;
  for (const [role, scopes] of CLIENTS) {
    const made = await t.app.inject({ method: "POST", url: "/api/v1/admin/clients", headers: sessions.get("sys_admin")!.headers, payload: { name: `矩阵测试${role}`, orgId: huangpu, scopes } });
    const { clientId } = made.json().client;
    const token = (await t.app.inject({ method: "POST", url: "/api/v1/oauth/token", payload: { grant_type: "client_credentials", client_id: clientId, client_secret: made.json().clientSecret } })).json().access_token as string;
    sessions.set(role, { headers: { authorization: `Bearer ${token}` } });
    ACTORS.push([role, null]);
  }
});
afterAll(() => t.close());

/** One schema-following value, the same on every run. */
const sample = <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { numRuns: 1, seed: 20261206 })[0]!;

describe("authorization: every route × every role", () => {
  it("lets through exactly the roles the reviewed table names", async () => {
    const seen: Record<string, string[]> = {};
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (SKIP.has(key)) continue;
        let url = path;
        for (const p of (op.parameters ?? []).filter((x) => x.in === "path")) url = url.replace(`{${p.name}}`, encode(p.schema?.format === "uuid" ? "00000000-0000-4000-8000-000000000000" : sample(fromSchema(doc, p.schema, 0, false))));
        const required = (op.parameters ?? []).filter((x) => x.in === "query" && x.required);
        if (required.length) url += `?${required.map((q) => `${q.name}=${encode(sample(fromSchema(doc, q.schema, 0, false)))}`).join("&")}`;
        const schema = op.requestBody?.content?.["application/json"]?.schema;
        const body = schema ? sample(fromSchema(doc, schema, 0, false)) : undefined;
        seen[key] = [];
        for (const [role] of ACTORS) {
          const session = sessions.get(role)!;
          const res = await t.app.inject({
            method: method.toUpperCase() as "GET",
            url,
            headers: { ...(session?.headers ?? {}), "idempotency-key": `matrix-${role}-0001`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
            ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
          });
          expect(res.statusCode, `${role} ${key}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
          expect(res.json === undefined || res.statusCode !== 403 || res.json().error?.code !== "CSRF_TOKEN_INVALID", `${role} ${key}`).toBe(true);
          if (res.statusCode !== 401 && res.statusCode !== 403) seen[key].push(role);
        }
      }
    }
    if (process.env.HAOBAN_UPDATE_ACCESS_MATRIX) {
      const sorted = Object.fromEntries(Object.entries(seen).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(MATRIX_FILE, `${JSON.stringify(sorted, null, 1)}\n`);
    }
    const expected = JSON.parse(readFileSync(MATRIX_FILE, "utf8")) as Record<string, string[]>;
    expect(Object.keys(seen).sort(), "every route is in the table, and only routes that exist").toEqual(Object.keys(expected).sort());
    const differences = Object.keys(seen).flatMap((k) => (JSON.stringify(seen[k]) === JSON.stringify(expected[k]) ? [] : [`${k}: expected ${JSON.stringify(expected[k])}, got ${JSON.stringify(seen[k])}`]));
    expect(differences).toEqual([]);
    // Sanity of the table itself: nobody but the named staff reaches staff administration, and only the anonymous list is public.
    expect(expected["GET /api/v1/staff"]).toEqual(["sys_admin"]);
    expect(expected["GET /api/v1/benefit-offers"]).not.toContain("citizen");
  }, 300_000);
});
