import { type Kysely, sql } from "kysely";
import { buildCreditCode } from "../../shared/validation/credit-code";
import { SHANGHAI_DISTRICTS } from "../../shared/validation/division-code";
import type { FieldCipher } from "../crypto/field-cipher";
import type { DB, NewEnterprise, NewPerson } from "../db/schema";
import { addressIn } from "./demo-addresses";
import { idNumberFor, randomName } from "./demo-people";
import { Prng } from "./prng";
import { seedUuid } from "./seed-demo";

const FIRST_DAY = Date.UTC(1940, 0, 1);
const DAY_SPAN = 29_000; // 1940 … 2019
const DAY_STRIDE = 7919; // coprime with DAY_SPAN: spreads consecutive people over the whole span

/**
 * The i-th synthetic person: a bijection from i to (district, gender, sequence, birth date), so
 * that up to 232 million people get distinct, valid ID numbers (sequences 000–499; the demo
 * city's people use 500–999).
 */
export function scalePerson(i: number, cipher: FieldCipher): NewPerson {
  const district = SHANGHAI_DISTRICTS[i % 16]!;
  const r = Math.floor(i / 16);
  const gender = r % 2 === 0 ? "M" : "F";
  const r2 = Math.floor(r / 2);
  const dayIndex = Math.floor(r2 / 250);
  const birthDate = new Date(FIRST_DAY + ((dayIndex * DAY_STRIDE) % DAY_SPAN) * 86_400_000).toISOString().slice(0, 10);
  const idNumber = idNumberFor(district.code, birthDate, r2 % 250, gender, 0);
  const rng = new Prng(i + 1);
  const mobile = `15${String(i).padStart(9, "0")}`;
  return {
    id: seedUuid(`scale-person:${i}`),
    name: randomName(rng, gender),
    id_number_hash: cipher.blindIndex("id", idNumber),
    id_number_enc: cipher.encrypt(idNumber),
    gender,
    birth_date: birthDate,
    hukou_division_code: district.code,
    address_enc: cipher.encrypt(addressIn(rng, district.code)),
    mobile_enc: cipher.encrypt(mobile),
    marital_status: rng.next() < 0.55 ? "married" : "unmarried",
    region_code: district.code,
    source_org_code: `${district.code}-PSB`,
  };
}

/** The j-th synthetic enterprise; its legal representative is one of the first `persons` scale people. */
export function scaleEnterprise(j: number, persons: number): NewEnterprise {
  const district = SHANGHAI_DISTRICTS[j % 16]!;
  const creditCode = buildCreditCode("9", "1", district.code, String(10_000_000 + j));
  const rng = new Prng(1_000_000_007 + j);
  return {
    id: seedUuid(`scale-enterprise:${j}`),
    credit_code: creditCode,
    name: `上海${randomName(rng, "M").slice(1)}${["科技", "贸易", "咨询", "物流", "餐饮"][j % 5]}有限公司`,
    type: "企业",
    legal_rep_person_id: seedUuid(`scale-person:${(j * 7) % persons}`),
    division_code: district.code,
    region_code: district.code,
    established_on: `${2000 + (j % 25)}-${String((j % 12) + 1).padStart(2, "0")}-${String((j % 28) + 1).padStart(2, "0")}`,
    industry: "其他",
    registered_capital_wan: 10 + (j % 5000),
    address: addressIn(rng, district.code),
    source_org_code: `${district.code}-AMR`,
  };
}

export interface ScaleOptions {
  persons: number;
  enterprises: number;
  offset?: number;
  batchSize?: number;
  onProgress?: (kind: "persons" | "enterprises", done: number) => void;
}

/** Inserts synthetic people and enterprises in batches; rows that already exist are skipped. */
export async function seedScale(db: Kysely<DB>, cipher: FieldCipher, options: ScaleOptions): Promise<{ persons: number; enterprises: number }> {
  const batch = options.batchSize ?? 1000;
  const offset = options.offset ?? 0;
  let insertedPersons = 0;
  for (let start = 0; start < options.persons; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(options.persons, start + batch); i++) rows.push(scalePerson(offset + i, cipher));
    const result = await db.insertInto("persons").values(rows).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    insertedPersons += Number(result.numInsertedOrUpdatedRows ?? 0);
    options.onProgress?.("persons", Math.min(options.persons, start + batch));
  }
  let insertedEnterprises = 0;
  const repPool = offset + options.persons;
  for (let start = 0; start < options.enterprises; start += batch) {
    const rows = [];
    for (let j = start; j < Math.min(options.enterprises, start + batch); j++) rows.push(scaleEnterprise(offset + j, repPool));
    const result = await db.insertInto("enterprises").values(rows).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    insertedEnterprises += Number(result.numInsertedOrUpdatedRows ?? 0);
    options.onProgress?.("enterprises", Math.min(options.enterprises, start + batch));
  }
  // A bulk load leaves the planner's statistics behind (autovacuum would catch up a little later).
  await sql`analyze persons`.execute(db);
  await sql`analyze enterprises`.execute(db);
  return { persons: insertedPersons, enterprises: insertedEnterprises };
}
