import { z } from "zod";
import { idNumber, LIMITS } from "./common";

export const personLookupRequest = z.strictObject({ idNumber, purpose: z.string().trim().min(2).max(LIMITS.purposeMax) });

/** A person from the population registry as staff see it: identifiers masked. */
export const personView = z.object({
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
export type PersonView = z.infer<typeof personView>;
