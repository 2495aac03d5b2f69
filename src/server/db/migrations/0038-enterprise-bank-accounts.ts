import { type Kysely, sql } from "kysely";

/**
 * 银行开户: the basic deposit account (基本存款账户) a bank opens for a newly established enterprise,
 * as the bank reports it; later services of 企业开办 (涉税信息确认, 社保登记) take it from here instead of
 * asking the founder for an account that did not exist when they applied.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table enterprise_bank_accounts (
      enterprise_id uuid primary key references enterprises(id),
      bank_name text not null,
      account_number text not null unique,
      bank_reference text not null,
      opened_at timestamptz not null default now()
    )`.execute(db);
}
