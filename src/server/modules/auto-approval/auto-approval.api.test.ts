import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import type { Selectable } from "kysely";
import type { DB } from "../../db/schema";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
const clock = new Date("2026-11-16T02:00:00Z");
let itemId: string;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
  // 老年综合津贴申领 at 江宁路街道 (静安).
  itemId = (
    await t.database.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("orgs as o", "o.id", "i.org_id")
      .select("i.id")
      .where("b.basic_code", "=", "JF00003000")
      .where("o.code", "=", "310106001")
      .executeTakeFirstOrThrow()
  ).id;
  seeded = await t.database.db.selectFrom("item_rules").selectAll().where("item_id", "=", itemId).executeTakeFirstOrThrow();
});
afterAll(() => t.close());

// Each test starts from the item's rule as seeded (version 1, enabled), whatever another test changed.
let seeded: Selectable<DB["item_rules"]>;
beforeEach(async () => {
  await t.database.db.deleteFrom("item_rule_versions").where("item_rule_id", "=", seeded.id).where("version", ">", seeded.version).execute();
  await t.database.db
    .updateTable("item_rules")
    .set({ rule: JSON.stringify(seeded.rule), version: seeded.version, enabled: seeded.enabled, sample_every: seeded.sample_every, tested_version: seeded.tested_version, grant_mode: seeded.grant_mode })
    .where("id", "=", seeded.id)
    .execute();
});

const apply = async (who: LoggedIn, form: Record<string, unknown>) => t.app.inject({ method: "POST", url: "/api/v1/applications", headers: who.headers, payload: await withMaterials(t, who, { itemId, formData: form }) });
const get = (who: LoggedIn, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, headers: who.headers });

/** The allowance is granted once (holding.api.test.ts tests that); here each application is judged by the rule alone. */
const forgetEarlierGrants = () => t.database.db.updateTable("item_holdings").set({ active: false }).execute();

