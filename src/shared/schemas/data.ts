import { z } from "zod";
import { SELF_ROLE_CODES } from "../self-roles";
import { int32 } from "./common";
import { DATA_ELEMENT_CODE } from "../data-elements";

/** Data-element dictionary (数据元), sharing rules (共享目录) and consented prefill: shapes the API speaks. */

const codeListEntry = z.strictObject({ value: z.string().trim().min(1).max(40), label: z.string().trim().min(1).max(60) });

export const dataElementInput = z
  .strictObject({
    name: z.string().trim().min(1).max(40),
    nameEn: z.string().trim().min(1).max(80),
    valueType: z.enum(["string", "date", "number", "code", "boolean"]),
    format: z.string().trim().max(120).nullable(),
    codeList: z.array(codeListEntry).max(200).nullable(),
    description: z.string().trim().max(300),
    sensitivity: z.enum(["public", "internal", "personal", "sensitive"]),
    authoritative: z.boolean(),
  })
  .superRefine((e, ctx) => {
    if (e.valueType === "code" && !e.codeList?.length && !e.format) ctx.addIssue({ code: "custom", path: ["codeList"], message: "代码型数据元须给出代码表或所依据的代码标准" });
    const values = new Set<string>();
    e.codeList?.forEach((c, i) => {
      if (values.has(c.value)) ctx.addIssue({ code: "custom", path: ["codeList", i, "value"], message: `代码“${c.value}”重复` });
      values.add(c.value);
    });
  });
export type DataElementInput = z.infer<typeof dataElementInput>;

export const dataElementCreate = z.strictObject({ code: z.string().trim().regex(DATA_ELEMENT_CODE, "编码格式为“类别.名称”，如 person.idNumber"), element: dataElementInput });
export const dataElementUpdate = z.strictObject({ element: dataElementInput, lockVersion: int32.min(0) });

export const dataElementView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  valueType: z.string(),
  format: z.string().nullable(),
  codeList: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  description: z.string(),
  sensitivity: z.string(),
  authoritative: z.boolean(),
  lockVersion: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type DataElementView = z.infer<typeof dataElementView>;

/** Subjects a rule reaches: the applicant, their family (spouse, children), an enterprise's legal representative. */
export const SHARING_SUBJECTS = {
  applicant: { zh: "申请人本人（或申请企业）", en: "The applicant (or applying enterprise)" },
  applicant_family: { zh: "申请人家庭成员（配偶、子女）", en: "The applicant's family (spouse, children)" },
  legal_representative: { zh: "申请企业的法定代表人", en: "The applying enterprise's legal representative" },
} as const;

/** Rule elements: data-element codes, or `cert:<type>` for a certificate type in the e-certificate library. */
export const sharingRuleInput = z.strictObject({
  orgId: z.uuid(),
  itemCode: z.string().trim().regex(/^[A-Z]{2}\d{8}$/, "事项基本编码如 XK00012000"),
  subject: z.enum(["applicant", "applicant_family", "legal_representative"]),
  elements: z.array(z.string().trim().min(3).max(80)).min(1).max(60),
  note: z.string().trim().max(200).default(""),
});
export type SharingRuleInput = z.infer<typeof sharingRuleInput>;

export const sharingRuleView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  itemCode: z.string(),
  itemName: z.string().nullable(),
  subject: z.string(),
  elements: z.array(z.object({ code: z.string(), name: z.string() })),
  status: z.string(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SharingRuleView = z.infer<typeof sharingRuleView>;

/** One source's value for a field: which registry, which department, when it was last updated. */
export const prefillSource = z.object({
  registry: z.string(),
  registryName: z.string(),
  orgName: z.string(),
  updatedAt: z.string().nullable(),
  value: z.union([z.string(), z.number()]),
});

export const prefillField = z.object({
  key: z.string(),
  label: z.string(),
  element: z.string(),
  value: z.union([z.string(), z.number()]),
  /** The source the value is taken from: "来自 人口库 · 市公安局". */
  source: prefillSource,
  authoritative: z.boolean(),
  /** Other sources that hold a different value: shown, not hidden. */
  conflicts: z.array(prefillSource),
});
export type PrefillField = z.infer<typeof prefillField>;

/** 本人担任: the roles of the form the applicant holds themselves (filled from their verified identity, then binding). */
export const selfRoles = z.array(z.enum(SELF_ROLE_CODES)).max(SELF_ROLE_CODES.length);
export const prefillRequest = z.strictObject({ consent: z.literal(true), selfRoles: selfRoles.optional() });
export const prefillResponse = z.object({
  prefillId: z.string(),
  orgName: z.string(),
  fields: z.array(prefillField),
  /** Bound fields the registries hold nothing for: the applicant types them. */
  missing: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Materials that shared evidence would satisfy on submission (免提交). */
  waivable: z.array(z.object({ materialKey: z.string(), materialName: z.string(), evidence: z.string() })),
  expiresAt: z.string(),
});
export type PrefillResponse = z.infer<typeof prefillResponse>;

/** One registry import, applied or rejected. */
export const registryImportView = z.object({
  id: z.string(),
  registry: z.string(),
  registryName: z.string(),
  sourceOrgName: z.string(),
  fileName: z.string().nullable(),
  rowsTotal: z.number(),
  rowsApplied: z.number(),
  status: z.string(),
  problems: z.number(),
  by: z.string().nullable(),
  at: z.string(),
});
export type RegistryImportView = z.infer<typeof registryImportView>;

/** Data quality of one registry as one department supplies it; shares are 0–1. */
export const registryQuality = z.object({
  registry: z.string(),
  registryName: z.string(),
  sourceOrgCode: z.string(),
  orgName: z.string(),
  records: z.number(),
  completeness: z.number(),
  validity: z.number().nullable(),
  freshness: z.number(),
  oldestUpdate: z.string().nullable(),
  conflicts: z.number(),
  conflictNotes: z.array(z.string()),
});
export type RegistryQuality = z.infer<typeof registryQuality>;

export const importProblem = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblem>;
