import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema";

/** The largest tables with their rows (estimated) and size on disk, a partitioned table with its partitions summed, and the database's total. */
export async function tableSizes(db: Kysely<DB>, limit = 15): Promise<{ tables: Array<{ table: string; rows: number; bytes: number }>; databaseBytes: number }> {
  const { rows } = await sql<{ table: string; rows: string; bytes: string }>`
    with parts as (
      select coalesce(parent.relname, c.relname) as name, c.reltuples, pg_total_relation_size(c.oid) as bytes
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_inherits i on i.inhrelid = c.oid
      left join pg_class parent on parent.oid = i.inhparent
      where c.relkind = 'r'
    )
    select name as table, sum(greatest(reltuples, 0))::bigint as rows, sum(bytes)::bigint as bytes
    from parts group by name order by sum(bytes) desc limit ${limit}`.execute(db);
  const total = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return { tables: rows.map((r) => ({ table: r.table, rows: Number(r.rows), bytes: Number(r.bytes) })), databaseBytes: Number(total.rows[0]!.bytes) };
}

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

/** Prints `tableSizes` as a table. */
export async function printTableSizes(db: Kysely<DB>): Promise<void> {
  const { tables, databaseBytes } = await tableSizes(db);
  console.log(`\n${"table".padEnd(28)}${"rows (est.)".padStart(14)}${"on disk".padStart(14)}`);
  for (const t of tables) console.log(`${t.table.padEnd(28)}${t.rows.toLocaleString("en").padStart(14)}${gib(t.bytes).padStart(14)}`);
  console.log(`${"database in all".padEnd(42)}${gib(databaseBytes).padStart(14)}`);
}
