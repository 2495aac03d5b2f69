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

  /** Valid, unexpired certificates of a type held by a person or an enterprise (evidence for a material). */
  findValidHeld(type: string, holder: { personId: string | null; enterpriseId: string | null }, today: string) {
    return this.db
      .selectFrom("certificates")
      .select(["id", "identifier", "number", "holder_person_id", "holder_enterprise_id"])
      .where("type_code", "=", type)
      .where("status", "=", "valid")
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">=", today)]))
      .where((eb) => eb.or([...(holder.personId ? [eb("holder_person_id", "=", holder.personId)] : []), ...(holder.enterpriseId ? [eb("holder_enterprise_id", "=", holder.enterpriseId)] : []), eb.val(false)]))
      .orderBy("issued_at", "desc")
      .executeTakeFirst();
  }

  async insertEvidence(row: { application_id: string; material_key: string; certificate_id: string }) {
    await this.db.insertInto("application_evidence").values(row).execute();
  }

  listEvidence(applicationId: string) {
    return this.db
      .selectFrom("application_evidence as e")
      .innerJoin("certificates as c", "c.id", "e.certificate_id")
      .innerJoin("orgs as o", "o.id", "c.issuer_org_id")
      .select(["e.material_key", "c.identifier", "c.number", "c.type_code", "o.name as issuer_name"])
      .where("e.application_id", "=", applicationId)
      .orderBy("e.id")
      .execute();
  }
}
