import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCreditCode } from "../../../shared/validation/credit-code";
import { buildIdNumber } from "../../../shared/validation/id-number";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";
import { samplePng } from "../../testing/sample-files";
import { encryptPlainAddresses } from "../../runtime";
import { maskAddress } from "../../../shared/validation/address";

let t: TestApp;
let admin: LoggedIn;
const wife = buildIdNumber("310104", "1990-03-08", 442);
const husband = buildIdNumber("310104", "1988-11-30", 443);
const company = buildCreditCode("9", "1", "310104", "MA7YK3Q1");

beforeAll(async () => {
  t = await startTestApp();
  admin = await login(t.app, "data.admin");
});
afterAll(() => t.close());

const upload = (registry: string, body: Buffer | string, who: LoggedIn = admin, type = "text/csv", source = "310104-PSB") =>
  t.app.inject({ method: "POST", url: `/api/v1/admin/registries/${registry}/imports?source=${source}`, headers: { ...who.headers, "content-type": type, "x-file-name": encodeURIComponent("导入.csv") }, payload: body });
const count = async (table: "persons" | "enterprises" | "credit_records") => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);

const POPULATION_HEADER = "姓名,身份证号码,性别,出生日期,户籍地行政区划代码,居住地址,手机号码,婚姻状况,配偶身份证号码";

