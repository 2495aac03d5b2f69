import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPersons } from "../../seed/demo-people";
import { login, startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
let enterpriseId: string;
const people = demoPersons();
const person = (key: string) => people.find((p) => p.key === key)!;

beforeAll(async () => {
  t = await startTestApp();
  enterpriseId = (await t.database.db.selectFrom("enterprises").select("id").where("name", "=", "上海明远科技有限公司").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe("enterprise agents (经办人)", () => {
  it("the seeded agent sees the enterprise in /me and may act for it with the granted scope", async () => {
    const agent = await login(t.app, "13800000006");
    const me = (await t.app.inject({ method: "GET", url: "/api/v1/me", headers: agent.headers })).json();
    expect(me.enterprises).toEqual([expect.objectContaining({ id: enterpriseId, relation: "agent", scopes: ["apply", "view"], expiresOn: "2027-12-31" })]);
    await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: agent.headers, payload: { enterpriseId } });
    const detail = await t.app.inject({ method: "GET", url: `/api/v1/enterprises/${enterpriseId}`, headers: agent.headers });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ name: "上海明远科技有限公司", legalRepresentativeName: "张伟明" });
  });

  it("only the legal representative manages agents", async () => {
    const agent = await login(t.app, "13800000006");
    const res = await t.app.inject({ method: "GET", url: `/api/v1/enterprises/${enterpriseId}/agents`, headers: agent.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("NOT_LEGAL_REPRESENTATIVE");
    const stranger = await login(t.app, "13800000007");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/enterprises/${enterpriseId}`, headers: stranger.headers })).statusCode).toBe(403);
  });

  it("grants an agent after checking name and registration, then revokes", async () => {
    const rep = await login(t.app, "13800000001");
    const sun = person("p07");
    const wrongName = await t.app.inject({
      method: "POST",
      url: `/api/v1/enterprises/${enterpriseId}/agents`,
      headers: rep.headers,
      payload: { agentName: "孙小浩", agentIdNumber: sun.idNumber, scopes: ["apply"], expiresOn: "2027-06-30" },
    });
    expect(wrongName.json().error.code).toBe("REAL_NAME_MISMATCH");
    const unregistered = person("p12");
    const notRegistered = await t.app.inject({
      method: "POST",
      url: `/api/v1/enterprises/${enterpriseId}/agents`,
      headers: rep.headers,
      payload: { agentName: unregistered.name, agentIdNumber: unregistered.idNumber, scopes: ["apply"], expiresOn: "2027-06-30" },
    });
    expect(notRegistered.json().error.code).toBe("AGENT_NOT_REGISTERED");
    const past = await t.app.inject({
      method: "POST",
      url: `/api/v1/enterprises/${enterpriseId}/agents`,
      headers: rep.headers,
      payload: { agentName: sun.name, agentIdNumber: sun.idNumber, scopes: ["apply"], expiresOn: "2020-01-01" },
    });
    expect(past.json().error.code).toBe("AGENT_EXPIRY_INVALID");

    const granted = await t.app.inject({
      method: "POST",
      url: `/api/v1/enterprises/${enterpriseId}/agents`,
      headers: rep.headers,
      payload: { agentName: sun.name, agentIdNumber: sun.idNumber, scopes: ["apply", "pay"], expiresOn: "2027-06-30" },
    });
    expect(granted.statusCode).toBe(201);
    const grantId = granted.json().id;

    const sunSession = await login(t.app, "13800000007");
    const sunMe = (await t.app.inject({ method: "GET", url: "/api/v1/me", headers: sunSession.headers })).json();
    expect(sunMe.enterprises.map((e: { id: string }) => e.id)).toContain(enterpriseId);
    // The grant is in the agent's data-use records: their identity was checked for it.
    const records = (await t.app.inject({ method: "GET", url: "/api/v1/me/data-access", headers: sunSession.headers })).json();
    expect(records.items[0].purpose).toBe("企业经办人授权");

    const list = (await t.app.inject({ method: "GET", url: `/api/v1/enterprises/${enterpriseId}/agents`, headers: rep.headers })).json();
    expect(list.items).toHaveLength(2);

    const revoked = await t.app.inject({ method: "DELETE", url: `/api/v1/enterprises/${enterpriseId}/agents/${grantId}`, headers: rep.headers });
    expect(revoked.statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url: "/api/v1/me", headers: sunSession.headers })).json();
    expect(after.enterprises).toEqual([]);
  });
});
