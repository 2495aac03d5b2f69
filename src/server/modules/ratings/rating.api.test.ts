import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { login, messagesWithoutEnglish, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let clock = new Date("2026-11-16T02:00:00Z"); // Monday 16 Nov 2026, 10:00 in Shanghai
let itemId: string;
let citizen: LoggedIn;
let reviewer: LoggedIn;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
  citizen = await login(t.app, "13800000001"); // 张伟明
  reviewer = await login(t.app, "review.amr.huangpu"); // 曹磊, 黄浦区市场监督管理局
});
afterAll(() => t.close());

/** Every message queued so far has English, and one of this kind went out in both languages. */
async function toldInBothLanguages(kind: string) {
  expect(await messagesWithoutEnglish(t)).toEqual([]);
  const sent = await t.database.db.selectFrom("messages").select(["title", "title_en"]).where("kind", "=", kind).execute();
  expect(sent.length, kind).toBeGreaterThan(0);
  for (const m of sent) expect(m.title_en, m.title).toMatch(/^[A-Za-z]/);
}

const post = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
const put = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "PUT", url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

async function submitAndSupplement() {
  const app = (await post(citizen, "/applications", await withMaterials(t, citizen, { itemId, formData: FOOD_LICENCE_FORM }))).json();
  const lockVersion = (await get(reviewer, `/applications/${app.id}`)).json().lockVersion;
  const res = await post(reviewer, `/applications/${app.id}/actions`, { action: "request_supplement", opinion: "请补充经营场所平面图", supplementItems: ["floorPlan"], lockVersion });
  expect(res.statusCode).toBe(200);
  return app.id as string;
}

/** The id of the 差评 case a rating opened, found by the case number the rating returned. */
async function caseOpenedBy(rating: { json(): { caseNumber: string } }) {
  const items = (await get(reviewer, "/rating-cases?limit=100")).json().items as { id: string; number: string }[];
  return items.find((c) => c.number === rating.json().caseNumber)!.id;
}

async function act(who: LoggedIn, caseId: string, action: string, note?: string) {
  const lockVersion = (await get(who, `/rating-cases/${caseId}`)).json().lockVersion;
  return post(who, `/rating-cases/${caseId}/actions`, { action, lockVersion, ...(note ? { note } : {}) });
}

