import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** Seal keys of issuing organisations. */
export class SealRepository {
  constructor(private readonly db: Kysely<DB>) {}

  findActive(orgId: string) {
    return this.db.selectFrom("seal_keys").selectAll().where("org_id", "=", orgId).where("status", "=", "active").executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom("seal_keys").selectAll().where("id", "=", id).executeTakeFirst();
  }

  /** Adds an active key unless the organisation already has one (then a concurrent creator won); returns the active key. */
  async insertActive(row: { org_id: string; algorithm: string; public_key: string; private_key_enc: string }) {
    await this.db
      .insertInto("seal_keys")
      .values({ ...row, status: "active" })
      // The partial index's predicate is a literal, so that PostgreSQL can infer the index for a prepared statement too.
      .onConflict((oc) => oc.column("org_id").where(sql<boolean>`status = 'active'`).doNothing())
      .execute();
    return (await this.findActive(row.org_id))!;
  }

  async retire(id: string, at: Date) {
    await this.db.updateTable("seal_keys").set({ status: "retired", retired_at: at }).where("id", "=", id).execute();
  }

  listForOrg(orgId: string) {
    return this.db.selectFrom("seal_keys").select(["id", "algorithm", "public_key", "status", "created_at", "retired_at"]).where("org_id", "=", orgId).orderBy("created_at", "desc").execute();
  }
}
