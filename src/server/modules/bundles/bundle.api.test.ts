import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { samplePng } from "../../testing/sample-files";
import { withValues } from "../../../shared/self-roles";
import { luhnDigit } from "../../../shared/validation/luhn";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { validateCreditCode } from "../../../shared/validation/credit-code";
import { idNumberFor } from "../../seed/demo-people";

let t: TestApp;
let founder: LoggedIn;

beforeAll(async () => {
  t = await startTestApp();
  founder = await login(t.app, "13800000001"); // 张伟明
});
afterAll(() => t.close());

const post = (who: LoggedIn | null, url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: { ...(who?.headers ?? {}), ...headers }, payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

const ANSWERS = { seal: "yes", invoice: "yes", staff: "yes", agent: "no" };

/** The founder's answers to the one merged form, by its field keys. */
const FORM: Record<string, unknown> = {
  enterpriseName: "上海好办示范科技有限公司",
  enterpriseType: "llc",
  capital: 100,
  scope: "软件开发；信息技术咨询服务",
  division: "310101",
  address: "上海市黄浦区南京东路100号8楼",
  legalRep: "张伟明",
  legalRepId: "310101198503125034",
  investors: [{ investorName: "张伟明", investorId: "310101198503125034", amount: 100 }],
  employees: 5,
  contactMobile: "13800000001",
  contact: "张伟明",
  seals: "company",
  delivery: "post",
  bankAccount: "31001234567890123",
  accountant: "王晓红",
  invoiceType: "digital_general",
  monthlyAmount: 50000,
  rate: 7,
};

async function formFor(answers: Record<string, string>) {
  const plan = (await post(null, "/bundles/START_BUSINESS/plan", { answers })).json();
  // Only the fields the merged form asks for.
  return { plan, formData: Object.fromEntries(plan.fields.filter((f: { key: string }) => f.key in FORM).map((f: { key: string }) => [f.key, FORM[f.key]])) };
}

async function decide(id: string, steps: Array<[string, string]>) {
  for (const [who, action] of steps) {
    const staff = await login(t.app, who);
    const lockVersion = (await get(staff, `/applications/${id}`)).json().lockVersion;
    const res = await post(staff, `/applications/${id}/actions`, { action, lockVersion, ...(action === "deny" ? { opinion: "名称与已登记企业名称相同" } : {}) });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  }
}

describe("一件事: the bundle and its questions (public)", () => {
  it("lists the bundles with their reduction, and shows one with its questions and departments", async () => {
    const list = (await get(null, "/bundles")).json().items;
    expect(list.map((b: { code: string }) => b.code).sort()).toEqual(["NEWBORN", "OPEN_RESTAURANT", "RESALE_HOME", "RETIREMENT", "START_BUSINESS"]);
    // Every bundle saves something: fewer fields and documents, and no longer in total than its items one after another.
    for (const b of list) {
      expect(b.reduction.bundle.fields, b.code).toBeLessThan(b.reduction.separate.fields);
      expect(b.reduction.bundle.materials, b.code).toBeLessThanOrEqual(b.reduction.separate.materials);
      expect(b.reduction.bundle.days, b.code).toBeLessThanOrEqual(b.reduction.separate.days);
      expect(b.reduction.bundle.visits, b.code).toBe(0);
    }
    const start = list.find((b: { code: string }) => b.code === "START_BUSINESS");
    expect(start).toMatchObject({ name: "企业开办一件事", itemCount: 6 });
    expect(start.reduction.bundle.fields).toBeLessThan(start.reduction.separate.fields);
    expect(start.reduction.bundle.days).toBeLessThan(start.reduction.separate.days);
    const one = (await get(null, "/bundles/START_BUSINESS")).json();
    expect(one.leadOrgName).toBe("黄浦区市场监督管理局");
    expect(one.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(["企业设立登记", "公章刻制备案", "单位社会保险登记", "住房公积金单位缴存登记"]));
    expect(one.items.find((i: { key: string }) => i.key === "housing_fund").orgName).toBe("上海市公积金管理中心");
    expect((await get(null, "/bundles/NOPE")).statusCode).toBe(404);
  });

  it("appears first in unified search for the life event in everyday words", async () => {
    for (const [q, code] of [["生孩子", "NEWBORN"], ["开公司", "START_BUSINESS"], ["开饭店", "OPEN_RESTAURANT"], ["退休", "RETIREMENT"], ["二手房过户", "RESALE_HOME"]] as const) {
      const hits = (await get(null, `/search?q=${encodeURIComponent(q)}`)).json().hits;
      expect(hits[0], q).toMatchObject({ type: "bundle", id: code });
    }
    // A query naming the item itself finds the item, with the bundle beside it.
    const register = (await get(null, `/search?q=${encodeURIComponent("注册公司")}`)).json().hits.slice(0, 3);
    expect(register.map((h: { type: string; id: string }) => `${h.type}:${h.id}`)).toContain("bundle:START_BUSINESS");
    const only = (await get(null, `/search?q=${encodeURIComponent("新生儿")}&type=bundle`)).json().hits;
    expect(only.map((h: { id: string }) => h.id)).toEqual(["NEWBORN"]);
  });

  it("answers decide the items, each with its reason; contradictory or missing answers are refused", async () => {
    const { plan } = await formFor({ ...ANSWERS, seal: "no", staff: "no" });
    const included = plan.items.filter((i: { included: boolean }) => i.included).map((i: { key: string }) => i.key);
    expect(included).toEqual(["licence", "tax", "invoice", "social_insurance"]);
    expect(plan.items.find((i: { key: string }) => i.key === "seal").reason).toContain("无需办理");
    // The licence the first item issues is the later items' 营业执照: not asked of the founder.
    expect(plan.providedByUpstream).toContainEqual({ item: "新办纳税人涉税信息确认", material: "营业执照", from: "企业设立登记" });
    expect(plan.materials.some((m: { name: string }) => m.name === "营业执照")).toBe(false);
    const missing = await post(null, "/bundles/START_BUSINESS/plan", { answers: { seal: "yes" } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe("BUNDLE_ANSWERS_INVALID");
    expect(missing.json().error.details.issues.map((i: { message: string }) => i.message)).toContain("请回答“开业后是否需要开具发票？”");
  });
});

describe("一件事: one submission, processing, one result (Done when)", () => {
  let bundleId: string;

  it("企业开办一件事 from one submission to one result: a merged form checked once, every item created at once, the licence's approval establishing the company and starting the rest, a supplement shown within the bundle, each department seeing its own item", async () => {
    // — refuses a merged form that fails an item's validation, naming each field once, and creates nothing
    {
      const { formData } = await formFor(ANSWERS);
      const before = (await t.database.db.selectFrom("applications").select("id").execute()).length;
      const bundlesBefore = (await t.database.db.selectFrom("bundle_applications").select("id").execute()).length;
      const res = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData: { ...formData, contactMobile: "123" }, dataConsent: true });
      expect(res.statusCode).toBe(400);
      const issues = res.json().error.details.issues;
      // The mobile is asked once for all six items: one error.
      expect(issues.filter((i: { path: string }) => i.path === "contactMobile")).toHaveLength(1);
      expect((await t.database.db.selectFrom("applications").select("id").execute()).length).toBe(before);
      expect(await t.database.db.selectFrom("bundle_applications").select("id").execute()).toHaveLength(bundlesBefore);
      expect((await post(await login(t.app, "review.amr.huangpu"), "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData })).statusCode).toBe(403);
    }
    // — one submission creates the bundle and all its items at once: the licence goes to market regulation, the rest wait
    {
      const { formData, plan } = await formFor(ANSWERS);
      // Far fewer fields than the items together; the company's bank account is not asked of the founder (it does not exist yet).
      expect(plan.reduction.bundle.fields).toBeLessThan(plan.reduction.separate.fields / 2);
      expect(plan.fields.map((f: { key: string }) => f.key)).not.toContain("bankAccount");
      const headers = { "idempotency-key": "bundle-start-0001" };
      const res = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData, dataConsent: true, delivery: "window" }, headers);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      bundleId = body.id;
      expect(body).toMatchObject({ bundleName: "企业开办一件事", state: "in_progress", stateName: "办理中", delivery: "window", deliveryOrgName: "黄浦区政务服务中心" });
      // The day's 一件事 numbers are gap-free: this one follows those numbered earlier that day.
      const sameDay = (await t.database.db.selectFrom("bundle_applications").select("number").where("number", "like", `${body.number.slice(0, 20)}%`).execute()).length;
      expect(body.number).toBe(`${body.number.slice(0, 20)}${String(sameDay).padStart(6, "0")}`);
      const byKey = Object.fromEntries(body.children.map((c: { key: string }) => [c.key, c]));
      expect(byKey.licence).toMatchObject({ status: "started", orgName: "黄浦区市场监督管理局", state: "submitted" });
      for (const k of ["seal", "tax", "social_insurance", "housing_fund", "invoice"]) expect(byKey[k]).toMatchObject({ status: "waiting", statusName: "等待前序事项办结", applicationId: null });
      // A retry returns the same bundle; nothing is created twice.
      const bundles = async () => (await t.database.db.selectFrom("bundle_applications").select("id").execute()).length;
      const countBefore = await bundles();
      const again = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData, dataConsent: true, delivery: "window" }, headers);
      expect(again.json().id).toBe(bundleId);
      expect(await bundles()).toBe(countBefore);
      // The licence is in market regulation's inbox; nothing waits in the others'.
      const inbox = (await get(await login(t.app, "review.amr.huangpu"), "/applications/inbox?limit=100")).json().items;
      expect(inbox.some((a: { id: string }) => a.id === byKey.licence.applicationId)).toBe(true);
      // Someone else cannot see it.
      expect((await get(await login(t.app, "13800000002"), `/bundle-applications/${bundleId}`)).statusCode).toBe(404);
    }
    // — approving the licence establishes the company and starts the seal, tax, social-insurance and housing-fund items with the licence attached
    {
      const licenceId = (await get(founder, `/bundle-applications/${bundleId}`)).json().children.find((c: { key: string }) => c.key === "licence").applicationId;
      await decide(licenceId, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "approve"]]);
      const view = (await get(founder, `/bundle-applications/${bundleId}`)).json();
      const byKey = Object.fromEntries(view.children.map((c: { key: string }) => [c.key, c]));
      expect(byKey.licence).toMatchObject({ outcome: "approved", certificates: [expect.objectContaining({ typeName: "营业执照" })] });
      const company = await t.database.db.selectFrom("enterprises").selectAll().where("name", "=", "上海好办示范科技有限公司").executeTakeFirstOrThrow();
      expect(validateCreditCode(company.credit_code).ok).toBe(true);
      for (const k of ["seal", "tax", "social_insurance", "housing_fund"]) {
        expect(byKey[k]).toMatchObject({ status: "started", state: "submitted" });
        const app = await t.database.db.selectFrom("applications").select(["acting_for_enterprise_id", "id"]).where("id", "=", byKey[k].applicationId).executeTakeFirstOrThrow();
        expect(app.acting_for_enterprise_id).toBe(company.id);
        // The licence stands in for the 营业执照 material.
        const evidence = await t.database.db.selectFrom("application_evidence").selectAll().where("application_id", "=", app.id).where("material_key", "=", "business_licence").execute();
        expect(evidence).toHaveLength(1);
      }
      // The invoice waits for the tax confirmation as well.
      expect(byKey.invoice.status).toBe("waiting");
      // The seal office reads the new company's credit code from the licence, not from the founder.
      const seal = (await get(await login(t.app, "13800000001"), `/applications/${byKey.seal.applicationId}`)).json();
      expect(seal.formData).toMatchObject({ enterpriseName: "上海好办示范科技有限公司", creditCode: company.credit_code });
      // 银行开户: the bank opened the company's basic account once it existed; tax and social insurance take it from there.
      const account = await t.database.db.selectFrom("enterprise_bank_accounts").selectAll().where("enterprise_id", "=", company.id).executeTakeFirstOrThrow();
      expect(account).toMatchObject({ bank_name: "上海银行黄浦区支行", account_number: expect.stringMatching(/^31000101\d{12}$/) });
      expect(luhnDigit(account.account_number.slice(0, -1))).toBe(account.account_number.at(-1));
      for (const k of ["tax", "social_insurance"]) expect((await get(founder, `/applications/${byKey[k].applicationId}`)).json().formData.bankAccount).toBe(account.account_number);
    }
    // — a supplement request in one item shows within the bundle; each department sees only its own item
    {
      const view = (await get(founder, `/bundle-applications/${bundleId}`)).json();
      const seal = view.children.find((c: { key: string }) => c.key === "seal");
      const licence = view.children.find((c: { key: string }) => c.key === "licence");
      const police = await login(t.app, "review.psb.huangpu");
      // The seal office does not see the market-regulation item of the same bundle.
      expect((await get(police, `/applications/${licence.applicationId}`)).statusCode).toBe(404);
      await decide(seal.applicationId, [["review.psb.huangpu", "accept"]]);
      const lockVersion = (await get(police, `/applications/${seal.applicationId}`)).json().lockVersion;
      expect((await post(police, `/applications/${seal.applicationId}/actions`, { action: "request_supplement", lockVersion, opinion: "请选择印章样式", supplementItems: ["seals"] })).statusCode).toBe(200);
      const after = (await get(founder, `/bundle-applications/${bundleId}`)).json().children.find((c: { key: string }) => c.key === "seal");
      expect(after).toMatchObject({ status: "started", statusName: "待补正", needsApplicant: true });
    }
    // — the founder sees one result; an item acted on before its upstream does not exist yet
    {
      const mine = (await get(founder, "/me/bundle-applications")).json().items;
      expect(mine.map((b: { id: string }) => b.id)).toEqual([bundleId]);
      expect(mine[0].state).toBe("in_progress");
    }
    // — a denied licence stops every item depending on it, with the reason
    {
      const { formData } = await formFor(ANSWERS);
      const res = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData: { ...formData, enterpriseName: "上海好办重名示范有限公司" }, dataConsent: true });
      const id = res.json().id;
      const licenceId = res.json().children.find((c: { key: string }) => c.key === "licence").applicationId;
      await decide(licenceId, [["review.amr.huangpu", "accept"], ["review.amr.huangpu", "pass_review"], ["approve.amr.huangpu", "deny"]]);
      const view = (await get(founder, `/bundle-applications/${id}`)).json();
      expect(view.state).toBe("stopped");
      for (const c of view.children.filter((x: { key: string }) => x.key !== "licence")) expect(c).toMatchObject({ status: "stopped", stoppedReason: "前序事项“企业设立登记”未获准予办理，本事项无法继续，已停止" });
      const stopAudit = await t.database.db.selectFrom("audit_log").select(["action", "details"]).where("action", "=", "bundle.items_stop").where("target_id", "=", id).execute();
      expect(stopAudit).toHaveLength(1);
      // The founder is told which services stopped, and why.
      await t.services.notifications.dispatchOutbox(1000);
      const messages = (await get(founder, "/messages?limit=50")).json().items;
      expect(messages.find((m: { kind: string }) => m.kind === "bundle_stopped")).toMatchObject({ title: "一件事部分事项已停止", link: `/me/bundles/${id}`, body: expect.stringContaining("前序事项“企业设立登记”未获准予办理") });
      const english = (await t.app.inject({ method: "GET", url: "/api/v1/messages?limit=50", headers: { ...founder.headers, cookie: `${founder.headers.cookie}; haoban_lang=en` } })).json().items;
      expect(english.find((m: { kind: string }) => m.kind === "bundle_stopped")).toMatchObject({ title: "Part of your package has stopped", body: expect.stringMatching(/^In your “企业开办一件事” \([\w-]+\): “企业设立登记” was not approved, so the services depending on it cannot go on and have stopped \(\d+ in all\)\./) });
    }
  });
});

