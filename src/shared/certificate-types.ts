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
  },
};

/** A synthetic but valid credit code for an organisation of the demo city, stable for its org code. */
export function orgCreditCode(orgCode: string, divisionCode: string): string {
  let h = 2166136261;
  for (const ch of orgCode) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return buildCreditCode("1", "1", divisionCode.slice(0, 6).padEnd(6, "0"), String(h % 100_000_000).padStart(8, "0"));
}