describe("好差评: rating a service event", () => {
  // One rating's life (rated, a case opened, handled, re-rated) is one story, so its steps are one test.
  it("is rated by the applicant once staff have acted; a 非常不满意 opens a case only the department and its supervisors see; the department handles it and the rater re-rates", async () => {
    const early = (await post(citizen, "/applications", await withMaterials(t, citizen, { itemId, formData: FOOD_LICENCE_FORM }))).json();
    expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: early.id, level: 5 })).json().error.code).toBe("RATING_NOT_YET");
    expect((await post(citizen, "/ratings", { eventKind: "application_completed", eventId: early.id, level: 5 })).json().error.code).toBe("RATING_NOT_YET");
    const appId = await submitAndSupplement();
    const pending = (await get(citizen, "/me/ratings/pending")).json().items;
    expect(pending).toContainEqual(expect.objectContaining({ kind: "application_accepted", id: appId, title: "食品经营许可", orgName: "黄浦区市场监督管理局", indicatorSet: "online" }));
    expect(pending.some((p: { id: string }) => p.id === early.id)).toBe(false);
    const form = (await get(citizen, `/ratings/form?eventKind=application_accepted&eventId=${appId}`)).json();
    expect(form).toMatchObject({ stepName: "一次性告知补正", staffName: "曹磊", orgName: "黄浦区市场监督管理局" });
    expect(form.indicators.map((i: { name: string }) => i.name)).toEqual(["办事效率", "办事指南精确度", "办事便捷度", "平台操作性"]);

    // Only the applicant may rate, with the channel's indicators and the listed tags.
    const other = await login(t.app, "13800000007");
    expect((await post(other, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1 })).json().error.code).toBe("RATING_NOT_YOURS");
    expect((await post(reviewer, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1 })).statusCode).toBe(403);
    expect((await post(null, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1 })).statusCode).toBe(401);
    const onsite = await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1, indicators: { service_attitude: 1 } });
    expect(onsite.json().error.code).toBe("RATING_INVALID");
    expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1, tags: ["rude"] })).statusCode).toBe(400);
    expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 6 })).statusCode).toBe(400);
    expect(await t.database.db.selectFrom("ratings").select("id").where("event_id", "=", appId).execute()).toEqual([]);

    // A 非常不满意 after a supplement request opens a case for the department, traced to the step and the reviewer.
    const res = await post(citizen, "/ratings", {
      eventKind: "application_accepted",
      eventId: appId,
      level: 1,
      indicators: { efficiency: 1, guide_accuracy: 2, convenience: 1, usability: 3 },
      tags: ["repeated_materials", "unclear_guide"],
      comment: "指南里没有写要平面图，白跑一趟",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().caseNumber).toMatch(/^CP20261116\d{4}$/);
    expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 5 })).json().error.code).toBe("RATING_EXISTS");
    const cases = (await get(reviewer, "/rating-cases?state=open&limit=100")).json().items as { id: string; number: string }[];
    const opened = cases.find((c) => c.number === res.json().caseNumber)!;
    const caseId = opened.id;
    expect(opened).toMatchObject({ state: "verifying", orgName: "黄浦区市场监督管理局", stepName: "一次性告知补正", staffName: "曹磊", level: 1, raterName: "张伟明", deadline: "2026-11-17", light: "yellow" });
    const view = (await get(reviewer, `/rating-cases/${caseId}`)).json();
    expect(view).toMatchObject({ respondDeadline: "2026-11-17", rectifyDeadline: "2026-12-07", tags: ["材料反复要求", "指南不清楚"] });
    expect(view.actions.map((a: { action: string }) => a.action)).toEqual(["verify", "appeal"]);
    // The department's handlers were told.
    const messages = await t.database.db.selectFrom("outbox").select("payload").where("topic", "=", "message.direct").execute();
    expect(JSON.stringify(messages.map((m) => m.payload))).toContain("收到差评，请及时核实");
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "rating%").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["rating.create", "rating_case.open"]));

    // Other departments, other districts' supervisors and other citizens do not see the case.
    for (const who of ["review.amr.pudong", "review.psb.huangpu", "window.pudong"]) {
      const staff = await login(t.app, who);
      expect((await get(staff, `/rating-cases/${caseId}`)).statusCode, who).toBe(404);
    }
    const pudong = await login(t.app, "review.amr.pudong");
    expect((await get(pudong, "/rating-cases")).json().items).toEqual([]);
    expect((await get(await login(t.app, "13800000007"), `/rating-cases/${caseId}`)).statusCode).toBe(404);
    expect((await get(await login(t.app, "catalog.admin"), "/rating-cases")).statusCode).toBe(403);
    expect((await get(await login(t.app, "supervisor.huangpu"), `/rating-cases/${caseId}`)).statusCode).toBe(200);
    expect((await get(citizen, `/rating-cases/${caseId}`)).json().actions).toEqual([]);

    // The department verifies, rectifies and replies; it cannot close before replying; the rater re-rates and the case closes.
    expect((await act(reviewer, caseId, "verify")).json().error.code).toBe("CASE_NOTE_REQUIRED");
    expect((await act(reviewer, caseId, "verify", "属实：办事指南未列明经营场所平面图")).json().state).toBe("rectifying");
    expect((await act(reviewer, caseId, "close")).json().error.code).toBe("CASE_ACTION_NOT_ALLOWED");
    expect((await act(reviewer, caseId, "rectify", "已在办事指南申请材料中增加“经营场所平面图”及样表")).json().state).toBe("replying");
    // A real-name rater must be replied to: no closing from 待回访.
    expect((await act(reviewer, caseId, "close")).json().error.code).toBe("CASE_REPLY_REQUIRED");
    // A stale version is refused, not overwritten.
    const stale = await post(reviewer, `/rating-cases/${caseId}/actions`, { action: "reply", note: "x", lockVersion: 1 });
    expect(stale.json().error.code).toBe("CASE_CHANGED");
    // Only the citizen can re-rate, and only after the reply.
    expect((await post(citizen, `/rating-cases/${caseId}/rerate`, { level: 4 })).json().error.code).toBe("CASE_ACTION_NOT_ALLOWED");
    const replied = (await act(reviewer, caseId, "reply", "已电话联系张先生致歉，并说明已更新指南")).json();
    expect(replied).toMatchObject({ state: "replied", reply: "已电话联系张先生致歉，并说明已更新指南" });
    const mine = (await get(citizen, "/me/ratings")).json().items;
    expect(mine.find((r: { case?: { number: string } }) => r.case?.number === res.json().caseNumber)).toMatchObject({ level: 1, stepName: "一次性告知补正", case: { state: "replied", rectification: "已在办事指南申请材料中增加“经营场所平面图”及样表" } });
    expect((await post(await login(t.app, "13800000007"), `/rating-cases/${caseId}/rerate`, { level: 5 })).statusCode).toBe(404);
    const rerate = await post(citizen, `/rating-cases/${caseId}/rerate`, { level: 4, indicators: { efficiency: 4 }, comment: "改进及时" });
    expect(rerate.statusCode).toBe(201);
    const closed = (await get(reviewer, `/rating-cases/${caseId}`)).json();
    expect(closed).toMatchObject({ state: "closed", rerating: { level: 4, levelName: "满意" } });
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(["open", "verify", "rectify", "reply", "rerate"]);
    expect((await post(citizen, `/rating-cases/${caseId}/rerate`, { level: 5 })).json().error.code).toBe("CASE_ACTION_NOT_ALLOWED");
    // The department's new case and the rater's reply went out in both languages.
    await toldInBothLanguages("rating_case");
    await toldInBothLanguages("rating_reply");
  });
});

