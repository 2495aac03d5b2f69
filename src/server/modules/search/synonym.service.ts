import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { Store } from "../../db/store";
import { DomainError } from "../../domain-error";

/** The administrator-editable synonym dictionary (everyday word → official terms). Raises: FORBIDDEN, SYNONYM_NOT_FOUND. */
export class SynonymService {
  constructor(private readonly store: Store) {}

  async list() {
    const rows = await this.store.repos.catalogue.listSynonyms();
    return rows.map((r) => ({ term: r.term, expansions: r.expansions, updatedAt: r.updated_at.toISOString() }));
  }

  async put(actor: Actor, term: string, expansions: string[], ctx: RequestContext) {
    if (!hasRole(actor, "catalog_admin") || actor.regionCode !== "310000") throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      await repos.catalogue.upsertSynonym(term, [...new Set(expansions)]);
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: "search.synonym_put", targetType: "search_synonym", targetId: term, details: { expansions } });
    });
  }

  async remove(actor: Actor, term: string, ctx: RequestContext) {
    if (!hasRole(actor, "catalog_admin") || actor.regionCode !== "310000") throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      if (!(await repos.catalogue.deleteSynonym(term))) throw new DomainError("SYNONYM_NOT_FOUND");
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: "search.synonym_delete", targetType: "search_synonym", targetId: term });
    });
  }
}
