import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let mother: LoggedIn;
let birthItem: string;
let insuranceItem: string;

const itemOf = async (implCodePattern: string) =>
  (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", implCodePattern).where("published_version_id", "is not", null).orderBy("impl_code").executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await startTestApp();
  mother = await login(t.app, "13800000002"); // 李雪梅, mother of the newborn 张子涵
  birthItem = await itemOf("QR00001001-3-310101-%"); // 出生登记（新生儿落户）, 上海市公安局黄浦分局
  insuranceItem = await itemOf("GG00004001-%-310101%"); // 城乡居民基本医疗保险参保登记
});
afterAll(() => t.close());

const post = (who: LoggedIn, url: string, payload: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, headers: who.headers, payload: payload as object });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });
const prefill = (who: LoggedIn, itemId: string) => post(who, `/catalogue/items/${itemId}/prefill`, { consent: true });
const formFrom = (fields: Array<{ key: string; value: string | number }>) => Object.fromEntries(fields.map((f) => [f.key, f.value]));

async function act(id: string, who: LoggedIn, action: string) {
  const lockVersion = (await get(who, `/applications/${id}`)).json().lockVersion;
  const res = await post(who, `/applications/${id}/actions`, { action, lockVersion });
  if (res.statusCode !== 200) throw new Error(res.body);
}

