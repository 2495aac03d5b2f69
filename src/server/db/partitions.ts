import { sql, type Kysely } from "kysely";

/**
 * History tables partitioned by month (PostgreSQL declarative partitioning, range on a timestamp): each
 * month, in China time, is a partition of its own (`<table>_pYYYY_MM`), created ahead by a job; a
 * default partition (`<table>_pdefault`) takes rows dated outside the months created (an import of old
 * records, a shifted clock) until their month's partition exists. A month's partition can be detached
 * for archiving (`detachMonth`) and stays a plain table.
 */
export const PARTITIONED_BY_MONTH: ReadonlyArray<{ table: string; column: string }> = [
  { table: "application_events", column: "created_at" },
  { table: "audit_log", column: "occurred_at" },
  { table: "messages", column: "created_at" },
  { table: "notification_deliveries", column: "created_at" },
];

/**
 * Set (transaction-local) while rows move from a default partition into their month's: the append-only
 * audit log's trigger lets that delete through — the same rows are inserted unchanged in the same
 * transaction, and the hash chain would show anything else.
 */
export const MOVING_PARTITION_SETTING = "haoban.moving_partition";

/** How many months beyond the current one have their partitions ready. */
export const MONTHS_AHEAD = 3;

/** `YYYY-MM` of a China date (Asia/Shanghai is UTC+8 all year). */
function chinaMonth(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The months from `from` to `to` (`YYYY-MM`, both included). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  return months;
}

/** This month and the next `ahead`, in China time. */
export function monthsAhead(now: Date, ahead = MONTHS_AHEAD): string[] {
  const first = chinaMonth(now);
  let last = first;
  for (let i = 0; i < ahead; i++) last = nextMonth(last);
  return monthsBetween(first, last);
}

const partitionName = (table: string, month: string) => `${table}_p${month.replace("-", "_")}`;
/** A month's first instant in China time, as a timestamptz literal. */
const monthStart = (month: string) => `${month}-01 00:00:00+08`;

/**
 * Makes sure each month has its partition. A month whose rows already sit in the default partition gets
 * them moved into its new partition in the same transaction (attach checks that nothing of the month is
 * left behind). Returns the partitions created.
 */
