import type { Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** Supervisors' settings, one JSON value per key, versioned. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(key: string) {
    return this.db.selectFrom("supervision_settings").selectAll().where("key", "=", key).executeTakeFirst();
  }

  /** Writes the value if the version read is still current (0: not stored yet); false when someone else changed it. */
  async saveIfVersion(key: string, value: unknown, lockVersion: number, updatedBy: string): Promise<boolean> {
    if (lockVersion === 0) {
      const inserted = await this.db
        .insertInto("supervision_settings")
        .values({ key, value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column("key").doNothing())
        .returning("key")
        .executeTakeFirst();
      return inserted !== undefined;
    }
    const res = await this.db
      .updateTable("supervision_settings")
      .set((eb) => ({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: new Date(), lock_version: eb("lock_version", "+", 1) }))
      .where("key", "=", key)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }
}
