import { ChangeBus } from "../../db/change-bus";
import { createHash, randomBytes } from "node:crypto";
import { TOTP, Secret } from "otpauth";
import type { RegisterRequest } from "../../../shared/schemas/identity";
import type { Role } from "../../../shared/roles";
import { validateIdNumber } from "../../../shared/validation/id-number";
import { MOBILE_PATTERN } from "../../../shared/validation/mobile";
import type { ActingFor, Actor, ActorClient, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../../crypto/password";
import type { Account, Session } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "./account.repository";
import type { AuditRepository } from "../audit";
import type { LoginThrottleRepository } from "./login-throttle.repository";
import type { OrgRepository } from "../orgs";
import type { PersonRepository } from "../registry";
import type { StaffPostRepository } from "./staff-post.repository";
import type { SessionRepository } from "./session.repository";
import { DomainError } from "../../domain-error";
import { todayInChina } from "../../../shared/working-days";
import { SessionCache } from "./session-cache";
import { afterFailure, clientKey, closedToUnknownClients, DEFAULT_THROTTLE, nextAttemptAt, type ThrottleSettings } from "./login-throttle";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; audit: AuditRepository; loginThrottle: LoginThrottleRepository; orgs: OrgRepository; persons: PersonRepository; sessions: SessionRepository; staffPosts: StaffPostRepository };

/** Reads the enterprises a person may act for, in the caller's unit of work. */
export type ActingForSource = (unit: UnitOfWork, personId: string, today: string) => Promise<ActingFor[]>;

export interface AuthSettings {
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginDelayAfter?: number;
  loginAccountCeiling?: number;
  /** How long a resolved session is kept in this process (default 2 s; 0 turns the cache off). */
  sessionCacheMs?: number;
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  /** The cookie's lifetime, relative, so that the browser's clock does not matter. */
  maxAgeSeconds: number;
}

/** A resolved session: who is calling and what they may act as. */
export interface SessionContext {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  account: Account;
}

const TOUCH_INTERVAL_MS = 60_000;

/** Device tokens are stored as hashes, like session tokens. */
function deviceHashOf(token: string): string {
  return createHash("sha256").update(`device:${token}`).digest("base64url");
}

function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * Registration, login, sessions, acting-for and the staff second factor.
 * Raises: ID_NUMBER_*, REAL_NAME_MISMATCH, ACCOUNT_EXISTS, MOBILE_TAKEN, INVALID_CREDENTIALS,
 * ACCOUNT_LOCKED, ACCOUNT_DISABLED, TOTP_REQUIRED, TOTP_INVALID, NOT_AUTHORISED_FOR_ENTERPRISE.
 */