describe("consented prefill (授权预填)", () => {
  it("needs the applicant's consent and is for citizens only", async () => {
    const before = (await t.database.db.selectFrom("prefills").select("id").execute()).length;
    expect((await post(mother, `/catalogue/items/${birthItem}/prefill`, { consent: false })).statusCode).toBe(400);
    expect((await post(mother, `/catalogue/items/${birthItem}/prefill`, {})).statusCode).toBe(400);
    const clerk = await login(t.app, "window.huangpu");
    expect((await prefill(clerk, birthItem)).statusCode).toBe(403);
    expect(await t.database.db.selectFrom("prefills").select("id").execute()).toHaveLength(before);
  });

  it("fills every bound field from the registries and certificates, each with its source; conflicts are shown", async () => {
    const res = await prefill(mother, birthItem);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const field = (key: string) => body.fields.find((f: { key: string }) => f.key === key);
    expect(field("name")).toMatchObject({ value: "李雪梅", authoritative: true, source: { registryName: "人口库", orgName: "上海市公安局黄浦分局" }, conflicts: [] });
    expect(field("idNumber")).toMatchObject({ value: "310101198706205042", authoritative: true });
    // The newborn from the population registry, confirmed by the birth certificate.
    expect(field("childName")).toMatchObject({ value: "张子涵", source: { registryName: "人口库" }, conflicts: [] });
    expect(field("childGender").value).toBe("M");
    expect(field("childBirthDate").value).toBe("2026-10-08");
    // The account's mobile is used; the registry's older number is shown as a conflict, and the field stays editable.
    expect(field("mobile")).toMatchObject({ value: "13800000002", authoritative: false, source: { registryName: "实名账户" }, conflicts: [expect.objectContaining({ registryName: "人口库", value: "13917260835" })] });
    expect(body.waivable.map((w: { materialKey: string }) => w.materialKey).sort()).toEqual(["birth_cert", "household_register", "marriage", "parents_ids"]);
    expect(body.orgName).toBe("上海市公安局黄浦分局");

    const reads = await t.database.db.selectFrom("audit_log").selectAll().where("action", "=", "data.share").execute();
    type Details = { sources: Array<{ registry: string; orgCode: string | null; elements: string[] }> };
    const elementsOf = (d: unknown) => (d as Details).sources.flatMap((s) => s.elements);
    const own = reads.find((r) => r.subject_person_id !== null && elementsOf(r.details).includes("person.name"))!;
    expect(own.purpose).toBe("预填申请表：出生登记（新生儿落户）");
    // One source per registry and department: the certificates come from the police and the civil-affairs bureau.
    const sources = (own.details as Details).sources;
    expect([...new Set(sources.map((s) => s.registry))].sort()).toEqual(["account", "certificates", "population"]);
    expect(sources.filter((s) => s.registry === "certificates").map((s) => s.orgCode)).toEqual(expect.arrayContaining(["310101-PSB", "310101-CA"]));
    // Nothing derivable is stored again: no registry names, no second list of the elements, no item name (it is in the purpose).
    expect(own.details).not.toHaveProperty("elements");
    expect(own.details).not.toHaveProperty("itemName");
    expect(sources.every((s) => !("registryName" in s))).toBe(true);
    // The child's data was read too: that is recorded with the child as the data subject.
    const child = await t.database.db.selectFrom("persons").select("id").where("name", "=", "张子涵").executeTakeFirstOrThrow();
    expect(reads.some((r) => r.subject_person_id === child.id && elementsOf(r.details).includes("child.name"))).toBe(true);
  });

  it("refuses an altered authoritative field and writes nothing", async () => {
    const body = (await prefill(mother, birthItem)).json();
    const before = await t.database.db.selectFrom("applications").select("id").execute();
    const res = await post(mother, "/applications", { itemId: birthItem, formData: { ...formFrom(body.fields), name: "李雪", householdAddress: "上海市黄浦区延安东路1号" }, prefillId: body.prefillId });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "PREFILL_AUTHORITATIVE_CHANGED", details: { fields: ["name"] } });
    expect(await t.database.db.selectFrom("applications").select("id").execute()).toHaveLength(before.length);
    // Someone else's prefill cannot be used.
    const other = await login(t.app, "13800000001");
    const wrongPrefill = await post(other, "/applications", { itemId: birthItem, formData: { ...formFrom(body.fields), name: "张伟明", idNumber: "310101198503125034" }, prefillId: body.prefillId });
    expect(wrongPrefill.json().error.code, wrongPrefill.body).toBe("PREFILL_NOT_FOUND");
    // Nor can a form name someone else as the applicant.
    expect((await post(other, "/applications", { itemId: birthItem, formData: formFrom(body.fields) })).json().error.code).toBe("FORM_SUBJECT_MISMATCH");
  });

  it("本人担任 on a single item: the ticked roles fill from the applicant's identity, bind, and nothing else changes", async () => {
    const founder = await login(t.app, "13800000001"); // 张伟明
    const company = await itemOf("XK00001001-%-310101%"); // 企业设立登记
    expect((await post(founder, `/catalogue/items/${company}/prefill`, { consent: true, selfRoles: ["legalRep", "legalRep", "shareholder", "taxOfficer", "x"] })).statusCode).toBe(400);
    const plain = (await prefill(founder, company)).json();
    expect(plain.fields.map((f: { key: string }) => f.key)).not.toContain("legalRep");
    const body = (await post(founder, `/catalogue/items/${company}/prefill`, { consent: true, selfRoles: ["legalRep"] })).json();
    expect(body.fields.filter((f: { source: { orgName: string } }) => f.source.orgName === "本人担任法定代表人").map((f: { key: string; value: string }) => [f.key, f.value])).toEqual([
      ["legalRep", "张伟明"],
      ["legalRepId", "310101198503125034"],
    ]);
    // The shareholder's row is not filled: that role was not ticked.
    expect(body.fields.some((f: { key: string }) => f.key.startsWith("investors."))).toBe(false);
    expect(body.missing.map((m: { key: string }) => m.key)).not.toContain("legalRep");
    const form = {
      ...formFrom(body.fields),
      enterpriseName: "上海本人担任单项示范有限公司",
      enterpriseType: "llc",
      capital: 50,
      scope: "软件开发",
      division: "310101",
      address: "上海市黄浦区南京东路100号9楼",
      investors: [{ investorName: "李四", investorId: "310101199001011234", amount: 50 }],
      contactMobile: "13800000001",
    };
    const changed = await post(founder, "/applications", { itemId: company, formData: { ...form, legalRepId: "310101199001011234" }, prefillId: body.prefillId });
    expect(changed.json().error).toMatchObject({ code: "PREFILL_AUTHORITATIVE_CHANGED", details: { fields: ["legalRepId"] } });
  });

  it("a refused read says why, is recorded, and the citizen sees it", async () => {
    const admin = await login(t.app, "data.admin");
    const rules = (await get(admin, "/admin/sharing-rules?itemCode=QR00001001")).json().items.filter((r: { orgName: string }) => r.orgName === "上海市公安局黄浦分局");
    expect(rules.length).toBeGreaterThan(0);
    const denials = async () => (await t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "data.share.denied").execute()).length;
    const before = await denials();
    for (const r of rules) expect((await t.app.inject({ method: "PATCH", url: `/api/v1/admin/sharing-rules/${r.id}`, headers: admin.headers, payload: { status: "suspended" } })).statusCode).toBe(200);
    try {
      const res = await prefill(mother, birthItem);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: "SHARING_DENIED", details: { reason: "NO_RULE" } });
      expect(await denials()).toBe(before + 1);
    } finally {
      for (const r of rules) await t.app.inject({ method: "PATCH", url: `/api/v1/admin/sharing-rules/${r.id}`, headers: admin.headers, payload: { status: "active" } });
    }
    const log = (await get(mother, "/me/data-access?limit=100")).json().items;
    expect(log.find((e: { denied: boolean }) => e.denied)).toMatchObject({ action: "调取被拒绝", orgName: "上海市公安局黄浦分局", deniedReason: expect.stringContaining("共享目录中没有") });
  });

  it("without a family rule, the family is not read at all: the child's fields stay empty and no record names the child", async () => {
    const admin = await login(t.app, "data.admin");
    const family = (await get(admin, "/admin/sharing-rules?itemCode=QR00001001")).json().items.find((r: { orgName: string; subject: string }) => r.orgName === "上海市公安局黄浦分局" && r.subject === "applicant_family");
    const patch = (status: string) => t.app.inject({ method: "PATCH", url: `/api/v1/admin/sharing-rules/${family.id}`, headers: admin.headers, payload: { status } });
    expect((await patch("suspended")).statusCode).toBe(200);
    const child = await t.database.db.selectFrom("persons").select("id").where("name", "=", "张子涵").executeTakeFirstOrThrow();
    const childReads = () => t.database.db.selectFrom("audit_log").select("seq").where("action", "=", "data.share").where("subject_person_id", "=", child.id).execute();
    const before = (await childReads()).length;
    const body = (await prefill(mother, birthItem)).json();
    expect(body.fields.find((f: { key: string }) => f.key === "name").value).toBe("李雪梅");
    expect(body.missing.map((m: { key: string }) => m.key)).toEqual(expect.arrayContaining(["childName", "childBirthDate"]));
    expect(body.waivable.map((w: { materialKey: string }) => w.materialKey)).not.toContain("birth_cert");
    expect((await childReads()).length).toBe(before);
    expect((await patch("active")).statusCode).toBe(200);
  });
});

