import { ChangeBus, EVERYTHING } from "../../db/change-bus";
import { CERTIFICATE_TYPE_DEFS, orgCreditCode } from "../../../shared/certificate-types";
import { CERTIFICATE_TRANSITIONS, transitionFrom, type CertificateStatus } from "../../../shared/lifecycle";
import type { CounterRepository } from "../numbering";
import { buildCertificateId, validateCertificateId } from "../../../shared/validation/certificate-id";
import { maskIdNumber } from "../../../shared/validation/id-number";
import { todayInChina } from "../../../shared/working-days";
import { hasRole, SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CertificateRepository } from "./certificate.repository";
import type { OrgRepository } from "../orgs";
import type { OutboxRepository } from "../outbox";
import { DomainError } from "../../domain-error";
import { canonicalJson } from "../../../shared/canonical-json";
import type { Seal, SealService } from "../seals";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
/** A certificate row as read for update. */
type CertificateRow = NonNullable<Awaited<ReturnType<CertificateRepository["findForUpdate"]>>>;

export type Repos = UnitOfWork & { counters: CounterRepository; audit: AuditRepository; certificates: CertificateRepository; orgs: OrgRepository; outbox: OutboxRepository };

/** Holders are reminded this many days before a certificate expires. */
export const EXPIRY_NOTICE_DAYS = 30;

/** How many public verification answers are kept for reuse. */
const VERIFY_CACHE_SIZE = 10_000;

/** What is signed: everything a certificate states, exactly as stored. */
export type CertificatePayload = {
  identifier: string;
  type: string;
  typeName: string;
  number: string;
  holder: { kind: "person" | "enterprise"; name: string; id: string };
  issuer: { name: string; code: string };
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  data: Record<string, string>;
};

export type VerificationReason = "VALID" | "NOT_FOUND" | "SIGNATURE_INVALID" | "MISMATCH" | "EXPIRED" | "SUSPENDED" | "REVOKED";

const REASON_TEXT: Record<VerificationReason, string> = {
  VALID: "证照真实有效",
  NOT_FOUND: "电子证照库中没有这张证照",
  SIGNATURE_INVALID: "电子印章验证失败：证照内容已被篡改或签名无效",
  MISMATCH: "证照内容与电子证照库中的记录不一致",
  EXPIRED: "证照已过有效期",
  SUSPENDED: "证照已被发证机关暂停使用",
  REVOKED: "证照已被发证机关注销",
};

/** 张伟明 → 张*明, 李雪 → 李*, 上海明远科技有限公司 → 上海明远****有限公司 (first and last parts kept). */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  if (chars.length <= 4) return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
  const keep = Math.ceil(chars.length / 3);
  return `${chars.slice(0, keep).join("")}${"*".repeat(chars.length - 2 * keep)}${chars.slice(-keep).join("")}`;
}

/**
 * E-certificates: issued with a GB/T 36904 identifier and the issuing organisation's seal, inside the
 * transaction that approves the application; verified by anyone (by identifier, or a downloaded copy)
 * without seeing more than the type, the issuer, the validity and the masked holder; suspended,
 * reinstated or revoked by the issuer with a reason; holders reminded before expiry. Raises: CERTIFICATE_NOT_FOUND, FORBIDDEN,
 * CERTIFICATE_STATUS_INVALID, REASON_REQUIRED.
 */
export class CertificateService {
  /**
   * Recent public verification results by identifier: verification is the busiest public read and its
   * answer changes only when the issuer changes the status (forgotten at once in every process: the
   * change bus, fed by the certificates' trigger; `verifyCacheMs` bounds what a lost notification could
   * leave) or at midnight of the expiry day (the TTL bounds that too).
   */
  private readonly verified = new Map<string, { at: number; result: ReturnType<CertificateService["result"]> }>();

  constructor(
    private readonly store: Store<Repos>,
    private readonly seals: SealService,
    private readonly now: () => Date = () => new Date(),
    private readonly verifyCacheMs = 5_000,
    /** A status changed anywhere (the certificates' trigger, or this process): every process forgets its verification. */
    private readonly changes: ChangeBus = ChangeBus.local(),
  ) {
    changes.subscribe("certificate", (identifier) => (identifier === EVERYTHING ? this.verified.clear() : this.verified.delete(identifier)));
  }

