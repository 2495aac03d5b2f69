import { appealCategory, categoryLineage, categoryPath } from "../../../shared/appeals";
import { hasRole, type Actor, type RequestContext } from "../../actor";
import { canEditDispatch } from "./appeal.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { TicketRepository } from "./ticket.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; orgs: OrgRepository; tickets: TicketRepository };

/** Orgs a ticket can be dispatched to. */
const TARGET_KINDS = ["department", "district", "street", "community"];
const STREET_KINDS = ["street", "community"];

/** Of the rules, the one for the most specific category, then the longest place prefix, that covers the place. */
export function bestRule<R extends { category_code: string; division_prefix: string }>(rules: R[], categoryCode: string, divisionCode: string): R | undefined {
  const lineage = categoryLineage(categoryCode);
  return rules
    .filter((r) => lineage.includes(r.category_code) && divisionCode.startsWith(r.division_prefix))
    .sort((a, b) => lineage.indexOf(a.category_code) - lineage.indexOf(b.category_code) || b.division_prefix.length - a.division_prefix.length)[0];
}

/**
 * 派单目录: maps a category and a place (division-code prefix) to the responsible org. The most
 * specific category wins, then the longest place prefix. A functional department's matter is never
 * pushed down to a street.
 */
export class DispatchService {
  constructor(private readonly store: Store<Repos>) {}

  /**
   * Where an address is: the address registry's entry the address starts with (authoritative), made
   * more precise by a street named in the address when that street lies inside it; else a street or
   * district named in the address.
   */
  async locate(address: string): Promise<{ divisionCode: string | null; source: "address_registry" | "org_name" | null; placeName: string | null }> {
    const repos = this.store.repos;
    const registered = await repos.tickets.locateInRegistry(address);
    const named = await repos.tickets.locateByName(address);
    const refines = (code: string) => named !== undefined && named.division_code!.startsWith(code) && named.division_code!.length > code.length;
    const code = registered ? (refines(registered.division_code) ? named!.division_code! : registered.division_code) : (named?.division_code ?? null);
    if (!code) return { divisionCode: null, source: null, placeName: null };
    return { divisionCode: code, source: registered ? "address_registry" : "org_name", placeName: (await repos.tickets.placeName(code)) ?? null };
  }

  /** The org the catalogue names for a category in a place, or null (the desk dispatches by hand). */
  async route(unit: UnitOfWork, categoryCode: string, divisionCode: string) {
    const repos = this.store.within(unit);
    const best = bestRule(await repos.tickets.matchingRules(categoryLineage(categoryCode), divisionCode), categoryCode, divisionCode);
    return best ? { orgId: best.org_id, orgName: best.org_name, categoryCode: best.category_code, divisionPrefix: best.division_prefix } : null;
  }

  /** Checks an org may take a ticket of the category: an org that handles tickets; no street for a functional matter. */
  async assertTarget(unit: UnitOfWork, categoryCode: string, orgId: string) {
    const repos = this.store.within(unit);
    const org = await repos.orgs.findById(orgId);
    if (!org || !TARGET_KINDS.includes(org.kind)) throw new DomainError("TICKET_ORG_INVALID");
    if (appealCategory(categoryCode)?.functional && STREET_KINDS.includes(org.kind)) throw new DomainError("DISPATCH_TO_STREET_FORBIDDEN");
    return org;
  }

  private assertMaintainer(actor: Actor) {
    if (!canEditDispatch(actor)) throw new DomainError("FORBIDDEN");
  }

  async list(actor: Actor) {
    if (!(hasRole(actor, "hotline_agent", "supervisor", "sys_admin"))) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.tickets.listRules();
    return rows.map((r) => ({ id: r.id, categoryCode: r.category_code, categoryName: categoryPath(r.category_code), divisionPrefix: r.division_prefix, orgId: r.org_id, orgName: r.org_name, orgKind: r.org_kind, updatedBy: r.updated_by }));
  }

  /** The 12345 centre (or a city administrator or supervisor) sets the org for a category and place. */
  async save(actor: Actor, input: { categoryCode: string; divisionPrefix: string; orgId: string }, ctx: RequestContext) {
    this.assertMaintainer(actor);
    if (!appealCategory(input.categoryCode)) throw new DomainError("CATEGORY_UNKNOWN");
    await this.store.transact(async (repos) => {
      const org = await this.assertTarget(repos, input.categoryCode, input.orgId);
      const row = await repos.tickets.upsertRule({ category_code: input.categoryCode, division_prefix: input.divisionPrefix, org_id: org.id, updated_by: actor.name });
      await repos.audit.append(actor, ctx, { action: "dispatch_rule.save", targetType: "dispatch_rule", targetId: row.id, details: { category: input.categoryCode, place: input.divisionPrefix, org: org.name } });
    });
    return this.list(actor);
  }

  async remove(actor: Actor, id: string, ctx: RequestContext) {
    this.assertMaintainer(actor);
    await this.store.transact(async (repos) => {
      const row = await repos.tickets.deleteRule(id);
      if (!row) throw new DomainError("DISPATCH_RULE_NOT_FOUND");
      await repos.audit.append(actor, ctx, { action: "dispatch_rule.delete", targetType: "dispatch_rule", targetId: id, details: { category: row.category_code, place: row.division_prefix } });
    });
  }
}
