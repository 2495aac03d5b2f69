import { z } from "zod";
import { AGENT_SCOPE_CODES, ORG_KIND_CODES, ROLE_CODES } from "../roles";
import { creditCode, idNumber, isoDate, LIMITS, mobile, password, personName, uuid } from "./common";

export const registerRequest = z.strictObject({
  name: personName,
  idNumber,
  mobile,
  password,
});
export type RegisterRequest = z.infer<typeof registerRequest>;

export const loginRequest = z.strictObject({
  identifier: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
  totp: z.string().regex(/^\d{6}$/).optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const orgSummary = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(ORG_KIND_CODES),
  regionCode: z.string(),
});
export type OrgSummary = z.infer<typeof orgSummary>;

export const enterpriseSummary = z.object({
  id: uuid,
  creditCode: z.string(),
  name: z.string(),
  relation: z.enum(["legal_representative", "agent"]),
  scopes: z.array(z.enum(AGENT_SCOPE_CODES)),
  expiresOn: isoDate.nullable(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

/** The logged-in actor as `GET /api/v1/me` returns it. Personal identifiers are masked. */
export const meResponse = z.object({
  accountId: uuid,
  kind: z.enum(["citizen", "staff"]),
  name: z.string(),
  username: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  /** A citizen's registered division (district or street): the guide and search open its own implementations. */
  regionCode: z.string().nullable(),
  roles: z.array(z.enum(ROLE_CODES)),
  org: orgSummary.nullable(),
  enterprises: z.array(enterpriseSummary),
  actingFor: enterpriseSummary.nullable(),
  totpEnabled: z.boolean(),
  /** 一人多岗: the staff member's posts (own organisation first) when they hold more than one; empty otherwise. */
  posts: z.array(z.object({ orgId: uuid, orgName: z.string(), orgNameEn: z.string(), roles: z.array(z.enum(ROLE_CODES)), active: z.boolean() })),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const actingForRequest = z.strictObject({ enterpriseId: uuid.nullable() });
export const postRequest = z.strictObject({ orgId: uuid.nullable() });

export const grantAgentRequest = z.strictObject({
  agentName: personName,
  agentIdNumber: idNumber,
  scopes: z.array(z.enum(AGENT_SCOPE_CODES)).min(1).max(AGENT_SCOPE_CODES.length),
  expiresOn: isoDate,
});
export type GrantAgentRequest = z.infer<typeof grantAgentRequest>;

export const agentGrant = z.object({
  id: uuid,
  agentName: z.string(),
  agentIdNumberMasked: z.string(),
  scopes: z.array(z.enum(AGENT_SCOPE_CODES)),
  expiresOn: isoDate,
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type AgentGrant = z.infer<typeof agentGrant>;

export const enterpriseDetail = z.object({
  id: uuid,
  creditCode: z.string(),
  name: z.string(),
  type: z.string(),
  divisionCode: z.string(),
  legalRepresentativeName: z.string(),
  establishedOn: isoDate,
  address: z.string(),
});

export const enterpriseCodeParam = z.strictObject({ creditCode });

export const dataAccessRecord = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  actorName: z.string(),
  orgName: z.string().nullable(),
  source: z.string().nullable(),
  elements: z.array(z.string()),
  purpose: z.string().nullable(),
  /** The application the use served, when there was one. */
  applicationNumber: z.string().nullable(),
  /** Refused reads are shown too, with the reason. */
  denied: z.boolean(),
  deniedReason: z.string().nullable(),
});
export type DataAccessRecord = z.infer<typeof dataAccessRecord>;

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
