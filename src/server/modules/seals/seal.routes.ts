import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody, uuid } from "../../../shared/schemas/common";
import { forStaff, requestContext, requireStaff } from "../../http/auth-plugin";
import type { SealService } from "./seal.service";

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
const key = z.object({ keyId: z.string(), algorithm: z.string(), publicKey: z.string(), status: z.enum(["active", "retired"]), createdAt: z.string(), retiredAt: z.string().nullable() });

/** 电子印章 keys of an issuing organisation, for administrators above it: list and rotate. */
export const sealRoutes: FastifyPluginAsyncZod<{ seals: SealService }> = async (app, { seals }) => {
  app.get(
    "/admin/orgs/:orgId/seal-keys",
    { config: forStaff("sys_admin"), schema: { tags: ["certificates"], summary: "印章密钥 An organisation's seal keys (public keys only), newest first", params: z.strictObject({ orgId: uuid }), response: { 200: z.object({ items: z.array(key) }), ...errors } } },
    async (req) => ({ items: await seals.keys(requireStaff(req, "sys_admin"), req.params.orgId) }),
  );
  app.post(
    "/admin/orgs/:orgId/seal-keys/rotate",
    {
      config: forStaff("sys_admin"),
      schema: {
        tags: ["certificates"],
        summary: "轮换印章密钥 Retire the active key and start a new one; what the old key signed stays verifiable",
        params: z.strictObject({ orgId: uuid }),
        response: { 200: z.object({ keyId: z.string(), algorithm: z.string(), publicKey: z.string() }), ...errors },
      },
    },
    async (req) => seals.rotate(requireStaff(req, "sys_admin"), req.params.orgId, requestContext(req)),
  );
};
