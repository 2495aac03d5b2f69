import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateCreditCode } from "../../shared/validation/credit-code";
import { validateIdNumber } from "../../shared/validation/id-number";
import { FieldCipher } from "../crypto/field-cipher";
import { createTestDatabase } from "../testing/test-app";
import { demoPersons } from "./demo-people";
import { sql } from "kysely";
import { AuditRepository, verifyAuditChains } from "../modules/audit";
import { readDataUse } from "../modules/sharing/data-use-record";
import { scaleEnterprise, scalePerson, seedScale } from "./seed-scale";
import { seedScaleAudit } from "./seed-scale-audit";
import { tableSizes } from "./table-sizes";

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

  it("appends audit records that verify, dated over two years into their months' partitions, two in three the data uses of scale people; the sizes are reported per table", async () => {
    const { database, close } = await createTestDatabase();
    try {
      const progress: number[] = [];
      const result = await seedScaleAudit(database.db, 3_200, 2_500, (n) => progress.push(n));
      expect(result.count).toBe(3_200);
      expect(progress.at(-1)).toBe(3_200);
      const verified = await verifyAuditChains(new AuditRepository(database.db));
      expect(verified).toMatchObject({ ok: true, firstBreak: null });
      const byPartition = await sql<{ part: string; n: number }>`select tableoid::regclass::text as part, count(*)::int as n from audit_log where action in ('data.share', 'application.submit') group by 1`.execute(database.db);
      expect(byPartition.rows.some((r) => r.part === "audit_log_pdefault")).toBe(false);
      expect(byPartition.rows.length).toBeGreaterThanOrEqual(23);
      const uses = await database.db.selectFrom("audit_log").select(["subject_person_id", "purpose", "details"]).where("action", "=", "data.share").execute();
      expect(uses.length).toBeGreaterThan(2_000);
      // In the sharing layer's shape, so that 我的数据使用记录 reads them as it reads real ones.
      expect(uses.filter((u) => u.purpose!.startsWith("预填申请表：")).length / uses.length).toBeCloseTo(1 / 3, 1);
      expect(uses.every((u) => readDataUse(u.details).elements.includes("person.idNumber") && readDataUse(u.details).registries.includes("population"))).toBe(true);
      const scaleIds = new Set(Array.from({ length: 2_500 }, (_, i) => scalePerson(i, cipher).id));
      expect(uses.every((u) => scaleIds.has(u.subject_person_id!))).toBe(true);

      const sizes = await tableSizes(database.db, 50);
      const audit = sizes.tables.find((t) => t.table === "audit_log")!;
      expect(audit.bytes).toBeGreaterThan(0);
      expect(sizes.tables.some((t) => t.table.startsWith("audit_log_p"))).toBe(false); // partitions count under their table
      expect(sizes.databaseBytes).toBeGreaterThan(audit.bytes);
    } finally {
      await close();
    }
  });
});
