import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORECARD_SETTINGS, SCORE_INDICATOR_KEYS, type ScoreIndicator } from "../../../shared/scorecard";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { act, actInTurn, submitApplication } from "../../testing/factories";
import { login, messagesWithoutEnglish, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
/** Thursday 3 December 2026, 10:00 in Shanghai. */
let clock = new Date("2026-12-03T02:00:00Z");
let supervisor: LoggedIn;
let city: LoggedIn;
let amr: string;
let overdueCase: string;

/** Moves the clock (sessions idle that long have ended: the supervisors sign in again). */
async function setClock(iso: string) {
  clock = new Date(iso);
  supervisor = await login(t.app, "supervisor.huangpu");
  city = await login(t.app, "supervisor");
}

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  await setClock(clock.toISOString());
  amr = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-AMR").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });
const post = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}), payload: payload as object });

/** The city's own weights for December: on-time and satisfaction count most, 12345 is left at its default. */
const DECEMBER = {
  ...DEFAULT_SCORECARD_SETTINGS,
  indicators: { ...DEFAULT_SCORECARD_SETTINGS.indicators, on_time: { weight: 30, full: 0.95, zero: 0.5 }, legal: { weight: 5, full: 1, zero: 0.9 }, satisfaction: { weight: 15, full: 1, zero: 0.6 }, online: { weight: 10, full: 1, zero: 0.5 } },
};

/**
 * December at 黄浦's market regulator, set up once for the tests that need it (in any order): four 食品经营许可 —
 * on time, on time after a 补正 round, decided late, and one left open past its deadline — a 差评 put right in
 * time and a 非常满意; the clock left on Monday 7 December and the rollup refreshed.
 */
