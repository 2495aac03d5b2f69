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

/** What a read asks the rules for: the reading org, the item, and each wanted element with the subject its rule must name. */
export interface RuleBasis {
  orgId: string;
  itemCode: string;
  elements: string[];
  subjects: string[];
}

/** The wanted elements some active rule of the org for the item covers, as a CTE named `allowed`. */
const allowedCte = (b: RuleBasis) => sql`allowed as (
  select w.element from unnest(${b.elements}::text[], ${b.subjects}::text[]) as w(element, subject)
  where exists (select 1 from sharing_rules r where r.org_id = ${b.orgId} and r.item_code = ${b.itemCode} and r.status = 'active' and r.subject = w.subject and r.elements ? w.element))`;

/** The population-registry columns a read resolves elements from (not the blind index, not the parents). */
export type SharedPerson = Omit<Person, "id_number_hash" | "father_id" | "mother_id">;
const PERSON_COLUMNS = sql.raw("p.id, p.name, p.id_number_enc, p.gender, p.birth_date, p.hukou_division_code, p.address, p.address_enc, p.mobile_enc, p.marital_status, p.spouse_id, p.region_code, p.source_org_code, p.updated_at");

/** Sharing rules (共享目录) and consented prefills. */
export class SharingRepository {
  constructor(private readonly db: Kysely<DB>) {}

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

  /** Which of the wanted elements the reading org's active rules for the item cover (each element needs a rule for its subject). */
  async allowedElements(basis: RuleBasis): Promise<string[]> {
    const r = await sql<{ element: string }>`with ${allowedCte(basis)} select element from allowed`.execute(this.db);
    return r.rows.map((x) => x.element);
  }

  /**
   * The rule check and everything the registries hold about an applicant in one round trip: which
   * wanted elements the rules cover, and only what those need — the person, their spouse (if a
   * spouse element is covered) and children (if a child element or birth certificate is), each
   * marked; the valid certificates of a covered type (or stating a covered element) held by them or
   * their children (or by the enterprise), newest first; their account's name and mobile (if a mobile
   * or contact element is covered). Nothing is read when no rule covers anything.
   */
  async subjectRecords(q: { personId: string; accountId: string | null; enterpriseId: string | null; certTypes: Array<{ type: string; elements: string[] }>; today: string; basis: RuleBasis }) {
    const certElements = q.certTypes.flatMap((t) => t.elements.map((e) => [t.type, e] as const));
    const r = await sql<{ allowed: string[] | null; family: Array<SharedPerson & { updated_at: string; rel: "self" | "spouse" | "child" }> | null; certs: Array<Omit<HeldCertificate, "issued_at"> & { issued_at: string }> | null; account: { name: string; mobile_enc: string | null; person_id: string | null } | null }>`
      with ${allowedCte(q.basis)},
      fam as (
        select ${PERSON_COLUMNS}, 'self' as rel from persons p where p.id = ${q.personId} and exists (select 1 from allowed)
        union all select ${PERSON_COLUMNS}, 'spouse' as rel from persons p
          where p.id = (select spouse_id from persons where id = ${q.personId}) and exists (select 1 from allowed where element like 'spouse.%')
        union all (select ${PERSON_COLUMNS}, 'child' as rel from persons p
          where p.father_id = ${q.personId} and exists (select 1 from allowed where element like 'child.%' or element = 'cert:birth_certificate') limit 20)
        union all (select ${PERSON_COLUMNS}, 'child' as rel from persons p
          where p.mother_id = ${q.personId} and exists (select 1 from allowed where element like 'child.%' or element = 'cert:birth_certificate') limit 20)
      ), held as (
        select c.id, c.identifier, c.number, c.type_code, c.holder_person_id, c.holder_enterprise_id, c.payload -> 'data' as data, c.issued_at, o.code as issuer_code
        from certificates c join orgs o on o.id = c.issuer_org_id
        where c.status = 'valid' and (c.valid_to is null or c.valid_to >= ${q.today}::date)
          and c.type_code = any(${q.certTypes.length ? q.certTypes.map((t) => t.type) : ["-"]}::text[])
          and (exists (select 1 from allowed where element = 'cert:' || c.type_code)
               or exists (select 1 from unnest(${certElements.map(([t]) => t)}::text[], ${certElements.map(([, e]) => e)}::text[]) as m(type, element)
                          join allowed a on a.element = m.element where m.type = c.type_code))
          and (c.holder_person_id in (select id from fam where rel <> 'spouse') ${q.enterpriseId ? sql`or c.holder_enterprise_id = ${q.enterpriseId}` : sql``})
        order by c.issued_at desc limit 200
      )
      select (select json_agg(element) from allowed) as allowed,
             (select json_agg(f) from fam f) as family,
             (select json_agg(h) from held h) as certs,
             (select row_to_json(a) from (select name, mobile_enc, person_id from accounts
                where id = ${q.accountId} and exists (select 1 from allowed where element = 'person.mobile' or element like 'contact.%')) a) as account`.execute(this.db);
    const row = r.rows[0]!;
    return {
      allowed: row.allowed ?? [],
      family: (row.family ?? []).map((p) => ({ ...p, updated_at: new Date(p.updated_at) })),
      certificates: (row.certs ?? []).map((c): HeldCertificate => ({ ...c, data: c.data ?? {}, issued_at: new Date(c.issued_at) })),
      account: row.account,
    };
  }
}
