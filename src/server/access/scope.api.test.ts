import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../testing/factories";
import { FOOD_LICENCE_FORM } from "../testing/fixtures";
import { login, startTestApp, type LoggedIn, type TestApp } from "../testing/test-app";

/**
 * The one rule of scope through the real HTTP stack: a city department's staff do not see what other
 * departments handle just because they are "city level"; supervisors oversee their level of government.
 */
let t: TestApp;
const clock = new Date("2026-02-12T02:00:00Z"); // Thursday 12 Feb 2026, 10:00 in Shanghai
let appId: string;
let appNumber: string;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  const item = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
  const citizen = await login(t.app, "13800000001");
  const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId: item.id, formData: FOOD_LICENCE_FORM }) });
  expect(res.statusCode).toBe(201);
  appId = res.json().id;
  appNumber = res.json().number;
});
afterAll(() => t.close());

const call = (who: LoggedIn, method: "GET" | "POST", url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });
const inboxNumbers = async (who: LoggedIn, query: string) => {
  const res = await call(who, "GET", `/applications/inbox?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ number: string }>).map((i) => i.number);
};

describe("the inbox and applications", () => {
  it("a city department's staff do not see a district department's applications; the district's do", async () => {
    expect(await inboxNumbers(await login(t.app, "review.amr"), "")).not.toContain(appNumber);
    expect(await inboxNumbers(await login(t.app, "review.psb"), "")).not.toContain(appNumber);
    expect(await inboxNumbers(await login(t.app, "review.amr.huangpu"), "")).toContain(appNumber);
    expect((await call(await login(t.app, "approve.amr"), "GET", `/applications/${appId}`)).statusCode).toBe(404);
  });

  it("supervisors list the overdue and due-soon applications of their level of government, read them, but do not handle them", async () => {
    const city = await login(t.app, "supervisor");
    const huangpu = await login(t.app, "supervisor.huangpu");
    expect(await inboxNumbers(city, "")).toContain(appNumber);
    expect(await inboxNumbers(huangpu, "")).toContain(appNumber);
    expect(await inboxNumbers(city, "overdue=true")).not.toContain(appNumber);
    expect(await inboxNumbers(city, "dueSoon=true")).not.toContain(appNumber);

    // One working day left (Friday 13 February is the next working day after Thursday the 12th).
    await t.database.db.updateTable("applications").set({ committed_deadline: "2026-02-13" }).where("id", "=", appId).execute();
    expect(await inboxNumbers(city, "dueSoon=true")).toContain(appNumber);
    expect(await inboxNumbers(huangpu, "dueSoon=true")).toContain(appNumber);
    expect(await inboxNumbers(city, "overdue=true")).not.toContain(appNumber);
    // Past its deadline.
    await t.database.db.updateTable("applications").set({ committed_deadline: "2026-02-11" }).where("id", "=", appId).execute();
    expect(await inboxNumbers(city, "overdue=true")).toContain(appNumber);
    expect(await inboxNumbers(city, "dueSoon=true")).not.toContain(appNumber);

    const detail = await call(city, "GET", `/applications/${appId}`);
    expect(detail.statusCode).toBe(200);
    const acted = await call(city, "POST", `/applications/${appId}/actions`, { action: "accept", lockVersion: detail.json().lockVersion });
    expect(acted.statusCode).toBe(403);
  });

  it("a supervisor assigns the step to a colleague of the handling department", async () => {
    const city = await login(t.app, "supervisor");
    const assignees = await call(city, "GET", `/applications/${appId}/assignees`);
    expect(assignees.statusCode, assignees.body).toBe(200);
    const reviewer = (assignees.json().items as Array<{ accountId: string; name: string }>)[0]!;
    const detail = (await call(city, "GET", `/applications/${appId}`)).json();
    const res = await call(city, "POST", `/applications/${appId}/assignment`, { assigneeAccountId: reviewer.accountId, lockVersion: detail.lockVersion });
    expect(res.statusCode, res.body).toBe(200);
    // A city department's approver may not.
    const other = await call(await login(t.app, "approve.amr"), "GET", `/applications/${appId}/assignees`);
    expect(other.statusCode).toBe(404);
  });
});

describe("秒批, policy matches and 差评 figures", () => {
  it("a city department's reviewer lists no other department's automatic approvals, rules or policies", async () => {
    const psb = await login(t.app, "review.psb");
    const checks = await call(psb, "GET", "/auto-approval/checks");
    expect(checks.statusCode).toBe(200);
    const pathOf = async (itemId: string) =>
      (await t.database.db.selectFrom("catalogue_items as i").innerJoin("orgs as o", "o.id", "i.org_id").select("o.path").where("i.id", "=", itemId).executeTakeFirstOrThrow()).path;
    const huangpu = (await call(await login(t.app, "catalog.admin.huangpu"), "GET", "/auto-approval/rules")).json().items as Array<{ itemId: string }>;
    for (const r of huangpu) expect(await pathOf(r.itemId)).toMatch(/^310000\/310101\//);
    const cityRules = (await call(await login(t.app, "supervisor"), "GET", "/auto-approval/rules")).json().items as Array<{ itemId: string }>;
    expect(cityRules.length).toBeGreaterThan(huangpu.length);
    const districts = new Set(await Promise.all(cityRules.map(async (r) => (await pathOf(r.itemId)).split("/")[1])));
    expect(districts.size).toBeGreaterThan(1);
    // review.psb sees only re-checks of its own bureau's items.
    for (const c of checks.json().items as Array<{ applicationId: string }>) {
      const handling = await t.database.db.selectFrom("applications as a").innerJoin("orgs as o", "o.id", "a.handling_org_id").select("o.path").where("a.id", "=", c.applicationId).executeTakeFirstOrThrow();
      expect(handling.path.startsWith("310000/310000-PSB/")).toBe(true);
    }
    expect((await call(psb, "GET", "/admin/policies")).statusCode).toBe(403);
  });

  it("tracing shows a city department its own subtree, the city's supervisor the whole city", async () => {
    const amr = await call(await login(t.app, "review.amr"), "GET", "/ratings/trace");
    expect(amr.statusCode).toBe(200);
    const city = await call(await login(t.app, "supervisor"), "GET", "/ratings/trace");
    expect(city.statusCode).toBe(200);
  });
});
