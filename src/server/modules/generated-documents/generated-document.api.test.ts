import { createHash } from "node:crypto";
import { withMaterials } from "../../testing/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { pdfText } from "../../testing/pdf-text";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let companyItem: string;

beforeAll(async () => {
  t = await startTestApp();
  companyItem = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", "XK00001001-%-310101%").where("published_version_id", "is not", null).executeTakeFirstOrThrow()).id; // 企业设立登记, 黄浦
});
afterAll(() => t.close());

const post = (who: LoggedIn | null, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}), payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

/** A two-shareholder company founded by 张伟明 (legal representative) with 王芳 (an invented second shareholder). */
const companyForm = (name: string) => ({
  enterpriseName: name,
  enterpriseType: "llc",
  capital: 120,
  scope: "软件开发；信息技术咨询服务",
  division: "310101",
  address: "南京东路100号9楼",
  legalRep: "张伟明",
  legalRepId: "310101198503125034",
  investors: [
    { investorName: "张伟明", investorId: "310101198503125034", amount: 80 },
    { investorName: "王芳", investorId: "310101199001011234", amount: 40 },
  ],
  contactMobile: "13800000001",
});

describe("系统生成材料 (documents generated from the form)", () => {
  it("the guide names the materials the system generates, and a preview shows the answers in a Chinese PDF", async () => {
    const guide = (await get(null, `/catalogue/items/${companyItem}`)).json();
    const generated = guide.content.guide.materials.filter((m: { generatedFrom?: string }) => m.generatedFrom).map((m: { key: string; generatedFrom: string }) => [m.key, m.generatedFrom]);
    expect(generated).toEqual([
      ["application_form", "application_form"],
      ["articles", "articles_of_association"],
      ["officer_appointment", "officer_appointment"],
    ]);
    const founder = await login(t.app, "13800000001");
    const kept = (await t.database.db.selectFrom("generated_documents").select("id").execute()).length;
    const res = await post(founder, `/catalogue/items/${companyItem}/documents/articles/preview`, { formData: companyForm("上海预览示范科技有限公司") });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const { text, title } = await pdfText(res.rawPayload);
    expect(title).toBe("上海预览示范科技有限公司章程");
    expect(text).toContain("公司注册资本为人民币 120 万元");
    expect(text).toContain("公司住所：黄浦区南京东路100号9楼"); // the division's name, never its code
    expect(text).toContain("王芳");
    expect(text).toContain("股东会由全体股东组成"); // two shareholders: a shareholders' meeting
    expect(text).toContain("预览（尚未提交）");
    // Nothing is kept by a preview.
    expect(await t.database.db.selectFrom("generated_documents").select("id").execute()).toHaveLength(kept);
  });

  it("a preview is for citizens, of a generated material only", async () => {
    const body = { formData: companyForm("上海预览示范科技有限公司") };
    expect((await post(null, `/catalogue/items/${companyItem}/documents/articles/preview`, body)).statusCode).toBe(401);
    expect((await post(await login(t.app, "review.amr.huangpu"), `/catalogue/items/${companyItem}/documents/articles/preview`, body)).statusCode).toBe(403);
    const citizen = await login(t.app, "13800000002");
    const notGenerated = await post(citizen, `/catalogue/items/${companyItem}/documents/premises/preview`, body);
    expect(notGenerated.statusCode).toBe(404);
    expect(notGenerated.json().error.code).toBe("MATERIAL_NOT_GENERATED");
    expect((await post(citizen, `/catalogue/items/${companyItem}/documents/Bad-Key/preview`, body)).statusCode).toBe(400);
  });

  it("submission generates, seals and keeps them; the applicant and the department open them, no one else", async () => {
    const founder = await login(t.app, "13800000001");
    // The founder is the only shareholder here (a second one signs online first: signing.api.test.ts).
    const sole = { ...companyForm("上海生成材料示范科技有限公司"), investors: [{ investorName: "张伟明", investorId: "310101198503125034", amount: 120 }] };
    const submitted = await post(founder, "/applications", await withMaterials(t, founder, { itemId: companyItem, formData: sole }));
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id as string;
    const view = (await get(founder, `/applications/${id}`)).json();
    expect(view.generated.map((g: { materialKey: string; materialName: string }) => [g.materialKey, g.materialName])).toEqual([
      ["application_form", "公司登记（备案）申请书"],
      ["articles", "公司章程"],
      ["officer_appointment", "法定代表人、董事、监事和经理的任职文件"],
    ]);
    const timeline = view.timeline[0];
    expect(timeline.details.generated).toBe(3);
    // Owed at first: the submission rendered nothing (no size, hash or seal until a worker or a reader renders them).
    expect(view.generated.map((g: { size: number | null; sha256: string | null }) => [g.size, g.sha256])).toEqual([[null, null], [null, null], [null, null]]);

    const res = await get(founder, `/applications/${id}/generated/officer_appointment`);
    expect(res.statusCode).toBe(200);
    const sha = createHash("sha256").update(res.rawPayload).digest("hex");
    expect(res.headers["x-document-sha256"]).toBe(sha);
    // The first reader rendered all three, sealed and kept them.
    const after = (await get(founder, `/applications/${id}`)).json();
    expect(after.generated.find((g: { materialKey: string }) => g.materialKey === "officer_appointment").sha256).toBe(sha);
    expect(after.generated.every((g: { size: number | null; sha256: string | null }) => g.size! > 1000 && /^[0-9a-f]{64}$/.test(g.sha256!))).toBe(true);
    const { text, title } = await pdfText(res.rawPayload);
    expect(title).toBe("上海生成材料示范科技有限公司股东决定");
    expect(text).toContain("选举张伟明为公司董事，担任公司法定代表人");
    expect(text).toContain("股东（签字）：张伟明");
    // Sealed by the handling department: the seal verifies against these very bytes, and not against others.
    const row = await t.database.db.selectFrom("generated_documents").selectAll().where("application_id", "=", id).where("material_key", "=", "officer_appointment").executeTakeFirstOrThrow();
    const seal = { keyId: row.seal_key_id!, algorithm: row.seal_algorithm!, signature: row.signature! };
    expect((await t.services.seals.verify(seal, Buffer.from(res.rawPayload))).ok).toBe(true);
    expect((await t.services.seals.verify(seal, Buffer.concat([Buffer.from(res.rawPayload), Buffer.from(" ")]))).ok).toBe(false);
    // Encrypted at rest: the stored body is not the PDF and does not carry the ID number.
    expect(row.body_enc).not.toContain("JVBERi0"); // "%PDF-" in base64
    const form = await pdfText((await get(founder, `/applications/${id}/generated/application_form`)).rawPayload);
    expect(form.text).toContain("上海生成材料示范科技有限公司");
    expect(form.text).toContain("有限责任公司"); // the option's label, not "llc"
    expect(form.text).toContain("申请人（签字）：张伟明");

    expect((await get(await login(t.app, "13800000002"), `/applications/${id}/generated/articles`)).statusCode).toBe(404);
    expect((await get(null, `/applications/${id}/generated/articles`)).statusCode).toBe(401);
    expect((await get(founder, `/applications/${id}/generated/premises`)).statusCode).toBe(404);
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await get(reviewer, `/applications/${id}/generated/articles`)).statusCode).toBe(200);
    const reads = await t.database.db.selectFrom("audit_log").select(["details", "purpose"]).where("action", "=", "application.material.read").where("target_id", "=", id).execute();
    expect(reads).toEqual([expect.objectContaining({ purpose: "审查申请材料", details: expect.objectContaining({ materialKey: "articles", generated: true }) })]);
  });

  it("the documents worker renders what submissions owe, once, whichever process or reader comes first", async () => {
    const food = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
    const applicant = await login(t.app, "13800000001");
    const submitted = await post(applicant, "/applications", { itemId: food, formData: FOOD_LICENCE_FORM, promise: true });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const id = submitted.json().id as string;
    const owed = () => t.database.db.selectFrom("generated_documents").select(["material_key", "rendered_at", "sha256"]).where("application_id", "=", id).execute();
    expect((await owed()).map((r) => [r.material_key, r.rendered_at, r.sha256])).toEqual([
      ["application_form", null, null],
      ["safety_rules", null, null],
    ]);
    // Two rounds at once (two processes' workers, or a worker and a reader): the document is kept once.
    const docs = t.services.generatedDocuments;
    const kept = await Promise.all([docs.renderOwed(id), docs.renderOwed(id)]);
    expect(kept[0]! + kept[1]!).toBe(2);
    const [row, rules] = await owed();
    expect([row!.rendered_at, rules!.rendered_at].every((at) => at instanceof Date)).toBe(true);
    expect(await docs.renderOwed(id)).toBe(0);
    // Each seal put on a document is recorded once, with the document's hash.
    const seals = await t.database.db.selectFrom("audit_log").select(["actor_name", "org_id", "details"]).where("action", "=", "application.document.seal").where("target_id", "=", id).execute();
    expect(seals.map((a) => (a.details as { materialKey: string }).materialKey).sort()).toEqual(["application_form", "safety_rules"]);
    expect(seals.find((a) => (a.details as { materialKey: string }).materialKey === "application_form")!.details).toMatchObject({ sha256: row!.sha256 });
    // What was kept is the document a reader gets, dated the day of submission and sealed.
    const res = await get(applicant, `/applications/${id}/generated/application_form`);
    expect(res.statusCode).toBe(200);
    expect(createHash("sha256").update(res.rawPayload).digest("hex")).toBe(row!.sha256);
    expect((await pdfText(res.rawPayload)).text).toContain(FOOD_LICENCE_FORM.enterpriseName);
    // The worker's round takes the longest-waiting applications and leaves nothing owed behind.
    const more = await post(applicant, "/applications", { itemId: food, formData: FOOD_LICENCE_FORM, promise: true });
    expect(more.statusCode).toBe(201);
    while ((await docs.renderDue(5)) > 0);
    expect(await t.database.db.selectFrom("generated_documents").select("id").where("rendered_at", "is", null).execute()).toEqual([]);
  });

  it("in 企业开办一件事 the plan marks them 系统生成, they leave the materials to hand in, and each previews from the one form", async () => {
    const answers = { seal: "no", invoice: "yes", staff: "no", agent: "no" };
    const plan = (await post(null, "/bundles/START_BUSINESS/plan", { answers })).json();
    const generated = plan.materials.filter((m: { generated: boolean }) => m.generated).map((m: { key: string }) => m.key);
    expect(generated).toEqual(["licence__application_form", "licence__articles", "licence__officer_appointment", "invoice__application"]);
    // Nothing the applicant must still hand in by upload: the rest is shared evidence or comes from the licence.
    expect(plan.materials.filter((m: { generated: boolean; evidence: string | null }) => !m.generated && !m.evidence).map((m: { name: string }) => m.name)).toEqual([]);
    expect(plan.reduction.bundle.materials).toBe(0);

    const founder = await login(t.app, "13800000009"); // 吴秀兰
    const formData = { ...companyForm("上海一件事预览示范有限公司"), legalRep: "吴秀兰", investors: [{ investorName: "吴秀兰", investorId: "310101199001011234", amount: 120 }], contact: "吴秀兰", accountant: "吴秀兰", invoiceType: "digital_general", monthlyAmount: 20000, bankAccount: "31001234567890123" };
    const articles = await post(founder, "/bundles/START_BUSINESS/documents/licence__articles/preview", { answers, formData });
    expect(articles.statusCode, articles.body).toBe(200);
    expect((await pdfText(articles.rawPayload)).text).toContain("公司不设股东会"); // one shareholder
    // A later item's document takes the company's name from the licence's answers, as it will on submission.
    const invoice = await post(founder, "/bundles/START_BUSINESS/documents/invoice__application/preview", { answers, formData });
    expect(invoice.statusCode, invoice.body).toBe(200);
    const text = (await pdfText(invoice.rawPayload)).text;
    expect(text).toContain("上海一件事预览示范有限公司");
    expect(text).toContain("数电发票（普通发票）");
    const other = await post(founder, "/bundles/START_BUSINESS/documents/licence__premises/preview", { answers, formData });
    expect(other.json().error.code).toBe("MATERIAL_NOT_GENERATED");
    expect((await post(null, "/bundles/START_BUSINESS/documents/licence__articles/preview", { answers, formData })).statusCode).toBe(401);
  });

  it("告知承诺: a service that takes a written promise records it with the materials it covers; the guide says so", async () => {
    const food = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
    expect((await get(null, `/catalogue/items/${food}`)).json().content.guide.promise).toBe(true);
    expect((await get(null, `/catalogue/items/${companyItem}`)).json().content.guide.promise).toBe(false);
    const applicant = await login(t.app, "13800000001");
    const res = await post(applicant, "/applications", { itemId: food, formData: FOOD_LICENCE_FORM, promise: true });
    expect(res.statusCode, res.body).toBe(201);
    const audit = await t.database.db.selectFrom("audit_log").select("details").where("action", "=", "application.submit").where("target_id", "=", res.json().id).executeTakeFirstOrThrow();
    const promised = (audit.details as { promised: string[] }).promised;
    expect(promised).toContain("经营场所平面布局图及设备布局、工艺流程说明");
    expect(promised).not.toContain("食品经营许可申请书"); // generated from the form, not missing
    expect((await post(applicant, "/applications", { itemId: food, formData: FOOD_LICENCE_FORM, promise: false })).statusCode).toBe(400);
    // Without the promise the same submission is refused, naming what is missing and that a promise may cover it.
    const lacking = await post(applicant, "/applications", { itemId: food, formData: FOOD_LICENCE_FORM });
    expect(lacking.statusCode).toBe(422);
    expect(lacking.json().error).toMatchObject({ code: "MATERIALS_MISSING", details: { promiseAllowed: true } });
    expect(lacking.json().error.details.materials.map((m: { name: string }) => m.name)).toContain("经营场所平面布局图及设备布局、工艺流程说明");
    // A service that takes no promise is not submitted on one.
    const founder = await login(t.app, "13800000001");
    const unpromised = await post(founder, "/applications", { itemId: companyItem, formData: { ...companyForm("上海承诺无效示范有限公司"), investors: [{ investorName: "张伟明", investorId: "310101198503125034", amount: 120 }] }, promise: true });
    expect(unpromised.json().error).toMatchObject({ code: "MATERIALS_MISSING", details: { promiseAllowed: false } });
  });
});