describe("差评 cases: appeal, deadlines and escalation", () => {
  it("a department appeals a mistaken rating; a supervisor upholds it and the rating no longer counts", async () => {
    const before = (await get(null, "/ratings/public")).json().overall;
    const appId = await submitAndSupplement();
    const caseId = await caseOpenedBy(await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 2, comment: "测试" }));
    expect((await get(null, "/ratings/public")).json().overall).toMatchObject({ total: before.total + 1, bad: before.bad + 1 });
    expect((await act(reviewer, caseId, "appeal", "评价内容与本事项无关，系误评")).json().state).toBe("appealed");
    // The department cannot decide its own appeal.
    expect((await act(reviewer, caseId, "uphold_appeal", "同意")).statusCode).toBe(403);
    const supervisor = await login(t.app, "supervisor.huangpu");
    expect((await act(supervisor, caseId, "uphold_appeal")).json().error.code).toBe("CASE_NOTE_REQUIRED");
    expect((await act(supervisor, caseId, "uphold_appeal", "经核查评价内容与办件无关，申诉成立")).json().state).toBe("voided");
    const rating = await t.database.db.selectFrom("ratings").select(["status", "excluded_reason"]).where("event_id", "=", appId).executeTakeFirstOrThrow();
    expect(rating).toEqual({ status: "excluded", excluded_reason: "申诉成立：经核查评价内容与办件无关，申诉成立" });
    const figures = (await get(null, "/ratings/public")).json();
    expect(figures.overall).toMatchObject({ total: before.total, bad: before.bad });
    await toldInBothLanguages("rating_appeal");
  });

  it("a rejected appeal sends the case to rectification", async () => {
    const appId = await submitAndSupplement();
    const caseId = await caseOpenedBy(await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1 }));
    await act(reviewer, caseId, "appeal", "申请人未按指南提交材料");
    const city = await login(t.app, "supervisor");
    expect((await act(city, caseId, "reject_appeal", "指南确未列明该材料，申诉不成立")).json().state).toBe("rectifying");
  });

  it("an unverified case past its deadline escalates once to the supervisors above the department", async () => {
    const appId = await submitAndSupplement();
    const caseId = await caseOpenedBy(await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1, anonymous: true }));
    expect((await get(reviewer, `/rating-cases/${caseId}`)).json().raterName).toBe("匿名评价人");
    expect(await t.services.ratingCases.escalateOverdue()).toBe(0);
    clock = new Date("2026-11-18T02:00:00Z"); // Wednesday: the respond deadline (17th) has passed
    try {
      expect(await t.services.ratingCases.escalateOverdue()).toBeGreaterThanOrEqual(1); // this case, and any other left unverified
      expect(await t.services.ratingCases.escalateOverdue()).toBe(0);
      const view = (await get(await login(t.app, "supervisor.huangpu"), `/rating-cases/${caseId}`)).json();
      expect(view).toMatchObject({ escalated: true, escalations: ["respond"], light: "red" });
      expect(view.timeline.at(-1)).toMatchObject({ action: "escalate", label: "超期督办" });
      expect(view.timeline.at(-1).note).toContain("潘明");
      // An anonymous rater cannot be replied to: after rectification the department may close it.
      reviewer = await login(t.app, "review.amr.huangpu");
      await act(reviewer, caseId, "verify", "属实");
      await act(reviewer, caseId, "rectify", "已增加材料说明");
      const closed = await act(reviewer, caseId, "close");
      expect(closed.json().state, closed.body).toBe("closed");
      await toldInBothLanguages("rating_case_overdue");
    } finally {
      clock = new Date("2026-11-16T02:00:00Z");
      reviewer = await login(t.app, "review.amr.huangpu");
    }
  });

  it("deadlines are settings: city supervisors change them, others may not", async () => {
    const city = await login(t.app, "supervisor");
    const view = (await get(reviewer, "/supervision/deadlines")).json();
    expect(view.value).toMatchObject({ caseRespondDays: 1, caseRectifyDays: 15, ticketReplyDays: { enquiry: 3, complaint: 13 } });
    const value = { ...view.value, caseRectifyDays: 5 };
    expect((await put(await login(t.app, "supervisor.huangpu"), "/supervision/deadlines", { value, lockVersion: view.lockVersion })).statusCode).toBe(403);
    expect((await put(reviewer, "/supervision/deadlines", { value, lockVersion: view.lockVersion })).statusCode).toBe(403);
    const saved = await put(city, "/supervision/deadlines", { value, lockVersion: view.lockVersion });
    expect(saved.json()).toMatchObject({ value: { caseRectifyDays: 5 }, lockVersion: view.lockVersion + 1, updatedBy: "袁正清" });
    try {
      expect((await put(city, "/supervision/deadlines", { value, lockVersion: view.lockVersion })).json().error.code).toBe("SETTINGS_CHANGED");
      expect((await put(city, "/supervision/deadlines", { value: { ...value, caseRespondDays: 0 }, lockVersion: saved.json().lockVersion })).statusCode).toBe(400);
      const appId = await submitAndSupplement();
      const caseId = await caseOpenedBy(await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 2 }));
      expect((await get(reviewer, `/rating-cases/${caseId}`)).json().rectifyDeadline).toBe("2026-11-23");
    } finally {
      await put(city, "/supervision/deadlines", { value: view.value, lockVersion: saved.json().lockVersion });
    }
  });
});

