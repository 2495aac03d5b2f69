import type { FastifyPluginAsync } from "fastify";
import { authEndpoints as api } from "../../../shared/api/auth";
import { route } from "../../http/endpoints";
import { sharedAnswer } from "../../shared-answer";
import type { MeResponse } from "../../../shared/schemas/identity";
import { maskIdNumber } from "../../../shared/validation/id-number";
import { maskMobile } from "../../../shared/validation/mobile";
import type { OrgKind, Role } from "../../../shared/roles";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { OrgRepository } from "../orgs";
import type { PersonRepository } from "../registry";
import { clearSessionCookie, DEVICE_COOKIE, requestContext, requireSession, setDeviceCookie, setSessionCookie } from "../../http/auth-plugin";
import type { AuthService, SessionContext } from "./auth.service";
import type { StaffPostRepository } from "./staff-post.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { orgs: OrgRepository; persons: PersonRepository; staffPosts: StaffPostRepository };

export interface AuthRouteDeps {
  auth: AuthService;
  store: Store<Repos>;
  cipher: FieldCipher;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
}

export const authRoutes: FastifyPluginAsync<AuthRouteDeps> = async (app, deps) => {
  const { auth } = deps;
  // Who may call and the CSRF exemption come from the endpoint table; the server adds the login rate limit.
  const loginLimit = { config: { rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: "1 minute" } } };

  /** What the web app needs to know about the current session. */
  async function presentMe(session: SessionContext, csrfToken: string): Promise<MeResponse> {
    const { account, actor } = session;
    const repos = deps.store.repos;
    // Independent reads, sent together (on a server pool they run at once).
    const [person, org, relations, own, posts] = await Promise.all([
      account.person_id ? repos.persons.findById(account.person_id) : undefined,
      actor.orgId ? repos.orgs.findById(actor.orgId) : undefined,
      auth.enterpriseRelations(repos, account),
      account.kind === "staff" && account.org_id ? repos.orgs.findById(account.org_id) : undefined,
      account.kind === "staff" ? repos.staffPosts.postsOf(account.id) : [],
    ]);
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
      kind: actor.kind === "citizen" ? "citizen" : "staff",
      name: account.name,
      username: account.username,
      idNumberMasked: person ? maskIdNumber(deps.cipher.decrypt(person.id_number_enc)) : null,
      mobileMasked: account.mobile_enc ? maskMobile(deps.cipher.decrypt(account.mobile_enc)) : null,
      regionCode: account.kind === "citizen" ? account.region_code : null,
      roles: actor.roles,
      org: org ? { id: org.id, code: org.code, name: org.name, nameEn: org.name_en, kind: org.kind as OrgKind, regionCode: org.region_code } : null,
      enterprises: relations.map(present),
      actingFor: actor.actingFor ? present(relations.find((r) => r.enterpriseId === actor.actingFor!.enterpriseId)!) : null,
      totpEnabled: account.totp_enabled,
      // 一人多岗: the own organisation first, then the further posts; the session works in the active one.
      posts: own && posts.length ? [{ orgId: own.id, orgName: own.name, orgNameEn: own.name_en, roles: account.roles as Role[], active: actor.orgId === own.id }, ...posts.map((p) => ({ orgId: p.org_id, orgName: p.org_name, orgNameEn: p.org_name_en, roles: p.roles as Role[], active: actor.orgId === p.org_id }))] : [],
      csrfToken,
    };
  }
  route(app, api.postAuthRegister, async (req, reply) => {
    const session = await auth.register(req.body, requestContext(req));
    setSessionCookie(reply, session, deps.cookieSecure);
    return ({ csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
  }, loginLimit);
  route(app, api.postAuthLogin, async (req, reply) => {
    const session = await auth.login(req.body.identifier, req.body.password, req.body.totp, requestContext(req), { token: req.cookies[DEVICE_COOKIE] ?? null });
    setSessionCookie(reply, session, deps.cookieSecure);
    setDeviceCookie(reply, session.deviceToken, deps.cookieSecure);
    return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  }, loginLimit);
  route(app, api.postAuthLogout, async (req, reply) => {
    if (req.session) await auth.logout(req.session, requestContext(req));
    clearSessionCookie(reply);
    return { ok: true as const };
  });
  route(
    app,
    api.getMe,
    async (req) => {
      const session = requireSession(req);
      // A kept session keeps its presented /me too (two decryptions and three reads saved per call, and its JSON made once).
      const generation = auth.sessionCache.generation;
      const kept = auth.sessionCache.get(session.sessionId)?.presented as MeResponse | undefined;
      if (kept) return kept;
      const me = sharedAnswer(await presentMe(session, session.csrfToken));
      auth.sessionCache.present(session.sessionId, me, generation);
      return me;
    },
    { sharedAnswers: true },
  );
  route(app, api.postMeActingFor, async (req) => {
    const session = requireSession(req);
    const actor = await auth.setActingFor(session, req.body.enterpriseId, requestContext(req));
    return presentMe({ ...session, actor }, session.csrfToken);
  });
  route(app, api.postMePost, async (req) => {
    const session = requireSession(req);
    const actor = await auth.setPost(session, req.body.orgId, requestContext(req));
    return presentMe({ ...session, actor }, session.csrfToken);
  });
  route(app, api.postMeTotpSetup, async (req) => auth.beginTotp(requireSession(req), requestContext(req)));
  route(app, api.postMeTotpConfirm, async (req) => {
    await auth.confirmTotp(requireSession(req), req.body.code, requestContext(req));
    return { ok: true as const };
  });
};
