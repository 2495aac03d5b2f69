import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCertificateId, mod3736CheckChar, validateCertificateId } from "./certificate-id";
import { buildCreditCode } from "./credit-code";

const AUTHORITY = buildCreditCode("1", "1", "100000", "00001350"); // a defining authority (机构编制 category)
const ISSUER = buildCreditCode("1", "1", "310101", "00245678");
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("e-certificate identifier (GB/T 36904, MOD 37,36)", () => {
  it("follows the check-character algorithm step by step", () => {
    // By hand for "A1": p=36 → (36+10)%36=10 → 20; (20+1)%36=21 → 42%37=5; check = 37-5 = 32 → "W".
    expect(mod3736CheckChar("A1")).toBe("W");
    // A check value of 36 is written "0": find one and confirm.
    const found = Array.from({ length: 2000 }, (_, i) => i.toString(36).toUpperCase()).find((s) => {
      let p = 36;
      for (const ch of s) {
        p = (p + ALPHABET.indexOf(ch)) % 36 || 36;
        p = (2 * p) % 37;
      }
      return (37 - p) % 37 === 36;
    });
    expect(found).toBeDefined();
    expect(mod3736CheckChar(found!)).toBe("0");
  });

  it("builds an identifier that validates and reads back", () => {
    const id = buildCertificateId({ typeCode: `${AUTHORITY}001`, issuerCode: ISSUER, serial: "2026000123", version: "001" });
    expect(id.startsWith(`1.2.156.3005.2.${AUTHORITY}001.${ISSUER}.2026000123.001.`)).toBe(true);
    const v = validateCertificateId(id.toLowerCase());
    expect(v).toMatchObject({ ok: true, value: { serial: "2026000123", version: "001", id } });
  });

  it("rejects a wrong root, missing fields, a bad credit code and a wrong check", () => {
    const id = buildCertificateId({ typeCode: `${AUTHORITY}001`, issuerCode: ISSUER, serial: "X1", version: "001" });
    expect(validateCertificateId(id.replace("1.2.156.3005.2", "1.2.156.3005.3"))).toEqual({ ok: false, error: "CERTIFICATE_ID_FORMAT" });
    expect(validateCertificateId(id.split(".").slice(0, -1).join("."))).toEqual({ ok: false, error: "CERTIFICATE_ID_FORMAT" });
    expect(validateCertificateId(id.replace(ISSUER, `${ISSUER.slice(0, 17)}${ISSUER[17] === "0" ? "1" : "0"}`))).toEqual({ ok: false, error: "CERTIFICATE_ID_FORMAT" });
    const last = id.at(-1)!;
    expect(validateCertificateId(`${id.slice(0, -1)}${last === "A" ? "B" : "A"}`)).toEqual({ ok: false, error: "CERTIFICATE_ID_CHECKSUM" });
    expect(() => buildCertificateId({ typeCode: "X", issuerCode: ISSUER, serial: "1", version: "001" })).toThrow();
  });

  it("detects every single-character change in the serial (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,20}$/), fc.nat(), fc.integer({ min: 1, max: 35 }), (serial, pos, shift) => {
        const id = buildCertificateId({ typeCode: `${AUTHORITY}001`, issuerCode: ISSUER, serial, version: "001" });
        const i = pos % serial.length;
        const changed = serial.slice(0, i) + ALPHABET[(ALPHABET.indexOf(serial[i]!) + shift) % 36] + serial.slice(i + 1);
        const tampered = id.replace(`.${serial}.001.`, `.${changed}.001.`);
        return validateCertificateId(tampered).ok === false;
      }),
      { numRuns: 500 },
    );
  });
});
