import type { DocumentTemplateKey } from "../../../shared/document-templates";
import type { BenefitTerms } from "../../../shared/benefit";
import type { FeeRules } from "../../../shared/fees";
import type { HoldingLimit } from "../../../shared/catalogue";
import type { Audience, Channel, ItemAction, ItemKind, Scope, Theme } from "../../../shared/catalogue";
import type { FormField, ItemContent, Material } from "../../../shared/schemas/catalogue";

/**
 * A compact way to write the demo catalogue: one base item with its guide and form, and where it
 * is implemented. `expand` turns it into complete item content.
 */
export interface BaseItemDef {
  code: string;
  name: string;
  kind: ItemKind;
  dept: string;
  action: ItemAction;
  audiences: Audience[];
  themes: Theme[];
  keywords: string[];
  summary: string;
  setting: string;
  implementing: string;
  conditions: string[];
  materials: MaterialDef[];
  steps: Array<[string, number] | [string, number, false]>;
  legal: number | null;
  committed: number | null;
  fees?: Array<[string, string, string]>;
  channels: Channel[];
  depth: 1 | 2 | 3 | 4;
  visits: 0 | 1 | 2;
  /** 告知承诺制: may be submitted without some materials on the applicant's promise. */
  promise?: boolean;
  scope: Scope[];
  faq: Array<[string, string]>;
  situations?: Array<[string, string]>;
  form: FieldDef[];
  /** Where it is implemented: city-level, listed districts, streets (by district), communities (by district). */
  at: { city?: boolean; districts?: string[]; streets?: string[]; communities?: string[] };
  /** Per-org differences (for the consistency check), keyed by district code. */
  variants?: Record<string, Variant>;
  /** The certificate approval issues, with certificate field → form field. */
  certificate?: { type: string; fields: Record<string, string> };
  /** How often a subject may hold the item (absent: no limit). */
  holdingLimit?: HoldingLimit;
  /** 收费规则: what the platform collects, the exemptions and the stage (the guide's fee text stays as written). */
  feeRules?: FeeRules;
  /** 待遇标准 of a benefit: amount by band, when and where it is paid. */
  benefit?: BenefitTerms;
}

/** How one org's implementation differs from the base definition (for the consistency and completeness audits). */
export interface Variant {
  name?: string;
  committed?: number;
  fees?: Array<[string, string, string]>;
  /** A recorded reason makes a difference acceptable to the consistency check. */
  note?: string;
  dropMaterial?: string;
  omit?: Array<"faq" | "complaintPhone" | "hours">;
}

/** Applies an org's variant to the expanded content. */
export function applyVariant(content: ItemContent, v: Variant | undefined): ItemContent {
  if (!v) return content;
  const guide = { ...content.guide };
  if (v.committed !== undefined) guide.committedLimitDays = v.committed;
  if (v.fees) {
    guide.fees = v.fees.map(([name, amount, basis]) => ({ name, amount, basis }));
    guide.free = v.fees.length === 0;
  }
  if (v.dropMaterial) guide.materials = guide.materials.filter((m) => m.key !== v.dropMaterial);
  for (const o of v.omit ?? []) {
    if (o === "faq") guide.faq = [];
    else guide[o] = "";
  }
  return { ...content, ...(v.name ? { name: v.name } : {}), guide };
}

/** [key, name, form, medium, source, requirements, replaceableBy (cert:/de:) or generatedFrom (gen:)?, situation?] */
export type MaterialDef = [string, string, Material["form"], Material["medium"], string, string, (`cert:${string}` | `de:${string}` | `gen:${DocumentTemplateKey}`)?, string?];

/** [key, label, type, dataElement?, required?, options or extras?] */
export type FieldDef =
  | [string, string, FormField["type"], string?, boolean?]
  | [string, string, "choice", string | undefined, boolean, Array<[string, string]>]
  | [string, string, FormField["type"], string | undefined, boolean, { visibleIf?: [string, string | boolean]; maxLength?: number; min?: number; max?: number; columns?: FieldDef[] }];

function field(def: FieldDef): FormField {
  const [key, label, type, dataElement, required = false, extra] = def;
  const base = { key, label, required, ...(dataElement ? { dataElement } : {}) };
  if (Array.isArray(extra)) return { ...base, type: "choice", options: extra.map(([value, l]) => ({ value, label: l })) } as FormField;
  const e = extra ?? {};
  const more = {
    ...(e.visibleIf ? { visibleIf: { field: e.visibleIf[0], equals: e.visibleIf[1] } } : {}),
    ...(e.maxLength ? { maxLength: e.maxLength } : {}),
    ...(e.min !== undefined ? { min: e.min } : {}),
    ...(e.max !== undefined ? { max: e.max } : {}),
  };
  if (type === "table") return { ...base, ...more, type: "table", columns: (e.columns ?? []).map((c) => field(c) as Exclude<FormField, { type: "table" }>) };
  return { ...base, ...more, type } as FormField;
}

