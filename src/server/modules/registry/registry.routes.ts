import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, idNumber, LIMITS } from "../../../shared/schemas/common";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { RegistryService } from "./registry.service";

const personView = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  hukouDivisionCode: z.string(),
  address: z.string(),
  mobileMasked: z.string().nullable(),
  maritalStatus: z.string(),
  updatedAt: z.string(),
  sourceOrgCode: z.string(),
});

export const registryRoutes: FastifyPluginAsyncZod<{ registry: RegistryService }> = async (app, { registry }) => {
  app.post(
    "/registry/person-lookups",
    {
      schema: {
        tags: ["registry"],
        summary: "查询人口信息 Read a person from the population registry for a stated purpose (logged, visible to the person)",
        body: z.strictObject({ idNumber, purpose: z.string().trim().min(2).max(LIMITS.purposeMax) }),
        response: { 200: personView, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (req) => registry.lookupPerson(requireStaff(req), req.body.idNumber, req.body.purpose, requestContext(req)),
  );
};