describe("window tablet and hotline ratings", () => {
  it("a window clerk hands over a one-time rating page; the citizen rates on site; the link is used up", async () => {
    const clerk = await login(t.app, "window.huangpu");
    const receipt = (await post(clerk, "/window/applications", { itemId, idNumber: "310101198503125034", formData: FOOD_LICENCE_FORM })).json();
    const appId = receipt.id as string;
    const lockVersion = (await get(reviewer, `/applications/${appId}`)).json().lockVersion;
    expect((await post(reviewer, `/applications/${appId}/actions`, { action: "request_supplement", opinion: "请补充经营场所平面图", lockVersion })).statusCode).toBe(200);
    expect((await post(await login(t.app, "window.pudong"), "/ratings/invitations", { eventKind: "application_accepted", eventId: appId })).statusCode).toBe(403);
    expect((await post(citizen, "/ratings/invitations", { eventKind: "application_accepted", eventId: appId })).statusCode).toBe(403);
    const inv = await post(clerk, "/ratings/invitations", { eventKind: "application_accepted", eventId: appId });
    expect(inv.statusCode).toBe(201);
    const { token, path } = inv.json();
    expect(path).toBe(`/rate/${token}`);
    const page = (await get(null, `/ratings/invitations/${token}`)).json();
    expect(page).toMatchObject({ raterName: "张*明", indicatorSet: "onsite", itemName: "食品经营许可" });
    expect(page.indicators.map((i: { name: string }) => i.name)).toEqual(["服务效率", "服务水平", "服务态度"]);
    const rated = await post(null, `/ratings/invitations/${token}`, { level: 5, indicators: { service_attitude: 5 }, tags: ["friendly"] });
    expect(rated.statusCode).toBe(201);
    expect((await post(null, `/ratings/invitations/${token}`, { level: 1 })).json().error.code).toBe("RATING_LINK_INVALID");
    expect((await get(null, `/ratings/invitations/${token}`)).statusCode).toBe(410);
    const row = await t.database.db.selectFrom("ratings").select(["channel", "rater_name", "indicator_set"]).where("event_id", "=", appId).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: "window", rater_name: "张伟明", indicator_set: "onsite" });
    const org = await t.database.db.selectFrom("ratings as r").innerJoin("orgs as o", "o.id", "r.org_id").innerJoin("orgs as w", "w.id", "r.window_org_id").select(["o.name", "w.name as window", "r.step_name", "r.staff_name"]).where("r.event_id", "=", appId).executeTakeFirstOrThrow();
    expect(org).toEqual({ name: "黄浦区市场监督管理局", window: "黄浦区政务服务中心综合受理一号窗口", step_name: "一次性告知补正", staff_name: "曹磊" });
  });

  it("a hotline agent records a rating on a call-back; other staff may not", async () => {
    const appId = await submitAndSupplement();
    expect((await post(reviewer, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 5 })).statusCode).toBe(403);
    const agent = await login(t.app, "hotline.agent");
    const res = await post(agent, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 4, indicators: { efficiency: 4 } });
    expect(res.statusCode).toBe(201);
    const row = await t.database.db.selectFrom("ratings").select(["channel", "rater_name", "recorded_by"]).where("event_id", "=", appId).executeTakeFirstOrThrow();
    const agentId = (await t.database.db.selectFrom("accounts").select("id").where("username", "=", "hotline.agent").executeTakeFirstOrThrow()).id;
    expect(row).toEqual({ channel: "hotline", rater_name: "张伟明", recorded_by: agentId });
  });
});

