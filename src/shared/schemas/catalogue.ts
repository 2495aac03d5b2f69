import { z } from "zod";
import { int32 } from "./common";
import { CERTIFICATE_TYPE_DEFS } from "../certificate-types";
import { CERTIFICATE_TYPES, FIELD_TYPE_CODES, HOLDING_LIMIT_CODES, ITEM_KIND_CODES, LEVEL_CODES, THEME_CODES } from "../catalogue";
import { DATA_ELEMENT_CODE, DATA_ELEMENTS } from "../data-elements";
import { benefitTerms } from "../benefit";
import { ruleProblems } from "../rules";
import { fen, feeRuleProblems, feeRules } from "../fees";
import { DOCUMENT_TEMPLATE_KEYS, missingTemplateElements } from "../document-templates";

const text = (max = 200) => z.string().trim().min(1).max(max);

export const fieldOption = z.strictObject({ value: text(40), label: text(60) });

/** Show a field only when another field has (one of) the given value(s). */
export const visibleIf = z.strictObject({ field: text(40), equals: z.union([z.string(), z.number(), z.boolean()]) });

const baseField = {
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, "字段标识须以小写字母开头，只含字母、数字和下划线"),
  label: text(60),
  required: z.boolean().default(false),
  dataElement: z.string().max(60).optional(),
  help: z.string().max(200).optional(),
  options: z.array(fieldOption).max(50).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: int32.min(1).max(5000).optional(),
  pattern: z.string().max(200).optional(),
  visibleIf: visibleIf.optional(),
};

export const simpleField = z.strictObject({ ...baseField, type: z.enum(FIELD_TYPE_CODES).exclude(["table"]) });
export const tableField = z.strictObject({ ...baseField, type: z.literal("table"), columns: z.array(simpleField).min(1).max(20) });
export const formField = z.discriminatedUnion("type", [simpleField, tableField]);
export type FormField = z.infer<typeof formField>;

/**
 * Problems in a form schema, each with the path of the field it concerns. `isKnownElement` says
 * whether a data-element code is in the dictionary (the built-in standard unless the caller knows
 * the administrators' dictionary).
 */
export function formSchemaProblems(fields: FormField[], isKnownElement: (code: string) => boolean = (c) => c in DATA_ELEMENTS): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  const keys = new Map<string, number>();
  fields.forEach((f, i) => {
    if (keys.has(f.key)) problems.push({ path: [i, "key"], message: `字段标识“${f.key}”重复` });
    keys.set(f.key, i);
    const checkElement = (field: { dataElement?: string | undefined }, path: (string | number)[]) => {
      if (field.dataElement && !isKnownElement(field.dataElement)) problems.push({ path, message: `未知的数据元“${field.dataElement}”` });
    };
    checkElement(f, [i, "dataElement"]);
    if (f.type === "choice" && (!f.options || f.options.length === 0)) problems.push({ path: [i, "options"], message: `选择字段“${f.label}”须至少有一个选项` });
    if (f.type === "table") {
      const cols = new Set<string>();
      f.columns.forEach((c, j) => {
        if (cols.has(c.key)) problems.push({ path: [i, "columns", j, "key"], message: `表格列“${c.key}”重复` });
        cols.add(c.key);
        checkElement(c, [i, "columns", j, "dataElement"]);
      });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push({ path: [i, "min"], message: `“${f.label}”的最小值大于最大值` });
    if (f.pattern) {
      try {
        new RegExp(f.pattern);
      } catch {
        problems.push({ path: [i, "pattern"], message: `“${f.label}”的格式规则不是有效的正则表达式` });
      }
    }
  });
  fields.forEach((f, i) => {
    if (f.visibleIf && !keys.has(f.visibleIf.field)) problems.push({ path: [i, "visibleIf", "field"], message: `显示条件引用了不存在的字段“${f.visibleIf.field}”` });
  });
  // Cycles in visibility: a → b → … → a can never be shown.
  const next = new Map(fields.filter((f) => f.visibleIf).map((f) => [f.key, f.visibleIf!.field]));
  for (const [start] of next) {
    const seen = new Set<string>([start]);
    let cur = next.get(start);
    while (cur !== undefined) {
      if (seen.has(cur)) {
        problems.push({ path: [keys.get(start)!, "visibleIf"], message: `显示条件形成循环：${[...seen].join(" → ")} → ${cur}` });
        break;
      }
      seen.add(cur);
      cur = next.get(cur);
    }
  }
  return problems;
}

export const formSchema = z
  .strictObject({ fields: z.array(formField).max(200) })
  .superRefine((schema, ctx) => {
    // Codes are checked for form here; the server checks them against the dictionary in the database.
    for (const p of formSchemaProblems(schema.fields, (c) => DATA_ELEMENT_CODE.test(c))) ctx.addIssue({ code: "custom", path: ["fields", ...p.path], message: p.message, params: { errorCode: "FORM_SCHEMA_INVALID" } });
  });
