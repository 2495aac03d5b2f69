import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../actor";
import { startTestApp, type TestApp } from "../testing/test-app";
import { seedScaleApplications } from "./seed-applications";
import { seedScalePerformance } from "./seed-scale-performance";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const city: Actor = { ...SYSTEM_ACTOR, kind: "staff", name: "袁正清", orgPath: "310000/", governmentPath: "310000/", roles: ["supervisor"], regionCode: "310000" };

describe("效能监督's volume generator (the bench's)", () => {
  it("writes decided applications, a rating each and half as many tickets whose rollup adds up", async () => {
    await seedScaleApplications(t.database.db, 4000);
    const made = await seedScalePerformance(t.database.db, 4000);
    expect(made).toMatchObject({ ratings: 4000, tickets: 2000 });
    await t.services.performance.refresh("2025-01-01", "2026-12-31");
    const view = await t.services.performance.dashboard(city, { from: "2025-01-01", to: "2026-12-31" });
    const decided = await sql<{ n: string }>`select count(*) as n from applications where number like 'S%' and outcome is not null`.execute(t.database.db);
    expect(view.total.decided).toBeGreaterThanOrEqual(Number(decided.rows[0]!.n));
    expect(view.total.rated).toBeGreaterThanOrEqual(4000);
    expect(view.total.p90Days).toBeGreaterThan(0);
    expect(view.total.hotline.dispatched).toBeGreaterThanOrEqual(2000);
    expect(view.total.hotline.replyOnTimeRate).toBeGreaterThan(0.3);
    expect(view.total.hotline.replyOnTimeRate).toBeLessThan(1);
    // A 差评 case for each rating of 1 (about a fifth); most put right in time, so the scorecards measure it.
    expect(made.cases).toBeGreaterThan(400);
    expect(made.cases).toBeLessThan(1200);
    const card = await t.services.scorecards.scorecard(city, "2025-06");
    const rectified = card.departments.flatMap((d) => d.indicators.filter((i) => i.key === "rectification" && i.denominator > 0));
    expect(rectified.length).toBeGreaterThan(0);
    expect(rectified.reduce((a, i) => a + i.numerator, 0) / rectified.reduce((a, i) => a + i.denominator, 0)).toBeGreaterThan(0.5);
  });
});
