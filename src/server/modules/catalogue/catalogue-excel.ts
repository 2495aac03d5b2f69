import ExcelJS from "exceljs";
import { DOCUMENT_TEMPLATE_KEYS, type DocumentTemplateKey } from "../../../shared/document-templates";
import { CHANNELS, LEVELS, MATERIAL_FORMS, MATERIAL_MEDIA, SCOPES, THEMES } from "../../../shared/catalogue";
import { itemContent, type ItemContent, type Material } from "../../../shared/schemas/catalogue";

/** One implementation item as a spreadsheet row set. */
export interface SheetItem {
  implCode: string;
  basicCode: string;
  orgCode: string;
  level: string;
  content: ItemContent;
}

export interface CellProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

const ITEMS = "实施清单";
const MATERIALS = "申请材料";
const STEPS = "办理流程";
const FAQ = "常见问题";

const byLabel = <T extends Record<string, { zh: string } | string>>(table: T) =>
  new Map(Object.entries(table).map(([k, v]) => [typeof v === "string" ? v : v.zh, k]));
const labelOf = <T extends Record<string, { zh: string } | string>>(table: T, key: string) => {
  const v = table[key];
  return v === undefined ? key : typeof v === "string" ? v : v.zh;
};

const AUDIENCE_LABELS: Record<string, string> = { person: "个人", enterprise: "法人" };
const list = (s: string) => s.split(/[、,，;；\n]/).map((x) => x.trim()).filter(Boolean);

/** A column holding several codes of a reference list, written and read as their Chinese labels. */
function labelListColumn<T extends Record<string, { zh: string } | string>>(
  header: string,
  width: number,
  table: T,
  get: (c: ItemContent) => string[],
  put: (c: ItemContent, codes: string[]) => void,
) {
  return {
    header,
    width,
    get: (i: SheetItem) => get(i.content).map((code) => labelOf(table, code)).join("、"),
    set: (c: ItemContent, v: string, fail: (m: string) => void) => {
      const map = byLabel(table);
      const codes = list(v).map((x) => map.get(x));
      if (codes.some((x) => !x)) return fail(`“${header}”只能是：${[...map.keys()].join("、")}`);
      put(c, codes as string[]);
    },
  };
}

