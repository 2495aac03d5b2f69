import { profileView, ruleTestRequest, ruleTestView } from "../schemas/rules";
import { z } from "zod";
import { citizens, staff, endpoint } from "./endpoint";


/** The endpoints of modules/profiles/profile.routes.ts. */
export const profileEndpoints = {
  getMeRecommendations: endpoint({
    method: "GET",
    path: "/me/recommendations",
    access: citizens,
    tags: ["rules"],
    summary: "为您推荐 Services and bundles the citizen's (or their enterprise's) profile points to, each with the reason",
    response: z.object({ items: z.array(z.object({ key: z.string(), title: z.string(), reason: z.string(), link: z.string() })) }),
  }),
  getMeProfile: endpoint({
    method: "GET",
    path: "/me/profile",
    access: citizens,
    tags: ["rules"],
    summary: "我的画像 The facts the platform derives about me (or the enterprise I act for), each with its source; derived afresh, the view recorded",
    response: profileView,
  }),
  postRulesTest: endpoint({
    method: "POST",
    path: "/rules/test",
    access: staff("catalog_admin", "sys_admin", "supervisor"),
    tags: ["rules"],
    summary: "测试规则 Evaluate a rule against a person or enterprise: its problems and each condition's outcome (catalogue administrators, system administrators, supervisors; the read is logged)",
    body: ruleTestRequest,
    response: ruleTestView,
  }),
};
