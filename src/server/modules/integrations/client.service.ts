import { createHash, randomBytes } from "node:crypto";
import { CLIENT_SCOPE_CODES, rolesOfScopes, type ClientScope } from "../../../shared/integrations";
import type { Role } from "../../../shared/roles";
import { hasRole, type Actor, type ActorClient, type RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { ClientRepository } from "./client.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { clients: ClientRepository; audit: AuditRepository; orgs: OrgRepository };

/** What identity does for a department system: its account, and the request context of a token. */
export interface ClientAccounts {
  create(unit: UnitOfWork, input: { username: string; name: string; orgId: string; roles: Role[]; regionCode: string }): Promise<string>;
  session<S>(accountId: string, client: ActorClient): Promise<S | null>;
}

export interface ClientSettings {
  /** How long an access token works. */
  tokenTtlSeconds: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Department systems as OAuth 2.0 clients (client credentials). A secret is 256 random bits shown once
 * and kept as its SHA-256 (a slow hash adds nothing to a random secret of that length); a rotation
 * keeps the old secrets working for an overlap; revoking a secret or the client stops its tokens at
 * once (tokens are looked up on every call, nothing is cached). Only city or district system
 * administrators whose subtree holds the client's organisation manage it.
 */
export class ClientService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly accounts: ClientAccounts,
    private readonly settings: ClientSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private assertAdmin(actor: Actor, orgPath: string) {
    if (!hasRole(actor, "sys_admin") || actor.client || !actor.orgPath || !orgPath.startsWith(actor.orgPath)) throw new DomainError("CLIENT_NOT_FOUND");
  }

  async list(actor: Actor) {
    if (!hasRole(actor, "sys_admin") || !actor.orgPath) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.clients.listInSubtree(actor.orgPath);
    return { items: await Promise.all(rows.map((r) => this.view(this.store.repos, r))) };
  }

  async get(actor: Actor, id: string) {
    const row = await this.store.repos.clients.find(id);
    if (!row) throw new DomainError("CLIENT_NOT_FOUND");
    this.assertAdmin(actor, row.org_path);
    return this.view(this.store.repos, row);
  }

  async register(actor: Actor, input: { name: string; orgId: string; scopes: ClientScope[]; rateLimitPerMinute: number; ackMinutes: number }, ctx: RequestContext) {
    const scopes = [...new Set(input.scopes)].filter((s) => CLIENT_SCOPE_CODES.includes(s));
    return this.store.transact(async (repos) => {
      const org = await repos.orgs.findById(input.orgId);
      if (!org) throw new DomainError("ORG_NOT_FOUND");
      if (!hasRole(actor, "sys_admin") || actor.client || !actor.orgPath || !org.path.startsWith(actor.orgPath)) throw new DomainError("FORBIDDEN");
      const clientId = `hbc_${randomBytes(9).toString("hex")}`;
      const accountId = await this.accounts.create(repos, { username: `client.${clientId}`, name: `${input.name}（部门业务系统）`, orgId: org.id, roles: rolesOfScopes(scopes), regionCode: org.region_code });
      const { id } = await repos.clients.insert({ client_id: clientId, account_id: accountId, org_id: org.id, name: input.name, scopes, rate_limit_per_minute: input.rateLimitPerMinute, ack_minutes: input.ackMinutes, created_by: actor.accountId, region_code: org.region_code });
      const secret = await this.newSecret(repos, id);
      await repos.audit.append(actor, ctx, { action: "client.register", targetType: "api_client", targetId: id, orgId: org.id, regionCode: org.region_code, details: { clientId, name: input.name, scopes, rateLimitPerMinute: input.rateLimitPerMinute } });
      return { client: await this.view(repos, (await repos.clients.find(id))!), clientSecret: secret.secret };
    });
  }

  /** A new secret; the others work for `overlapHours` more (0: no longer). */
  async rotate(actor: Actor, id: string, overlapHours: number, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.lockManaged(repos, actor, id);
      const secret = await this.newSecret(repos, id);
      const until = new Date(this.now().getTime() + overlapHours * 3600_000);
      await repos.clients.expireLiveSecrets(id, until, secret.id);
      if (overlapHours === 0) for (const s of await repos.clients.secretsOf(id)) if (s.id !== secret.id) await repos.clients.deleteTokens(id, s.id);
      await repos.clients.bumpVersion(id);
      await repos.audit.append(actor, ctx, { action: "client.rotate_secret", targetType: "api_client", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { clientId: row.client_id, secretId: secret.id, overlapHours } });
      return { secretId: secret.id, clientSecret: secret.secret, previousExpireAt: iso(until) };
    });
  }

  async revokeSecret(actor: Actor, id: string, secretId: string, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.lockManaged(repos, actor, id);
      if (!(await repos.clients.revokeSecret(id, secretId, this.now()))) throw new DomainError("CLIENT_SECRET_NOT_FOUND");
      await repos.clients.deleteTokens(id, secretId);
      await repos.clients.bumpVersion(id);
      await repos.audit.append(actor, ctx, { action: "client.revoke_secret", targetType: "api_client", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { clientId: row.client_id, secretId } });
      return { ok: true as const };
    });
  }

  /** The client stops at once: no token works, no secret gets one, and its services return to the workbench. */
  async revoke(actor: Actor, id: string, reason: string, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.lockManaged(repos, actor, id);
      await repos.clients.revoke(id, this.now());
      await repos.clients.deleteTokens(id);
      await repos.clients.setItems(id, [], actor.accountId);
      await repos.audit.append(actor, ctx, { action: "client.revoke", targetType: "api_client", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { clientId: row.client_id, reason } });
      return { ok: true as const };
    });
  }

  /** The implementation items this client handles in its own system: its organisation's or its subtree's. */
  async setItems(actor: Actor, id: string, input: { itemIds: string[]; lockVersion: number }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const row = await this.lockManaged(repos, actor, id);
      if (row.lock_version !== input.lockVersion) throw new DomainError("CLIENT_CHANGED", { currentLockVersion: row.lock_version });
      const ids = [...new Set(input.itemIds)];
      const org = (await repos.orgs.findById(row.org_id))!;
      const items = await repos.clients.itemsWithOrgPath(ids);
      if (items.length !== ids.length || items.some((i) => !i.path.startsWith(org.path))) throw new DomainError("EXTERNAL_ITEM_INVALID");
      await repos.clients.setItems(id, ids, actor.accountId);
      await repos.clients.bumpVersion(id);
      await repos.audit.append(actor, ctx, { action: "client.set_items", targetType: "api_client", targetId: id, orgId: row.org_id, regionCode: row.region_code, details: { clientId: row.client_id, itemIds: ids } });
      return this.view(repos, (await repos.clients.find(id))!);
    });
  }

  /**
   * OAuth 2.0 client credentials: a short-lived bearer token for an active client whose secret works,
   * with the scopes asked for (all the client's when none are). Every failure is the same answer.
   */
  async issueToken(input: { clientId: string; secret: string; scope: string | undefined }, ctx: RequestContext) {
    const now = this.now();
    const client = await this.store.repos.clients.findBySecret(input.clientId, sha256(input.secret), now);
    if (!client) throw new DomainError("CLIENT_CREDENTIALS_INVALID");
    const asked = input.scope?.trim() ? input.scope.trim().split(/\s+/) : client.scopes;
    if (asked.some((s) => !client.scopes.includes(s))) throw new DomainError("SCOPE_INVALID", { granted: client.scopes });
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + this.settings.tokenTtlSeconds * 1000);
    await this.store.transact(async (repos) => {
      await repos.clients.insertToken({ token_hash: sha256(token), client_id: client.id, secret_id: client.secret_id, scopes: asked, expires_at: expiresAt });
      await repos.audit.append(clientActor(client), ctx, { action: "client.token", targetType: "api_client", targetId: client.id, orgId: client.org_id, regionCode: client.region_code, details: { clientId: client.client_id, secretId: client.secret_id, scopes: asked, expiresAt: expiresAt.toISOString() } });
    });
    return { access_token: token, token_type: "Bearer" as const, expires_in: this.settings.tokenTtlSeconds, scope: asked.join(" ") };
  }

  /** The request context of a bearer token, or null when it does not work (now). */
  async resolveToken<S>(token: string): Promise<S | null> {
    const row = await this.store.repos.clients.findLiveToken(sha256(token), this.now());
    if (!row) return null;
    return this.accounts.session<S>(row.account_id, { id: row.id, clientId: row.client_id, scopes: row.scopes, rateLimitPerMinute: row.rate_limit_per_minute });
  }

  async pruneTokens() {
    await this.store.repos.clients.deleteExpiredTokens(new Date(this.now().getTime() - 3600_000));
  }

  private async lockManaged(repos: Repos, actor: Actor, id: string) {
    const row = await repos.clients.findForUpdate(id);
    if (!row) throw new DomainError("CLIENT_NOT_FOUND");
    const org = (await repos.orgs.findById(row.org_id))!;
    this.assertAdmin(actor, org.path);
    if (row.status !== "active") throw new DomainError("CLIENT_REVOKED");
    return row;
  }

  private async newSecret(repos: Repos, clientId: string) {
    const secret = `hbs_${randomBytes(32).toString("base64url")}`;
    const { id } = await repos.clients.insertSecret({ client_id: clientId, secret_hash: sha256(secret), hint: `…${secret.slice(-4)}` });
    return { id, secret };
  }

  private async view(repos: Repos, row: NonNullable<Awaited<ReturnType<ClientRepository["find"]>>>) {
    const now = this.now();
    const secrets = await repos.clients.secretsOf(row.id);
    return {
      id: row.id,
      clientId: row.client_id,
      name: row.name,
      org: { id: row.org_id, name: row.org_name },
      scopes: row.scopes as ClientScope[],
      rateLimitPerMinute: row.rate_limit_per_minute,
      ackMinutes: row.ack_minutes,
      status: row.status as "active" | "revoked",
      createdAt: row.created_at.toISOString(),
      revokedAt: iso(row.revoked_at),
      secrets: secrets.map((s) => ({ id: s.id, hint: s.hint, createdAt: s.created_at.toISOString(), expiresAt: iso(s.expires_at), revokedAt: iso(s.revoked_at), active: row.status === "active" && !s.revoked_at && (!s.expires_at || s.expires_at > now) })),
      items: await repos.clients.itemsOf(row.id),
      lockVersion: row.lock_version,
    };
  }
}

/** The actor of a client asking for a token (before it has one): its account, as its organisation's staff. */
function clientActor(c: { id: string; client_id: string; account_id: string; name: string; org_id: string; region_code: string; scopes: string[] }): Actor {
  return { accountId: c.account_id, kind: "staff", name: `${c.name}（部门业务系统）`, personId: null, orgId: c.org_id, orgPath: null, governmentPath: null, regionCode: c.region_code, roles: [], actingFor: null, client: { id: c.id, clientId: c.client_id, scopes: c.scopes, rateLimitPerMinute: 0 } };
}
