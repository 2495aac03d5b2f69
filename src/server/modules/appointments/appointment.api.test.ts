import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let clock = new Date("2026-03-02T01:00:00Z"); // Monday 2 March 2026, 09:00 in Shanghai
let centreId: string;
let pudongCentreId: string;
let itemId: string;
let clerk: LoggedIn;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  const org = (code: string) => t.database.db.selectFrom("orgs").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  centreId = (await org("310101-SC")).id;
  pudongCentreId = (await org("310115-SC")).id;
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
  clerk = await login(t.app, "window.huangpu");
  // The week every test books in: 2–8 March 2026, mornings for three and afternoons for one.
  expect((await publish(clerk, centreId, { from: "2026-03-02", to: "2026-03-08", times: [{ start: "09:00", end: "10:00", capacity: 3 }, { start: "14:00", end: "15:00", capacity: 1 }] })).statusCode).toBe(201);
});
afterAll(() => t.close());
// Each test starts on Monday 2 March, 09:00, with a fresh clerk session (one test moves the clock on).
const MONDAY = new Date("2026-03-02T01:00:00Z");
beforeEach(async () => {
  clock = MONDAY;
  clerk = await login(t.app, "window.huangpu");
});

const publish = (who: LoggedIn, centre: string, body: object) => t.app.inject({ method: "POST", url: `/api/v1/appointment-centres/${centre}/slots`, headers: who.headers, payload: body });
const slots = async (from: string, to: string) => (await t.app.inject({ method: "GET", url: `/api/v1/appointment-centres/${centreId}/slots?from=${from}&to=${to}` })).json().items;
const book = (who: LoggedIn, slotId: string) => t.app.inject({ method: "POST", url: "/api/v1/appointments", headers: who.headers, payload: { slotId, itemId } });

