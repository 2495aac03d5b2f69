import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import { INSTANT_TEMPLATE, PROMISE_TEMPLATE } from "../../../shared/workflow-definition";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";

let t: TestApp;
const clock = new Date("2026-12-24T02:00:00Z"); // Thursday 24 December 2026
let admin: LoggedIn;
let itemId: string;
const form = FOOD_LICENCE_FORM;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  admin = await login(t.app, "admin");
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const put = (who: LoggedIn, year: number, body: object) => t.app.inject({ method: "PUT", url: `/api/v1/calendar/years/${year}`, headers: who.headers, payload: body });
const y2027 = {
  holidays: [
    { date: "2027-01-01", name: "元旦" },
    { date: "2027-01-04", name: "元旦" },
  ],
  workdays: ["2027-01-09"],
  lockVersion: null,
};

describe("working-day calendar (administrators)", () => {
  it("flags a deadline past the last configured year, and computes it once the year is configured", async () => {
    const citizen = await login(t.app, "13800000001");
    const before = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId, formData: form }) });
    expect(before.json()).toMatchObject({ committedDeadline: null, deadlineBeyondCalendar: true });

    expect((await put(admin, 2027, y2027)).statusCode).toBe(200);
    // The flagged application gets its deadline as soon as the year exists.
    const fixed = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${before.json().id}`, headers: citizen.headers })).json();
    expect(fixed).toMatchObject({ committedDeadline: "2027-01-06", deadlineBeyondCalendar: false });
    const years = (await t.app.inject({ method: "GET", url: "/api/v1/calendar/years" })).json().items;
    expect(years.map((y: { year: number; source: string }) => `${y.year}:${y.source}`)).toEqual(expect.arrayContaining(["2025:built_in", "2026:built_in", "2027:configured"]));
    // 7 working days after Thu 24 Dec 2026: 25, 28–31 Dec, then 1 Jan (holiday) is skipped, 4 Jan (holiday) skipped, 5 and 6 Jan.
    const after = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId, formData: { ...form, seats: 41 } }) });
    expect(after.json()).toMatchObject({ committedDeadline: "2027-01-06", deadlineBeyondCalendar: false });
  });

  it("refuses bad years, stale edits and anyone but a city administrator", async () => {
    const saves = async () => (await t.database.db.selectFrom("audit_log").select("action").where("action", "=", "calendar.save").execute()).length;
    const before = await saves();
    const bad = await put(admin, 2028, { holidays: [{ date: "2027-05-01", name: "劳动节" }], workdays: ["2028-01-05"], lockVersion: null });
    expect(bad.json().error).toMatchObject({ code: "CALENDAR_INVALID", details: { problems: ["2027-05-01 不在 2028 年", "调休上班日 2028-01-05 不是周末"] } });
    // A year of its own, in the past so that it moves no deadline: created, then a second creation and a stale edit are refused.
    const y2024 = { holidays: [{ date: "2024-01-01", name: "元旦" }], workdays: [], lockVersion: null };
    expect((await put(admin, 2024, y2024)).statusCode).toBe(200);
    expect((await put(admin, 2024, y2024)).json().error.code).toBe("CALENDAR_CHANGED");
    expect((await put(admin, 2024, { ...y2024, lockVersion: 0 })).statusCode).toBe(200);
    expect((await put(admin, 2024, { ...y2024, lockVersion: 0 })).json().error.code).toBe("CALENDAR_CHANGED");
    expect((await put(await login(t.app, "admin.huangpu"), 2029, { ...y2027, holidays: [], workdays: [] })).statusCode).toBe(403);
    expect((await put(await login(t.app, "supervisor"), 2029, { ...y2027, holidays: [], workdays: [] })).statusCode).toBe(403);
    expect(await saves()).toBe(before + 2);
  });
});

describe("per-item workflow definitions", () => {
  const url = () => `/api/v1/admin/catalogue/items/${itemId}/workflow`;
  /** Each test starts from the item on its template (whatever an earlier test saved); returns the version to edit. */
  const onTemplate = async (): Promise<number> => {
    const city = await login(t.app, "catalog.admin");
    const view = (await t.app.inject({ method: "GET", url: url(), headers: city.headers })).json();
    if (!view.custom) return view.lockVersion;
    const reset = await t.app.inject({ method: "PUT", url: url(), headers: city.headers, payload: { definition: null, lockVersion: view.lockVersion } });
    return reset.json().lockVersion;
  };

  it("shows the template until the item gets its own; an invalid definition is refused with every problem", async () => {
    const v = await onTemplate();
    const catalogAdmin = await login(t.app, "catalog.admin.huangpu");
    const current = (await t.app.inject({ method: "GET", url: url(), headers: catalogAdmin.headers })).json();
    expect(current).toMatchObject({ custom: false, template: "承诺件", lockVersion: v, canEdit: true });
    expect(current.definition).toEqual(PROMISE_TEMPLATE);

    const deadEnd = { ...PROMISE_TEMPLATE, actions: PROMISE_TEMPLATE.actions.filter((a) => a.key !== "approve" && a.key !== "deny") };
    const refused = await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: deadEnd, lockVersion: v } });
    expect(refused.json().error.code).toBe("WORKFLOW_INVALID");
    expect(refused.json().error.details.problems).toContain("从状态“待决定”出发无法办结（存在死路）");
    const noRole = await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: { ...INSTANT_TEMPLATE, actions: [{ ...INSTANT_TEMPLATE.actions[0], roles: [] }] }, lockVersion: v } });
    expect(noRole.json().error.code).toBe("WORKFLOW_INVALID");
  });

  it("saves a valid definition that new applications follow, detects a stale save, and only the item's administrators may edit", async () => {
    const v = await onTemplate();
    const catalogAdmin = await login(t.app, "catalog.admin.huangpu");
    // 即办件 for this item: accepted and decided at once.
    const saved = await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: { ...INSTANT_TEMPLATE, name: "食品经营许可（即办）" }, lockVersion: v } });
    expect(saved.json()).toMatchObject({ custom: true, lockVersion: v + 1 });
    expect((await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: null, lockVersion: v } })).json().error.code).toBe("WORKFLOW_CHANGED");
    expect((await t.app.inject({ method: "PUT", url: url(), headers: (await login(t.app, "catalog.admin")).headers, payload: { definition: null, lockVersion: v + 1 } })).statusCode).toBe(200); // the city's administrators may too, back to the template
    expect((await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: { ...INSTANT_TEMPLATE, name: "食品经营许可（即办）" }, lockVersion: v + 2 } })).statusCode).toBe(200);
    const pudongAdmin = await login(t.app, "review.amr.pudong");
    expect((await t.app.inject({ method: "PUT", url: url(), headers: pudongAdmin.headers, payload: { definition: null, lockVersion: v + 3 } })).statusCode).toBe(403);

    const citizen = await login(t.app, "13800000006");
    const app = (await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId, formData: { ...form, contactMobile: "13800000006" } }) })).json();
    const reviewer = await login(t.app, "approve.amr.huangpu");
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${app.id}`, headers: reviewer.headers })).json();
    expect(detail.actions.map((a: { key: string }) => a.key)).toEqual(["approve", "deny"]);
  });

  it("holds a step with parallel sign-off (会签) until every listed role has signed, and keeps each step's own deadline", async () => {
    const catalogAdmin = await login(t.app, "catalog.admin.huangpu");
    await onTemplate();
    const view = (await t.app.inject({ method: "GET", url: url(), headers: catalogAdmin.headers })).json();
    const countersigned = { ...PROMISE_TEMPLATE, name: "承诺件（会签）", states: PROMISE_TEMPLATE.states.map((st) => (st.key === "deciding" ? { ...st, parallel: { roles: ["reviewer", "approver"], thenAction: "approve" } } : st)) };
    expect((await t.app.inject({ method: "PUT", url: url(), headers: catalogAdmin.headers, payload: { definition: countersigned, lockVersion: view.lockVersion } })).statusCode).toBe(200);

    const citizen = await login(t.app, "13800000001");
    const receipt = (await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId, formData: { ...form, contactMobile: "13800000001" } }) })).json();
    expect(receipt.stepDeadline).toBe("2026-12-25"); // 待受理: one working day
    const reviewer = await login(t.app, "review.amr.huangpu");
    const approver = await login(t.app, "approve.amr.huangpu");
    const act = async (who: LoggedIn, action: string) => {
      const lockVersion = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${receipt.id}`, headers: who.headers })).json().lockVersion;
      return t.app.inject({ method: "POST", url: `/api/v1/applications/${receipt.id}/actions`, headers: who.headers, payload: { action, lockVersion } });
    };
    expect((await act(reviewer, "accept")).statusCode).toBe(200);
    const deciding = await act(reviewer, "pass_review");
    expect(deciding.json()).toMatchObject({ state: "deciding", stepDeadline: "2026-12-28" }); // 待决定: two working days (Fri 25, Mon 28)
    expect((await act(approver, "approve")).json().error).toMatchObject({ code: "COUNTERSIGN_PENDING", details: { missing: ["reviewer", "approver"] } });
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${receipt.id}`, headers: reviewer.headers })).json();
    expect(detail.actions.map((a: { key: string }) => a.key)).toEqual(["countersign"]);
    expect((await act(reviewer, "countersign")).statusCode).toBe(200);
    expect((await act(reviewer, "countersign")).json().error.code).toBe("ACTION_NOT_ALLOWED");
    expect((await act(approver, "approve")).json().error.details.missing).toEqual(["approver"]);
    expect((await act(approver, "countersign")).statusCode).toBe(200);
    expect((await act(approver, "approve")).json()).toMatchObject({ state: "approved", stepDeadline: null });
    const timeline = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${receipt.id}`, headers: citizen.headers })).json().timeline;
    expect(timeline.map((e: { actionName: string }) => e.actionName)).toEqual(["提交申请", "受理", "审查通过", "会签（审核人员）", "会签（审批人员）", "准予", "颁发电子证照"]);
  });
});
