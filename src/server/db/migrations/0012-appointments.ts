import { type Kysely, sql } from "kysely";

/**
 * Appointments (预约): service centres publish time slots with a capacity; citizens book, cancel and
 * reschedule; clerks check arrivals in. `booked` never exceeds `capacity` (a check constraint, and
 * every booking increments it conditionally in the same transaction as the appointment row).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table appointment_slots (
      id uuid primary key default gen_random_uuid(),
      centre_org_id uuid not null references orgs(id),
      day date not null,
      start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
      capacity integer not null check (capacity between 1 and 500),
      booked integer not null default 0,
      region_code text not null,
      created_at timestamptz not null default now(),
      check (booked >= 0 and booked <= capacity),
      check (end_time > start_time),
      unique (centre_org_id, day, start_time)
    )`.execute(db);
  await sql`create index appointment_slots_day_idx on appointment_slots (centre_org_id, day)`.execute(db);

  await sql`
    create table appointments (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      slot_id uuid not null references appointment_slots(id),
      account_id uuid not null references accounts(id),
      item_id uuid not null references catalogue_items(id),
      status text not null check (status in ('booked','cancelled','checked_in')),
      checked_in_at timestamptz,
      checked_in_by uuid references accounts(id),
      region_code text not null,
      lock_version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index appointments_one_per_slot_idx on appointments (account_id, slot_id) where status = 'booked'`.execute(db);
  await sql`create index appointments_account_idx on appointments (account_id, created_at desc)`.execute(db);
  await sql`create index appointments_slot_idx on appointments (slot_id)`.execute(db);
}
