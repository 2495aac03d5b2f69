import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "../../seed/demo-people";
import { seedUuid } from "../../seed/seed-demo";
import { login, startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const newStaff = (orgCode: string, username: string) => ({
  username,
  name: "测试人员",
  orgId: seedUuid(`org:${orgCode}`),
  roles: ["window_clerk"],
  password: "Window2026",
});

describe("staff administration", () => {
  it("lists the whole city for the city administrator and only Huangpu for Huangpu's", async () => {
    const city = await login(t.app, "admin");
    const all = (await t.app.inject({ method: "GET", url: "/api/v1/staff?limit=100", headers: city.headers })).json();
    // Every demo staff account is listed (and any another test created).
    expect(all.total).toBe(await t.database.db.selectFrom("accounts").select("id").where("kind", "=", "staff").execute().then((r) => r.length));
    expect(all.total).toBeGreaterThanOrEqual(DEMO_STAFF.length);
    const huangpu = await login(t.app, "admin.huangpu");
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/staff?limit=100", headers: huangpu.headers })).json();
    expect(mine.items.length).toBeGreaterThan(3);
    expect(mine.items.every((s: { org: { regionCode: string } }) => s.org.regionCode === "310101")).toBe(true);
  });

  it("creates staff in one's subtree, then the new account can log in", async () => {
    const huangpu = await login(t.app, "admin.huangpu");
    const res = await t.app.inject({ method: "POST", url: "/api/v1/staff", headers: huangpu.headers, payload: newStaff("310101-SC-W02", "window.huangpu2") });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: "window.huangpu2", roles: ["window_clerk"], org: { code: "310101-SC-W02" } });
    expect((await login(t.app, "window.huangpu2", "Window2026")).csrf).toBeTruthy();
    const dup = await t.app.inject({ method: "POST", url: "/api/v1/staff", headers: huangpu.headers, payload: newStaff("310101-SC-W02", "window.huangpu2") });
    expect(dup.json().error.code).toBe("USERNAME_TAKEN");
  });

  it("refuses to create staff outside one's subtree", async () => {
    const huangpu = await login(t.app, "admin.huangpu");
    const res = await t.app.inject({ method: "POST", url: "/api/v1/staff", headers: huangpu.headers, payload: newStaff("310104-SC-W01", "window.xuhui9") });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
  });

  it("forbids staff administration to non-administrators and citizens", async () => {
    for (const who of ["window.huangpu", "supervisor", "13800000001"]) {
      const s = await login(t.app, who);
      const res = await t.app.inject({ method: "GET", url: "/api/v1/staff", headers: s.headers });
      expect(res.statusCode, who).toBe(403);
    }
  });

  it("detects concurrent edits: the second writer with a stale version gets 409 STAFF_CHANGED", async () => {
    const city = await login(t.app, "admin");
    const id = seedUuid("account:review.hrss");
    const first = await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${id}`, headers: city.headers, payload: { version: 0, roles: ["reviewer", "approver"] } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(1);
    const second = await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${id}`, headers: city.headers, payload: { version: 0, name: "另一个名字" } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe("STAFF_CHANGED");
    const row = await t.database.db.selectFrom("accounts").select(["name", "roles"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "曾晓东", roles: ["reviewer", "approver"] });
  });

  it("disabling an account ends its sessions", async () => {
    const victim = await login(t.app, "review.psb");
    const city = await login(t.app, "admin");
    const id = seedUuid("account:review.psb");
    const res = await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${id}`, headers: city.headers, payload: { version: 0, disabled: true } });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me", headers: victim.headers })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "review.psb", password: "Haoban@2026" } });
    expect(relogin.json().error.code).toBe("ACCOUNT_DISABLED");
  });

  it("does not let an administrator disable themselves", async () => {
    const city = await login(t.app, "admin");
    const res = await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${seedUuid("account:admin")}`, headers: city.headers, payload: { version: 0, disabled: true } });
    expect(res.statusCode).toBe(403);
  });

  it("writes an audit record for every change", async () => {
    const count = async () => (await t.database.db.selectFrom("audit_log").select(["action", "actor_name"]).where("action", "in", ["staff.create", "staff.update"]).execute()).length;
    const before = await count();
    const huangpu = await login(t.app, "admin.huangpu");
    const created = await t.app.inject({ method: "POST", url: "/api/v1/staff", headers: huangpu.headers, payload: newStaff("310101-SC-W02", "window.huangpu.audit") });
    expect(created.statusCode).toBe(201);
    const updated = await t.app.inject({ method: "PATCH", url: `/api/v1/staff/${created.json().id}`, headers: huangpu.headers, payload: { version: created.json().version, disabled: true } });
    expect(updated.statusCode).toBe(200);
    expect(await count()).toBe(before + 2);
  });
});
