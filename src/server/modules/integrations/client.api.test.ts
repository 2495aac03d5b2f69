import { afterAll, beforeAll, expect, it } from "vitest";
import { submitApplication } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: LoggedIn;
let streetOrgId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "admin");
  streetOrgId = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101001").executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(async () => t.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function register(scopes: string[], who = admin) {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/admin/clients", headers: who.headers, payload: { name: "南京东路街道社区事务受理系统", orgId: streetOrgId, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { client: { id: string; clientId: string; lockVersion: number; secrets: Array<{ id: string; active: boolean }> }; clientSecret: string };
}

async function token(clientId: string, secret: string, scope?: string) {
  // The form a standard OAuth 2.0 client sends: Basic credentials, a urlencoded body.
  return t.app.inject({
    method: "POST",
    url: "/api/v1/oauth/token",
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) }).toString(),
  });
}

it("registers a department system; its token calls the routes of its scopes as staff of its organisation, and nothing else", async () => {
  const { client, clientSecret } = await register(["applications.read", "applications.act", "webhooks.manage"]);
  expect(client.clientId).toMatch(/^hbc_[0-9a-f]{18}$/);
  expect(clientSecret).toMatch(/^hbs_/);
  // The secret is stored as a hash only.
  const stored = await t.database.db.selectFrom("api_client_secrets").select("secret_hash").where("client_id", "=", client.id).execute();
  expect(stored.map((s) => s.secret_hash)).not.toContain(clientSecret);

  const issued = await token(client.clientId, clientSecret);
  expect(issued.statusCode, issued.body).toBe(200);
  expect(issued.headers["cache-control"]).toBe("no-store");
  const body = issued.json();
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "applications.read applications.act webhooks.manage" });

  const inbox = await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(body.access_token) });
  expect(inbox.statusCode, inbox.body).toBe(200);
  // No cookie, no CSRF token: a mutation with the bearer token is judged by its scope alone.
  const subs = await t.app.inject({ method: "GET", url: "/api/v1/webhooks/subscriptions", headers: bearer(body.access_token) });
  expect(subs.statusCode).toBe(200);
  for (const [method, url] of [["GET", "/api/v1/me"], ["GET", "/api/v1/admin/clients"], ["GET", "/api/v1/staff"], ["POST", "/api/v1/registry/person-lookups"]] as const) {
    const res = await t.app.inject({ method, url, headers: bearer(body.access_token), ...(method === "POST" ? { payload: {} } : {}) });
    expect(res.statusCode, `${method} ${url}`).toBe(403);
  }
  // Public routes stay public.
  expect((await t.app.inject({ method: "GET", url: "/api/v1/webhooks/event-types", headers: bearer(body.access_token) })).statusCode).toBe(200);

  // A token for fewer scopes admits fewer routes; more than granted is refused.
  const narrow = (await token(client.clientId, clientSecret, "applications.read")).json().access_token as string;
  expect((await t.app.inject({ method: "GET", url: "/api/v1/webhooks/subscriptions", headers: bearer(narrow) })).statusCode).toBe(403);
  const wider = await token(client.clientId, clientSecret, "applications.read registries.read");
  expect(wider.statusCode).toBe(400);
  expect(wider.json().error.code).toBe("SCOPE_INVALID");

  // Wrong secret, unknown client, other grants, junk tokens.
  expect((await token(client.clientId, `${clientSecret}x`)).json().error.code).toBe("CLIENT_CREDENTIALS_INVALID");
  expect((await token("hbc_000000000000000000", clientSecret)).statusCode).toBe(401);
  const password = await t.app.inject({ method: "POST", url: "/api/v1/oauth/token", payload: { grant_type: "password", client_id: client.clientId, client_secret: clientSecret } });
  expect(password.json().error.code).toBe("GRANT_TYPE_UNSUPPORTED");
  const junk = await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer("not-a-real-token-at-all") });
  expect(junk.statusCode).toBe(401);
  expect(junk.json().error.code).toBe("TOKEN_INVALID");
  expect(junk.headers["www-authenticate"]).toMatch(/Bearer/);

  // Audited with the client as the actor.
  const audit = await t.database.db.selectFrom("audit_log").select(["actor_name", "details"]).where("action", "=", "client.token").orderBy("occurred_at", "desc").limit(1).executeTakeFirstOrThrow();
  expect(audit.actor_name).toContain("南京东路街道社区事务受理系统");
  expect(audit.details).toMatchObject({ client: client.clientId });
});

