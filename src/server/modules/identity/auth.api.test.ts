import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOTP } from "otpauth";
import { buildIdNumber } from "../../../shared/validation/id-number";
import { demoPersons } from "../../seed/demo-people";
import { login, startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
const people = demoPersons();
const huang = people.find((p) => p.key === "p12")!; // in the registry, no account yet
// Others in the registry without an account, each registered by the one test that needs them.
const wu = people.find((p) => p.key === "p13")!;
const shao = people.find((p) => p.key === "p015")!;

beforeAll(async () => {
  t = await startTestApp({ loginMaxFailures: 3, lockoutMinutes: 15, loginAccountCeiling: 9 });
});
afterAll(() => t.close());

const register = (payload: unknown) => t.app.inject({ method: "POST", url: "/api/v1/auth/register", payload: payload as object });

describe("citizen registration", () => {
  it("rejects a bad check digit with ID_NUMBER_CHECKSUM and a Chinese message", async () => {
    const bad = huang.idNumber.slice(0, 17) + (huang.idNumber[17] === "1" ? "2" : "1");
    const res = await register({ name: huang.name, idNumber: bad, mobile: "13700000012", password: "Secret123" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("ID_NUMBER_CHECKSUM");
    expect(res.json().error.message).toContain("校验位");
  });

  it("rejects an impossible birth date with ID_NUMBER_BIRTHDATE", async () => {
    const res = await register({ name: huang.name, idNumber: buildIdNumber("310101", "1990-02-30", 11), mobile: "13700000012", password: "Secret123" });
    expect(res.json().error.code).toBe("ID_NUMBER_BIRTHDATE");
  });

  it("rejects a name that does not match the registry with REAL_NAME_MISMATCH, and tells the person", async () => {
    const res = await register({ name: "黄丽", idNumber: huang.idNumber, mobile: "13700000012", password: "Secret123" });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("REAL_NAME_MISMATCH");
    const audit = await t.database.db.selectFrom("audit_log").selectAll().where("action", "=", "person.verify").execute();
    expect(audit.some((a) => a.details && (a.details as { matched?: boolean }).matched === false)).toBe(true);
  });

  it("rejects weak passwords, extra fields and script in names", async () => {
    const countAccounts = async () =>
      Number((await t.database.db.selectFrom("accounts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await countAccounts();
    const base = { name: huang.name, idNumber: huang.idNumber, mobile: "13700000012", password: "Secret123" };
    expect((await register({ ...base, password: "short" })).json().error.code).toBe("PASSWORD_TOO_WEAK");
    expect((await register({ ...base, admin: true })).json().error.code).toBe("VALIDATION_FAILED");
    expect((await register({ ...base, name: "<script>alert(1)</script>" })).json().error.code).toBe("VALIDATION_FAILED");
    expect((await register({ ...base, name: "黄'; drop table accounts; --" })).json().error.code).toBe("VALIDATION_FAILED");
    expect((await register({ ...base, mobile: "12345" })).json().error.code).toBe("MOBILE_FORMAT");
    expect(await countAccounts()).toBe(before); // nothing half-written
  });

  it("registers a real person, logs them in, and refuses a second account", async () => {
    const res = await register({ name: huang.name, idNumber: huang.idNumber.toLowerCase(), mobile: "13700000012", password: "Secret123" });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === "haoban_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: { cookie: `haoban_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ kind: "citizen", name: "黄丽娟", mobileMasked: "137****0012" });
    expect(me.json().idNumberMasked).toMatch(/^310109\*{8}\d{3}[\dX]$/);
    // Her registered district (虹口), so guides and search open its own implementations.
    expect(me.json().regionCode).toMatch(/^310109/);

    const again = await register({ name: huang.name, idNumber: huang.idNumber, mobile: "13700000019", password: "Secret123" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ACCOUNT_EXISTS");
  });

  it("stores the mobile encrypted, not in clear", async () => {
    expect((await register({ name: shao.name, idNumber: shao.idNumber, mobile: "13700000015", password: "Secret123" })).statusCode).toBe(201);
    const rows = await t.database.db.selectFrom("accounts").select(["mobile_enc", "mobile_hash"]).where("name", "=", shao.name).execute();
    expect(rows[0]!.mobile_enc).toMatch(/^v1:/);
    expect(JSON.stringify(rows)).not.toContain("13700000015");
  });
});

describe("login and sessions", () => {
  it("logs in by mobile, by ID number and by staff username", async () => {
    expect((await login(t.app, "13800000001")).csrf).toBeTruthy();
    expect((await login(t.app, people[1]!.idNumber)).csrf).toBeTruthy();
    const staff = await login(t.app, "review.amr");
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: staff.headers });
    expect(me.json()).toMatchObject({ kind: "staff", roles: ["reviewer"], org: { name: "上海市市场监督管理局" }, regionCode: null });
  });

  it("answers 401 for a wrong password, in English when asked", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "accept-language": "en-GB,en;q=0.9" },
      payload: { identifier: "13800000007", password: "Wrong1234" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "INVALID_CREDENTIALS", message: "Wrong account or password" });
  });

  it("locks the account after repeated failures: 429 with Retry-After, even for the right password", async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "13800000009", password: "Wrong1234" } });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "13800000009", password: "Wrong1234" } });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe("ACCOUNT_LOCKED");
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(800);
    const right = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "13800000009", password: "Haoban@2026" } });
    expect(right.statusCode).toBe(429);
  });

  it("a stranger's wrong passwords lock out the stranger's client, not the account's owner", async () => {
    const attempt = (password: string, remoteAddress: string, cookie?: string) =>
      t.app.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress, ...(cookie ? { headers: { cookie } } : {}), payload: { identifier: "13800000004", password } });
    // The owner logs in once from home: that browser becomes a known device.
    const home = await attempt("Haoban@2026", "10.1.1.1");
    expect(home.statusCode).toBe(200);
    const device = home.cookies.find((c) => c.name === "haoban_device")!;
    expect(device).toMatchObject({ httpOnly: true, path: "/api/v1/auth" });
    const deviceCookie = `haoban_device=${device.value}`;

    for (let i = 0; i < 3; i++) await attempt("Wrong1234", "203.0.113.9");
    const stranger = await attempt("Haoban@2026", "203.0.113.9");
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.code).toBe("ACCOUNT_LOCKED");
    // The owner, from another address or from the known device, is not locked out.
    expect((await attempt("Haoban@2026", "198.51.100.20")).statusCode).toBe(200);
    expect((await attempt("Haoban@2026", "203.0.113.9", deviceCookie)).statusCode).toBe(200);

    // Many addresses at once (a distributed attack) close the account to unknown clients only.
    for (const a of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) for (let i = 0; i < 3; i++) await attempt("Wrong1234", a);
    const unknown = await attempt("Haoban@2026", "192.0.2.200");
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json().error).toMatchObject({ code: "ACCOUNT_LOCKED", details: { knownDeviceOnly: true } });
    expect((await attempt("Haoban@2026", "192.0.2.201", deviceCookie)).statusCode).toBe(200);
    // Each failure is audited with the kind of client.
    const failures = await t.database.db.selectFrom("audit_log").select("details").where("action", "in", ["auth.login_failed", "auth.locked"]).execute();
    expect(failures.some((f) => (f.details as { client?: string }).client === "address")).toBe(true);
  });

  it("the counters live in the database, so every process sees them", async () => {
    for (let i = 0; i < 3; i++) await t.app.inject({ method: "POST", url: "/api/v1/auth/login", remoteAddress: "203.0.113.77", payload: { identifier: "13800000005", password: "Wrong1234" } });
    const rows = await t.database.db.selectFrom("login_throttle").selectAll().where("client_key", "=", "ip:203.0.113.77").execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.locked_until!.getTime()).toBeGreaterThan(Date.now());
  });

  it("requires the CSRF token on cookie-authenticated changes", async () => {
    const s = await login(t.app, "13800000001");
    const without = await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: { cookie: s.cookie }, payload: { enterpriseId: null } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe("CSRF_TOKEN_INVALID");
    const withToken = await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: s.headers, payload: { enterpriseId: null } });
    expect(withToken.statusCode).toBe(200);
  });

  it("logs out: the session no longer works", async () => {
    const s = await login(t.app, "13800000003");
    expect((await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: s.headers })).statusCode).toBe(200);
    const me = await t.app.inject({ method: "GET", url: "/api/v1/me", headers: s.headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("lets a legal representative act for the enterprise, and records both identities", async () => {
    const s = await login(t.app, "13800000001");
    const me = (await t.app.inject({ method: "GET", url: "/api/v1/me", headers: s.headers })).json();
    const enterprise = me.enterprises[0];
    const switched = await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: s.headers, payload: { enterpriseId: enterprise.id } });
    expect(switched.json().actingFor).toMatchObject({ name: "上海明远科技有限公司", relation: "legal_representative" });
    const rec = await t.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "auth.act_for_enterprise")
      .orderBy("occurred_at", "desc")
      .executeTakeFirstOrThrow();
    expect(rec.actor_name).toBe("张伟明");
    expect(rec.acting_for_enterprise_id).toBe(enterprise.id);
  });

  it("refuses to act for an enterprise one holds no authorisation for", async () => {
    const s = await login(t.app, "13800000007");
    const other = await t.database.db.selectFrom("enterprises").select("id").where("name", "=", "上海明远科技有限公司").executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: s.headers, payload: { enterpriseId: other.id } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("NOT_AUTHORISED_FOR_ENTERPRISE");
  });
});

