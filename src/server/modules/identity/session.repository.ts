import type { Kysely } from "kysely";
import type { DB, Session } from "../../db/schema";

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(session: Omit<Session, "created_at" | "last_seen_at">): Promise<void> {
    await this.db.insertInto("sessions").values(session).execute();
  }

  findById(id: string): Promise<Session | undefined> {
    return this.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
  }

  async setActingFor(id: string, enterpriseId: string | null): Promise<void> {
    await this.db.updateTable("sessions").set({ acting_for_enterprise_id: enterpriseId }).where("id", "=", id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", id).execute();
  }

  async deleteForAccount(accountId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("account_id", "=", accountId).execute();
  }

  /** Removes sessions past their expiry or idle too long; returns how many. */
  async deleteExpired(now: Date, idleSince: Date): Promise<number> {
    const result = await this.db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleSince)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
