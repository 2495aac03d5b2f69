import { type Kysely, sql } from "kysely";

/**
 * How often a subject may hold an item (a benefit granted once, once per child, one application in
 * progress at a time): one row per application of an item that declares a limit, active while it is
 * pending or granted. A unique index on the active rows makes the limit hold whatever the channel
 * (online, window, 秒批, 免申即享, 一件事) and however many requests arrive at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table item_holdings (
      application_id uuid primary key references applications(id),
      basic_code text not null,
      holding_key text not null,
      limit_kind text not null check (limit_kind in ('once', 'once_per_child', 'one_in_progress')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      released_at timestamptz
    )`.execute(db);
  await sql`create unique index item_holdings_active_idx on item_holdings (basic_code, holding_key) where active`.execute(db);
}
