import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const call = (who: LoggedIn | null, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const orgId = async (code: string) => (await t.database.db.selectFrom("orgs").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

describe("一人多岗: a staff member with several posts works in one at a time", () => {
  it("switches the session to a further post (its organisation and roles) and back, audited; a post not held is refused", async () => {
    const hanxue = await login(t.app, "window.nanjingdonglu");
    const me = (await call(hanxue, "GET", "/me")).json();
    expect(me.org.code).toBe("310101001-SC-W01");
    expect(me.posts.map((p: { orgName: string; active: boolean }) => [p.orgName, p.active])).toEqual([
      [expect.stringContaining("南京东路"), true],
      [expect.any(String), false],
    ]);
    const district = await orgId("310101-SC-W01");
    const switched = await call(hanxue, "POST", "/me/post", { orgId: district });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json().org.code).toBe("310101-SC-W01");
    expect(switched.json().roles).toEqual(["window_clerk"]);
    expect(switched.json().posts.find((p: { orgId: string }) => p.orgId === district).active).toBe(true);
    // The session stays in the post on the next request.
    expect((await call(hanxue, "GET", "/me")).json().org.code).toBe("310101-SC-W01");
    const audit = await t.database.db.selectFrom("audit_log").select(["action", "org_id"]).where("action", "=", "auth.switch_post").execute();
    expect(audit).toContainEqual({ action: "auth.switch_post", org_id: district });

    const elsewhere = await call(hanxue, "POST", "/me/post", { orgId: await orgId("310115-SC-W01") });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe("NOT_YOUR_POST");
    expect((await call(hanxue, "POST", "/me/post", { orgId: null })).json().org.code).toBe("310101001-SC-W01");
    expect((await call(await login(t.app, "13800000001"), "POST", "/me/post", { orgId: null })).statusCode).toBe(403);
  });

  it("lets an administrator give and take posts within their subtree; a session in a removed post falls back at once", async () => {
    const admin = await login(t.app, "admin.huangpu");
    const reviewer = await login(t.app, "review.amr.huangpu");
    const me = (await call(reviewer, "GET", "/me")).json();
    expect(me.posts).toEqual([]); // one post only: no switch to offer
    const psb = await orgId("310101-PSB");
    const given = await call(admin, "PUT", `/staff/${me.accountId}/posts/${psb}`, { roles: ["reviewer"] });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().posts).toEqual([{ orgId: psb, orgName: "上海市公安局黄浦分局", roles: ["reviewer"] }]);
    // Not outside the administrator's subtree, and not the account's own organisation.
    expect((await call(admin, "PUT", `/staff/${me.accountId}/posts/${await orgId("310115-AMR")}`, { roles: ["reviewer"] })).statusCode).toBe(403);
    expect((await call(admin, "PUT", `/staff/${me.accountId}/posts/${me.org.id}`, { roles: ["reviewer"] })).statusCode).toBe(400);
    expect((await call(reviewer, "PUT", `/staff/${me.accountId}/posts/${psb}`, { roles: ["approver"] })).statusCode).toBe(403);

    expect((await call(reviewer, "POST", "/me/post", { orgId: psb })).json().org.code).toBe("310101-PSB");
    expect((await call(admin, "DELETE", `/staff/${me.accountId}/posts/${psb}`)).json().posts).toEqual([]);
    expect((await call(reviewer, "GET", "/me")).json().org.code).toBe("310101-AMR");
    const actions = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", me.accountId).where("action", "like", "staff.post%").execute();
    expect(actions.map((a) => a.action)).toEqual(["staff.post_set", "staff.post_remove"]);
  });
});
