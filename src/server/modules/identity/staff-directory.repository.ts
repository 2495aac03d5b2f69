import { type Kysely, sql } from "kysely";
import { HANDLER_ROLES } from "../../../shared/roles";
import type { DB } from "../../db/schema";

/** Who is on duty for what: the staff to tell about an overdue case, a new ticket, a complaint (read-only over accounts). */
export class StaffDirectoryRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Supervisors for a region (its own, else the city's): who overdue alerts go to. */
  async supervisorsFor(regionCode: string) {
    const rows = await this.db
      .selectFrom("accounts")
      .select(["id", "name", "region_code"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where(sql<boolean>`'supervisor' = any(roles)`)
      .where("region_code", "in", [regionCode, "310000"])
      .execute();
    const own = rows.filter((r) => r.region_code === regionCode);
    return own.length ? own : rows;
  }

  /** Staff of an org who may act on applications (for due-soon reminders when nobody has claimed one). */
  handlersOf(orgId: string, roles: string[] = ["reviewer", "approver", "window_clerk"]) {
    return this.db
      .selectFrom("accounts")
      .select(["id", "name"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where("org_id", "=", orgId)
      .where(sql<boolean>`roles && ${roles}::text[]`)
      .execute();
  }

  /** Staff of an org who handle its 差评 cases and tickets. */
  appealHandlersOf(orgId: string) {
    return this.handlersOf(orgId, HANDLER_ROLES);
  }

  /** 效能监督 staff whose scope holds the org: those above it in the tree, and the city's. */
  supervisorsOver(orgId: string) {
    return this.db
      .selectFrom("accounts as a")
      .innerJoin("orgs as so", "so.id", "a.org_id")
      .innerJoin("orgs as o", (j) => j.on("o.id", "=", orgId))
      .select(["a.id", "a.name"])
      .where("a.kind", "=", "staff")
      .where("a.disabled", "=", false)
      .where(sql<boolean>`'supervisor' = any(a.roles)`)
      // Supervisors oversee the government level their org belongs to (access/scope.ts): the org must lie in it.
      .where(
        sql<boolean>`o.path like (select g.path from orgs g where g.kind in ('city', 'district', 'street', 'community') and so.path like g.path || '%' order by length(g.path) desc limit 1) || '%'`,
      )
      .execute();
  }

  /** 12345 desk agents. */
  hotlineAgents() {
    return this.db
      .selectFrom("accounts")
      .select(["id", "name"])
      .where("kind", "=", "staff")
      .where("disabled", "=", false)
      .where(sql<boolean>`'hotline_agent' = any(roles)`)
      .execute();
  }
}