describe("一件事: consented prefill of the one form", () => {
  const NEWBORN_ANSWERS = { birth_cert: "no", hukou: "yes", vaccination: "no" };

  it("fills the one form from the registries under each item's own sharing rules; an altered authoritative value is refused, nothing created", async () => {
    const mother = await login(t.app, "13800000002"); // 李雪梅
    // Prefill is the applicant's own: staff may not ask for it, and consent is required.
    expect((await post(await login(t.app, "review.psb.huangpu"), "/bundles/NEWBORN/prefill", { answers: NEWBORN_ANSWERS, consent: true })).statusCode).toBe(403);
    expect((await post(mother, "/bundles/NEWBORN/prefill", { answers: NEWBORN_ANSWERS })).statusCode).toBe(400);
    const readsBefore = (await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "data.share").execute()).length;
    const res = await post(mother, "/bundles/NEWBORN/prefill", { answers: NEWBORN_ANSWERS, consent: true });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body.prefillIds).sort()).toEqual(["birth_cert", "hukou", "insurance", "ss_card"]);
    const field = (key: string) => body.fields.find((f: { key: string }) => f.key === key);
    expect(field("motherName")).toMatchObject({ value: "李雪梅", authoritative: true, source: { registryName: "人口库" } });
    expect(field("childName")).toMatchObject({ value: "张子涵" });
    // Every item's department read under its own rule: one record per item at least.
    expect((await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "data.share").execute()).length - readsBefore).toBeGreaterThanOrEqual(4);

    const plan = (await post(null, "/bundles/NEWBORN/plan", { answers: NEWBORN_ANSWERS })).json();
    const filled: Record<string, unknown> = Object.fromEntries(body.fields.map((f: { key: string; value: unknown }) => [f.key, f.value]));
    const rest: Record<string, unknown> = { birthPlace: "上海市第一妇婴保健院", householdAddress: "上海市黄浦区延安东路1号", insuredType: "newborn", delivery: "pickup" };
    const formData = Object.fromEntries(plan.fields.map((f: { key: string }) => [f.key, filled[f.key] ?? rest[f.key]]).filter(([, v]: [string, unknown]) => v !== undefined));
    const before = (await t.database.db.selectFrom("applications").select("id").execute()).length;
    const altered = await post(mother, "/bundles/NEWBORN/applications", { answers: NEWBORN_ANSWERS, formData: { ...formData, motherName: "李雪" }, prefillIds: body.prefillIds, dataConsent: true });
    expect(altered.statusCode).toBe(422);
    expect(altered.json().error.code).toBe("PREFILL_AUTHORITATIVE_CHANGED");
    expect((await t.database.db.selectFrom("applications").select("id").execute()).length).toBe(before);

    const ok = await post(mother, "/bundles/NEWBORN/applications", { answers: NEWBORN_ANSWERS, formData, prefillIds: body.prefillIds, dataConsent: true });
    expect(ok.statusCode, ok.body).toBe(201);
    const first = ok.json().children.find((c: { key: string }) => c.key === "birth_cert");
    const app = await t.database.db.selectFrom("applications").select(["prefilled_fields", "data_consent_at"]).where("id", "=", first.applicationId).executeTakeFirstOrThrow();
    expect(app.prefilled_fields).toBeGreaterThan(0);
    expect(app.data_consent_at).not.toBeNull();
  });
});

