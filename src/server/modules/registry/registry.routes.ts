import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorBody } from "../../../shared/schemas/common";
import { personLookupRequest, personView } from "../../../shared/schemas/registry";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import type { RegistryService } from "./registry.service";


export const registryRoutes: FastifyPluginAsyncZod<{ registry: RegistryService }> = async (app, { registry }) => {
  app.post(
    "/registry/person-lookups",
    {
      config: forStaff("window_clerk", "reviewer", "approver", "data_admin", "hotline_agent"),
      schema: {
        tags: ["registry"],
        summary: "查询人口信息 Read a person from the population registry for a stated purpose (logged, visible to the person)",
        body: personLookupRequest,
        response: { 200: personView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => registry.lookupPerson(requireStaff(req), req.body.idNumber, req.body.purpose, requestContext(req)),
  );
};
