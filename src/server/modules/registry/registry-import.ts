import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { validateCreditCode } from "../../../shared/validation/credit-code";
import { countyOf, divisionLevel, SHANGHAI_DISTRICTS } from "../../../shared/validation/division-code";
import { validateIdNumber } from "../../../shared/validation/id-number";
import { isMobile } from "../../../shared/validation/mobile";
import { cellText } from "../catalogue";
import type { ImportProblem } from "../../../shared/schemas/data";

import { type ImportableRegistry } from "../../../shared/registries";

export { IMPORTABLE, type ImportableRegistry } from "../../../shared/registries";

/** Each registry's columns, in the order of the template; `required` columns must have a value in every row. */
export const REGISTRY_COLUMNS: Record<ImportableRegistry, Array<{ header: string; required: boolean }>> = {
  population: [
    { header: "姓名", required: true },
    { header: "身份证号码", required: true },
    { header: "性别", required: true },
    { header: "出生日期", required: true },
    { header: "户籍地行政区划代码", required: true },
    { header: "居住地址", required: true },
    { header: "手机号码", required: false },
    { header: "婚姻状况", required: false },
    { header: "配偶身份证号码", required: false },
  ],
  legal_person: [
    { header: "统一社会信用代码", required: true },
    { header: "名称", required: true },
    { header: "类型", required: true },
    { header: "法定代表人身份证号码", required: true },
    { header: "行政区划代码", required: true },
    { header: "成立日期", required: true },
    { header: "所属行业", required: true },
    { header: "注册资本（万元）", required: true },
    { header: "住所", required: true },
  ],
  credit: [
    { header: "统一社会信用代码", required: true },
    { header: "名单", required: true },
    { header: "事由", required: true },
    { header: "列入日期", required: true },
    { header: "移出日期", required: false },
  ],
  address: [
    { header: "行政区划代码", required: true },
    { header: "详细地址", required: true },
    { header: "邮政编码", required: false },
  ],
};

export const MAX_IMPORT_ROWS = 20_000;
const GENDERS: Record<string, "M" | "F"> = { 男: "M", 女: "F" };
const MARITAL: Record<string, string> = { 未婚: "unmarried", 已婚: "married", 离婚: "divorced", 丧偶: "widowed" };
const ENTERPRISE_TYPES = ["企业", "个体工商户", "农民专业合作社"];
const LISTS: Record<string, "red" | "black"> = { 红名单: "red", 黑名单: "black" };

export type RowProblem = ImportProblem;

/** A table read from a file: the header and each data row's cells as text, with its row number in the file. */
export interface Table {
  header: string[];
  rows: Array<{ n: number; cells: Record<string, string> }>;
}

function cell(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cellText(value).trim();
}

/** Reads a CSV (UTF-8, with or without BOM) or the first sheet of an .xlsx workbook. Null when it is neither. */
export async function readTable(buffer: Buffer): Promise<Table | null> {
  const wb = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50) {
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      return null;
    }
    sheet = wb.worksheets[0];
  } else {
    // Text only: no NUL bytes, valid UTF-8 (a binary file or a GBK export is refused with a clear reason).
    if (buffer.includes(0)) return null;
    const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
    if (text.includes("\uFFFD")) return null;
    // Every cell stays text: ID numbers and codes must not become numbers.
    sheet = await wb.csv.read(Readable.from([text.replace(/^\uFEFF/, "")]), { map: (v: unknown) => v } as never);
  }
  if (!sheet) return null;
  const header = ((sheet.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map(cell);
  const rows: Table["rows"] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cell);
    if (values.every((v) => v === "")) return;
    rows.push({ n, cells: Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""])) });
  });
  return { header, rows };
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const shanghaiCounty = (code: string) => SHANGHAI_DISTRICTS.some((d) => d.code === code);
/** A Shanghai district, or a township or community within one. */
const isShanghaiDivision = (code: string) => divisionLevel(code) !== null && (code.length === 6 ? shanghaiCounty(code) : shanghaiCounty(countyOf(code)) && divisionLevel(code) !== "county");

