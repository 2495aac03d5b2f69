import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { act, actInTurn, submitApplication } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { figuresOf, percentile90 } from "./performance.service";
import { DAYS_BUCKETS } from "./performance.repository";

let t: TestApp;
/** Thursday 3 December 2026, 10:00 in Shanghai. */
let clock = new Date("2026-12-03T02:00:00Z");
let supervisor: LoggedIn;
const RANGE = { from: "2026-12-01", to: "2026-12-31" };

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  supervisor = await login(t.app, "supervisor.huangpu");
});
afterAll(() => t.close());

const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });
const query = (extra: Record<string, string> = {}) => new URLSearchParams({ ...RANGE, ...extra }).toString();
const dashboard = async (who: LoggedIn = supervisor, extra: Record<string, string> = {}) => {
  await t.services.performance.refresh(RANGE.from, RANGE.to);
  const res = await get(who, `/supervision/performance?${query(extra)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("效能监督: figures from the daily rollup", () => {
  it("counts what was received, decided on time or late, sent back for 补正 and is overdue now — each figure drills down to its cases", async () => {
    const before = await dashboard();
    const amr = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-AMR").executeTakeFirstOrThrow()).id;
    type Dept = { orgId: string; received: number; overdue: number };
    const dept = (v: { departments: Dept[] }) => v.departments.find((d) => d.orgId === amr);

    // Three 食品经营许可 on Thursday 3 December: one approved at once, one after a 补正 round, one left open.
    const quick = await submitApplication(t);
    await actInTurn(t, quick, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
    const supplemented = await submitApplication(t);
    await actInTurn(t, supplemented, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "request_supplement", { opinion: "请补充平面布局图", supplementItems: ["layout"] }]]);
    clock = new Date("2026-12-07T02:00:00Z"); // Monday: the applicant answers, and it is approved the same day
    expect((await act(t, await login(t.app, "13800000001"), supplemented, "resubmit", { formData: { ...FOOD_LICENCE_FORM, seats: 60 } })).statusCode).toBe(200);
    await actInTurn(t, supplemented, [["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
    clock = new Date("2026-12-03T02:00:00Z");
    const open = await submitApplication(t);
    // Its committed deadline has passed (set back: the case a supervisor must see red).
    await t.database.db.updateTable("applications").set({ committed_deadline: "2026-12-02" }).where("id", "=", open).execute();

    const after = await dashboard();
    expect(after.total.received - before.total.received).toBe(3);
    expect(after.total.decided - before.total.decided).toBe(2);
    expect(after.total.overdue - before.total.overdue).toBe(1);
    const d0 = dept(before) ?? { orgId: amr, received: 0, overdue: 0 };
    const d1 = dept(after)!;
    expect(d1.received - d0.received).toBe(3);
    expect(d1.overdue - d0.overdue).toBe(1);

    // The decisions are dated and counted in working days: the quick one on its day (0); the other on Monday
    // after the 补正 pause from Thursday (Friday paused, the weekend not working days): Monday alone counts (1).
    const decided = await t.database.db.selectFrom("applications").select(["id", "decided_at", "decided_working_days"]).where("id", "in", [quick, supplemented]).execute();
    expect(Object.fromEntries(decided.map((r) => [r.id, r.decided_working_days]))).toEqual({ [quick]: 0, [supplemented]: 1 });

    // The same figures by hand from the applications of the subtree: the rollup adds up.
    const subtree = (await t.database.db.selectFrom("orgs").select("path").where("code", "=", "310101").executeTakeFirstOrThrow()).path;
    const byHand = await sql<{ received: string; decided: string; supplemented: string }>`
      select
        count(*) filter (where a.start_date between ${RANGE.from} and ${RANGE.to}) as received,
        count(*) filter (where (a.decided_at at time zone 'Asia/Shanghai')::date between ${RANGE.from} and ${RANGE.to} and a.outcome <> 'withdrawn') as decided,
        count(*) filter (where (a.decided_at at time zone 'Asia/Shanghai')::date between ${RANGE.from} and ${RANGE.to} and a.outcome <> 'withdrawn' and exists (select 1 from application_pauses p where p.application_id = a.id and p.reason = '补正')) as supplemented
      from applications a join orgs o on o.id = a.handling_org_id where o.path like ${`${subtree}%`} and a.number not like 'pending-%'`.execute(t.database.db);
    expect(after.total.received).toBe(Number(byHand.rows[0]!.received));
    expect(after.total.decided).toBe(Number(byHand.rows[0]!.decided));
    expect(Math.round(after.total.supplementRate * after.total.decided)).toBe(Number(byHand.rows[0]!.supplemented));

    // Drill-down: the cases behind a figure are exactly as many as the figure says, and include these.
    const cases = async (figure: string, extra: Record<string, string> = {}) => (await get(supervisor, `/supervision/performance/cases?${query({ figure, limit: "100", ...extra })}`)).json();
    const overdue = await cases("overdue", { orgId: amr });
    expect(overdue.total).toBe(d1.overdue);
    expect(overdue.items.map((c: { id: string }) => c.id)).toContain(open);
    const withSupplement = await cases("supplemented");
    expect(withSupplement.total).toBe(Number(byHand.rows[0]!.supplemented));
    const mine = withSupplement.items.find((c: { id: string }) => c.id === supplemented);
    expect(mine).toMatchObject({ itemName: "食品经营许可", orgName: "黄浦区市场监督管理局", decided: true, workingDays: 1, applicant: "张*明" });
    expect((await cases("received")).total).toBe(after.total.received);

    // Months and weeks add up to the total.
    expect(after.months.reduce((a: number, m: { received: number }) => a + m.received, 0)).toBe(after.total.received);
    expect(after.weeks.reduce((a: number, w: { decided: number }) => a + w.decided, 0)).toBe(after.total.decided);
    expect(after.refreshedAt).not.toBeNull();
  });

  it("shows each caller their own subtree: a supervisor the district, an approver the department; others are refused", async () => {
    const district = await dashboard();
    expect(district.departments.every((d: { orgName: string }) => d.orgName.startsWith("黄浦区") || d.orgName.includes("街道"))).toBe(true);
    const approver = await login(t.app, "approve.amr.huangpu");
    const own = await dashboard(approver);
    expect(own.departments.map((d: { orgName: string }) => d.orgName)).toEqual(own.departments.length ? ["黄浦区市场监督管理局"] : []);
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await get(reviewer, `/supervision/performance?${query()}`)).statusCode).toBe(403);
    expect((await get(await login(t.app, "13800000001"), `/supervision/performance?${query()}`)).statusCode).toBe(403);
    expect((await get(null, `/supervision/performance?${query()}`)).statusCode).toBe(401);
  });

  it("refuses a reversed or over-long range and an unknown figure with a clear error", async () => {
    const bad = await get(supervisor, `/supervision/performance?from=2026-12-31&to=2026-12-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    expect((await get(supervisor, `/supervision/performance?from=2024-01-01&to=2026-12-01`)).statusCode).toBe(400);
    expect((await get(supervisor, `/supervision/performance/cases?${query({ figure: "everything" })}`)).statusCode).toBe(400);
  });

  it("exports the same figures as a workbook", async () => {
    const view = await dashboard();
    const res = await get(supervisor, `/supervision/performance/export?${query()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["总体", "按部门", "按事项", "按周", "按月"]);
    const departments = book.getWorksheet("按部门")!;
    expect(departments.getRow(1).getCell(1).value).toBe("部门");
    expect(departments.rowCount - 1).toBe(view.departments.length);
    expect(book.getWorksheet("总体")!.getRow(2).getCell(4).value).toBe(view.total.received);
  });
});

describe("12345 and the public figures", () => {
  it("counts tickets dispatched to a department, signed for and replied on time, from the ticket timeline", async () => {
    await t.services.performance.refresh(RANGE.from, RANGE.to);
    const rows = await t.database.db.selectFrom("performance_tickets_daily").selectAll().where("day", ">=", RANGE.from).execute();
    const byHand = await sql<{ dispatched: string; replied: string }>`
      select count(*) filter (where (dispatched_at at time zone 'Asia/Shanghai')::date between ${RANGE.from} and ${RANGE.to}) as dispatched,
             count(*) filter (where (replied_at at time zone 'Asia/Shanghai')::date between ${RANGE.from} and ${RANGE.to}) as replied
      from tickets where org_id is not null`.execute(t.database.db);
    expect(rows.reduce((a, r) => a + r.dispatched, 0)).toBe(Number(byHand.rows[0]!.dispatched));
    expect(rows.reduce((a, r) => a + r.replied, 0)).toBe(Number(byHand.rows[0]!.replied));
    const city = await login(t.app, "supervisor");
    const view = (await get(city, `/supervision/performance?${query()}`)).json();
    expect(view.total.hotline.dispatched).toBe(Number(byHand.rows[0]!.dispatched));
  });

  it("publishes a month per department and item to anyone, with no one's name in it, as JSON and CSV", async () => {
    clock = new Date("2026-12-03T02:00:00Z");
    await submitApplication(t);
    await t.services.performance.refresh(RANGE.from, RANGE.to);
    const res = await get(null, "/public/performance?month=2026-12");
    expect(res.statusCode).toBe(200);
    const pub = res.json();
    const amr = pub.departments.find((d: { orgName: string }) => d.orgName === "黄浦区市场监督管理局");
    expect(amr.received).toBeGreaterThanOrEqual(1);
    expect(pub.items.find((i: { itemName: string; orgName: string }) => i.itemName === "食品经营许可" && i.orgName === "黄浦区市场监督管理局").received).toBeGreaterThanOrEqual(1);
    // Nothing that names a person or a case.
    const text = res.body;
    expect(text).not.toMatch(/张伟明|张\*明|applicant|number|310101-2026/);
    const csv = await get(null, "/public/performance/download?month=2026-12&format=csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFF类别,部门,事项,受理件数")).toBe(true);
    expect(csv.body).toContain("\r\n部门,黄浦区市场监督管理局,,");
    const json = await get(null, "/public/performance/download?month=2026-12&format=json");
    expect(JSON.parse(json.body)).toEqual(pub);
    // A month not yet begun is empty, not an error; a malformed one is refused.
    expect((await get(null, "/public/performance?month=2027-06")).json()).toMatchObject({ departments: [], items: [] });
    expect((await get(null, "/public/performance?month=2026-13")).statusCode).toBe(400);
  });
});

describe("figures from sums", () => {
  it("the 90th percentile of working days comes from the spread; rates need a denominator", () => {
    const hist = Array<number>(DAYS_BUCKETS).fill(0);
    hist[1] = 5;
    hist[3] = 4;
    hist[12] = 1;
    expect(percentile90(hist)).toBe(3);
    hist[12] = 2;
    expect(percentile90(hist)).toBe(12);
    expect(percentile90(Array<number>(DAYS_BUCKETS).fill(0))).toBeNull();
    const f = figuresOf({ received: 4, received_online: 3, decided: 2, approved: 1, with_limit: 2, on_time: 1, within_legal: 2, limit_days_sum: 14, days_sum: 9, days_hist: hist, supplemented: 1, supplement_rounds: 2, auto_approved: 0, rated: 0, rating_sum: 0, satisfied: 0, bad: 0 });
    expect(f).toMatchObject({ onTimeRate: 0.5, legalRate: 1, averageLimitDays: 7, supplementRate: 0.5, supplementRounds: 2, onlineShare: 0.75, autoShare: 0, satisfaction: null });
  });
});
