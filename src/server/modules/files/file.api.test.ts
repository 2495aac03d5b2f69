import { readdirSync } from "node:fs";
import { withMaterials } from "../../testing/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { FOOD_LICENCE_FORM } from "../../testing/fixtures";
import { samplePdf, samplePng, sampleExe } from "../../testing/sample-files";

let t: TestApp;
let citizen: LoggedIn;
let itemId: string;

const form = FOOD_LICENCE_FORM;

beforeAll(async () => {
  t = await startTestApp({ uploadMaxBytes: 64 * 1024 });
  citizen = await login(t.app, "13800000001");
  itemId = (await t.database.db.selectFrom("catalogue_items").select("id").where("impl_code", "=", "XK00002001-3-310101-AMR").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const upload = (who: LoggedIn | null, body: Buffer, type: string, name = "layout.png") =>
  t.app.inject({ method: "POST", url: "/api/v1/files", headers: { ...(who?.headers ?? {}), "content-type": type, "x-file-name": encodeURIComponent(name) }, payload: body });
const storedFiles = () => (t.config.storage.kind === "local" ? readdirSync(t.config.storage.dir, { recursive: true }).filter((f) => String(f).includes(".")).length : 0);

describe("materials upload", () => {
  it("accepts a real PNG and PDF, keeping the name, type, size and hash", async () => {
    const png = await upload(citizen, samplePng(), "image/png", "平面布局图.png");
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ fileName: "平面布局图.png", mime: "image/png", size: samplePng().length });
    const pdf = await upload(citizen, samplePdf(), "application/pdf", "制度目录.pdf");
    expect(pdf.statusCode).toBe(201);
    const row = await t.database.db.selectFrom("files").selectAll().where("id", "=", pdf.json().id).executeTakeFirstOrThrow();
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.application_id).toBeNull();
  });

  it("refuses disguised, unsupported, empty and oversized files and stores nothing", async () => {
    const before = storedFiles();
    const rows = async () => (await t.database.db.selectFrom("files").select("id").execute()).length;
    const count = await rows();
    const disguised = await upload(citizen, sampleExe(), "application/pdf", "证明.pdf");
    expect([disguised.statusCode, disguised.json().error.code]).toEqual([415, "FILE_TYPE_MISMATCH"]);
    const renamedPng = await upload(citizen, samplePng(), "application/pdf", "x.pdf");
    expect(renamedPng.json().error).toMatchObject({ code: "FILE_TYPE_MISMATCH", details: { declared: "application/pdf", detected: "image/png" } });
    const exe = await upload(citizen, sampleExe(), "application/x-msdownload", "setup.exe");
    expect([exe.statusCode, exe.json().error.code]).toEqual([415, "FILE_TYPE_NOT_ALLOWED"]);
    const empty = await upload(citizen, Buffer.alloc(0), "image/png");
    expect(empty.statusCode).toBe(400);
    const big = await upload(citizen, Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 0x20)]), "application/pdf");
    expect([big.statusCode, big.json().error.code]).toEqual([413, "FILE_TOO_LARGE"]);
    expect(await rows()).toBe(count);
    expect(storedFiles()).toBe(before);
  });

  it("needs a login, and staff other than window clerks may not upload", async () => {
    expect((await upload(null, samplePng(), "image/png")).statusCode).toBe(401);
    const reviewer = await login(t.app, "review.amr.huangpu");
    expect((await upload(reviewer, samplePng(), "image/png")).statusCode).toBe(403);
  });
});

