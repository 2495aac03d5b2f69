import type { FastifyPluginAsync } from "fastify";
import { orgEndpoints as api } from "../../../shared/api/org";
import { route } from "../../http/endpoints";
import type { OrgService } from "./org.service";

export const orgRoutes: FastifyPluginAsync<{ orgs: OrgService }> = async (app, { orgs }) => {
  route(app, api.getDivisions, async (req) => ({ items: await orgs.divisions(req.query.parent ?? null) }));
  route(app, api.getOrgs, async (req) => ({ items: await orgs.listChildren(req.query.parentId ?? null) }));
};
