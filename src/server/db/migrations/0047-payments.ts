import { type Kysely, sql } from "kysely";

/**
 * 统一支付: payment orders made from an item's fee rules (amounts in fen, the 缴款码, the provider's order
 * number once registered), the provider's notifications already applied (their ids: a repeated
 * notification changes nothing), and refunds tracked to completion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table payment_orders (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      pay_code text not null unique,
      application_id uuid references applications(id),
      stage text not null,
      org_id uuid not null references orgs(id),
      region_code text not null,
      payer_account_id uuid references accounts(id),
      payer_person_id uuid references persons(id),
      payer_enterprise_id uuid references enterprises(id),
      payer_name text not null,
      subject text not null,
      amount_fen integer not null check (amount_fen > 0),
      lines jsonb not null,
      status text not null,
      due_date date not null,
      provider_order_no text,
      registered_at timestamptz,
      channel text,
      paid_at timestamptz,
      settled_by text,
      receipt_certificate_id uuid references certificates(id),
      refunded_fen integer not null default 0 check (refunded_fen >= 0),
      close_reason text,
      lock_version integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index payment_orders_application on payment_orders (application_id)`.execute(db);
  await sql`create index payment_orders_open on payment_orders (created_at) where status = 'pending'`.execute(db);
  await sql`create index payment_orders_paid_day on payment_orders (paid_at) where paid_at is not null`.execute(db);
  await sql`
    create table payment_notifications (
      id text primary key,
      type text not null,
      merchant_no text not null,
      effect text not null,
      received_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table payment_refunds (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      order_id uuid not null references payment_orders(id),
      amount_fen integer not null check (amount_fen > 0),
      reason text not null,
      status text not null,
      provider_refund_no text,
      failure text,
      requested_by text not null,
      region_code text not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index payment_refunds_order on payment_refunds (order_id)`.execute(db);
  await sql`create index payment_refunds_open on payment_refunds (created_at) where status in ('requested', 'processing')`.execute(db);
}
