import { DOCUMENT_TEMPLATES, type DocumentTemplateKey } from "../../../shared/document-templates";
import { isVisible, type FormValues } from "../../../shared/form-values";
import type { FormField } from "../../../shared/schemas/catalogue";
import type { Block, DocumentModel } from "./pdf-layout";

/** What a template is filled from: the item, its form and the answers, who applies, and when. */
export interface TemplateInput {
  itemName: string;
  fields: FormField[];
  values: FormValues;
  applicantName: string;
  /** The China date of the application (YYYY-MM-DD) and the instant the document is made. */
  date: string;
  createdAt: Date;
  /** Division names for address answers (a division code is stored behind the names). */
  places: ReadonlyMap<string, string>;
  /** Who the document is for (the application's number once it has one, or 预览). */
  reference: string;
}

const PLATFORM = "上海市一网通办";
const DECLARATION = "本申请人承诺：所填写的内容真实、合法、有效，与事实相符；如有虚假，愿意承担相应的法律责任。";

type Cell = string | number | boolean | null | undefined | FormValues | FormValues[];

/** An answer as the document prints it: an option's label, 是/否, a division's name, never a code. */
function shown(field: { type: string; options?: Array<{ value: string; label: string }> | undefined }, value: Cell, places: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === "") return "";
  if (field.type === "choice" || field.options) return field.options?.find((o) => o.value === value)?.label ?? String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (field.type === "address" && typeof value === "string") return places.get(value) ?? value;
  if (field.type === "attachment") return "已上传";
  return String(value);
}

/** The division codes among the answers (address fields), to look their names up. */
export function divisionCodesIn(fields: FormField[], values: FormValues): string[] {
  return fields.filter((f) => f.type === "address" && typeof values[f.key] === "string" && values[f.key] !== "").map((f) => values[f.key] as string);
}

/** Reads answers by data element, so that a template works for any form that carries the elements. */
function reader(input: TemplateInput) {
  const visible = input.fields.filter((f) => isVisible(f, input.values));
  const field = (code: string) => visible.find((f) => f.type !== "table" && f.dataElement === code);
  const el = (code: string) => {
    const f = field(code);
    return f ? shown(f, input.values[f.key] as Cell, input.places) : "";
  };
  const tableAsBlock = (f: Extract<FormField, { type: "table" }>): Block => ({
    kind: "table",
    head: f.columns.map((c) => c.label),
    rows: ((input.values[f.key] as FormValues[] | undefined) ?? []).map((row) => f.columns.map((c) => shown(c, row[c.key] as Cell, input.places) || "—")),
  });
  /** The table holding a column bound to the element, with the column's values. */
  const table = (code: string) => {
    const f = visible.find((x): x is Extract<FormField, { type: "table" }> => x.type === "table" && x.columns.some((c) => c.dataElement === code));
    if (!f) return null;
    const column = f.columns.find((c) => c.dataElement === code)!;
    const rows = (input.values[f.key] as FormValues[] | undefined) ?? [];
    return { block: tableAsBlock(f), values: rows.map((r) => shown(column, r[column.key] as Cell, input.places)).filter(Boolean) };
  };
  /** Every visible answer as the form asks it: a grid of the simple fields, then each table under its label. */
  const allAnswers = (): Block[] => {
    const rows = visible.filter((f) => f.type !== "table").map((f): [string, string] => [f.label, shown(f, input.values[f.key] as Cell, input.places)]);
    const tables = visible.filter((f): f is Extract<FormField, { type: "table" }> => f.type === "table").flatMap((f): Block[] => [{ kind: "heading", text: f.label }, tableAsBlock(f)]);
    return [{ kind: "fields", rows }, ...tables];
  };
  return { el, table, allAnswers, visible };
}

function documentOf(template: DocumentTemplateKey, input: TemplateInput, title: string, blocks: Block[]): DocumentModel {
  return {
    title,
    subtitle: `${input.itemName} · ${input.reference} · ${input.date}`,
    blocks,
    footer: `本文件由${PLATFORM}根据申请表生成（${DOCUMENT_TEMPLATES[template].name}）`,
    meta: { subject: `${input.itemName}：${DOCUMENT_TEMPLATES[template].name}`, author: PLATFORM, createdAt: input.createdAt, keywords: [template, input.reference] },
  };
}

