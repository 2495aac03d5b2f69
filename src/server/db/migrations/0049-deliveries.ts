import { type Kysely, sql } from "kysely";

/**
 * 统一物流: how an application's result reaches the applicant (electronic only, collected at a window
 * with a pick-up code, or posted) and materials sent in by post (上门取件), each followed through the
 * carrier's status notifications (applied once: their ids), with the hand-over at the window recorded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table deliveries (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      application_id uuid not null references applications(id),
      direction text not null,
      method text not null,
      status text not null,
      recipient_name text,
      recipient_mobile_enc text,
      address_enc text,
      address_masked text,
      pickup_org_id uuid references orgs(id),
      pickup_code_hash text,
      pickup_code_enc text,
      waybill_no text unique,
      collector text,
      handed_over_by text,
      handed_over_at timestamptz,
      region_code text not null,
      lock_version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (application_id, direction)
    )`.execute(db);
  await sql`create index deliveries_to_book on deliveries (created_at) where status = 'to_book'`.execute(db);
  await sql`create index deliveries_ready on deliveries (pickup_org_id) where status = 'ready'`.execute(db);
  await sql`
    create table delivery_events (
      id bigserial primary key,
      delivery_id uuid not null references deliveries(id),
      status text not null,
      note text not null,
      source text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index delivery_events_delivery on delivery_events (delivery_id, id)`.execute(db);
  await sql`
    create table post_notifications (
      id text primary key,
      received_at timestamptz not null default now()
    )`.execute(db);
  await sql`alter table payment_orders add column purpose text not null default 'fee'`.execute(db);
}
