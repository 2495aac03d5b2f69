import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "../../actor";
import type { Database } from "../../db/database";
import { createTestDatabase } from "../../testing/test-app";
import { createRepositoryStore } from "../../repositories";
import { AuditRepository } from "./audit.repository";
import { AuditSequencer, sequencerFor } from "./audit-sequencer";
import { verifyAuditChains } from "./audit-verify";
import { hashAuditRecord, hashHex } from "./audit-hash";
import { ensureAllPartitions } from "../../db/partitions";

let database: Database;
let url: string | null;
let close: () => Promise<void>;
let repo: AuditRepository;
let sequencer: AuditSequencer;
const ctx = { requestId: "req-1", ip: "127.0.0.1", userAgent: "test" };
const actor: Actor = { ...SYSTEM_ACTOR, kind: "staff", accountId: "11111111-1111-4111-8111-111111111111", name: "测试员", regionCode: "310101" };

beforeEach(async () => {
  ({ database, close, url } = await createTestDatabase());
  sequencer = new AuditSequencer(database.db);
  // Outside a transaction each append is committed at once, and chained right after.
  repo = new AuditRepository(database.db, (chain) => sequencer.sequence(chain));
  for (let i = 0; i < 5; i++) {
    await repo.append(actor, ctx, { action: "test.thing", targetType: "thing", targetId: String(i), details: { i, nested: { b: 1, a: [1, "二"] } } });
  }
  await repo.append(actor, ctx, { action: "test.other", targetType: "thing", regionCode: "310115" });
});
afterEach(() => close());

