import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIdNumber, idNumberCheckChar, maskIdNumber, validateIdNumber } from "./id-number";

const today = new Date("2026-11-27T00:00:00Z");

describe("resident ID number (GB 11643)", () => {
  it("accepts a known-good number and reads birth date and gender", () => {
    // 11010519491231002X is the standard's own worked example.
    const r = validateIdNumber("11010519491231002X", today);
    expect(r).toEqual({ ok: true, value: { idNumber: "11010519491231002X", addressCode: "110105", birthDate: "1949-12-31", gender: "F" } });
  });

  it("normalises a lower-case x", () => {
    expect(validateIdNumber("11010519491231002x", today).ok).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(validateIdNumber("110105194912310021", today)).toEqual({ ok: false, error: "ID_NUMBER_CHECKSUM" });
  });

  it("rejects impossible and future birth dates", () => {
    expect(validateIdNumber(buildIdNumber("310101", "2023-02-29", 123), today)).toEqual({ ok: false, error: "ID_NUMBER_BIRTHDATE" });
    expect(validateIdNumber(buildIdNumber("310101", "2027-01-01", 123), today)).toEqual({ ok: false, error: "ID_NUMBER_BIRTHDATE" });
    expect(validateIdNumber(buildIdNumber("310101", "1899-12-31", 123), today)).toEqual({ ok: false, error: "ID_NUMBER_BIRTHDATE" });
  });

  it("rejects malformed input", () => {
    for (const bad of ["", "31010119800101123", "3101011980010112345", "31010119800101123Y", "X10101198001011234"]) {
      expect(validateIdNumber(bad, today)).toEqual({ ok: false, error: "ID_NUMBER_FORMAT" });
    }
  });

  const validParts = fc.record({
    address: fc.constantFrom("310101", "310115", "310151", "110105"),
    date: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2026-11-26T00:00:00Z"), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  });

  it("property: every built number validates, with the gender of the sequence's parity", () => {
    fc.assert(
      fc.property(validParts, ({ address, date, seq }) => {
        const iso = date.toISOString().slice(0, 10);
        const r = validateIdNumber(buildIdNumber(address, iso, seq), today);
        expect(r.ok && r.value.birthDate === iso && r.value.gender === (seq % 2 ? "M" : "F")).toBe(true);
      }),
    );
  });

  it("property: changing any one digit of a valid number is always caught", () => {
    fc.assert(
      fc.property(validParts, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), ({ address, date, seq }, pos, delta) => {
        const id = buildIdNumber(address, date.toISOString().slice(0, 10), seq);
        const digit = (Number(id[pos]) + delta) % 10;
        const tampered = id.slice(0, pos) + digit + id.slice(pos + 1);
        expect(validateIdNumber(tampered, today).ok).toBe(false);
      }),
    );
  });

  it("property: the check character is always one of 0-9 or X", () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{17}$/), (s) => {
        expect("0123456789X").toContain(idNumberCheckChar(s));
      }),
    );
  });

  it("masks all but the region and the last four", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });
});
