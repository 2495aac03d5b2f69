import type { FastifyPluginAsync } from "fastify";
import { profileEndpoints as api } from "../../../shared/api/profile";
import { route } from "../../http/endpoints";
import { requestLang } from "../../http/lang";
import { requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { ProfileService } from "./profile.service";
import type { RecommendationService } from "./recommendation.service";

/** 用户画像 and rule testing. */
export const profileRoutes: FastifyPluginAsync<{ profiles: ProfileService; recommendations: RecommendationService }> = async (app, { profiles, recommendations }) => {
  route(app, api.getMeRecommendations, async (req) => ({ items: await recommendations.forMe(requireCitizen(req), requestLang(req)) }));
  route(app, api.getMeProfile, async (req) => profiles.mine(requireCitizen(req), requestContext(req)));
  route(app, api.postRulesTest, async (req) => profiles.testRule(requireStaff(req), req.body, requestContext(req)));
};
