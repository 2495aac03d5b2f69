import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { act, actInTurn, submitApplication, withMaterials } from "../../testing/factories";
import { sql } from "kysely";

let t: TestApp;
let clock = new Date("2026-02-12T02:00:00Z");
let itemId: string;
let citizen: LoggedIn;

const form = FOOD_LICENCE_FORM;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  const row = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
  itemId = row.id;
  citizen = await login(t.app, "13800000001");
});
afterAll(() => t.close());

const submit = (who: LoggedIn, body: object, key?: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/applications", headers: { ...who.headers, ...(key ? { "idempotency-key": key } : {}) }, payload: body });

/** Thursday 12 Feb 2026, 10:00 in Shanghai, before the Spring Festival: deadlines from here count across the holiday. */
const BEFORE_FESTIVAL = new Date("2026-02-12T02:00:00Z");
const applicationCount = async () => (await t.database.db.selectFrom("applications").select("id").execute()).length;

/** A 食品经营许可 taken through a 补正 (asked before the festival, answered after it) to approval. */
async function approvedAfterSupplement() {
  clock = BEFORE_FESTIVAL;
  const id = await submitApplication(t);
  await actInTurn(t, id, [
    ["review.amr.huangpu", "accept"],
    ["review.amr.huangpu", "request_supplement", { opinion: "请补充就餐座位数和平面布局图", supplementItems: ["seats", "layout"] }],
  ]);
  clock = new Date("2026-02-26T02:00:00Z");
  expect((await act(t, await login(t.app, "13800000001"), id, "resubmit", { formData: { ...form, seats: 60 } })).statusCode).toBe(200);
  await actInTurn(t, id, [
    ["review.amr.huangpu", "pass_review", { opinion: "材料齐全" }],
    ["approve.amr.huangpu", "approve", { opinion: "准予许可" }],
  ]);
  return id;
}

// Each test makes the applications it needs (testing/factories.ts) and sets the clock it assumes: the
// tests of this file do not depend on each other's order.
describe("applications: submission", () => {
  it("refuses invalid form data with each problem, storing nothing", async () => {
    clock = BEFORE_FESTIVAL;
    const before = await applicationCount();
    const res = await submit(citizen, { itemId, formData: { ...form, creditCode: "91310101MA00000079", area: -5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("FORM_DATA_INVALID");
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["creditCode", "area"]));
    expect(await applicationCount()).toBe(before);
  });

  it("refuses a submission that lacks a required material, naming each, storing nothing and taking no number", async () => {
    clock = BEFORE_FESTIVAL;
    const before = await applicationCount();
    const complete = await withMaterials(t, citizen, { itemId, formData: form });
    // One material left out: it is named, and the rest is not kept.
    const lacking = { ...complete, materials: complete.materials!.slice(1) };
    const res = await submit(citizen, lacking);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "MATERIALS_MISSING", message: expect.stringContaining("还缺少必须提交的材料") });
    expect(res.json().error.details.materials).toEqual([{ key: complete.materials![0]!.materialKey, name: expect.any(String) }]);
    expect(await applicationCount()).toBe(before);
    // The day's number was not used up: the complete submission takes the next one in turn.
    const numbered = (await t.database.db.selectFrom("applications").select("id").where("number", "like", "310101-20260212-%").execute()).length;
    const ok = await submit(citizen, complete);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().number).toBe(`310101-20260212-${String(numbered + 1).padStart(6, "0")}`);
  });

  it("issues a numbered receipt with working-day deadlines across the Spring Festival", async () => {
    clock = BEFORE_FESTIVAL;
    const earlier = (await t.database.db.selectFrom("applications").select("id").where("number", "like", "310101-20260212-%").execute()).length;
    const res = await submit(citizen, await withMaterials(t, citizen, { itemId, formData: form }), `key-${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(201);
    // The day's numbers are gap-free: this one follows whatever was numbered earlier that day.
    expect(res.json().number).toBe(`310101-20260212-${String(earlier + 1).padStart(6, "0")}`);
    expect(res.json()).toMatchObject({ state: "submitted", stateName: "待受理", committedDeadline: "2026-02-28", legalDeadline: "2026-03-04", light: "green" });
  });

  it("returns the same receipt for a retried Idempotency-Key, and refuses the key for another request", async () => {
    clock = BEFORE_FESTIVAL;
    const key = `key-${crypto.randomUUID()}`;
    const before = await applicationCount();
    const body = await withMaterials(t, citizen, { itemId, formData: form });
    const first = await submit(citizen, body, key);
    const again = await submit(citizen, body, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const other = await submit(citizen, { itemId, formData: { ...form, seats: 41 } }, key);
    expect(other.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await applicationCount()).toBe(before + 1);
  });

  it("hides the application from other citizens and from staff outside the handling org's subtree", async () => {
    clock = BEFORE_FESTIVAL;
    const id = await submitApplication(t, { applicant: citizen });
    const other = await login(t.app, "13800000007");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: other.headers })).json().error.code).toBe("APPLICATION_NOT_FOUND");
    const pudong = await login(t.app, "window.pudong");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: pudong.headers })).statusCode).toBe(404);
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/applications", headers: citizen.headers })).json();
    expect(mine.items).toContainEqual(expect.objectContaining({ id, itemName: "食品经营许可", handlingOrgName: "黄浦区市场监督管理局", state: "submitted", stateName: "待受理" }));
    expect((await t.app.inject({ method: "GET", url: "/api/v1/applications", headers: other.headers })).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  describe("handling", () => {
    it("shows in the handling department's inbox; two reviewers at once: one wins, the other gets 409", async () => {
      clock = BEFORE_FESTIVAL;
      const id = await submitApplication(t);
      const reviewer = await login(t.app, "review.amr.huangpu");
      const inbox = (await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox?state=submitted&limit=100", headers: reviewer.headers })).json();
      expect(inbox.items.map((i: { id: string }) => i.id)).toContain(id);
      expect(inbox.items.find((i: { id: string }) => i.id === id)).toMatchObject({ itemName: "食品经营许可", stateName: "待受理", handlingOrgName: "黄浦区市场监督管理局" });
      const lockVersion = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: reviewer.headers })).json().lockVersion;
      const accept = () => t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: reviewer.headers, payload: { action: "accept", lockVersion } });
      const [a, b] = await Promise.all([accept(), accept()]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe("APPLICATION_CHANGED");
    });

    it("asks once for a supplement with a reason; the clock stops until the applicant resubmits", async () => {
      clock = BEFORE_FESTIVAL;
      const id = await submitApplication(t);
      await actInTurn(t, id, [["review.amr.huangpu", "accept"]]);
      const reviewer = await login(t.app, "review.amr.huangpu");
      expect((await act(t, reviewer, id, "request_supplement")).json().error.code).toBe("REASON_REQUIRED");
      const asked = await act(t, reviewer, id, "request_supplement", { opinion: "请补充就餐座位数和平面布局图", supplementItems: ["seats", "layout"] });
      expect(asked.json()).toMatchObject({ state: "supplement", stateName: "待补正" });

      // The applicant answers after the holiday, on Thursday 26 Feb.
      clock = new Date("2026-02-26T02:00:00Z");
      const citizenAgain = await login(t.app, "13800000001");
      const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: citizenAgain.headers })).json();
      expect(detail.actions.map((a: { key: string }) => a.key)).toEqual(["resubmit", "withdraw"]);
      expect(detail.timeline.at(-1)).toMatchObject({ action: "request_supplement", opinion: "请补充就餐座位数和平面布局图", details: { supplementItems: ["seats", "layout"] } });
      const resubmitted = await act(t, citizenAgain, id, "resubmit", { formData: { ...form, seats: 60 } });
      expect(resubmitted.statusCode).toBe(200);
      // 13, 14, 24 and 25 Feb were paused: the committed deadline moves from 28 Feb to 5 Mar.
      expect(resubmitted.json()).toMatchObject({ state: "reviewing", committedDeadline: "2026-03-05" });
    });

    it("only an approver decides, and a staff member without the role is refused", async () => {
      clock = BEFORE_FESTIVAL;
      const id = await submitApplication(t);
      await actInTurn(t, id, [
        ["review.amr.huangpu", "accept"],
        ["review.amr.huangpu", "pass_review", { opinion: "材料齐全" }],
      ]);
      expect((await act(t, await login(t.app, "review.amr.huangpu"), id, "approve")).json().error.code).toBe("FORBIDDEN");
      const approver = await login(t.app, "approve.amr.huangpu");
      expect((await act(t, approver, id, "deny")).json().error.code).toBe("REASON_REQUIRED");
      expect((await act(t, approver, id, "approve", { opinion: "准予许可" })).json()).toMatchObject({ state: "approved", outcome: "approved", light: null });
      expect((await act(t, approver, id, "approve")).json().error.code).toBe("ACTION_NOT_ALLOWED");
    });

    it("keeps the timeline, audit records and outbox events", async () => {
      const id = await approvedAfterSupplement();
      // Two refused reads by staff of other districts are recorded too.
      for (const username of ["window.pudong", "review.amr.pudong"]) expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: (await login(t.app, username)).headers })).statusCode).toBe(404);
      const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: (await login(t.app, "13800000001")).headers })).json();
      expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(["submit", "accept", "request_supplement", "resubmit", "pass_review", "approve", "certificate_issued"]);
      const audit = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", id).where("action", "like", "application.%").execute();
      expect(audit.filter((a) => a.action !== "application.read_denied")).toHaveLength(6);
      expect(audit.filter((a) => a.action === "application.read_denied")).toHaveLength(2);
      const outbox = await t.database.db.selectFrom("outbox").select("topic").where(sql<boolean>`payload->>'applicationId' = ${id}`).orderBy("id").execute();
      expect(outbox.map((o) => o.topic)).toEqual(["application.submitted", ...Array(5).fill("application.transition"), "certificate.issued"]);
    });

    it("prints the notices of every step, to the applicant and the department only", async () => {
      const id = await approvedAfterSupplement();
      const applicant = await login(t.app, "13800000001");
      const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: applicant.headers })).json();
      expect(detail.documents).toEqual(["receipt", "acceptance", "supplement", "decision"]);
      const doc = (kind: string, who: LoggedIn) => t.app.inject({ method: "GET", url: `/api/v1/applications/${id}/documents/${kind}`, headers: who.headers });
      const notice = (await doc("supplement", applicant)).json();
      expect(notice).toMatchObject({ title: "补正材料告知书", addressee: "张伟明：", list: ["就餐座位数", "经营场所平面布局图及设备布局、工艺流程说明"], issuer: "黄浦区市场监督管理局", date: "2026年2月12日" });
      expect((await doc("decision", await login(t.app, "review.amr.huangpu"))).json().title).toBe("准予行政许可决定书");
      expect((await doc("rejection", applicant)).json().error.code).toBe("DOCUMENT_NOT_AVAILABLE");
      expect((await doc("receipt", await login(t.app, "13800000007"))).statusCode).toBe(404);
      expect((await doc("receipt", await login(t.app, "review.amr.pudong"))).statusCode).toBe(404);
    });
  });
});

describe("applications at a window (收受分离)", () => {
  it("a 黄浦 window accepts a 浦东 全市通办 item for a walk-in person; it lands in 浦东's inbox and the person sees it online", async () => {
    clock = new Date("2026-03-02T02:00:00Z");
    const pudongItem = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310115-AMR").executeTakeFirstOrThrow();
    const clerk = await login(t.app, "window.huangpu");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/window/applications",
      headers: clerk.headers,
      // 刘芳, the company's authorised agent (经办人), walks in for it.
      payload: { itemId: pudongItem.id, idNumber: "310112199204185129", formData: { ...form, contact: "刘芳", contactMobile: "13800000006" } },
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt.number).toMatch(/^310115-20260302-/);

    const pudong = await login(t.app, "review.amr.pudong");
    const inbox = (await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: pudong.headers })).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(receipt.id);
    const huangpuReviewer = await login(t.app, "review.amr.huangpu");
    const hpInbox = (await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: huangpuReviewer.headers })).json();
    expect(hpInbox.items.map((i: { id: string }) => i.id)).not.toContain(receipt.id);

    const li = await login(t.app, "13800000006");
    const mine = (await t.app.inject({ method: "GET", url: "/api/v1/applications", headers: li.headers })).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(receipt.id);
    const records = (await t.app.inject({ method: "GET", url: "/api/v1/me/data-access", headers: li.headers })).json();
    expect(records.items[0]).toMatchObject({ purpose: "窗口代为提交申请", actorName: "沈晓燕" });
  });

  it("refuses non-clerks and unknown people", async () => {
    const item = await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow();
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await t.app.inject({ method: "POST", url: "/api/v1/window/applications", headers: reviewer.headers, payload: { itemId: item.id, idNumber: "310101198706205042", formData: form } })).statusCode).toBe(403);
    const clerk = await login(t.app, "window.huangpu");
    const unknown = await t.app.inject({ method: "POST", url: "/api/v1/window/applications", headers: clerk.headers, payload: { itemId: item.id, idNumber: "11010519491231002X", formData: form } });
    expect(unknown.json().error.code).toBe("PERSON_NOT_FOUND");
  });
});

describe("overdue alerts", () => {
  it("alerts once per application past its committed deadline", async () => {
    const { raiseOverdueAlerts } = await import("./deadline-alerts");
    clock = new Date("2026-03-03T02:00:00Z");
    const li = await login(t.app, "13800000006");
    const fresh = await submit(li, await withMaterials(t, li, { itemId, formData: { ...form, contact: "刘芳", contactMobile: "13800000006" } }));
    expect(fresh.json().committedDeadline).toBe("2026-03-12");
    const alerted = async (id: string) =>
      (await t.database.db.selectFrom("application_events").select("id").where("application_id", "=", id).where("action", "=", "overdue_alert").execute()).length;
    await raiseOverdueAlerts(t.services.store, new Date("2026-03-10T02:00:00Z")); // other, older applications may be overdue
    expect(await alerted(fresh.json().id)).toBe(0);
    const later = new Date("2026-03-13T02:00:00Z");
    expect(await raiseOverdueAlerts(t.services.store, later)).toBeGreaterThanOrEqual(1);
    expect(await alerted(fresh.json().id)).toBe(1);
    expect(await raiseOverdueAlerts(t.services.store, later)).toBe(0);
    const events = await t.database.db.selectFrom("application_events").select(["application_id", "action"]).where("action", "=", "overdue_alert").execute();
    expect(events.map((e) => e.application_id)).toContain(fresh.json().id);
    expect(new Set(events.map((e) => e.application_id)).size).toBe(events.length);
    const outbox = await t.database.db.selectFrom("outbox").select("topic").where("topic", "=", "application.overdue").execute();
    expect(outbox.length).toBe(events.length);
  });
});

describe("drafts (continue on another device)", () => {
  const url = () => `/api/v1/drafts/${itemId}`;
  it("saves a half-filled form, reads it back from another session, detects a stale save and is cleared by submission", async () => {
    const laptop = await login(t.app, "13800000006");
    const phone = await login(t.app, "13800000006");
    expect((await t.app.inject({ method: "GET", url: url(), headers: laptop.headers })).statusCode).toBe(404);
    const first = await t.app.inject({ method: "PUT", url: url(), headers: laptop.headers, payload: { formData: { enterpriseName: "上海", seats: 12 }, lockVersion: null } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ lockVersion: 0, formData: { enterpriseName: "上海", seats: 12 } });
    const onPhone = (await t.app.inject({ method: "GET", url: url(), headers: phone.headers })).json();
    expect(onPhone.formData).toEqual({ enterpriseName: "上海", seats: 12 });
    const phoneSave = await t.app.inject({ method: "PUT", url: url(), headers: phone.headers, payload: { formData: { ...onPhone.formData, area: 80, contactMobile: "13800000006" }, lockVersion: 0 } });
    expect(phoneSave.json()).toMatchObject({ lockVersion: 1, formData: { contactMobile: "13800000006" } });
    // A mobile in a draft is stored encrypted.
    const stored = await t.database.db.selectFrom("application_drafts").select("form_data").where("item_id", "=", itemId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.form_data)).not.toContain("13800000006");
    const stale = await t.app.inject({ method: "PUT", url: url(), headers: laptop.headers, payload: { formData: { enterpriseName: "旧" }, lockVersion: 0 } });
    expect([stale.statusCode, stale.json().error.code, stale.json().error.details.currentLockVersion]).toEqual([409, "DRAFT_CHANGED", 1]);
    const twiceNew = await t.app.inject({ method: "PUT", url: url(), headers: laptop.headers, payload: { formData: {}, lockVersion: null } });
    expect(twiceNew.statusCode).toBe(409);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/drafts", headers: laptop.headers })).json().items).toEqual([expect.objectContaining({ itemId, itemName: "食品经营许可" })]);

    const res = await submit(laptop, await withMaterials(t, laptop, { itemId, formData: { ...form, contact: "刘芳", contactMobile: "13800000006" } }));
    expect(res.statusCode).toBe(201);
    expect((await t.app.inject({ method: "GET", url: url(), headers: laptop.headers })).statusCode).toBe(404);
  });

  it("keeps drafts to their owner; staff have none", async () => {
    const owner = await login(t.app, "13800000003");
    await t.app.inject({ method: "PUT", url: url(), headers: owner.headers, payload: { formData: { seats: 3 }, lockVersion: null } });
    const other = await login(t.app, "13800000004");
    expect((await t.app.inject({ method: "GET", url: url(), headers: other.headers })).statusCode).toBe(404);
    const staff = await login(t.app, "window.huangpu");
    expect((await t.app.inject({ method: "GET", url: url(), headers: staff.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: url() })).statusCode).toBe(401);
    const unknownItem = await t.app.inject({ method: "PUT", url: "/api/v1/drafts/00000000-0000-4000-8000-000000000000", headers: owner.headers, payload: { formData: {}, lockVersion: null } });
    expect(unknownItem.json().error.code).toBe("ITEM_NOT_FOUND");
  });
});

describe("claim, assign and inbox filters", () => {
  let second: LoggedIn;

  beforeAll(async () => {
    // A second reviewer in 黄浦区市场监督管理局, with the first one's password.
    const first = await t.database.db.selectFrom("accounts").selectAll().where("username", "=", "review.amr.huangpu").executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, updated_at: _u, ...rest } = first;
    await t.database.db.insertInto("accounts").values({ ...rest, username: "review2.amr.huangpu", name: "复核员二", mobile_hash: null, mobile_enc: null }).execute();
    second = await login(t.app, "review2.amr.huangpu");
  });

  /** 刘芳's application for 上海明远, new for each test. */
  const newApplication = async () => submitApplication(t, { applicant: await login(t.app, "13800000006"), formData: { ...form, contact: "王", contactMobile: "13800000006" } });
  let appId: string;
  const assign = (who: LoggedIn, body: object) => t.app.inject({ method: "POST", url: `/api/v1/applications/${appId}/assignment`, headers: who.headers, payload: body });
  const inbox = async (who: LoggedIn, query: string) => (await t.app.inject({ method: "GET", url: `/api/v1/applications/inbox?${query}`, headers: who.headers })).json();
  const version = async () => (await t.database.db.selectFrom("applications").select("lock_version").where("id", "=", appId).executeTakeFirstOrThrow()).lock_version;

  it("a reviewer claims it; a colleague can neither claim it nor act on it; the claim shows in the inbox", async () => {
    appId = await newApplication();
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await inbox(reviewer, "assigned=none")).items.map((i: { id: string }) => i.id)).toContain(appId);
    const claimed = await assign(reviewer, { assigneeAccountId: null, lockVersion: await version() });
    expect(claimed.statusCode).toBe(200);
    expect((await assign(second, { assigneeAccountId: null, lockVersion: await version() })).json().error.code).toBe("APPLICATION_CLAIMED");
    const act = await t.app.inject({ method: "POST", url: `/api/v1/applications/${appId}/actions`, headers: second.headers, payload: { action: "accept", lockVersion: await version() } });
    expect(act.json().error).toMatchObject({ code: "APPLICATION_CLAIMED", details: { assigneeName: expect.any(String) } });
    const mine = await inbox(reviewer, "assigned=me");
    expect(mine.items).toContainEqual(expect.objectContaining({ id: appId, assigneeName: expect.any(String) }));
    expect((await inbox(second, "assigned=me")).items.map((i: { id: string }) => i.id)).not.toContain(appId);
  });

  it("an approver reassigns it within the department only; staff without a say cannot assign", async () => {
    appId = await newApplication();
    expect((await assign(await login(t.app, "review.amr.huangpu"), { assigneeAccountId: null, lockVersion: await version() })).statusCode).toBe(200);
    const approver = await login(t.app, "approve.amr.huangpu");
    const secondId = (await t.database.db.selectFrom("accounts").select("id").where("username", "=", "review2.amr.huangpu").executeTakeFirstOrThrow()).id;
    const pudongId = (await t.database.db.selectFrom("accounts").select("id").where("username", "=", "review.amr.pudong").executeTakeFirstOrThrow()).id;
    expect((await assign(approver, { assigneeAccountId: pudongId, lockVersion: await version() })).json().error.code).toBe("ASSIGNEE_INVALID");
    const firstId = (await t.database.db.selectFrom("accounts").select("id").where("username", "=", "review.amr.huangpu").executeTakeFirstOrThrow()).id;
    expect((await assign(second, { assigneeAccountId: firstId, lockVersion: await version() })).statusCode).toBe(403);
    expect((await assign(approver, { assigneeAccountId: secondId, lockVersion: (await version()) - 1 })).json().error.code).toBe("APPLICATION_CHANGED");
    const candidates = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${appId}/assignees`, headers: approver.headers })).json().items;
    expect(candidates.map((c: { name: string }) => c.name).sort()).toEqual(["复核员二", (await t.database.db.selectFrom("accounts").select("name").where("id", "=", firstId).executeTakeFirstOrThrow()).name].sort());
    expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${appId}/assignees`, headers: second.headers })).statusCode).toBe(403);
    const ok = await assign(approver, { assigneeAccountId: secondId, lockVersion: await version() });
    expect(ok.statusCode).toBe(200);
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${appId}`, headers: second.headers })).json();
    expect(detail.assigneeName).toBe("复核员二");
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(["submit", "claim", "assign"]);
    // The step's transition clears the claim: the next step is open to whoever may take it.
    const accepted = await t.app.inject({ method: "POST", url: `/api/v1/applications/${appId}/actions`, headers: second.headers, payload: { action: "accept", lockVersion: detail.lockVersion } });
    expect(accepted.statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${appId}`, headers: second.headers })).json().assigneeName).toBeNull();
    const outsider = await login(t.app, "review.amr.pudong");
    expect((await assign(outsider, { assigneeAccountId: null, lockVersion: await version() })).statusCode).toBe(404);
  });

  it("finds applications by number, applicant name and overdue state, page by page", async () => {
    appId = await newApplication();
    await submitApplication(t); // 张伟明's own, for the search by name
    const reviewer = await login(t.app, "review.amr.huangpu");
    const number = (await t.database.db.selectFrom("applications").select("number").where("id", "=", appId).executeTakeFirstOrThrow()).number;
    expect((await inbox(reviewer, `q=${number}`)).items.map((i: { id: string }) => i.id)).toEqual([appId]);
    const byName = await inbox(reviewer, `q=${encodeURIComponent("张伟")}`);
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((i: { applicantName: string }) => i.applicantName.includes("张伟"))).toBe(true);
    expect((await inbox(reviewer, `q=${encodeURIComponent("%")}`)).items).toEqual([]);
    const all = await inbox(reviewer, "limit=1");
    expect(all.items).toHaveLength(1);
    expect(all.hasMore).toBe(true);
    const overdue = await inbox(reviewer, "overdue=true");
    expect(overdue.items.every((i: { light: string }) => i.light === "red")).toBe(true);
  });
});
