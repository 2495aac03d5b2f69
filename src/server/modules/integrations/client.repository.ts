import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** Department systems (api_clients), their hashed secrets and tokens, the items they handle and the applications forwarded to them. */
export class ClientRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private base() {
    return this.db.selectFrom("api_clients as c").innerJoin("orgs as o", "o.id", "c.org_id").selectAll("c").select(["o.name as org_name", "o.path as org_path"]);
  }

  /** Clients of organisations in the subtree at `orgPath`, newest first. */
  listInSubtree(orgPath: string) {
    return this.base().where("o.path", "like", `${orgPath}%`).orderBy("c.created_at", "desc").execute();
  }

  find(id: string) {
    return this.base().where("c.id", "=", id).executeTakeFirst();
  }

  findForUpdate(id: string) {
    return this.db.selectFrom("api_clients").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  insert(row: { client_id: string; account_id: string; org_id: string; name: string; scopes: string[]; rate_limit_per_minute: number; ack_minutes: number; created_by: string; region_code: string }) {
    return this.db.insertInto("api_clients").values({ ...row, status: "active" }).returning(["id"]).executeTakeFirstOrThrow();
  }

  async revoke(id: string, at: Date) {
    await this.db.updateTable("api_clients").set({ status: "revoked", revoked_at: at, lock_version: sql`lock_version + 1` }).where("id", "=", id).execute();
  }

  async bumpVersion(id: string) {
    await this.db.updateTable("api_clients").set({ lock_version: sql`lock_version + 1` }).where("id", "=", id).execute();
  }

  secretsOf(clientId: string) {
    return this.db.selectFrom("api_client_secrets").selectAll().where("client_id", "=", clientId).orderBy("created_at", "desc").execute();
  }

  insertSecret(row: { client_id: string; secret_hash: string; hint: string }) {
    return this.db.insertInto("api_client_secrets").values(row).returning(["id"]).executeTakeFirstOrThrow();
  }

  /** The secrets still working end at `at` at the latest (a rotation's overlap). */
  async expireLiveSecrets(clientId: string, at: Date, exceptId: string) {
    await this.db
      .updateTable("api_client_secrets")
      .set({ expires_at: at })
      .where("client_id", "=", clientId)
      .where("id", "<>", exceptId)
      .where("revoked_at", "is", null)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", at)]))
      .execute();
  }

  async revokeSecret(clientId: string, secretId: string, at: Date): Promise<boolean> {
    const r = await this.db.updateTable("api_client_secrets").set({ revoked_at: at }).where("client_id", "=", clientId).where("id", "=", secretId).where("revoked_at", "is", null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** The active client a secret belongs to, if the secret works now. */
  findBySecret(clientId: string, secretHash: string, now: Date) {
    return this.db
      .selectFrom("api_client_secrets as s")
      .innerJoin("api_clients as c", "c.id", "s.client_id")
      .select(["c.id", "c.client_id", "c.scopes", "c.org_id", "c.region_code", "c.name", "c.account_id", "s.id as secret_id"])
      .where("c.client_id", "=", clientId)
      .where("c.status", "=", "active")
      .where("s.secret_hash", "=", secretHash)
      .where("s.revoked_at", "is", null)
      .where((eb) => eb.or([eb("s.expires_at", "is", null), eb("s.expires_at", ">", now)]))
      .executeTakeFirst();
  }

  async insertToken(row: { token_hash: string; client_id: string; secret_id: string; scopes: string[]; expires_at: Date }) {
    await this.db.insertInto("api_client_tokens").values(row).execute();
  }

  /** A token that works now: unexpired, its client active and its secret neither revoked nor past its overlap. */
  findLiveToken(tokenHash: string, now: Date) {
    return this.db
      .selectFrom("api_client_tokens as t")
      .innerJoin("api_clients as c", "c.id", "t.client_id")
      .innerJoin("api_client_secrets as s", "s.id", "t.secret_id")
      .select(["c.id", "c.client_id", "c.account_id", "c.rate_limit_per_minute", "t.scopes"])
      .where("t.token_hash", "=", tokenHash)
      .where("t.expires_at", ">", now)
      .where("c.status", "=", "active")
      .where("s.revoked_at", "is", null)
      .executeTakeFirst();
  }

  async deleteTokens(clientId: string, secretId?: string) {
    let q = this.db.deleteFrom("api_client_tokens").where("client_id", "=", clientId);
    if (secretId) q = q.where("secret_id", "=", secretId);
    await q.execute();
  }

  async deleteExpiredTokens(before: Date) {
    await this.db.deleteFrom("api_client_tokens").where("expires_at", "<", before).execute();
  }

  itemsOf(clientId: string) {
    return this.db
      .selectFrom("external_items as e")
      .innerJoin("catalogue_items as i", "i.id", "e.item_id")
      .leftJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["i.id", sql<string>`coalesce(v.content->>'name', i.impl_code)`.as("name")])
      .where("e.client_id", "=", clientId)
      .orderBy("i.impl_code")
      .execute();
  }

  /** Implementation items among `ids` with their organisation's path. */
  itemsWithOrgPath(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("catalogue_items as i").innerJoin("orgs as o", "o.id", "i.org_id").select(["i.id", "o.path"]).where("i.id", "in", ids).execute();
  }

  async setItems(clientId: string, itemIds: string[], by: string) {
    await this.db.deleteFrom("external_items").where("client_id", "=", clientId).execute();
    if (itemIds.length) await this.db.insertInto("external_items").values(itemIds.map((item_id) => ({ item_id, client_id: clientId, set_by: by }))).onConflict((oc) => oc.column("item_id").doUpdateSet({ client_id: clientId, set_by: by, set_at: new Date() })).execute();
  }

  /** The active client handling an item in its own system, if any. */
  handlerOf(itemId: string) {
    return this.db
      .selectFrom("external_items as e")
      .innerJoin("api_clients as c", "c.id", "e.client_id")
      .select(["c.id", "c.ack_minutes", "c.org_id"])
      .where("e.item_id", "=", itemId)
      .where("c.status", "=", "active")
      .executeTakeFirst();
  }

  async forward(row: { application_id: string; client_id: string; org_id: string; forwarded_at: Date; ack_due_at: Date; region_code: string }) {
    await this.db.insertInto("external_forwards").values(row).onConflict((oc) => oc.column("application_id").doNothing()).execute();
  }

  /** Marks a forwarded application as received by its system (the first time only); the time it was. */
  async acknowledge(applicationId: string, clientId: string, at: Date): Promise<Date | null> {
    await this.db.updateTable("external_forwards").set({ acknowledged_at: at }).where("application_id", "=", applicationId).where("client_id", "=", clientId).where("acknowledged_at", "is", null).execute();
    const row = await this.db.selectFrom("external_forwards").select("acknowledged_at").where("application_id", "=", applicationId).where("client_id", "=", clientId).executeTakeFirst();
    return row?.acknowledged_at ?? null;
  }

  /** Forwarded applications past their acknowledgement time with no alert yet, locked for this sweep. */
  claimStalled(now: Date, limit: number) {
    return this.db
      .selectFrom("external_forwards as f")
      .innerJoin("api_clients as c", "c.id", "f.client_id")
      .innerJoin("applications as a", "a.id", "f.application_id")
      .select(["f.application_id", "f.org_id", "f.forwarded_at", "f.region_code", "c.name as client_name", "a.number", "a.state"])
      .where("f.acknowledged_at", "is", null)
      .where("f.alerted_at", "is", null)
      .where("f.ack_due_at", "<=", now)
      .orderBy("f.ack_due_at")
      .limit(limit)
      .forUpdate("f")
      .skipLocked()
      .execute();
  }

  async markAlerted(applicationId: string, at: Date) {
    await this.db.updateTable("external_forwards").set({ alerted_at: at }).where("application_id", "=", applicationId).execute();
  }
}
