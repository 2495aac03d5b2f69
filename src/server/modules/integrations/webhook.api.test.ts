import { afterAll, beforeAll, expect, it } from "vitest";
import type { Config } from "../../config";
import { applyForCard, clientToken, drainWebhooks, Receiver, registerClient, streetCardItem } from "../../testing/integrations";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: LoggedIn;
let citizen: LoggedIn;

// Quick retries: 20 ms doubling to 200 ms, dead-lettered 1.5 s after the first attempt.
const integrations: Config["integrations"] = { demoClientSecret: "", tokenTtlSeconds: 600, tokenRateLimitPerMinute: 1000, webhookBackoffMs: 20, webhookMaxBackoffMs: 200, webhookRetryMs: 1500, webhookTimeoutMs: 2000, webhookBatch: 200, webhookIntervalMs: 20, demoSystemPort: 0 };

beforeAll(async () => {
  t = await startTestApp({ integrations });
  admin = await login(t.app, "admin");
  citizen = await login(t.app, "13800000001");
}, 60_000);
afterAll(async () => t.close());

async function subscribe(url: string, eventTypes: string[]) {
  const { orgId } = await streetCardItem(t);
  const res = await t.app.inject({ method: "POST", url: "/api/v1/webhooks/subscriptions", headers: admin.headers, payload: { url, eventTypes, orgId } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { subscription: { id: string }; secret: string };
}

/** A client of 南京东路街道 acting on its applications (not one it hands to a system). */
async function actor() {
  const c = await registerClient(t, ["applications.read", "applications.act"], { name: "受理系统（测试）" });
  const token = await clientToken(t, c.clientId, c.secret);
  return async (id: string, action: string) => {
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: { authorization: `Bearer ${token}` } })).json();
    const res = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: { authorization: `Bearer ${token}` }, payload: { action, lockVersion: detail.lockVersion } });
    expect(res.statusCode, res.body).toBe(200);
  };
}

const types = (r: Receiver, id: string) => r.events.filter((e) => e.data.applicationId === id).map((e) => e.type.replace("cn.gov.haoban.", ""));

