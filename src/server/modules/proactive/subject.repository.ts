import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { CertificateBasis, EnterpriseBasis, PersonBasis } from "../profiles/profile-facts";

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

/**
 * Every subject's profile basis in one query per batch (keyset by id), for matching a rule over the
 * whole registry: what `ProfileService` reads for one subject, read for thousands at a time.
 */
export class SubjectRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async persons(after: string, limit: number, opts: { withAccount?: boolean } = {}): Promise<Array<SubjectRow<PersonBasis>>> {
    const rows = await sql<{ id: string; name: string; district: string; birth_date: string; gender: string; hukou_division_code: string; marital_status: string | null; children: string[] | null; certs: CertificateBasis[] | null; benefits: string[] | null; account_id: string | null; notify_proactive: boolean | null }>`
      select p.id, p.name, p.region_code as district, p.birth_date::text as birth_date, p.gender, p.hukou_division_code, p.marital_status,
        (select array_agg(c.birth_date::text) from persons c where c.father_id = p.id or c.mother_id = p.id) as children,
        (select json_agg(json_build_object('type_code', ce.type_code, 'valid_to', ce.valid_to)) from certificates ce where ce.holder_person_id = p.id and ce.status = 'valid') as certs,
        (select array_agg(v.content ->> 'name') from applications ap join catalogue_item_versions v on v.id = ap.version_id
           join catalogue_items ci on ci.id = ap.item_id join catalogue_base_items cb on cb.id = ci.base_item_id
           where ap.applicant_person_id = p.id and ap.outcome = 'approved' and cb.basic_code like 'JF%'
             and not exists (select 1 from benefit_offers b where b.application_id = ap.id and b.status = 'revoked')) as benefits,
        a.id as account_id, a.notify_proactive
      from persons p ${opts.withAccount ? sql`join` : sql`left join`} accounts a on a.person_id = p.id and a.kind = 'citizen'
      where p.id > ${after}
      order by p.id
      limit ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      id: r.id,
      name: r.name,
      district: r.district,
      account_id: r.account_id,
      notify_proactive: r.notify_proactive,
      person_id: r.id,
      basis: { birth_date: r.birth_date, gender: r.gender, hukou_division_code: r.hukou_division_code, marital_status: r.marital_status, children: r.children ?? [], certs: r.certs ?? [], benefits: r.benefits ?? [] },
    }));
  }

  async enterprises(after: string, limit: number, today: string, opts: { withAccount?: boolean } = {}): Promise<Array<SubjectRow<EnterpriseBasis>>> {
    const rows = await sql<{ id: string; name: string; district: string; type: string; industry: string; established_on: string; registered_capital_wan: number; division_code: string; credit_listed: boolean; certs: CertificateBasis[] | null; account_id: string | null; notify_proactive: boolean | null; person_id: string }>`
      select e.id, e.name, e.region_code as district, e.type, e.industry, e.established_on::text as established_on, e.registered_capital_wan, e.division_code,
        exists (select 1 from credit_records r where r.credit_code = e.credit_code and r.list = 'black' and (r.expires_on is null or r.expires_on >= ${today}::date)) as credit_listed,
        (select json_agg(json_build_object('type_code', ce.type_code, 'valid_to', ce.valid_to)) from certificates ce where ce.holder_enterprise_id = e.id and ce.status = 'valid') as certs,
        a.id as account_id, a.notify_proactive, e.legal_rep_person_id as person_id
      from enterprises e ${opts.withAccount ? sql`join` : sql`left join`} accounts a on a.person_id = e.legal_rep_person_id and a.kind = 'citizen'
      where e.id > ${after}
      order by e.id
      limit ${limit}`.execute(this.db);
    return rows.rows.map((r) => ({
      id: r.id,
      name: r.name,
      district: r.district,
      account_id: r.account_id,
      notify_proactive: r.notify_proactive,
      person_id: r.person_id,
      basis: { type: r.type, industry: r.industry, established_on: r.established_on, registered_capital_wan: r.registered_capital_wan, division_code: r.division_code, credit_listed: r.credit_listed, certs: r.certs ?? [] },
    }));
  }
}
