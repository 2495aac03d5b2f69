/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015):
 * registration authority + category + 6-digit division code + 9-character organisation code + check.
 */

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeError = "CREDIT_CODE_FORMAT" | "CREDIT_CODE_CHECKSUM";

/** Registration authorities and, for 工商, the category codes. */
export const REGISTRATION_AUTHORITIES: Record<string, string> = {
  "1": "机构编制",
  "5": "民政",
  "9": "工商",
  Y: "其他",
};

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
  if (!new RegExp(`^[159Y]${charClass}\\d{6}${charClass}{9}${charClass}$`).test(creditCode)) {
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
