import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
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
    // The seeded agent and this grant (other tests may add their own).
    expect(list.items.map((i: { id: string }) => i.id)).toContain(grantId);
    expect(list.items.length).toBeGreaterThanOrEqual(2);

    const revoked = await t.app.inject({ method: "DELETE", url: `/api/v1/enterprises/${enterpriseId}/agents/${grantId}`, headers: rep.headers });
    expect(revoked.statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url: "/api/v1/me", headers: sunSession.headers })).json();
    expect(after.enterprises).toEqual([]);
  });
});

describe("applying for an enterprise (以企业名义办理)", () => {
  const FORM = { enterpriseName: "上海明远科技有限公司", creditCode: "91310101MA00000078", legalRep: "张伟明", contact: "张伟明", contactMobile: "13800000001", category: "catering", seats: 40, area: 120, address: "上海市黄浦区四川中路213号" };
  const itemId = async () => (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
  const submit = async (who: { headers: Record<string, string> }, formData: object) => t.app.inject({ method: "POST", url: "/api/v1/applications", headers: who.headers, payload: await withMaterials(t, who, { itemId: await itemId(), formData }) });
  const count = async () => (await t.database.db.selectFrom("applications").select("id").execute()).length;

  it("refuses a form naming an enterprise the applicant neither represents nor is authorised for, writing nothing", async () => {
    const before = await count();
    const stranger = await login(t.app, "13800000003"); // 王建国
    const res = await submit(stranger, { ...FORM, contact: "王建国", contactMobile: "13800000003" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: "FORM_SUBJECT_MISMATCH", details: { issues: [{ path: "creditCode", message: expect.stringContaining("统一社会信用代码") }] } });
    // The legal representative of another company may not use this one's code either.
    const chen = await login(t.app, "13800000005");
    expect((await submit(chen, FORM)).json().error.code).toBe("FORM_SUBJECT_MISMATCH");
    expect(await count()).toBe(before);
  });

  it("the legal representative and the authorised agent may; acting for one enterprise, another's code is refused", async () => {
    const rep = await login(t.app, "13800000001");
    expect((await submit(rep, FORM)).statusCode).toBe(201);
    const agent = await login(t.app, "13800000006");
    expect((await submit(agent, { ...FORM, contact: "刘芳", contactMobile: "13800000006" })).statusCode).toBe(201);
    // 陈志强 acting for 浦东新区志强小吃店 cannot name 上海明远科技有限公司.
    const chen = await login(t.app, "13800000005");
    const shop = await t.database.db.selectFrom("enterprises").select("id").where("name", "=", "浦东新区志强小吃店").executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: chen.headers, payload: { enterpriseId: shop.id } })).statusCode).toBe(200);
    expect((await submit(chen, FORM)).json().error.code).toBe("FORM_SUBJECT_MISMATCH");
  });

  it("an agent authorised only to view may not apply for the enterprise", async () => {
    const rep = await login(t.app, "13800000001");
    const zhou = person("p08");
    const granted = await t.app.inject({ method: "POST", url: `/api/v1/enterprises/${enterpriseId}/agents`, headers: rep.headers, payload: { agentName: zhou.name, agentIdNumber: zhou.idNumber, scopes: ["view"], expiresOn: "2027-06-30" } });
    expect(granted.statusCode, granted.body).toBe(201);
    const viewer = await login(t.app, "13800000008");
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: viewer.headers, payload: { enterpriseId } })).statusCode).toBe(200);
    expect((await submit(viewer, { ...FORM, contact: "周婷", contactMobile: "13800000008" })).json().error.code).toBe("NOT_AUTHORISED_FOR_ENTERPRISE");
    // Not acting for it, her view-only grant does not let her name it either.
    await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: viewer.headers, payload: { enterpriseId: null } });
    expect((await submit(viewer, { ...FORM, contact: "周婷", contactMobile: "13800000008" })).json().error.code).toBe("FORM_SUBJECT_MISMATCH");
  });
});
