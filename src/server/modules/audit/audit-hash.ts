import { createHash } from "node:crypto";

/** The fields of an audit record that its hash covers. */
export interface HashedAuditFields {
  chain: string;
  seq: number;
  occurredAt: Date;
  requestId: string | null;
  actorAccountId: string | null;
  actorName: string;
  actingForEnterpriseId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  orgId: string | null;
  subjectPersonId: string | null;
  purpose: string | null;
  details: unknown;
  prevHash: string;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level, so that jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over the canonical form of the record, including the previous record's hash. */
export function hashAuditRecord(fields: HashedAuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest("hex");
}
