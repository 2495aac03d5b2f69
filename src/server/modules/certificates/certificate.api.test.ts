import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCertificateId } from "../../../shared/validation/certificate-id";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { approvedFoodLicence, withMaterials } from "../../testing/factories";
import { buildApp } from "../../app";
import { maskName } from "./certificate.service";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT } from "../../actor";

let t: TestApp;
let citizen: LoggedIn;
let identifier: string;
let certificateId: string;
const form = FOOD_LICENCE_FORM;

beforeAll(async () => {
  t = await startTestApp();
  citizen = await login(t.app, "13800000001");
  ({ identifier, certificateId } = await approvedFoodLicence(t));
});
afterAll(() => t.close());

const verify = async (id: string) => (await t.app.inject({ method: "GET", url: `/api/v1/certificates/verify?id=${encodeURIComponent(id)}` })).json();

describe("e-certificates", () => {
  it("approval issues a signed food business licence with a valid GB/T 36904 identifier, in the application's timeline", async () => {
    expect(validateCertificateId(identifier).ok).toBe(true);
    const row = await t.database.db.selectFrom("certificates").selectAll().where("id", "=", certificateId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type_code: "food_business_licence", holder_kind: "enterprise", holder_name: "上海明远科技有限公司", status: "valid", algorithm: "Ed25519" });
    expect(row.holder_enterprise_id).not.toBeNull();
    expect(row.payload).toMatchObject({ data: { operatorName: "上海明远科技有限公司", creditCode: "91310101MA00000078", premises: "上海市黄浦区四川中路213号", mainBusiness: "catering" } });
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${row.application_id}`, headers: citizen.headers })).json();
    expect(detail.timeline.at(-1)).toMatchObject({ action: "certificate_issued", actionName: "颁发电子证照" });
  });

  it("anyone verifies it without logging in and sees the holder masked, no data fields", async () => {
    const v = await verify(identifier);
    expect(v).toMatchObject({ valid: true, reason: "VALID", message: "证照真实有效", certificate: { identifier, typeName: "食品经营许可证", issuerName: "黄浦区市场监督管理局", holder: maskName("上海明远科技有限公司") } });
    expect(v.certificate.holder).not.toContain("明远科技");
    expect(JSON.stringify(v)).not.toContain("91310101MA00000078");
    expect((await verify("1.2.156.3005.2.NOT.A.REAL.001.X")).reason).toBe("NOT_FOUND");
  });

  it("a downloaded copy verifies; a changed copy, a changed signature or a changed record fails with the reason", async () => {
    const acting = await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: citizen.headers, payload: { enterpriseId: (await t.database.db.selectFrom("enterprises").select("id").where("credit_code", "=", "91310101MA00000078").executeTakeFirstOrThrow()).id } });
    expect(acting.statusCode).toBe(200);
    const wallet = (await t.app.inject({ method: "GET", url: "/api/v1/me/certificates", headers: citizen.headers })).json().items;
    expect(wallet).toEqual(expect.arrayContaining([expect.objectContaining({ identifier, typeName: "食品经营许可证", status: "valid" }), expect.objectContaining({ typeName: "营业执照", status: "valid" })]));
    const doc = wallet.find((c: { identifier: string }) => c.identifier === identifier).document;
    const check = async (body: object) => (await t.app.inject({ method: "POST", url: "/api/v1/certificates/verify", payload: body })).json();
    expect((await check(doc)).reason).toBe("VALID");
    expect((await check({ ...doc, payload: { ...doc.payload, data: { ...doc.payload.data, premises: "上海市浦东新区世纪大道1号" } } })).reason).toBe("SIGNATURE_INVALID");
    const sig = Buffer.from(doc.seal.signature, "base64");
    sig[10] = sig[10]! ^ 0xff;
    expect((await check({ ...doc, seal: { ...doc.seal, signature: sig.toString("base64") } })).reason).toBe("SIGNATURE_INVALID");

    await t.database.db.updateTable("certificates").set({ payload: JSON.stringify({ ...doc.payload, validTo: "2099-12-31" }) }).where("id", "=", certificateId).execute();
    expect((await verify(identifier)).reason).toBe("SIGNATURE_INVALID");
    expect((await check(doc)).reason).toBe("MISMATCH");
    await t.database.db.updateTable("certificates").set({ payload: JSON.stringify(doc.payload) }).where("id", "=", certificateId).execute();
    expect((await verify(identifier)).reason).toBe("VALID");
  });

  it("only the issuer suspends, reinstates or revokes, with a reason; revocation is final and audited", async () => {
    // A licence of its own: the other tests keep theirs valid.
    const own = await approvedFoodLicence(t);
    const url = `/api/v1/certificates/${own.certificateId}/status`;
    const pudong = await login(t.app, "review.amr.pudong");
    expect((await t.app.inject({ method: "POST", url, headers: pudong.headers, payload: { status: "revoked", reason: "测试" } })).statusCode).toBe(403);
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await t.app.inject({ method: "POST", url, headers: reviewer.headers, payload: { status: "revoked", reason: "测试" } })).statusCode).toBe(403);
    const approver = await login(t.app, "approve.amr.huangpu");
    expect((await t.app.inject({ method: "POST", url, headers: approver.headers, payload: { status: "suspended", reason: "" } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "POST", url, headers: approver.headers, payload: { status: "suspended", reason: "经营场所核查中" } })).statusCode).toBe(200);
    expect(await verify(own.identifier)).toMatchObject({ valid: false, reason: "SUSPENDED", message: "证照已被发证机关暂停使用（经营场所核查中）" });
    expect((await t.app.inject({ method: "POST", url, headers: approver.headers, payload: { status: "revoked", reason: "申请人主动注销" } })).statusCode).toBe(200);
    expect((await verify(own.identifier)).reason).toBe("REVOKED");
    expect((await t.app.inject({ method: "POST", url, headers: approver.headers, payload: { status: "valid", reason: "恢复" } })).json().error.code).toBe("CERTIFICATE_STATUS_INVALID");
    const audit = await t.database.db.selectFrom("audit_log").select("action").where("action", "like", "certificate.%").where("target_id", "=", own.certificateId).orderBy("occurred_at").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["certificate.issue", "certificate.suspend", "certificate.revoke"]);
  });

  it("a licence already held is shared instead of uploaded (免提交) when the applicant agrees, recorded with its purpose", async () => {
    const enterprise = await t.database.db.selectFrom("enterprises").selectAll().where("credit_code", "=", "91310101MA00000078").executeTakeFirstOrThrow();
    // The demo enterprise holds its business licence (seeded, sealed by 黄浦区市场监督管理局); the
    // citizen acts for the enterprise and uploads nothing.
    expect((await t.app.inject({ method: "POST", url: "/api/v1/me/acting-for", headers: citizen.headers, payload: { enterpriseId: enterprise.id } })).statusCode).toBe(200);
    expect(await t.database.db.selectFrom("certificates").select("id").where("holder_enterprise_id", "=", enterprise.id).where("type_code", "=", "business_licence").execute()).toHaveLength(1);
    const pudongItem = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310115-AMR").executeTakeFirstOrThrow()).id;
    const reviewer = await login(t.app, "review.amr.pudong");
    const detailOf = async (id: string) => (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: reviewer.headers })).json();

    // Without consent nothing is read and nothing waived: the licence has to be uploaded.
    const declined = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId: pudongItem, formData: form }) });
    expect(declined.statusCode).toBe(201);
    expect(await detailOf(declined.json().id)).toMatchObject({ waivedMaterials: 0, evidence: [], dataConsentAt: null });

    const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId: pudongItem, formData: form, dataConsent: true }) });
    expect(res.statusCode).toBe(201);
    const detail = await detailOf(res.json().id);
    expect(detail.waivedMaterials).toBe(1);
    expect(detail.evidence).toEqual([expect.objectContaining({ materialKey: "business_licence", materialName: "营业执照", source: "电子证照库", typeName: "营业执照", issuerName: "黄浦区市场监督管理局" })]);
    const share = await t.database.db.selectFrom("audit_log").select(["purpose", "details", "org_id"]).where("action", "=", "data.share").orderBy("occurred_at", "desc").executeTakeFirstOrThrow();
    expect(share.purpose).toBe(`办理申请 ${res.json().number}：食品经营许可`);
    expect(share.details).toMatchObject({ applicationNumber: res.json().number, sources: [expect.objectContaining({ registry: "certificates", elements: ["cert:business_licence"] })] });
  });

  it("administrators above an issuer list and rotate its seal keys over the API; certificates stay verifiable", async () => {
    const amr = (await t.database.db.selectFrom("orgs").select("id").where("code", "=", "310101-AMR").executeTakeFirstOrThrow()).id;
    const url = `/api/v1/admin/orgs/${amr}/seal-keys`;
    const huangpuAdmin = await login(t.app, "admin.huangpu");
    expect((await t.app.inject({ method: "GET", url, headers: huangpuAdmin.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url, headers: (await login(t.app, "approve.amr.huangpu")).headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url, headers: citizen.headers })).statusCode).toBe(403);
    const admin = await login(t.app, "admin");
    const before = (await t.app.inject({ method: "GET", url, headers: admin.headers })).json().items;
    expect(before.filter((k: { status: string }) => k.status === "active")).toHaveLength(1);
    const rotated = await t.app.inject({ method: "POST", url: `${url}/rotate`, headers: admin.headers });
    expect(rotated.statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url, headers: admin.headers })).json().items;
    expect(after[0]).toMatchObject({ keyId: rotated.json().keyId, status: "active" });
    expect(after.filter((k: { status: string }) => k.status === "retired").length).toBe(before.length);
    // The seeded business licence was sealed with the retired key and still verifies.
    const licence = await t.database.db.selectFrom("certificates").select("identifier").where("type_code", "=", "business_licence").where("issuer_org_id", "=", amr).executeTakeFirstOrThrow();
    expect((await verify(licence.identifier)).reason).toBe("VALID");
  });

  it("a process that has not seen the item yet approves and issues as well (nothing read outside the transaction)", async () => {
    const second = await buildApp({ config: t.config, database: t.database, cipher: t.cipher, logger: false, senders: t.senders });
    await second.app.ready();
    try {
      const other = await login(t.app, "13800000006");
      const itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
      const id = (await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: other.headers, payload: await withMaterials(t, other, { itemId, formData: { ...form, contactMobile: "13800000006" } }) })).json().id;
      const act = async (app: typeof t.app, who: LoggedIn, action: string) => {
        const lockVersion = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${id}`, headers: who.headers })).json().lockVersion;
        return app.inject({ method: "POST", url: `/api/v1/applications/${id}/actions`, headers: who.headers, payload: { action, lockVersion } });
      };
      const reviewer = await login(t.app, "review.amr.huangpu");
      await act(t.app, reviewer, "accept");
      await act(t.app, reviewer, "pass_review");
      const approved = await act(second.app, await login(t.app, "approve.amr.huangpu"), "approve");
      expect(approved.json()).toMatchObject({ state: "approved" });
      expect(await t.database.db.selectFrom("certificates").select("id").where("application_id", "=", id).execute()).toHaveLength(1);
    } finally {
      await second.app.close();
    }
  });

  it("masks names the Chinese way", () => {
    expect(maskName("张伟明")).toBe("张*明");
    expect(maskName("李雪")).toBe("李*");
    expect(maskName("欧阳建国")).toBe("欧**国");
  });
});

