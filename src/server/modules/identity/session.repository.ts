import type { Kysely } from "kysely";
import type { Account, DB, Session } from "../../db/schema";

export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Stores a new session; it starts as seen at `at` (the service's clock, not the database's). */
  async insert(session: Omit<Session, "created_at" | "last_seen_at">, at: Date): Promise<void> {
    await this.db.insertInto("sessions").values({ ...session, created_at: at, last_seen_at: at }).execute();
  }

  /** The session and its account in one round trip (every authenticated request needs both). */
  async findWithAccount(id: string): Promise<{ session: Session; account: Account } | undefined> {
    const row = await this.db
      .selectFrom("sessions as s")
      .innerJoin("accounts as a", "a.id", "s.account_id")
      .selectAll("a")
      .select([
        "s.id as s_id",
        "s.csrf_token as s_csrf_token",
        "s.acting_for_enterprise_id as s_acting_for_enterprise_id",
        "s.post_org_id as s_post_org_id",
        "s.region_code as s_region_code",
        "s.created_at as s_created_at",
        "s.expires_at as s_expires_at",
        "s.last_seen_at as s_last_seen_at",
        "s.ip as s_ip",
        "s.user_agent as s_user_agent",
      ])
      .where("s.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { s_id, s_csrf_token, s_acting_for_enterprise_id, s_post_org_id, s_region_code, s_created_at, s_expires_at, s_last_seen_at, s_ip, s_user_agent, ...account } = row;
    return {
      session: {
        id: s_id,
        account_id: account.id,
        csrf_token: s_csrf_token,
        acting_for_enterprise_id: s_acting_for_enterprise_id,
        post_org_id: s_post_org_id,
        region_code: s_region_code,
        created_at: s_created_at,
        expires_at: s_expires_at,
        last_seen_at: s_last_seen_at,
        ip: s_ip,
        user_agent: s_user_agent,
      },
      account,
    };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
  }

  async setActingFor(id: string, enterpriseId: string | null): Promise<void> {
    await this.db.updateTable("sessions").set({ acting_for_enterprise_id: enterpriseId }).where("id", "=", id).execute();
  }

  async setPost(id: string, orgId: string | null): Promise<void> {
    await this.db.updateTable("sessions").set({ post_org_id: orgId }).where("id", "=", id).execute();
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
