import type { FastifyPluginAsync } from "fastify";
import { policyEndpoints as api } from "../../../shared/api/policy";
import { route } from "../../http/endpoints";
import type { PolicyService } from "./policy.service";

/** The public policy library (full-text search goes through /search?type=policy). */
export const policyRoutes: FastifyPluginAsync<{ policies: PolicyService }> = async (app, deps) => {
  route(app, api.getPolicies, async (req) => ({ items: await deps.policies.list(req.query) }));
  route(app, api.getPoliciesById, async (req) => deps.policies.get(req.params.id));
};
