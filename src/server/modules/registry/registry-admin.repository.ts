import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Loading and measuring the base registries: imports, credit lists, addresses, quality figures. */
export class RegistryAdminRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async upsertPerson(row: Insertable<DB["persons"]>): Promise<"inserted" | "updated"> {
    const r = await this.db
      .insertInto("persons")
      .values(row)
      .onConflict((oc) =>
        oc.column("id_number_hash").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          gender: eb.ref("excluded.gender"),
          birth_date: eb.ref("excluded.birth_date"),
          hukou_division_code: eb.ref("excluded.hukou_division_code"),
          address_enc: eb.ref("excluded.address_enc"),
          mobile_enc: eb.ref("excluded.mobile_enc"),
          marital_status: eb.ref("excluded.marital_status"),
          region_code: eb.ref("excluded.region_code"),
          source_org_code: eb.ref("excluded.source_org_code"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .executeTakeFirstOrThrow();
    return r.inserted ? "inserted" : "updated";
  }

  async setSpouse(idNumberHash: string, spouseId: string) {
    await this.db.updateTable("persons").set({ spouse_id: spouseId }).where("id_number_hash", "=", idNumberHash).execute();
  }

  async upsertEnterprise(row: Insertable<DB["enterprises"]>): Promise<"inserted" | "updated"> {
    const r = await this.db
      .insertInto("enterprises")
      .values(row)
      .onConflict((oc) =>
        oc.column("credit_code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          type: eb.ref("excluded.type"),
          legal_rep_person_id: eb.ref("excluded.legal_rep_person_id"),
          division_code: eb.ref("excluded.division_code"),
          region_code: eb.ref("excluded.region_code"),
          established_on: eb.ref("excluded.established_on"),
          industry: eb.ref("excluded.industry"),
          registered_capital_wan: eb.ref("excluded.registered_capital_wan"),
          address: eb.ref("excluded.address"),
          source_org_code: eb.ref("excluded.source_org_code"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .executeTakeFirstOrThrow();
    return r.inserted ? "inserted" : "updated";
  }

  async insertCredit(row: Insertable<DB["credit_records"]>) {
    await this.db.insertInto("credit_records").values(row).execute();
  }

  async upsertAddress(row: Insertable<DB["addresses"]>): Promise<"inserted" | "updated"> {
    const r = await this.db
      .insertInto("addresses")
      .values(row)
      .onConflict((oc) => oc.columns(["division_code", "detail"]).doUpdateSet((eb) => ({ postcode: eb.ref("excluded.postcode"), source_org_code: eb.ref("excluded.source_org_code"), updated_at: eb.ref("excluded.updated_at"), street_code: eb.ref("excluded.street_code"), road: eb.ref("excluded.road"), door: eb.ref("excluded.door"), room: eb.ref("excluded.room") })))
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .executeTakeFirstOrThrow();
    return r.inserted ? "inserted" : "updated";
  }

  /** Which of these hashes the population registry holds, with the person's id. */
  async personsByHash(hashes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < hashes.length; i += 1000) {
      const rows = await this.db.selectFrom("persons").select(["id", "id_number_hash"]).where("id_number_hash", "in", hashes.slice(i, i + 1000)).execute();
      for (const r of rows) out.set(r.id_number_hash, r.id);
    }
    return out;
  }

  /** Which of these addresses the address registry holds. */
  async knownAddresses(details: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const unique = [...new Set(details)];
    for (let i = 0; i < unique.length; i += 1000) {
      const rows = await this.db.selectFrom("addresses").select("detail").where("detail", "in", unique.slice(i, i + 1000)).execute();
      for (const r of rows) out.add(r.detail);
    }
    return out;
  }

  async enterprisesByCode(codes: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await this.db.selectFrom("enterprises").select("credit_code").where("credit_code", "in", codes.slice(i, i + 1000)).execute();
      for (const r of rows) out.add(r.credit_code);
    }
    return out;
  }

  insertImport(row: Insertable<DB["registry_imports"]>) {
    return this.db.insertInto("registry_imports").values(row).returning("id").executeTakeFirstOrThrow();
  }

  listImports(limit: number) {
    return this.db
      .selectFrom("registry_imports as i")
      .leftJoin("orgs as o", "o.code", "i.source_org_code")
      .leftJoin("accounts as a", "a.id", "i.account_id")
      .select(["i.id", "i.registry", "i.source_org_code", "o.name as org_name", "i.file_name", "i.rows_total", "i.rows_applied", "i.status", "i.errors", "i.created_at", "a.name as account_name"])
      .orderBy("i.created_at", "desc")
      .limit(limit)
      .execute();
  }

  /** Per source department: records, complete records, updated within the freshness window, oldest update. */
  async personFigures(freshSince: Date) {
    return this.db
      .selectFrom("persons")
      .select((eb) => [
        "source_org_code",
        eb.fn.countAll<string>().as("total"),
        sql<string>`count(*) filter (where mobile_enc is not null and address <> '' and marital_status <> 'unknown')`.as("complete"),
        sql<string>`count(*) filter (where updated_at >= ${freshSince})`.as("fresh"),
        eb.fn.min("updated_at").as("oldest"),
      ])
      .groupBy("source_org_code")
      .execute();
  }

  async enterpriseFigures(freshSince: Date) {
    return this.db
      .selectFrom("enterprises")
      .select((eb) => [
        "source_org_code",
        eb.fn.countAll<string>().as("total"),
        sql<string>`count(*) filter (where industry <> '' and address <> '' and registered_capital_wan is not null)`.as("complete"),
        sql<string>`count(*) filter (where not credit_code_flagged)`.as("valid"),
        sql<string>`count(*) filter (where updated_at >= ${freshSince})`.as("fresh"),
        eb.fn.min("updated_at").as("oldest"),
      ])
      .groupBy("source_org_code")
      .execute();
  }

  async simpleFigures(table: "credit_records" | "addresses", freshSince: Date) {
    return this.db
      .selectFrom(table)
      .select((eb) => ["source_org_code", eb.fn.countAll<string>().as("total"), sql<string>`count(*) filter (where updated_at >= ${freshSince})`.as("fresh"), eb.fn.min("updated_at").as("oldest")])
      .groupBy("source_org_code")
      .execute();
  }

  /** A sample of each department's population records, for checks SQL cannot do (encrypted ID numbers). */
  samplePersons(limitPerRegistry: number) {
    return this.db.selectFrom("persons").select(["source_org_code", "id_number_enc", "address_enc", "gender", "birth_date"]).orderBy("updated_at", "desc").limit(limitPerRegistry).execute();
  }

  /**
   * Conflicts between sources, per department of the registry record: marital status against the
   * marriage certificates held, and an enterprise's name or legal representative against its business
   * licence. (Residential addresses are encrypted: the service checks a sample against the address registry.)
   */
  async conflicts() {
    const marital = await sql<{ source_org_code: string; n: string }>`
      select p.source_org_code, count(*) as n from persons p
      where (p.marital_status = 'married') <> exists (
        select 1 from certificates c where c.holder_person_id = p.id and c.type_code = 'marriage_certificate' and c.status = 'valid')
        and p.marital_status <> 'unknown'
        and exists (select 1 from certificates c2 where c2.holder_person_id = p.id)
      group by p.source_org_code`.execute(this.db);
    const licence = await sql<{ source_org_code: string; n: string }>`
      select e.source_org_code, count(*) as n from enterprises e
      join persons rep on rep.id = e.legal_rep_person_id
      join lateral (select payload from certificates c where c.holder_enterprise_id = e.id and c.type_code = 'business_licence' and c.status = 'valid' order by issued_at desc limit 1) lic on true
      where lic.payload -> 'data' ->> 'name' <> e.name or (lic.payload -> 'data' ->> 'legalRep') is distinct from rep.name
      group by e.source_org_code`.execute(this.db);
    return { marital: marital.rows, licence: licence.rows };
  }
}
