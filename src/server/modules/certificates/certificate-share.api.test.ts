import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { todayInChina } from "../../../shared/working-days";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let holder: LoggedIn;
let clock = new Date("2026-11-27T02:00:00Z");
let educationId: string;

beforeAll(async () => {
  t = await startTestApp({ verifyCacheMs: 5000 }, { now: () => clock });
  holder = await login(t.app, "13800000001"); // 张伟明
  const wallet = (await t.app.inject({ method: "GET", url: "/api/v1/me/certificates", headers: holder.headers })).json().items;
  educationId = wallet.find((c: { typeName: string }) => c.typeName === "学历证书").id;
});
afterAll(() => t.close());

const share = (who: LoggedIn, id: string, body: object) => t.app.inject({ method: "POST", url: `/api/v1/me/certificates/${id}/shares`, headers: who.headers, payload: body });
const open = (token: string) => t.app.inject({ method: "GET", url: `/api/v1/certificates/shared/${token}` });

describe("亮证 share links", () => {
  // A fresh session per test: another test may have moved the clock past the idle limit.
  beforeEach(async () => {
    holder = await login(t.app, "13800000001");
  });
  /** A link of the holder's 学历证书 for `purpose`, showing the school and level: each test makes its own. */
  const newShare = async (purpose: string) => {
    const res = await share(holder, educationId, { purpose, hours: 24, disclose: ["school", "level"] });
    expect(res.statusCode).toBe(201);
    return { token: res.json().token as string, shareId: res.json().id as string };
  };

  it("the holder shares a certificate for a stated purpose and time, disclosing only the fields picked", async () => {
    expect((await share(holder, educationId, { purpose: "入职学历核验", hours: 24, disclose: ["password"] })).statusCode).toBe(400);
    expect((await share(holder, educationId, { purpose: "入职学历核验", hours: 24 * 30, disclose: [] })).statusCode).toBe(400);
    const res = await share(holder, educationId, { purpose: "入职学历核验", hours: 24, disclose: ["school", "level"] });
    expect(res.statusCode).toBe(201);
    const token = res.json().token as string;
    expect(res.json().path).toBe(`/shared/${token}`);
    // Only a hash of the token is stored.
    expect(await t.database.db.selectFrom("certificate_shares").select("id").where("token_hash", "=", token).execute()).toHaveLength(0);

    const seen = await open(token);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ valid: true, purpose: "入职学历核验", certificate: { typeName: "学历证书", holder: "张*明" }, disclosed: [{ label: "学校", value: "华东师范大学" }, { label: "层次", value: "本科" }] });
    expect(JSON.stringify(seen.json())).not.toContain("计算机科学与技术"); // the major was not disclosed
  });

  it("every use is counted and shows on the holder's data-use log; others cannot see or manage the link", async () => {
    const { token, shareId } = await newShare("背景调查核验");
    await open(token);
    await open(token);
    const list = (await t.app.inject({ method: "GET", url: `/api/v1/me/certificates/${educationId}/shares`, headers: holder.headers })).json().items;
    expect(list.find((l: { id: string }) => l.id === shareId)).toMatchObject({ id: shareId, uses: 2, status: "active", disclosed: ["school", "level"] });
    const log = (await t.app.inject({ method: "GET", url: "/api/v1/me/data-access?limit=100", headers: holder.headers })).json().items;
    expect(log.filter((e: { action: string; purpose: string }) => e.action === "亮证被查看" && e.purpose === "亮证：背景调查核验")).toHaveLength(2);
    const other = await login(t.app, "13800000003");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/me/certificates/${educationId}/shares`, headers: other.headers })).statusCode).toBe(404);
    expect((await share(other, educationId, { purpose: "冒用", hours: 1, disclose: [] })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/me/certificates/shares/${shareId}`, headers: other.headers })).statusCode).toBe(404);
    expect((await open("A".repeat(32))).json().error.code).toBe("SHARE_LINK_NOT_FOUND");
  });

  it("a revoked or expired link says so and is not used", async () => {
    const { token, shareId } = await newShare("入学资格核验");
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/me/certificates/shares/${shareId}`, headers: holder.headers })).statusCode).toBe(204);
    const revoked = await open(token);
    expect(revoked.statusCode).toBe(410);
    expect(revoked.json().error.code).toBe("SHARE_LINK_INVALID");
    const short = (await share(holder, educationId, { purpose: "租房核验", hours: 1, disclose: [] })).json();
    expect((await open(short.token)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 2 * 3600_000);
    expect((await open(short.token)).statusCode).toBe(410);
    const uses = await t.database.db.selectFrom("certificate_shares").select("use_count").where("id", "=", short.id).executeTakeFirstOrThrow();
    expect(uses.use_count).toBe(1);
  });
});

describe("expiry reminders", () => {
  it("holders are told once, through the message centre, 30 days before a certificate expires", async () => {
    const today = todayInChina(clock);
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const cert = await t.database.db.selectFrom("certificates").select(["id", "number"]).where("type_code", "=", "resident_id").where("holder_name", "=", "张伟明").executeTakeFirstOrThrow();
    // The demo already holds certificates coming due (a 居住证, a food licence): those reminders go first.
    await t.services.certificates.remindExpiring();
    await t.database.db.updateTable("certificates").set({ valid_to: soon }).where("id", "=", cert.id).execute();
    expect(await t.services.certificates.remindExpiring()).toBe(1);
    expect(await t.services.certificates.remindExpiring()).toBe(0);
    expect(await t.database.db.selectFrom("audit_log").select("target_id").where("action", "=", "certificate.expiry_reminder").where("target_id", "=", cert.id).execute()).toEqual([{ target_id: cert.id }]);
    await t.services.notifications.dispatchOutbox();
    const messages = (await t.app.inject({ method: "GET", url: "/api/v1/messages", headers: holder.headers })).json().items;
    expect(messages.find((m: { title: string }) => m.title === "证照即将到期")).toMatchObject({ body: `您的居民身份证（${cert.number}）将于 ${soon} 到期，请及时办理延续或换领。`, link: "/me/certificates" });
    const english = (await t.app.inject({ method: "GET", url: "/api/v1/messages", headers: { ...holder.headers, cookie: `${holder.headers.cookie}; haoban_lang=en` } })).json().items;
    expect(english.find((m: { kind: string }) => m.kind === "certificate_expiring")).toMatchObject({ title: "Certificate expiring soon", body: `Your 居民身份证 (${cert.number}) expires on ${soon}; please renew or replace it in time.` });
  });
});

describe("verification answers are reused briefly", () => {
  it("a changed record shows within the cache time; the issuer's status change shows at once", async () => {
    const cert = await t.database.db.selectFrom("certificates").selectAll().where("type_code", "=", "marriage_certificate").where("holder_name", "=", "张伟明").executeTakeFirstOrThrow();
    const verify = async () => (await t.app.inject({ method: "GET", url: `/api/v1/certificates/verify?id=${encodeURIComponent(cert.identifier)}` })).json().reason;
    expect(await verify()).toBe("VALID");
    await t.database.db.updateTable("certificates").set({ payload: JSON.stringify({ ...(cert.payload as object), validTo: "2099-12-31" }) }).where("id", "=", cert.id).execute();
    expect(await verify()).toBe("VALID"); // the answer of a moment ago
    clock = new Date(clock.getTime() + 6000);
    expect(await verify()).toBe("SIGNATURE_INVALID");
    await t.database.db.updateTable("certificates").set({ payload: JSON.stringify(cert.payload) }).where("id", "=", cert.id).execute();
    clock = new Date(clock.getTime() + 6000);
    expect(await verify()).toBe("VALID");
    const approver = await login(t.app, "admin.huangpu");
    const res = await t.app.inject({ method: "POST", url: `/api/v1/certificates/${cert.id}/status`, headers: approver.headers, payload: { status: "suspended", reason: "核查中" } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await verify()).toBe("SUSPENDED");
  });
});
