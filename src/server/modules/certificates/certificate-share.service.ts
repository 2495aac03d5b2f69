import { createHash, randomBytes } from "node:crypto";
import { MAX_SHARE_HOURS } from "../../../shared/certificate-types";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CertificateRepository } from "./certificate.repository";
import { DomainError } from "../../domain-error";
import type { CertificatePayload, CertificateService } from "./certificate.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; certificates: CertificateRepository };


const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Row = NonNullable<Awaited<ReturnType<CertificateRepository["findById"]>>>;

/**
 * 亮证: the holder shows one certificate to a third party through a link that states its purpose,
 * expires (at most a week), discloses only the fields the holder picked, counts and logs every use
 * (the holder sees each on 我的数据使用记录) and can be revoked. Raises: CERTIFICATE_NOT_FOUND, SHARE_LINK_NOT_FOUND, SHARE_LINK_INVALID,
 * VALIDATION_FAILED.
 */
export class CertificateShareService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly certificates: CertificateService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: Actor, certificateId: string, input: { purpose: string; hours: number; disclose: string[] }, ctx: RequestContext) {
    const cert = await this.ownCertificate(actor, certificateId);
    const fields = CERTIFICATE_TYPE_DEFS[cert.type_code]?.fields.map((f) => f.key) ?? [];
    const unknown = input.disclose.filter((k) => !fields.includes(k));
    if (unknown.length) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "disclose", message: `证照没有这些项目：${unknown.join("、")}` }] });
    const token = randomBytes(24).toString("base64url");
    const expiresAt = new Date(this.now().getTime() + Math.min(input.hours, MAX_SHARE_HOURS) * 3600_000);
    const share = await this.store.transact(async (repos) => {
      const row = await repos.certificates.insertShare({ certificate_id: cert.id, token_hash: hashToken(token), purpose: input.purpose, disclosed: JSON.stringify(input.disclose), expires_at: expiresAt, created_by: actor.accountId, region_code: cert.region_code });
      await repos.audit.append(actor, ctx, { action: "certificate.share_link", targetType: "certificate", targetId: cert.id, regionCode: cert.region_code, ...(cert.holder_person_id ? { subjectPersonId: cert.holder_person_id } : {}), purpose: `亮证：${input.purpose}`, details: { shareId: row.id, expiresAt: expiresAt.toISOString(), disclosed: input.disclose } });
      return row;
    });
    return { id: share.id, token, path: `/shared/${token}`, expiresAt: expiresAt.toISOString() };
  }

  async list(actor: Actor, certificateId: string) {
    const cert = await this.ownCertificate(actor, certificateId);
    const now = this.now();
    return (await this.store.repos.certificates.listShares(cert.id)).map((s) => ({
      id: s.id,
      purpose: s.purpose,
      disclosed: s.disclosed as string[],
      createdAt: s.created_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      uses: s.use_count,
      status: s.revoked_at ? ("revoked" as const) : s.expires_at <= now ? ("expired" as const) : ("active" as const),
    }));
  }

  async revoke(actor: Actor, shareId: string, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const share = await repos.certificates.findShareForUpdate(shareId);
      if (!share) throw new DomainError("SHARE_LINK_NOT_FOUND");
      const cert = await repos.certificates.findById(share.certificate_id);
      if (!cert || !this.holds(actor, cert)) throw new DomainError("SHARE_LINK_NOT_FOUND");
      if (share.revoked_at) return;
      await repos.certificates.revokeShare(shareId, this.now());
      await repos.audit.append(actor, ctx, { action: "certificate.share_revoke", targetType: "certificate", targetId: cert.id, regionCode: cert.region_code, details: { shareId } });
    });
  }

  /** Anyone with the link: the certificate checked (seal, status), the disclosed fields, the use logged. */
  async open(token: string, ctx: RequestContext) {
    const found = await this.store.repos.certificates.findShareByHash(hashToken(token));
    if (!found) throw new DomainError("SHARE_LINK_NOT_FOUND");
    const cert = (await this.store.repos.certificates.findById(found.certificate_id))!;
    const check = await this.certificates.verifyById(cert.identifier);
    const share = await this.store.transact(async (repos) => {
      // Re-read under a lock: a link revoked meanwhile is not used.
      const s = (await repos.certificates.findShareForUpdate(found.id))!;
      const now = this.now();
      if (s.revoked_at || s.expires_at <= now) throw new DomainError("SHARE_LINK_INVALID");
      await repos.certificates.recordShareUse(s.id, { used_at: now, ip: ctx.ip, user_agent: ctx.userAgent?.slice(0, 300) ?? null });
      await repos.audit.append(SYSTEM_ACTOR, ctx, { action: "certificate.share_view", targetType: "certificate", targetId: cert.id, regionCode: cert.region_code, ...(cert.holder_person_id ? { subjectPersonId: cert.holder_person_id } : {}), purpose: `亮证：${s.purpose}`, details: { shareId: s.id, elements: [`cert:${cert.type_code}`], source: "certificates" } });
      return s;
    });
    const payload = cert.payload as CertificatePayload;
    const def = CERTIFICATE_TYPE_DEFS[cert.type_code];
    const disclosed = (share.disclosed as string[]).filter((k) => payload.data[k] !== undefined).map((k) => ({ label: def?.fields.find((f) => f.key === k)?.label ?? k, value: payload.data[k]! }));
    return { ...check, purpose: share.purpose, expiresAt: share.expires_at.toISOString(), disclosed };
  }

  private async ownCertificate(actor: Actor, id: string): Promise<Row> {
    const cert = await this.store.repos.certificates.findById(id);
    if (!cert || !this.holds(actor, cert)) throw new DomainError("CERTIFICATE_NOT_FOUND");
    return cert;
  }

  private holds(actor: Actor, cert: { holder_person_id: string | null; holder_enterprise_id: string | null }) {
    if (actor.kind !== "citizen") return false;
    return actor.actingFor ? cert.holder_enterprise_id === actor.actingFor.enterpriseId : cert.holder_person_id !== null && cert.holder_person_id === actor.personId;
  }
}
