import { parseAddress } from "../../../shared/validation/address";
import type { Actor, RequestContext } from "../../actor";
import { dataSubtree } from "../../access/scope";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { RegistryAdminRepository } from "./registry-admin.repository";
import { DomainError } from "../../domain-error";
import { validateIdNumber } from "../../../shared/validation/id-number";
import { countyOf } from "../../../shared/validation/division-code";
import { todayInChina } from "../../../shared/working-days";
import { REGISTRIES } from "../../../shared/registries";
import type { RegistryImportView, RegistryQuality } from "../../../shared/schemas/data";
import { checkTable, readTable, type AddressRecord, type CreditRecord, type ImportableRegistry, type LegalPersonRecord, type PopulationRecord, type RowProblem } from "./registry-import";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; orgs: OrgRepository; registryAdmin: RegistryAdminRepository };

/** Records updated within this many days count as fresh. */
const FRESH_DAYS = 365;
/** How many population records the validity and address checks decrypt (the most recently updated). */
const VALIDITY_SAMPLE = 5000;

/**
 * Departments load the base registries (人口库, 法人库, 信用, 地址库) from a CSV or .xlsx file: every row is
 * checked (check digits, code lists, dates, duplicates, and against the other registries: a legal
 * representative must be in the population registry, a credit entry's enterprise in the legal-person
 * registry, a spouse in the file or the registry); then all rows apply in one transaction with an
 * audit record, or none does and the report names each bad row and column. Each record keeps its
 * source department and update time; the quality figures measure completeness, validity,
 * freshness and conflicts between sources per registry and department.
 * Raises: FORBIDDEN, ORG_NOT_FOUND, REGISTRY_UNKNOWN, REGISTRY_FILE_INVALID, IMPORT_INVALID.
 */