describe("秒批: auto-approval by rule", () => {
  it("approves 赵秀英 (82, Shanghai household) within the submission, with each condition explained; the reviewer sees the same", async () => {
    const readsBefore = (await t.database.db.selectFrom("audit_log").select("action").where("action", "=", "auto_approval.evaluate").execute()).length;
    const zhao = await login(t.app, "13800000004");
    await forgetEarlierGrants();
    const res = await apply(zhao, { name: "赵秀英", idNumber: "310106194402085081", mobile: "13800000004", bankAccount: "6222021001112223334" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: "approved", outcome: "approved" });
    const detail = (await get(zhao, `/applications/${res.json().id}`)).json();
    const auto = detail.timeline.filter((e: { actorName: string }) => e.actorName === "自动审批");
    expect(auto.length).toBeGreaterThan(0);
    expect(auto.at(-1).opinion).toContain("符合自动审批条件（规则第 1 版）：年龄不小于 80 周岁（实际 82 周岁）：符合；本市户籍为 是（实际 是）：符合");
    const decision = await t.database.db.selectFrom("auto_decisions").selectAll().where("application_id", "=", res.json().id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ outcome: "approved", version: 1 });
    // 敬老卡 issued by the system in the same transaction.
    const cards = await t.database.db.selectFrom("certificates").select(["type_code", "holder_name"]).where("application_id", "=", res.json().id).execute();
    expect(cards).toEqual([{ type_code: "senior_card", holder_name: "赵秀英" }]);
    // Reading her data for the decision is recorded once, with its purpose.
    const reads = await t.database.db.selectFrom("audit_log").select(["purpose"]).where("action", "=", "auto_approval.evaluate").execute();
    expect(reads.length).toBe(readsBefore + 1);
    expect(reads.at(-1)).toEqual({ purpose: "自动审批核验" });
    // 待遇核定: her band's amount and the first pay day (the 10th of next month, a Thursday), in the deciding transaction.
    expect(detail.benefit).toEqual({ amount: 180, period: "monthly", band: "80 至 89 周岁", firstPayDate: "2026-12-10", payTo: "本人社会保障卡金融账户", stopped: false });
    expect(detail.timeline.find((e: { action: string }) => e.action === "benefit_assessed")).toMatchObject({ actionName: "核定待遇", opinion: "核定待遇：每月 180 元（80 至 89 周岁），首次于 2026-12-10 发放至本人社会保障卡金融账户" });
    const uses = (await get(zhao, "/me/data-access?limit=50")).json().items as Array<{ action: string; purpose: string | null }>;
    expect(uses).toEqual(expect.arrayContaining([expect.objectContaining({ action: "按您的信息核定待遇金额", purpose: "核定待遇标准" })]));
    // The decision's notice says how much and when, in either language.
    await t.services.notifications.dispatchOutbox(500);
    const notice = (lang: string) =>
      t.app
        .inject({ method: "GET", url: "/api/v1/messages?limit=50", headers: { ...zhao.headers, cookie: `${zhao.headers.cookie}; haoban_lang=${lang}` } })
        .then((r) => (r.json().items as Array<{ kind: string; body: string; link: string }>).find((m) => m.kind === "approve" && m.link.endsWith(res.json().id))!.body);
    expect(await notice("zh")).toContain("结果为准予。待遇标准：每月 180 元（80 至 89 周岁），首次于 2026-12-10 发放至本人社会保障卡金融账户。");
    expect(await notice("en")).toContain("approved. Benefit: ¥180 a month (80 至 89 周岁), first paid on 2026-12-10 to 本人社会保障卡金融账户.");
  });

  it("hands 王建国 (60) to people with the reason in his timeline", async () => {
    const wang = await login(t.app, "13800000003");
    const res = await apply(wang, { name: "王建国", idNumber: "310104196611155070", mobile: "13800000003", bankAccount: "6222021001112223335" });
    expect(res.json()).toMatchObject({ state: "submitted", outcome: null });
    const detail = (await get(wang, `/applications/${res.json().id}`)).json();
    expect(detail.timeline.at(-1).opinion).toBe("转人工办理。不符合自动审批条件：年龄不小于 80 周岁（实际 60 周岁）：不符合");
  });

  it("a rule reading a self-declared answer goes to people; rules are checked, versioned and audited; a supervisor switches it off", async () => {
    const admin = await login(t.app, "catalog.admin");
    const figuresBefore = (await get(await login(t.app, "supervisor"), "/auto-approval/rules")).json().items.find((r: { itemId: string }) => r.itemId === itemId) as { approved: number; toPeople: number };
    const put = (who: LoggedIn, body: object) => t.app.inject({ method: "PUT", url: `/api/v1/admin/catalogue/items/${itemId}/auto-approval`, headers: who.headers, payload: body });
    expect((await put(admin, { rule: { fact: "person.height", op: "gt", value: 1 } })).json().error.code).toBe("RULE_INVALID");
    expect((await put(await login(t.app, "review.amr.huangpu"), { rule: { fact: "person.age", op: "gte", value: 80 } })).statusCode).toBe(403);
    const saved = (await put(admin, { rule: { all: [{ fact: "person.age", op: "gte", value: 80 }, { fact: "form.bankAccount", op: "exists" }] } })).json();
    expect(saved.autoApproval).toMatchObject({ version: 2, enabled: false, tested: false, updatedBy: expect.any(String) });
    const supervisor = await login(t.app, "supervisor");
    const enable = () => t.app.inject({ method: "POST", url: `/api/v1/admin/catalogue/items/${itemId}/auto-approval/enabled`, headers: supervisor.headers, payload: { enabled: true } });
    expect((await enable()).json().error.code).toBe("RULE_UNTESTED");
    const tested = await t.app.inject({ method: "POST", url: `/api/v1/admin/catalogue/items/${itemId}/auto-approval/test`, headers: admin.headers, payload: { subject: { idNumber: "310106194402085081" }, formData: { bankAccount: "6222021001112223334" } } });
    expect(tested.json()).toMatchObject({ version: 2, outcome: "pass", subject: { name: "赵秀英" } });
    expect((await enable()).json().autoApproval).toMatchObject({ enabled: true, tested: true });
    const zhao = await login(t.app, "13800000004");
    await forgetEarlierGrants();
    const res = await apply(zhao, { name: "赵秀英", idNumber: "310106194402085081", mobile: "13800000004", bankAccount: "6222021001112223334" });
    expect(res.json().state).toBe("submitted");
    expect((await get(zhao, `/applications/${res.json().id}`)).json().timeline.at(-1).opinion).toContain("申请表中“bankAccount”为本人填报，不是来自权威数据，需人工审核");
    const off = await t.app.inject({ method: "POST", url: `/api/v1/admin/catalogue/items/${itemId}/auto-approval/enabled`, headers: supervisor.headers, payload: { enabled: false } });
    expect(off.json().autoApproval.enabled).toBe(false);
    const listed = (await t.app.inject({ method: "GET", url: "/api/v1/auto-approval/rules", headers: supervisor.headers })).json().items;
    // Its figures count this test's decision too: one more handed to people, none more approved.
    expect(listed.find((r: { itemId: string }) => r.itemId === itemId)).toMatchObject({ itemName: "老年综合津贴申领", version: 2, enabled: false, tested: true, approved: figuresBefore.approved, toPeople: figuresBefore.toPeople + 1 });
    expect(listed.map((r: { itemName: string }) => r.itemName)).toEqual(expect.arrayContaining(["上海市居住证签注", "社会保障卡补领、换领", "育儿补贴申领"]));
    const huangpu = (await t.app.inject({ method: "GET", url: "/api/v1/auto-approval/rules", headers: (await login(t.app, "supervisor.huangpu")).headers })).json().items;
    expect(huangpu.length).toBeGreaterThan(0);
    expect(huangpu.length).toBeLessThan(listed.length);
    expect(huangpu.some((r: { orgName: string }) => r.orgName === "江宁路街道")).toBe(false);
    await forgetEarlierGrants();
    const after = await apply(zhao, { name: "赵秀英", idNumber: "310106194402085081", mobile: "13800000004", bankAccount: "6222021001112223334" });
    expect((await get(zhao, `/applications/${after.json().id}`)).json().timeline.map((e: { action: string }) => e.action)).toEqual(["submit"]);
    const versions = await t.database.db.selectFrom("item_rule_versions").select("version").execute();
    expect(versions.map((v) => v.version)).toContain(2);
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "auto_approval.%").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["auto_approval.rule_save", "auto_approval.disable"]));
  });

  it("every n-th automatic approval is queued for a person's re-check", async () => {
    await t.database.db.updateTable("item_rules").set({ enabled: true, sample_every: 1, rule: JSON.stringify({ fact: "person.age", op: "gte", value: 80 }) }).where("item_id", "=", itemId).execute();
    const zhao = await login(t.app, "13800000004");
    await forgetEarlierGrants();
    const res = await apply(zhao, { name: "赵秀英", idNumber: "310106194402085081", mobile: "13800000004", bankAccount: "6222021001112223334" });
    expect(res.json().state).toBe("approved");
    const city = await login(t.app, "supervisor");
    const pending = (await get(city, "/auto-approval/checks")).json().items;
    expect(pending.map((p: { applicationId: string }) => p.applicationId)).toContain(res.json().id);
    const flag = (body: object) => t.app.inject({ method: "POST", url: `/api/v1/auto-approval/checks/${res.json().id}`, headers: city.headers, payload: body });
    expect((await flag({ status: "flagged" })).json().error.code).toBe("REASON_REQUIRED");
    expect((await flag({ status: "confirmed" })).statusCode).toBe(200);
    expect((await flag({ status: "confirmed" })).statusCode).toBe(404);
    expect((await get(await login(t.app, "13800000004"), "/auto-approval/checks")).statusCode).toBe(403);
  });
});
