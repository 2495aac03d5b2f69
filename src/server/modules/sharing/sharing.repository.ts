import { type Insertable, type Kysely, sql } from "kysely";
import type { DB, Person } from "../../db/schema";

/** A held certificate as the resolver needs it: what it states, not the whole signed payload. */
export interface HeldCertificate {
  id: string;
  identifier: string;
  number: string;
  type_code: string;
  holder_person_id: string | null;
  holder_enterprise_id: string | null;
  data: Record<string, string>;
  issued_at: Date;
  issuer_code: string;
}

/** Sharing rules (共享目录) and consented prefills. */
export class SharingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  activeRules(orgId: string, itemCode: string) {
    return this.db.selectFrom("sharing_rules").select(["id", "subject", "elements"]).where("org_id", "=", orgId).where("item_code", "=", itemCode).where("status", "=", "active").execute();
  }

  /** Rules with their org, optionally for one item code or within an org subtree. */
  listRules(filter: { itemCode: string | null; orgPath: string | null; limit: number; offset: number; id?: string }) {
    let q = this.db
      .selectFrom("sharing_rules as r")
      .innerJoin("orgs as o", "o.id", "r.org_id")
      .leftJoin("catalogue_base_items as b", "b.basic_code", "r.item_code")
      .selectAll("r")
      .select(["o.name as org_name", "o.path as org_path", "b.name as item_name"]);
    if (filter.id) q = q.where("r.id", "=", filter.id);
    if (filter.itemCode) q = q.where("r.item_code", "=", filter.itemCode);
    if (filter.orgPath) q = q.where("o.path", "like", `${filter.orgPath.replace(/[\\%_]/g, "\\$&")}%`);
    return q.orderBy("r.item_code").orderBy("o.path").orderBy("r.subject").limit(filter.limit).offset(filter.offset).execute();
  }

  findRule(id: string) {
    return this.db.selectFrom("sharing_rules").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findRuleFor(orgId: string, itemCode: string, subject: string) {
    return this.db.selectFrom("sharing_rules").select("id").where("org_id", "=", orgId).where("item_code", "=", itemCode).where("subject", "=", subject).executeTakeFirst();
  }

  insertRule(row: Insertable<DB["sharing_rules"]>) {
    return this.db.insertInto("sharing_rules").values(row).returning("id").executeTakeFirstOrThrow();
  }

  async updateRule(id: string, changes: { elements?: string; status?: string; note?: string }) {
    await this.db.updateTable("sharing_rules").set(changes).where("id", "=", id).execute();
  }

  insertPrefill(row: Insertable<DB["prefills"]>) {
    return this.db.insertInto("prefills").values(row).returning("id").executeTakeFirstOrThrow();
  }

  findPrefillForUpdate(id: string) {
    return this.db.selectFrom("prefills").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async usePrefill(id: string, applicationId: string) {
    await this.db.updateTable("prefills").set({ application_id: applicationId }).where("id", "=", id).execute();
  }

  /**
   * Everything the registries hold about an applicant in one round trip: the person, their spouse and
   * children (each marked), the valid certificates of a type held by them or their children (or by the
   * enterprise), newest first, and their account's name and mobile.
   */
  async subjectRecords(q: { personId: string; accountId: string | null; enterpriseId: string | null; certTypes: string[]; today: string }) {
    const r = await sql<{ family: Array<Omit<Person, "updated_at"> & { updated_at: string; rel: "self" | "spouse" | "child" }> | null; certs: Array<Omit<HeldCertificate, "issued_at"> & { issued_at: string }> | null; account: { name: string; mobile_enc: string | null; person_id: string | null } | null }>`
      with fam as (
        select p.*, 'self' as rel from persons p where p.id = ${q.personId}
        union all select s.*, 'spouse' as rel from persons s where s.id = (select spouse_id from persons where id = ${q.personId})
        union all (select c.*, 'child' as rel from persons c where c.father_id = ${q.personId} limit 20)
        union all (select c.*, 'child' as rel from persons c where c.mother_id = ${q.personId} limit 20)
      ), held as (
        select c.id, c.identifier, c.number, c.type_code, c.holder_person_id, c.holder_enterprise_id, c.payload -> 'data' as data, c.issued_at, o.code as issuer_code
        from certificates c join orgs o on o.id = c.issuer_org_id
        where c.status = 'valid' and (c.valid_to is null or c.valid_to >= ${q.today}::date)
          and c.type_code = any(${q.certTypes.length ? q.certTypes : ["-"]}::text[])
          and (c.holder_person_id in (select id from fam where rel <> 'spouse') ${q.enterpriseId ? sql`or c.holder_enterprise_id = ${q.enterpriseId}` : sql``})
        order by c.issued_at desc limit 200
      )
      select (select json_agg(f) from fam f) as family,
             (select json_agg(h) from held h) as certs,
             (select row_to_json(a) from (select name, mobile_enc, person_id from accounts where id = ${q.accountId}) a) as account`.execute(this.db);
    const row = r.rows[0]!;
    return {
      family: (row.family ?? []).map((p) => ({ ...p, updated_at: new Date(p.updated_at) })),
      certificates: (row.certs ?? []).map((c): HeldCertificate => ({ ...c, data: c.data ?? {}, issued_at: new Date(c.issued_at) })),
      account: row.account,
    };
  }
}
