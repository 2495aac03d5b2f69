import { type Kysely, sql } from "kysely";
import type { Actor, RequestContext } from "../../actor";
import type { AuditRow, DB } from "../../db/schema";

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
 * Appends to the audit log. Call it with the transaction that makes the change, so that the record and
 * the change commit or roll back together. Records go in unchained and lock nothing; `afterAppend`
 * (given by the composition root) has the sequencer link them into their region's hash chain once the
 * transaction has committed — see AuditSequencer.
 */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly afterAppend: ((chain: string) => Promise<void>) | null = null,
  ) {}

  async append(actor: Actor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
    await this.appendMany(actor, ctx, [entry]);
  }

  /** Appends several records in one statement; each goes to its region's chain (the actor's by default). */
  async appendMany(actor: Actor, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const occurredAt = new Date();
    const rows = entries.map((entry) => ({
      chain: entry.regionCode ?? actor.regionCode,
      occurred_at: occurredAt,
      request_id: ctx.requestId,
      actor_account_id: actor.kind === "system" ? null : actor.accountId,
      actor_name: actor.name,
      acting_for_enterprise_id: actor.actingFor?.enterpriseId ?? null,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId ?? null,
      org_id: entry.orgId ?? actor.orgId,
      subject_person_id: entry.subjectPersonId ?? null,
      purpose: entry.purpose ?? null,
      // A department system acts through its own account; the record names the client as well.
      details: JSON.stringify(actor.client ? { ...entry.details, client: actor.client.clientId } : (entry.details ?? {})),
    }));
    await this.db.insertInto("audit_pending").values(rows).execute();
    if (!this.afterAppend) return;
    for (const chain of new Set(rows.map((r) => r.chain))) await this.afterAppend(chain);
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
