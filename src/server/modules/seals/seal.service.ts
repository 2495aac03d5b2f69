import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { SIGNERS, type Signer } from "../../crypto/signer";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { SealRepository } from "./seal.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; orgs: OrgRepository; seals: SealRepository };

export interface Seal {
  keyId: string;
  algorithm: string;
  signature: string;
}

/**
 * 电子印章: each issuing organisation signs with its active key (created on first use); rotation
 * retires the key and starts a new one, old signatures stay verifiable by their key id. Private keys
 * are only ever decrypted to sign. Raises: FORBIDDEN, ORG_NOT_FOUND.
 */
export class SealService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly signer: Signer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Signs `data` with the organisation's active key, inside the caller's transaction. */
  async sign(unit: UnitOfWork, orgId: string, data: Buffer): Promise<Seal> {
    const repos = this.store.within(unit);
    const key = (await repos.seals.findActive(orgId)) ?? (await this.createKey(repos, orgId));
    return { keyId: key.id, algorithm: key.algorithm, signature: SIGNERS[key.algorithm]!.sign(data, this.cipher.decrypt(key.private_key_enc)) };
  }

  /** Checks a signature against the key that made it (active or retired). */
  async verify(seal: Seal, data: Buffer): Promise<{ ok: boolean; keyStatus: "active" | "retired" | null }> {
    const key = await this.store.repos.seals.findById(seal.keyId);
    if (!key || key.algorithm !== seal.algorithm || !SIGNERS[key.algorithm]) return { ok: false, keyStatus: key?.status ?? null };
    return { ok: SIGNERS[key.algorithm]!.verify(data, seal.signature, key.public_key), keyStatus: key.status };
  }

  /** A city or issuing-org administrator rotates the organisation's seal key; audited. */
  async rotate(actor: Actor, orgId: string, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const org = await repos.orgs.findById(orgId);
      if (!org) throw new DomainError("ORG_NOT_FOUND");
      if (!hasRole(actor, "sys_admin") || !actor.orgPath || !org.path.startsWith(actor.orgPath)) throw new DomainError("FORBIDDEN");
      const current = await repos.seals.findActive(orgId);
      if (current) await repos.seals.retire(current.id, this.now());
      const next = await this.createKey(repos, orgId);
      await repos.audit.append(actor, ctx, { action: "seal.rotate", targetType: "org", targetId: orgId, orgId, details: { retired: current?.id ?? null, active: next.id, algorithm: next.algorithm } });
      return { keyId: next.id, algorithm: next.algorithm, publicKey: next.public_key };
    });
  }

  async keys(actor: Actor, orgId: string) {
    const org = await this.store.repos.orgs.findById(orgId);
    if (!org) throw new DomainError("ORG_NOT_FOUND");
    if (!hasRole(actor, "sys_admin") || !actor.orgPath || !org.path.startsWith(actor.orgPath)) throw new DomainError("FORBIDDEN");
    return (await this.store.repos.seals.listForOrg(orgId)).map((k) => ({ keyId: k.id, algorithm: k.algorithm, publicKey: k.public_key, status: k.status, createdAt: k.created_at.toISOString(), retiredAt: k.retired_at?.toISOString() ?? null }));
  }

  private async createKey(repos: Repos, orgId: string) {
    const pair = this.signer.generate();
    return repos.seals.insertActive({ org_id: orgId, algorithm: this.signer.algorithm, public_key: pair.publicKey, private_key_enc: this.cipher.encrypt(pair.privateKey) });
  }
}
