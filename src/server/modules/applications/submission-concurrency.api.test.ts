import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../../shared/working-days";
import { DomainError } from "../../domain-error";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { itemId, withMaterials } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { AuditRepository, sequencerFor, verifyAuditChains } from "../audit";

/**
 * What the faster submission path must not lose (on the PostgreSQL-server lane the submissions really
 * run at once on several connections; on the embedded engine they interleave on one): the day's
 * numbers of a region stay gap-free and in order, a submission rolled back after taking its number
 * gives it back, and the audit chain verifies with every submission's record in it.
 */
let t: TestApp;
let citizen: LoggedIn;
let foodLicence: string;
const ROLL_BACK_SEATS = 13;

beforeAll(async () => {
  t = await startTestApp();
  citizen = await login(t.app, "13800000001"); // 张伟明, for 上海明远

  foodLicence = await itemId(t, "XK00002001-3-310101-AMR");
  // A listener that fails for one form: its transaction rolls back after the number was taken.
  t.services.applications.onSubmitted(async (_unit, _actor, app) => {
    if (app.formData.seats === ROLL_BACK_SEATS) throw new DomainError("FORM_DATA_INVALID", { issues: [{ path: "seats", message: "test rollback" }] });
    return false;
  });
});
afterAll(() => t.close());

describe("concurrent submissions in one region", () => {
  it("number the day gap-free and in order, give back a rolled-back number, and chain every audit record", async () => {
    const prefix = `310101-${todayInChina(new Date()).replaceAll("-", "")}-`;
    const numbered = async () => (await t.database.db.selectFrom("applications").select("number").where("number", "like", `${prefix}%`).execute()).map((r) => Number(r.number.slice(prefix.length)));
    const before = await numbered();
    const base = before.length ? Math.max(...before) : 0;
    expect(before.length).toBe(base); // gap-free already

    // Each with its own uploads (a file goes with one application), made before the race.
    const payloads = [];
    for (let i = 0; i < 40; i++) payloads.push(await withMaterials(t, citizen, { itemId: foodLicence, formData: { ...FOOD_LICENCE_FORM, seats: i % 8 === 3 ? ROLL_BACK_SEATS : 40 } }));
    const results = await Promise.all(payloads.map((payload) => t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload })));
    const ok = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.length).toBe(5);
    expect(new Set(refused.map((r) => r.json().error.details.issues[0].message))).toEqual(new Set(["test rollback"]));

    // Gap-free: exactly the next numbers, each once; the rolled-back ones were given back.
    const after = await numbered();
    expect(after.sort((a, b) => a - b)).toEqual(Array.from({ length: base + ok.length }, (_, i) => i + 1));
    expect(new Set(ok.map((r) => r.json().number)).size).toBe(ok.length);
    expect(await t.database.db.selectFrom("applications").select("id").where("number", "like", "pending-%").execute()).toEqual([]);

    // Every submission's audit record is chained, in the order of the numbers (a number's counter is held to commit).
    expect(await sequencerFor(t.database.db).pendingCount()).toBe(0);
    const ids = ok.map((r) => r.json().id as string);
    const records = await t.database.db.selectFrom("audit_log").select(["seq", "target_id", "details"]).where("action", "=", "application.submit").where("target_id", "in", ids).orderBy("seq").execute();
    expect(records.map((r) => r.target_id).sort()).toEqual([...ids].sort());
    const inChainOrder = records.map((r) => Number(String((r.details as { number: string }).number).slice(prefix.length)));
    expect(inChainOrder).toEqual([...inChainOrder].sort((a, b) => a - b));
    expect(await verifyAuditChains(new AuditRepository(t.database.db))).toMatchObject({ ok: true, firstBreak: null });
  });
});
