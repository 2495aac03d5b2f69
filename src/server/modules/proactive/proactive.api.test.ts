import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../../shared/working-days";
import { demoPersons } from "../../seed/demo-people";
import { scanSubjects } from "./subject-scan";
import { login, messagesWithoutEnglish, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
// The demo's certificates coming due are dated from the moment it is seeded: the clock is the real one.
const start = new Date();
let clock = start;

beforeAll(async () => {
  t = await startTestApp({}, { now: () => clock });
});
afterAll(() => t.close());

const call = (who: LoggedIn, method: "GET" | "POST" | "PUT", url: string, payload?: object, headers: Record<string, string> = {}) => t.app.inject({ method, url: `/api/v1${url}`, headers: { ...who.headers, ...headers }, ...(payload ? { payload } : {}) });
const pushesOf = (name: string) =>
  t.database.db
    .selectFrom("proactive_pushes as p")
    .innerJoin("accounts as a", "a.id", "p.account_id")
    .select(["p.trigger_key", "p.title", "p.body", "p.link", "p.ref"])
    .where("a.name", "=", name)
    .orderBy("p.created_at")
    .execute();
const itemOf = async (basicCode: string, orgCode?: string) => {
  let q = t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").innerJoin("orgs as o", "o.id", "i.org_id").select("i.id").where("b.basic_code", "=", basicCode);
  if (orgCode) q = q.where("o.code", "=", orgCode);
  return (await q.executeTakeFirstOrThrow()).id;
};

describe("matching over every subject", () => {
  it("reads each subject once in batches, with the same facts as their own profile", async () => {
    const today = todayInChina(clock);
    const all = async (audience: "person" | "enterprise", opts: { withAccount?: boolean; pages?: number }) => {
      const out = [];
      for await (const b of scanSubjects(t.services.store.repos, audience, today, opts)) out.push(...b);
      return out;
    };
    const everyone = await all("person", { pages: 1 });
    expect(new Set(everyone.map((s) => s.id)).size).toBe(everyone.length);
    expect(everyone).toHaveLength(Number((await t.database.db.selectFrom("persons").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n));
    const holders = await all("person", { withAccount: true, pages: 2 });
    expect(holders.map((s) => s.name).sort()).toEqual((await t.database.db.selectFrom("accounts").select("name").where("kind", "=", "citizen").execute()).map((a) => a.name).sort());
    const zhao = everyone.find((s) => s.name === "赵秀英")!;
    const profile = await t.services.profiles.ofPerson(t.services.store.repos, zhao.id);
    expect(zhao.facts).toEqual(Object.fromEntries(profile.facts.map((f) => [f.fact, f.value])));
    const companies = await all("enterprise", { pages: 1 });
    const diner = companies.find((s) => s.name === "浦东新区志强小吃店")!;
    const dinerProfile = await t.services.profiles.ofEnterprise(t.services.store.repos, diner.id);
    expect(diner.facts).toEqual(Object.fromEntries(dinerProfile.facts.map((f) => [f.fact, f.value])));
    expect(diner.facts["enterprise.expiring"]).toEqual(["食品经营许可证"]);
  });
});

describe("life-event and expiry pushes", () => {
  it("tells each subject once per event, through the message centre, respecting the opt-out", async () => {
    const wang = await login(t.app, "13800000003");
    const settings = (await call(wang, "GET", "/me/notification-settings")).json();
    expect(settings.proactive).toBe(true);
    expect((await call(wang, "PUT", "/me/notification-settings", { sms: settings.sms, proactive: false })).json().proactive).toBe(false);

    const first = await t.services.proactive.runTriggers();
    expect(first.sent).toBeGreaterThanOrEqual(5);
    // 赵秀英 (82): one push for the elderly allowance, leading to one-click application.
    const zhao = await pushesOf("赵秀英");
    expect(zhao).toEqual([expect.objectContaining({ trigger_key: "elderly_80", title: "您可能需要办理：老年综合津贴（高龄津贴）", link: expect.stringMatching(/^\/items\/[\w-]+\?oneclick=1$/) })]);
    expect(zhao[0]!.body).toMatch(/^因为您已年满 8\d 周岁且为本市户籍/);
    // The legal representative of 志强小吃店 is reminded of its food licence, which expires within the month.
    expect(await pushesOf("陈志强")).toEqual(expect.arrayContaining([expect.objectContaining({ trigger_key: "food_licence_expiring", title: "您可能需要办理：食品经营许可延续", body: expect.stringContaining("【浦东新区志强小吃店】") })]));
    // A newborn's parents, and 孙浩 whose 居住证 runs out.
    expect((await pushesOf("李雪梅")).map((p) => p.trigger_key)).toContain("newborn");
    expect((await pushesOf("孙浩")).map((p) => p.trigger_key)).toEqual(["residence_permit_renewal"]);
    // 王建国 opted out: nothing, though he reaches retirement age.
    expect(await pushesOf("王建国")).toEqual([]);
    expect(first.opted_out).toBeGreaterThanOrEqual(1);

    // The message reaches the message centre; the use of 赵秀英's data is in her data-use log.
    await t.services.notifications.dispatchOutbox();
    const zhaoSession = await login(t.app, "13800000004");
    const messages = (await call(zhaoSession, "GET", "/messages")).json().items;
    expect(messages.map((m: { title: string }) => m.title)).toContain("您可能需要办理：老年综合津贴（高龄津贴）");
    // In English too: every push of the run has its words in both languages.
    expect(await messagesWithoutEnglish(t)).toEqual([]);
    const english = (await t.app.inject({ method: "GET", url: "/api/v1/messages", headers: { ...zhaoSession.headers, "accept-language": "en" } })).json().items;
    expect(english.find((m: { kind: string }) => m.kind === "proactive")).toMatchObject({ title: "You may need: the senior allowance", body: expect.stringMatching(/^You are 8\d and registered in Shanghai/) });
    const uses = (await call(zhaoSession, "GET", "/me/data-access")).json().items;
    expect(uses.some((u: { purpose: string }) => u.purpose === "主动服务推送")).toBe(true);
    expect(uses.find((u: { purpose: string }) => u.purpose === "主动服务推送")).toMatchObject({ action: "向您推送办事提醒" });
    for (const u of uses as Array<{ action: string }>) expect(u.action).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);

    // The same events are not pushed twice.
    const again = await t.services.proactive.runTriggers();
    expect(again.sent).toBe(0);
    expect(again.seen).toBe(first.sent);
  });

  it("holds back pushes beyond the weekly limit per account", async () => {
    const account = await t.database.db.selectFrom("accounts").select(["id", "person_id"]).where("name", "=", "刘芳").executeTakeFirstOrThrow();
    const push = (ref: string) =>
      t.services.store.transact((repos) => t.services.proactive.push(repos, { trigger: "test", subject: { kind: "person", id: account.person_id!, personId: account.person_id! }, ref, accountId: account.id, title: "测试", body: "测试推送", titleEn: "Test", bodyEn: "A test push", link: "/me", regionCode: "310112" }));
    const outcomes = [];
    for (const ref of ["a", "b", "c", "d"]) outcomes.push(await push(ref));
    expect(outcomes).toEqual(["sent", "sent", "sent", "limited"]);
    expect(await push("a")).toBe("seen");
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    expect(await push("a")).toBe("seen");
    expect(await push("d")).toBe("sent");
    clock = start;
  });
});

describe("一键申请 and 秒批", () => {
  // Once 赵秀英 and 孙浩 have applied, the pushes the life-event test expects for them are no longer
  // due: these stories run on their own copy of the demo database, whatever order the tests run in.
  let shared: TestApp;
  beforeAll(async () => {
    shared = t;
    t = await startTestApp({}, { now: () => clock });
  });
  afterAll(async () => {
    await t.close();
    t = shared;
  });

  it("applies for 赵秀英 with no typing and approves it with her 敬老卡 at once; a retry returns the same receipt", async () => {
    const zhao = await login(t.app, "13800000004");
    const itemId = await itemOf("JF00003000", "310106001");
    const go = (key: string) => call(zhao, "POST", `/catalogue/items/${itemId}/one-click`, { consent: true }, { "idempotency-key": key });
    const res = await go("one-click-zhao-1");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: "approved", outcome: "approved" });
    expect((await go("one-click-zhao-1")).json().id).toBe(res.json().id);
    const cards = await t.database.db.selectFrom("certificates").select("type_code").where("application_id", "=", res.json().id).execute();
    expect(cards).toEqual([{ type_code: "senior_card" }]);
    // Now a benefit she receives: no more recommendation of it.
    const recs = (await call(zhao, "GET", "/me/recommendations")).json().items;
    expect(recs.some((r: { title: string }) => r.title === "老年综合津贴申领")).toBe(false);
    expect((await go("x")).statusCode).toBe(400);
  });

  it("renews 孙浩's 居住证 in one click (秒批); a form that needs his own answers says which", async () => {
    const sun = await login(t.app, "13800000007");
    const renewal = await itemOf("QR00002003", "310110001");
    const res = await call(sun, "POST", `/catalogue/items/${renewal}/one-click`, { consent: true }, { "idempotency-key": "one-click-sun-permit" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outcome).toBe("approved");
    const detail = (await call(sun, "GET", `/applications/${res.json().id}`)).json();
    expect(detail.timeline.find((e: { actorName: string }) => e.actorName === "自动审批").opinion).toContain("30 天内到期的证照包含 上海市居住证");
    const permits = await t.database.db.selectFrom("certificates").select(["type_code", "valid_to"]).where("application_id", "=", res.json().id).execute();
    expect(permits).toEqual([{ type_code: "residence_permit", valid_to: expect.stringMatching(/^20\d\d-\d\d-\d\d$/) }]);
    expect(permits[0]!.valid_to! > todayInChina(clock)).toBe(true);

    // 社保卡补换 asks why: one click cannot answer that, and nothing is submitted.
    const card = await itemOf("GG00002002");
    const before = await t.database.db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const incomplete = await call(sun, "POST", `/catalogue/items/${card}/one-click`, { consent: true }, { "idempotency-key": "one-click-sun-card" });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error).toMatchObject({ code: "ONE_CLICK_INCOMPLETE", details: { fields: ["补换原因", "领卡方式"] } });
    const after = await t.database.db.selectFrom("applications").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Filled in by hand (his ID card shared with his consent), the replacement is approved by rule: he holds a card.
    const applied = await call(sun, "POST", "/applications", { itemId: card, formData: { name: "孙浩", idNumber: demoPersons().find((p) => p.key === "p07")!.idNumber, mobile: "13800000007", reason: "挂失补领", delivery: "pickup" }, dataConsent: true });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json().outcome).toBe("approved");
    expect((await call(await login(t.app, "supervisor"), "POST", `/catalogue/items/${card}/one-click`, { consent: true }, { "idempotency-key": "one-click-staff" })).statusCode).toBe(403);
  });
});

