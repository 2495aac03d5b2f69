import type { FastifyPluginAsync } from "fastify";
import { registryEndpoints as api } from "../../../shared/api/registry";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { RegistryService } from "./registry.service";

export const registryRoutes: FastifyPluginAsync<{ registry: RegistryService }> = async (app, { registry }) => {
  route(app, api.postRegistryPersonLookups, async (req) => registry.lookupPerson(requireStaff(req), req.body.idNumber, req.body.purpose, requestContext(req)));
};