let december: Promise<void> | null = null;
const setUpDecember = () => (december ??= (async () => {
  const citizen = await login(t.app, "13800000001");
  const quick = await submitApplication(t);
  await actInTurn(t, quick, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
  const supplemented = await submitApplication(t);
  await actInTurn(t, supplemented, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "request_supplement", { opinion: "请补充平面布局图", supplementItems: ["layout"] }]]);
  const late = await submitApplication(t);
  overdueCase = await submitApplication(t);
  await t.database.db.updateTable("applications").set({ committed_deadline: "2026-12-02" }).where("id", "=", overdueCase).execute();
  expect((await post(citizen, "/ratings", { eventKind: "application_accepted", eventId: quick, level: 1, comment: "窗口态度差" })).statusCode).toBe(201);
  await setClock("2026-12-07T02:00:00Z"); // Monday
  const citizenAgain = await login(t.app, "13800000001");
  expect((await act(t, citizenAgain, supplemented, "resubmit", { formData: { ...FOOD_LICENCE_FORM, seats: 60 } })).statusCode).toBe(200);
  await actInTurn(t, supplemented, [["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
  expect((await post(citizenAgain, "/ratings", { eventKind: "application_accepted", eventId: supplemented, level: 5 })).statusCode).toBe(201);
  await actInTurn(t, late, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
  await t.database.db.updateTable("applications").set({ committed_deadline: "2026-12-04" }).where("id", "=", late).execute();
  const handler = await login(t.app, "review.amr.huangpu");
  const caseId = (await t.database.db.selectFrom("rating_cases as c").innerJoin("ratings as r", "r.id", "c.rating_id").select("c.id").where("r.application_id", "=", quick).executeTakeFirstOrThrow()).id;
  for (const [action, note] of [["verify", "属实"], ["rectify", "已对窗口人员开展服务规范培训"]]) {
    const lockVersion = (await get(handler, `/rating-cases/${caseId}`)).json().lockVersion;
    expect((await post(handler, `/rating-cases/${caseId}/actions`, { action, note, lockVersion })).statusCode).toBe(200);
  }
  await t.services.performance.refresh("2026-12-01", "2026-12-07");
})());

describe("绩效考核: a month's scores from the rollup and the settings in effect", () => {
  it("is reproducible: one department's December score recomputed by hand from its cases and the settings", async () => {
    await setUpDecember();
    await setClock("2026-12-07T02:00:00Z");
    // The city's supervisors set December's weights (a new version, in effect from December).
    const settings = (await get(city, "/supervision/scorecard-settings")).json();
    expect(settings.mayEdit).toBe(true);
    const saved = await post(city, "/supervision/scorecard-settings", { value: DECEMBER, effectiveFrom: "2026-12", note: "年终考核侧重按时办结和群众满意", baseVersion: settings.latestVersion });
    expect(saved.statusCode, saved.body).toBe(200);
    const version = saved.json().latestVersion;
    expect(saved.json().current).toMatchObject({ version, effectiveFrom: "2026-12", createdBy: expect.any(String) });

    await t.services.performance.refresh("2026-12-01", "2026-12-07");
    const res = await get(supervisor, "/supervision/scorecards?month=2026-12");
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({ month: "2026-12", from: "2026-12-01", to: "2026-12-07", settingsVersion: version });
    const dept = card.departments.find((d: { orgId: string }) => d.orgId === amr);
    expect(dept).toBeDefined();

    // By hand, from the applications, ratings, 差评 cases and tickets themselves.
    const decidedOn = sql`(a.decided_at at time zone 'Asia/Shanghai')::date`;
    const apps = (
      await sql<Record<string, string>>`
        select
          count(*) filter (where a.start_date between '2026-12-01' and '2026-12-07' and a.number not like 'pending-%') as received,
          count(*) filter (where a.start_date between '2026-12-01' and '2026-12-07' and a.number not like 'pending-%' and a.channel <> 'window') as online,
          count(*) filter (where ${decidedOn} between '2026-12-01' and '2026-12-07' and a.outcome <> 'withdrawn') as decided,
          count(*) filter (where ${decidedOn} between '2026-12-01' and '2026-12-07' and a.outcome <> 'withdrawn' and a.committed_deadline is not null) as with_limit,
          count(*) filter (where ${decidedOn} between '2026-12-01' and '2026-12-07' and a.outcome <> 'withdrawn' and ${decidedOn} <= a.committed_deadline) as on_time,
          count(*) filter (where ${decidedOn} between '2026-12-01' and '2026-12-07' and a.outcome <> 'withdrawn' and ${decidedOn} <= a.legal_deadline) as legal,
          count(*) filter (where ${decidedOn} between '2026-12-01' and '2026-12-07' and a.outcome <> 'withdrawn' and exists (select 1 from application_pauses p where p.application_id = a.id and p.reason = '补正')) as supplemented
        from applications a where a.handling_org_id = ${amr}`.execute(t.database.db)
    ).rows[0]!;
    const rated = (await sql<Record<string, string>>`select count(*) as n, count(*) filter (where level >= 4) as satisfied from ratings where org_id = ${amr} and item_id is not null and status = 'valid'`.execute(t.database.db)).rows[0]!;
    const cases = (await sql<Record<string, string>>`select count(*) as n, count(*) filter (where exists (select 1 from rating_case_events e where e.case_id = c.id and e.action = 'rectify' and (e.created_at at time zone 'Asia/Shanghai')::date <= c.rectify_deadline)) as on_time from rating_cases c where c.org_id = ${amr} and c.state <> 'voided'`.execute(t.database.db)).rows[0]!;
    const tickets = (await sql<Record<string, string>>`select count(*) as n from tickets where org_id = ${amr}`.execute(t.database.db)).rows[0]!;
    const n = (x: string | undefined) => Number(x ?? 0);
    expect(n(apps.decided)).toBeGreaterThanOrEqual(3);
    expect(n(apps.with_limit) - n(apps.on_time)).toBeGreaterThanOrEqual(1);
    expect(n(cases.on_time)).toBeGreaterThanOrEqual(1);
    const ratios: Record<ScoreIndicator, [number, number]> = {
      on_time: [n(apps.on_time), n(apps.with_limit)],
      legal: [n(apps.legal), n(apps.with_limit)],
      supplement: [n(apps.supplemented), n(apps.decided)],
      online: [n(apps.online), n(apps.received)],
      satisfaction: [n(rated.satisfied), n(rated.n)],
      rectification: [n(cases.on_time), n(cases.n)],
      hotline_sign: [0, 0],
      hotline_reply: [0, 0],
      hotline_satisfaction: [0, 0],
    };
    expect(n(tickets.n)).toBe(0); // no 12345 ticket went to the department: those three are not measured
    let earned = 0;
    let measured = 0;
    for (const key of SCORE_INDICATOR_KEYS) {
      const [num, den] = ratios[key];
      const s = DECEMBER.indicators[key];
      const shown = dept.indicators.find((i: { key: string }) => i.key === key);
      expect(shown).toMatchObject({ numerator: num, denominator: den, weight: s.weight, full: s.full, zero: s.zero });
      if (den === 0) {
        expect(shown.points).toBeNull();
        continue;
      }
      const value = num / den;
      const points = Math.round(s.weight * Math.min(1, Math.max(0, (value - s.zero) / (s.full - s.zero))) * 100) / 100;
      expect(shown.value).toBeCloseTo(value, 4);
      expect(shown.points).toBe(points);
      expect(shown.toRectify).toBe(points < s.weight * DECEMBER.rectifyBelow);
      earned += points;
      measured += s.weight;
    }
    expect(dept.measuredWeight).toBe(measured);
    expect(dept.score).toBe(Math.round((Math.round(earned * 100) / 100 / measured) * 1000) / 10);
    // The late decision costs on-time points: that indicator is on the rectification list.
    expect(dept.indicators.find((i: { key: string }) => i.key === "on_time").points).toBeLessThan(30);

    // Ranked by score; equal scores share a rank.
    const scores = card.departments.map((d: { score: number }) => d.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    card.departments.forEach((d: { rank: number; score: number }, i: number) => expect(d.rank).toBe(i === 0 ? 1 : card.departments[i - 1].score === d.score ? card.departments[i - 1].rank : i + 1));

    // The dashboard follows the same 差评 put right, month by month.
    const dash = (await get(supervisor, "/supervision/performance?from=2026-12-01&to=2026-12-31")).json();
    const december = dash.rectification.find((r: { month: string }) => r.month === "2026-12");
    expect(december.onTime).toBeGreaterThanOrEqual(1);
    expect(december.rate).toBeCloseTo(december.onTime / december.due, 4);

    // November was scored with the settings then in effect (the defaults): December's version does not reach back.
    expect((await get(supervisor, "/supervision/scorecards?month=2026-11")).json().settingsVersion).toBe(0);
    // A month not begun has no scores.
    expect((await get(supervisor, "/supervision/scorecards?month=2027-01")).json().departments).toEqual([]);
  });

  it("keeps the settings as versions only the city's supervisors add, from this month on, without overwriting a newer one", async () => {
    const view = (await get(city, "/supervision/scorecard-settings")).json();
    const base = view.latestVersion;
    const body = { value: DEFAULT_SCORECARD_SETTINGS, effectiveFrom: "2027-01", note: "恢复默认权重", baseVersion: base };
    expect((await post(city, "/supervision/scorecard-settings", { ...body, effectiveFrom: "2026-11" })).json().error.code).toBe("SCORECARD_MONTH_PAST");
    const district = await post(supervisor, "/supervision/scorecard-settings", body);
    expect(district.statusCode).toBe(403);
    expect((await get(supervisor, "/supervision/scorecard-settings")).json().mayEdit).toBe(false);
    const wrongSum = await post(city, "/supervision/scorecard-settings", { ...body, value: { ...DEFAULT_SCORECARD_SETTINGS, indicators: { ...DEFAULT_SCORECARD_SETTINGS.indicators, on_time: { weight: 50, full: 0.98, zero: 0.8 } } } });
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.body).toContain("权重之和应为 100");
    const upsideDown = await post(city, "/supervision/scorecard-settings", { ...body, value: { ...DEFAULT_SCORECARD_SETTINGS, indicators: { ...DEFAULT_SCORECARD_SETTINGS.indicators, supplement: { weight: 10, full: 0.5, zero: 0.1 } } } });
    expect(upsideDown.statusCode).toBe(400);
    expect((await post(city, "/supervision/scorecard-settings", { ...body, note: "" })).statusCode).toBe(400);
    expect((await post(city, "/supervision/scorecard-settings", body)).statusCode).toBe(200);
    // A second save on the same base (another supervisor's screen) is refused, not overwritten.
    const stale = await post(city, "/supervision/scorecard-settings", { ...body, note: "另一份修改" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("SETTINGS_CHANGED");
    const after = (await get(city, "/supervision/scorecard-settings")).json();
    expect(after.versions.map((v: { version: number }) => v.version)).toEqual([base + 1, ...view.versions.map((v: { version: number }) => v.version)]);
    expect(after.current.version).not.toBe(base + 1); // January's version is not yet in effect
    expect(after.versions[0]).toMatchObject({ version: base + 1, effectiveFrom: "2027-01", note: "恢复默认权重" });
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "=", "scorecard.settings_save").execute();
    expect(audit.length).toBe(after.versions.length);
  });

  it("is for supervisors only", async () => {
    expect((await get(await login(t.app, "approve.amr.huangpu"), "/supervision/scorecards?month=2026-12")).statusCode).toBe(403);
    expect((await get(await login(t.app, "13800000001"), "/supervision/scorecards?month=2026-12")).statusCode).toBe(403);
    expect((await get(null, "/supervision/scorecards?month=2026-12")).statusCode).toBe(401);
    expect((await get(supervisor, "/supervision/scorecards?month=2026-13")).statusCode).toBe(400);
  });
});

describe("督办: sent to a department, answered, reviewed, escalated when overdue", () => {
  it("follows an order like a 差评 case, with messages, audit and concurrent edits detected", async () => {
    await setUpDecember();
    await setClock("2026-12-07T02:00:00Z");
    const handler = await login(t.app, "review.amr.huangpu");
    const sent = await post(supervisor, "/supervision/orders", { orgId: amr, month: "2026-12", indicators: ["on_time", "supplement"], subject: "12 月按承诺时限办结率偏低", note: "请分析超期原因并制定整改措施" });
    expect(sent.statusCode, sent.body).toBe(201);
    const order = sent.json();
    expect(order).toMatchObject({ number: expect.stringMatching(/^DB20261207\d{4}$/), orgName: "黄浦区市场监督管理局", state: "rectifying", stateName: "整改中", month: "2026-12" });
    // The indicators as the scorecard had them when the order was sent.
    const card = (await get(supervisor, "/supervision/scorecards?month=2026-12")).json().departments.find((d: { orgId: string }) => d.orgId === amr);
    expect(order.indicators[0]).toMatchObject({ key: "on_time", name: "按承诺时限办结率", points: card.indicators.find((i: { key: string }) => i.key === "on_time").points });
    expect(card.orders.map((o: { id: string }) => o.id)).toContain(order.id);
    // Ten working days from Monday 7 December.
    expect(order.deadline).toBe("2026-12-21");
    expect((await post(supervisor, "/supervision/orders", { orgId: amr, month: "2026-12", indicators: ["on_time"], subject: "重复督办", note: "重复发送" })).json().error.code).toBe("ORDER_EXISTS");

    // An order about cases: the overdue one; a case of another department is refused.
    const psbCase = (await t.database.db.selectFrom("applications as a").innerJoin("orgs as o", "o.id", "a.handling_org_id").select("a.id").where("o.code", "<>", "310101-AMR").executeTakeFirst())?.id;
    if (psbCase) expect((await post(supervisor, "/supervision/orders", { orgId: amr, subject: "超期办件督办", note: "请尽快办结", applicationIds: [psbCase] })).json().error.code).toBe("ORDER_CASES_INVALID");
    const byCases = await post(supervisor, "/supervision/orders", { orgId: amr, subject: "超期办件督办", note: "请于三个工作日内办结", applicationIds: [overdueCase], days: 3 });
    expect(byCases.statusCode).toBe(201);
    expect(byCases.json().applications).toEqual([expect.objectContaining({ id: overdueCase, itemName: "食品经营许可", committedDeadline: "2026-12-02" })]);

    // The department hears of it and sees it; another department does not.
    expect(await messagesWithoutEnglish(t)).toEqual([]);
    const messages = await t.database.db.selectFrom("messages as m").innerJoin("accounts as a", "a.id", "m.account_id").select("m.title").where("a.username", "=", "review.amr.huangpu").where("m.kind", "=", "supervision_order").execute();
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect((await get(handler, "/supervision/orders")).json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    const psb = await login(t.app, "review.psb.huangpu");
    expect((await get(psb, `/supervision/orders/${order.id}`)).statusCode).toBe(404);
    expect((await get(psb, "/supervision/orders")).json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect((await post(handler, "/supervision/orders", { orgId: amr, subject: "自己督办自己", note: "不应允许" })).statusCode).toBe(403);

    // The department answers (a note is required); it cannot close its own order.
    const view = (await get(handler, `/supervision/orders/${order.id}`)).json();
    expect(view.actions.map((a: { action: string }) => a.action)).toEqual(["answer"]);
    expect((await post(handler, `/supervision/orders/${order.id}/actions`, { action: "answer", lockVersion: view.lockVersion })).json().error.code).toBe("ORDER_NOTE_REQUIRED");
    const answered = await post(handler, `/supervision/orders/${order.id}/actions`, { action: "answer", note: "已调整审核排班，超期件已全部办结", lockVersion: view.lockVersion });
    expect(answered.json()).toMatchObject({ state: "answered", answer: "已调整审核排班，超期件已全部办结" });
    expect((await post(handler, `/supervision/orders/${order.id}/actions`, { action: "close", lockVersion: answered.json().lockVersion })).statusCode).toBe(403);
    // The supervisor returns it; a second click on the old version is refused.
    const returned = await post(supervisor, `/supervision/orders/${order.id}/actions`, { action: "return", note: "请附整改前后对比数据", lockVersion: answered.json().lockVersion });
    expect(returned.json().state).toBe("rectifying");
    expect((await post(supervisor, `/supervision/orders/${order.id}/actions`, { action: "close", lockVersion: answered.json().lockVersion })).json().error.code).toBe("ORDER_CHANGED");

    // Past the deadline, still being put right: escalated once.
    await setClock("2026-12-22T02:00:00Z");
    const handlerAgain = await login(t.app, "review.amr.huangpu");
    expect(await t.services.supervisionOrders.escalateOverdue()).toBeGreaterThanOrEqual(1);
    expect(await t.services.supervisionOrders.escalateOverdue()).toBe(0);
    const escalated = (await get(supervisor, `/supervision/orders/${order.id}`)).json();
    expect(escalated).toMatchObject({ escalated: true, light: "red" });
    expect(escalated.timeline.map((e: { action: string }) => e.action)).toEqual(["send", "answer", "return", "escalate"]);
    const again = await post(handlerAgain, `/supervision/orders/${order.id}/actions`, { action: "answer", note: "已补充整改前后对比数据", lockVersion: escalated.lockVersion });
    const closed = await post(supervisor, `/supervision/orders/${order.id}/actions`, { action: "close", lockVersion: again.json().lockVersion });
    expect(closed.json()).toMatchObject({ state: "closed", stateName: "已办结", actions: [] });
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", order.id).orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["supervision_order.send", "supervision_order.answer", "supervision_order.return", "supervision_order.escalate", "supervision_order.answer", "supervision_order.close"]);
    await setClock("2026-12-07T02:00:00Z");
  });
});
