import { z } from "zod";
import { int32 } from "./common";

export const catalogueAuditResponse = z.object({
  items: int32,
  averageScore: z.number(),
  completeness: z.array(z.object({ id: z.string(), implCode: z.string(), name: z.string(), orgName: z.string(), score: z.number(), missing: z.array(z.string()) })),
  inconsistencies: z.array(
    z.object({
      basicCode: z.string(),
      implCode: z.string(),
      itemId: z.string(),
      orgName: z.string(),
      element: z.string(),
      reference: z.string(),
      actual: z.string(),
      acceptedReason: z.string().nullable(),
    }),
  ),
  orgs: z.array(z.object({ orgId: z.string(), orgName: z.string(), items: z.number(), averageScore: z.number(), incomplete: z.number(), inconsistencies: z.number() })),
});
export type CatalogueAuditView = z.infer<typeof catalogueAuditResponse>;