describe("once-only application (Done when)", () => {
  // One application's life, and the next one built on its certificate, is one story, so its steps are one test.
  it("a mother applies for 出生登记 uploading nothing; the reviewer sees the shared evidence; approval issues a household register the next item uses; her data-use page lists every read", async () => {
    const body = (await prefill(mother, birthItem)).json();
    const res = await post(mother, "/applications", { itemId: birthItem, formData: formFrom(body.fields), prefillId: body.prefillId });
    expect(res.statusCode).toBe(201);
    const applicationId = res.json().id as string;
    const number = res.json().number as string;
    const row = await t.database.db.selectFrom("applications").selectAll().where("id", "=", applicationId).executeTakeFirstOrThrow();
    expect(row.waived_materials).toBe(4);
    expect(row.prefilled_fields).toBe(body.fields.length);
    expect(row.data_consent_at).not.toBeNull();
    // ID numbers, mobiles and addresses in the form are encrypted at rest; the applicant reads them back whole.
    expect(JSON.stringify(row.form_data)).not.toContain("310101198706205042");
    expect(JSON.stringify(row.form_data)).not.toContain("13800000002");
    expect((row.form_data as Record<string, unknown>).childName).toBe("张子涵");
    expect((await get(mother, `/applications/${applicationId}`)).json().formData).toMatchObject({ idNumber: "310101198706205042", mobile: "13800000002" });
    // The prefill is used up.
    expect((await post(mother, "/applications", { itemId: birthItem, formData: formFrom(body.fields), prefillId: body.prefillId })).json().error.code).toBe("PREFILL_NOT_FOUND");

    // The reviewer sees the shared evidence in place of uploads.
    const reviewer = await login(t.app, "review.psb.huangpu");
    const detail = (await get(reviewer, `/applications/${applicationId}`)).json();
    expect(detail.materials).toEqual([]);
    expect(detail.prefilledFields).toBeGreaterThan(5);
    // Each prefilled field names the registry it came from (shown beside the field on the case page).
    expect(detail.prefilled).toHaveLength(detail.prefilledFields);
    expect(detail.prefilled).toContainEqual({ fieldKey: "idNumber", registry: expect.stringMatching(/^(population|account|certificates)$/) });
    const byKey = Object.fromEntries(detail.evidence.map((e: { materialKey: string }) => [e.materialKey, e]));
    expect(byKey.household_register).toMatchObject({ typeName: "居民户口簿", source: "电子证照库", issuerName: "上海市公安局黄浦分局" });
    expect(byKey.marriage).toMatchObject({ typeName: "结婚证", issuerName: "黄浦区民政局" });
    expect(byKey.parents_ids).toMatchObject({ typeName: "居民身份证" });
    expect(byKey.birth_cert).toMatchObject({ typeName: "出生医学证明", issuerName: "黄浦区卫生健康委员会" });
    // Staff of another district do not see the application at all; the attempt is recorded for the applicant.
    expect((await get(await login(t.app, "review.amr.pudong"), `/applications/${applicationId}`)).statusCode).toBe(404);
    const log = (await get(mother, "/me/data-access?limit=100")).json().items;
    expect(log.find((e: { action: string }) => e.action === "查看办件被拒绝")).toMatchObject({ actorName: "葛振华", denied: true, deniedReason: "不是该办件的承办或受理机构人员", purpose: `查看他人办件 ${number}` });

    // Approval issues a signed household register that verifies publicly; a modified copy fails.
    await act(applicationId, await login(t.app, "review.psb.huangpu"), "accept");
    await act(applicationId, await login(t.app, "review.psb.huangpu"), "pass_review");
    await act(applicationId, await login(t.app, "approve.psb.huangpu"), "approve");
    const wallet = (await get(mother, "/me/certificates")).json();
    const issued = (wallet.items ?? wallet).filter((c: { typeName: string }) => c.typeName === "居民户口簿");
    expect(issued).toHaveLength(2); // the one held before, and the new one
    const certificate = issued[0] as { identifier: string; document: { payload: Record<string, unknown>; seal: Record<string, unknown> } };
    expect(certificate.document.payload).toMatchObject({ data: { holderName: "李雪梅", members: "张子涵" } });
    const verify = (await get(null, `/certificates/verify?id=${encodeURIComponent(certificate.identifier)}`)).json();
    expect(verify).toMatchObject({ valid: true, reason: "VALID", certificate: { holder: "李*梅", typeName: "居民户口簿" } });
    const tampered = { ...certificate.document, payload: { ...certificate.document.payload, data: { ...(certificate.document.payload.data as object), members: "张子涵、王某" } } };
    expect((await t.app.inject({ method: "POST", url: "/api/v1/certificates/verify", payload: tampered })).json()).toMatchObject({ valid: false, reason: "SIGNATURE_INVALID" });

    // The next item uses the new certificate as evidence.
    const next = (await prefill(mother, insuranceItem)).json();
    const insured = await post(mother, "/applications", { itemId: insuranceItem, formData: { ...formFrom(next.fields), insuredType: "newborn", childName: "张子涵" }, prefillId: next.prefillId });
    expect(insured.statusCode).toBe(201);
    const evidence = await t.database.db
      .selectFrom("application_evidence as e")
      .innerJoin("certificates as c", "c.id", "e.certificate_id")
      .select(["e.material_key", "c.identifier"])
      .where("e.application_id", "=", insured.json().id)
      .execute();
    expect(evidence.find((e) => e.material_key === "household_register")?.identifier).toBe(certificate.identifier);

    // The citizen's data-use page lists every read, with organisation, registries, elements and application.
    const uses = (await get(mother, "/me/data-access?limit=100")).json().items as Array<{ action: string; orgName: string; source: string; elements: string[]; purpose: string; applicationNumber: string | null }>;
    const forApplication = uses.filter((e) => e.applicationNumber === number && e.action === "共享调取");
    expect(forApplication.length).toBeGreaterThan(0);
    expect(forApplication[0]).toMatchObject({ action: "共享调取", orgName: "上海市公安局黄浦分局", purpose: `办理申请 ${number}：出生登记（新生儿落户）` });
    expect(forApplication.flatMap((e) => e.elements)).toEqual(expect.arrayContaining(["居民户口簿（电子证照）", "结婚证（电子证照）", "居民身份证（电子证照）"]));
    const prefills = uses.filter((e) => e.purpose === "预填申请表：出生登记（新生儿落户）" && e.action === "共享调取");
    expect(prefills.length).toBeGreaterThanOrEqual(1);
    expect(prefills[0]!.source).toContain("人口库");
    expect(prefills[0]!.elements).toEqual(expect.arrayContaining(["姓名", "身份证号码"]));
    // Nobody else sees her log.
    expect((await get(await login(t.app, "review.psb.huangpu"), "/me/data-access")).statusCode).toBe(403);
  });
});