describe("staff second factor (TOTP)", () => {
  it("enrols, then requires and checks a code at login", async () => {
    const s = await login(t.app, "review.tax");
    const setup = await t.app.inject({ method: "POST", url: "/api/v1/me/totp/setup", headers: s.headers });
    expect(setup.statusCode).toBe(200);
    const totp = new TOTP({ secret: setup.json().secret });
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/totp/confirm", headers: s.headers, payload: { code: "000000" === totp.generate() ? "111111" : "000000" } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/totp/confirm", headers: s.headers, payload: { code: totp.generate() } })).statusCode).toBe(200);

    const noCode = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "review.tax", password: "Haoban@2026" } });
    expect(noCode.json().error.code).toBe("TOTP_REQUIRED");
    const withCode = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: "review.tax", password: "Haoban@2026", totp: totp.generate() } });
    expect(withCode.statusCode).toBe(200);
  });

  it("is not offered to citizens", async () => {
    const s = await login(t.app, "13800000002");
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/totp/setup", headers: s.headers })).statusCode).toBe(403);
  });
});

describe("my data-use records (我的数据使用记录)", () => {
  it("shows the registration check and a staff member's read with its purpose", async () => {
    expect((await register({ name: wu.name, idNumber: wu.idNumber, mobile: "13700000013", password: "Secret123" })).statusCode).toBe(201);
    const clerk = await login(t.app, "window.huangpu");
    const read = await t.app.inject({
      method: "POST",
      url: "/api/v1/registry/person-lookups",
      headers: clerk.headers,
      payload: { idNumber: wu.idNumber, purpose: "窗口核验申请人身份" },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().idNumberMasked).toContain("********");

    const s = await login(t.app, "13700000013", "Secret123");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/me/data-access", headers: s.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ action: string; purpose: string; orgName: string | null; actorName: string; source: string }>;
    expect(items[0]).toMatchObject({ action: "查询个人信息", purpose: "窗口核验申请人身份", actorName: "沈晓燕", source: "人口库" });
    expect(items[0]!.orgName).toContain("黄浦区政务服务中心");
    expect(items.some((i) => i.action === "实名核验")).toBe(true);
    expect((items[0] as unknown as { elements: string[] }).elements).toContain("身份证号码");
  });

  it("needs a purpose to read someone's data, and a staff role to read at all", async () => {
    const clerk = await login(t.app, "window.huangpu");
    const noPurpose = await t.app.inject({ method: "POST", url: "/api/v1/registry/person-lookups", headers: clerk.headers, payload: { idNumber: huang.idNumber } });
    expect(noPurpose.statusCode).toBe(400);
    const citizen = await login(t.app, "13800000002");
    const forbidden = await t.app.inject({
      method: "POST",
      url: "/api/v1/registry/person-lookups",
      headers: citizen.headers,
      payload: { idNumber: huang.idNumber, purpose: "好奇" },
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