describe("政策找人", () => {
  const SOFTWARE = { all: [{ fact: "enterprise.district", op: "eq", value: "310101" }, { fact: "enterprise.industry", op: "eq", value: "软件和信息技术服务业" }, { fact: "enterprise.credit_listed", op: "eq", value: false }] };
  const policy = (over: object = {}) => ({ docNumber: "黄府办规〔2026〕12号", title: "黄浦区支持软件和信息技术服务业发展若干措施", effectiveOn: "2026-12-01", fullText: "为支持本区软件和信息技术服务业高质量发展，制定本措施。", tags: ["产业扶持"], audience: "enterprise", rule: SOFTWARE, notice: "贵企业可能符合黄浦区软件和信息技术服务业扶持政策，请查看政策详情并按要求申报。", ...over });

  it("lists the enterprises a new policy applies to, with the conditions each met, and tells them once", async () => {
    const admin = await login(t.app, "catalog.admin.huangpu");
    expect((await call(admin, "POST", "/admin/policies", policy({ rule: { fact: "form.seats", op: "gt", value: 1 } }))).json().error.code).toBe("RULE_INVALID");
    expect((await call(admin, "POST", "/admin/policies", policy({ rule: { fact: "person.age", op: "gt", value: 1 } }))).json().error.code).toBe("RULE_INVALID");
    expect((await call(await login(t.app, "13800000001"), "POST", "/admin/policies", policy())).statusCode).toBe(403);
    expect((await call(await login(t.app, "review.amr.huangpu"), "POST", "/admin/policies", policy())).statusCode).toBe(403);

    const res = await call(admin, "POST", "/admin/policies", policy());
    expect(res.statusCode, res.body).toBe(201);
    const published = res.json();
    expect(published).toMatchObject({ issuer: expect.stringContaining("黄浦区"), matchStatus: "done", matched: expect.any(Number) });
    expect(published.matched).toBeGreaterThanOrEqual(1);
    expect((await call(admin, "POST", "/admin/policies", policy())).json().error.code).toBe("POLICY_DOC_NUMBER_TAKEN");

    const list = (await call(admin, "GET", `/admin/policies/${published.id}/matches`)).json();
    expect(list.total).toBe(published.matched);
    const mingyuan = list.items.find((m: { name: string }) => m.name === "上海明远科技有限公司");
    expect(mingyuan).toMatchObject({ subjectKind: "enterprise", district: "310101", notified: true });
    expect(mingyuan.conditions).toContain("行业为 软件和信息技术服务业（实际 软件和信息技术服务业）：符合");
    expect(list.items.every((m: { district: string }) => m.district === "310101")).toBe(true);
    expect((await pushesOf("张伟明")).filter((p) => p.trigger_key === "policy")).toEqual([expect.objectContaining({ link: `/policies/${published.id}` })]);
    // Public in the policy library; matching again adds and tells no one twice.
    expect((await t.app.inject({ method: "GET", url: `/api/v1/policies/${published.id}` })).json().title).toBe(published.title);
    expect(await t.services.policyMatch.match(published.id)).toMatchObject({ notified: 0 });
    expect((await call(admin, "GET", "/admin/policies")).json().items.map((p: { id: string }) => p.id)).toContain(published.id);
    // Another district's administrator does not see it.
    const pudong = await login(t.app, "review.amr.pudong");
    expect((await call(pudong, "GET", `/admin/policies/${published.id}/matches`)).statusCode).toBe(403);
    const audits = await t.database.db.selectFrom("audit_log").select("action").where("action", "in", ["policy.publish", "policy.match", "policy.matches_view"]).execute();
    expect(new Set(audits.map((a) => a.action))).toEqual(new Set(["policy.publish", "policy.match", "policy.matches_view"]));
  });
});

