import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: LoggedIn;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "catalog.admin");
});
afterAll(() => t.close());

const call = (who: LoggedIn | null, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });

const pension = (extra: Record<string, unknown> = {}) => ({
  code: "PENSION_ONLY",
  name: "养老金一件事（测试）",
  theme: "elderly",
  summary: "退休申请后核定养老金。",
  audience: "person",
  leadDept: "HRSS",
  questions: [],
  items: [
    { key: "retire", basicCode: "JF00001000" },
    { key: "pension", basicCode: "QR00004002", dependsOn: [{ item: "retire", fields: { bankAccount: "bankAccount" } }] },
  ],
  onDenial: "stop_dependants",
  limitDays: 20,
  ...extra,
});

describe("一件事 administration", () => {
  it("is for city catalogue and system administrators only", async () => {
    expect((await call(null, "GET", "/admin/bundles")).statusCode).toBe(401);
    for (const who of ["catalog.admin.huangpu", "review.amr.huangpu"]) expect((await call(await login(t.app, who), "GET", "/admin/bundles")).statusCode, who).toBe(403);
    expect((await call(await login(t.app, "13800000001"), "GET", "/admin/bundles")).statusCode).toBe(403);
    const list = (await call(admin, "GET", "/admin/bundles")).json().items;
    expect(list.map((b: { code: string }) => b.code)).toContain("START_BUSINESS");
  });

  it("refuses a cycle, an unreachable item and an unbound dependency, each with the reason; nothing is saved", async () => {
    // Its own code: what the other tests save under PENSION_ONLY does not matter here.
    const refused = (extra: Record<string, unknown>) => pension({ code: "PENSION_REFUSED", ...extra });
    const cycle = refused({ items: [{ key: "retire", basicCode: "JF00001000", dependsOn: [{ item: "pension" }] }, { key: "pension", basicCode: "QR00004002", dependsOn: [{ item: "retire" }] }] });
    const res = await call(admin, "PUT", "/admin/bundles/PENSION_REFUSED", { definition: cycle });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "BUNDLE_INVALID" });
    expect(res.json().error.details.issues.map((i: { message: string }) => i.message)).toContainEqual(expect.stringMatching(/^事项依赖形成循环：/));
    const unreachable = refused({ items: [...pension().items, { key: "fund", basicCode: "GG00005003", optional: true }] });
    expect((await call(admin, "POST", "/admin/bundles/preview", { definition: unreachable })).json()).toMatchObject({ ok: false, issues: [{ message: "可选事项“fund”没有任何回答会纳入，永远不会办理" }] });
    const unbound = refused({ items: [pension().items[0], { key: "pension", basicCode: "QR00004002", dependsOn: [{ item: "retire", fields: { bankAccount: "salaryAccount" } }] }] });
    expect((await call(admin, "POST", "/admin/bundles/preview", { definition: unbound })).json().issues[0].message).toBe("退休申请（基本养老金申领）的申请表没有字段“salaryAccount”");
    const unknownItem = refused({ items: [pension().items[0], { key: "pension", basicCode: "QR00009999" }] });
    expect((await call(admin, "POST", "/admin/bundles/preview", { definition: unknownItem })).json().issues[0].message).toBe("目录中没有已发布的事项“QR00009999”");
    expect((await call(admin, "GET", "/admin/bundles/PENSION_REFUSED")).statusCode).toBe(404);
  });

  it("previews, saves as a draft, publishes, and detects concurrent edits; each change audited", async () => {
    const preview = (await call(admin, "POST", "/admin/bundles/preview", { definition: pension(), answers: {} })).json();
    expect(preview.ok).toBe(true);
    expect(preview.plan.items.map((i: { key: string; waitsFor: string[] }) => [i.key, i.waitsFor])).toEqual([["retire", []], ["pension", ["retire"]]]);
    expect(preview.plan.reduction.bundle.fields).toBeLessThan(preview.plan.reduction.separate.fields);
    const saved = await call(admin, "PUT", "/admin/bundles/PENSION_ONLY", { definition: pension() });
    expect(saved.json()).toMatchObject({ status: "draft", lockVersion: 1 });
    // A draft is not offered to the public.
    expect((await call(null, "GET", "/bundles/PENSION_ONLY")).statusCode).toBe(404);
    const published = await call(admin, "POST", "/admin/bundles/PENSION_ONLY/status", { status: "published", lockVersion: 1 });
    expect(published.json()).toMatchObject({ status: "published", lockVersion: 2 });
    expect((await call(null, "GET", "/bundles/PENSION_ONLY")).json().items.map((i: { key: string }) => i.key)).toEqual(["retire", "pension"]);
    // Someone edits with a stale version: refused.
    const stale = await call(admin, "PUT", "/admin/bundles/PENSION_ONLY", { definition: pension({ name: "养老金一件事（改）" }), lockVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("BUNDLE_CHANGED");
    expect((await call(admin, "PUT", "/admin/bundles/PENSION_ONLY", { definition: pension({ name: "养老金一件事（改）" }), lockVersion: 2 })).json()).toMatchObject({ name: "养老金一件事（改）", lockVersion: 3 });
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "bundle.%").orderBy("occurred_at").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["bundle.create", "bundle.publish", "bundle.update"]);
  });
});
