import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";
import type { HoldingLimit } from "../../../shared/catalogue";

/** Which subjects hold which limited items (see migration 0032): one row per application. */
export class HoldingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The active holding of an item by a key, with the application it came from. */
  findActive(basicCode: string, holdingKey: string) {
    return this.db
      .selectFrom("item_holdings as h")
      .innerJoin("applications as a", "a.id", "h.application_id")
      .select(["h.application_id", "a.number", "a.submitted_at", "a.outcome", "h.limit_kind"])
      .where("h.basic_code", "=", basicCode)
      .where("h.holding_key", "=", holdingKey)
      .where("h.active", "=", true)
      .executeTakeFirst();
  }

  /** Which of `keys` hold the item now. */
  async activeKeys(basicCode: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.selectFrom("item_holdings").select("holding_key").where("basic_code", "=", basicCode).where("holding_key", "in", keys).where("active", "=", true).execute();
    return new Set(rows.map((r) => r.holding_key));
  }

  async insert(row: { application_id: string; basic_code: string; holding_key: string; limit_kind: HoldingLimit }) {
    await this.db.insertInto("item_holdings").values(row).execute();
  }

  find(applicationId: string) {
    return this.db.selectFrom("item_holdings").selectAll().where("application_id", "=", applicationId).executeTakeFirst();
  }

  async release(applicationId: string, at: Date) {
    await this.db.updateTable("item_holdings").set({ active: false, released_at: at }).where("application_id", "=", applicationId).where("active", "=", true).execute();
  }
}
