import { z } from "zod";
import { uuid } from "../schemas/common";
import { staff, endpoint } from "./endpoint";

export const key = z.object({ keyId: z.string(), algorithm: z.string(), publicKey: z.string(), status: z.enum(["active", "retired"]), createdAt: z.string(), retiredAt: z.string().nullable() });

/** The endpoints of modules/seals/seal.routes.ts. */
export const sealEndpoints = {
  getAdminOrgsByOrgIdSealKeys: endpoint({
    method: "GET",
    path: "/admin/orgs/:orgId/seal-keys",
    access: staff("sys_admin"),
    tags: ["certificates"],
    summary: "印章密钥 An organisation's seal keys (public keys only), newest first",
    params: z.strictObject({ orgId: uuid }),
    response: z.object({ items: z.array(key) }),
  }),
  postAdminOrgsByOrgIdSealKeysRotate: endpoint({
    method: "POST",
    path: "/admin/orgs/:orgId/seal-keys/rotate",
    access: staff("sys_admin"),
    tags: ["certificates"],
    summary: "轮换印章密钥 Retire the active key and start a new one; what the old key signed stays verifiable",
    params: z.strictObject({ orgId: uuid }),
    response: z.object({ keyId: z.string(), algorithm: z.string(), publicKey: z.string() }),
  }),
};