/** The columns of the items sheet, each with how it is written and read back. */
/** The items sheet's columns; an `optional` one may be missing from a workbook exported before it existed (the content keeps its value). */
const ITEM_COLUMNS: Array<{ header: string; width: number; optional?: boolean; get: (i: SheetItem) => string | number | null; set?: (c: ItemContent, v: string, fail: (m: string) => void) => void }> = [
  { header: "实施编码", width: 30, get: (i) => i.implCode },
  { header: "基本编码", width: 14, get: (i) => i.basicCode },
  { header: "实施机构编码", width: 16, get: (i) => i.orgCode },
  { header: "层级", width: 8, get: (i) => labelOf(LEVELS, i.level) },
  { header: "事项名称", width: 24, get: (i) => i.content.name, set: (c, v) => void (c.name = v) },
  { header: "概述", width: 40, get: (i) => i.content.summary, set: (c, v) => void (c.summary = v) },
  labelListColumn("服务对象", 10, AUDIENCE_LABELS, (c) => c.audiences, (c, v) => void (c.audiences = v as ItemContent["audiences"])),
  labelListColumn("主题", 16, THEMES, (c) => c.themes, (c, v) => void (c.themes = v as ItemContent["themes"])),
  { header: "搜索关键词", width: 24, get: (i) => i.content.keywords.join("、"), set: (c, v) => void (c.keywords = list(v)) },
  { header: "设定依据", width: 30, get: (i) => i.content.guide.legalBasisSetting, set: (c, v) => void (c.guide.legalBasisSetting = v) },
  { header: "实施依据", width: 30, get: (i) => i.content.guide.legalBasisImplementing, set: (c, v) => void (c.guide.legalBasisImplementing = v) },
  { header: "受理条件（每行一条）", width: 40, get: (i) => i.content.guide.conditions.join("\n"), set: (c, v) => void (c.guide.conditions = v.split("\n").map((x) => x.trim()).filter(Boolean)) },
  { header: "法定时限（工作日）", width: 10, get: (i) => i.content.guide.legalLimitDays, set: (c, v, fail) => void (c.guide.legalLimitDays = days(v, fail)) },
  { header: "承诺时限（工作日）", width: 10, get: (i) => i.content.guide.committedLimitDays, set: (c, v, fail) => void (c.guide.committedLimitDays = days(v, fail)) },
  {
    header: "收费（名称|标准|依据，每行一项；不收费留空）",
    width: 40,
    get: (i) => i.content.guide.fees.map((f) => `${f.name}|${f.amount}|${f.basis}`).join("\n"),
    set: (c, v, fail) => {
      const fees = v.split("\n").map((x) => x.trim()).filter(Boolean).map((line) => line.split("|").map((x) => x.trim()));
      if (fees.some((f) => f.length !== 3 || f.some((x) => !x))) return fail("每行须为“名称|标准|依据”三部分");
      c.guide.fees = fees.map(([name, amount, basis]) => ({ name: name!, amount: amount!, basis: basis! }));
      c.guide.free = fees.length === 0;
    },
  },
  { header: "办理地点", width: 30, get: (i) => i.content.guide.location, set: (c, v) => void (c.guide.location = v) },
  { header: "办理时间", width: 24, get: (i) => i.content.guide.hours, set: (c, v) => void (c.guide.hours = v) },
  labelListColumn("办理渠道", 20, CHANNELS, (c) => c.guide.channels, (c, v) => void (c.guide.channels = v as ItemContent["guide"]["channels"])),
  { header: "网办深度（1-4）", width: 10, get: (i) => i.content.guide.onlineDepth, set: (c, v, fail) => void (c.guide.onlineDepth = intIn(v, 1, 4, fail) ?? c.guide.onlineDepth) },
  { header: "到现场次数（0-2）", width: 10, get: (i) => i.content.guide.visits, set: (c, v, fail) => void (c.guide.visits = intIn(v, 0, 2, fail) ?? c.guide.visits) },
  labelListColumn("通办范围", 18, SCOPES, (c) => c.guide.scope, (c, v) => void (c.guide.scope = v as ItemContent["guide"]["scope"])),
  { header: "咨询电话", width: 16, get: (i) => i.content.guide.consultPhone, set: (c, v) => void (c.guide.consultPhone = v) },
  { header: "投诉电话", width: 16, get: (i) => i.content.guide.complaintPhone, set: (c, v) => void (c.guide.complaintPhone = v) },
  {
    header: "表单（JSON，由表单设计器生成）",
    width: 20,
    get: (i) => JSON.stringify(i.content.form),
    set: (c, v, fail) => {
      try {
        c.form = JSON.parse(v);
      } catch {
        fail("不是有效的 JSON");
      }
    },
  },
  {
    header: "待遇标准（JSON，不发放待遇的留空）",
    width: 20,
    optional: true,
    get: (i) => (i.content.benefit ? JSON.stringify(i.content.benefit) : ""),
    set: (c, v, fail) => {
      if (!v.trim()) return void delete c.benefit;
      try {
        c.benefit = JSON.parse(v);
      } catch {
        fail("不是有效的 JSON");
      }
    },
  },
  {
    header: "告知承诺（是/否）",
    width: 10,
    optional: true,
    get: (i) => (i.content.guide.promise ? "是" : "否"),
    set: (c, v, fail) => {
      if (v !== "是" && v !== "否" && v !== "") return void fail("只能填“是”或“否”");
      c.guide.promise = v === "是";
    },
  },
];

const MATERIAL_COLUMNS = ["实施编码", "材料标识", "材料名称", "原件/复印件", "份数", "介质", "来源渠道", "要求", "可替代（certificate:代码 或 dataElement:代码）", "适用情形标识"];

function days(v: string, fail: (m: string) => void): number | null {
  if (v.trim() === "") return null;
  return intIn(v, 0, 365, fail);
}

function intIn(v: string, min: number, max: number, fail: (m: string) => void): number | null {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(`须为 ${min} 到 ${max} 之间的整数`);
    return null;
  }
  return n;
}

