import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateCreditCode } from "../../shared/validation/credit-code";
import { validateIdNumber } from "../../shared/validation/id-number";
import { FieldCipher } from "../crypto/field-cipher";
import { createTestDatabase } from "../testing/test-app";
import { demoPersons } from "./demo-people";
import { scaleEnterprise, scalePerson, seedScale } from "./seed-scale";

const cipher = new FieldCipher(randomBytes(32));

describe("scale generator", () => {
  it("makes valid, distinct ID numbers whose address code is the person's district, disjoint from the demo city", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) {
      const p = scalePerson(i, cipher);
      const id = cipher.decrypt(p.id_number_enc);
      const v = validateIdNumber(id);
      expect(v.ok).toBe(true);
      expect(id.slice(0, 6)).toBe(p.region_code);
      expect(Number(id.slice(14, 17))).toBeLessThan(500);
      seen.add(id);
    }
    expect(seen.size).toBe(20_000);
    for (const d of demoPersons()) expect(Number(d.idNumber.slice(14, 17))).toBeGreaterThanOrEqual(500);
  });

  it("makes valid credit codes", () => {
    for (let j = 0; j < 2000; j++) expect(validateCreditCode(scaleEnterprise(j, 100).credit_code).ok).toBe(true);
  });

  it("inserts in batches, reports progress and skips rows that exist", async () => {
    const { database, close } = await createTestDatabase();
    try {
      const progress: number[] = [];
      const first = await seedScale(database.db, cipher, { persons: 2500, enterprises: 120, batchSize: 1000, onProgress: (k, n) => k === "persons" && progress.push(n) });
      expect(first).toEqual({ persons: 2500, enterprises: 120 });
      expect(progress).toEqual([1000, 2000, 2500]);
      const again = await seedScale(database.db, cipher, { persons: 2500, enterprises: 120 });
      expect(again).toEqual({ persons: 0, enterprises: 0 });
    } finally {
      await close();
    }
  });
});
