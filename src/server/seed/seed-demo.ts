import { luhnDigit } from "../../shared/validation/luhn";
import { nextDay, todayInChina, WorkCalendar } from "../../shared/working-days";
import { createRepositoryStore } from "../repositories";
import type { Kysely } from "kysely";
import { SYSTEM_ACTOR } from "../actor";
import type { FieldCipher } from "../crypto/field-cipher";
import { hashPassword } from "../crypto/password";
import type { DB } from "../db/schema";
import { AuditRepository } from "../modules/audit/audit.repository";
import { CertificateService } from "../modules/certificates/certificate.service";
import { SealService } from "../modules/seals/seal.service";
import { ed25519Signer } from "../crypto/signer";
import { demoOrgs } from "./demo-orgs";
import { seedCatalogue } from "./catalogue/seed-catalogue";
import { DEMO_PASSWORD, DEMO_STAFF, demoEnterprises, demoPersons } from "./demo-people";
import { seedDispatchCatalogue } from "./seed-appeals";
import { seedAutoApproval } from "./seed-auto-approval";
import { seedUuid } from "./seed-demo-ids";
import { seedOnceOnly } from "./seed-once-only";
import { seedBundles } from "./bundles/seed-bundles";

export { seedUuid };


export interface SeedSummary {
  orgs: number;
  persons: number;
  enterprises: number;
  accounts: number;
  baseItems: number;
  items: number;
  policies: number;
}

/** True when the database holds no organisations yet (a fresh install). */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("orgs").select("id").limit(1).executeTakeFirst();
  return !row;
}

/**
 * Seeds the deterministic demo city in one transaction: the org tree, the population and
 * legal-person registries, citizen and staff accounts (password Haoban@2026) and one agent grant.
 */
/** Appointment slots at every service centre for the next 20 working days (four one-hour slots a day). */
async function seedAppointmentSlots(db: Kysely<DB>, centres: Array<{ id: string; regionCode: string }>, now: Date) {
  const calendar = new WorkCalendar();
  const days: string[] = [];
  for (let d = nextDay(todayInChina(now)); days.length < 20; d = nextDay(d)) {
    try {
      if (calendar.isWorkingDay(d)) days.push(d);
    } catch {
      break; // past the configured calendar: administrators publish later slots themselves
    }
  }
  const times = [["09:00", "10:00"], ["10:00", "11:00"], ["14:00", "15:00"], ["15:00", "16:00"]] as const;
  const rows = centres.flatMap((c) => days.flatMap((day) => times.map(([start, end]) => ({ centre_org_id: c.id, day, start_time: start, end_time: end, capacity: 5, region_code: c.regionCode }))));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto("appointment_slots").values(rows.slice(i, i + 1000)).execute();
}

/** Every demo enterprise holds its business licence in the certificate library, sealed by its district's market regulator. */
async function seedBusinessLicences(db: Kysely<DB>, cipher: FieldCipher, orgCodes: Set<string>, now: Date) {
  const repos = createRepositoryStore(db).repos;
  const certificates = new CertificateService(createRepositoryStore(db), new SealService(createRepositoryStore(db), cipher, ed25519Signer, () => now), () => now);
  for (const e of await db.selectFrom("enterprises").innerJoin("persons as p", "p.id", "enterprises.legal_rep_person_id").selectAll("enterprises").select("p.name as rep_name").orderBy("credit_code").execute()) {
    const issuer = orgCodes.has(`${e.region_code}-AMR`) ? `${e.region_code}-AMR` : "310000-AMR";
    await certificates.issue(repos, {
      type: "business_licence",
      issuerOrgId: seedUuid(`org:${issuer}`),
      applicationId: null,
      holder: { kind: "enterprise", personId: null, enterpriseId: e.id, name: e.name, id: e.credit_code },
      data: { name: e.name, creditCode: e.credit_code, legalRep: e.rep_name, address: e.address },
    });
  }
}

