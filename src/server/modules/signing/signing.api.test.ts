import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withMaterials } from "../../testing/factories";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

/** 张伟明 founds a company with 李雪梅 as the second shareholder; each test names its own company. */
let t: TestApp;
let companyItem: string;
let founder: LoggedIn;
let partner: LoggedIn;

beforeAll(async () => {
  t = await startTestApp();
  companyItem = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "like", "XK00001001-%-310101%").where("published_version_id", "is not", null).executeTakeFirstOrThrow()).id;
  founder = await login(t.app, "13800000001"); // 张伟明
  partner = await login(t.app, "13800000002"); // 李雪梅
});
afterAll(() => t.close());

const post = (who: LoggedIn | null, url: string, payload?: unknown) => t.app.inject({ method: "POST", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
const get = (who: LoggedIn | null, url: string) => t.app.inject({ method: "GET", url: `/api/v1${url}`, ...(who ? { headers: who.headers } : {}) });

const form = (name: string, second = { investorName: "李雪梅", investorId: "310101198706205042" }) => ({
  enterpriseName: name,
  enterpriseType: "llc",
  capital: 100,
  scope: "文化艺术交流活动策划",
  division: "310101",
  address: "淮海中路200号3楼",
  legalRep: "张伟明",
  legalRepId: "310101198503125034",
  investors: [
    { investorName: "张伟明", investorId: "310101198503125034", amount: 60 },
    { ...second, amount: 40 },
  ],
  contactMobile: "13800000001",
});
const start = async (name: string, second?: { investorName: string; investorId: string }) => post(founder, "/signing-requests", { kind: "item", application: await withMaterials(t, founder, { itemId: companyItem, formData: form(name, second) }) });
const messagesOf = async (who: LoggedIn) => {
  while ((await t.services.notifications.dispatchOutbox(500)) > 0);
  return (await get(who, "/messages?limit=50")).json().items as Array<{ kind: string; title: string; body: string; link: string }>;
};

describe("多方在线签署 (every shareholder signs online)", () => {
  it("a submission naming another shareholder is refused until they sign; unknown or misnamed people are named", async () => {
    const before = (await t.database.db.selectFrom("applications").select("id").execute()).length;
    const requestsBefore = (await t.database.db.selectFrom("signing_requests").select("id").execute()).length;
    const direct = await post(founder, "/applications", { itemId: companyItem, formData: form("上海直接提交示范有限公司") });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error).toMatchObject({ code: "SIGNATURES_REQUIRED", details: { signers: [{ name: "李雪梅", roles: ["股东"] }] } });
    expect((await t.database.db.selectFrom("applications").select("id").execute()).length).toBe(before);

    const unknown = await start("上海无账户示范有限公司", { investorName: "王芳", investorId: "110101199003070038" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: "SIGNER_NOT_REGISTERED", details: { names: ["王芳（110101********0038）"] } });
    const misnamed = await start("上海名不符示范有限公司", { investorName: "李雪", investorId: "310101198706205042" });
    expect(misnamed.json().error.code).toBe("SIGNER_NAME_MISMATCH");
    // A sole founder needs no one else.
    const alone = await post(founder, "/signing-requests", { kind: "item", application: await withMaterials(t, founder, { itemId: companyItem, formData: { ...form("上海独资示范有限公司"), investors: [{ investorName: "张伟明", investorId: "310101198503125034", amount: 100 }] } }) });
    expect(alone.json().error.code).toBe("NO_SIGNATURES_NEEDED");
    expect(await t.database.db.selectFrom("signing_requests").select("id").execute()).toHaveLength(requestsBefore);
    // Only citizens start one; a bad form is refused before anyone is asked.
    expect((await post(await login(t.app, "review.amr.huangpu"), "/signing-requests", { kind: "item", application: { itemId: companyItem, formData: form("x") } })).statusCode).toBe(403);
    expect((await post(founder, "/signing-requests", { kind: "item", application: { itemId: companyItem, formData: { ...form("上海缺项示范有限公司"), capital: undefined } } })).json().error.code).toBe("FORM_DATA_INVALID");
    // Nor is anyone asked to sign a submission that lacks a material: it is named first.
    const lacking = await post(founder, "/signing-requests", { kind: "item", application: { itemId: companyItem, formData: form("上海缺材料示范有限公司") } });
    expect(lacking.statusCode).toBe(422);
    expect(lacking.json().error.code).toBe("MATERIALS_MISSING");
    expect(lacking.json().error.details.materials.length).toBeGreaterThan(0);
    expect(await t.database.db.selectFrom("signing_requests").select("id").execute()).toHaveLength(requestsBefore);
  });

  it("the second shareholder is told, reads the documents, is reminded, signs — and then it is submitted with exactly what was signed", async () => {
    const res = await start("上海双股东签署示范有限公司");
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ status: "collecting", statusName: "待签署", isApplicant: true, mine: null });
    expect(request.signers.map((s: { name: string; roles: string[]; status: string }) => [s.name, s.roles, s.status])).toEqual([
      ["张伟明", ["applicant"], "signed"],
      ["李雪梅", ["shareholder"], "pending"],
    ]);
    expect(request.documents.map((d: { key: string }) => d.key)).toEqual(["item.application_form", "item.articles", "item.officer_appointment"]);
    const told = (await messagesOf(partner)).filter((m) => m.kind === "signing" && m.link === `/me/signing/${request.id}`);
    expect(told).toEqual([expect.objectContaining({ title: "请在线签署“企业设立登记：上海双股东签署示范有限公司”", link: `/me/signing/${request.id}` })]);

    // She sees it, and the documents are the ones listed; no one else does.
    const seen = (await get(partner, `/signing-requests/${request.id}`)).json();
    expect(seen).toMatchObject({ isApplicant: false, mine: { status: "pending" } });
    const articles = await get(partner, `/signing-requests/${request.id}/documents/item.articles`);
    expect(articles.headers["content-type"]).toBe("application/pdf");
    expect(createHash("sha256").update(articles.rawPayload).digest("hex")).toBe(seen.documents[1].sha256);
    expect((await get(await login(t.app, "13800000008"), `/signing-requests/${request.id}`)).statusCode).toBe(404);
    expect((await get(await login(t.app, "13800000008"), `/signing-requests/${request.id}/documents/item.articles`)).statusCode).toBe(404);
    expect((await get(null, `/signing-requests/${request.id}`)).statusCode).toBe(401);
    // Nor can anyone but the people named sign or refuse it.
    const stranger = await login(t.app, "13800000008");
    expect((await post(stranger, `/signing-requests/${request.id}/sign`, { documents: seen.documents.map((d: { sha256: string }) => d.sha256) })).json().error.code).toBe("SIGNING_NOT_FOUND");
    expect((await post(stranger, `/signing-requests/${request.id}/refuse`, { reason: "与我无关" })).json().error.code).toBe("SIGNING_NOT_FOUND");

    // The founder reminds her; not again at once.
    expect((await post(founder, `/signing-requests/${request.id}/remind`)).statusCode).toBe(200);
    expect((await post(founder, `/signing-requests/${request.id}/remind`)).json().error.code).toBe("SIGNING_REMIND_TOO_SOON");
    expect((await post(partner, `/signing-requests/${request.id}/remind`)).statusCode).toBe(404);
    expect((await messagesOf(partner)).filter((m) => m.title.startsWith("提醒：请在线签署") && m.link === `/me/signing/${request.id}`)).toHaveLength(1);

    // Signing confirms the documents by their hashes: a stale set is refused.
    const hashes = seen.documents.map((d: { sha256: string }) => d.sha256);
    expect((await post(partner, `/signing-requests/${request.id}/sign`, { documents: [hashes[0]] })).json().error.code).toBe("SIGNING_DOCUMENTS_CHANGED");
    expect((await post(founder, `/signing-requests/${request.id}/sign`, { documents: hashes })).json().error.code).toBe("SIGNING_CLOSED");
    const signed = await post(partner, `/signing-requests/${request.id}/sign`, { documents: hashes });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: "submitted", mine: { status: "signed" }, result: { number: expect.stringMatching(/^310101-/) } });
    expect((await post(partner, `/signing-requests/${request.id}/sign`, { documents: hashes })).json().error.code).toBe("SIGNING_CLOSED");

    // The application went to the department with the documents sealed as signed, byte for byte.
    const appId = signed.json().result.id;
    expect(await t.services.generatedDocuments.renderOwed(appId)).toBe(hashes.length); // what the documents worker does after the commit
    const app = (await get(founder, `/applications/${appId}`)).json();
    expect(app.generated.map((g: { sha256: string }) => g.sha256)).toEqual(hashes);
    const signature = await t.database.db.selectFrom("signatures").selectAll().where("request_id", "=", request.id).where("name", "=", "李雪梅").executeTakeFirstOrThrow();
    expect(signature).toMatchObject({ status: "signed", documents: hashes, auth: expect.stringContaining("签署人本人实名账户登录会话") });
    const audit = await t.database.db.selectFrom("audit_log").select(["action"]).where("target_id", "=", request.id).orderBy("occurred_at").orderBy("seq").execute();
    expect(audit.map((a) => a.action)).toEqual(["signing.start", "signing.remind", "signing.sign", "signing.submit"]);
    expect((await messagesOf(founder)).find((m) => m.title === "各方已签署，申请已提交")).toMatchObject({ link: `/me/applications/${appId}` });
    const mine = (await get(partner, "/signing-requests")).json().items;
    expect(mine.find((r: { id: string }) => r.id === request.id)).toMatchObject({ isApplicant: false, myStatus: "signed", status: "submitted" });
  });

  it("one refusal stops it with the reason, and nothing reaches the department", async () => {
    const before = (await t.database.db.selectFrom("applications").select("id").execute()).length;
    const request = (await start("上海拒签示范有限公司")).json();
    expect((await post(partner, `/signing-requests/${request.id}/refuse`, { reason: "x" })).statusCode).toBe(400);
    const refused = await post(partner, `/signing-requests/${request.id}/refuse`, { reason: "出资比例尚未商定" });
    expect(refused.json()).toMatchObject({ status: "refused", reason: "李雪梅拒绝签署：出资比例尚未商定", mine: { status: "refused" } });
    expect((await post(partner, `/signing-requests/${request.id}/sign`, { documents: request.documents.map((d: { sha256: string }) => d.sha256) })).json().error.code).toBe("SIGNING_CLOSED");
    expect((await messagesOf(founder)).find((m) => m.title === "签署被拒绝，申请未提交" && m.link === `/me/signing/${request.id}`)?.body).toContain("理由：出资比例尚未商定");
    expect((await t.database.db.selectFrom("applications").select("id").execute()).length).toBe(before);
  });

  it("past its deadline it expires; the hourly round reminds once a day", async () => {
    const late = (await start("上海逾期签署示范有限公司")).json();
    const waiting = (await start("上海待提醒示范有限公司")).json();
    await t.database.db.updateTable("signing_requests").set({ deadline: new Date(Date.now() - 1000) }).where("id", "=", late.id).execute();
    await t.database.db.updateTable("signing_requests").set({ created_at: new Date(Date.now() - 25 * 3600_000) }).where("id", "=", waiting.id).execute();
    const round = await t.services.signing.sweep();
    expect(round).toMatchObject({ expired: 1, reminded: 1 });
    expect((await get(founder, `/signing-requests/${late.id}`)).json()).toMatchObject({ status: "expired", signers: [expect.anything(), expect.objectContaining({ status: "closed" })] });
    expect((await get(founder, `/signing-requests/${waiting.id}`)).json().remindedAt).not.toBeNull();
    const audited = await t.database.db.selectFrom("audit_log").select(["action", "target_id"]).where("target_id", "in", [late.id, waiting.id]).where("action", "in", ["signing.expire", "signing.remind"]).execute();
    expect(audited.map((a) => [a.action, a.target_id]).sort()).toEqual([["signing.expire", late.id], ["signing.remind", waiting.id]].sort());
    expect((await t.services.signing.sweep()).reminded).toBe(0);
  });
});