  /** Issues a certificate of `type` for `holder`, signed by `issuerOrgId`'s seal, in the caller's transaction. */
  async issue(
    unit: UnitOfWork,
    input: { type: string; issuerOrgId: string; applicationId: string | null; holder: { kind: "person" | "enterprise"; personId: string | null; enterpriseId: string | null; name: string; id: string }; data: Record<string, string> },
  ) {
    const repos = this.store.within(unit);
    const def = CERTIFICATE_TYPE_DEFS[input.type];
    if (!def) throw new Error(`unknown certificate type ${input.type}`);
    const issuer = (await repos.orgs.findById(input.issuerOrgId))!;
    const issuerCode = orgCreditCode(issuer.code, issuer.division_code ?? issuer.region_code);
    const today = todayInChina(this.now());
    const seq = await repos.counters.next(`CERT-${issuer.code}`, today);
    const serial = `${today.replaceAll("-", "")}${String(seq).padStart(6, "0")}`;
    const identifier = buildCertificateId({ typeCode: def.typeCode, issuerCode, serial, version: "001" });
    const validTo = def.validityYears === null ? null : lastDayBefore(addYears(today, def.validityYears));
    const payload: CertificatePayload = {
      identifier,
      type: def.code,
      typeName: def.name,
      number: serial,
      holder: { kind: input.holder.kind, name: input.holder.name, id: input.holder.kind === "person" ? maskIdNumber(input.holder.id) : input.holder.id },
      issuer: { name: issuer.name, code: issuerCode },
      issuedOn: today,
      validFrom: today,
      validTo,
      data: Object.fromEntries(def.fields.filter((f) => input.data[f.key] !== undefined).map((f) => [f.key, input.data[f.key]!])),
    };
    const seal = await this.seals.sign(repos, issuer.id, Buffer.from(canonicalJson(payload)));
    const row = await repos.certificates.insert({
      identifier,
      type_code: def.code,
      number: serial,
      holder_kind: input.holder.kind,
      holder_person_id: input.holder.personId,
      holder_enterprise_id: input.holder.enterpriseId,
      holder_name: input.holder.name,
      issuer_org_id: issuer.id,
      application_id: input.applicationId,
      payload: JSON.stringify(payload),
      seal_key_id: seal.keyId,
      algorithm: seal.algorithm,
      signature: seal.signature,
      valid_from: today,
      valid_to: validTo,
      status: "valid",
      region_code: issuer.region_code,
      issued_at: this.now(),
    });
    return { id: row.id, identifier, typeName: def.name, payload, seal };
  }

