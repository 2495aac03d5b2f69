import { type Kysely, sql } from "kysely";
import type { Actor, RequestContext } from "../../actor";
import type { AuditRow, DB } from "../../db/schema";
import { GENESIS_HASH, hashAuditRecord } from "./audit-hash";

/** One thing that happened, as a service describes it. */
export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  orgId?: string | null;
  /** For reads of personal data: whose data, and why. */
  subjectPersonId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
  /** The audit chain (region) to append to; defaults to the actor's region. */
  regionCode?: string;
}

/**
 * Appends to the hash-chained audit log. Call it with the transaction that makes the change,
 * so that the record and the change commit or roll back together.
 */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async append(actor: Actor, ctx: RequestContext, entry: AuditEntry): Promise<{ chain: string; seq: number }> {
    return (await this.appendMany(actor, ctx, [entry]))[0]!;
  }

  /**
   * Appends several records of one chain (the first entry's region) under one lock of its head: the
   * records, linked one to the next, and the new head in one statement.
   */
  async appendMany(actor: Actor, ctx: RequestContext, entries: AuditEntry[]): Promise<Array<{ chain: string; seq: number }>> {
    if (!entries.length) return [];
    const chain = entries[0]!.regionCode ?? actor.regionCode;
    if (entries.some((e) => (e.regionCode ?? actor.regionCode) !== chain)) throw new Error("appendMany: entries of one chain only");
    // The head row's lock serialises appends to one chain; other chains proceed in parallel.
    const lockHead = () => this.db.selectFrom("audit_head").select(["seq", "hash"]).where("chain", "=", chain).forUpdate().executeTakeFirst();
    let head = await lockHead();
    if (!head) {
      // A new chain: create its head (a concurrent creator wins harmlessly), then lock it.
      await this.db.insertInto("audit_head").values({ chain, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column("chain").doNothing()).execute();
      head = (await lockHead())!;
    }

    let seq = Number(head.seq);
    let prevHash = head.hash;
    const occurredAt = new Date();
    const rows = entries.map((entry) => {
      const record = {
        chain,
        seq: ++seq,
        occurredAt,
        requestId: ctx.requestId,
        actorAccountId: actor.kind === "system" ? null : actor.accountId,
        actorName: actor.name,
        actingForEnterpriseId: actor.actingFor?.enterpriseId ?? null,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        orgId: entry.orgId ?? actor.orgId,
        subjectPersonId: entry.subjectPersonId ?? null,
        purpose: entry.purpose ?? null,
        details: entry.details ?? {},
        prevHash,
      };
      prevHash = hashAuditRecord(record);
      return {
        chain,
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
        details: JSON.stringify(record.details),
        prev_hash: record.prevHash,
        hash: prevHash,
      };
    });
    // The records and the chain's new head in one statement (a data-modifying WITH always runs).
    await this.db
      .with("rec", (db) => db.insertInto("audit_log").values(rows).returning("seq"))
      .updateTable("audit_head")
      .set({ seq, hash: prevHash })
      .where("chain", "=", chain)
      .execute();
    return rows.map((r) => ({ chain, seq: r.seq }));
  }

  /** Records whose subject is this person (reads and uses of their data), newest first. */
  async listBySubject(personId: string, limit: number, offset: number) {
    return this.db
      .selectFrom("audit_log as a")
      .leftJoin("orgs as o", "o.id", "a.org_id")
      .select([
        "a.chain",
        "a.seq",
        "a.occurred_at",
        "a.action",
        "a.actor_name",
        "a.purpose",
        "a.details",
        "o.name as org_name",
        "o.name_en as org_name_en",
      ])
      .where("a.subject_person_id", "=", personId)
      .orderBy("a.occurred_at", "desc")
      .orderBy("a.seq", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  async countBySubject(personId: string): Promise<number> {
    const row = await this.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("subject_person_id", "=", personId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listChains(): Promise<Array<{ chain: string; seq: number; hash: string }>> {
    return this.db.selectFrom("audit_head").selectAll().orderBy("chain").execute();
  }

  /** A page of one chain in order, for verification. */
  async pageOfChain(chain: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .selectFrom("audit_log")
      .selectAll()
      .where("chain", "=", chain)
      .where("seq", ">", afterSeq)
      .orderBy("seq")
      .limit(limit)
      .execute();
  }

  /** Chains that have records but no head row (a deleted head is tampering too). */
  async chainsWithoutHead(): Promise<string[]> {
    const rows = await sql<{ chain: string }>`
      select distinct chain from audit_log l
      where not exists (select 1 from audit_head h where h.chain = l.chain)`.execute(this.db);
    return rows.rows.map((r) => r.chain);
  }
}