describe("materials on an application", () => {
  /** A layout plan uploaded by 张伟明 and attached to a new application of his: each test has its own. */
  const attached = async () => {
    const fileId = (await upload(citizen, samplePng(), "image/png", "平面布局图.png")).json().id as string;
    // The other materials everyone hands in go with it (a submission lacking one is refused).
    const res = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: await withMaterials(t, citizen, { itemId, formData: form, materials: [{ materialKey: "layout", fileId }] }) });
    expect(res.statusCode).toBe(201);
    return { fileId, appId: res.json().id as string };
  };

  it("attaches uploads to the application; the reviewer previews them and the read is audited", async () => {
    const { fileId, appId } = await attached();
    const reviewer = await login(t.app, "review.amr.huangpu");
    const detail = (await t.app.inject({ method: "GET", url: `/api/v1/applications/${appId}`, headers: reviewer.headers })).json();
    expect(detail.materials.find((m: { materialKey: string }) => m.materialKey === "layout")).toEqual(expect.objectContaining({ fileId, materialKey: "layout", materialName: "经营场所平面布局图及设备布局、工艺流程说明", mime: "image/png" }));
    const view = await t.app.inject({ method: "GET", url: `/api/v1/files/${fileId}`, headers: reviewer.headers });
    expect(view.statusCode).toBe(200);
    expect(view.headers["content-type"]).toBe("image/png");
    expect(view.rawPayload.equals(samplePng())).toBe(true);
    const audit = await t.database.db.selectFrom("audit_log").select(["action", "purpose", "subject_person_id"]).where("action", "=", "application.material.read").where("target_id", "=", fileId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.purpose).toBe("审查申请材料");
    expect(audit[0]!.subject_person_id).not.toBeNull();
  });

  it("does not let anyone else read the file, even knowing its id", async () => {
    const { fileId } = await attached();
    const other = await login(t.app, "13800000007");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/files/${fileId}`, headers: other.headers })).statusCode).toBe(404);
    const pudong = await login(t.app, "review.amr.pudong");
    expect((await t.app.inject({ method: "GET", url: `/api/v1/files/${fileId}`, headers: pudong.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/v1/files/${fileId}` })).statusCode).toBe(401);
  });

  it("refuses a file used already, someone else's file, or an unknown material, creating no application", async () => {
    const count = async () => (await t.database.db.selectFrom("applications").select("id").execute()).length;
    const { fileId } = await attached();
    const before = await count();
    const reused = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: { itemId, formData: form, materials: [{ materialKey: "layout", fileId }] } });
    expect(reused.json().error.code).toBe("MATERIAL_INVALID");
    const other = await login(t.app, "13800000007");
    const theirs = (await upload(other, samplePdf(), "application/pdf")).json().id;
    const stolen = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: { itemId, formData: form, materials: [{ materialKey: "layout", fileId: theirs }] } });
    expect(stolen.json().error.code).toBe("MATERIAL_INVALID");
    const mine = (await upload(citizen, samplePdf(), "application/pdf")).json().id;
    const unknown = await t.app.inject({ method: "POST", url: "/api/v1/applications", headers: citizen.headers, payload: { itemId, formData: form, materials: [{ materialKey: "no_such", fileId: mine }] } });
    expect(unknown.json().error.code).toBe("MATERIAL_INVALID");
    expect(await count()).toBe(before);
    const row = await t.database.db.selectFrom("files").select("application_id").where("id", "=", mine).executeTakeFirstOrThrow();
    expect(row.application_id).toBeNull();
  });

  it("detects a stored file changed behind the platform's back", async () => {
    const { fileId } = await attached();
    await t.database.db.updateTable("files").set({ sha256: "0".repeat(64) }).where("id", "=", fileId).execute();
    const res = await t.app.inject({ method: "GET", url: `/api/v1/files/${fileId}`, headers: citizen.headers });
    expect([res.statusCode, res.json().error.code]).toEqual([500, "FILE_CORRUPTED"]);
  });
});

describe("abandoned uploads", () => {
  it("removes uploads no application or draft uses after 30 days, bytes included, and keeps the rest", async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const abandoned = (await upload(citizen, samplePng(), "image/png", "废弃.png")).json().id;
    const inDraft = (await upload(citizen, samplePdf(), "application/pdf", "草稿中.pdf")).json().id;
    const recent = (await upload(citizen, samplePng(), "image/png", "刚上传.png")).json().id;
    await t.app.inject({ method: "PUT", url: `/api/v1/drafts/${itemId}`, headers: citizen.headers, payload: { formData: {}, materials: [{ materialKey: "layout", fileId: inDraft }], lockVersion: null } });
    await t.database.db.updateTable("files").set({ created_at: old }).where("id", "in", [abandoned, inDraft]).execute();
    await t.database.db.updateTable("files").set({ created_at: old }).where("application_id", "is not", null).execute();
    const attached = await t.database.db.selectFrom("files").select("id").where("application_id", "is not", null).execute();
    const before = storedFiles();
    expect(await t.services.files.removeUnattached(30)).toBe(1);
    const left = (await t.database.db.selectFrom("files").select("id").execute()).map((r) => r.id);
    expect(left).not.toContain(abandoned);
    expect(left).toEqual(expect.arrayContaining([inDraft, recent, ...attached.map((a) => a.id)]));
    expect(storedFiles()).toBe(before - 1);
    expect(await t.database.db.selectFrom("audit_log").select("details").where("action", "=", "file.cleanup").executeTakeFirstOrThrow()).toMatchObject({ details: { removed: 1 } });
  });
});

describe("hostile uploads", () => {
  it("cleans a right-to-left override from the name, refuses active PDFs and polyglots, and serves as an attachment unless previewed", async () => {
    const named = await upload(citizen, samplePng(), "image/png", "\u202egnp.exe");
    expect(named.statusCode).toBe(201);
    expect(named.json().fileName).toBe("gnp.exe.png");
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.addJavaScript("main", "app.launchURL('http://example.invalid')");
    const scripted = await upload(citizen, Buffer.from(await doc.save()), "application/pdf", "申请书.pdf");
    expect(scripted.statusCode).toBe(415);
    expect(scripted.json().error.code).toBe("FILE_ACTIVE_CONTENT");
    const polyglot = await upload(citizen, Buffer.concat([samplePng(), Buffer.from("<html><script>alert(1)</script>", "latin1")]), "image/png", "照片.png");
    expect(polyglot.json().error.code).toBe("FILE_POLYGLOT");

    const plain = await t.app.inject({ method: "GET", url: `/api/v1/files/${named.json().id}`, headers: citizen.headers });
    expect(plain.headers["content-disposition"]).toMatch(/^attachment; filename\*=UTF-8''/);
    const preview = await t.app.inject({ method: "GET", url: `/api/v1/files/${named.json().id}?preview=1`, headers: citizen.headers });
    expect(preview.headers["content-disposition"]).toMatch(/^inline/);
    expect(preview.headers["x-content-type-options"]).toBe("nosniff");
  });
});
