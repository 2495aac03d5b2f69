import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema";

/** The e-certificate library. */
export class CertificateRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Insertable<DB["certificates"]>) {
    return this.db.insertInto("certificates").values(row).returningAll().executeTakeFirstOrThrow();
  }

  private withIssuer() {
    return this.db.selectFrom("certificates as c").innerJoin("orgs as o", "o.id", "c.issuer_org_id").selectAll("c").select(["o.name as issuer_name", "o.path as issuer_path"]);
  }

  findByIdentifier(identifier: string) {
    return this.withIssuer().where("c.identifier", "=", identifier).executeTakeFirst();
  }

  findById(id: string) {
    return this.withIssuer().where("c.id", "=", id).executeTakeFirst();
  }

  findForUpdate(id: string) {
    return this.db.selectFrom("certificates").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  async setStatus(id: string, status: "valid" | "suspended" | "revoked", reason: string) {
    await this.db.updateTable("certificates").set({ status, status_reason: reason }).where("id", "=", id).execute();
  }

  /** A holder's certificates: their own, and their enterprise's when acting for it. */
  listForHolder(personId: string | null, enterpriseId: string | null) {
    return this.withIssuer()
      .where((eb) => (enterpriseId ? eb("c.holder_enterprise_id", "=", enterpriseId) : personId ? eb("c.holder_person_id", "=", personId) : eb.val(false)))
      .orderBy("c.issued_at", "desc")
      .limit(200)
      .execute();
  }

  listForApplication(applicationId: string) {
    return this.withIssuer().where("c.application_id", "=", applicationId).execute();
  }

  /** Valid, unexpired certificates held by some people or an enterprise (evidence and prefill), newest first. */
  listValidHeld(holders: { personIds: string[]; enterpriseId: string | null }, today: string, types?: string[]) {
    let q = this.db
      .selectFrom("certificates as c")
      .innerJoin("orgs as o", "o.id", "c.issuer_org_id")
      .select(["c.id", "c.identifier", "c.number", "c.type_code", "c.holder_person_id", "c.holder_enterprise_id", "c.payload", "c.issued_at", "o.name as issuer_name", "o.code as issuer_code"])
      .where("c.status", "=", "valid")
      .where((eb) => eb.or([eb("c.valid_to", "is", null), eb("c.valid_to", ">=", today)]))
      .where((eb) => eb.or([...(holders.personIds.length ? [eb("c.holder_person_id", "in", holders.personIds)] : []), ...(holders.enterpriseId ? [eb("c.holder_enterprise_id", "=", holders.enterpriseId)] : []), eb.val(false)]));
    if (types) q = q.where("c.type_code", "in", types.length ? types : ["-"]);
    return q.orderBy("c.issued_at", "desc").limit(200).execute();
  }

  insertShare(row: Insertable<DB["certificate_shares"]>) {
    return this.db.insertInto("certificate_shares").values(row).returning(["id", "expires_at"]).executeTakeFirstOrThrow();
  }

  findShareByHash(tokenHash: string) {
    return this.db.selectFrom("certificate_shares").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
  }

  findShareForUpdate(id: string) {
    return this.db.selectFrom("certificate_shares").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  listShares(certificateId: string) {
    return this.db.selectFrom("certificate_shares").selectAll().where("certificate_id", "=", certificateId).orderBy("created_at", "desc").limit(50).execute();
  }

  async revokeShare(id: string, at: Date) {
    await this.db.updateTable("certificate_shares").set({ revoked_at: at }).where("id", "=", id).execute();
  }

  async recordShareUse(shareId: string, use: { used_at: Date; ip: string | null; user_agent: string | null }) {
    await this.db.insertInto("certificate_share_uses").values({ share_id: shareId, ...use }).execute();
    await this.db.updateTable("certificate_shares").set((eb) => ({ use_count: eb("use_count", "+", 1) })).where("id", "=", shareId).execute();
  }

  /** Valid certificates expiring on or before `until` whose holder has not been reminded. */
  listExpiringUnreminded(until: string, today: string, limit: number) {
    return this.db
      .selectFrom("certificates")
      .select(["id"])
      .where("status", "=", "valid")
      .where("valid_to", "is not", null)
      .where("expiry_reminded_at", "is", null)
      .where("valid_to", "<=", until)
      .where("valid_to", ">=", today)
      .orderBy("valid_to")
      .limit(limit)
      .execute();
  }

  async markReminded(id: string, at: Date) {
    await this.db.updateTable("certificates").set({ expiry_reminded_at: at }).where("id", "=", id).execute();
  }
}
