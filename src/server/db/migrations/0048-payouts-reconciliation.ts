import { type Kysely, sql } from "kysely";

/**
 * 统一支付, continued: the 社会保障卡金融账户 benefits are paid to (the registry keeps it encrypted), the
 * payout plan of each granted benefit and its payouts (发放), and the daily reconciliation (对账) with the
 * payment platform's statement: one run per day and its findings, each resolved by finance staff with a
 * recorded reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table persons add column payout_account_enc text`.execute(db);
  await sql`alter table persons add column payout_bank text`.execute(db);
  await sql`
    create table payout_plans (
      application_id uuid primary key references applications(id),
      person_id uuid not null references persons(id),
      payee_name text not null,
      org_id uuid not null references orgs(id),
      region_code text not null,
      subject text not null,
      amount_fen integer not null check (amount_fen > 0),
      period text not null,
      pay_day integer not null,
      next_pay_date date,
      status text not null,
      stop_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index payout_plans_due on payout_plans (next_pay_date) where status = 'active'`.execute(db);
  await sql`
    create table payouts (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      application_id uuid not null references payout_plans(application_id),
      period_label text not null,
      pay_date date not null,
      amount_fen integer not null check (amount_fen > 0),
      account_enc text,
      account_masked text,
      bank_name text,
      status text not null,
      provider_no text,
      failure text,
      region_code text not null,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      unique (application_id, period_label)
    )`.execute(db);
  await sql`create index payouts_open on payouts (created_at) where status in ('requested', 'processing')`.execute(db);
  await sql`create index payouts_finished_day on payouts (finished_at) where finished_at is not null`.execute(db);
  await sql`create index payment_orders_receiptless on payment_orders (paid_at) where receipt_certificate_id is null and status in ('paid', 'refunded')`.execute(db);
  await sql`create index payment_refunds_finished_day on payment_refunds (finished_at) where finished_at is not null`.execute(db);
  await sql`
    create table reconciliation_runs (
      day date primary key,
      provider_lines integer not null,
      platform_lines integer not null,
      matched integer not null,
      findings integer not null,
      provider_total_fen bigint not null,
      platform_total_fen bigint not null,
      ran_at timestamptz not null,
      ran_by text not null
    )`.execute(db);
  await sql`
    create table reconciliation_findings (
      id uuid primary key default gen_random_uuid(),
      day date not null,
      kind text not null,
      txn_type text not null,
      merchant_no text not null,
      provider_no text not null default '',
      platform_fen integer,
      provider_fen integer,
      status text not null,
      resolution text,
      resolved_by text,
      resolved_at timestamptz,
      created_at timestamptz not null default now(),
      unique (day, kind, txn_type, merchant_no, provider_no)
    )`.execute(db);
  await sql`create index reconciliation_findings_open on reconciliation_findings (day) where status = 'open'`.execute(db);
}
