import { buildCreditCode } from "./validation/credit-code";

/**
 * Certificate types (证照类型) the platform issues and recognises: code, name, the defining authority
 * (whose credit code + 3 digits is the type code in the identifier), the holder kind, the fields and
 * how long a certificate is valid. Credit codes here are synthetic, with valid check characters.
 */
export interface CertificateTypeDef {
  code: string;
  name: string;
  authority: string;
  /** The defining authority's credit code followed by the type's 3 digits. */
  typeCode: string;
  holder: "person" | "enterprise";
  fields: Array<{ key: string; label: string }>;
  /** Years of validity from issue; null for long-term (长期). */
  validityYears: number | null;
  /** Which data element each field states ("@number": the certificate's number), for prefill. */
  elements?: Record<string, string>;
}

const authority = (body8: string) => buildCreditCode("1", "1", "100000", body8);

export const CERTIFICATE_TYPE_DEFS: Record<string, CertificateTypeDef> = {
  food_business_licence: {
    code: "food_business_licence",
    name: "食品经营许可证",
    authority: "国家市场监督管理总局",
    typeCode: `${authority("00001350")}012`,
    holder: "enterprise",
    fields: [
      { key: "operatorName", label: "经营者名称" },
      { key: "creditCode", label: "统一社会信用代码" },
      { key: "legalRep", label: "法定代表人（负责人）" },
      { key: "premises", label: "经营场所" },
      { key: "mainBusiness", label: "主体业态" },
    ],
    validityYears: 5,
    elements: { operatorName: "enterprise.name", legalRep: "enterprise.legalRepName" },
  },
  business_licence: {
    code: "business_licence",
    name: "营业执照",
    authority: "国家市场监督管理总局",
    typeCode: `${authority("00001350")}001`,
    holder: "enterprise",
    fields: [
      { key: "name", label: "名称" },
      { key: "creditCode", label: "统一社会信用代码" },
      { key: "legalRep", label: "法定代表人" },
      { key: "address", label: "住所" },
    ],
    validityYears: null,
    elements: { name: "enterprise.name", legalRep: "enterprise.legalRepName" },
  },
  marriage_certificate: {
    code: "marriage_certificate",
    name: "结婚证",
    authority: "中华人民共和国民政部",
    typeCode: `${authority("00001393")}003`,
    holder: "person",
    fields: [
      { key: "holderName", label: "持证人" },
      { key: "spouseName", label: "配偶姓名" },
      { key: "registeredOn", label: "登记日期" },
    ],
    validityYears: null,
    elements: { spouseName: "spouse.name" },
  },
  resident_id: {
    code: "resident_id",
    name: "居民身份证",
    authority: "中华人民共和国公安部",
    typeCode: `${authority("00001330")}001`,
    holder: "person",
    fields: [
      { key: "name", label: "姓名" },
      { key: "gender", label: "性别" },
      { key: "birthDate", label: "出生" },
      { key: "address", label: "住址" },
    ],
    validityYears: 20,
    elements: { name: "person.name", gender: "person.gender", birthDate: "person.birthDate" },
  },
  household_register: {
    code: "household_register",
    name: "居民户口簿",
    authority: "中华人民共和国公安部",
    typeCode: `${authority("00001330")}002`,
    holder: "person",
    fields: [
      { key: "holderName", label: "姓名" },
      { key: "address", label: "住址" },
      { key: "members", label: "同户成员" },
      { key: "registeredOn", label: "登记日期" },
    ],
    validityYears: null,
    elements: { holderName: "person.name" },
  },
  birth_certificate: {
    code: "birth_certificate",
    name: "出生医学证明",
    authority: "中华人民共和国国家卫生健康委员会",
    typeCode: `${authority("00001396")}001`,
    holder: "person",
    fields: [
      { key: "childName", label: "新生儿姓名" },
      { key: "childGender", label: "性别" },
      { key: "birthDate", label: "出生时间" },
      { key: "birthPlace", label: "出生地点" },
      { key: "motherName", label: "母亲姓名" },
      { key: "fatherName", label: "父亲姓名" },
    ],
    validityYears: null,
    elements: { childName: "child.name", childGender: "child.gender", birthDate: "child.birthDate", birthPlace: "child.birthPlace", "@number": "child.birthCertNumber" },
  },
  residence_permit: {
    code: "residence_permit",
    name: "上海市居住证",
    authority: "上海市公安局",
    typeCode: `${authority("00002310")}001`,
    holder: "person",
    fields: [
      { key: "holderName", label: "姓名" },
      { key: "permitNumber", label: "居住证号码" },
      { key: "endorsement", label: "签注" },
    ],
    validityYears: 1,
    elements: { holderName: "person.name" },
  },
  social_security_card: {
    code: "social_security_card",
    name: "社会保障卡",
    authority: "中华人民共和国人力资源和社会保障部",
    typeCode: `${authority("00001410")}001`,
    holder: "person",
    fields: [
      { key: "holderName", label: "姓名" },
      { key: "reason", label: "申领原因" },
    ],
    validityYears: 10,
    elements: { holderName: "person.name" },
  },
  senior_card: {
    code: "senior_card",
    name: "上海市敬老卡",
    authority: "上海市民政局",
    typeCode: `${authority("00002340")}001`,
    holder: "person",
    fields: [
      { key: "holderName", label: "姓名" },
      { key: "allowance", label: "享受待遇" },
    ],
    validityYears: null,
    elements: { holderName: "person.name" },
  },
  fiscal_receipt: {
    code: "fiscal_receipt",
    name: "财政电子票据",
    authority: "中华人民共和国财政部",
    typeCode: `${authority("00001318")}101`,
    holder: "person",
    fields: [
      { key: "billCode", label: "票据代码" },
      { key: "billNumber", label: "票据号码" },
      { key: "checkCode", label: "校验码" },
      { key: "payer", label: "交款人" },
      { key: "items", label: "项目" },
      { key: "amount", label: "金额（元）" },
      { key: "payCode", label: "缴款码" },
      { key: "paidAt", label: "缴款时间" },
    ],
    validityYears: null,
  },
  education_certificate: {
    code: "education_certificate",
    name: "学历证书",
    authority: "中华人民共和国教育部",
    typeCode: `${authority("00001360")}001`,
    holder: "person",
    fields: [
      { key: "holderName", label: "姓名" },
      { key: "school", label: "学校" },
      { key: "major", label: "专业" },
      { key: "level", label: "层次" },
      { key: "graduatedOn", label: "毕业日期" },
    ],
    validityYears: null,
    elements: { level: "person.education" },
  },
};

/** A synthetic but valid credit code for an organisation of the demo city, stable for its org code. */
export function orgCreditCode(orgCode: string, divisionCode: string): string {
  let h = 2166136261;
  for (const ch of orgCode) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return buildCreditCode("1", "1", divisionCode.slice(0, 6).padEnd(6, "0"), String(h % 100_000_000).padStart(8, "0"));
}

/** A link lives at most a week. */
export const MAX_SHARE_HOURS = 168;
