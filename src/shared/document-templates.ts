/**
 * 系统生成材料: the documents the platform produces from an application's form instead of asking the
 * applicant to upload them. A material declares `generatedFrom: <template>`; the template reads the
 * form's answers by data element, so it works for every item and 一件事 whose form carries the
 * elements it needs (checked when the catalogue content is saved). `signedBy`: the people the form
 * names who sign it besides the applicant (多方在线签署: each in their own account before submission).
 */
export const DOCUMENT_TEMPLATES = {
  /** 申请书: every answer of the form, with the applicant's declaration — needs nothing particular. */
  application_form: { name: "申请书", nameEn: "Application form", needs: [], signedBy: ["legalRep"] },
  /** 公司章程: a standard template filled with the name, address, capital, shareholders, term and bodies. */
  articles_of_association: { name: "公司章程", nameEn: "Articles of association", needs: ["enterprise.name", "enterprise.registeredCapital", "enterprise.legalRepName", "shareholder.name"], signedBy: ["shareholder"] },
  /** 任职文件: the shareholders' decision appointing the executive director, manager and supervisor. */
  officer_appointment: { name: "任职文件（股东决定）", nameEn: "Appointment of officers", needs: ["enterprise.name", "enterprise.legalRepName", "shareholder.name"], signedBy: ["shareholder"] },
  /** 发票领用申请表. */
  invoice_application: { name: "发票领用申请表", nameEn: "Invoice application", needs: ["enterprise.name"], signedBy: [] },
  /** 食品安全管理制度目录: the rules a food business keeps (《食品经营许可审查通则》), under the business's name. */
  food_safety_rules: { name: "食品安全管理制度目录", nameEn: "Food safety rules", needs: ["enterprise.name"], signedBy: [] },
  /** 职工名单: the staff the form lists, or the number employed. */
  staff_list: { name: "职工名单", nameEn: "Staff list", needs: ["enterprise.name", "enterprise.employees"], signedBy: [] },
} as const satisfies Record<string, { name: string; nameEn: string; needs: readonly string[]; signedBy: ReadonlyArray<"legalRep" | "shareholder"> }>;

export type DocumentTemplateKey = keyof typeof DOCUMENT_TEMPLATES;
export const DOCUMENT_TEMPLATE_KEYS = Object.keys(DOCUMENT_TEMPLATES) as [DocumentTemplateKey, ...DocumentTemplateKey[]];

/** The data elements a template needs that the form does not carry (in a field or a table column). */
export function missingTemplateElements(template: DocumentTemplateKey, formElements: ReadonlySet<string>): string[] {
  return DOCUMENT_TEMPLATES[template].needs.filter((code) => !formElements.has(code));
}