describe("服务溯源 and public figures", () => {
  it("traces 差评 to steps, tags and staff for the department; the public page shows satisfaction per department and item", async () => {
    const tagged = (await get(reviewer, "/ratings/trace")).json().badByTags.find((x: { tag: string }) => x.tag === "repeated_materials")?.count ?? 0;
    const appId = await submitAndSupplement();
    expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: appId, level: 1, tags: ["repeated_materials"] })).statusCode).toBe(201);
    const res = await get(reviewer, "/ratings/trace");
    expect(res.statusCode, res.body).toBe(200);
    const trace = res.json();
    expect(trace.badBySteps[0]).toMatchObject({ name: "一次性告知补正" });
    expect(trace.badByStaff[0]).toMatchObject({ name: "曹磊", orgName: "黄浦区市场监督管理局" });
    expect(trace.badByTags).toContainEqual(expect.objectContaining({ tag: "repeated_materials", name: "材料反复要求", count: tagged + 1 }));
    expect(trace.longestWaits.length).toBeGreaterThan(0);
    expect(trace.total).toBeGreaterThanOrEqual(1);
    expect((await get(citizen, "/ratings/trace")).statusCode).toBe(403);
    const pub = (await get(null, "/ratings/public")).json();
    const amr = pub.departments.find((d: { name: string }) => d.name === "黄浦区市场监督管理局");
    // Counted: the excluded (appeal upheld) rating is not; re-ratings are not separate ratings.
    expect(amr.total).toBe(trace.total);
    expect(amr.bad).toBe(trace.bad);
    expect(amr.satisfactionRate).toBeCloseTo((100 * (trace.total - trace.bad)) / trace.total, 0);
    expect(pub.items.find((i: { name: string }) => i.name === "食品经营许可")).toBeTruthy();
  });
});

