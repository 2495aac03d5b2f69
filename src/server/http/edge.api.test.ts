import { connect } from "node:net";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInputProblem } from "./input-guard";
import { databaseErrorCode } from "./error-handler";
import { login, startTestApp, type TestApp } from "../testing/test-app";

/** The edge of the HTTP stack: hostile input, authentication before the body, caching, logs, metrics. */
let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  t = await startTestApp({ metricsToken: "metrics-secret-token" }, { logStream: stream });
});
afterAll(() => t.close());

const json = { "content-type": "application/json" };

function expectErrorShape(res: { statusCode: number; body: string; json: () => { error: { code: string; message: string } } }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const error = res.json().error;
  expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
  expect(typeof error.message).toBe("string");
  if (code) expect(error.code).toBe(code);
}

describe("hostile text and numbers are refused at the edge, never a 500", () => {
  it("a NUL character anywhere: login identifier, search query, path id, form keys", async () => {
    expectErrorShape(await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: json, payload: JSON.stringify({ identifier: "138\u000000001", password: "x" }) }), 400, "TEXT_INVALID_CHARACTER");
    expectErrorShape(await t.app.inject({ method: "GET", url: "/api/v1/search?q=%E5%BC%80%00%E5%85%AC%E5%8F%B8" }), 400, "TEXT_INVALID_CHARACTER");
    expectErrorShape(await t.app.inject({ method: "GET", url: "/api/v1/catalogue/items/abc%00def" }), 400, "TEXT_INVALID_CHARACTER");
    expectErrorShape(await t.app.inject({ method: "GET", url: "/api/v1/policies/%00" }), 400, "TEXT_INVALID_CHARACTER");
    const citizen = await login(t.app, "13800000002");
    const item = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", "XK00002001%").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "PUT", url: `/api/v1/drafts/${item.id}`, headers: { ...citizen.headers, ...json }, payload: JSON.stringify({ formData: { "a\u0000b": "x" }, lockVersion: null }) });
    expectErrorShape(res, 400, "TEXT_INVALID_CHARACTER");
    expect(res.json().error.details.issues[0].path).toBe("body/formData/a\u0000b");
  });

  it("a lone UTF-16 surrogate in JSON", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: json, payload: '{"identifier":"\\ud800","password":"x"}' });
    expectErrorShape(res, 400, "TEXT_INVALID_CHARACTER");
    expectErrorShape(await t.app.inject({ method: "POST", url: "/api/v1/appeals/suggestions", headers: json, payload: '{"text":"噪音\\udc00扰民"}' }), 400);
  });

  it("an integer beyond PostgreSQL's integer where the column is integer (lockVersion of a draft)", async () => {
    const citizen = await login(t.app, "13800000002");
    const item = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", "XK00002001%").executeTakeFirstOrThrow();
    for (const lockVersion of [2 ** 31, 2 ** 53, 1e300]) {
      const res = await t.app.inject({ method: "PUT", url: `/api/v1/drafts/${item.id}`, headers: { ...citizen.headers, ...json }, payload: JSON.stringify({ formData: {}, lockVersion }) });
      expectErrorShape(res, 400);
    }
  });

  it("an empty PATCH is NOTHING_TO_UPDATE, not an empty UPDATE", async () => {
    const admin = await login(t.app, "data.admin");
    const rule = await t.database.db.selectFrom("sharing_rules").select("id").executeTakeFirstOrThrow();
    expectErrorShape(await t.app.inject({ method: "PATCH", url: `/api/v1/admin/sharing-rules/${rule.id}`, headers: admin.headers, payload: {} }), 400, "NOTHING_TO_UPDATE");
    const sys = await login(t.app, "admin");
    const staff = await t.database.db.selectFrom("accounts").select(["id", "version"]).where("username", "=", "review.psb").executeTakeFirstOrThrow();
    expectErrorShape(await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${staff.id}`, headers: sys.headers, payload: { version: staff.version } }), 400, "NOTHING_TO_UPDATE");
  });

  it("deep nesting is refused with a code", async () => {
    const deep = `${"[".repeat(50_000)}"x"${"]".repeat(50_000)}`;
    expectErrorShape(await t.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: json, payload: `{"identifier":${deep},"password":"x"}` }), 400, "NESTING_TOO_DEEP");
    const citizen = await login(t.app, "13800000002");
    const item = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", "XK00002001%").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "PUT", url: `/api/v1/drafts/${item.id}`, headers: { ...citizen.headers, ...json }, payload: `{"formData":{"a":${deep}},"lockVersion":null}` });
    expectErrorShape(res, 400, "NESTING_TOO_DEEP");
  });

  it("an over-long path parameter is 414 in the platform's error shape", async () => {
    expectErrorShape(await t.app.inject({ method: "GET", url: `/api/v1/catalogue/items/${"a".repeat(5000)}` }), 414, "URL_TOO_LONG");
    expectErrorShape(await t.app.inject({ method: "GET", url: "/api/v1/catalogue/items/%ED%A0%80" }), 400);
  });

  it("the guard finds forbidden text in values and keys at any depth and passes ordinary text", () => {
    expect(findInputProblem({ a: ["ok", { b: "上海市黄浦区😀" }] }, "body")).toBeNull();
    expect(findInputProblem({ a: ["ok", { b: "x\u0000" }] }, "body")).toEqual({ path: "body/a/1/b", code: "TEXT_INVALID_CHARACTER" });
    expect(findInputProblem({ "\udfff": 1 }, "body")).toEqual({ path: "body/\udfff", code: "TEXT_INVALID_CHARACTER" });
    expect(findInputProblem("a\ud83d", "q")).toEqual({ path: "q", code: "TEXT_INVALID_CHARACTER" });
  });

  it("database errors that input causes map to 4xx codes, other errors to none", () => {
    expect(databaseErrorCode({ code: "22P02", severity: "ERROR" })).toBe("VALIDATION_FAILED");
    expect(databaseErrorCode({ code: "22003" })).toBe("NUMBER_OUT_OF_RANGE");
    expect(databaseErrorCode({ code: "23505" })).toBe("CONFLICT");
    expect(databaseErrorCode({ code: "40001" })).toBe("BUSY_RETRY");
    expect(databaseErrorCode({ code: "FST_ERR_VALIDATION" })).toBeUndefined();
    expect(databaseErrorCode({ code: "XX000" })).toBeUndefined();
    expect(databaseErrorCode(new Error("boom"))).toBeUndefined();
  });
});

describe("authentication before the body", () => {
  it("an anonymous upload gets 401 as soon as its headers arrive, its 9 MB body never read", async () => {
    const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = Number(new URL(address).port);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        // Announce 9 MB and send only the headers and a few bytes: the answer must come anyway.
        socket.write(`POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\nContent-Length: ${9 * 1024 * 1024}\r\n\r\n\x89PNG`);
      });
      let received = "";
      socket.on("data", (d) => {
        received += d.toString("utf8");
        if (received.includes("\r\n\r\n") && received.includes("}")) {
          socket.destroy();
          resolve(received);
        }
      });
      socket.on("error", reject);
      setTimeout(() => reject(new Error(`no answer before the body: ${received}`)), 5000);
    });
    expect(answer).toMatch(/^HTTP\/1.1 401/);
    expect(answer).toContain("UNAUTHENTICATED");
    expect(answer.toLowerCase()).toContain("connection: close");
  });
});

describe("personal responses, logs and metrics", () => {
  it("every authenticated API response says no-store, errors included", async () => {
    const citizen = await login(t.app, "13800000002");
    for (const url of ["/api/v1/me", "/api/v1/applications", "/api/v1/me/certificates", "/api/v1/catalogue/items", "/api/v1/applications/00000000-0000-4000-8000-000000000000"]) {
      const res = await t.app.inject({ method: "GET", url, headers: citizen.headers });
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
  });

  it("request logs name the route, never the query string or the path's values", async () => {
    await t.app.inject({ method: "GET", url: "/api/v1/search?q=%E9%BB%84%E4%B8%BD%E5%A8%9F%20310109199501175244" });
    await t.app.inject({ method: "GET", url: "/api/v1/certificates/verify?id=1.2.156.3005.2.11100000000013338W001.11310101MA00000078.310101199001011234.001.X" });
    const text = logLines.join("\n");
    expect(text).toContain('"route":"/api/v1/search"');
    expect(text).not.toContain("310109199501175244");
    expect(text).not.toContain("黄丽娟");
    expect(text).not.toMatch(/%E9%BB%84/i);
    expect(text).not.toContain("310101199001011234");
  });

  it("/metrics answers only to its token on the main port", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(401);
    await t.app.inject({ method: "GET", url: "/api/v1/orgs" });
    const res = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer metrics-secret-token" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toMatch(/haoban_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/orgs",status="200"\} \d+/);
  });

  it("without a token /metrics is not served on the main port; its own address serves it", async () => {
    const plain = await startTestApp({}, { seed: false });
    try {
      expect((await plain.app.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(404);
      const { startMetricsServer } = await import("../modules/health/health.routes");
      const { Registry } = await import("prom-client");
      const registry = new Registry();
      const server = await startMetricsServer(registry, 0, "127.0.0.1");
      try {
        expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(200);
        expect((await fetch(`http://127.0.0.1:${server.port}/api/v1/me`)).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      await plain.close();
    }
  });
});
