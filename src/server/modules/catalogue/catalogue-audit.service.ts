import { hasRole, type Actor } from "../../actor";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { Store, UnitOfWork } from "../../db/store";
import type { CatalogueRepository } from "./catalogue.repository";
import { DomainError } from "../../domain-error";
import { type AuditedItem, completeness, consistency, orgScores } from "./catalogue-audit";
import { servesCity } from "../../access/scope";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { catalogue: CatalogueRepository };

/**
 * The catalogue quality audit for administrators and supervisors: completeness per guide,
 * consistency across levels, scores per implementing organisation. Scoped to the actor's subtree.
 * Raises: FORBIDDEN.
 */
export class CatalogueAuditService {
  constructor(private readonly store: Store<Repos>) {}

  async run(actor: Actor | null) {
    if (actor && !hasRole(actor, "catalog_admin", "supervisor", "sys_admin")) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.catalogue.listAllPublishedWithOrgPath();
    const all: AuditedItem[] = rows.map((r) => ({
      id: r.id,
      implCode: r.impl_code,
      basicCode: r.basic_code,
      level: r.level,
      orgId: r.org_id,
      orgName: r.org_name,
      orgPath: r.org_path,
      consistencyNote: r.consistency_note,
      content: r.content as ItemContent,
    }));
    // Consistency compares against the whole catalogue; results are shown for the actor's region:
    // staff of a city-level org see the whole city, district staff their district.
    const findings = consistency(all);
    const region = actor && !servesCity(actor) ? actor.regionCode : null;
    const mine = all.filter((i) => !region || i.orgPath.startsWith(`310000/${region}/`));
    const ids = new Set(mine.map((i) => i.id));
    const results = mine.map(completeness);
    const myFindings = findings.filter((f) => ids.has(f.itemId));
    return {
      items: mine.length,
      averageScore: mine.length ? Math.round(results.reduce((a, r) => a + r.score, 0) / mine.length) : 100,
      completeness: results.filter((r) => r.score < 100).sort((a, b) => a.score - b.score),
      inconsistencies: myFindings,
      orgs: orgScores(mine, results, myFindings),
    };
  }
}
