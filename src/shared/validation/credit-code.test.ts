import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCreditCode, CREDIT_CODE_CHARSET, creditCodeCheckChar, creditCodeRegistration, REGISTRATION_AUTHORITIES, organisationCodeCheckChar, validateCreditCode } from "./credit-code";

describe("unified social credit code (GB 32100)", () => {
  it("accepts a well-formed code and reads its division", () => {
    const code = buildCreditCode("9", "1", "310101", "MA1FL8K2");
    expect(validateCreditCode(code)).toEqual({ ok: true, value: { creditCode: code, divisionCode: "310101" } });
  });

  it("accepts the published example 91350100M000100Y43", () => {
    expect(validateCreditCode("91350100M000100Y43").ok).toBe(true);
  });

  it("rejects letters outside the charset (I, O, S, V, Z) and a bad authority", () => {
    expect(validateCreditCode("91310101MA1FL8KI2X")).toEqual({ ok: false, error: "CREDIT_CODE_FORMAT" });
    expect(validateCreditCode("B1310101MA1FL8K2XX")).toEqual({ ok: false, error: "CREDIT_CODE_FORMAT" });
    // A known authority with a category it does not have.
    const badCategory = buildCreditCode("9", "4", "310101", "MA1FL8K2");
    expect(validateCreditCode(badCategory)).toEqual({ ok: false, error: "CREDIT_CODE_FORMAT" });
  });

  it("accepts the authorities assigned after 2015: a Shanghai law firm (司法行政), trade unions, religious sites", () => {
    expect(validateCreditCode("31310000MA1K3BTP2L")).toEqual({ ok: true, value: { creditCode: "31310000MA1K3BTP2L", divisionCode: "310000" } });
    expect(creditCodeRegistration("31310000MA1K3BTP2L")).toEqual({ authority: "司法行政", category: "律师执业机构" });
    for (const [authority, category] of [["8", "1"], ["7", "1"], ["7", "2"], ["N", "2"], ["A", "1"], ["2", "1"], ["4", "1"], ["6", "2"], ["3", "2"]] as const) {
      const code = buildCreditCode(authority, category, "310104", "MA1FL8K2");
      expect(validateCreditCode(code).ok, code).toBe(true);
    }
  });

  it("accepts every authority and category the table names, each with its check character", () => {
    for (const [authority, { categories }] of Object.entries(REGISTRATION_AUTHORITIES)) {
      for (const category of Object.keys(categories)) {
        const code = buildCreditCode(authority, category, "310115", "12345678");
        expect(validateCreditCode(code).ok, code).toBe(true);
        const wrongCheck = code.slice(0, 17) + CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[17]!) + 1) % 31];
        expect(validateCreditCode(wrongCheck)).toEqual({ ok: false, error: "CREDIT_CODE_CHECKSUM" });
      }
    }
  });

  it("maps a sum divisible by 31 to check character 0 (the final % 31)", () => {
    // Search for a body whose weighted sum is a multiple of 31; the check must be "0", not charset[31].
    let found: string | null = null;
    for (let i = 0; i < 100_000 && !found; i++) {
      const first17 = `913101${String(10_000_000_000 + i).slice(-11)}`;
      let sum = 0;
      const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      for (let k = 0; k < 17; k++) sum += CREDIT_CODE_CHARSET.indexOf(first17[k]!) * w[k]!;
      if (sum % 31 === 0) found = first17;
    }
    expect(found).not.toBeNull();
    expect(creditCodeCheckChar(found!)).toBe("0");
    expect(validateCreditCode(`${found}0`).ok).toBe(true);
  });

  it("computes the organisation-code check (GB 11714)", () => {
    // D2143569: 13·3+2·7+1·9+4·10+3·5+5·8+6·4+9·2 = 199; 11 − 199 mod 11 = 10 → "X".
    expect(organisationCodeCheckChar("D2143569")).toBe("X");
    // 12345678: weighted sum 201; 11 − 3 = 8.
    expect(organisationCodeCheckChar("12345678")).toBe("8");
  });

  const body = fc.stringMatching(/^[0-9A-HJ-NP-RTUWXY]{8}$/);
  const division = fc.constantFrom("310101", "310104", "310115", "310151");

  it("property: built codes validate; any single-character change is caught", () => {
    fc.assert(
      fc.property(body, division, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (b, d, pos, delta) => {
        const code = buildCreditCode("9", "1", d, b);
        expect(validateCreditCode(code).ok).toBe(true);
        const replaced = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(code[pos]!) + delta) % 31]!;
        const tampered = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(validateCreditCode(tampered).ok).toBe(false);
      }),
    );
  });
});
