import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CertificateBasis, EnterpriseBasis, PersonBasis } from "../profiles";

export interface SubjectRow<B> {
  id: string;
  name: string;
  /** The subject's district (its region). */
  district: string;
  /** The citizen account that hears about it: the person's own, or the enterprise's legal representative's. */
  account_id: string | null;
  notify_proactive: boolean | null;
  /** For an enterprise, its legal representative (whose data-use log shows the read). */
  person_id: string;
  basis: B;
}

const tid = (page: number) => `(${page},0)`;
const certs = (rows: Array<[string, string | null]> | null): CertificateBasis[] => (rows ?? []).map(([type_code, valid_to]) => ({ type_code, valid_to }));

/**
 * Every subject's profile basis, a batch at a time: what `ProfileService` reads for one subject, read for
 * thousands in one query — children, certificates and benefits by index per subject — and returned as one
 * JSON document per batch, which costs far less to move than thousands of rows. A batch is a range of the
 * table's pages (a TID range scan, PostgreSQL 14 and later), so the table is read in its physical order:
 * walking random UUIDs in key order reads a page per row once the table outgrows the cache.
 */
export class SubjectRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** How many pages a table has now (the walk over subjects with an account walks `accounts`). */
  async pageCount(table: "persons" | "enterprises" | "accounts"): Promise<number> {
    const { rows } = await sql<{ n: string }>`select (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::text as n`.execute(this.db);
    return Number(rows[0]!.n);
  }

  async persons(fromPage: number, toPage: number, opts: { withAccount?: boolean } = {}): Promise<Array<SubjectRow<PersonBasis>>> {
    const { rows } = await sql<{ j: string }>`
      select coalesce(json_agg(json_build_array(
          p.id, p.name, p.region_code, p.birth_date, p.gender, p.hukou_division_code, p.marital_status, a.id, a.notify_proactive,
          (select json_agg(c.birth_date) from (
             select birth_date from persons where father_id = p.id union all select birth_date from persons where mother_id = p.id) c),
          (select json_agg(json_build_array(ce.type_code, ce.valid_to)) from certificates ce where ce.holder_person_id = p.id and ce.status = 'valid'),
          (select json_agg(ap.item_id) from applications ap
           where ap.applicant_person_id = p.id and ap.outcome = 'approved'
             and not exists (select 1 from benefit_offers b where b.application_id = ap.id and b.status = 'revoked'))
        ))::text, '[]') as j
      from (${
        opts.withAccount
          ? sql`select q.* from accounts x join persons q on q.id = x.person_id where x.kind = 'citizen' and x.ctid >= ${tid(fromPage)}::tid and x.ctid < ${tid(toPage)}::tid`
          : sql`select * from persons q where q.ctid >= ${tid(fromPage)}::tid and q.ctid < ${tid(toPage)}::tid`
      }) p
      left join accounts a on a.person_id = p.id and a.kind = 'citizen'`.execute(this.db);
    const list = JSON.parse(rows[0]!.j) as Array<[string, string, string, string, string, string, string | null, string | null, boolean | null, string[] | null, Array<[string, string | null]> | null, string[] | null]>;
    // Approved applications are named here only when the item is a benefit (给付): a join per person in SQL
    // let the planner scan the catalogue once per person.
    const benefitNames = list.some((r) => r[11]) ? await this.benefitItemNames() : new Map<string, string>();
    return list.map(([id, name, district, birth_date, gender, hukou_division_code, marital_status, account_id, notify_proactive, children, held, benefits]) => ({
      id,
      name,
      district,
      account_id,
      notify_proactive,
      person_id: id,
      basis: { birth_date, gender, hukou_division_code, marital_status, children: children ?? [], certs: certs(held), benefits: (benefits ?? []).flatMap((itemId) => benefitNames.get(itemId) ?? []) },
    }));
  }

  /** Benefit (给付) items by id, with their published name. */
  private async benefitItemNames(): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("catalogue_items as i")
      .innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["i.id", sql<string>`v.content ->> 'name'`.as("name")])
      .where("b.basic_code", "like", "JF%")
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async enterprises(fromPage: number, toPage: number, today: string, opts: { withAccount?: boolean } = {}): Promise<Array<SubjectRow<EnterpriseBasis>>> {
    const { rows } = await sql<{ j: string }>`
      select coalesce(json_agg(json_build_array(
          e.id, e.name, e.region_code, e.type, e.industry, e.established_on, e.registered_capital_wan, e.division_code, a.id, a.notify_proactive, e.legal_rep_person_id,
          exists (select 1 from credit_records r where r.credit_code = e.credit_code and r.list = 'black' and (r.expires_on is null or r.expires_on >= ${today}::date)),
          (select json_agg(json_build_array(ce.type_code, ce.valid_to)) from certificates ce where ce.holder_enterprise_id = e.id and ce.status = 'valid')
        ))::text, '[]') as j
      from (${
        opts.withAccount
          ? sql`select q.* from accounts x join enterprises q on q.legal_rep_person_id = x.person_id where x.kind = 'citizen' and x.ctid >= ${tid(fromPage)}::tid and x.ctid < ${tid(toPage)}::tid`
          : sql`select * from enterprises q where q.ctid >= ${tid(fromPage)}::tid and q.ctid < ${tid(toPage)}::tid`
      }) e
      left join accounts a on a.person_id = e.legal_rep_person_id and a.kind = 'citizen'`.execute(this.db);
    const list = JSON.parse(rows[0]!.j) as Array<[string, string, string, string, string, string, number, string, string | null, boolean | null, string, boolean, Array<[string, string | null]> | null]>;
    return list.map(([id, name, district, type, industry, established_on, registered_capital_wan, division_code, account_id, notify_proactive, person_id, credit_listed, held]) => ({
      id,
      name,
      district,
      account_id,
      notify_proactive,
      person_id,
      basis: { type, industry, established_on, registered_capital_wan, division_code, credit_listed, certs: certs(held) },
    }));
  }
}