export function cellText(cell: ExcelJS.CellValue): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") {
    if ("richText" in cell) return cell.richText.map((r) => r.text).join("");
    if ("text" in cell) return String(cell.text);
    if ("result" in cell) return String(cell.result ?? "");
  }
  return String(cell).trim();
}

/** Writes the catalogue as a workbook: items, materials, steps and FAQ sheets keyed by implementation code. */
export async function exportWorkbook(items: SheetItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Haoban";
  const sheet = wb.addWorksheet(ITEMS);
  sheet.columns = ITEM_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const i of items) sheet.addRow(ITEM_COLUMNS.map((c) => c.get(i)));
  const materials = wb.addWorksheet(MATERIALS);
  materials.columns = MATERIAL_COLUMNS.map((h) => ({ header: h, width: 16 }));
  for (const i of items) {
    for (const m of i.content.guide.materials) {
      materials.addRow([i.implCode, m.key, m.name, labelOf(MATERIAL_FORMS, m.form), m.count, labelOf(MATERIAL_MEDIA, m.medium), m.source, m.requirements, m.replaceableBy ? `${m.replaceableBy.kind}:${m.replaceableBy.code}` : m.generatedFrom ? `generated:${m.generatedFrom}` : "", m.situation ?? ""]);
    }
  }
  const steps = wb.addWorksheet(STEPS);
  steps.columns = ["实施编码", "环节名称", "时限（工作日）", "计入时限（是/否）"].map((h) => ({ header: h, width: 16 }));
  for (const i of items) for (const s of i.content.guide.steps) steps.addRow([i.implCode, s.name, s.days, s.countedInLimit ? "是" : "否"]);
  const faq = wb.addWorksheet(FAQ);
  faq.columns = ["实施编码", "问题", "解答"].map((h) => ({ header: h, width: 30 }));
  for (const i of items) for (const f of i.content.guide.faq) faq.addRow([i.implCode, f.q, f.a]);
  for (const ws of [sheet, materials, steps, faq]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Reads a workbook back into item contents, starting from each item's current content (so that
 * what a sheet does not hold, such as situations, is kept). Every bad cell is reported with its
 * sheet, row and column; the caller applies nothing unless there are no problems.
 */
