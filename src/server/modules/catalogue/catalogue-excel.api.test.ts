import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, startTestApp, type LoggedIn, type TestApp } from "../../testing/test-app";

let t: TestApp;
let huangpu: LoggedIn;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  t = await startTestApp();
  huangpu = await login(t.app, "catalog.admin.huangpu");
});
afterAll(() => t.close());

async function exported(): Promise<ExcelJS.Workbook> {
  const res = await t.app.inject({ method: "GET", url: "/api/v1/admin/catalogue/export", headers: huangpu.headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

const upload = async (wb: ExcelJS.Workbook) =>
  t.app.inject({ method: "POST", url: "/api/v1/admin/catalogue/import", headers: { ...huangpu.headers, "content-type": XLSX }, payload: Buffer.from(await wb.xlsx.writeBuffer()) });

function rowOf(ws: ExcelJS.Worksheet, implCode: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === implCode) found = row;
  });
  return found!;
}

const column = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(1).values as string[]).indexOf(header);

describe("catalogue Excel import and export", () => {
  it("exports the subtree's published items with materials, steps and FAQ", async () => {
    const wb = await exported();
    const items = wb.getWorksheet("实施清单")!;
    expect(items.rowCount - 1).toBeGreaterThan(10);
    items.eachRow((row, n) => n > 1 && expect(String(row.getCell(1).value)).toMatch(/-310101/));
    expect(wb.getWorksheet("申请材料")!.rowCount).toBeGreaterThan(items.rowCount);
  });

  it("rejects the whole import and reports every bad cell", async () => {
    const drafts = async () => (await t.database.db.selectFrom("catalogue_item_versions").select("id").where("status", "=", "draft").execute()).length;
    const draftsBefore = await drafts();
    const wb = await exported();
    const items = wb.getWorksheet("实施清单")!;
    const row = rowOf(items, "XK00002001-3-310101-AMR");
    row.getCell(column(items, "承诺时限（工作日）")).value = "七天";
    row.getCell(column(items, "办理渠道")).value = "飞鸽传书";
    const other = rowOf(items, "BA00001000-3-310101-PSB");
    other.getCell(column(items, "事项名称")).value = "公章刻制备案（新）";
    const materials = wb.getWorksheet("申请材料")!;
    materials.addRow(["XK00002001-3-310101-AMR", "extra", "补充材料", "原件", "0", "纸质", "申请人", "无"]);
    const res = await upload(wb);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("IMPORT_INVALID");
    const problems = res.json().error.details.problems as Array<{ sheet: string; row: number; column: string; message: string }>;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "实施清单", row: row.number, column: "承诺时限（工作日）" }),
        expect.objectContaining({ sheet: "实施清单", row: row.number, column: "办理渠道" }),
        expect.objectContaining({ sheet: "申请材料", column: "份数" }),
      ]),
    );
    // Nothing applied: the valid change in the other row made no draft either.
    expect(await drafts()).toBe(draftsBefore);
  });

  it("applies a valid workbook as new drafts, one per changed item", async () => {
    // From the published catalogue: a draft another test left is discarded first.
    await t.database.db.deleteFrom("catalogue_item_versions").where("status", "=", "draft").execute();
    const wb = await exported();
    const items = wb.getWorksheet("实施清单")!;
    rowOf(items, "XK00002001-3-310101-AMR").getCell(column(items, "承诺时限（工作日）")).value = 6;
    const res = await upload(wb);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ drafts: 1, implCodes: ["XK00002001-3-310101-AMR"] });
    const draft = await t.database.db
      .selectFrom("catalogue_item_versions as v")
      .innerJoin("catalogue_items as i", "i.id", "v.item_id")
      .select(["v.version", "v.content"])
      .where("i.impl_code", "=", "XK00002001-3-310101-AMR")
      .where("v.status", "=", "draft")
      .executeTakeFirstOrThrow();
    expect(draft.version).toBe(2);
    expect((draft.content as { guide: { committedLimitDays: number; materials: unknown[] } }).guide.committedLimitDays).toBe(6);
    expect((draft.content as { guide: { materials: unknown[] } }).guide.materials.length).toBeGreaterThan(2);
  });

  it("round-trips a benefit's 待遇标准, refuses a bad one, and keeps it when an older workbook has no such column", async () => {
    await t.database.db.deleteFrom("catalogue_item_versions").where("status", "=", "draft").execute();
    const header = "待遇标准（JSON，不发放待遇的留空）";
    const implCode = await t.database.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .select("i.impl_code")
      .where("b.basic_code", "=", "JF00003000")
      .where("i.impl_code", "like", "%-310101%")
      .orderBy("i.impl_code")
      .executeTakeFirstOrThrow();
    const draftBenefit = async () =>
      (
        (await t.database.db
          .selectFrom("catalogue_item_versions as v")
          .innerJoin("catalogue_items as i", "i.id", "v.item_id")
          .select("v.content")
          .where("i.impl_code", "=", implCode.impl_code)
          .where("v.status", "=", "draft")
          .executeTakeFirst()) as { content: { benefit?: { bands: Array<{ amount: number }> }; name: string } } | undefined
      )?.content;

    let wb = await exported();
    let items = wb.getWorksheet("实施清单")!;
    const cell = rowOf(items, implCode.impl_code).getCell(column(items, header));
    const terms = JSON.parse(String(cell.value)) as { payDay: number; bands: Array<{ amount: number }> };
    expect(terms.bands.map((b) => b.amount)).toEqual([600, 350, 180, 150, 75]);
    cell.value = JSON.stringify({ ...terms, payDay: 31 });
    let res = await upload(wb);
    expect(res.statusCode).toBe(422);
    expect(await draftBenefit()).toBeUndefined();

    terms.bands[2]!.amount = 200;
    cell.value = JSON.stringify(terms);
    res = await upload(wb);
    expect(res.statusCode).toBe(200);
    expect((await draftBenefit())?.benefit?.bands[2]?.amount).toBe(200);

    // A workbook from before the column existed: a change elsewhere, the benefit kept as it is.
    await t.database.db.deleteFrom("catalogue_item_versions").where("status", "=", "draft").execute();
    wb = await exported();
    items = wb.getWorksheet("实施清单")!;
    items.spliceColumns(column(items, header), 1);
    rowOf(items, implCode.impl_code).getCell(column(items, "事项名称")).value = "老年综合津贴申领（测试）";
    res = await upload(wb);
    expect(res.statusCode).toBe(200);
    const kept = await draftBenefit();
    expect(kept?.name).toBe("老年综合津贴申领（测试）");
    expect(kept?.benefit?.bands.map((b) => b.amount)).toEqual([600, 350, 180, 150, 75]);
    await t.database.db.deleteFrom("catalogue_item_versions").where("status", "=", "draft").execute();
  });

  it("rejects files that are not workbooks, by content", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/admin/catalogue/import", headers: { ...huangpu.headers, "content-type": XLSX }, payload: Buffer.from("<html>not a workbook</html>") });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("UPLOAD_TYPE_INVALID");
    const clerk = await login(t.app, "window.huangpu");
    expect((await t.app.inject({ method: "GET", url: "/api/v1/admin/catalogue/export", headers: clerk.headers })).statusCode).toBe(403);
  });
});
