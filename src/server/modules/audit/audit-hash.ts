import { createHash } from "node:crypto";
import { canonicalJson } from "../../../shared/canonical-json";

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


/** SHA-256 over the canonical form of the record, including the previous record's hash. */
export function hashAuditRecord(fields: HashedAuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest("hex");
}