/** 1–99 in Chinese numerals, as articles are numbered (第十五条). */
export function chineseNumber(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? digits[tens] : ""}十${n % 10 ? digits[n % 10] : ""}`;
}

const signLines = (names: string[], role: string, date: string) => [...names.map((n) => `${role}（签字）：${n}`), `日期：${date}`];

/** The five standard templates; each returns the document to lay out. */
export const TEMPLATE_BUILDERS: Record<DocumentTemplateKey, (input: TemplateInput) => DocumentModel> = {
  application_form(input) {
    const r = reader(input);
    return documentOf("application_form", input, `${input.itemName}申请书`, [...r.allAnswers(), { kind: "paragraph", text: DECLARATION }, { kind: "signatures", lines: signLines([input.applicantName], "申请人", input.date) }]);
  },

  articles_of_association(input) {
    const r = reader(input);
    const name = r.el("enterprise.name");
    const holders = r.table("shareholder.name");
    const names = holders?.values.length ? holders.values : [input.applicantName];
    const sole = names.length === 1;
    const address = [r.el("enterprise.divisionCode"), r.el("enterprise.address")].filter(Boolean).join("");
    const scope = r.el("enterprise.businessScope");
    const legalRep = r.el("enterprise.legalRepName");
    const article = (() => {
      let n = 0;
      return (text: string): Block => ({ kind: "paragraph", text: `第${chineseNumber(++n)}条\u3000${text}` });
    })();
    return documentOf("articles_of_association", input, `${name}章程`, [
      { kind: "heading", text: "第一章　总则" },
      article("为规范公司的组织和行为，维护公司、股东和债权人的合法权益，根据《中华人民共和国公司法》（以下简称《公司法》）和有关法律、行政法规的规定，制定本章程。"),
      article(`公司名称：${name}。`),
      article(`公司住所：${address || "以登记机关登记的为准"}。`),
      article(`公司注册资本为人民币 ${r.el("enterprise.registeredCapital")} 万元。`),
      article("公司营业期限为长期，自营业执照签发之日起计算。"),
      article("公司为有限责任公司，股东以其认缴的出资额为限对公司承担责任；公司以其全部财产对公司的债务承担责任。"),
      { kind: "heading", text: "第二章　经营范围" },
      article(`公司的经营范围：${scope || "以登记机关核准的为准"}。`),
      { kind: "heading", text: "第三章　股东的姓名或者名称、出资额和出资期限" },
      article("股东的姓名或者名称、证件号码和认缴出资额如下："),
      ...(holders ? [holders.block] : []),
      article("股东以货币出资，应当自公司成立之日起五年内缴足认缴的出资额。"),
      { kind: "heading", text: "第四章　公司的机构及其产生办法、职权、议事规则" },
      article(sole ? "公司不设股东会。股东作出《公司法》规定的决定时，应当采用书面形式，并由股东签名后置备于公司。" : "股东会由全体股东组成，是公司的权力机构，依照《公司法》行使职权。股东会会议由股东按照出资比例行使表决权。"),
      article(`公司不设董事会，设董事一人，由${sole ? "股东决定" : "股东会选举"}产生，任期三年，任期届满可以连任。`),
      article("公司设经理一人，由董事兼任。"),
      article("经全体股东一致同意，公司不设监事。"),
      { kind: "heading", text: "第五章　公司的法定代表人" },
      article(`公司的法定代表人由执行公司事务的董事担任${legalRep ? `，为${legalRep}` : ""}。`),
      { kind: "heading", text: "第六章　附则" },
      article("本章程自全体股东签署之日起生效。本章程为标准章程文本，由系统根据申请表填写，全体股东在签署前已审阅。"),
      { kind: "signatures", lines: signLines(names, "股东", input.date) },
    ]);
  },

  officer_appointment(input) {
    const r = reader(input);
    const name = r.el("enterprise.name");
    const holders = r.table("shareholder.name")?.values ?? [input.applicantName];
    const sole = holders.length <= 1;
    const legalRep = r.el("enterprise.legalRepName");
    const officers: Block = {
      kind: "table",
      head: ["职务", "姓名", "证件号码", "产生方式"],
      rows: [
        ["董事、法定代表人", legalRep, r.el("enterprise.legalRepIdNumber") || "—", sole ? "股东决定" : "股东会选举"],
        ["经理", legalRep, r.el("enterprise.legalRepIdNumber") || "—", "董事兼任"],
      ],
    };
    return documentOf("officer_appointment", input, `${name}${sole ? "股东决定" : "股东会决议"}`, [
      { kind: "paragraph", text: `根据《中华人民共和国公司法》和公司章程的规定，${sole ? "股东" : "全体股东"}于 ${input.date} 作出如下${sole ? "决定" : "决议"}：` },
      { kind: "paragraph", text: `一、选举${legalRep}为公司董事，担任公司法定代表人，任期三年。` },
      { kind: "paragraph", text: `二、聘任${legalRep}为公司经理。` },
      { kind: "paragraph", text: "三、经全体股东一致同意，公司不设监事。" },
      officers,
      { kind: "paragraph", text: "上述人员的任职资格符合《公司法》的规定，不存在不得担任公司董事、高级管理人员的情形。" },
      { kind: "signatures", lines: signLines(holders, "股东", input.date) },
    ]);
  },

  invoice_application(input) {
    const r = reader(input);
    return documentOf("invoice_application", input, "发票领用申请表", [
      ...r.allAnswers(),
      { kind: "paragraph", text: "纳税人承诺：所申请领用的发票将按照《中华人民共和国发票管理办法》的规定开具、使用和保管。" },
      { kind: "signatures", lines: signLines([r.el("tax.officerName") || r.el("contact.name") || input.applicantName], "经办人", input.date) },
    ]);
  },

  food_safety_rules(input) {
    const r = reader(input);
    const name = r.el("enterprise.name");
    const rules: Array<[string, string]> = [
      ["从业人员健康管理制度", "从业人员健康证明、每日晨检、患病人员调离"],
      ["从业人员培训考核制度", "上岗前及每年食品安全知识培训与考核"],
      ["食品安全自查制度", "定期自查食品安全状况，发现问题及时整改并报告"],
      ["进货查验记录制度", "查验供货者许可证和产品合格证明，记录保存不少于 2 年"],
      ["食品贮存管理制度", "分类分架、离地离墙存放，定期检查，及时清理变质和超过保质期的食品"],
      ["场所及设施设备清洗消毒和维修保养制度", "经营场所、设施设备及餐饮具的清洗、消毒、维修和保养"],
      ["食品添加剂使用管理制度", "专人采购、专人保管、专人领用、专人登记、专柜保存"],
      ["废弃物处置制度", "餐厨废弃物分类收集，交由有资质的单位处置并记录"],
      ["食品安全突发事件应急处置方案", "事故报告、封存控制、配合调查及善后处置"],
    ];
    return documentOf("food_safety_rules", input, `${name}食品安全管理制度目录`, [
      { kind: "paragraph", text: `根据《中华人民共和国食品安全法》和《食品经营许可和备案管理办法》，${name}建立并执行以下食品安全管理制度，制度全文存放于经营场所备查：` },
      { kind: "table", head: ["序号", "制度名称", "主要内容"], rows: rules.map(([rule, what], i) => [String(i + 1), rule, what]) },
      { kind: "signatures", lines: signLines([r.el("enterprise.legalRepName") || input.applicantName], "法定代表人（负责人）", input.date) },
    ]);
  },

  staff_list(input) {
    const r = reader(input);
    const name = r.el("enterprise.name");
    const staff = r.visible.find((f): f is Extract<FormField, { type: "table" }> => f.type === "table" && !f.columns.some((c) => c.dataElement?.startsWith("shareholder.")));
    const rows = staff ? ((input.values[staff.key] as FormValues[] | undefined) ?? []) : [];
    const body: Block[] = staff && rows.length
      ? [{ kind: "table", head: ["序号", ...staff.columns.map((c) => c.label)], rows: rows.map((row, i) => [String(i + 1), ...staff.columns.map((c) => shown(c, row[c.key] as Cell, input.places) || "—")]) }]
      : [{ kind: "paragraph", text: `申请表未逐一列明职工，职工人数为 ${r.el("enterprise.employees") || "—"} 人；开户后可在单位网上业务平台补充职工个人账户信息。` }];
    return documentOf("staff_list", input, `${name}职工名单`, [
      { kind: "fields", rows: [["单位名称", name], ["职工人数", r.el("enterprise.employees")]] },
      ...body,
      { kind: "signatures", lines: signLines([r.el("contact.name") || input.applicantName], "单位经办人", input.date) },
    ]);
  },
};
