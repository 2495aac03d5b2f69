import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../../shared/roles";
import { hasRole, type Actor, type RequestContext } from "../actor";
import { DomainError } from "../domain-error";
import type { AuthService, IssuedSession, SessionContext } from "../modules/identity/auth.service";

export const SESSION_COOKIE = "haoban_session";
/** A device this browser logged in from before: its failed logins are counted apart from strangers'. */
export const DEVICE_COOKIE = "haoban_device";
/**
 * Who may call a route at all: citizens or not, and staff — none (null), any ([]), or those holding
 * one of the roles named. Declared on the route, checked before its body is read.
 */
export interface RouteAccess {
  citizens: boolean;
  staffRoles: Role[] | null;
}

/** Route config: citizens only. */
export const forCitizen: { access: RouteAccess } = { access: { citizens: true, staffRoles: null } };

/** Route config: staff, holding one of `roles` when any are named. */
export function forStaff(...roles: Role[]): { access: RouteAccess } {
  return { access: { citizens: false, staffRoles: roles } };
}

/** Route config: citizens, and staff holding one of `roles` (a hotline agent recording a call, say). */
export function forCitizenOr(...roles: Role[]): { access: RouteAccess } {
  return { access: { citizens: true, staffRoles: roles } };
}

/** True when the actor is a caller the route admits. */
export function admits(access: RouteAccess, actor: Actor): boolean {
  if (actor.kind === "citizen") return access.citizens;
  return actor.kind === "staff" && access.staffRoles !== null && (access.staffRoles.length === 0 || hasRole(actor, ...access.staffRoles));
}

/** Resolves a department system's access token to its request context (null: unknown, expired or revoked). */
export type BearerResolver = (token: string) => Promise<SessionContext | null>;

/** Route config for API routes open to anonymous callers. */
export const PUBLIC_ROUTE = { public: true } as const;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

declare module "fastify" {
  interface FastifyRequest {
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes that must work without a CSRF token (login, registration). */
    csrf?: boolean;
    /** Set true on API routes that need no session (login, registration, the public org tree). */
    public?: boolean;
    /** Who may call the route at all (checked before the body is read); finer checks stay in the services. */
    access?: RouteAccess;
    /** The scope a department system's token must carry to call the route; a route without one refuses machine clients. */
    clientScope?: string;
  }
}

/**
 * Resolves the session cookie on every API request, and for cookie-authenticated mutations
 * requires the session's CSRF token in the `x-csrf-token` header (synchroniser token).
 */
export function registerAuth(app: FastifyInstance, auth: AuthService, bearer: BearerResolver = async () => null) {
  app.decorateRequest("session", null);
  // Authentication before the body: the session is resolved and a private route refused as soon as
  // the headers are in, so an anonymous caller can make the server read (and learn) nothing more.
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api/")) return;
    const authorization = req.headers.authorization;
    if (authorization !== undefined && /^bearer /i.test(authorization)) {
      // A department system: its access token, never a cookie (so no CSRF token either). A bad token is refused outright.
      const match = /^Bearer ([A-Za-z0-9._~+/-]{16,200}=*)$/.exec(authorization);
      req.session = match ? await bearer(match[1]!) : null;
      if (!req.session) {
        void reply.header("www-authenticate", 'Bearer realm="haoban", error="invalid_token"');
        if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) void reply.header("connection", "close");
        throw new DomainError("TOKEN_INVALID");
      }
    } else {
      const token = req.cookies[SESSION_COOKIE];
      req.session = token ? await auth.resolveSession(token) : null;
    }
    const refused = refusal(req);
    if (!refused) return;
    // A body that was announced is not read at all: the connection closes after the answer.
    if (req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) void reply.header("connection", "close");
    throw new DomainError(refused);
  });
  app.addHook("preHandler", async (req) => {
    if (!req.session || req.session.actor.client || !MUTATING.has(req.method) || req.routeOptions.config.csrf === false) return;
    if (req.headers["x-csrf-token"] !== req.session.csrfToken) throw new DomainError("CSRF_TOKEN_INVALID");
  });
}

/** Why the caller may not call this route at all (no session, or a kind or role it does not admit), if so. */
function refusal(req: FastifyRequest): "UNAUTHENTICATED" | "FORBIDDEN" | null {
  if (req.routeOptions.url === undefined) return null; // unknown routes fall through to 404
  const { config } = req.routeOptions;
  if (!req.session) return req.url.startsWith("/api/v1/") && !config.public ? "UNAUTHENTICATED" : null;
  const client = req.session.actor.client;
  // A department system calls only the routes open to a scope its token carries (or public ones).
  if (client) return config.public || (config.clientScope !== undefined && client.scopes.includes(config.clientScope)) ? null : "FORBIDDEN";
  return config.access && !admits(config.access, req.session.actor) ? "FORBIDDEN" : null;
}

export function setSessionCookie(reply: FastifyReply, session: IssuedSession, secure: boolean) {
  void reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: session.maxAgeSeconds,
  });
}

/** The device cookie: httpOnly, sent only to the login route, kept for 180 days. */
export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean) {
  void reply.setCookie(DEVICE_COOKIE, token, { httpOnly: true, sameSite: "lax", secure, path: "/api/v1/auth", maxAge: 180 * 86_400 });
}

export function clearSessionCookie(reply: FastifyReply) {
  void reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** The logged-in session, or UNAUTHENTICATED. */
export function requireSession(req: FastifyRequest): SessionContext {
  if (!req.session) throw new DomainError("UNAUTHENTICATED");
  return req.session;
}

export function requireActor(req: FastifyRequest): Actor {
  return requireSession(req).actor;
}

/** A staff actor holding at least one of the roles; FORBIDDEN otherwise. */
export function requireStaff(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (actor.kind !== "staff" || (roles.length > 0 && !hasRole(actor, ...roles))) throw new DomainError("FORBIDDEN");
  return actor;
}

export function requireCitizen(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
  return actor;
}

export function requestContext(req: FastifyRequest): RequestContext {
  const ua = req.headers["user-agent"];
  return { requestId: req.id, ip: req.ip, userAgent: typeof ua === "string" ? ua : null };
}
