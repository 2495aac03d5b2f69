import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { AfterCommit, BeforeCommit } from "../../db/store";
import { auditLogRow, GENESIS_HASH, hashAuditRecord } from "./audit-hash";

/** How many pending records one sequencing transaction chains at most. */
const BATCH = 500;

/**
 * Links the records appended unchained (audit_pending) into their region's hash chain (audit_log):
 * under the chain head's row lock, in one transaction per batch, the oldest pending records of the
 * chain get the next sequence numbers and hashes, move to audit_log, and the head advances. Requests
 * append without touching the head, so they no longer queue behind it; the head is locked only by the
 * sequencer, for one short transaction per batch (as transparency logs sequence their entries).
 *
 * Calls for one chain coalesce: a caller whose change has committed joins the current run if that run
 * has not yet read the pending records, else waits for the next, so its own records are chained when
 * `sequence` resolves (read-your-writes for audit readers) while ten concurrent callers share one or
 * two runs. Several processes may sequence the same
 * chain: the head lock serialises them and each sees what the other moved.
 */
export class AuditSequencer {
  private readonly tail = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  /**
   * On a single-connection engine (PGlite) a transaction's records are chained inside it, just before
   * its commit (`chainWithin`): nothing can run beside it, so there is nothing to wait for, and a
   * second transaction per change would only cost a second commit.
   */
  inline = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (err: unknown, chain: string) => void = (err, chain) => console.error(`audit sequencing of chain ${chain} failed; the sweep will retry`, err),
  ) {}

  /**
   * What an audit repository on `handle` calls after appending to a chain: chain the records once the
   * transaction has committed (outside one: at once), each chain once per transaction — or, in the
   * inline mode and inside a transaction, just before it commits.
   */
  afterAppendOn(handle: Kysely<DB>, afterCommit: AfterCommit, beforeCommit: BeforeCommit): (chain: string) => Promise<void> {
    const scheduled = new Set<string>();
    return async (chain) => {
      if (scheduled.has(chain)) return;
      scheduled.add(chain);
      const inTransaction = this.inline && handle.isTransaction;
      await (inTransaction ? beforeCommit : afterCommit)(async () => {
        scheduled.delete(chain);
        await (inTransaction ? this.chainWithin(handle, chain) : this.sequence(chain));
      });
    };
  }

  /** Chains everything pending on `chain`, including whatever committed before this call. Never throws: a failed run is left to the sweep. */
  sequence(chain: string): Promise<void> {
    const waiting = this.queued.get(chain);
    if (waiting) return waiting;
    const previous = this.tail.get(chain) ?? Promise.resolve();
    // A caller may still join this run until it reads the pending records (after it holds the head):
    // whatever committed before that read is in it. Only then does a later caller need the next run.
    const closeToJoiners = () => {
      if (this.queued.get(chain) === run) this.queued.delete(chain);
    };
    const run: Promise<void> = previous.then(async () => {
      try {
        while ((await this.chainBatch(chain, closeToJoiners)) === BATCH);
      } catch (err) {
        this.onError(err, chain);
      } finally {
        closeToJoiners();
      }
    });
    this.queued.set(chain, run);
    this.tail.set(chain, run);
    void run.then(() => {
      if (this.tail.get(chain) === run) this.tail.delete(chain);
    });
    return run;
  }

  /** Resolves once no run is going on any chain (a process shutting down waits for it before closing its database). */
  async idle(): Promise<void> {
    while (this.tail.size) await Promise.all(this.tail.values());
  }

  /** Chains whatever any chain has pending (at start-up, periodically, and before verification): a crash between commit and sequencing loses nothing. */
  async sweep(): Promise<number> {
    const chains = await this.db.selectFrom("audit_pending").select("chain").groupBy("chain").execute();
    await Promise.all(chains.map((c) => this.sequence(c.chain)));
    return chains.length;
  }

  /** Records not yet chained (for verification and monitoring). */
  async pendingCount(): Promise<number> {
    const row = await this.db.selectFrom("audit_pending").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Chains everything pending on `chain` inside the caller's transaction `trx` (the inline mode). */
  async chainWithin(trx: Kysely<DB>, chain: string): Promise<void> {
    while ((await this.chainBatchIn(trx, chain)) === BATCH);
  }

  /** One batch of one chain in one transaction; returns how many records it chained. */
  private chainBatch(chain: string, beforeRead?: () => void): Promise<number> {
    return this.db.transaction().execute((trx) => this.chainBatchIn(trx, chain, beforeRead));
  }

  private async chainBatchIn(trx: Kysely<DB>, chain: string, beforeRead?: () => void): Promise<number> {
    {
      const lockHead = () => trx.selectFrom("audit_head").select(["seq", "hash"]).where("chain", "=", chain).forUpdate().executeTakeFirst();
      let head = await lockHead();
      if (!head) {
        // A new chain: create its head (a concurrent creator wins harmlessly), then lock it.
        await trx.insertInto("audit_head").values({ chain, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column("chain").doNothing()).execute();
        head = (await lockHead())!;
      }
      beforeRead?.();
      const pending = await trx.selectFrom("audit_pending").selectAll().where("chain", "=", chain).orderBy("id").limit(BATCH).execute();
      if (!pending.length) return 0;
      let seq = Number(head.seq);
      let prevHash = head.hash;
      const rows = pending.map((p) => {
        const record = {
          chain,
          seq: ++seq,
          occurredAt: p.occurred_at,
          requestId: p.request_id,
          actorAccountId: p.actor_account_id,
          actorName: p.actor_name,
          actingForEnterpriseId: p.acting_for_enterprise_id,
          action: p.action,
          targetType: p.target_type,
          targetId: p.target_id,
          orgId: p.org_id,
          subjectPersonId: p.subject_person_id,
          purpose: p.purpose,
          details: p.details,
          prevHash,
        };
        prevHash = hashAuditRecord(record);
        return { ...auditLogRow(record, prevHash), details: JSON.stringify(record.details) };
      });
      // The chained records, the pending ones removed and the new head: one statement (data-modifying WITHs always run).
      await trx
        .with("chained", (db) => db.insertInto("audit_log").values(rows).returning("seq"))
        .with("moved", (db) => db.deleteFrom("audit_pending").where("id", "in", pending.map((p) => p.id)).returning("id"))
        .updateTable("audit_head")
        .set({ seq, hash: prevHash })
        .where("chain", "=", chain)
        .execute();
      return pending.length;
    }
  }
}

/** One sequencer per database handle, so every store and repository of a process shares its coalescing. */
const sequencers = new WeakMap<Kysely<DB>, AuditSequencer>();
export function sequencerFor(db: Kysely<DB>, onError?: (err: unknown, chain: string) => void): AuditSequencer {
  let s = sequencers.get(db);
  if (!s) sequencers.set(db, (s = new AuditSequencer(db, onError)));
  return s;
}
