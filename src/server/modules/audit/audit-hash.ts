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
  /** The previous record's hash in the chain (GENESIS_HASH for the first): hashed, not stored. */
  prevHash: string;
}

export const GENESIS_HASH = "0".repeat(64);


/** SHA-256 over the canonical form of the record, including the previous record's hash. */
export function hashAuditRecord(fields: HashedAuditFields): string {
  return createHash("sha256")
    .update(canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest("hex");
}

/** A hash as audit_log stores it (32 bytes), and back. */
export const hashBytes = (hex: string): Buffer => Buffer.from(hex, "hex");
export const hashHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/** A hashed record as its audit_log row (details as they are: the caller serialises them for its statement). */
export function auditLogRow(record: HashedAuditFields, hash: string) {
  return {
    chain: record.chain,
    seq: record.seq,
    occurred_at: record.occurredAt,
    request_id: record.requestId,
    actor_account_id: record.actorAccountId,
    actor_name: record.actorName,
    acting_for_enterprise_id: record.actingForEnterpriseId,
    action: record.action,
    target_type: record.targetType,
    target_id: record.targetId,
    org_id: record.orgId,
    subject_person_id: record.subjectPersonId,
    purpose: record.purpose,
    details: record.details,
    hash: hashBytes(hash),
  };
}