export type FormSchema = z.infer<typeof formSchema>;

export const replaceableBy = z.strictObject({
  kind: z.enum(["dataElement", "certificate"]),
  code: text(60),
});

export const material = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
    name: text(100),
    form: z.enum(["original", "copy", "original_and_copy"]),
    count: int32.min(1).max(20),
    medium: z.enum(["paper", "electronic", "either"]),
    source: text(100),
    requirements: text(300),
    legalBasis: z.string().max(200).optional(),
    blankForm: z.boolean().default(false),
    sample: z.boolean().default(false),
    replaceableBy: replaceableBy.optional(),
    /** 系统生成: the platform produces this material from the form with this template; nothing to upload. */
    generatedFrom: z.enum(DOCUMENT_TEMPLATE_KEYS).optional(),
    /** Only required in this situation (情形); absent = always. */
    situation: z.string().max(40).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.replaceableBy?.kind === "certificate" && !(m.replaceableBy.code in CERTIFICATE_TYPES)) {
      ctx.addIssue({ code: "custom", path: ["replaceableBy", "code"], message: `未知的证照类型“${m.replaceableBy.code}”` });
    }
    if (m.replaceableBy?.kind === "dataElement" && !DATA_ELEMENT_CODE.test(m.replaceableBy.code)) {
      ctx.addIssue({ code: "custom", path: ["replaceableBy", "code"], message: `未知的数据元“${m.replaceableBy.code}”` });
    }
    if (m.replaceableBy && m.generatedFrom) ctx.addIssue({ code: "custom", path: ["generatedFrom"], message: "材料不能既由共享数据替代又由系统生成" });
  });
export type Material = z.infer<typeof material>;

export const processStep = z.strictObject({ name: text(40), days: z.number().min(0).max(365), countedInLimit: z.boolean().default(true) });
export const fee = z.strictObject({ name: text(60), amount: text(60), basis: text(200) });
export const faq = z.strictObject({ q: text(200), a: text(1000) });
export const situation = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), question: text(100), description: z.string().max(300).optional() });

/** A complete guide (办事指南), DB31/T 544-style elements. */
export const guide = z.strictObject({
  legalBasisSetting: z.string().max(1000),
  legalBasisImplementing: z.string().max(1000),
  conditions: z.array(text(300)).max(30),
  materials: z.array(material).max(60),
  steps: z.array(processStep).max(20),
  legalLimitDays: int32.min(0).max(365).nullable(),
  committedLimitDays: int32.min(0).max(365).nullable(),
  free: z.boolean(),
  fees: z.array(fee).max(20),
  location: z.string().max(300),
  hours: z.string().max(200),
  channels: z.array(z.enum(["online", "window", "post"])).max(3),
  onlineDepth: int32.min(1).max(4),
  visits: int32.min(0).max(2),
  /** 告知承诺制: an applicant may submit without some materials by promising to meet the conditions and supply them. */
  promise: z.boolean().default(false),
  scope: z.array(z.enum(["citywide", "cross_province"])).max(2),
  consultPhone: z.string().max(60),
  complaintPhone: z.string().max(60),
  faq: z.array(faq).max(30),
  situations: z.array(situation).max(20),
});
export type Guide = z.infer<typeof guide>;

