import { z } from "zod";
import { ROLE_CODES } from "../roles";
import { changeOf, int32, LIMITS, mobile, password, personName, uuid } from "./common";
import { orgSummary } from "./identity";

export const username = z
  .string()
  .trim()
  .min(3)
  .max(LIMITS.usernameMax)
  .regex(/^[a-z][a-z0-9._-]+$/, "用户名只能包含小写字母、数字、点、下划线和连字符，并以字母开头");

export const staffMember = z.object({
  id: uuid,
  username: z.string(),
  name: z.string(),
  mobileMasked: z.string().nullable(),
  org: orgSummary,
  roles: z.array(z.enum(ROLE_CODES)),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  version: int32,
});
export type StaffMember = z.infer<typeof staffMember>;

export const createStaffRequest = z.strictObject({
  username,
  name: personName,
  mobile: mobile.optional(),
  orgId: uuid,
  roles: z.array(z.enum(ROLE_CODES)).min(1).max(ROLE_CODES.length),
  password,
});
export type CreateStaffRequest = z.infer<typeof createStaffRequest>;

export const updateStaffRequest = changeOf(
  z.strictObject({
    version: int32.min(0),
    name: personName.optional(),
    orgId: uuid.optional(),
    roles: z.array(z.enum(ROLE_CODES)).min(1).max(ROLE_CODES.length).optional(),
    disabled: z.boolean().optional(),
  }),
  ["name", "orgId", "roles", "disabled"],
);
export type UpdateStaffRequest = z.infer<typeof updateStaffRequest>;

export const staffListQuery = z.strictObject({
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const orgNode = orgSummary.extend({
  parentId: uuid.nullable(),
  divisionCode: z.string().nullable(),
  childCount: int32,
});
export type OrgNode = z.infer<typeof orgNode>;
