import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../actor";
import { startTestApp, type TestApp } from "../testing/test-app";
import { seedDemoActivity } from "./seed-activity";

let t: TestApp;
const now = new Date("2026-11-27T04:00:00Z"); // Friday 27 Nov 2026, noon in Shanghai
let summary: Awaited<ReturnType<typeof seedDemoActivity>>;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => now });
  summary = await seedDemoActivity(t.database.db, t.cipher, now);
});
afterAll(() => t.close());

const citySupervisor: Actor = { ...SYSTEM_ACTOR, kind: "staff", name: "袁正清", orgPath: "310000/", governmentPath: "310000/", roles: ["supervisor"], regionCode: "310000" };

describe("demo activity for 好差评 and 12345", () => {
  it("writes past applications, ratings with cases in every state, and tickets", () => {
    expect(summary.applications).toBe(256); // 240 decided, 16 still open
    expect(summary.ratings).toBeGreaterThan(150);
    expect(summary.cases).toBeGreaterThan(20);
    expect(summary.tickets).toBeGreaterThan(250);
  });

  it("gives the public page and tracing real patterns: 差评 concentrate after supplement requests; reviews wait longest", async () => {
    const pub = await t.services.ratingFigures.publicFigures(365);
    expect(pub.departments.length).toBeGreaterThan(10);
    expect(pub.overall.satisfactionRate).toBeGreaterThan(60);
    expect(pub.overall.rectifiedShare).toBeGreaterThan(30);
    const trace = await t.services.ratingFigures.trace(citySupervisor, { days: 365 });
    expect(trace.badBySteps[0]!.name).toBe("一次性告知补正");
    expect(trace.badByTags.map((x) => x.tag)).toContain("repeated_materials");
    // Waiting for the applicant's supplement and the review are where applications wait longest.
    expect(trace.longestWaits.slice(0, 2).map((w) => w.state).sort()).toEqual(["reviewing", "supplement"]);
    const states = await t.database.db.selectFrom("rating_cases").select("state").distinct().execute();
    expect(states.map((s) => s.state).sort()).toEqual(expect.arrayContaining(["closed", "rectifying", "replied", "voided"]));
  });

  it("gives 效能监督 months of history: slower departments late more often, 补正 where they were asked, figures by month", async () => {
    const view = await t.services.performance.dashboard(citySupervisor, { from: "2026-06-01", to: "2026-11-27" });
    expect(view.refreshedAt).not.toBeNull();
    // Open ones past their committed deadline light red, and one working day before it yellow.
    expect(view.total.overdue).toBeGreaterThanOrEqual(10);
    expect(view.total.decided).toBeGreaterThanOrEqual(230); // of 240 (one or two are decided after the seeding day)
    expect(view.months.filter((m) => m.decided > 0).length).toBeGreaterThanOrEqual(4);
    expect(view.total.supplementRate).toBeGreaterThan(0.1);
    expect(view.total.onTimeRate).toBeGreaterThan(0.3);
    expect(view.total.onTimeRate).toBeLessThan(1);
    // Market regulation's reviews take days longer than most: its on-time rate is below the city's.
    const amr = view.departments.filter((d) => d.orgName.endsWith("市场监督管理局") && d.decided > 5);
    expect(amr.length).toBeGreaterThan(0);
    for (const d of amr) expect(d.averageDays!).toBeGreaterThan(view.total.averageDays! - 0.01);
  });

  it("gives hot topics a rising neighbourhood-noise week and repeated complaints about 福州路", async () => {
    const hot = await t.services.hotTopics.figures({ ...citySupervisor, roles: ["hotline_agent"] }, 8);
    expect(hot.byDistrict.length).toBe(16);
    expect(hot.rising.map((r) => r.categoryCode)).toContain("CITY.NOISE.LIFE");
    expect(hot.repeated).toContainEqual(expect.objectContaining({ categoryCode: "CITY.NOISE.LIFE", placeName: "南京东路街道" }));
  });

  it("keeps live numbering after the demo's: a new ticket today does not collide", async () => {
    const agent = await t.database.db.selectFrom("accounts").select("id").where("username", "=", "hotline.agent").executeTakeFirstOrThrow();
    const actor: Actor = { ...SYSTEM_ACTOR, accountId: agent.id, kind: "staff", name: "董小萌", roles: ["hotline_agent"], orgPath: "310000/" };
    const created = await t.services.tickets.create(actor, { type: "help", categoryCode: "CITY.ENV", title: "路面垃圾无人清理", content: "人民路口垃圾堆放三天无人清理。", address: "上海市黄浦区福州路5号", caller: { name: "测试", mobile: "13900000001" } }, null, { requestId: null, ip: null, userAgent: null });
    expect(created.orgName).toBe("南京东路街道");
  });
});