export async function seedDemo(db: Kysely<DB>, cipher: FieldCipher, now: Date = new Date()): Promise<SeedSummary> {
  const orgs = demoOrgs();
  const people = demoPersons();
  const enterprises = demoEnterprises(people);
  const citizenHashes = await Promise.all(people.slice(0, 10).map(() => hashPassword(DEMO_PASSWORD)));
  const staffHashes = await Promise.all(DEMO_STAFF.map(() => hashPassword(DEMO_PASSWORD)));

  return db.transaction().execute(async (trx) => {
    const paths = new Map<string, string>();
    const orgRows = orgs.map((o, sort) => {
      const path = `${o.parent ? paths.get(o.parent)! : ""}${o.code}/`;
      paths.set(o.code, path);
      return {
        id: seedUuid(`org:${o.code}`),
        code: o.code,
        name: o.name,
        name_en: o.nameEn,
        kind: o.kind,
        parent_id: o.parent ? seedUuid(`org:${o.parent}`) : null,
        division_code: o.divisionCode,
        region_code: o.regionCode,
        path,
        sort,
      };
    });
    for (let i = 0; i < orgRows.length; i += 500) await trx.insertInto("orgs").values(orgRows.slice(i, i + 500)).execute();

    const personId = (key: string) => seedUuid(`person:${key}`);
    await trx
      .insertInto("persons")
      .values(
        people.map((p) => ({
          id: personId(p.key),
          name: p.name,
          id_number_hash: cipher.blindIndex("id", p.idNumber),
          id_number_enc: cipher.encrypt(p.idNumber),
          gender: p.gender,
          birth_date: p.birthDate,
          hukou_division_code: p.hukouDivisionCode,
          address_enc: cipher.encrypt(p.address),
          // 李雪梅's registry entry still has her old number: prefill shows the conflict with her account.
          mobile_enc: cipher.encrypt(p.key === "p02" ? "13917260835" : p.mobile),
          // 社会保障卡金融账户, where benefits are paid (synthetic, with its Luhn check digit).
          payout_account_enc: cipher.encrypt(socialCardAccount(p.idNumber)),
          payout_bank: "上海银行",
          marital_status: p.maritalStatus,
          spouse_id: p.spouseKey ? personId(p.spouseKey) : null,
          father_id: p.fatherKey ? personId(p.fatherKey) : null,
          mother_id: p.motherKey ? personId(p.motherKey) : null,
          region_code: p.districtCode,
          source_org_code: `${p.districtCode}-PSB`,
        })),
      )
      .execute();

    await trx
      .insertInto("enterprises")
      .values(
        enterprises.map((e) => ({
          id: seedUuid(`enterprise:${e.creditCode}`),
          credit_code: e.creditCode,
          name: e.name,
          type: e.type,
          legal_rep_person_id: personId(e.legalRepKey),
          division_code: e.districtCode,
          region_code: e.districtCode,
          established_on: e.establishedOn,
          industry: e.industry,
          registered_capital_wan: e.registeredCapitalWan,
          address: e.address,
          source_org_code: `${e.districtCode}-AMR`,
        })),
      )
      .execute();

    const citizens = people.slice(0, 10).map((p, i) => ({
      id: seedUuid(`account:${p.key}`),
      kind: "citizen" as const,
      username: null,
      name: p.name,
      person_id: personId(p.key),
      id_number_hash: cipher.blindIndex("id", p.idNumber),
      mobile_hash: cipher.blindIndex("mobile", p.mobile),
      mobile_enc: cipher.encrypt(p.mobile),
      password_hash: citizenHashes[i]!,
      org_id: null,
      totp_secret_enc: null,
      region_code: p.districtCode,
    }));
    const staff = DEMO_STAFF.map((s, i) => {
      const org = orgRows.find((o) => o.code === s.org);
      if (!org) throw new Error(`demo staff ${s.username}: no org ${s.org}`);
      return {
        id: seedUuid(`account:${s.username}`),
        kind: "staff" as const,
        username: s.username,
        name: s.name,
        person_id: null,
        id_number_hash: null,
        mobile_hash: null,
        mobile_enc: null,
        password_hash: staffHashes[i]!,
        org_id: org.id,
        roles: s.roles,
        totp_secret_enc: null,
        region_code: org.region_code,
      };
    });
    await trx.insertInto("accounts").values([...citizens, ...staff]).execute();
    const posts = DEMO_STAFF.flatMap((s) => (s.posts ?? []).map((p) => ({ account_id: seedUuid(`account:${s.username}`), org_id: orgRows.find((o) => o.code === p.org)!.id, roles: p.roles, created_by: "演示数据" })));
    if (posts.length) await trx.insertInto("staff_posts").values(posts).execute();

    // 刘芳 (13800000006) is an authorised agent of 上海明远科技有限公司, whose legal representative is 张伟明.
    const mingyuan = enterprises[0]!;
    await trx
      .insertInto("enterprise_agents")
      .values({
        id: seedUuid("agent:p06"),
        enterprise_id: seedUuid(`enterprise:${mingyuan.creditCode}`),
        agent_person_id: personId("p06"),
        scopes: ["apply", "view"],
        expires_on: "2027-12-31",
        granted_by_account_id: seedUuid("account:p01"),
        region_code: mingyuan.districtCode,
      })
      .execute();

    const catalogue = await seedCatalogue(trx);
    await seedAppointmentSlots(trx, orgs.filter((o) => o.kind === "service_centre").map((o) => ({ id: seedUuid(`org:${o.code}`), regionCode: o.regionCode })), now);
    await seedBusinessLicences(trx, cipher, new Set(orgs.map((o) => o.code)), now);
    await seedOnceOnly(trx, cipher, people, enterprises, now);
    await seedBundles(trx);
    await seedDispatchCatalogue(trx, orgs);
    await seedAutoApproval(trx);
    const summary = { orgs: orgRows.length, persons: people.length, enterprises: enterprises.length, accounts: citizens.length + staff.length, ...catalogue };
    await new AuditRepository(trx).append(SYSTEM_ACTOR, { requestId: null, ip: null, userAgent: null }, {
      action: "seed.demo",
      targetType: "system",
      details: summary,
    });
    return summary;
  });
}

/** A person's synthetic 社会保障卡金融账户: 19 digits from the ID number, ending in a Luhn check digit. */
export function socialCardAccount(idNumber: string): string {
  const body = `623185${idNumber.slice(-12).replace(/\D/g, "0")}`;
  return body + luhnDigit(body);
}