  /** Public verification by identifier: the stored record's seal, then its status and validity. */
  async verifyById(identifier: string) {
    const now = this.now().getTime();
    const hit = this.verified.get(identifier);
    if (hit && now - hit.at < this.verifyCacheMs) return hit.result;
    const result = await this.verifyFresh(identifier);
    if (this.verifyCacheMs <= 0) return result;
    if (this.verified.size >= VERIFY_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(identifier, { at: now, result });
    return result;
  }

  private async verifyFresh(identifier: string) {
    const parsed = validateCertificateId(identifier);
    if (!parsed.ok) return this.result("NOT_FOUND", null);
    // Public verification may read a replica (at most its lag bound behind; a status change also ends the kept answer at once).
    const row = await this.store.stale.certificates.findByIdentifier(parsed.value.id);
    if (!row) return this.result("NOT_FOUND", null);
    const payload = row.payload as CertificatePayload;
    const sealOk = (await this.seals.verify({ keyId: row.seal_key_id, algorithm: row.algorithm, signature: row.signature }, Buffer.from(canonicalJson(payload)))).ok;
    return this.result(sealOk ? this.statusReason(row) : "SIGNATURE_INVALID", payload, row.status_reason);
  }

  /** Public verification of a downloaded copy: its seal, then that it matches the library's record. */
  async verifyDocument(doc: { payload: CertificatePayload; seal: Seal }) {
    const sealOk = (await this.seals.verify(doc.seal, Buffer.from(canonicalJson(doc.payload)))).ok;
    if (!sealOk) return this.result("SIGNATURE_INVALID", null);
    const row = await this.store.stale.certificates.findByIdentifier(String(doc.payload.identifier));
    if (!row) return this.result("NOT_FOUND", null);
    if (canonicalJson(row.payload) !== canonicalJson(doc.payload) || row.signature !== doc.seal.signature) return this.result("MISMATCH", null);
    return this.result(this.statusReason(row), row.payload as CertificatePayload, row.status_reason);
  }

  /** The issuer suspends, reinstates or revokes a certificate, with a reason; revocation is final. */
  async setStatus(actor: Actor, id: string, input: { status: CertificateStatus; reason: string }, ctx: RequestContext) {
    if (!input.reason.trim()) throw new DomainError("REASON_REQUIRED");
    const action = input.status === "valid" ? "reinstate" : input.status === "suspended" ? "suspend" : "revoke";
    const changed = await this.store.transact(async (repos) => {
      const row = await repos.certificates.findForUpdate(id);
      if (!row) throw new DomainError("CERTIFICATE_NOT_FOUND");
      const issuer = (await repos.orgs.findById(row.issuer_org_id))!;
      if (!hasRole(actor, "approver", "sys_admin") || !actor.orgPath || !issuer.path.startsWith(actor.orgPath)) throw new DomainError("FORBIDDEN");
      await this.transition(repos, actor, row, action, input.reason, ctx);
      return row.identifier;
    });
    // Once committed, this process answers with the new status at once.
    this.forgetVerified([changed]);
    return { id, status: input.status };
  }

  /**
   * Revokes the certificates issued for an application (a 免申即享 grant taken back), in the caller's
   * transaction, each with its own audit record; the public verification of this process answers with
   * the new status once the transaction commits (`afterCommit`). Returns the identifiers revoked.
   */
  async revokeForApplication(unit: UnitOfWork, actor: Actor, applicationId: string, reason: string, ctx: RequestContext): Promise<string[]> {
    const repos = this.store.within(unit);
    const revoked: string[] = [];
    for (const c of await repos.certificates.listForApplication(applicationId)) {
      if (!transitionFrom(CERTIFICATE_TRANSITIONS, "revoke", c.status)) continue;
      const row = (await repos.certificates.findForUpdate(c.id))!;
      await this.transition(repos, actor, row, "revoke", reason, ctx);
      revoked.push(row.identifier);
    }
    return revoked;
  }

  /** Forgets this process's cached verification of certificates whose status changed (call once committed). */
  forgetVerified(identifiers: string[]) {
    for (const identifier of identifiers) this.changes.publish("certificate", identifier);
  }

  /** One status change by the lifecycle table, with its audit record. */
  private async transition(repos: Repos, actor: Actor, row: CertificateRow, action: "suspend" | "reinstate" | "revoke", reason: string, ctx: RequestContext) {
    const t = transitionFrom(CERTIFICATE_TRANSITIONS, action, row.status);
    if (!t) throw new DomainError("CERTIFICATE_STATUS_INVALID", { status: row.status });
    await repos.certificates.setStatus(row.id, t.to, reason.trim());
    if (action === "revoke") await repos.outbox.append("certificate.revoked", { certificateId: row.id, applicationId: row.application_id, issuerOrgId: row.issuer_org_id, identifier: row.identifier }, row.region_code);
    await repos.audit.append(actor, ctx, { action: `certificate.${action}`, targetType: "certificate", targetId: row.id, orgId: row.issuer_org_id, regionCode: row.region_code, details: { identifier: row.identifier, from: row.status, to: t.to, reason: reason.trim() } });
  }

  /** Holders of certificates expiring within the notice period are told once, through the message centre. */
  async remindExpiring(limit = 500): Promise<number> {
    const now = this.now();
    const today = todayInChina(now);
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRY_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
    let reminded = 0;
    for (const { id } of await this.store.repos.certificates.listExpiringUnreminded(until, today, limit)) {
      const done = await this.store.transact(async (repos) => {
        const cert = await repos.certificates.findForUpdate(id);
        if (!cert || cert.expiry_reminded_at) return false;
        await repos.certificates.markReminded(id, now);
        await repos.outbox.append("certificate.expiring", { certificateId: id }, cert.region_code);
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "certificate.expiry_reminder", targetType: "certificate", targetId: id, regionCode: cert.region_code, details: { identifier: cert.identifier, validTo: cert.valid_to } });
        return true;
      });
      if (done) reminded++;
    }
    return reminded;
  }

  /** 我的证照: the holder's certificates (or their enterprise's when acting for it), with the copy to download. */
  async mine(actor: Actor) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.certificates.listForHolder(actor.actingFor ? null : actor.personId, actor.actingFor?.enterpriseId ?? null);
    const today = todayInChina(this.now());
    return rows.map((r) => ({
      id: r.id,
      identifier: r.identifier,
      typeName: (r.payload as CertificatePayload).typeName,
      issuerName: r.issuer_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: r.status !== "valid" ? r.status : r.valid_to !== null && r.valid_to < today ? ("expired" as const) : ("valid" as const),
      document: { payload: r.payload as CertificatePayload, seal: { keyId: r.seal_key_id, algorithm: r.algorithm, signature: r.signature } },
    }));
  }

  private statusReason(row: { status: string; valid_to: string | null }): VerificationReason {
    if (row.status === "revoked") return "REVOKED";
    if (row.status === "suspended") return "SUSPENDED";
    if (row.valid_to !== null && row.valid_to < todayInChina(this.now())) return "EXPIRED";
    return "VALID";
  }

  /** What anyone may see: the type, number, issuer, validity and the masked holder — no data fields. */
  private result(reason: VerificationReason, payload: CertificatePayload | null, statusReason?: string | null) {
    return {
      valid: reason === "VALID",
      reason,
      message: REASON_TEXT[reason] + (statusReason && (reason === "REVOKED" || reason === "SUSPENDED") ? `（${statusReason}）` : ""),
      certificate: payload
        ? { identifier: payload.identifier, typeName: payload.typeName, number: payload.number, issuerName: payload.issuer.name, holder: maskName(payload.holder.name), issuedOn: payload.issuedOn, validFrom: payload.validFrom, validTo: payload.validTo }
        : null,
    };
  }
}

function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0); // 29 February → 28 February
  return date.toISOString().slice(0, 10);
}

function lastDayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
