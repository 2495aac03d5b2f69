/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015):
 * registration authority + category + 6-digit division code + 9-character organisation code + check.
 */

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeError = "CREDIT_CODE_FORMAT" | "CREDIT_CODE_CHECKSUM";

/**
 * Registration authorities (登记管理部门) and their institution categories (机构类别), as GB 32100
 * and the authorities assigned since define them. Every authority also has 9 其他.
 */
export const REGISTRATION_AUTHORITIES: Record<string, { name: string; categories: Record<string, string> }> = {
  "1": { name: "机构编制", categories: { "1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他" } },
  "2": { name: "外交", categories: { "1": "外国常驻新闻机构", "9": "其他" } },
  "3": { name: "司法行政", categories: { "1": "律师执业机构", "2": "公证处", "3": "基层法律服务所", "4": "司法鉴定机构", "5": "仲裁委员会", "9": "其他" } },
  "4": { name: "文化", categories: { "1": "外国在华文化中心", "9": "其他" } },
  "5": { name: "民政", categories: { "1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他" } },
  "6": { name: "旅游", categories: { "1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他" } },
  "7": { name: "宗教", categories: { "1": "宗教活动场所", "2": "宗教院校", "9": "其他" } },
  "8": { name: "工会", categories: { "1": "基层工会", "9": "其他" } },
  "9": { name: "工商", categories: { "1": "企业", "2": "个体工商户", "3": "农民专业合作社", "9": "其他" } },
  A: { name: "中央军委改革和编制办公室", categories: { "1": "军队事业单位", "9": "其他" } },
  N: { name: "农业", categories: { "1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他" } },
  Y: { name: "其他", categories: { "1": "其他", "9": "其他" } },
};

/** The registration authority and institution category a credit code names, or null when it names none. */
export function creditCodeRegistration(code: string): { authority: string; category: string } | null {
  const authority = REGISTRATION_AUTHORITIES[code[0] ?? ""];
  const category = authority?.categories[code[1] ?? ""];
  return authority && category ? { authority: authority.name, category } : null;
}

/** The check character for the first 17 characters. Note the final `% 31`: a sum divisible by 31 gives "0". */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Validates an 18-character credit code; lower case is normalised to upper case. */
export function validateCreditCode(
  input: string,
): { ok: true; value: { creditCode: string; divisionCode: string } } | { ok: false; error: CreditCodeError } {
  const creditCode = input.trim().toUpperCase();
  const charClass = `[${CREDIT_CODE_CHARSET}]`;
  if (!new RegExp(`^${charClass}{2}\\d{6}${charClass}{9}${charClass}$`).test(creditCode) || !creditCodeRegistration(creditCode)) {
    return { ok: false, error: "CREDIT_CODE_FORMAT" };
  }
  if (creditCodeCheckChar(creditCode.slice(0, 17)) !== creditCode[17]) {
    return { ok: false, error: "CREDIT_CODE_CHECKSUM" };
  }
  return { ok: true, value: { creditCode, divisionCode: creditCode.slice(2, 8) } };
}

/** Organisation code (GB 11714) check character for an 8-character body. */
export function organisationCodeCheckChar(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * weights[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Builds a valid credit code from its parts (used by demo data and tests). */
export function buildCreditCode(authority: string, category: string, divisionCode: string, orgBody8: string): string {
  const first17 = `${authority}${category}${divisionCode}${orgBody8}${organisationCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}