it("rotates a secret with an overlap, revokes a leaked one and the whole client at once", async () => {
  const { client, clientSecret: first } = await register(["applications.read"]);
  const oldToken = (await token(client.clientId, first)).json().access_token as string;
  const rotated = await t.app.inject({ method: "POST", url: `/api/v1/admin/clients/${client.id}/secrets`, headers: admin.headers, payload: { overlapHours: 24 } });
  expect(rotated.statusCode, rotated.body).toBe(201);
  const second = rotated.json().clientSecret as string;
  // During the overlap both secrets get tokens, and tokens already issued keep working.
  expect((await token(client.clientId, first)).statusCode).toBe(200);
  expect((await token(client.clientId, second)).statusCode).toBe(200);
  expect((await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(oldToken) })).statusCode).toBe(200);

  // The first secret leaked: revoked, it gets no token and its tokens stop at once.
  const view = (await t.app.inject({ method: "GET", url: `/api/v1/admin/clients/${client.id}`, headers: admin.headers })).json();
  const firstId = view.secrets.find((s: { id: string }) => s.id !== rotated.json().secretId).id;
  expect((await t.app.inject({ method: "DELETE", url: `/api/v1/admin/clients/${client.id}/secrets/${firstId}`, headers: admin.headers })).statusCode).toBe(200);
  expect((await token(client.clientId, first)).statusCode).toBe(401);
  expect((await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(oldToken) })).statusCode).toBe(401);
  const newToken = (await token(client.clientId, second)).json().access_token as string;
  expect((await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(newToken) })).statusCode).toBe(200);

  // The client revoked: nothing works any more.
  const revoked = await t.app.inject({ method: "POST", url: `/api/v1/admin/clients/${client.id}/revocation`, headers: admin.headers, payload: { reason: "系统下线" } });
  expect(revoked.statusCode, revoked.body).toBe(200);
  const refused = await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(newToken) });
  expect(refused.statusCode).toBe(401);
  expect((await token(client.clientId, second)).statusCode).toBe(401);
  const actions = (await t.database.db.selectFrom("audit_log").select("action").where("target_id", "=", client.id).execute()).map((a) => a.action);
  expect(actions).toEqual(expect.arrayContaining(["client.register", "client.rotate_secret", "client.revoke_secret", "client.revoke"]));
});

it("only administrators over the client's organisation manage it; the client's account cannot log in", async () => {
  const { client } = await register(["applications.read"]);
  // 黄浦's administrator is over 南京东路街道: allowed; 浦东's reviewer is not an administrator at all.
  const huangpu = await login(t.app, "admin.huangpu");
  expect((await t.app.inject({ method: "GET", url: `/api/v1/admin/clients/${client.id}`, headers: huangpu.headers })).statusCode).toBe(200);
  const reviewer = await login(t.app, "review.amr");
  expect((await t.app.inject({ method: "GET", url: `/api/v1/admin/clients/${client.id}`, headers: reviewer.headers })).statusCode).toBe(403);
  const login2 = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { identifier: `client.${client.clientId}`, password: "!" } });
  expect(login2.statusCode).toBe(401);
  // The client's account is not a member of staff in any list.
  const staff = await t.app.inject({ method: "GET", url: "/api/v1/staff?q=%E5%8D%97%E4%BA%AC%E4%B8%9C%E8%B7%AF%E8%A1%97%E9%81%93%E7%A4%BE%E5%8C%BA", headers: admin.headers });
  expect(staff.body).not.toContain(client.clientId);
});

it("a client acts only within its organisation and is held to its own rate limit", async () => {
  const res = await t.app.inject({ method: "POST", url: "/api/v1/admin/clients", headers: admin.headers, payload: { name: "限流测试系统", orgId: streetOrgId, scopes: ["applications.read", "applications.act"], rateLimitPerMinute: 10 } });
  const { client, clientSecret } = res.json();
  const access = (await token(client.clientId, clientSecret)).json().access_token as string;
  // 黄浦区市场监管局's application is not 南京东路街道's: not found, not acted on.
  const other = await submitApplication(t);
  expect((await t.app.inject({ method: "GET", url: `/api/v1/applications/${other}`, headers: bearer(access) })).statusCode).toBe(404);
  const acted = await t.app.inject({ method: "POST", url: `/api/v1/applications/${other}/actions`, headers: bearer(access), payload: { action: "accept", lockVersion: 0 } });
  expect(acted.statusCode).toBe(404);
  const inbox = (await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(access) })).json();
  expect(inbox.items.map((a: { id: string }) => a.id)).not.toContain(other);
  // Ten requests a minute: the next one waits, whatever address it comes from; staff at that address are not held back.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(access) })).statusCode);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
  const limited = await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: bearer(access) });
  expect(limited.json().error.code).toBe("RATE_LIMITED");
  expect((await t.app.inject({ method: "GET", url: "/api/v1/applications/inbox", headers: admin.headers })).statusCode).not.toBe(429);
});