export async function ensureMonthPartitions<D>(db: Kysely<D>, table: string, column: string, months: string[]): Promise<string[]> {
  const created: string[] = [];
  const existing = new Set(
    (await sql<{ name: string }>`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = ${table}`.execute(db)).rows.map((r) => r.name),
  );
  for (const month of months) {
    const name = partitionName(table, month);
    if (existing.has(name)) continue;
    const from = monthStart(month);
    const to = monthStart(nextMonth(month));
    const move = async (trx: Kysely<D>) => {
      const t = sql.id(table);
      const p = sql.id(name);
      const d = sql.id(`${table}_pdefault`);
      const c = sql.id(column);
      const inMonth = sql`${c} >= ${from}::timestamptz and ${c} < ${to}::timestamptz`;
      await sql`create table ${p} (like ${t} including defaults including constraints)`.execute(trx);
      await sql`lock table ${d} in exclusive mode`.execute(trx);
      const waiting = (await sql<{ n: number }>`select count(*)::int as n from ${d} where ${inMonth}`.execute(trx)).rows[0]!.n;
      // A reference to this table is checked against the partition a row leaves, not the one it enters: while
      // rows move, the references to the table are set aside, then made again (and checked) once the month is attached.
      const references = waiting
        ? (await sql<{ owner: string; name: string; definition: string }>`
            select conrelid::regclass::text as owner, conname as name, pg_get_constraintdef(oid) as definition
            from pg_constraint where contype = 'f' and confrelid = ${sql.lit(table)}::regclass and conparentid = 0`.execute(trx)).rows
        : [];
      for (const r of references) await sql`alter table ${sql.id(r.owner)} drop constraint ${sql.id(r.name)}`.execute(trx);
      if (waiting) {
        await sql`select set_config(${MOVING_PARTITION_SETTING}, 'on', true)`.execute(trx);
        await sql`insert into ${p} select * from ${d} where ${inMonth}`.execute(trx);
        await sql`delete from ${d} where ${inMonth}`.execute(trx);
        await sql`select set_config(${MOVING_PARTITION_SETTING}, '', true)`.execute(trx);
      }
      await sql`alter table ${t} attach partition ${p} for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(trx);
      for (const r of references) await sql`alter table ${sql.id(r.owner)} add constraint ${sql.id(r.name)} ${sql.raw(r.definition)}`.execute(trx);
    };
    // One transaction per month (a migration's own, when called from one).
    if (db.isTransaction) await move(db);
    else await db.transaction().execute(move);
    created.push(name);
  }
  return created;
}

/** Every partitioned history table has this month's partition and the next `MONTHS_AHEAD` (the partitions job, daily). */
export async function ensureAllPartitions<D>(db: Kysely<D>, now: Date): Promise<string[]> {
  const created: string[] = [];
  for (const { table, column } of PARTITIONED_BY_MONTH) created.push(...(await ensureMonthPartitions(db, table, column, monthsAhead(now))));
  return created;
}

/** Detaches a month's partition (it stays a table of its own, to be archived and dropped). */
export async function detachMonth<D>(db: Kysely<D>, table: string, month: string): Promise<string> {
  const name = partitionName(table, month);
  await sql`alter table ${sql.id(table)} detach partition ${sql.id(name)}`.execute(db);
  return name;
}

/** What a table keeps when it becomes partitioned (its keys gain the month column). */
export interface PartitionedShape {
  primaryKey: string[];
  foreignKeys: Array<{ name: string; columns: string[]; references: string }>;
  /** Its indexes (a column may carry its order: "created_at desc"); `where` makes one partial (SQL over the table's columns). */
  indexes: Array<{ name: string; columns: string[]; where?: string }>;
  /** The sequence its id column takes values from, which must outlive the old table. */
  sequence?: { name: string; column: string };
}

/**
 * A migration's step: a plain table becomes one partitioned by month of `column`, with the same rows —
 * one partition per month from its oldest row to `MONTHS_AHEAD` months after `now`, a default partition,
 * and its key, references and indexes under their old names (the key with the month column added).
 */
export async function partitionTableByMonth<D>(db: Kysely<D>, table: string, column: string, shape: PartitionedShape, now: Date): Promise<void> {
  const t = sql.id(table);
  const old = sql.id(`${table}_unpartitioned`);
  const c = sql.id(column);
  // A column, or a column and its order ("created_at desc").
  const list = (columns: string[]) => sql.join(columns.map((x) => (/ (asc|desc)$/.test(x) ? sql`${sql.id(x.split(" ")[0]!)} ${sql.raw(x.split(" ")[1]!)}` : sql.id(x))));
  await sql`alter table ${t} rename to ${old}`.execute(db);
  await sql`create table ${t} (like ${old} including defaults including constraints) partition by range (${c})`.execute(db);
  if (shape.sequence) await sql`alter sequence ${sql.id(shape.sequence.name)} owned by ${sql.id(table, shape.sequence.column)}`.execute(db);
  await sql`create table ${sql.id(`${table}_pdefault`)} partition of ${t} default`.execute(db);
  const oldest = (await sql<{ at: Date | null }>`select min(${c}) as at from ${old}`.execute(db)).rows[0]?.at ?? null;
  const ahead = monthsAhead(now);
  await ensureMonthPartitions(db, table, column, oldest ? monthsBetween(chinaMonth(new Date(oldest)), ahead.at(-1)!) : ahead);
  await sql`insert into ${t} select * from ${old}`.execute(db);
  await sql`drop table ${old}`.execute(db);
  const key = shape.primaryKey.includes(column) ? shape.primaryKey : [...shape.primaryKey, column];
  await sql`alter table ${t} add constraint ${sql.id(`${table}_pkey`)} primary key (${list(key)})`.execute(db);
  for (const fk of shape.foreignKeys) await sql`alter table ${t} add constraint ${sql.id(fk.name)} foreign key (${list(fk.columns)}) references ${sql.raw(fk.references)}`.execute(db);
  for (const ix of shape.indexes) await sql`create index ${sql.id(ix.name)} on ${t} (${list(ix.columns)})${ix.where ? sql` where ${sql.raw(ix.where)}` : sql``}`.execute(db);
}