describe("revocation for another module (a 免申即享 grant taken back)", () => {
  it("revokes the application's certificates through their lifecycle in the caller's transaction: each audited, and verification answers at once despite its cache", async () => {
    const cached = await startTestApp({ verifyCacheMs: 60_000 });
    try {
      const issued = await approvedFoodLicence(cached);
      const row = { id: issued.certificateId, identifier: issued.identifier, application_id: issued.applicationId };
      const verify = async () => (await cached.app.inject({ method: "GET", url: `/api/v1/certificates/verify?id=${encodeURIComponent(row.identifier)}` })).json().reason;
      expect(await verify()).toBe("VALID"); // now cached for a minute
      const actor = { ...SYSTEM_ACTOR, name: "待遇撤销" };
      // A rolled-back revocation changes nothing.
      await expect(cached.services.store.transact(async (unit) => {
        await cached.services.certificates.revokeForApplication(unit, actor, row.application_id!, "撤销后回滚", SYSTEM_CONTEXT);
        throw new Error("roll back");
      })).rejects.toThrow("roll back");
      expect(await verify()).toBe("VALID");
      const revoked = await cached.services.store.transact((unit) => cached.services.certificates.revokeForApplication(unit, actor, row.application_id!, "待遇撤销", SYSTEM_CONTEXT));
      expect(revoked).toContain(row.identifier);
      cached.services.certificates.forgetVerified(revoked);
      expect(await verify()).toBe("REVOKED");
      const audit = await cached.database.db.selectFrom("audit_log").select(["action", "details"]).where("target_id", "=", row.id).execute();
      expect(audit.filter((a) => a.action === "certificate.revoke").map((a) => (a.details as { reason: string }).reason)).toEqual(["待遇撤销"]);
      // Revoking again finds nothing left to revoke.
      expect(await cached.services.store.transact((unit) => cached.services.certificates.revokeForApplication(unit, actor, row.application_id!, "再次撤销", SYSTEM_CONTEXT))).toEqual([]);
    } finally {
      await cached.close();
    }
  });
});