/** Everything a version of an implementation item holds: what the public sees once published. */
export const itemContent = z
  .strictObject({
    name: text(100),
    summary: z.string().max(500),
    audiences: z.array(z.enum(["person", "enterprise"])).min(1).max(2),
    themes: z.array(z.enum(THEME_CODES)).max(5),
    keywords: z.array(text(30)).max(20),
    guide,
    form: formSchema,
    /** How often a subject may hold the item (a benefit granted once, once per child …); absent: no limit. */
    holdingLimit: z.enum(HOLDING_LIMIT_CODES).optional(),
    /** The certificate approval issues, and which form answers fill its fields. */
    certificate: z.strictObject({ type: z.string().max(60), fields: z.record(z.string().max(40), z.string().max(40)) }).optional(),
    /** 待遇标准 of a benefit: the amount by band and when it is paid, assessed when an application is approved. */
    benefit: benefitTerms.optional(),
    /** 收费规则: what is charged, the exemptions and when it is paid (absent: free, or charged outside the platform). */
    feeRules: feeRules.optional(),
    /** 邮寄费 for posting the result (absent or 0: posted free). */
    postage: z.strictObject({ feeFen: fen }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.feeRules) {
      for (const p of feeRuleProblems(c.feeRules, c.form.fields)) ctx.addIssue({ code: "custom", path: ["feeRules", ...p.path], message: p.message });
      if (c.guide.free) ctx.addIssue({ code: "custom", path: ["guide", "free"], message: "设置了收费规则的事项不能标为不收费" });
    }
    if (c.certificate) {
      const def = CERTIFICATE_TYPE_DEFS[c.certificate.type];
      if (!def) ctx.addIssue({ code: "custom", path: ["certificate", "type"], message: `未知的证照类型“${c.certificate.type}”` });
      for (const [certField, formKey] of Object.entries(c.certificate.fields)) {
        if (def && !def.fields.some((f) => f.key === certField)) ctx.addIssue({ code: "custom", path: ["certificate", "fields", certField], message: `证照没有“${certField}”这一项` });
        if (!c.form.fields.some((f) => f.key === formKey)) ctx.addIssue({ code: "custom", path: ["certificate", "fields", certField], message: `申请表没有字段“${formKey}”` });
      }
    }
    c.benefit?.bands.forEach((b, i) => {
      for (const message of b.when ? ruleProblems(b.when) : []) ctx.addIssue({ code: "custom", path: ["benefit", "bands", i, "when"], message });
    });
    const keys = new Set<string>();
    c.guide.materials.forEach((m, i) => {
      if (keys.has(m.key)) ctx.addIssue({ code: "custom", path: ["guide", "materials", i, "key"], message: `材料标识“${m.key}”重复` });
      keys.add(m.key);
      if (m.situation && !c.guide.situations.some((s) => s.key === m.situation)) {
        ctx.addIssue({ code: "custom", path: ["guide", "materials", i, "situation"], message: `材料引用了不存在的情形“${m.situation}”` });
      }
      const lacking = m.generatedFrom ? missingTemplateElements(m.generatedFrom, formElements(c.form.fields)) : [];
      if (lacking.length) ctx.addIssue({ code: "custom", path: ["guide", "materials", i, "generatedFrom"], message: `生成“${m.name}”所需的数据元不在申请表中：${lacking.join("、")}` });
    });
    if (c.guide.committedLimitDays !== null && c.guide.legalLimitDays !== null && c.guide.committedLimitDays > c.guide.legalLimitDays) {
      ctx.addIssue({ code: "custom", path: ["guide", "committedLimitDays"], message: "承诺时限不得超过法定时限" });
    }
  });
export type ItemContent = z.infer<typeof itemContent>;

export const baseItemSummary = z.object({
  basicCode: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KIND_CODES),
  department: z.string(),
});

/** A published implementation item as the public list shows it. */
export const itemSummary = z.object({
  id: z.string(),
  implCode: z.string(),
  basicCode: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KIND_CODES),
  level: z.enum(LEVEL_CODES),
  orgName: z.string(),
  orgId: z.string(),
  regionCode: z.string(),
  audiences: z.array(z.enum(["person", "enterprise"])),
  themes: z.array(z.string()),
  onlineDepth: z.number(),
  visits: z.number(),
  committedLimitDays: z.number().nullable(),
  version: z.number(),
});
export type ItemSummary = z.infer<typeof itemSummary>;

export const itemDetail = itemSummary.extend({
  content: z.custom<ItemContent>(),
  departmentName: z.string(),
  legalBasis: z.string(),
  action: z.string(),
  publishedAt: z.string().nullable(),
  policies: z.array(z.object({ id: z.string(), docNumber: z.string(), title: z.string(), status: z.string() })),
  /** Every place the same service is done (each district's or street's implementation, this one included), to switch between them. */
  places: z.array(z.object({ id: z.string(), orgName: z.string(), regionCode: z.string(), level: z.enum(LEVEL_CODES) })),
});
export type ItemDetail = z.infer<typeof itemDetail>;

/** The data elements a form carries, in its fields and its tables' columns. */
export function formElements(fields: FormField[]): Set<string> {
  const out = new Set<string>();
  for (const f of fields) {
    if (f.dataElement) out.add(f.dataElement);
    if (f.type === "table") for (const col of f.columns) if (col.dataElement) out.add(col.dataElement);
  }
  return out;
}

/** Every data-element code a content refers to, with where: form fields, table columns, materials. */
export function contentElements(c: ItemContent): Array<{ code: string; path: (string | number)[] }> {
  const out: Array<{ code: string; path: (string | number)[] }> = [];
  c.form.fields.forEach((f, i) => {
    if (f.dataElement) out.push({ code: f.dataElement, path: ["form", "fields", i, "dataElement"] });
    if (f.type === "table") f.columns.forEach((col, j) => col.dataElement && out.push({ code: col.dataElement, path: ["form", "fields", i, "columns", j, "dataElement"] }));
  });
  c.guide.materials.forEach((m, i) => m.replaceableBy?.kind === "dataElement" && out.push({ code: m.replaceableBy.code, path: ["guide", "materials", i, "replaceableBy", "code"] }));
  return out;
}