describe("一件事: 本人担任 — the founder's own roles fill themselves", () => {
  // 吴秀兰, who founds no other company in these tests: 张伟明's bundle above stays his only one, in any order.
  const WU = { name: "吴秀兰", id: idNumberFor("310107", "1976-05-30", 9, "F") };
  it("fills the legal representative, the first shareholder and the tax officer from her verified identity, binding; an altered one is refused", async () => {
    const founder = await login(t.app, "13800000009");
    expect((await post(founder, "/bundles/START_BUSINESS/prefill", { answers: ANSWERS, consent: true, selfRoles: ["mayor"] })).statusCode).toBe(400);
    const res = await post(founder, "/bundles/START_BUSINESS/prefill", { answers: ANSWERS, consent: true, selfRoles: ["legalRep", "shareholder", "taxOfficer"] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const field = (key: string) => body.fields.find((f: { key: string }) => f.key === key);
    for (const [key, value] of <Array<[string, string]>>[
      ["legalRep", WU.name],
      ["legalRepId", WU.id],
      ["investors.0.investorName", WU.name],
      ["investors.0.investorId", WU.id],
      ["accountant", WU.name],
      ["accountantId", WU.id],
    ]) expect(field(key), key).toMatchObject({ value, authoritative: true, source: { registryName: "实名账户", orgName: expect.stringMatching(/^本人担任/) } });
    // The company's address is the company's: her home is not offered for it.
    expect(field("division")).toBeUndefined();
    expect(field("address")).toBeUndefined();
    // Without the ticks nothing of hers is put into those roles.
    const plain = (await post(founder, "/bundles/START_BUSINESS/prefill", { answers: ANSWERS, consent: true })).json();
    expect(plain.fields.map((f: { key: string }) => f.key)).not.toContain("investors.0.investorName");
    expect(plain.fields.find((f: { key: string }) => f.key === "accountant")).toBeUndefined();

    const { formData } = await formFor(ANSWERS);
    const mine = { ...formData, enterpriseName: "上海本人担任示范科技有限公司", legalRep: WU.name, legalRepId: WU.id, investors: [{ investorName: WU.name, investorId: WU.id, amount: 100 }], contactMobile: "13800000009", accountant: WU.name, accountantId: WU.id };
    const altered = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData: { ...mine, investors: [{ investorName: "吴秀", investorId: WU.id, amount: 100 }] }, prefillIds: body.prefillIds, dataConsent: true });
    expect(altered.statusCode).toBe(422);
    expect(altered.json().error).toMatchObject({ code: "PREFILL_AUTHORITATIVE_CHANGED", details: { fields: ["investors.0.investorName"] } });
    const ok = await post(founder, "/bundles/START_BUSINESS/applications", { answers: ANSWERS, formData: mine, prefillIds: body.prefillIds, dataConsent: true });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("a material that remains is uploaded within the bundle and reaches its service; a key the plan lacks is refused", async () => {
    const founder = await login(t.app, "13800000008"); // 周婷, who applies through an agent's authorisation
    const answers = { ...ANSWERS, agent: "yes" };
    const { plan, formData } = await formFor(answers);
    expect(plan.materials.filter((m: { generated: boolean; evidence: string | null }) => !m.generated && !m.evidence).map((m: { key: string }) => m.key)).toEqual(["licence__agent_authorisation"]);
    const prefill = (await post(founder, "/bundles/START_BUSINESS/prefill", { answers, consent: true, selfRoles: ["legalRep", "shareholder", "taxOfficer", "contact"] })).json();
    const form = withValues({ ...formData, enterpriseName: "上海周婷上传示范有限公司" }, prefill.fields);
    const file = await t.app.inject({ method: "POST", url: "/api/v1/files", headers: { ...founder.headers, "content-type": "image/png", "x-file-name": encodeURIComponent("授权委托书.png") }, payload: samplePng() });
    expect(file.statusCode).toBe(201);
    const wrong = await post(founder, "/bundles/START_BUSINESS/applications", { answers, formData: form, dataConsent: true, materials: [{ materialKey: "licence__nothing", fileId: file.json().id }] });
    expect(wrong.json().error).toMatchObject({ code: "MATERIAL_INVALID", details: { issues: [{ path: "materials.0.materialKey" }] } });
    const res = await post(founder, "/bundles/START_BUSINESS/applications", { answers, formData: form, dataConsent: true, materials: [{ materialKey: "licence__agent_authorisation", fileId: file.json().id }] });
    expect(res.statusCode, res.body).toBe(201);
    const licence = res.json().children.find((c: { key: string }) => c.key === "licence");
    const app = (await get(founder, `/applications/${licence.applicationId}`)).json();
    expect(app.materials).toEqual([expect.objectContaining({ materialKey: "agent_authorisation", fileName: "授权委托书.png" })]);
  });
});