/** A married couple of 徐汇 (ID sequence numbers `seq` and `seq + 1`), the husband without a mobile. */
function couple(seq: number) {
  const w = buildIdNumber("310104", "1990-03-08", seq);
  const h = buildIdNumber("310104", "1988-11-30", seq + 1);
  return { wife: w, husband: h, csv: `\uFEFF${POPULATION_HEADER}\r\n周晓雯,${w},女,1990-03-08,310104,上海市徐汇区天山路8号,13900001111,已婚,${h}\r\n吴海涛,${h},男,1988-11-30,310104,上海市徐汇区天山路8号,,已婚,${w}\r\n` };
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A 徐汇 company with `repId` as its legal representative, as the market regulator's workbook has it. */
async function companyWorkbook(code: string, repId: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("法人库");
  ws.addRow(["统一社会信用代码", "名称", "类型", "法定代表人身份证号码", "行政区划代码", "成立日期", "所属行业", "注册资本（万元）", "住所"]);
  ws.addRow([code, "上海晓雯文化传播有限公司", "企业", repId, "310104", new Date(Date.UTC(2024, 4, 6)), "文化艺术业", 50, "上海市徐汇区天山路8号"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A company in the legal-person registry, its representative in the population registry first (each test its own). */
async function registeredCompany(seq: number, body: string) {
  const people = couple(seq);
  expect((await upload("population", people.csv)).statusCode).toBe(200);
  const code = buildCreditCode("9", "1", "310104", body);
  expect((await upload("legal_person", await companyWorkbook(code, people.wife), admin, XLSX, "310104-AMR")).statusCode).toBe(200);
  return code;
}

describe("addresses at rest", () => {
  it("start-up encrypts plain addresses left by an older version; staff see them masked", async () => {
    const p = await t.database.db.selectFrom("persons").select(["id", "address_enc"]).where("name", "=", "王建国").executeTakeFirstOrThrow();
    const plain = t.cipher.decrypt(p.address_enc!);
    await t.database.db.updateTable("persons").set({ address: plain, address_enc: null }).where("id", "=", p.id).execute();
    expect(await encryptPlainAddresses(t.database, t.cipher)).toBe(1);
    const after = await t.database.db.selectFrom("persons").select(["address", "address_enc"]).where("id", "=", p.id).executeTakeFirstOrThrow();
    expect(after.address).toBeNull();
    expect(t.cipher.decrypt(after.address_enc!)).toBe(plain);
    expect(maskAddress("上海市黄浦区福州路100号3楼")).toBe("上海市黄浦区福州路****");
    expect(maskAddress("上海市浦东新区世纪大道1号")).toBe("上海市浦东新区世纪大道****");
    expect(maskAddress("上海市崇明区向化镇北港村12号")).toBe("上海市崇明区向化镇北港村****");
    const clerk = await login(t.app, "window.huangpu");
    const seen = await t.app.inject({ method: "POST", url: "/api/v1/registry/person-lookups", headers: clerk.headers, payload: { idNumber: "310101198706205042", purpose: "窗口收件核验身份" } });
    expect(seen.json().address).toMatch(/^上海市黄浦区.+\*\*\*\*$/);
  });
});

describe("registry imports", () => {
  it("refuses a file with bad rows, names each row and column, and changes nothing", async () => {
    const before = await count("persons");
    const bad = [
      POPULATION_HEADER,
      `周晓雯,${wife.slice(0, 17)}${wife[17] === "0" ? "1" : "0"},女,1990-03-08,310104,上海市徐汇区天山路8号,13900001111,未婚,`,
      `吴海涛,${husband},女,1988-11-30,310104,上海市徐汇区天山路8号,,已婚,`,
      `钱多多,${buildIdNumber("310104", "1991-01-01", 200)},女,1991-02-30,310199,上海市徐汇区天山路9号,123,同居,`,
      `吴海涛,${husband},男,1988-11-30,310104,上海市徐汇区天山路8号,,已婚,`,
      `,${buildIdNumber("310104", "1992-01-01", 202)},女,1992-01-01,310104,地址,,,`,
    ].join("\n");
    const res = await upload("population", bad);
    expect(res.statusCode).toBe(422);
    const { code, details } = res.json().error;
    expect(code).toBe("IMPORT_INVALID");
    const at = (row: number, column: string) => details.problems.find((p: { row: number; column: string }) => p.row === row && p.column === column)?.message;
    expect(at(2, "身份证号码")).toBe("校验位不正确");
    expect(at(3, "性别")).toBe("与身份证号码中的性别不一致");
    expect(at(4, "出生日期")).toContain("真实日期");
    expect(at(4, "户籍地行政区划代码")).toContain("行政区划代码");
    expect(at(4, "手机号码")).toBe("手机号码格式不正确");
    expect(at(4, "婚姻状况")).toContain("未婚");
    expect(at(5, "身份证号码")).toBe("与第 3 行重复");
    expect(at(6, "姓名")).toBe("不能为空");
    expect(await count("persons")).toBe(before);
    const history = (await t.app.inject({ method: "GET", url: "/api/v1/admin/registries/imports", headers: admin.headers })).json().items;
    expect(history[0]).toMatchObject({ registry: "population", status: "rejected", rowsApplied: 0, sourceOrgName: "上海市公安局徐汇分局" });
  });

  it("applies a good population file in one go, spouses linked, identifiers encrypted, source and time kept", async () => {
    const before = await count("persons");
    const imports = async () => (await t.database.db.selectFrom("audit_log").select("details").where("action", "=", "registry.import").execute()).length;
    const importsBefore = await imports();
    const good = couple(442).csv;
    const res = await upload("population", good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, inserted: 2, updated: 0 });
    expect(await count("persons")).toBe(before + 2);
    const row = await t.database.db.selectFrom("persons").selectAll().where("id_number_hash", "=", t.cipher.blindIndex("id", wife)).executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(wife.slice(6, 14));
    expect(t.cipher.decrypt(row.id_number_enc)).toBe(wife);
    expect(row).toMatchObject({ name: "周晓雯", source_org_code: "310104-PSB", region_code: "310104", marital_status: "married" });
    expect(row.spouse_id).not.toBeNull();
    // The residential address is encrypted at rest too.
    expect(row.address).toBeNull();
    expect(t.cipher.decrypt(row.address_enc!)).toBe("上海市徐汇区天山路8号");
    // Loading the same file again updates, it does not duplicate.
    expect((await upload("population", good)).json()).toMatchObject({ inserted: 0, updated: 2 });
    expect(await imports()).toBe(importsBefore + 2);
  });

  it("an .xlsx legal-person file needs its legal representatives in the population registry", async () => {
    const people = couple(452);
    expect((await upload("population", people.csv)).statusCode).toBe(200);
    const workbook = (repId: string) => companyWorkbook(company, repId);
    const xlsx = XLSX;
    const unknownRep = await upload("legal_person", await workbook(buildIdNumber("310104", "1970-01-01", 300)), admin, xlsx, "310104-AMR");
    expect(unknownRep.statusCode).toBe(422);
    expect(unknownRep.json().error.details.problems).toEqual([{ row: 2, column: "法定代表人身份证号码", message: "法定代表人不在人口库中，请先由公安部门导入" }]);
    const ok = await upload("legal_person", await workbook(people.wife), admin, xlsx, "310104-AMR");
    expect(ok.statusCode, ok.body).toBe(200);
    const e = await t.database.db.selectFrom("enterprises").selectAll().where("credit_code", "=", company).executeTakeFirstOrThrow();
    expect(e).toMatchObject({ name: "上海晓雯文化传播有限公司", established_on: "2024-05-06", source_org_code: "310104-AMR" });
  });

  it("credit entries must name an enterprise in the legal-person registry", async () => {
    const listed = await registeredCompany(462, "MA7YK3Q5");
    const header = "统一社会信用代码,名单,事由,列入日期,移出日期";
    const before = await count("credit_records");
    const unknown = await upload("credit", `${header}\n${buildCreditCode("9", "1", "310104", "MA7YK3Q2")},黑名单,测试,2026-01-01,\n`, admin, "text/csv", "310104-AMR");
    expect(unknown.json().error.details.problems[0]).toMatchObject({ row: 2, column: "统一社会信用代码", message: "该主体不在法人库中" });
    expect((await upload("credit", `${header}\n${listed},红名单,守合同重信用,2026-03-01,2025-01-01\n`, admin, "text/csv", "310104-AMR")).json().error.details.problems[0].column).toBe("移出日期");
    expect((await upload("credit", `${header}\n${listed},红名单,守合同重信用,2026-03-01,2028-02-28\n`, admin, "text/csv", "310104-AMR")).statusCode).toBe(200);
    expect(await count("credit_records")).toBe(before + 1);
  });

  it("refuses what is not a CSV or a workbook, and anyone but data administrators", async () => {
    expect((await upload("population", samplePng(), admin, "application/octet-stream")).json().error.code).toBe("REGISTRY_FILE_INVALID");
    expect((await upload("population", `${POPULATION_HEADER}\n`, await login(t.app, "review.psb"))).statusCode).toBe(403);
    expect((await upload("population", `${POPULATION_HEADER}\n`, await login(t.app, "13800000001"))).statusCode).toBe(403);
    expect((await upload("population", `${POPULATION_HEADER}\n`, admin, "text/csv", "NO-SUCH-ORG")).json().error.code).toBe("ORG_NOT_FOUND");
    expect((await upload("population", `${POPULATION_HEADER}\n`)).json().error.details.problems[0].message).toBe("文件中没有数据行");
    expect((await upload("population", "姓名,身份证号码\n张三,1\n")).json().error.details.problems.map((p: { column: string }) => p.column)).toContain("户籍地行政区划代码");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/admin/registries/quality", headers: (await login(t.app, "review.amr")).headers })).statusCode).toBe(403);
  });

  it("reports quality per registry and department: completeness, validity, freshness, conflicts", async () => {
    // What it reports on: a couple (the husband without a mobile), their company and a credit entry.
    const code = await registeredCompany(472, "MA7YK3Q7");
    expect((await upload("credit", `统一社会信用代码,名单,事由,列入日期,移出日期\n${code},红名单,守合同重信用,2026-03-01,2028-02-28\n`, admin, "text/csv", "310104-AMR")).statusCode).toBe(200);
    const res = await t.app.inject({ method: "GET", url: "/api/v1/admin/registries/quality", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ registry: string; sourceOrgCode: string; orgName: string; records: number; completeness: number; validity: number | null; freshness: number; conflicts: number; conflictNotes: string[] }>;
    const xuhui = items.find((i) => i.registry === "population" && i.sourceOrgCode === "310104-PSB")!;
    expect(xuhui).toMatchObject({ orgName: "上海市公安局徐汇分局", validity: 1, freshness: 1 });
    expect(xuhui.records).toBeGreaterThan(2);
    // 吴海涛 has no mobile: not every record is complete.
    expect(xuhui.completeness).toBeLessThan(1);
    // 王建国 (徐汇) is married in the registry but holds no marriage certificate: a conflict between sources.
    expect(xuhui.conflictNotes.some((n) => n.startsWith("婚姻状况与结婚证不一致"))).toBe(true);
    expect(items.some((i) => i.registry === "legal_person" && i.sourceOrgCode === "310104-AMR")).toBe(true);
    expect(items.some((i) => i.registry === "credit")).toBe(true);
  });
});