export async function parseWorkbook(buffer: Buffer, current: Map<string, ItemContent>): Promise<{ items: Map<string, ItemContent>; problems: CellProblem[] }> {
  const problems: CellProblem[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { items: new Map(), problems: [{ sheet: "—", row: 0, column: "—", message: "无法读取该文件，请上传由本平台导出的 .xlsx 工作簿" }] };
  }
  const items = new Map<string, ItemContent>();
  const sheet = wb.getWorksheet(ITEMS);
  if (!sheet) return { items, problems: [{ sheet: ITEMS, row: 0, column: "—", message: `缺少工作表“${ITEMS}”` }] };
  const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const itemHeaders = headers(sheet);
  for (const c of ITEM_COLUMNS) if (!c.optional && !itemHeaders.includes(c.header)) problems.push({ sheet: ITEMS, row: 1, column: c.header, message: "缺少该列" });
  if (problems.length) return { items, problems };

  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (header: string) => cellText(row.getCell(itemHeaders.indexOf(header) + 1).value);
    const implCode = cell("实施编码");
    if (!implCode) return;
    const base = current.get(implCode);
    if (!base) {
      problems.push({ sheet: ITEMS, row: rowNumber, column: "实施编码", message: `“${implCode}”不是您可以编辑的已有事项` });
      return;
    }
    if (items.has(implCode)) {
      problems.push({ sheet: ITEMS, row: rowNumber, column: "实施编码", message: "同一事项出现了多行" });
      return;
    }
    const content = structuredClone(base);
    for (const c of ITEM_COLUMNS) {
      if (!c.set || !itemHeaders.includes(c.header)) continue;
      c.set(content, cell(c.header), (message) => problems.push({ sheet: ITEMS, row: rowNumber, column: c.header, message }));
    }
    content.guide.materials = [];
    content.guide.steps = [];
    content.guide.faq = [];
    items.set(implCode, content);
  });

  const materialsSheet = wb.getWorksheet(MATERIALS);
  const formsMap = byLabel(MATERIAL_FORMS);
  const mediaMap = byLabel(MATERIAL_MEDIA);
  materialsSheet?.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const v = (n: number) => cellText(row.getCell(n).value);
    const content = items.get(v(1));
    if (!v(1)) return;
    if (!content) return problems.push({ sheet: MATERIALS, row: rowNumber, column: "实施编码", message: `“${v(1)}”不在“${ITEMS}”表中` }) && undefined;
    const fail = (column: string, message: string) => problems.push({ sheet: MATERIALS, row: rowNumber, column, message });
    const form = formsMap.get(v(4));
    const medium = mediaMap.get(v(6));
    if (!form) fail("原件/复印件", `只能是：${[...formsMap.keys()].join("、")}`);
    if (!medium) fail("介质", `只能是：${[...mediaMap.keys()].join("、")}`);
    const count = Number(v(5));
    if (!Number.isInteger(count) || count < 1 || count > 20) fail("份数", "须为 1 到 20 之间的整数");
    const replace = v(9);
    // Flags the sheet does not carry (blank form, sample) are kept from the current version.
    const known = current.get(v(1))?.guide.materials.find((x) => x.key === v(2));
    const m: Material = { key: v(2), name: v(3), form: (form ?? "original") as Material["form"], count: Number.isInteger(count) ? count : 1, medium: (medium ?? "either") as Material["medium"], source: v(7), requirements: v(8), blankForm: known?.blankForm ?? false, sample: known?.sample ?? false };
    if (replace) {
      // 可替代: evidence that stands in for the material, or the template that generates it from the form.
      const [kind, code] = replace.split(":");
      if (kind === "generated" && code && (DOCUMENT_TEMPLATE_KEYS as string[]).includes(code)) m.generatedFrom = code as DocumentTemplateKey;
      else if ((kind !== "certificate" && kind !== "dataElement") || !code) fail("可替代", `格式为 certificate:代码、dataElement:代码 或 generated:模板（${DOCUMENT_TEMPLATE_KEYS.join("、")}）`);
      else m.replaceableBy = { kind, code };
    }
    if (v(10)) m.situation = v(10);
    content.guide.materials.push(m);
  });

  wb.getWorksheet(STEPS)?.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const v = (n: number) => cellText(row.getCell(n).value);
    const content = items.get(v(1));
    if (!v(1)) return;
    if (!content) return void problems.push({ sheet: STEPS, row: rowNumber, column: "实施编码", message: `“${v(1)}”不在“${ITEMS}”表中` });
    const d = Number(v(3));
    if (!Number.isFinite(d) || d < 0 || d > 365) problems.push({ sheet: STEPS, row: rowNumber, column: "时限（工作日）", message: "须为 0 到 365 之间的数" });
    if (!["是", "否"].includes(v(4))) problems.push({ sheet: STEPS, row: rowNumber, column: "计入时限（是/否）", message: "只能填“是”或“否”" });
    content.guide.steps.push({ name: v(2), days: Number.isFinite(d) ? d : 0, countedInLimit: v(4) !== "否" });
  });

  wb.getWorksheet(FAQ)?.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const v = (n: number) => cellText(row.getCell(n).value);
    const content = items.get(v(1));
    if (!v(1)) return;
    if (!content) return void problems.push({ sheet: FAQ, row: rowNumber, column: "实施编码", message: `“${v(1)}”不在“${ITEMS}”表中` });
    content.guide.faq.push({ q: v(2), a: v(3) });
  });

  // Finally the whole content of each item against the same schema the editor uses.
  const rowOf = new Map<string, number>();
  sheet.eachRow((row, n) => rowOf.set(cellText(row.getCell(1).value), n));
  for (const [implCode, content] of items) {
    const r = itemContent.safeParse(content);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ sheet: ITEMS, row: rowOf.get(implCode) ?? 0, column: issue.path.join("."), message: `${implCode}：${issue.message}` });
    } else items.set(implCode, r.data);
  }
  return { items, problems };
}