export class AuthService {
  /** Resolved sessions (and their presented `/me`) kept for a moment; see SessionCache. */
  readonly sessionCache: SessionCache<SessionContext, unknown>;

  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly settings: AuthSettings,
    private readonly now: () => Date = () => new Date(),
    /** The enterprises a person may act for on a day (kept by the enterprises module). */
    private readonly actingFor: ActingForSource = async () => [],
    /** Tells the other server processes which sessions and accounts to forget. */
    changes: ChangeBus = ChangeBus.local(),
  ) {
    this.sessionCache = new SessionCache(settings.sessionCacheMs ?? 2000, undefined, changes);
  }

  /** Real-name registration: the name/ID pair must match the population registry. Logs the user in. */
  async register(input: RegisterRequest, ctx: RequestContext): Promise<IssuedSession> {
    const idHash = this.cipher.blindIndex("id", input.idNumber);
    const mobileHash = this.cipher.blindIndex("mobile", input.mobile);
    const person = await this.store.repos.persons.findByIdNumberHash(idHash);
    if (!person || person.name !== input.name) {
      if (person) {
        // The registry was read for this person: they see the failed attempt in their data-use records.
        await this.store.transact((repos) =>
          repos.audit.append(anonymous(person.region_code), ctx, realNameCheck(person.id, false)),
        );
      }
      throw new DomainError("REAL_NAME_MISMATCH");
    }
    const passwordHash = await hashPassword(input.password);
    return this.store.transact(async (repos) => {
      if (await repos.accounts.findByLogin("id_number_hash", idHash)) throw new DomainError("ACCOUNT_EXISTS");
      if (await repos.accounts.findByLogin("mobile_hash", mobileHash)) throw new DomainError("MOBILE_TAKEN");
      const account = await repos.accounts.insert({
        kind: "citizen",
        username: null,
        name: person.name,
        person_id: person.id,
        id_number_hash: idHash,
        mobile_hash: mobileHash,
        mobile_enc: this.cipher.encrypt(input.mobile),
        password_hash: passwordHash,
        org_id: null,
        totp_secret_enc: null,
        region_code: person.region_code,
      });
      const actor = await this.actorFor(repos, account, null);
      await repos.audit.append(actor, ctx, realNameCheck(person.id, true));
      await repos.audit.append(actor, ctx, { action: "account.register", targetType: "account", targetId: account.id });
      return this.issueSession(repos, account, actor, ctx);
    });
  }

  /**
   * Logs in by mobile, ID number or staff username. Failures are counted per account *and* client
   * (a device this account logged in from before, else the address): that client is slowed down, then
   * locked out for a while, and the account's owner elsewhere is not (see login-throttle.ts). A
   * successful login remembers the device (`deviceToken`, kept in a long-lived httpOnly cookie).
   */
  async login(identifier: string, password: string, totpCode: string | undefined, ctx: RequestContext, device: { token: string | null } = { token: null }): Promise<IssuedSession & { deviceToken: string }> {
    const account = await this.findLoginAccount(identifier.trim());
    if (!account) {
      await verifyPassword(password, DUMMY_PASSWORD_HASH);
      throw new DomainError("INVALID_CREDENTIALS");
    }
    const throttle = this.throttle();
    const deviceHash = device.token ? deviceHashOf(device.token) : null;
    const known = deviceHash && (await this.store.repos.loginThrottle.isKnownDevice(account.id, deviceHash)) ? deviceHash : null;
    const key = clientKey({ knownDeviceHash: known, ip: ctx.ip });
    await this.assertMayTry(account.id, key, known !== null, throttle);
    const passwordOk = await verifyPassword(password, account.password_hash);
    let failure: "INVALID_CREDENTIALS" | "TOTP_REQUIRED" | "TOTP_INVALID" | null = passwordOk ? null : "INVALID_CREDENTIALS";
    if (!failure && account.totp_enabled) {
      if (!totpCode) failure = "TOTP_REQUIRED";
      else if (!this.checkTotp(account, totpCode)) failure = "TOTP_INVALID";
    }
    const deviceToken = device.token ?? randomBytes(24).toString("base64url");

    return this.store.transact(async (repos) => {
      const current = await repos.accounts.findByIdForUpdate(account.id);
      if (!current) throw new DomainError("INVALID_CREDENTIALS");
      const actor = await this.actorFor(repos, current, null);
      if (failure === "TOTP_REQUIRED") throw new DomainError("TOTP_REQUIRED", { totpRequired: true });
      if (failure) {
        const state = afterFailure(await repos.loginThrottle.findForUpdate(current.id, key), this.now(), throttle);
        await repos.loginThrottle.save(current.id, key, state);
        await repos.audit.append(actor, ctx, {
          action: state.lockedUntil ? "auth.locked" : "auth.login_failed",
          targetType: "account",
          targetId: current.id,
          details: { reason: failure, failures: state.lockedUntil ? throttle.maxFailures : state.failures, client: known ? "known_device" : "address" },
        });
        // The failure is recorded; the transaction must commit, so the error travels as a value.
        return { ok: false as const, failed: state.lockedUntil ? ("ACCOUNT_LOCKED" as const) : failure, lockedUntil: state.lockedUntil };
      }
      if (current.disabled) throw new DomainError("ACCOUNT_DISABLED");
      await repos.loginThrottle.clear(current.id, key);
      await repos.loginThrottle.rememberDevice(current.id, deviceHashOf(deviceToken), this.now());
      await repos.audit.append(actor, ctx, { action: "auth.login", targetType: "account", targetId: current.id });
      return { ok: true as const, session: { ...(await this.issueSession(repos, current, actor, ctx)), deviceToken } };
    }).then((result) => {
      if (result.ok) return result.session;
      if (result.failed === "ACCOUNT_LOCKED") throw lockedError(result.lockedUntil!, this.now());
      throw new DomainError(result.failed);
    });
  }

  private throttle(): ThrottleSettings {
    return { maxFailures: this.settings.loginMaxFailures, lockoutMinutes: this.settings.lockoutMinutes, delayAfter: this.settings.loginDelayAfter ?? DEFAULT_THROTTLE.delayAfter, accountCeiling: this.settings.loginAccountCeiling ?? DEFAULT_THROTTLE.accountCeiling };
  }

  /** LOGIN_DELAYED or ACCOUNT_LOCKED (with Retry-After) when this client must wait before trying again. */
  private async assertMayTry(accountId: string, key: string, knownDevice: boolean, throttle: ThrottleSettings) {
    const now = this.now();
    const repos = this.store.repos;
    const wait = nextAttemptAt(await repos.loginThrottle.find(accountId, key), now, throttle);
    if (wait) throw wait.locked ? lockedError(wait.at, now) : new DomainError("LOGIN_DELAYED", { retryAfterSeconds: Math.max(1, Math.ceil((wait.at.getTime() - now.getTime()) / 1000)) });
    if (!knownDevice) {
      const since = new Date(now.getTime() - throttle.lockoutMinutes * 60_000);
      if (closedToUnknownClients(await repos.loginThrottle.recentUnknownFailures(accountId, since, throttle.maxFailures), throttle)) {
        throw new DomainError("ACCOUNT_LOCKED", { retryAfterSeconds: throttle.lockoutMinutes * 60, knownDeviceOnly: true });
      }
    }
  }

  async logout(session: SessionContext, ctx: RequestContext): Promise<void> {
    await this.store.transact(async (repos) => {
      await repos.sessions.delete(session.sessionId);
      await repos.audit.append(session.actor, ctx, { action: "auth.logout", targetType: "account", targetId: session.account.id });
    });
    this.sessionCache.forget(session.sessionId);
  }

  /** Resolves a session token to its actor, or null if it is unknown, expired or idle too long. */
  async resolveSession(token: string): Promise<SessionContext | null> {
    const id = sessionIdOf(token);
    const now = this.now();
    const idleLimit = now.getTime() - this.settings.sessionIdleMinutes * 60_000;
    const live = (expiresAt: Date, lastSeenAt: Date) => expiresAt > now && lastSeenAt.getTime() >= idleLimit;
    const kept = this.sessionCache.get(id);
    if (kept && live(kept.expiresAt, kept.lastSeenAt)) return kept.session;
    const generation = this.sessionCache.generation;
    const repos = this.store.repos;
    const found = await repos.sessions.findWithAccount(id);
    if (!found) return null;
    const { session, account } = found;
    if (!live(session.expires_at, session.last_seen_at)) return null;
    if (account.disabled) return null;
    let lastSeenAt = session.last_seen_at;
    if (now.getTime() - lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await repos.sessions.touch(id, now);
      lastSeenAt = now;
    }
    const actor = await this.actorFor(repos, account, session);
    const resolved = { sessionId: id, csrfToken: session.csrf_token, actor, account };
    // Acting for an enterprise or in a further post is re-read on every request: a revoked authorisation or post ends at once.
    if (!session.acting_for_enterprise_id && !session.post_org_id) this.sessionCache.keep(id, { session: resolved, expiresAt: session.expires_at, lastSeenAt }, generation);
    return resolved;
  }

  /** Switches the session to act for an enterprise (or back to oneself with null). */
  async setActingFor(session: SessionContext, enterpriseId: string | null, ctx: RequestContext): Promise<Actor> {
    return this.store.transact(async (repos) => {
      if (enterpriseId !== null) {
        const relations = await this.enterpriseRelations(repos, session.account);
        if (!relations.some((r) => r.enterpriseId === enterpriseId)) throw new DomainError("NOT_AUTHORISED_FOR_ENTERPRISE");
      }
      await repos.sessions.setActingFor(session.sessionId, enterpriseId);
      const actor = await this.actorFor(repos, session.account, { ...sessionStub(session), acting_for_enterprise_id: enterpriseId });
      await repos.audit.append(actor, ctx, {
        action: enterpriseId ? "auth.act_for_enterprise" : "auth.act_as_self",
        targetType: "enterprise",
        targetId: enterpriseId,
      });
      return actor;
    }).finally(() => this.sessionCache.forget(session.sessionId));
  }

  /**
   * 一人多岗: switches a staff member's session to one of their further posts (its organisation and
   * roles), or back to their own organisation with null. Raises NOT_YOUR_POST.
   */
  async setPost(session: SessionContext, orgId: string | null, ctx: RequestContext): Promise<Actor> {
    if (session.account.kind !== "staff") throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      if (orgId !== null && orgId !== session.account.org_id && !(await repos.staffPosts.find(session.account.id, orgId))) throw new DomainError("NOT_YOUR_POST");
      const post = orgId === session.account.org_id ? null : orgId;
      await repos.sessions.setPost(session.sessionId, post);
      const actor = await this.actorFor(repos, session.account, { ...sessionStub(session), post_org_id: post });
      await repos.audit.append(actor, ctx, { action: "auth.switch_post", targetType: "org", targetId: actor.orgId, orgId: actor.orgId, details: { roles: actor.roles } });
      return actor;
    }).finally(() => this.sessionCache.forget(session.sessionId));
  }

  /** The enterprises a citizen may act for: as legal representative, or through a grant in force. */
  async enterpriseRelations(unit: UnitOfWork, account: Account): Promise<ActingFor[]> {
    if (account.kind !== "citizen" || !account.person_id) return [];
    return this.actingFor(unit, account.person_id, todayInChina(this.now()));
  }

  /** Starts TOTP enrolment for a staff member: returns the secret to put in an authenticator app. */
  async beginTotp(session: SessionContext, ctx: RequestContext): Promise<{ secret: string; otpauthUrl: string }> {
    if (session.account.kind !== "staff") throw new DomainError("FORBIDDEN");
    const secret = new Secret({ size: 20 });
    await this.store.transact(async (repos) => {
      await repos.accounts.update(session.account.id, { totp_secret_enc: this.cipher.encrypt(secret.base32), totp_enabled: false });
      await repos.audit.append(session.actor, ctx, { action: "auth.totp_setup", targetType: "account", targetId: session.account.id });
    });
    this.sessionCache.forgetAccount(session.account.id);
    const totp = new TOTP({ issuer: "Haoban", label: session.account.username ?? session.account.name, secret });
    return { secret: secret.base32, otpauthUrl: totp.toString() };
  }

  /** Confirms enrolment with a first code; from then on login asks for one. */
  async confirmTotp(session: SessionContext, code: string, ctx: RequestContext): Promise<void> {
    const account = await this.store.repos.accounts.findById(session.account.id);
    if (!account?.totp_secret_enc || !this.checkTotp(account, code)) throw new DomainError("TOTP_INVALID");
    await this.store.transact(async (repos) => {
      await repos.accounts.update(account.id, { totp_enabled: true });
      await repos.audit.append(session.actor, ctx, { action: "auth.totp_enabled", targetType: "account", targetId: account.id });
    });
    this.sessionCache.forgetAccount(account.id);
  }

  private checkTotp(account: Account, code: string): boolean {
    if (!account.totp_secret_enc) return false;
    const totp = new TOTP({ secret: Secret.fromBase32(this.cipher.decrypt(account.totp_secret_enc)) });
    return totp.validate({ token: code, window: 1, timestamp: this.now().getTime() }) !== null;
  }

  private async findLoginAccount(identifier: string): Promise<Account | undefined> {
    const repos = this.store.repos;
    if (MOBILE_PATTERN.test(identifier)) return repos.accounts.findByLogin("mobile_hash", this.cipher.blindIndex("mobile", identifier));
    const id = validateIdNumber(identifier);
    if (id.ok) return repos.accounts.findByLogin("id_number_hash", this.cipher.blindIndex("id", id.value.idNumber));
    const staff = await repos.accounts.findByLogin("username", identifier.toLowerCase());
    // A department system signs in with its client credentials only, never with a password.
    return staff?.kind === "client" ? undefined : staff;
  }

  /** A department system's account (kind `client`) in its organisation, holding the roles its scopes give; in the caller's unit. */
  async createClientAccount(unit: UnitOfWork, input: { username: string; name: string; orgId: string; roles: Role[]; regionCode: string }): Promise<string> {
    const account = await this.store.within(unit).accounts.insert({
      kind: "client",
      username: input.username,
      name: input.name,
      person_id: null,
      id_number_hash: null,
      mobile_hash: null,
      mobile_enc: null,
      // No password opens it: the hash of nothing anyone can type.
      password_hash: "!",
      org_id: input.orgId,
      roles: input.roles,
      totp_secret_enc: null,
      region_code: input.regionCode,
    });
    return account.id;
  }

  /** The request context of a department system calling with a valid token: its account as its organisation's staff, with the token's client. */
  async clientSession(accountId: string, client: ActorClient): Promise<SessionContext | null> {
    const repos = this.store.repos;
    const account = await repos.accounts.findById(accountId);
    if (!account || account.kind !== "client" || account.disabled) return null;
    const actor = await this.actorFor(repos, account, null);
    return { sessionId: `client:${client.id}`, csrfToken: "", actor: { ...actor, client }, account };
  }

  private async issueSession(repos: Repos, account: Account, actor: Actor, ctx: RequestContext): Promise<IssuedSession> {
    const token = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const expiresAt = new Date(this.now().getTime() + this.settings.sessionTtlHours * 3600_000);
    await repos.sessions.insert({
      id: sessionIdOf(token),
      account_id: account.id,
      csrf_token: csrfToken,
      acting_for_enterprise_id: null,
      post_org_id: null,
      region_code: actor.regionCode,
      expires_at: expiresAt,
      ip: ctx.ip,
      user_agent: ctx.userAgent?.slice(0, 300) ?? null,
    }, this.now());
    return { token, csrfToken, expiresAt, maxAgeSeconds: this.settings.sessionTtlHours * 3600 };
  }

  /** Builds the actor for an account, including the enterprise it acts for in this session. */
  async actorFor(unit: UnitOfWork, account: Account, session: Pick<Session, "acting_for_enterprise_id" | "post_org_id"> | null): Promise<Actor> {
    const repos = this.store.within(unit);
    let orgId: string | null = null;
    let orgPath: string | null = null;
    let governmentPath: string | null = null;
    let roles = account.roles as Role[];
    let regionCode = account.region_code;
    // 一人多岗: in a further post the session works with that organisation and its roles (a post since removed falls back to the own).
    const post = account.kind === "staff" && session?.post_org_id ? await repos.staffPosts.find(account.id, session.post_org_id) : undefined;
    if (post) roles = post.roles as Role[];
    const ownOrg = post?.org_id ?? account.org_id;
    if (account.kind !== "citizen" && ownOrg) {
      const org = await repos.orgs.findWithGovernment(ownOrg);
      if (post && org) regionCode = org.region_code;
      orgId = org?.id ?? null;
      orgPath = org?.path ?? null;
      governmentPath = org?.government_path ?? null;
    }
    let actingFor: ActingFor | null = null;
    if (session?.acting_for_enterprise_id) {
      const relations = await this.enterpriseRelations(repos, account);
      actingFor = relations.find((r) => r.enterpriseId === session.acting_for_enterprise_id) ?? null;
    }
    return {
      accountId: account.id,
      // A department system's account acts as its organisation's staff (with the roles its scopes give).
      kind: account.kind === "citizen" ? "citizen" : "staff",
      name: account.name,
      personId: account.person_id,
      orgId,
      orgPath,
      governmentPath,
      regionCode,
      roles,
      actingFor,
    };
  }
}

function sessionStub(session: SessionContext): Pick<Session, "acting_for_enterprise_id" | "post_org_id"> {
  return { acting_for_enterprise_id: session.actor.actingFor?.enterpriseId ?? null, post_org_id: session.account.kind === "staff" && session.actor.orgId !== session.account.org_id ? session.actor.orgId : null };
}

function lockedError(until: Date, now: Date): DomainError {
  return new DomainError("ACCOUNT_LOCKED", { retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
}

function anonymous(regionCode: string): Actor {
  return { accountId: "", kind: "system", name: "实名注册（未通过）", personId: null, orgId: null, orgPath: null, governmentPath: null, regionCode, roles: [], actingFor: null };
}

function realNameCheck(personId: string, matched: boolean) {
  return {
    action: "person.verify",
    targetType: "person",
    targetId: personId,
    subjectPersonId: personId,
    purpose: "实名注册核验",
    details: { source: "population", elements: ["person.name", "person.idNumber"], matched },
  };
}
