import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseDueSoonAlerts, raiseOverdueAlerts } from "../applications/deadline-alerts";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { act, withMaterials } from "../../testing/factories";

let t: TestApp;
let clock = new Date("2026-03-02T02:00:00Z"); // Monday 2 March 2026, 10:00 in Shanghai
let citizen: LoggedIn;
let itemId: string;
const form = FOOD_LICENCE_FORM;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  citizen = await login(t.app, "13800000001");
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const submit = async (who: LoggedIn) => t.app.inject({ method: "POST", url: "/api/v1/applications", headers: who.headers, payload: await withMaterials(t, who, { itemId, formData: form }) });
const messages = async (who: LoggedIn, query = "") => (await t.app.inject({ method: "GET", url: `/api/v1/messages${query}`, headers: who.headers })).json();

describe("notifications", () => {
  let appId: string;

  it("one application's messages: nothing sent inside the request, one message per event however many workers, e-mail once set, read marks for the owner only, retries and give-ups at the gateway, then due-soon reminders and overdue escalation", async () => {
    // — sends nothing inside the request; the worker turns the event into a message and an SMS
    {
      appId = (await submit(citizen)).json().id;
      expect(t.senders.sms.sent).toHaveLength(0);
      expect((await messages(citizen)).items).toEqual([]);
      expect(await t.services.notifications.dispatchOutbox()).toBe(1);
      const inbox = await messages(citizen);
      expect(inbox.unread).toBe(1);
      expect(inbox.items[0]).toMatchObject({ kind: "submitted", title: "申请已提交", link: `/me/applications/${appId}`, deliveries: [{ channel: "sms", recipient: "138****0001", status: "pending" }] });
      expect(await t.services.notifications.sendDue()).toEqual({ sent: 1, failed: 0, retrying: 0 });
      expect(t.senders.sms.sent).toEqual([expect.objectContaining({ mobile: "13800000001", text: expect.stringMatching(/^【好办】您的“食品经营许可”申请已提交，办件编号 310101-20260302-000001/) })]);
      expect((await messages(citizen)).items[0].deliveries[0]).toMatchObject({ status: "sent", attempts: 1 });
    }
    // — two workers at once never make a message twice
    {
      const reviewer = await login(t.app, "review.amr.huangpu");
      await act(t, reviewer, appId, "accept");
      const [a, b] = await Promise.all([t.services.notifications.dispatchOutbox(), t.services.notifications.dispatchOutbox()]);
      expect(a + b).toBe(1);
      await t.services.notifications.sendDue();
      expect((await messages(citizen)).items.filter((m: { kind: string }) => m.kind === "accept")).toHaveLength(1);
      // The message centre follows the reader's language; the item's name stays as the catalogue has it.
      const english = (await t.app.inject({ method: "GET", url: "/api/v1/messages", headers: { ...citizen.headers, cookie: `${citizen.headers.cookie}; haoban_lang=en` } })).json();
      expect(english.items.find((m: { kind: string }) => m.kind === "accept")).toMatchObject({ title: "Application accepted", body: expect.stringMatching(/^Your application “食品经营许可” \(310101-\d{8}-\d{6}\) has been accepted\.$/) });
      expect(english.items.find((m: { kind: string }) => m.kind === "submitted")).toMatchObject({ title: "Application submitted" });
    }
    // — adds e-mail once an address is set, and reads and marks messages only for their owner
    {
      const bad = await t.app.inject({ method: "PUT", url: "/api/v1/me/notification-settings", headers: citizen.headers, payload: { sms: true, email: "not-an-address" } });
      expect(bad.statusCode).toBe(400);
      const set = await t.app.inject({ method: "PUT", url: "/api/v1/me/notification-settings", headers: citizen.headers, payload: { sms: false, email: "zhang.weiming@example.cn" } });
      expect(set.json()).toEqual({ sms: false, hasMobile: true, email: "zh***@example.cn", emailEnabled: true, proactive: true });
      const row = await t.database.db.selectFrom("accounts").select("email_enc").where("username", "is", null).where("email_enc", "is not", null).executeTakeFirstOrThrow();
      expect(row.email_enc).not.toContain("example.cn");

      const reviewer = await login(t.app, "review.amr.huangpu");
      await act(t, reviewer, appId, "request_supplement", { opinion: "请补充平面布局图", supplementItems: ["layout"] });
      await t.services.notifications.dispatchOutbox();
      const sent = t.senders.sms.sent.length;
      expect(await t.services.notifications.sendDue()).toEqual({ sent: 1, failed: 0, retrying: 0 });
      expect(t.senders.sms.sent.length).toBe(sent); // SMS switched off
      const latest = (await messages(citizen)).items[0];
      expect(latest).toMatchObject({ kind: "request_supplement", title: "申请需要补正", deliveries: [{ channel: "email", recipient: "zh***@example.cn", status: "sent" }] });

      const other = await login(t.app, "13800000007");
      expect((await t.app.inject({ method: "POST", url: `/api/v1/messages/${latest.id}/read`, headers: other.headers })).json()).toEqual({ changed: 0 });
      expect((await t.app.inject({ method: "POST", url: `/api/v1/messages/${latest.id}/read`, headers: citizen.headers })).json()).toEqual({ changed: 1 });
      expect((await messages(citizen, "?unread=true")).items.map((m: { id: string }) => m.id)).not.toContain(latest.id);
      // The header's badge: the count alone, the caller's own, the same as the list says.
      const count = async (who: typeof citizen) => (await t.app.inject({ method: "GET", url: "/api/v1/messages/unread-count", headers: who.headers })).json();
      expect(await count(citizen)).toEqual({ unread: (await messages(citizen)).unread });
      expect((await count(citizen)).unread).toBe(2);
      expect((await t.app.inject({ method: "POST", url: "/api/v1/messages/read-all", headers: citizen.headers })).json().changed).toBe(2);
      expect(await count(citizen)).toEqual({ unread: 0 });
      expect((await count(other)).unread).toBe((await messages(other)).unread);
      expect((await t.app.inject({ method: "GET", url: "/api/v1/messages" })).statusCode).toBe(401);
      expect((await t.app.inject({ method: "GET", url: "/api/v1/messages/unread-count" })).statusCode).toBe(401);
    }
    // — retries what the gateway refuses for now, and gives up on a number that cannot work
    {
      // Six citizens' worth of messages to one number within a minute: the gateway takes five.
      await t.app.inject({ method: "PUT", url: "/api/v1/me/notification-settings", headers: citizen.headers, payload: { sms: true, email: null } });
      clock = new Date(clock.getTime() + 2 * 60_000);
      for (let i = 0; i < 6; i++) await submit(citizen);
      await t.services.notifications.dispatchOutbox();
      expect(await t.services.notifications.sendDue()).toMatchObject({ retrying: 1 });
      clock = new Date(clock.getTime() + 2 * 60_000);
      expect(await t.services.notifications.sendDue()).toMatchObject({ sent: 1, retrying: 0 });

      const li = await login(t.app, "13800000006");
      // A number the gateway can never deliver to (stored before mobile validation existed, say).
      await t.database.db.updateTable("accounts").set({ mobile_enc: t.cipher.encrypt("1380000") }).where("mobile_hash", "=", t.cipher.blindIndex("mobile", "13800000006")).execute();
      await submit(li);
      await t.services.notifications.dispatchOutbox();
      expect(await t.services.notifications.sendDue()).toMatchObject({ failed: 1 });
      const failed = await t.database.db.selectFrom("notification_deliveries").selectAll().where("status", "=", "failed").execute();
      expect(failed).toEqual([expect.objectContaining({ attempts: 1, last_error: "invalid mobile number" })]);
    }
    // — reminds the department one working day before the deadline and escalates an overdue application to the supervisors
    {
      // Submitted on Mon 2 March with 7 working days: due Wed 11 March. Tue 10 March is the yellow day.
      const waiting = await t.database.db.selectFrom("applications").select("committed_deadline").where("id", "=", appId).executeTakeFirstOrThrow();
      expect(waiting.committed_deadline).toBe("2026-03-11"); // kept while the clock stands still
      const resubmit = await act(t, citizen, appId, "resubmit");
      expect(resubmit.statusCode).toBe(200);
      expect(resubmit.json().committedDeadline).toBe("2026-03-11"); // paused and resumed the same day: nothing moves
      expect(await raiseDueSoonAlerts(t.services.store, new Date("2026-03-09T02:00:00Z"))).toBe(0);
      expect(await raiseDueSoonAlerts(t.services.store, new Date("2026-03-10T02:00:00Z"))).toBeGreaterThan(0);
      expect(await raiseOverdueAlerts(t.services.store, new Date("2026-03-12T02:00:00Z"))).toBeGreaterThan(0);
      await t.services.notifications.dispatchOutbox(500);
      const reviewer = await login(t.app, "review.amr.huangpu");
      expect((await messages(reviewer)).items.some((m: { kind: string; body: string }) => m.kind === "due_soon" && m.body.includes("仅剩 1 个工作日"))).toBe(true);
      const supervisor = await login(t.app, "supervisor.huangpu");
      const alerts = (await messages(supervisor)).items.filter((m: { kind: string }) => m.kind === "overdue");
      expect(alerts.length).toBeGreaterThan(0);
      expect(alerts[0].deliveries).toEqual([]);
      const event = await t.database.db.selectFrom("application_events").select("details").where("application_id", "=", appId).where("action", "=", "overdue_alert").executeTakeFirstOrThrow();
      expect((event.details as { escalatedTo: string[] }).escalatedTo.length).toBeGreaterThan(0);
      // The city supervisor is not bothered with 黄浦's applications.
      const city = await login(t.app, "supervisor");
      expect((await messages(city)).items.filter((m: { kind: string }) => m.kind === "overdue")).toEqual([]);
    }
  });
});
