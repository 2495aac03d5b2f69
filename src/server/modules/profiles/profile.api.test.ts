import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
const clock = new Date("2026-11-16T02:00:00Z");

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
});
afterAll(() => t.close());

const ELDERLY = { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "person.hukou_shanghai", op: "eq", value: true }] };

describe("用户画像: derived on demand, with sources", () => {
  it("shows a citizen the facts about them and where each comes from; the view is recorded", async () => {
    const zhao = await login(t.app, "13800000004"); // 赵秀英, born 1944-02-08, 静安
    const res = await t.app.inject({ method: "GET", url: "/api/v1/me/profile", headers: zhao.headers });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.subject).toEqual({ kind: "person", name: "赵秀英" });
    const fact = (k: string) => p.facts.find((f: { fact: string }) => f.fact === k);
    expect(fact("person.age")).toMatchObject({ name: "年龄", value: 82 });
    expect(fact("person.age").source).toMatch(/^人口库 · /);
    expect(fact("person.hukou_shanghai").value).toBe(true);
    expect(fact("person.certificates")).toMatchObject({ source: "电子证照库" });
    expect(fact("person.certificates").value).toContain("居民身份证");
    const audit = await t.database.db.selectFrom("audit_log").select(["action", "purpose"]).where("action", "=", "profile.view").execute();
    expect(audit).toEqual([{ action: "profile.view", purpose: "本人查看用户画像" }]);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me/profile", headers: (await login(t.app, "supervisor")).headers })).statusCode).toBe(403);
  });
});

describe("testing a rule against demo subjects", () => {
  it("explains each condition for a person and an enterprise; the read is logged; only administrators and supervisors may", async () => {
    const admin = await login(t.app, "catalog.admin");
    const test = (body: object) => t.app.inject({ method: "POST", url: "/api/v1/rules/test", headers: admin.headers, payload: body });
    const zhao = (await test({ rule: ELDERLY, subject: { idNumber: "310106194402085081" } })).json();
    expect(zhao).toMatchObject({ problems: [], subject: { name: "赵秀英" }, outcome: "pass" });
    expect(zhao.conditions[0].text).toBe("年龄不小于 80 周岁（实际 82 周岁）：符合");
    const wang = (await test({ rule: ELDERLY, subject: { idNumber: "310104196611155070" } })).json();
    expect(wang.outcome).toBe("fail");
    expect(wang.conditions[0].text).toBe("年龄不小于 80 周岁（实际 60 周岁）：不符合");
    const company = (await test({ rule: { all: [{ fact: "enterprise.licences", op: "contains", value: "营业执照" }, { fact: "enterprise.credit_listed", op: "eq", value: false }, { fact: "form.seats", op: "lte", value: 50 }] }, subject: { creditCode: "91310101MA00000078" }, formData: { seats: 40 } })).json();
    expect(company, JSON.stringify(company.conditions)).toMatchObject({ subject: { kind: "enterprise", name: "上海明远科技有限公司" }, outcome: "pass" });
    const bad = (await test({ rule: { fact: "person.height", op: "gt", value: 1 }, subject: { idNumber: "310106194402085081" } })).json();
    expect(bad).toMatchObject({ outcome: "unknown", problems: ["rule: 没有“person.height”这项数据"] });
    expect((await test({ rule: { all: [] }, subject: { idNumber: "310106194402085081" } })).statusCode).toBe(400);
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await t.app.inject({ method: "POST", url: "/api/v1/rules/test", headers: reviewer.headers, payload: { rule: ELDERLY, subject: { idNumber: "310106194402085081" } } })).statusCode).toBe(403);
    const uses = (await t.app.inject({ method: "GET", url: "/api/v1/me/data-access", headers: (await login(t.app, "13800000004")).headers })).json().items;
    expect(uses.some((u: { purpose: string }) => u.purpose === "测试规则")).toBe(true);
    // Every line speaks plain words: no audit-log code reaches the citizen.
    for (const u of uses as Array<{ action: string }>) expect(u.action).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    expect(uses.map((u: { action: string }) => u.action)).toContain("工作人员测试办事规则");
  });
});

describe("为您推荐", () => {
  it("recommends from the profile with the reason, and only what the profile clearly meets", async () => {
    const recs = async (who: string) => (await t.app.inject({ method: "GET", url: "/api/v1/me/recommendations", headers: (await login(t.app, who)).headers })).json().items as Array<{ key: string; title: string; reason: string; link: string }>;
    const zhao = await recs("13800000004");
    expect(zhao.find((r) => r.key === "elderly_80")).toMatchObject({ title: "老年综合津贴申领", reason: "因为您已年满 82 周岁且为本市户籍，可以申领高龄津贴（老年综合津贴），一键申请，符合条件的即时办结", link: expect.stringMatching(/^\/items\/[\w-]+$/) });
    // One recommendation per destination: the 65+ allowance leads to the same service.
    expect(zhao.filter((r) => r.title === "老年综合津贴申领")).toHaveLength(1);
    const wang = await recs("13800000003");
    expect(wang.find((r) => r.key === "retirement")).toMatchObject({ title: "退休一件事", link: "/bundles/RETIREMENT" });
    expect(wang.find((r) => r.key === "retirement")!.reason).toContain("今年 60 周岁");
    const zhang = await recs("13800000001");
    expect(zhang.find((r) => r.key === "newborn")).toMatchObject({ title: "新生儿出生一件事", reason: "因为您的孩子出生 1 个月，出生登记、医保参保和社保卡可以一次办好" });
    const sun = await recs("13800000007");
    expect(sun.map((r) => r.key)).not.toEqual(expect.arrayContaining(["elderly_allowance"]));
    expect(sun.some((r) => ["elderly_allowance", "retirement", "newborn"].includes(r.key))).toBe(false);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/me/recommendations", headers: (await login(t.app, "supervisor")).headers })).statusCode).toBe(403);
  });

  it("gives the reasons in English to a reader who chose English", async () => {
    const zhao = await login(t.app, "13800000004");
    const recs = (await t.app.inject({ method: "GET", url: "/api/v1/me/recommendations", headers: { ...zhao.headers, "accept-language": "en-GB,en;q=0.9" } })).json().items as Array<{ key: string; reason: string }>;
    expect(recs.find((r) => r.key === "elderly_80")?.reason).toBe("You are 82 and registered in Shanghai: you can claim the senior allowance in one click, decided at once when you qualify");
    for (const r of recs) expect(r.reason, r.key).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
