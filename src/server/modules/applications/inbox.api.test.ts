import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actInTurn, submitApplication } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let reviewer: LoggedIn;

beforeAll(async () => {
  t = await startTestApp();
  reviewer = await login(t.app, "review.amr.huangpu");
});
afterAll(() => t.close());

const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

/** Every row of an inbox query, page by page. */
async function all(who: LoggedIn, query: string) {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const r = (await get(who, `/applications/inbox?${query}&limit=100&offset=${offset}`)).json();
    ids.push(...r.items.map((i: { id: string }) => i.id));
    if (!r.hasMore) return ids;
  }
}

describe("待办统计: the inbox's tabs come from the workflows at work, with counts that match the lists", () => {
  it("counts each unfinished state, overdue, due soon and mine, as the tabs list them", async () => {
    const a = await submitApplication(t);
    const b = await submitApplication(t);
    await submitApplication(t);
    await actInTurn(t, a, [["review.amr.huangpu", "accept"]]);
    await actInTurn(t, b, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"]]);
    await t.database.db.updateTable("applications").set({ committed_deadline: "2020-01-02" }).where("id", "=", b).execute();

    const res = await get(reviewer, "/applications/inbox/summary");
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    // The food licence's workflow, in its order and words: 待受理 first; terminal states are not tabs.
    const names = s.tabs.map((x: { name: string }) => x.name);
    expect(names[0]).toBe("待受理");
    expect(names).toEqual(expect.arrayContaining(["待补正", "待审查"]));
    expect(names).not.toContain("准予许可");
    expect(s.tabs.find((x: { state: string }) => x.state === "submitted")).toMatchObject({ actionable: true });
    expect(s.tabs.find((x: { state: string }) => x.state === "deciding")).toMatchObject({ actionable: false }); // the approver decides
    for (const tab of s.tabs) expect((await all(reviewer, `state=${tab.state}`)).length, tab.name).toBe(tab.count);
    expect((await all(reviewer, "overdue=true")).length).toBe(s.overdue);
    expect(s.overdue).toBeGreaterThanOrEqual(1);
    expect((await all(reviewer, "dueSoon=true")).length).toBe(s.dueSoon);
    expect((await all(reviewer, "assigned=me")).length).toBe(s.mine);
    expect(s.open).toBe(s.tabs.reduce((n: number, x: { count: number }) => n + x.count, 0));
  });

  it("lets a supervisor narrow the inbox of their level to one department, read-only", async () => {
    await submitApplication(t);
    await submitApplication(t);
    const supervisor = await login(t.app, "supervisor.huangpu");
    const s = (await get(supervisor, "/applications/inbox/summary")).json();
    const amr = s.departments.find((d: { orgName: string }) => d.orgName === "黄浦区市场监督管理局");
    expect(amr.open).toBeGreaterThanOrEqual(2);
    expect(s.tabs.every((x: { actionable: boolean }) => !x.actionable)).toBe(true);
    const one = (await get(supervisor, `/applications/inbox/summary?orgId=${amr.orgId}`)).json();
    expect(one.open).toBe(amr.open);
    expect(one.overdue).toBe(amr.overdue);
    const listed = await all(supervisor, `orgId=${amr.orgId}&overdue=true`);
    expect(listed.length).toBe(amr.overdue);
    // Another district's department is outside the subtree: nothing.
    const other = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310104-AMR").executeTakeFirst())?.id;
    if (other) expect((await get(supervisor, `/applications/inbox/summary?orgId=${other}`)).json().open).toBe(0);
  });

  it("gives the staff navigation its counts: what waits for the caller in each section", async () => {
    await submitApplication(t); // one waiting to be accepted at least
    const summary = (await get(reviewer, "/applications/inbox/summary")).json();
    const counts = (await get(reviewer, "/workbench/counts")).json();
    expect(counts.inbox).toBe(summary.tabs.filter((x: { actionable: boolean }) => x.actionable).reduce((n: number, x: { count: number }) => n + x.count, 0));
    expect(counts.inbox).toBeGreaterThan(0);
    expect(counts.overdue).toBe(summary.overdue);
    expect(counts).toMatchObject({ ratingCases: expect.any(Number), tickets: expect.any(Number), orders: expect.any(Number) });
    // A hotline agent has no inbox of applications.
    const agent = (await get(await login(t.app, "hotline.agent"), "/workbench/counts")).json();
    expect(agent.inbox).toBeNull();
    expect((await get(await login(t.app, "13800000001"), "/workbench/counts")).statusCode).toBe(403);
    expect((await get(null, "/workbench/counts")).statusCode).toBe(401);
  });

  it("is for staff", async () => {
    expect((await get(await login(t.app, "13800000001"), "/applications/inbox/summary")).statusCode).toBe(403);
    expect((await get(null, "/applications/inbox/summary")).statusCode).toBe(401);
  });
});