export class RegistryImportService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async import(actor: Actor, registry: ImportableRegistry, sourceOrgCode: string, file: { body: Buffer; name: string | null }, ctx: RequestContext) {
    const scope = this.authorise(actor);
    const org = await this.store.repos.orgs.findByCode(sourceOrgCode);
    if (!org) throw new DomainError("ORG_NOT_FOUND");
    if (!org.path.startsWith(scope)) throw new DomainError("FORBIDDEN");
    const table = await readTable(file.body);
    if (!table) throw new DomainError("REGISTRY_FILE_INVALID");
    const today = todayInChina(this.now());
    const { records, problems } = checkTable(registry, table, today);
    if (!problems.length) problems.push(...(await this.crossCheck(registry, records)));
    if (problems.length) {
      // Nothing changes; the rejected attempt is remembered with its report.
      const { id } = await this.store.transact(async (repos) => {
        const row = await repos.registryAdmin.insertImport({ registry, source_org_code: org.code, file_name: file.name, rows_total: table.rows.length, rows_applied: 0, errors: JSON.stringify(problems.slice(0, 500)), status: "rejected", account_id: actor.accountId });
        await repos.audit.append(actor, ctx, { action: "registry.import_rejected", targetType: "registry", targetId: row.id, orgId: org.id, regionCode: org.region_code, details: { registry, rows: table.rows.length, problems: problems.length } });
        return row;
      });
      throw new DomainError("IMPORT_INVALID", { importId: id, problems: problems.slice(0, 500), total: problems.length });
    }
    return this.store.transact(async (repos) => {
      const counts = await this.apply(repos, registry, org.code, records.map((r) => r.record));
      const { id } = await repos.registryAdmin.insertImport({ registry, source_org_code: org.code, file_name: file.name, rows_total: table.rows.length, rows_applied: records.length, errors: "[]", status: "applied", account_id: actor.accountId });
      await repos.audit.append(actor, ctx, { action: "registry.import", targetType: "registry", targetId: id, orgId: org.id, regionCode: org.region_code, details: { registry, ...counts, fileName: file.name } });
      return { importId: id, rows: records.length, ...counts };
    });
  }

  async history(actor: Actor): Promise<RegistryImportView[]> {
    this.authorise(actor);
    const rows = await this.store.repos.registryAdmin.listImports(50);
    return rows.map((r) => ({
      id: r.id,
      registry: r.registry,
      registryName: REGISTRIES[r.registry as keyof typeof REGISTRIES]?.zh ?? r.registry,
      sourceOrgName: r.org_name ?? r.source_org_code,
      fileName: r.file_name,
      rowsTotal: r.rows_total,
      rowsApplied: r.rows_applied,
      status: r.status,
      problems: (r.errors as RowProblem[]).length,
      by: r.account_name,
      at: r.created_at.toISOString(),
    }));
  }

  /** 数据质量: per registry and source department. */
  async quality(actor: Actor): Promise<RegistryQuality[]> {
    this.authorise(actor);
    const repos = this.store.repos;
    const freshSince = new Date(this.now().getTime() - FRESH_DAYS * 86_400_000);
    const [persons, enterprises, credit, addresses, conflicts, sample] = await Promise.all([
      repos.registryAdmin.personFigures(freshSince),
      repos.registryAdmin.enterpriseFigures(freshSince),
      repos.registryAdmin.simpleFigures("credit_records", freshSince),
      repos.registryAdmin.simpleFigures("addresses", freshSince),
      repos.registryAdmin.conflicts(),
      repos.registryAdmin.samplePersons(VALIDITY_SAMPLE),
    ]);
    const valid = new Map<string, { ok: number; n: number }>();
    const now = this.now();
    const addressOf = sample.map((p) => (p.address_enc ? this.cipher.decrypt(p.address_enc) : null));
    const known = await repos.registryAdmin.knownAddresses(addressOf.filter((a): a is string => !!a));
    const unknownAddress = new Map<string, number>();
    sample.forEach((p, i) => {
      if (addressOf[i] && !known.has(addressOf[i]!)) unknownAddress.set(p.source_org_code, (unknownAddress.get(p.source_org_code) ?? 0) + 1);
    });
    for (const p of sample) {
      const id = validateIdNumber(this.cipher.decrypt(p.id_number_enc), now);
      const ok = id.ok && id.value.birthDate === p.birth_date && id.value.gender === p.gender;
      const v = valid.get(p.source_org_code) ?? { ok: 0, n: 0 };
      valid.set(p.source_org_code, { ok: v.ok + (ok ? 1 : 0), n: v.n + 1 });
    }
    const count = (rows: Array<{ source_org_code: string; n: string }>, code: string) => Number(rows.find((r) => r.source_org_code === code)?.n ?? 0);
    const orgNames = new Map<string, string>();
    const name = async (code: string) => {
      if (!orgNames.has(code)) orgNames.set(code, (await repos.orgs.findByCode(code))?.name ?? code);
      return orgNames.get(code)!;
    };
    const row = async (registry: keyof typeof REGISTRIES, code: string, f: { total: string; fresh: string; oldest: Date | string | null; complete?: string }, validity: number | null, conflictCounts: Array<[string, number]>): Promise<RegistryQuality> => {
      const total = Number(f.total);
      return {
        registry,
        registryName: REGISTRIES[registry].zh,
        sourceOrgCode: code,
        orgName: await name(code),
        records: total,
        completeness: total ? Number(f.complete ?? f.total) / total : 1,
        validity,
        freshness: total ? Number(f.fresh) / total : 1,
        oldestUpdate: f.oldest ? new Date(f.oldest).toISOString() : null,
        conflicts: conflictCounts.reduce((s, [, n]) => s + n, 0),
        conflictNotes: conflictCounts.filter(([, n]) => n > 0).map(([what, n]) => `${what} ${n} 条`),
      };
    };
    const out: RegistryQuality[] = [];
    for (const p of persons) {
      const v = valid.get(p.source_org_code);
      out.push(await row("population", p.source_org_code, p, v ? v.ok / v.n : null, [["婚姻状况与结婚证不一致", count(conflicts.marital, p.source_org_code)], ["居住地址不在地址库中", unknownAddress.get(p.source_org_code) ?? 0]]));
    }
    for (const e of enterprises) out.push(await row("legal_person", e.source_org_code, e, Number(e.total) ? Number(e.valid) / Number(e.total) : null, [["名称或法定代表人与营业执照不一致", count(conflicts.licence, e.source_org_code)]]));
    for (const c of credit) out.push(await row("credit", c.source_org_code, c, null, []));
    for (const a of addresses) out.push(await row("address", a.source_org_code, a, null, []));
    // The population registry first, then legal persons, credit and addresses; departments by code.
    const order = ["population", "legal_person", "credit", "address"];
    return out.sort((a, b) => order.indexOf(a.registry) - order.indexOf(b.registry) || a.sourceOrgCode.localeCompare(b.sourceOrgCode));
  }

  /** Checks against the database: the other registries a row refers to. */
  private async crossCheck(registry: ImportableRegistry, records: Array<{ n: number; record: unknown }>): Promise<RowProblem[]> {
    const repos = this.store.repos;
    const problems: RowProblem[] = [];
    if (registry === "population") {
      const rows = records as Array<{ n: number; record: PopulationRecord }>;
      const inFile = new Set(rows.map((r) => r.record.idNumber));
      const spouses = rows.filter((r) => r.record.spouseIdNumber && !inFile.has(r.record.spouseIdNumber));
      const known = await repos.registryAdmin.personsByHash(spouses.map((r) => this.cipher.blindIndex("id", r.record.spouseIdNumber!)));
      for (const r of spouses) if (!known.has(this.cipher.blindIndex("id", r.record.spouseIdNumber!))) problems.push({ row: r.n, column: "配偶身份证号码", message: "配偶不在人口库中，也不在本文件中" });
    }
    if (registry === "legal_person") {
      const rows = records as Array<{ n: number; record: LegalPersonRecord }>;
      const known = await repos.registryAdmin.personsByHash(rows.map((r) => this.cipher.blindIndex("id", r.record.repIdNumber)));
      for (const r of rows) if (!known.has(this.cipher.blindIndex("id", r.record.repIdNumber))) problems.push({ row: r.n, column: "法定代表人身份证号码", message: "法定代表人不在人口库中，请先由公安部门导入" });
    }
    if (registry === "credit") {
      const rows = records as Array<{ n: number; record: CreditRecord }>;
      const known = await repos.registryAdmin.enterprisesByCode(rows.map((r) => r.record.creditCode));
      for (const r of rows) if (!known.has(r.record.creditCode)) problems.push({ row: r.n, column: "统一社会信用代码", message: "该主体不在法人库中" });
    }
    return problems;
  }

  private async apply(repos: Repos, registry: ImportableRegistry, source: string, records: unknown[]) {
    const updatedAt = this.now();
    let inserted = 0;
    let updated = 0;
    const tally = (r: "inserted" | "updated") => (r === "inserted" ? inserted++ : updated++);
    if (registry === "population") {
      const rows = records as PopulationRecord[];
      for (const p of rows) {
        tally(
          await repos.registryAdmin.upsertPerson({
            name: p.name,
            id_number_hash: this.cipher.blindIndex("id", p.idNumber),
            id_number_enc: this.cipher.encrypt(p.idNumber),
            gender: p.gender,
            birth_date: p.birthDate,
            hukou_division_code: p.hukou,
            address_enc: this.cipher.encrypt(p.address),
            mobile_enc: p.mobile ? this.cipher.encrypt(p.mobile) : null,
            marital_status: p.marital,
            region_code: countyOf(p.hukou),
            source_org_code: source,
            updated_at: updatedAt,
          }),
        );
      }
      // Spouses once everyone in the file exists.
      const married = rows.filter((p) => p.spouseIdNumber);
      const ids = await repos.registryAdmin.personsByHash(married.map((p) => this.cipher.blindIndex("id", p.spouseIdNumber!)));
      for (const p of married) await repos.registryAdmin.setSpouse(this.cipher.blindIndex("id", p.idNumber), ids.get(this.cipher.blindIndex("id", p.spouseIdNumber!))!);
    } else if (registry === "legal_person") {
      const rows = records as LegalPersonRecord[];
      const reps = await repos.registryAdmin.personsByHash(rows.map((e) => this.cipher.blindIndex("id", e.repIdNumber)));
      for (const e of rows) {
        tally(
          await repos.registryAdmin.upsertEnterprise({
            credit_code: e.creditCode,
            name: e.name,
            type: e.type,
            legal_rep_person_id: reps.get(this.cipher.blindIndex("id", e.repIdNumber))!,
            division_code: e.division,
            region_code: countyOf(e.division),
            established_on: e.establishedOn,
            industry: e.industry,
            registered_capital_wan: e.capital,
            address: e.address,
            source_org_code: source,
            updated_at: updatedAt,
          }),
        );
      }
    } else if (registry === "credit") {
      for (const c of records as CreditRecord[]) {
        await repos.registryAdmin.insertCredit({ credit_code: c.creditCode, list: c.list, reason: c.reason, listed_on: c.listedOn, expires_on: c.expiresOn, source_org_code: source, region_code: source.slice(0, 6), updated_at: updatedAt });
        inserted++;
      }
    } else {
      for (const a of records as AddressRecord[]) {
        // Kept in its parts too, so that pickers offer it: the street when the code names one, the road, door and room.
        const parts = parseAddress(a.detail);
        const place = { street_code: a.division.length === 9 ? a.division : null, road: parts?.road ?? null, door: parts?.door ?? null, room: parts?.room ?? "" };
        tally(await repos.registryAdmin.upsertAddress({ division_code: a.division, detail: a.detail, postcode: a.postcode, source_org_code: source, region_code: countyOf(a.division), updated_at: updatedAt, ...place }));
      }
    }
    return { inserted, updated };
  }

  private authorise(actor: Actor): string {
    const scope = dataSubtree(actor);
    if (scope === null) throw new DomainError("FORBIDDEN");
    return scope;
  }
}