function materialOf([key, name, form, medium, source, requirements, replace, situation]: MaterialDef): Material {
  return {
    key,
    name,
    form,
    count: 1,
    medium,
    source,
    requirements,
    blankForm: source === "申请人自备（提供空白格式文本）",
    sample: source === "申请人自备（提供空白格式文本）",
    ...(replace?.startsWith("gen:") ? { generatedFrom: replace.slice(4) as DocumentTemplateKey } : {}),
    ...(replace && !replace.startsWith("gen:") ? { replaceableBy: { kind: replace.startsWith("cert:") ? ("certificate" as const) : ("dataElement" as const), code: replace.slice(replace.indexOf(":") + 1) } } : {}),
    ...(situation ? { situation } : {}),
  };
}

/** The content of the item as implemented by one org (before per-org variants). */
export function expand(def: BaseItemDef, place: { location: string; hours: string; consultPhone: string; complaintPhone: string }): ItemContent {
  const fees = def.fees ?? [];
  return {
    name: def.name,
    summary: def.summary,
    audiences: def.audiences,
    themes: def.themes,
    keywords: def.keywords,
    guide: {
      legalBasisSetting: def.setting,
      legalBasisImplementing: def.implementing,
      conditions: def.conditions,
      materials: def.materials.map(materialOf),
      steps: def.steps.map(([name, days, counted]) => ({ name, days, countedInLimit: counted !== false })),
      legalLimitDays: def.legal,
      committedLimitDays: def.committed,
      free: fees.length === 0,
      fees: fees.map(([name, amount, basis]) => ({ name, amount, basis })),
      location: place.location,
      hours: place.hours,
      channels: def.channels,
      onlineDepth: def.depth,
      visits: def.visits,
      promise: def.promise ?? false,
      scope: def.scope,
      consultPhone: place.consultPhone,
      complaintPhone: place.complaintPhone,
      faq: def.faq.map(([q, a]) => ({ q, a })),
      situations: (def.situations ?? []).map(([key, question]) => ({ key, question })),
    },
    form: { fields: def.form.map(field) },
    ...(def.certificate ? { certificate: def.certificate } : {}),
    ...(def.holdingLimit ? { holdingLimit: def.holdingLimit } : {}),
    ...(def.benefit ? { benefit: def.benefit } : {}),
    ...(def.feeRules ? { feeRules: def.feeRules } : {}),
  };
}

export const APPLICANT_PERSON: FieldDef[] = [
  ["name", "申请人姓名", "text", "person.name", true],
  ["idNumber", "身份证号码", "idNumber", "person.idNumber", true],
  ["mobile", "联系电话", "mobile", "person.mobile", true],
];

export const APPLICANT_ENTERPRISE: FieldDef[] = [
  ["enterpriseName", "企业名称", "text", "enterprise.name", true],
  ["creditCode", "统一社会信用代码", "creditCode", "enterprise.creditCode", true],
  ["legalRep", "法定代表人", "text", "enterprise.legalRepName", true],
  ["contact", "经办人", "text", "contact.name", true],
  ["contactMobile", "经办人电话", "mobile", "contact.mobile", true],
];

export const ID_CARD: MaterialDef = ["id_card", "申请人有效身份证件", "original", "either", "公安机关", "在有效期内；可通过电子证照调用，无需提交", "cert:resident_id"];
export const HOUSEHOLD: MaterialDef = ["household_register", "居民户口簿", "original", "either", "公安机关", "本人户籍页及户主页", "cert:household_register"];
export const LICENCE: MaterialDef = ["business_licence", "营业执照", "copy", "either", "市场监管部门", "加盖企业公章；可通过电子营业执照调用", "cert:business_licence"];
export const AGENT_AUTH: MaterialDef = ["agent_authorisation", "授权委托书及经办人身份证件", "original", "either", "申请人自备（提供空白格式文本）", "委托他人办理时提交，须载明委托事项和权限", undefined, "by_agent"];
export const BY_AGENT: [string, string] = ["by_agent", "是否委托他人代为办理？"];
