import type { CreateStaffRequest, StaffMember, UpdateStaffRequest } from "../../../shared/schemas/staff";
import type { OrgKind, Role } from "../../../shared/roles";
import { maskMobile } from "../../../shared/validation/mobile";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { hashPassword } from "../../crypto/password";
import type { Account, Org } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "./account.repository";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { SessionRepository } from "./session.repository";
import type { StaffPostRepository } from "./staff-post.repository";
import { DomainError } from "../../domain-error";
import { canManageStaffAt, isSelfLockout } from "./staff.policy";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; audit: AuditRepository; orgs: OrgRepository; sessions: SessionRepository; staffPosts: StaffPostRepository };

type StaffRow = Account & { org_code: string; org_name: string; org_name_en: string; org_kind: string; org_region_code: string };

/**
 * Staff administration within the administrator's own org subtree.
 * Raises: FORBIDDEN, ORG_NOT_FOUND, STAFF_NOT_FOUND, USERNAME_TAKEN, MOBILE_TAKEN, STAFF_CHANGED.
 */
export class StaffService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    /** Told after commit that an account's roles, org or lock changed (its kept sessions are forgotten). */
    private readonly onAccountChanged: (accountId: string) => void = () => {},
  ) {}

  async list(actor: Actor, q: string | undefined, limit: number, offset: number): Promise<{ items: StaffMember[]; total: number }> {
    if (!actor.orgPath || !canManageStaffAt(actor, actor.orgPath)) throw new DomainError("FORBIDDEN");
    const [rows, total] = await Promise.all([
      this.store.repos.accounts.listStaffInSubtree(actor.orgPath, q, limit, offset),
      this.store.repos.accounts.countStaffInSubtree(actor.orgPath),
    ]);
    return { items: rows.map((r) => this.present(r)), total };
  }

  async create(actor: Actor, input: CreateStaffRequest, ctx: RequestContext): Promise<StaffMember> {
    const passwordHash = await hashPassword(input.password);
    return this.store.transact(async (repos) => {
      const org = await this.manageableOrg(actor, input.orgId, repos.orgs.findById.bind(repos.orgs));
      if (await repos.accounts.findByLogin("username", input.username)) throw new DomainError("USERNAME_TAKEN");
      const mobileHash = input.mobile ? this.cipher.blindIndex("mobile", input.mobile) : null;
      if (mobileHash && (await repos.accounts.findByLogin("mobile_hash", mobileHash))) throw new DomainError("MOBILE_TAKEN");
      const account = await repos.accounts.insert({
        kind: "staff",
        username: input.username,
        name: input.name,
        person_id: null,
        id_number_hash: null,
        mobile_hash: mobileHash,
        mobile_enc: input.mobile ? this.cipher.encrypt(input.mobile) : null,
        password_hash: passwordHash,
        org_id: org.id,
        roles: [...new Set(input.roles)],
        totp_secret_enc: null,
        region_code: org.region_code,
      });
      await repos.audit.append(actor, ctx, {
        action: "staff.create",
        targetType: "account",
        targetId: account.id,
        orgId: org.id,
        regionCode: org.region_code,
        details: { username: input.username, roles: account.roles },
      });
      return this.present(withOrg(account, org));
    });
  }

  /** Changes name, org, roles or the disabled flag; fails with STAFF_CHANGED if someone else changed it first. */
  async update(actor: Actor, id: string, input: UpdateStaffRequest, ctx: RequestContext): Promise<StaffMember> {
    return this.store.transact(async (repos) => {
      const target = await repos.accounts.findById(id);
      if (!target || target.kind !== "staff" || !target.org_id) throw new DomainError("STAFF_NOT_FOUND");
      const currentOrg = await this.manageableOrg(actor, target.org_id, repos.orgs.findById.bind(repos.orgs), "STAFF_NOT_FOUND");
      const newOrg = input.orgId ? await this.manageableOrg(actor, input.orgId, repos.orgs.findById.bind(repos.orgs)) : currentOrg;
      if (isSelfLockout(actor, id, input)) throw new DomainError("FORBIDDEN", { reason: "SELF_LOCKOUT" });
      const changes = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
        ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        org_id: newOrg.id,
        region_code: newOrg.region_code,
      };
      const updated = await repos.accounts.updateIfVersion(id, input.version, changes);
      if (!updated) throw new DomainError("STAFF_CHANGED", { currentVersion: target.version });
      if (input.disabled) await repos.sessions.deleteForAccount(id);
      await repos.audit.append(actor, ctx, {
        action: "staff.update",
        targetType: "account",
        targetId: id,
        orgId: newOrg.id,
        regionCode: newOrg.region_code,
        details: {
          before: { name: target.name, orgCode: currentOrg.code, roles: target.roles, disabled: target.disabled },
          after: { name: changes.name ?? target.name, orgCode: newOrg.code, roles: changes.roles ?? target.roles, disabled: changes.disabled ?? target.disabled },
        },
      });
      const fresh = await repos.accounts.findById(id);
      return this.present(withOrg(fresh!, newOrg));
    }).finally(() => this.onAccountChanged(id));
  }

  /**
   * 一人多岗: gives a staff member of the administrator's subtree a further post in another organisation of
   * it (with `roles`), changes its roles, or takes it away (null). Raises STAFF_NOT_FOUND, ORG_NOT_FOUND,
   * FORBIDDEN, VALIDATION_FAILED (the own organisation is not a further post).
   */
  async setPost(actor: Actor, id: string, orgId: string, roles: Role[] | null, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const target = await repos.accounts.findById(id);
      if (!target || target.kind !== "staff" || !target.org_id) throw new DomainError("STAFF_NOT_FOUND");
      await this.manageableOrg(actor, target.org_id, repos.orgs.findById.bind(repos.orgs), "STAFF_NOT_FOUND");
      const org = await this.manageableOrg(actor, orgId, repos.orgs.findById.bind(repos.orgs));
      if (org.id === target.org_id) throw new DomainError("VALIDATION_FAILED", { issues: [{ path: "orgId", message: "这是该工作人员本人所在机构，请直接修改其角色" }] });
      if (roles) await repos.staffPosts.upsert({ account_id: id, org_id: org.id, roles: [...new Set(roles)], created_by: actor.name });
      else if (!(await repos.staffPosts.remove(id, org.id))) throw new DomainError("ORG_NOT_FOUND");
      await repos.audit.append(actor, ctx, { action: roles ? "staff.post_set" : "staff.post_remove", targetType: "account", targetId: id, orgId: org.id, regionCode: org.region_code, details: { orgCode: org.code, roles } });
      return (await repos.staffPosts.postsOf(id)).map((p) => ({ orgId: p.org_id, orgName: p.org_name, roles: p.roles }));
    }).finally(() => this.onAccountChanged(id));
  }

  private async manageableOrg(
    actor: Actor,
    orgId: string,
    findOrg: (id: string) => Promise<Org | undefined>,
    notFound: "ORG_NOT_FOUND" | "STAFF_NOT_FOUND" = "ORG_NOT_FOUND",
  ): Promise<Org> {
    const org = await findOrg(orgId);
    if (!org) throw new DomainError(notFound);
    if (!canManageStaffAt(actor, org.path)) throw new DomainError("FORBIDDEN");
    return org;
  }

  private present(row: StaffRow): StaffMember {
    return {
      id: row.id,
      username: row.username ?? "",
      name: row.name,
      mobileMasked: row.mobile_enc ? maskMobile(this.cipher.decrypt(row.mobile_enc)) : null,
      org: { id: row.org_id!, code: row.org_code, name: row.org_name, nameEn: row.org_name_en, kind: row.org_kind as OrgKind, regionCode: row.org_region_code },
      roles: row.roles as Role[],
      disabled: row.disabled,
      totpEnabled: row.totp_enabled,
      version: row.version,
    };
  }
}

function withOrg(account: Account, org: Org): StaffRow {
  return { ...account, org_code: org.code, org_name: org.name, org_name_en: org.name_en, org_kind: org.kind, org_region_code: org.region_code };
}
