import type { AuditRepository } from "./audit.repository";
import { GENESIS_HASH, hashAuditRecord, hashHex } from "./audit-hash";

export interface ChainBreak {
  chain: string;
  seq: number;
  reason: "HASH_MISMATCH" | "SEQUENCE_GAP" | "HEAD_MISMATCH" | "HEAD_MISSING";
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  records: number;
  firstBreak: ChainBreak | null;
}

/**
 * Walks every chain from its first record, recomputing each hash over the record and the previous
 * record's hash (the link), and returns the first broken record. Edited rows fail their hash, and so
 * does the record after one rewritten with a fresh hash; deleted rows leave a gap; a deleted tail no
 * longer matches the chain's head.
 */
export async function verifyAuditChains(repo: AuditRepository, pageSize = 2000): Promise<VerifyResult> {
  let records = 0;
  const orphans = await repo.chainsWithoutHead();
  if (orphans.length > 0) return { ok: false, chains: 0, records, firstBreak: { chain: orphans[0]!, seq: 1, reason: "HEAD_MISSING" } };
  const heads = await repo.listChains();
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const page = await repo.pageOfChain(head.chain, expectedSeq - 1, pageSize);
      if (page.length === 0) break;
      for (const row of page) {
        const seq = Number(row.seq);
        const fail = (reason: ChainBreak["reason"]): VerifyResult => ({
          ok: false,
          chains: heads.length,
          records,
          firstBreak: { chain: head.chain, seq, reason },
        });
        if (seq !== expectedSeq) return { ...fail("SEQUENCE_GAP"), firstBreak: { chain: head.chain, seq: expectedSeq, reason: "SEQUENCE_GAP" } };
        const recomputed = hashAuditRecord({
          chain: row.chain,
          seq,
          occurredAt: row.occurred_at,
          requestId: row.request_id,
          actorAccountId: row.actor_account_id,
          actorName: row.actor_name,
          actingForEnterpriseId: row.acting_for_enterprise_id,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          orgId: row.org_id,
          subjectPersonId: row.subject_person_id,
          purpose: row.purpose,
          details: row.details,
          prevHash,
        });
        const stored = hashHex(row.hash);
        if (recomputed !== stored) return fail("HASH_MISMATCH");
        prevHash = stored;
        expectedSeq += 1;
        records += 1;
      }
    }
    if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
      return { ok: false, chains: heads.length, records, firstBreak: { chain: head.chain, seq: expectedSeq, reason: "HEAD_MISMATCH" } };
    }
  }
  return { ok: true, chains: heads.length, records, firstBreak: null };
}