it("a receiver that is down gets every event once it is back, in order per application, signed and verifiable", async () => {
  const receiver = await new Receiver().start();
  const port = receiver.port;
  await receiver.stop();
  const { subscription, secret } = await subscribe(`http://127.0.0.1:${port}/hook`, ["application.submitted", "application.accepted", "application.progressed", "application.decided"]);
  receiver.secret = secret;
  const act = await actor();
  const first = await applyForCard(t, citizen);
  const second = await applyForCard(t, await login(t.app, "13800000002"), "李雪梅", "13800000002");
  await act(first, "accept");
  await act(first, "pass_review");
  await act(second, "accept");

  // Down: every attempt fails, the failures are logged, nothing is lost.
  await drainWebhooks(t, async () => (await t.database.db.selectFrom("webhook_attempts").select("delivery_id").execute()).length >= 2, 3000);
  const failed = await t.app.inject({ method: "GET", url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries?status=pending`, headers: admin.headers });
  expect(failed.json().items.length).toBeGreaterThanOrEqual(3);
  expect(failed.json().items.some((d: { attempts: number; lastError: string | null }) => d.attempts > 0 && d.lastError)).toBe(true);

  // Back up on the same address: everything arrives, each application's events in the order they happened.
  await receiver.start(port);
  await drainWebhooks(t, () => receiver.events.length >= 5, 10_000);
  expect(types(receiver, first)).toEqual(["application.submitted", "application.accepted", "application.progressed"]);
  expect(types(receiver, second)).toEqual(["application.submitted", "application.accepted"]);
  expect(receiver.events[0]).toMatchObject({ specversion: "1.0", source: "/haoban/310101", datacontenttype: "application/json" });
  // Thin events: ids and states, no personal data.
  expect(JSON.stringify(receiver.events)).not.toContain("张伟明");
  const list = (await t.app.inject({ method: "GET", url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries`, headers: admin.headers })).json().items;
  expect(list.every((d: { status: string }) => d.status === "delivered")).toBe(true);
  const detail = (await t.app.inject({ method: "GET", url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries/${list.at(-1).id}`, headers: admin.headers })).json();
  expect(detail.attemptLog.at(-1)).toMatchObject({ status: 204 });
  expect(detail.attemptLog.slice(0, -1).every((a: { status: number | null; error: string | null }) => a.status === null && a.error)).toBe(true);
  await receiver.stop();
});

it("a receiver answering 500 is retried with back-off, then dead-lettered; a replay sends the range again in order", async () => {
  const receiver = await new Receiver().start();
  receiver.failWith = 500;
  const { subscription, secret } = await subscribe(receiver.url, ["application.submitted", "application.accepted"]);
  receiver.secret = secret;
  const act = await actor();
  const id = await applyForCard(t, citizen);
  await act(id, "accept");
  const deliveries = async () => (await t.app.inject({ method: "GET", url: `/api/v1/webhooks/subscriptions/${subscription.id}/deliveries`, headers: admin.headers })).json().items as Array<{ id: number; status: string; attempts: number; lastStatus: number | null }>;
  await drainWebhooks(t, async () => (await deliveries()).every((d) => d.status === "dead"), 10_000);
  const dead = await deliveries();
  expect(dead.map((d) => d.status)).toEqual(["dead", "dead"]);
  expect(dead.every((d) => d.attempts >= 2 && d.lastStatus === 500)).toBe(true);
  expect(receiver.events).toEqual([]);

  // Fixed: the administrator replays the range; new deliveries go out in the original order.
  receiver.failWith = null;
  const ids = dead.map((d) => d.id).sort((a, b) => a - b);
  const replay = await t.app.inject({ method: "POST", url: `/api/v1/webhooks/subscriptions/${subscription.id}/replays`, headers: admin.headers, payload: { fromId: ids[0], toId: ids.at(-1) } });
  expect(replay.statusCode, replay.body).toBe(201);
  expect(replay.json()).toEqual({ queued: 2 });
  await drainWebhooks(t, () => receiver.events.length >= 2);
  expect(types(receiver, id)).toEqual(["application.submitted", "application.accepted"]);
  const after = await deliveries();
  expect(after.filter((d) => d.status === "delivered")).toHaveLength(2);
  const audit = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", subscription.id).execute();
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.subscribe", "webhook.replay"]));
  await receiver.stop();
});

it("subscriptions are managed within scope: a client sees only its own, a paused one receives nothing", async () => {
  const c = await registerClient(t, ["webhooks.manage"]);
  const token = await clientToken(t, c.clientId, c.secret);
  const mine = await t.app.inject({ method: "POST", url: "/api/v1/webhooks/subscriptions", headers: { authorization: `Bearer ${token}` }, payload: { url: "https://dept.example.gov.cn/hook", eventTypes: ["application.submitted"] } });
  expect(mine.statusCode, mine.body).toBe(201);
  expect(mine.json().secret).toMatch(/^whsec_/);
  const listed = (await t.app.inject({ method: "GET", url: "/api/v1/webhooks/subscriptions", headers: { authorization: `Bearer ${token}` } })).json().items;
  expect(listed.map((s: { id: string }) => s.id)).toEqual([mine.json().subscription.id]);
  // Another organisation's events are not the client's to ask for.
  const pudong = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310115").executeTakeFirstOrThrow()).id;
  const other = await t.app.inject({ method: "POST", url: "/api/v1/webhooks/subscriptions", headers: { authorization: `Bearer ${token}` }, payload: { url: "https://dept.example.gov.cn/hook", eventTypes: ["application.submitted"], orgId: pudong } });
  expect(other.statusCode).toBe(403);
  // Bad addresses are refused with their own code.
  const bad = await t.app.inject({ method: "POST", url: "/api/v1/webhooks/subscriptions", headers: { authorization: `Bearer ${token}` }, payload: { url: "ftp://user:pw@x/hook", eventTypes: ["application.submitted"] } });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain("WEBHOOK_URL_INVALID");
  // A stale edit is detected.
  const id = mine.json().subscription.id;
  const paused = await t.app.inject({ method: "PATCH", url: `/api/v1/webhooks/subscriptions/${id}`, headers: { authorization: `Bearer ${token}` }, payload: { status: "paused", lockVersion: 0 } });
  expect(paused.statusCode, paused.body).toBe(200);
  const stale = await t.app.inject({ method: "PATCH", url: `/api/v1/webhooks/subscriptions/${id}`, headers: { authorization: `Bearer ${token}` }, payload: { status: "active", lockVersion: 0 } });
  expect(stale.json().error.code).toBe("SUBSCRIPTION_CHANGED");
  // 黄浦's reviewer manages no subscriptions.
  const reviewer = await login(t.app, "review.amr.huangpu");
  expect((await t.app.inject({ method: "GET", url: "/api/v1/webhooks/subscriptions", headers: reviewer.headers })).statusCode).toBe(403);
});