describe("at a window", () => {
  it("the clerk passes on the applicant's consent and the evidence is shared; without it nothing is read", async () => {
    const clerk = await login(t.app, "window.huangpu");
    const formData = { childName: "张子涵", childGender: "M", childBirthDate: "2026-10-08", name: "李雪梅", idNumber: "310101198706205042", mobile: "13800000002", householdAddress: "上海市黄浦区福州路100号" };
    const submit = (dataConsent: boolean) => post(clerk, "/window/applications", { itemId: birthItem, idNumber: "310101198706205042", formData, dataConsent });
    const waived = async (id: string) => (await t.database.db.selectFrom("applications").select("waived_materials").where("id", "=", id).executeTakeFirstOrThrow()).waived_materials;
    const without = await submit(false);
    expect(without.statusCode, without.body).toBe(201);
    expect(await waived(without.json().id)).toBe(0);
    const withConsent = await submit(true);
    expect(await waived(withConsent.json().id)).toBe(4);
  });
});

describe("data-element dictionary (数据元)", () => {
  const element = { name: "鞋码", nameEn: "Shoe size", valueType: "number", format: "中国鞋码，毫米", codeList: null, description: "测试用数据元", sensitivity: "personal", authoritative: false };

  it("anyone reads it; city data administrators add and change elements, audited, with concurrent edits detected", async () => {
    const list = (await get(null, "/data-elements")).json().items;
    expect(list.find((e: { code: string }) => e.code === "person.idNumber")).toMatchObject({ name: "身份证号码", sensitivity: "sensitive", authoritative: true });
    const admin = await login(t.app, "data.admin");
    expect((await post(await login(t.app, "review.amr"), "/admin/data-elements", { code: "person.shoeSize", element })).statusCode).toBe(403);
    expect((await post(await login(t.app, "admin.huangpu"), "/admin/data-elements", { code: "person.shoeSize", element })).statusCode).toBe(403);
    expect((await post(admin, "/admin/data-elements", { code: "Person.shoe-size", element })).statusCode).toBe(400);
    expect((await post(admin, "/admin/data-elements", { code: "person.shoeSize", element: { ...element, valueType: "code", format: null } })).statusCode).toBe(400);
    const created = await post(admin, "/admin/data-elements", { code: "person.shoeSize", element });
    expect(created.statusCode).toBe(201);
    expect((await post(admin, "/admin/data-elements", { code: "person.shoeSize", element })).json().error.code).toBe("DATA_ELEMENT_EXISTS");
    const put = (lockVersion: number, name: string) => t.app.inject({ method: "PUT", url: "/api/v1/admin/data-elements/person.shoeSize", headers: admin.headers, payload: { lockVersion, element: { ...element, name } } });
    const outsider = await t.app.inject({ method: "PUT", url: "/api/v1/admin/data-elements/person.shoeSize", headers: (await login(t.app, "review.amr")).headers, payload: { lockVersion: 0, element } });
    expect(outsider.statusCode).toBe(403);
    expect((await put(0, "鞋号")).statusCode).toBe(200);
    expect((await put(0, "尺码")).json().error.code).toBe("DATA_ELEMENT_CHANGED");
    expect((await get(null, "/data-elements/person.shoeSize")).json()).toMatchObject({ name: "鞋号", lockVersion: 1, updatedBy: "钱思远" });
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "data_element.%").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["data_element.create", "data_element.update"]);
  });
});

