/**
 * Once-only benchmarks: consented prefill of a 20-field form while the population registry holds
 * BENCH_PERSONS people (default 10,000,000), and public certificate verification beside the bare route.
 */
import { sql } from "kysely";
import type { Database } from "../src/server/db/database";
import type { FieldCipher } from "../src/server/crypto/field-cipher";
import type { ItemContent } from "../src/shared/schemas/catalogue";

/** The 20 bound fields of the benchmark form: the applicant, spouse, child, address, contact and education. */
const FIELDS: Array<[string, string, string]> = [
  ["name", "person.name", "text"],
  ["idNumber", "person.idNumber", "idNumber"],
  ["gender", "person.gender", "text"],
  ["birthDate", "person.birthDate", "date"],
  ["hukou", "person.hukou", "text"],
  ["address", "person.address", "text"],
  ["mobile", "person.mobile", "mobile"],
  ["maritalStatus", "person.maritalStatus", "text"],
  ["education", "person.education", "text"],
  ["socialSecurityNumber", "person.socialSecurityNumber", "text"],
  ["spouseName", "spouse.name", "text"],
  ["spouseId", "spouse.idNumber", "idNumber"],
  ["childName", "child.name", "text"],
  ["childGender", "child.gender", "text"],
  ["childBirthDate", "child.birthDate", "date"],
  ["childBirthPlace", "child.birthPlace", "text"],
  ["childCert", "child.birthCertNumber", "text"],
  ["detail", "address.detail", "text"],
  ["contactName", "contact.name", "text"],
  ["contactMobile", "contact.mobile", "mobile"],
];

/**
 * Fills the population registry up to `target` people with filler rows generated in SQL (distinct
 * blind indexes, one shared ciphertext: the prefill reads only the applicant's family, but every index
 * has the registry's full depth). Returns rows per second.
 */
export async function fillPopulation(database: Database, cipher: FieldCipher, target: number, onProgress: (n: number) => void): Promise<{ added: number; rowsPerSecond: number }> {
  const have = Number((await sql<{ n: string }>`select count(*) as n from persons`.execute(database.db)).rows[0]!.n);
  const enc = cipher.encrypt("000000000000000000");
  const started = performance.now();
  const chunk = 500_000;
  for (let from = have; from < target; from += chunk) {
    const to = Math.min(target, from + chunk) - 1;
    await sql`
      insert into persons (name, id_number_hash, id_number_enc, gender, birth_date, hukou_division_code, address_enc, mobile_enc, marital_status, region_code, source_org_code)
      select '填充' || i, 'bench-' || md5(i::text), ${enc}, case when i % 2 = 0 then 'M' else 'F' end,
             date '1940-01-01' + (i % 29000)::int, '310101', ${enc}, ${enc}, 'unknown', '310101', '310101-PSB'
      from generate_series(${from}::bigint, ${to}::bigint) as g(i)`.execute(database.db);
    onProgress(to + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  // A live registry has planner statistics; a freshly bulk-loaded one needs them gathered.
  await sql`analyze persons`.execute(database.db);
  return { added: Math.max(0, target - have), rowsPerSecond: seconds > 0 ? Math.round(Math.max(0, target - have) / seconds) : 0 };
}

/**
 * Gives the published 出生登记 of 黄浦 a 20-field form bound to data elements (the bench database only)
 * and a sharing rule covering it; returns the item's id.
 */
export async function prepareTwentyFieldItem(database: Database): Promise<string> {
  const item = await database.db
    .selectFrom("catalogue_items as i")
    .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
    .select(["i.id", "i.org_id", "v.id as version_id", "v.content"])
    .where("i.impl_code", "like", "QR00001001-3-310101-%")
    .executeTakeFirstOrThrow();
  const content = item.content as ItemContent;
  const form = { fields: FIELDS.map(([key, dataElement, type]) => ({ key, label: key, type, dataElement, required: false })) };
  await database.db.updateTable("catalogue_item_versions").set({ content: JSON.stringify({ ...content, form, certificate: undefined }) }).where("id", "=", item.version_id).execute();
  const elements = FIELDS.map(([, e]) => e);
  for (const subject of ["applicant", "applicant_family"] as const) {
    const own = elements.filter((e) => (subject === "applicant_family") === (e.startsWith("spouse.") || e.startsWith("child.")));
    await database.db
      .updateTable("sharing_rules")
      .set({ elements: JSON.stringify([...new Set([...own, "cert:birth_certificate", "cert:household_register", "cert:resident_id", "cert:marriage_certificate"])]) })
      .where("org_id", "=", item.org_id)
      .where("item_code", "=", "QR00001001")
      .where("subject", "=", subject)
      .execute();
  }
  return item.id;
}
