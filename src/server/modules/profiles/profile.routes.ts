import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../shared/schemas/common";
import { profileView, ruleTestRequest, ruleTestView } from "../../../shared/schemas/rules";
import { forCitizen, forStaff, requestContext, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { ProfileService } from "./profile.service";
import type { RecommendationService } from "./recommendation.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

/** 用户画像 and rule testing. */
export const profileRoutes: FastifyPluginAsyncZod<{ profiles: ProfileService; recommendations: RecommendationService }> = async (app, { profiles, recommendations }) => {
  app.get(
    "/me/recommendations",
    { config: forCitizen, schema: { tags: ["rules"], summary: "为您推荐 Services and bundles the citizen's (or their enterprise's) profile points to, each with the reason", response: { 200: z.object({ items: z.array(z.object({ key: z.string(), title: z.string(), reason: z.string(), link: z.string() })) }), ...errors } } },
    async (req) => ({ items: await recommendations.forMe(requireCitizen(req)) }),
  );
  app.get(
    "/me/profile",
    { config: forCitizen, schema: { tags: ["rules"], summary: "我的画像 The facts the platform derives about me (or the enterprise I act for), each with its source; derived afresh, the view recorded", response: { 200: profileView, ...errors } } },
    async (req) => profiles.mine(requireCitizen(req), requestContext(req)),
  );
  app.post(
    "/rules/test",
    { config: forStaff("catalog_admin", "sys_admin", "supervisor"), schema: { tags: ["rules"], summary: "测试规则 Evaluate a rule against a person or enterprise: its problems and each condition's outcome (catalogue administrators, system administrators, supervisors; the read is logged)", body: ruleTestRequest, response: { 200: ruleTestView, ...errors } } },
    async (req) => profiles.testRule(requireStaff(req), req.body, requestContext(req)),
  );
};
