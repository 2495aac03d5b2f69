import type { FastifyPluginAsync } from "fastify";
import { proactiveEndpoints as api } from "../../../shared/api/proactive";
import { route } from "../../http/endpoints";
import { requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { BenefitService } from "./benefit.service";
import type { PolicyMatchService } from "./policy-match.service";

/** 免申即享 offers and grants, and 政策找人. */
export const proactiveRoutes: FastifyPluginAsync<{ benefits: BenefitService; policyMatch: PolicyMatchService }> = async (app, { benefits, policyMatch }) => {
  route(app, api.getMeBenefits, async (req) => ({ items: await benefits.mine(requireCitizen(req)) }));
  route(app, api.postMeBenefitsById, async (req) => benefits.respond(requireCitizen(req), req.params.id, req.body.accept, requestContext(req)));
  route(app, api.getBenefitOffers, async (req) => ({ items: await benefits.underMe(requireStaff(req)) }));
  route(app, api.postBenefitOffersByIdRevoke, async (req) => {
    await benefits.revoke(requireStaff(req), req.params.id, req.body.reason, requestContext(req));
    return { ok: true as const };
  });
  route(app, api.getAdminPolicies, async (req) => ({ items: await policyMatch.list(requireStaff(req)) }));
  route(app, api.postAdminPolicies, (req) => policyMatch.publish(requireStaff(req), req.body, requestContext(req)));
  route(app, api.getAdminPoliciesById, async (req) => policyMatch.get(requireStaff(req), req.params.id));
  route(app, api.getAdminPoliciesByIdMatches, async (req) => policyMatch.matches(requireStaff(req), req.params.id, req.query.page, requestContext(req)));
};