describe("a window visit (预约到窗口) is rated on the tablet", () => {
  it("after check-in, the clerk hands over the rating page; a 差评 opens a case for the centre, traced to the clerk", async () => {
    const centre = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-SC").executeTakeFirstOrThrow()).id;
    const slot = await t.database.db.selectFrom("appointment_slots").select(["id", "day"]).where("centre_org_id", "=", centre).where("day", ">=", "2026-11-30").orderBy("day").orderBy("start_time").executeTakeFirstOrThrow();
    const saved = clock;
    clock = new Date(`${slot.day}T08:00:00+08:00`); // 08:00 on the day of the visit, before the first slot
    try {
      const visitor = await login(t.app, "13800000003"); // 王建国
      const booked = await post(visitor, "/appointments", { itemId, slotId: slot.id });
      expect(booked.statusCode, booked.body).toBe(201);
      const clerk = await login(t.app, "window.huangpu");
      expect((await post(clerk, "/ratings/invitations", { eventKind: "appointment", eventId: booked.json().id })).json().error.code).toBe("RATING_NOT_YET");
      expect((await post(clerk, `/appointments/${booked.json().id}/check-in`, {})).statusCode).toBe(200);
      expect((await get(visitor, "/me/ratings/pending")).json().items).toContainEqual(expect.objectContaining({ kind: "appointment", id: booked.json().id, indicatorSet: "onsite" }));
      const { token } = (await post(clerk, "/ratings/invitations", { eventKind: "appointment", eventId: booked.json().id })).json();
      const res = await post(null, `/ratings/invitations/${token}`, { level: 2, indicators: { service_attitude: 2 }, tags: ["long_wait"] });
      expect(res.statusCode, res.body).toBe(201);
      const rated = res.json();
      expect(rated.caseNumber).toMatch(/^CP/);
      const row = await t.database.db.selectFrom("ratings as r").innerJoin("orgs as o", "o.id", "r.org_id").select(["o.name", "r.step_name", "r.staff_name", "r.channel"]).where("r.event_id", "=", booked.json().id).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: "黄浦区政务服务中心综合受理一号窗口", step_name: "窗口现场办理", staff_name: "沈晓燕", channel: "window" });
      // The window's own clerk sees the case and was told.
      expect((await get(clerk, "/rating-cases")).json().items).toContainEqual(expect.objectContaining({ number: rated.caseNumber, stepName: "窗口现场办理" }));
    } finally {
      clock = saved;
      reviewer = await login(t.app, "review.amr.huangpu");
    }
  });
});
