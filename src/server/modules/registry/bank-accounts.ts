import { luhnDigit } from "../../../shared/validation/luhn";
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { SHANGHAI_DISTRICTS } from "../../../shared/validation/division-code";
import type { DB } from "../../db/schema";

/** What a bank returns when it opens an enterprise's basic deposit account. */
export interface OpenedAccount {
  bankName: string;
  accountNumber: string;
  /** The bank's own reference for the opening. */
  reference: string;
}

/** The bank that opens accounts for new enterprises (银行开户); the demo and tests use the simulator. */
export interface BankAccountOpening {
  open(enterprise: { creditCode: string; name: string; divisionCode: string }): Promise<OpenedAccount>;
}


/**
 * A local stand-in for the city bank's account-opening interface: the district's branch opens one
 * basic account per enterprise, its number derived from the credit code (the same enterprise, the
 * same account) with a Luhn check digit, and a reference of its own.
 */
export class SimulatedBank implements BankAccountOpening {
  async open(enterprise: { creditCode: string; name: string; divisionCode: string }): Promise<OpenedAccount> {
    const district = SHANGHAI_DISTRICTS.find((d) => d.code === enterprise.divisionCode.slice(0, 6));
    const digits = BigInt(`0x${createHash("sha256").update(enterprise.creditCode).digest("hex").slice(0, 15)}`).toString().padStart(11, "0").slice(-11);
    const body = `3100${enterprise.divisionCode.slice(2, 6)}${digits}`;
    return { bankName: `上海银行${district?.name ?? ""}支行`, accountNumber: body + luhnDigit(body), reference: `KH${enterprise.creditCode.slice(-8)}` };
  }
}

/** The basic accounts banks opened for enterprises. */
export class BankAccountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(enterpriseId: string) {
    return this.db.selectFrom("enterprise_bank_accounts").selectAll().where("enterprise_id", "=", enterpriseId).executeTakeFirst();
  }

  async insert(row: { enterprise_id: string; bank_name: string; account_number: string; bank_reference: string }) {
    await this.db.insertInto("enterprise_bank_accounts").values(row).onConflict((oc) => oc.column("enterprise_id").doNothing()).execute();
  }
}

/**
 * 银行开户 for an enterprise: the account the bank opened for it, opened now if it has none (once; a
 * second call returns the same account). Runs in the caller's transaction.
 */
export async function basicAccountOf(repos: { bankAccounts: BankAccountRepository; enterprises: { findById(id: string): Promise<{ id: string; credit_code: string; name: string; division_code: string } | undefined> } }, bank: BankAccountOpening, enterpriseId: string) {
  const known = await repos.bankAccounts.find(enterpriseId);
  if (known) return { bankName: known.bank_name, accountNumber: known.account_number };
  const enterprise = await repos.enterprises.findById(enterpriseId);
  if (!enterprise) return null;
  const opened = await bank.open({ creditCode: enterprise.credit_code, name: enterprise.name, divisionCode: enterprise.division_code });
  await repos.bankAccounts.insert({ enterprise_id: enterpriseId, bank_name: opened.bankName, account_number: opened.accountNumber, bank_reference: opened.reference });
  const stored = (await repos.bankAccounts.find(enterpriseId))!;
  return { bankName: stored.bank_name, accountNumber: stored.account_number };
}
