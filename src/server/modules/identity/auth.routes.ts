import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, okBody } from "../../../shared/schemas/common";
import {
  actingForRequest,
  loginRequest,
  meResponse,
  registerRequest,
  totpConfirmRequest,
  totpSetupResponse,
  type MeResponse,
} from "../../../shared/schemas/identity";
import { maskIdNumber } from "../../../shared/validation/id-number";
import { maskMobile } from "../../../shared/validation/mobile";
import type { OrgKind } from "../../../shared/roles";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { OrgRepository } from "../orgs";
import type { PersonRepository } from "../registry";
import { clearSessionCookie, DEVICE_COOKIE, forStaff, PUBLIC_ROUTE, requestContext, requireSession, setDeviceCookie, setSessionCookie } from "../../http/auth-plugin";
import type { AuthService, SessionContext } from "./auth.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { orgs: OrgRepository; persons: PersonRepository };

export interface AuthRouteDeps {
  auth: AuthService;
  store: Store<Repos>;
  cipher: FieldCipher;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
}

const loginResponse = z.object({ csrfToken: z.string(), expiresAt: z.string() });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 422: errorBody, 429: errorBody };

export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (app, deps) => {
  const { auth } = deps;
  const loginLimit = { rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: "1 minute" }, csrf: false, ...PUBLIC_ROUTE };

  /** What the web app needs to know about the current session. */
  async function presentMe(session: SessionContext, csrfToken: string): Promise<MeResponse> {
    const { account, actor } = session;
    const repos = deps.store.repos;
    const person = account.person_id ? await repos.persons.findById(account.person_id) : undefined;
    const org = account.org_id ? await repos.orgs.findById(account.org_id) : undefined;
    const relations = await auth.enterpriseRelations(repos, account);
    const present = (r: (typeof relations)[number]) => ({
      id: r.enterpriseId,
      creditCode: r.creditCode,
      name: r.name,
      relation: r.relation,
      scopes: r.scopes,
      expiresOn: (r as { expiresOn?: string | null }).expiresOn ?? null,
    });
    return {
      accountId: account.id,
      kind: account.kind,
      name: account.name,
      username: account.username,
      idNumberMasked: person ? maskIdNumber(deps.cipher.decrypt(person.id_number_enc)) : null,
      mobileMasked: account.mobile_enc ? maskMobile(deps.cipher.decrypt(account.mobile_enc)) : null,
      roles: actor.roles,
      org: org ? { id: org.id, code: org.code, name: org.name, nameEn: org.name_en, kind: org.kind as OrgKind, regionCode: org.region_code } : null,
      enterprises: relations.map(present),
      actingFor: actor.actingFor ? present(relations.find((r) => r.enterpriseId === actor.actingFor!.enterpriseId)!) : null,
      totpEnabled: account.totp_enabled,
      csrfToken,
    };
  }

  app.post(
    "/auth/register",
    {
      config: loginLimit,
      schema: {
        tags: ["identity"],
        summary: "实名注册 Register a citizen account (name and ID number checked against the population registry)",
        body: registerRequest,
        response: { 201: loginResponse, ...errors },
      },
    },
    async (req, reply) => {
      const session = await auth.register(req.body, requestContext(req));
      setSessionCookie(reply, session, deps.cookieSecure);
      return reply.status(201).send({ csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
    },
  );

  app.post(
    "/auth/login",
    {
      config: loginLimit,
      schema: {
        tags: ["identity"],
        summary: "登录 Log in with mobile, ID number or staff username",
        body: loginRequest,
        response: { 200: loginResponse, ...errors },
      },
    },
    async (req, reply) => {
      const session = await auth.login(req.body.identifier, req.body.password, req.body.totp, requestContext(req), { token: req.cookies[DEVICE_COOKIE] ?? null });
      setSessionCookie(reply, session, deps.cookieSecure);
      setDeviceCookie(reply, session.deviceToken, deps.cookieSecure);
      return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    },
  );

  app.post(
    "/auth/logout",
    { config: PUBLIC_ROUTE, schema: { tags: ["identity"], summary: "退出登录 Log out", response: { 200: okBody, ...errors } } },
    async (req, reply) => {
      if (req.session) await auth.logout(req.session, requestContext(req));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/me",
    { schema: { tags: ["identity"], summary: "当前用户 The logged-in actor", response: { 200: meResponse, ...errors } } },
    async (req) => {
      const session = requireSession(req);
      return presentMe(session, session.csrfToken);
    },
  );

  app.post(
    "/me/acting-for",
    {
      schema: {
        tags: ["identity"],
        summary: "切换办事身份 Act for an enterprise, or as oneself with null",
        body: actingForRequest,
        response: { 200: meResponse, ...errors },
      },
    },
    async (req) => {
      const session = requireSession(req);
      const actor = await auth.setActingFor(session, req.body.enterpriseId, requestContext(req));
      return presentMe({ ...session, actor }, session.csrfToken);
    },
  );

  app.post(
    "/me/totp/setup",
    { config: forStaff(), schema: { tags: ["identity"], summary: "开启动态口令（工作人员） Begin TOTP enrolment", response: { 200: totpSetupResponse, ...errors } } },
    async (req) => auth.beginTotp(requireSession(req), requestContext(req)),
  );

  app.post(
    "/me/totp/confirm",
    {
      config: forStaff(),
      schema: { tags: ["identity"], summary: "确认动态口令 Confirm TOTP with a first code", body: totpConfirmRequest, response: { 200: okBody, ...errors } },
    },
    async (req) => {
      await auth.confirmTotp(requireSession(req), req.body.code, requestContext(req));
      return { ok: true as const };
    },
  );
};
