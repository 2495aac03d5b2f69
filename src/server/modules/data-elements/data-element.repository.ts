import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** The data-element dictionary (数据元). */
export class DataElementRepository {
  constructor(private readonly db: Kysely<DB>) {}

  list() {
    return this.db.selectFrom("data_elements").selectAll().orderBy("code").execute();
  }

  find(code: string) {
    return this.db.selectFrom("data_elements").selectAll().where("code", "=", code).executeTakeFirst();
  }

  /** Which of `codes` are not in the dictionary. */
  async unknown(codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const known = await this.db.selectFrom("data_elements").select("code").where("code", "in", codes).execute();
    const set = new Set(known.map((k) => k.code));
    return [...new Set(codes)].filter((c) => !set.has(c));
  }

  async insert(row: Insertable<DB["data_elements"]>) {
    await this.db.insertInto("data_elements").values(row).execute();
  }

  /** Adds the rows whose code is not in the dictionary yet; existing elements stay as administrators left them. */
  async insertMissing(rows: Array<Insertable<DB["data_elements"]>>) {
    if (rows.length) await this.db.insertInto("data_elements").values(rows).onConflict((oc) => oc.column("code").doNothing()).execute();
  }

  /** Updates when the version read is current; false when someone else changed it first. */
  async updateIfVersion(code: string, lockVersion: number, row: Omit<Insertable<DB["data_elements"]>, "code" | "lock_version">): Promise<boolean> {
    const r = await this.db
      .updateTable("data_elements")
      .set({ ...row, lock_version: lockVersion + 1 })
      .where("code", "=", code)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }
}