describe("免申即享", () => {
  // One benefit's offers through both modes are one story, so its steps are one test.
  it("offers the childcare subsidy to eligible mothers, grants it on consent with an automatic decision, and a person can revoke it; in opt-out mode it is granted once the notice period passes without an objection", async () => {
    const first = await t.services.benefits.identify();
    expect(first.offered).toBe(2); // 李雪梅 and 周婷, mothers of children under three
    expect((await t.services.benefits.identify()).offered).toBe(0);
    const li = await login(t.app, "13800000002");
    const [offer] = (await call(li, "GET", "/me/benefits")).json().items;
    expect(offer).toMatchObject({ itemName: "育儿补贴申领", mode: "consent", status: "offered" });
    expect(offer.conditions[0]).toMatch(/^最小子女月龄小于 36 个月（实际 \d+ 个月）：符合$/);
    expect((await call(await login(t.app, "13800000008"), "POST", `/me/benefits/${offer.id}`, { accept: true })).statusCode).toBe(404);

    const granted = (await call(li, "POST", `/me/benefits/${offer.id}`, { accept: true })).json();
    expect(granted).toMatchObject({ status: "granted", applicationNumber: expect.any(String), payment: expect.stringContaining("发放指令") });
    expect(granted.payment).toContain("每年 3600 元（每名 3 周岁以下婴幼儿），首次于");
    expect(granted.benefit).toMatchObject({ amount: 3600, period: "yearly", band: "每名 3 周岁以下婴幼儿", firstPayDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), payTo: "本人社会保障卡金融账户" });
    const app = (await call(li, "GET", `/applications/${granted.applicationId}`)).json();
    expect(app).toMatchObject({ outcome: "approved", benefit: { ...granted.benefit, stopped: false } });
    expect((await call(li, "POST", `/me/benefits/${offer.id}`, { accept: false })).json().error.code).toBe("OFFER_STATE");

    // 周婷 declines: not asked again.
    const zhou = await login(t.app, "13800000008");
    const [hers] = (await call(zhou, "GET", "/me/benefits")).json().items;
    expect((await call(zhou, "POST", `/me/benefits/${hers.id}`, { accept: false })).json().status).toBe("declined");
    expect((await t.services.benefits.identify()).offered).toBe(0);

    // A supervisor revokes 李雪梅's grant with the reason; she is told, and it no longer counts as received.
    expect((await call(li, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "重复享受" })).statusCode).toBe(403);
    // Staff of other departments — city-level or not — neither see the grant nor revoke it.
    for (const username of ["review.psb", "approve.amr", "approve.amr.huangpu"]) {
      const other = await login(t.app, username);
      const listed = (await call(other, "GET", "/benefit-offers")).json().items as Array<{ id: string; personName: string }>;
      expect(listed.map((o) => o.id), username).not.toContain(offer.id);
      expect(JSON.stringify(listed), username).not.toContain("李雪梅");
      const refused = await call(other, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "越权撤销" });
      expect([403, 404], username).toContain(refused.statusCode);
    }
    const supervisor = await login(t.app, "supervisor");
    expect((await call(supervisor, "GET", "/benefit-offers")).json().items.map((o: { id: string }) => o.id)).toContain(offer.id);
    expect((await call(supervisor, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "经核查，另一方已在外省市领取" })).statusCode).toBe(200);
    const revoked = (await call(li, "GET", "/me/benefits")).json().items[0];
    expect(revoked).toMatchObject({ status: "revoked", revokeReason: "经核查，另一方已在外省市领取", payment: expect.stringContaining("停发") });
    const timeline = (await call(li, "GET", `/applications/${granted.applicationId}`)).json().timeline;
    expect(timeline.at(-1)).toMatchObject({ action: "grant_revoked", actorName: "袁正清", actionName: "撤销待遇" });
    expect((await call(li, "GET", `/applications/${granted.applicationId}`)).json().benefit).toMatchObject({ amount: 3600, stopped: true });
    expect(revoked.benefit).toBeNull();
    expect((await call(supervisor, "POST", `/benefit-offers/${offer.id}/revoke`, { reason: "再次撤销" })).json().error.code).toBe("OFFER_STATE");

    // In opt-out mode, 周婷 (who declined before) is offered it again and it is granted when she does not object in time.
    const itemId = await itemOf("JF00006000");
    await t.database.db.updateTable("item_rules").set({ grant_mode: "opt_out" }).where("item_id", "=", itemId).execute();
    await t.database.db.deleteFrom("benefit_offers").where("status", "=", "declined").execute();
    expect((await t.services.benefits.identify()).offered).toBe(1);
    const [optOut] = (await call(zhou, "GET", "/me/benefits")).json().items;
    expect(optOut).toMatchObject({ mode: "opt_out", status: "offered", replyBy: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(await t.services.benefits.grantDue()).toBe(0);
    clock = new Date(clock.getTime() + 20 * 86_400_000);
    try {
      expect(await t.services.benefits.grantDue()).toBe(1);
    } finally {
      clock = start;
    }
    const after = (await call(await login(t.app, "13800000008"), "GET", "/me/benefits")).json().items[0];
    expect(after).toMatchObject({ status: "granted", applicationNumber: expect.any(String) });
    const grant = await t.database.db.selectFrom("audit_log").select(["actor_name"]).where("action", "=", "benefit.grant").where("target_id", "=", optOut.id).executeTakeFirstOrThrow();
    expect(grant.actor_name).toBe("免申即享");
    // Offers, the revocation and the rest were told in both languages.
    expect(await messagesWithoutEnglish(t)).toEqual([]);
    const told = await t.database.db.selectFrom("messages").select(["title", "title_en"]).where("kind", "in", ["proactive", "benefit"]).execute();
    expect(told.find((m) => m.title === "免申即享待遇已撤销")?.title_en).toBe("Benefit stopped");
    expect(told.find((m) => m.title === "免申即享：育儿补贴申领")?.title_en).toBe("Yours without applying: 育儿补贴申领");
  });
});

