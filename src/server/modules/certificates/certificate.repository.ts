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
}
