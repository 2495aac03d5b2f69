import type { Insertable } from "kysely";
import type { DB } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { PolicyRepository } from "./policy.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { policies: PolicyRepository };

/** The public policy library. Raises: POLICY_NOT_FOUND. */
export class PolicyService {
  constructor(private readonly store: Store<Repos>) {}

  /** Adds a document to the library in the caller's transaction (政策找人 publishes with its eligibility rule). */
  async add(unit: UnitOfWork, row: Insertable<DB["policies"]>): Promise<{ id: string }> {
    return this.store.within(unit).policies.insert(row);
  }

  /** Records how matching the document's rule against the registries ended. */
  async recordMatch(id: string, outcome: { match_status: "done" | "failed"; match_count?: number; matched_at?: Date }): Promise<void> {
    await this.store.repos.policies.setMatch(id, outcome);
  }

  /** Documents newest first, optionally by status or tag. */
  async list(filters: { status?: string; tag?: string }) {
    const rows = await this.store.stale.policies.listAll();
    return rows
      .filter((p) => (!filters.status || p.status === filters.status) && (!filters.tag || p.tags.includes(filters.tag)))
      .map((p) => ({ id: p.id, docNumber: p.doc_number, title: p.title, issuer: p.issuer, issuedOn: p.issued_on, status: p.status, tags: p.tags }));
  }

  async get(id: string) {
    const repos = this.store.stale;
    const p = await repos.policies.findById(id);
    if (!p) throw new DomainError("POLICY_NOT_FOUND");
    const [related, items] = await Promise.all([repos.policies.related(id), repos.policies.governedItems(id)]);
    const replacedBy = p.replaced_by_id ? (related.find((r) => r.id === p.replaced_by_id) ?? null) : null;
    return {
      id: p.id,
      docNumber: p.doc_number,
      title: p.title,
      issuer: p.issuer,
      issuedOn: p.issued_on,
      effectiveOn: p.effective_on,
      status: p.status,
      fullText: p.full_text,
      interpretation: p.interpretation,
      tags: p.tags,
      replacedBy: replacedBy ? { id: replacedBy.id, docNumber: replacedBy.doc_number, title: replacedBy.title } : null,
      replaces: related.filter((r) => r.replaced_by_id === id).map((r) => ({ id: r.id, docNumber: r.doc_number, title: r.title })),
      items: items.filter((i) => i.item_id).map((i) => ({ basicCode: i.basic_code, name: i.name, itemId: i.item_id! })),
    };
  }
}
