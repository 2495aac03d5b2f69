import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Calendar years configured by administrators. */
export class CalendarRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list() {
    return this.db.selectFrom("calendar_years").selectAll().orderBy("year").execute();
  }

  /** Creates the year (lockVersion null) or updates it if still at lockVersion; false on a concurrent change. */
  async save(year: number, holidays: string, workdays: string, lockVersion: number | null, by: string): Promise<boolean> {
    if (lockVersion === null) {
      const r = await this.db.insertInto("calendar_years").values({ year, holidays, workdays, updated_by: by }).onConflict((oc) => oc.column("year").doNothing()).returning("year").execute();
      return r.length === 1;
    }
    const r = await this.db
      .updateTable("calendar_years")
      .set({ holidays, workdays, updated_by: by, lock_version: sql`lock_version + 1`, updated_at: new Date() })
      .where("year", "=", year)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
