import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDepartmentSystem, type DepartmentSystem } from "../../../simulators/department-system/server";
import type { Config } from "../../config";
import { startWebhookWorker } from "../../jobs/webhooks.job";
import { applyForCard, clientToken, registerClient, streetCardItem } from "../../testing/integrations";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let citizen: LoggedIn;
let system: DepartmentSystem;
let client: { id: string; clientId: string; secret: string };
let stopWorker: () => Promise<void>;

const integrations: Config["integrations"] = { demoClientSecret: "", tokenTtlSeconds: 600, tokenRateLimitPerMinute: 1000, webhookBackoffMs: 20, webhookMaxBackoffMs: 200, webhookRetryMs: 60_000, webhookTimeoutMs: 2000, webhookBatch: 200, webhookIntervalMs: 20, demoSystemPort: 0 };

beforeAll(async () => {
  t = await startTestApp({ integrations });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const port = (t.app.server.address() as AddressInfo).port;
  citizen = await login(t.app, "13800000001");
  const { itemId } = await streetCardItem(t);
  // 南京东路街道 hands 社会保障卡申领 to its own system, which may act and issue the card.
  client = await registerClient(t, ["applications.read", "applications.act", "certificates.issue", "webhooks.manage"], { itemIds: [itemId], ackMinutes: 5 });
  system = await startDepartmentSystem({ platformUrl: `http://127.0.0.1:${port}`, clientId: client.clientId, clientSecret: client.secret, itemIds: [itemId], port: 0, certificateData: () => ({ reason: "首次申领（制卡系统）" }) });
  stopWorker = startWebhookWorker(t.services, 20, (err) => console.error(err));
}, 60_000);
afterAll(async () => {
  await stopWorker();
  await system.close();
  await t.close();
});

/** The service back with the demo system (another test may have handed it elsewhere). */
async function handBack() {
  const admin = await login(t.app, "admin");
  const { itemId } = await streetCardItem(t);
  const { lockVersion } = (await t.app.inject({ method: "GET", url: `/api/v1/admin/clients/${client.id}`, headers: admin.headers })).json();
  const res = await t.app.inject({ method: "PUT", url: `/api/v1/admin/clients/${client.id}/items`, headers: admin.headers, payload: { itemIds: [itemId], lockVersion } });
  expect(res.statusCode, res.body).toBe(200);
}

async function until(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

it("the demo department system decides an application entirely through the API, and its certificate is issued with the system's data", async () => {
  await handBack();
  const id = await applyForCard(t, citizen);
  await until(() => system.decided.has(id));
  expect(system.decided.get(id)).toBe("approved");
  const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: citizen.headers })).json();
  expect(detail.state).toBe("approved");
  // The same workflow and timeline as the workbench: each step by the system, under its own name.
  const events = await t.database.db.selectFrom("application_events").select(["action", "actor_name"]).where("application_id", "=", id).orderBy("created_at").orderBy("id").execute();
  expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["submit", "accept", "pass_review", "approve", "certificate_issued"]));
  expect(events.filter((e) => ["accept", "pass_review", "approve"].includes(e.action)).every((e) => e.actor_name.includes("南京东路街道社区事务受理系统"))).toBe(true);
  const certificate = await t.database.db.selectFrom("certificates").select(["payload", "holder_name"]).where("application_id", "=", id).executeTakeFirstOrThrow();
  expect(certificate.holder_name).toBe("张伟明");
  expect(JSON.stringify(certificate.payload)).toContain("首次申领（制卡系统）");
  // The system received the application and then its certificate, verified, in order.
  await until(() => system.events.some((e) => e.type === "cn.gov.haoban.certificate.issued" && e.data.applicationId === id));
  expect(system.events.filter((e) => e.data.applicationId === id).map((e) => e.type.replace("cn.gov.haoban.", ""))).toEqual(["application.submitted", "certificate.issued"]);
  expect(system.refused).toBe(0);
  // Audited with the client as the actor; the forwarding acknowledged.
  const audit = await t.database.db.selectFrom("audit_log").select(["action", "details"]).where("target_id", "=", id).where("action", "=", "application.approve").executeTakeFirstOrThrow();
  expect(audit.details).toMatchObject({ client: client.clientId });
  const forward = await t.database.db.selectFrom("external_forwards").selectAll().where("application_id", "=", id).executeTakeFirstOrThrow();
  expect(forward.acknowledged_at).not.toBeNull();
});