export type PopulationRecord = { name: string; idNumber: string; gender: "M" | "F"; birthDate: string; hukou: string; address: string; mobile: string | null; marital: string; spouseIdNumber: string | null };
export type LegalPersonRecord = { creditCode: string; name: string; type: string; repIdNumber: string; division: string; establishedOn: string; industry: string; capital: number; address: string };
export type CreditRecord = { creditCode: string; list: "red" | "black"; reason: string; listedOn: string; expiresOn: string | null };
export type AddressRecord = { division: string; detail: string; postcode: string | null };
export type ImportRecord = PopulationRecord | LegalPersonRecord | CreditRecord | AddressRecord;

/**
 * Checks every row of a table against its registry's rules (columns, check digits, code lists, dates,
 * consistency within the row and with the rest of the file). Cross-registry checks against the
 * database (a legal representative in the population registry…) are the service's. Returns each
 * problem with its row and column; records only matter when there are none.
 */
export function checkTable(registry: ImportableRegistry, table: Table, today: string): { records: Array<{ n: number; record: ImportRecord }>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns = REGISTRY_COLUMNS[registry];
  for (const c of columns) if (!table.header.includes(c.header)) problems.push({ row: 1, column: c.header, message: "缺少该列" });
  if (problems.length) return { records: [], problems };
  if (table.rows.length === 0) return { records: [], problems: [{ row: 2, column: "—", message: "文件中没有数据行" }] };
  if (table.rows.length > MAX_IMPORT_ROWS) return { records: [], problems: [{ row: MAX_IMPORT_ROWS + 2, column: "—", message: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入` }] };

  const records: Array<{ n: number; record: ImportRecord }> = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of table.rows) {
    const before = problems.length;
    const fail = (column: string, message: string) => problems.push({ row: n, column, message });
    for (const c of columns) if (c.required && !cells[c.header]) fail(c.header, "不能为空");
    if (problems.length > before) continue;
    const unique = (key: string, column: string) => {
      if (seen.has(key)) fail(column, `与第 ${seen.get(key)} 行重复`);
      else seen.set(key, n);
    };
    const date = (column: string, optional = false) => {
      const v = cells[column] ?? "";
      if (optional && !v) return null;
      if (!isDate(v)) fail(column, "日期格式应为 YYYY-MM-DD，且须是真实日期");
      else if (v > today) fail(column, "日期不能晚于今天");
      return v;
    };
    switch (registry) {
      case "population": {
        const id = validateIdNumber(cells["身份证号码"]!);
        if (!id.ok) fail("身份证号码", id.error === "ID_NUMBER_CHECKSUM" ? "校验位不正确" : id.error === "ID_NUMBER_BIRTHDATE" ? "其中的出生日期无效" : "应为 18 位，最后一位可以是数字或 X");
        const gender = GENDERS[cells["性别"]!];
        if (!gender) fail("性别", "应为“男”或“女”");
        const birthDate = date("出生日期");
        if (id.ok && birthDate && birthDate !== id.value.birthDate) fail("出生日期", `与身份证号码中的出生日期（${id.value.birthDate}）不一致`);
        if (id.ok && gender && gender !== id.value.gender) fail("性别", "与身份证号码中的性别不一致");
        if (!isShanghaiDivision(cells["户籍地行政区划代码"]!) || cells["户籍地行政区划代码"]!.length !== 6) fail("户籍地行政区划代码", "应为本市区级行政区划代码（6 位，GB/T 2260）");
        const mobile = cells["手机号码"] || null;
        if (mobile && !isMobile(mobile)) fail("手机号码", "手机号码格式不正确");
        const maritalText = cells["婚姻状况"] ?? "";
        if (maritalText && !MARITAL[maritalText]) fail("婚姻状况", "应为 未婚、已婚、离婚 或 丧偶");
        const spouse = cells["配偶身份证号码"] || null;
        if (spouse) {
          const s = validateIdNumber(spouse);
          if (!s.ok) fail("配偶身份证号码", "身份证号码无效");
          else if (maritalText !== "已婚") fail("配偶身份证号码", "婚姻状况不是“已婚”时不应有配偶");
          else if (id.ok && s.value.idNumber === id.value.idNumber) fail("配偶身份证号码", "不能是本人");
        }
        if (id.ok) unique(id.value.idNumber, "身份证号码");
        if (problems.length === before && id.ok) {
          records.push({ n, record: { name: cells["姓名"]!, idNumber: id.value.idNumber, gender: gender!, birthDate: birthDate!, hukou: cells["户籍地行政区划代码"]!, address: cells["居住地址"]!, mobile, marital: MARITAL[maritalText] ?? "unknown", spouseIdNumber: spouse ? spouse.toUpperCase() : null } });
        }
        break;
      }
      case "legal_person": {
        const code = validateCreditCode(cells["统一社会信用代码"]!);
        if (!code.ok) fail("统一社会信用代码", code.error === "CREDIT_CODE_CHECKSUM" ? "校验位不正确" : "应为 18 位，由数字和大写字母组成");
        if (!ENTERPRISE_TYPES.includes(cells["类型"]!)) fail("类型", `应为 ${ENTERPRISE_TYPES.join("、")} 之一`);
        const rep = validateIdNumber(cells["法定代表人身份证号码"]!);
        if (!rep.ok) fail("法定代表人身份证号码", "身份证号码无效");
        if (!isShanghaiDivision(cells["行政区划代码"]!)) fail("行政区划代码", "应为本市行政区划代码（GB/T 2260）");
        const established = date("成立日期");
        const capital = Number(cells["注册资本（万元）"]);
        if (!Number.isFinite(capital) || capital < 0 || capital > 1e12) fail("注册资本（万元）", "应为不小于 0 的数值");
        if (code.ok) unique(code.value.creditCode, "统一社会信用代码");
        if (problems.length === before && code.ok && rep.ok) {
          records.push({ n, record: { creditCode: code.value.creditCode, name: cells["名称"]!, type: cells["类型"]!, repIdNumber: rep.value.idNumber, division: cells["行政区划代码"]!, establishedOn: established!, industry: cells["所属行业"]!, capital, address: cells["住所"]! } });
        }
        break;
      }
      case "credit": {
        const code = validateCreditCode(cells["统一社会信用代码"]!);
        if (!code.ok) fail("统一社会信用代码", "统一社会信用代码无效");
        const list = LISTS[cells["名单"]!];
        if (!list) fail("名单", "应为“红名单”或“黑名单”");
        const listedOn = date("列入日期");
        const expiresOn = cells["移出日期"] ? (isDate(cells["移出日期"]) ? cells["移出日期"] : (fail("移出日期", "日期格式应为 YYYY-MM-DD"), null)) : null;
        if (listedOn && expiresOn && expiresOn < listedOn) fail("移出日期", "不能早于列入日期");
        if (problems.length === before && code.ok) records.push({ n, record: { creditCode: code.value.creditCode, list: list!, reason: cells["事由"]!, listedOn: listedOn!, expiresOn } });
        break;
      }
      case "address": {
        if (!isShanghaiDivision(cells["行政区划代码"]!)) fail("行政区划代码", "应为本市行政区划代码（GB/T 2260）");
        const postcode = cells["邮政编码"] || null;
        if (postcode && !/^\d{6}$/.test(postcode)) fail("邮政编码", "应为 6 位数字");
        if ((cells["详细地址"] ?? "").length > 200) fail("详细地址", "不能超过 200 个字");
        unique(`${cells["行政区划代码"]}|${cells["详细地址"]}`, "详细地址");
        if (problems.length === before) records.push({ n, record: { division: cells["行政区划代码"]!, detail: cells["详细地址"]!, postcode } });
        break;
      }
    }
  }
  return { records, problems };
}
