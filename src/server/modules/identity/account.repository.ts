import type { Kysely } from "kysely";
import type { Account, AccountUpdate, DB, NewAccount } from "../../db/schema";

export class AccountRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findById(id: string): Promise<Account | undefined> {
    return this.db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** For login: by staff username, mobile blind index or ID-number blind index. */
  findByLogin(by: "username" | "mobile_hash" | "id_number_hash", value: string): Promise<Account | undefined> {
    return this.db.selectFrom("accounts").selectAll().where(by, "=", value).executeTakeFirst();
  }

  findByPersonId(personId: string): Promise<Account | undefined> {
    return this.db.selectFrom("accounts").selectAll().where("person_id", "=", personId).executeTakeFirst();
  }

  /** Locks the row for the rest of the transaction (login counters, concurrent edits). */
  findByIdForUpdate(id: string): Promise<Account | undefined> {
    return this.db.selectFrom("accounts").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  insert(account: NewAccount): Promise<Account> {
    return this.db.insertInto("accounts").values(account).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, changes: AccountUpdate): Promise<void> {
    await this.db.updateTable("accounts").set({ ...changes, updated_at: new Date() }).where("id", "=", id).execute();
  }

  /** Updates only if the version is still `version`; returns whether it did (optimistic concurrency). */
  async updateIfVersion(id: string, version: number, changes: AccountUpdate): Promise<boolean> {
    const result = await this.db
      .updateTable("accounts")
      .set({ ...changes, version: version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Staff whose org lies in the subtree at `orgPath`, optionally filtered by name or username. */
  listStaffInSubtree(orgPath: string, q: string | undefined, limit: number, offset: number) {
    let query = this.db
      .selectFrom("accounts as a")
      .innerJoin("orgs as o", "o.id", "a.org_id")
      .selectAll("a")
      .select(["o.code as org_code", "o.name as org_name", "o.name_en as org_name_en", "o.kind as org_kind", "o.region_code as org_region_code", "o.path as org_path"])
      .where("a.kind", "=", "staff")
      .where("o.path", "like", `${orgPath}%`);
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.where((eb) => eb.or([eb("a.name", "like", pattern), eb("a.username", "like", pattern)]));
    }
    return query.orderBy("o.path").orderBy("a.username").limit(limit).offset(offset).execute();
  }

  async countStaffInSubtree(orgPath: string): Promise<number> {
    const row = await this.db
      .selectFrom("accounts as a")
      .innerJoin("orgs as o", "o.id", "a.org_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("a.kind", "=", "staff")
      .where("o.path", "like", `${orgPath}%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
