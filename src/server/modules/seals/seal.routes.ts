import type { FastifyPluginAsync } from "fastify";
import { sealEndpoints as api } from "../../../shared/api/seal";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { SealService } from "./seal.service";

/** 电子印章 keys of an issuing organisation, for administrators above it: list and rotate. */
export const sealRoutes: FastifyPluginAsync<{ seals: SealService }> = async (app, { seals }) => {
  route(app, api.getAdminOrgsByOrgIdSealKeys, async (req) => ({ items: await seals.keys(requireStaff(req, "sys_admin"), req.params.orgId) }));
  route(app, api.postAdminOrgsByOrgIdSealKeysRotate, async (req) => seals.rotate(requireStaff(req, "sys_admin"), req.params.orgId, requestContext(req)));
};