/** Tampering needs the append-only trigger out of the way, as a database superuser could do. */
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger user`.execute(database.db);
  await statement.execute(database.db);
  await sql`alter table audit_log enable trigger user`.execute(database.db);
}

describe("hash-chained audit log", () => {
  it("chains records per region and verifies an untouched log", async () => {
    const result = await verifyAuditChains(repo);
    expect(result).toEqual({ ok: true, chains: 2, records: 6, firstBreak: null });
    const rows = await database.db.selectFrom("audit_log").selectAll().where("chain", "=", "310101").orderBy("seq").execute();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.hash.length)).toEqual([32, 32, 32, 32, 32]); // the link is not stored: each hash covers its predecessor's
  });

  it("refuses UPDATE, DELETE and TRUNCATE through the database itself", async () => {
    await expect(sql`update audit_log set actor_name = 'x'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it("detects an edited field and names the record", async () => {
    await tamper(sql`update audit_log set actor_name = '别人' where chain = '310101' and seq = 3`);
    expect((await verifyAuditChains(repo)).firstBreak).toEqual({ chain: "310101", seq: 3, reason: "HASH_MISMATCH" });
  });

  it("detects edited details (jsonb) and an edited time", async () => {
    await tamper(sql`update audit_log set details = '{"i": 99}' where chain = '310101' and seq = 2`);
    expect((await verifyAuditChains(repo)).firstBreak).toMatchObject({ seq: 2, reason: "HASH_MISMATCH" });
  });

  it("detects a record rewritten with a fresh hash: the next link breaks", async () => {
    const [first, second] = await database.db.selectFrom("audit_log").selectAll().where("chain", "=", "310101").where("seq", "in", [1, 2]).orderBy("seq").execute();
    // The forger edits record 2 and gives it the hash its new content deserves, linked to record 1 …
    const forged = hashAuditRecord({
      chain: "310101",
      seq: 2,
      occurredAt: second!.occurred_at,
      requestId: second!.request_id,
      actorAccountId: second!.actor_account_id,
      actorName: "别人",
      actingForEnterpriseId: second!.acting_for_enterprise_id,
      action: second!.action,
      targetType: second!.target_type,
      targetId: second!.target_id,
      orgId: second!.org_id,
      subjectPersonId: second!.subject_person_id,
      purpose: second!.purpose,
      details: second!.details,
      prevHash: hashHex(first!.hash),
    });
    await tamper(sql`update audit_log set actor_name = '别人', hash = decode(${forged}, 'hex') where chain = '310101' and seq = 2`);
    // … record 2 verifies, and record 3, whose hash covered the old one, does not.
    expect((await verifyAuditChains(repo)).firstBreak).toEqual({ chain: "310101", seq: 3, reason: "HASH_MISMATCH" });
    expect(forged).not.toBe(hashHex(second!.hash));
  });

  it("detects a deleted record in the middle", async () => {
    await tamper(sql`delete from audit_log where chain = '310101' and seq = 4`);
    expect((await verifyAuditChains(repo)).firstBreak).toEqual({ chain: "310101", seq: 4, reason: "SEQUENCE_GAP" });
  });

  it("detects a deleted last record through the chain head", async () => {
    await tamper(sql`delete from audit_log where chain = '310115' and seq = 1`);
    expect((await verifyAuditChains(repo)).firstBreak).toEqual({ chain: "310115", seq: 1, reason: "HEAD_MISMATCH" });
  });

  it("rolls the record back with the change it describes", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await new AuditRepository(trx).append(actor, ctx, { action: "test.rolled_back", targetType: "thing" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const rows = await database.db.selectFrom("audit_log").select("action").where("action", "=", "test.rolled_back").execute();
    expect(rows).toEqual([]);
    expect(await sequencer.pendingCount()).toBe(0);
    expect((await verifyAuditChains(repo)).ok).toBe(true);
  });

  it("keeps the chain whole under concurrent appends, each chained once its transaction commits", async () => {
    const store = createRepositoryStore(database.db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.transact(async (repos) => {
          await repos.audit.append(actor, ctx, { action: "test.concurrent", targetType: "thing", targetId: String(i) });
          await repos.audit.append(actor, ctx, { action: "test.concurrent", targetType: "thing", targetId: String(i), regionCode: "310115" });
        }),
      ),
    );
    // When transact returns, its records are chained (read-your-writes for the data-use log and the tests).
    expect(await sequencer.pendingCount()).toBe(0);
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 46 });
    const targets = await database.db.selectFrom("audit_log").select("target_id").where("action", "=", "test.concurrent").where("chain", "=", "310101").execute();
    expect(targets.map((r) => Number(r.target_id)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("on a single-connection engine, chains a transaction's records inside it before the commit (inline mode)", async () => {
    const inlineDb = database.db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
    sequencerFor(inlineDb).inline = true;
    const store = createRepositoryStore(inlineDb);
    await store.transact(async (repos) => {
      await repos.audit.append(actor, ctx, { action: "test.inline", targetType: "thing" });
    });
    expect(await sequencer.pendingCount()).toBe(0);
    await expect(
      store.transact(async (repos) => {
        await repos.audit.append(actor, ctx, { action: "test.inline_rolled_back", targetType: "thing" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    // Outside a transaction the records are committed at once, and each append is chained in a transaction of its own.
    await Promise.all([1, 2, 3].map((i) => store.repos.audit.append(actor, ctx, { action: "test.inline_autocommit", targetType: "thing", targetId: String(i) })));
    const actions = await database.db.selectFrom("audit_log").select("action").where("action", "like", "test.inline%").orderBy("seq").execute();
    expect(actions.map((a) => a.action)).toEqual(["test.inline", "test.inline_autocommit", "test.inline_autocommit", "test.inline_autocommit"]);
    expect(await sequencer.pendingCount()).toBe(0);
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 10 });
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("lets a caller join a run until the run reads the pending records (PostgreSQL server: another session holds the head meanwhile)", async () => {
    const pg = (await import("pg")).default;
    const other = new pg.Client({ connectionString: url! });
    await other.connect();
    try {
      await other.query("begin");
      await other.query("select seq from audit_head where chain = '310101' for update");
      const unchained = new AuditRepository(database.db);
      await unchained.append(actor, ctx, { action: "test.joined", targetType: "thing", targetId: "a" });
      const first = sequencer.sequence("310101"); // starts, then waits for the head
      await new Promise((r) => setTimeout(r, 100));
      await unchained.append(actor, ctx, { action: "test.joined", targetType: "thing", targetId: "b" });
      const second = sequencer.sequence("310101"); // the run has not read yet: the same run serves it
      expect(second).toBe(first);
      await other.query("commit");
      await first;
      expect(await sequencer.pendingCount()).toBe(0);
      const joined = await database.db.selectFrom("audit_log").select("target_id").where("action", "=", "test.joined").orderBy("seq").execute();
      expect(joined.map((r) => r.target_id)).toEqual(["a", "b"]);
      // Once a run has read, a later caller gets a run of its own.
      expect(sequencer.sequence("310101")).not.toBe(first);
    } finally {
      await other.end();
    }
  });

  it("loses nothing when the process dies between commit and sequencing: the sweep chains what was left, in order", async () => {
    // Committed, never chained: what a kill -9 right after COMMIT leaves behind.
    const dying = new AuditRepository(database.db);
    for (const i of [1, 2, 3]) await dying.append(actor, ctx, { action: "test.orphan", targetType: "thing", targetId: String(i) });
    expect(await sequencer.pendingCount()).toBe(3);
    // The chain as it stands still verifies; the records are not lost, only waiting.
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 6 });
    // Another process (its own sequencer) and this one sweep at once: each record is chained exactly once.
    await Promise.all([new AuditSequencer(database.db).sweep(), sequencer.sweep()]);
    expect(await sequencer.pendingCount()).toBe(0);
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 9 });
    const orphans = await database.db.selectFrom("audit_log").select(["seq", "target_id"]).where("action", "=", "test.orphan").orderBy("seq").execute();
    expect(orphans).toEqual([
      { seq: 6, target_id: "1" },
      { seq: 7, target_id: "2" },
      { seq: 8, target_id: "3" },
    ]);
  });
});

describe("tampering with any record", () => {
  /** Tampers inside a transaction, verifies through it, then rolls back so each case starts clean. */
  async function breakAndVerify(statement: ReturnType<typeof sql>) {
    let firstBreak: unknown = null;
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`alter table audit_log disable trigger user`.execute(trx);
        await statement.execute(trx);
        firstBreak = (await verifyAuditChains(new AuditRepository(trx))).firstBreak;
        throw new Error("roll back");
      })
      .catch((e: Error) => {
        if (e.message !== "roll back") throw e;
      });
    return firstBreak;
  }

  it("an edit to any field of any record is detected at that record", async () => {
    const rows = await database.db.selectFrom("audit_log").select(["chain", "seq"]).execute();
    for (const { chain, seq } of rows) {
      for (const edit of [sql`actor_name = actor_name || '.'`, sql`action = 'forged'`, sql`occurred_at = occurred_at + interval '1 second'`, sql`purpose = 'forged'`]) {
        expect(await breakAndVerify(sql`update audit_log set ${edit} where chain = ${chain} and seq = ${seq}`)).toMatchObject({ chain, seq });
      }
    }
    expect((await verifyAuditChains(repo)).ok).toBe(true);
  });

  it("deleting any record is detected", async () => {
    const rows = await database.db.selectFrom("audit_log").select(["chain", "seq"]).execute();
    for (const { chain, seq } of rows) {
      const found = (await breakAndVerify(sql`delete from audit_log where chain = ${chain} and seq = ${seq}`)) as { chain: string; seq: number };
      expect(found).toMatchObject({ chain, seq });
    }
  });
});

