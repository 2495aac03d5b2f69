import type { Kysely } from "kysely";
import type { DB, EnterpriseAgent } from "../../db/schema";

export class AgentRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insert(row: Omit<EnterpriseAgent, "id" | "granted_at" | "revoked_at">): Promise<EnterpriseAgent> {
    return this.db.insertInto("enterprise_agents").values(row).returningAll().executeTakeFirstOrThrow();
  }

  findById(id: string): Promise<EnterpriseAgent | undefined> {
    return this.db.selectFrom("enterprise_agents").selectAll().where("id", "=", id).executeTakeFirst();
  }

  listForEnterprise(enterpriseId: string) {
    return this.db
      .selectFrom("enterprise_agents as g")
      .innerJoin("persons as p", "p.id", "g.agent_person_id")
      .selectAll("g")
      .select(["p.name as agent_name", "p.id_number_enc as agent_id_number_enc"])
      .where("g.enterprise_id", "=", enterpriseId)
      .orderBy("g.granted_at", "desc")
      .execute();
  }

  /** Grants in force for a person on a given day (not revoked, not expired), with the enterprise. */
  listActiveForAgent(personId: string, today: string) {
    return this.db
      .selectFrom("enterprise_agents as g")
      .innerJoin("enterprises as e", "e.id", "g.enterprise_id")
      .select(["g.id", "g.enterprise_id", "g.scopes", "g.expires_on", "e.credit_code", "e.name"])
      .where("g.agent_person_id", "=", personId)
      .where("g.revoked_at", "is", null)
      .where("g.expires_on", ">=", today)
      .where("e.status", "=", "active")
      .orderBy("e.name")
      .execute();
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.db.updateTable("enterprise_agents").set({ revoked_at: at }).where("id", "=", id).execute();
  }
}