it("only the system handling the service acts on it; certificate data comes only from a system allowed to issue", async () => {
  const { itemId } = await streetCardItem(t);
  const other = await registerClient(t, ["applications.read", "applications.act"], { name: "另一系统" });
  const token = await clientToken(t, other.clientId, other.secret);
  const as = { authorization: `Bearer ${token}` };
  // The service handed to a system that is not running: nobody else acts on its applications.
  const offline = await registerClient(t, ["applications.read", "applications.act"], { itemIds: [itemId], name: "未上线的系统" });
  const id = await applyForCard(t, citizen);
  const refused = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: as, payload: { action: "accept", lockVersion: 0 } });
  expect(refused.statusCode).toBe(409);
  expect(refused.json().error.code).toBe("HANDLED_EXTERNALLY");
  // Nor can it be claimed away from the system handling it.
  const claim = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/assignment`, headers: as, payload: { assigneeAccountId: null, lockVersion: 0 } });
  expect(claim.json().error.code).toBe("HANDLED_EXTERNALLY");
  expect(refused.json().error.message).toBe("该事项由部门业务系统办理，请在部门业务系统中操作");
  // Taken back (the system revoked), the service is acted on as before; certificate data needs the scope.
  const admin = await login(t.app, "admin");
  expect((await t.app.inject({ method: "POST", url: `/api/v1/admin/clients/${offline.id}/revocation`, headers: admin.headers, payload: { reason: "收回至工作台办理" } })).statusCode).toBe(200);
  const withData = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: as, payload: { action: "accept", lockVersion: 0, certificateData: { reason: "x" } } });
  expect(withData.statusCode).toBe(403);
  expect(withData.json().error.code).toBe("CERTIFICATE_DATA_NOT_ALLOWED");
  const accepted = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: as, payload: { action: "accept", lockVersion: 0 } });
  expect(accepted.statusCode, accepted.body).toBe(200);
  await handBack();
});

it("a system that does not acknowledge a forwarded application in time alerts the department, once", async () => {
  const { itemId } = await streetCardItem(t);
  await registerClient(t, ["applications.read", "applications.act"], { itemIds: [itemId], ackMinutes: 5, name: "未上线的系统" });
  const id = await applyForCard(t, citizen);
  expect(await t.database.db.selectFrom("external_forwards").select("application_id").where("application_id", "=", id).executeTakeFirst()).toBeDefined();
  // Time passes beyond the five minutes given.
  await t.database.db.updateTable("external_forwards").set({ ack_due_at: new Date(Date.now() - 1000) }).where("application_id", "=", id).execute();
  expect(await t.services.external.alertStalled()).toBe(1);
  expect(await t.services.external.alertStalled()).toBe(0);
  await t.services.notifications.dispatchOutbox();
  const qian = await t.database.db.selectFrom("accounts").select("id").where("username", "=", "street.nanjingdonglu").executeTakeFirstOrThrow();
  const message = await t.database.db.selectFrom("messages").select(["title", "body", "link"]).where("account_id", "=", qian.id).where("kind", "=", "integration_stalled").executeTakeFirstOrThrow();
  expect(message.title).toBe("部门业务系统未确认接收办件");
  expect(message.link).toBe(`/workbench/applications/${id}`);
  const audit = await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", id).where("action", "=", "integration.stalled").execute();
  expect(audit).toHaveLength(1);
  await handBack();
});

it("a department system asks for 补正 with the fields and materials; the resubmission goes back to it, and a refused action sends nothing", async () => {
  const { itemId } = await streetCardItem(t);
  const handler = await registerClient(t, ["applications.read", "applications.act"], { itemIds: [itemId], name: "补正测试系统" });
  const as = { authorization: `Bearer ${await clientToken(t, handler.clientId, handler.secret)}` };
  const id = await applyForCard(t, citizen);
  const step = async (action: string, extra: object = {}) => {
    const { lockVersion } = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: as })).json();
    return t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: as, payload: { action, lockVersion, ...extra } });
  };
  expect((await step("accept")).statusCode).toBe(200);
  const outboxBefore = await t.database.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  // A refused action (no reason given) changes nothing and leaves no event behind.
  expect((await step("request_supplement")).json().error.code).toBe("REASON_REQUIRED");
  expect(await t.database.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(outboxBefore);
  const asked = await step("request_supplement", { opinion: "身份证件照片不清晰，请重新上传", supplementItems: ["申请人有效身份证件"] });
  expect(asked.statusCode, asked.body).toBe(200);
  const seen = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: citizen.headers })).json();
  expect(seen.state).toBe("supplement");
  // The applicant answers; the system gets it back and goes on.
  const again = await t.app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: citizen.headers, payload: { action: "resubmit", lockVersion: seen.lockVersion } });
  expect(again.statusCode, again.body).toBe(200);
  const transitions = await t.database.db.selectFrom("outbox").select("payload").where("topic", "=", "application.transition").orderBy("id").execute();
  const mine = transitions.map((r) => r.payload as { applicationId: string; action: string; supplement: boolean; fromKind: string }).filter((p) => p.applicationId === id);
  expect(mine.map((p) => p.action)).toEqual(["accept", "request_supplement", "resubmit"]);
  expect(mine[1]!.supplement).toBe(true);
  expect(mine[2]!.fromKind).toBe("waiting_applicant");
  expect((await step("pass_review")).statusCode).toBe(200);
  await handBack();
});