describe("the log partitioned by month", () => {
  /** A record of `chain` that happened at `at`, appended and chained as any other. */
  async function recordAt(chain: string, at: string, i: number) {
    await database.db.insertInto("audit_pending").values({ chain, occurred_at: new Date(at), request_id: "req-2", actor_account_id: null, actor_name: "测试员", acting_for_enterprise_id: null, action: "test.dated", target_type: "thing", target_id: String(i), org_id: null, subject_person_id: null, purpose: null, details: JSON.stringify({ i }) }).execute();
    await sequencer.sequence(chain);
  }
  const partitionsOf = async (chain: string) =>
    (await sql<{ part: string; n: number }>`select tableoid::regclass::text as part, count(*)::int as n from audit_log where chain = ${chain} group by 1 order by 1`.execute(database.db)).rows;

  it("keeps one chain across months: records dated beyond the months made wait in the default partition, move into their month when it is made (past the append-only trigger), and the chain still verifies", async () => {
    await recordAt("310104", "2034-01-15T02:00:00Z", 1);
    await recordAt("310104", "2034-02-27T16:30:00Z", 2); // 28 February in China
    await recordAt("310104", "2034-03-01T03:00:00Z", 3);
    expect(await partitionsOf("310104")).toEqual([{ part: "audit_log_pdefault", n: 3 }]);
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 9 });

    expect(await ensureAllPartitions(database.db, new Date("2034-01-10T00:00:00Z"))).toEqual(expect.arrayContaining(["audit_log_p2034_01", "audit_log_p2034_02", "audit_log_p2034_03"]));
    expect(await partitionsOf("310104")).toEqual([
      { part: "audit_log_p2034_01", n: 1 },
      { part: "audit_log_p2034_02", n: 1 },
      { part: "audit_log_p2034_03", n: 1 },
    ]);
    expect(await verifyAuditChains(repo)).toMatchObject({ ok: true, records: 9 });
    // The move's way past the trigger is not open to anyone else: not in another transaction, not on a month's partition.
    await expect(sql`delete from audit_log where chain = '310104'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`select set_config('haoban.moving_partition', 'on', true)`.execute(trx);
        await sql`delete from audit_log where chain = '310104'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    expect((await partitionsOf("310104")).length).toBe(3);
  });

  it("a second record under a number already used (the key includes the month, so another month's partition takes it) is a break", async () => {
    await tamper(sql`insert into audit_log select chain, seq, occurred_at + interval '40 days', request_id, actor_account_id, actor_name, acting_for_enterprise_id, action, target_type, target_id, org_id, subject_person_id, purpose, details, hash from audit_log where chain = '310101' and seq = 3`);
    expect((await verifyAuditChains(repo)).firstBreak).toEqual({ chain: "310101", seq: 4, reason: "SEQUENCE_GAP" });
  });
});