describe("sharing rules (共享目录)", () => {
  it("data administrators add rules for known elements only; others may not", async () => {
    const admin = await login(t.app, "data.admin");
    const org = await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-CA").executeTakeFirstOrThrow();
    const rule = { orgId: org.id, itemCode: "QR00001001", subject: "applicant", elements: ["person.name", "cert:marriage_certificate"], note: "测试" };
    expect((await post(await login(t.app, "review.amr"), "/admin/sharing-rules", rule)).statusCode).toBe(403);
    expect((await post(mother, "/admin/sharing-rules", rule)).statusCode).toBe(403);
    expect((await post(admin, "/admin/sharing-rules", { ...rule, elements: ["person.favouriteColour"] })).json()).toMatchObject({ error: { code: "DATA_ELEMENT_UNKNOWN", details: { unknown: ["person.favouriteColour"] } } });
    expect((await post(admin, "/admin/sharing-rules", { ...rule, itemCode: "QR99999999" })).json().error.code).toBe("BASIC_CODE_UNKNOWN");
    const created = await post(admin, "/admin/sharing-rules", rule);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ orgName: "黄浦区民政局", itemName: "出生登记（新生儿落户）", elements: [{ code: "person.name", name: "姓名" }, { code: "cert:marriage_certificate", name: "结婚证" }] });
    expect((await post(admin, "/admin/sharing-rules", rule)).json().error.code).toBe("SHARING_RULE_EXISTS");
    // A district data administrator's scope is their district (none is seeded: a district system administrator is refused).
    expect((await get(await login(t.app, "supervisor"), "/admin/sharing-rules")).statusCode).toBe(403);
  });
});