describe("appointments", () => {
  it("a clerk publishes slots on working days only; other staff and other centres' clerks may not", async () => {
    // 9–15 March 2026: Monday to Friday are working days, the weekend is not.
    const res = await publish(clerk, centreId, { from: "2026-03-09", to: "2026-03-15", times: [{ start: "09:00", end: "10:00", capacity: 3 }, { start: "14:00", end: "15:00", capacity: 1 }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ created: 10, workingDays: 5 });
    expect((await publish(clerk, centreId, { from: "2026-03-09", to: "2026-03-15", times: [{ start: "09:00", end: "10:00", capacity: 3 }] })).json().created).toBe(0);
    expect((await publish(clerk, centreId, { from: "2026-03-02", to: "2026-03-03", times: [{ start: "09:00", end: "10:00", capacity: 3 }] })).json().created).toBe(0);
    expect((await publish(clerk, pudongCentreId, { from: "2026-03-02", to: "2026-03-03", times: [{ start: "09:00", end: "10:00", capacity: 3 }] })).statusCode).toBe(403);
    expect((await publish(await login(t.app, "review.amr.huangpu"), centreId, { from: "2026-03-02", to: "2026-03-03", times: [{ start: "09:00", end: "10:00", capacity: 3 }] })).statusCode).toBe(403);
    expect((await publish(clerk, centreId, { from: "2026-03-01", to: "2026-03-03", times: [{ start: "09:00", end: "10:00", capacity: 3 }] })).statusCode).toBe(400);
    expect((await publish(clerk, centreId, { from: "2026-03-02", to: "2026-03-03", times: [{ start: "10:00", end: "09:00", capacity: 3 }] })).statusCode).toBe(400);
    const list = await slots("2026-03-02", "2026-03-08");
    expect([...new Set(list.map((s: { day: string }) => s.day))]).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
    expect(list[0]).toMatchObject({ start: "09:00", left: 3, past: true });
    const managed = (await t.app.inject({ method: "GET", url: "/api/v1/appointment-centres/managed", headers: clerk.headers })).json().items;
    expect(managed.map((c: { id: string }) => c.id)).toEqual([centreId]);
    const admin = (await t.app.inject({ method: "GET", url: "/api/v1/appointment-centres/managed", headers: (await login(t.app, "admin.huangpu")).headers })).json().items;
    expect(admin.map((c: { id: string }) => c.id)).toContain(centreId);
    expect(admin.map((c: { id: string }) => c.id)).not.toContain(pudongCentreId);
  });

  it("never books more places than a slot has, however many ask at once", async () => {
    const slot = (await slots("2026-03-03", "2026-03-03")).find((s: { start: string }) => s.start === "09:00");
    const people = await Promise.all(["13800000001", "13800000002", "13800000003", "13800000004", "13800000005", "13800000006", "13800000007", "13800000008"].map((m) => login(t.app, m)));
    const results = await Promise.all(people.map((p) => book(p, slot.id)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "SLOT_FULL")).toBe(true);
    const row = await t.database.db.selectFrom("appointment_slots").select(["booked", "capacity"]).where("id", "=", slot.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ booked: 3, capacity: 3 });
    expect((await t.database.db.selectFrom("appointments").select("id").where("slot_id", "=", slot.id).execute()).length).toBe(3);
  });

  it("books, refuses a second booking of the same slot and a past slot, reschedules and cancels", async () => {
    const citizen = await login(t.app, "13800000009");
    const all = await slots("2026-03-02", "2026-03-06");
    const afternoon = all.find((s: { day: string; start: string }) => s.day === "2026-03-04" && s.start === "14:00");
    const past = all.find((s: { day: string; start: string }) => s.day === "2026-03-02" && s.start === "09:00");
    expect((await book(citizen, past.id)).json().error.code).toBe("SLOT_PAST");
    const booked = await book(citizen, afternoon.id);
    expect(booked.statusCode).toBe(201);
    const a = booked.json();
    expect(a).toMatchObject({ status: "booked", centreName: expect.stringContaining("黄浦"), itemName: "食品经营许可", day: "2026-03-04", start: "14:00" });
    expect(a.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect((await book(citizen, afternoon.id)).statusCode).toBe(409);

    const morning = all.find((s: { day: string; start: string }) => s.day === "2026-03-05" && s.start === "09:00");
    const moved = await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/reschedule`, headers: citizen.headers, payload: { slotId: morning.id, lockVersion: a.lockVersion } });
    expect(moved.json()).toMatchObject({ day: "2026-03-05", start: "09:00", status: "booked" });
    const after = await slots("2026-03-04", "2026-03-05");
    expect(after.find((s: { id: string }) => s.id === afternoon.id).left).toBe(1);
    expect(after.find((s: { id: string }) => s.id === morning.id).left).toBe(2);
    const stale = await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/cancel`, headers: citizen.headers, payload: { lockVersion: a.lockVersion } });
    expect(stale.json().error.code).toBe("APPOINTMENT_CHANGED");
    const other = await login(t.app, "13800000010");
    expect((await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/cancel`, headers: other.headers, payload: { lockVersion: moved.json().lockVersion } })).statusCode).toBe(404);
    const cancelled = await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/cancel`, headers: citizen.headers, payload: { lockVersion: moved.json().lockVersion } });
    expect(cancelled.json().status).toBe("cancelled");
    expect((await slots("2026-03-05", "2026-03-05")).find((s: { id: string }) => s.id === morning.id).left).toBe(3);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/appointments", headers: citizen.headers })).json().items).toEqual([expect.objectContaining({ id: a.id, status: "cancelled" })]);
  });

  it("the centre's clerk sees the day's list and checks arrivals in, on the day only", async () => {
    const citizen = await login(t.app, "13800000010");
    const slot = (await slots("2026-03-03", "2026-03-03")).find((s: { start: string }) => s.start === "14:00");
    const a = (await book(citizen, slot.id)).json();
    const early = await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/check-in`, headers: clerk.headers });
    expect(early.json().error.code).toBe("APPOINTMENT_NOT_TODAY");
    clock = new Date("2026-03-03T05:50:00Z"); // 13:50 on the day
    clerk = await login(t.app, "window.huangpu");
    const citizenNow = await login(t.app, "13800000010");
    const day = (await t.app.inject({ method: "GET", url: `/api/v1/appointment-centres/${centreId}/appointments?day=2026-03-03`, headers: clerk.headers })).json().items;
    expect(day.map((x: { id: string }) => x.id)).toContain(a.id);
    const pudongClerk = await login(t.app, "window.pudong");
    expect((await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/check-in`, headers: pudongClerk.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/appointment-centres/${centreId}/appointments?day=2026-03-03`, headers: citizenNow.headers })).statusCode).toBe(403);
    const ok = await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/check-in`, headers: clerk.headers });
    expect(ok.json()).toMatchObject({ status: "checked_in", checkedInAt: expect.any(String) });
    expect((await t.app.inject({ method: "POST", url: `/api/v1/appointments/${a.id}/check-in`, headers: clerk.headers })).json().error.code).toBe("APPOINTMENT_NOT_ACTIVE");
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", a.id).execute();
    expect(audit.map((x) => x.action).sort()).toEqual(["appointment.book", "appointment.check_in"]);
  });
});
