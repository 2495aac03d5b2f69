import { CERTIFICATE_TYPES } from "../../../shared/catalogue";
import type { Lang } from "../../../shared/errors";
import type { SharingRuleInput, SharingRuleView } from "../../../shared/schemas/data";
import type { Actor, RequestContext } from "../../actor";
import { dataSubtree } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { DataElementRepository } from "../data-elements";
import type { OrgRepository } from "../orgs";
import type { SharingRepository } from "./sharing.repository";
import { DomainError } from "../../domain-error";
import type { DataElementService } from "../data-elements";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; catalogue: CatalogueRepository; dataElements: DataElementRepository; orgs: OrgRepository; sharing: SharingRepository };

type RuleRow = Awaited<ReturnType<SharingRepository["listRules"]>>[number];

/**
 * 共享目录: the sharing rules that say which organisation, for which item, may read which data
 * elements (and certificate types, `cert:<type>`) of whom. Data administrators keep the rules of the
 * organisations in their subtree; every change is audited. Raises: FORBIDDEN, VALIDATION_FAILED,
 * DATA_ELEMENT_UNKNOWN, BASIC_CODE_UNKNOWN, ORG_NOT_FOUND, SHARING_RULE_EXISTS, SHARING_RULE_NOT_FOUND.
 */
export class SharingRuleService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly dataElements: DataElementService,
  ) {}

  async list(actor: Actor, filter: { itemCode: string | null; limit: number; offset: number }, lang: Lang): Promise<SharingRuleView[]> {
    const scope = this.authorise(actor);
    const rows = await this.store.repos.sharing.listRules({ ...filter, orgPath: scope });
    return Promise.all(rows.map((r) => this.view(r, lang)));
  }

  async create(actor: Actor, input: SharingRuleInput, ctx: RequestContext, lang: Lang): Promise<SharingRuleView> {
    const scope = this.authorise(actor);
    await this.checkElements(input.elements);
    const id = await this.store.transact(async (repos) => {
      const org = await repos.orgs.findById(input.orgId);
      if (!org) throw new DomainError("ORG_NOT_FOUND");
      if (!org.path.startsWith(scope)) throw new DomainError("FORBIDDEN");
      if (!(await repos.catalogue.findBaseItem(input.itemCode))) throw new DomainError("BASIC_CODE_UNKNOWN");
      if (await repos.sharing.findRuleFor(input.orgId, input.itemCode, input.subject)) throw new DomainError("SHARING_RULE_EXISTS");
      const { id } = await repos.sharing.insertRule({ org_id: org.id, item_code: input.itemCode, subject: input.subject, elements: JSON.stringify([...new Set(input.elements)]), note: input.note, region_code: org.region_code, created_by: actor.name });
      await repos.audit.append(actor, ctx, { action: "sharing_rule.create", targetType: "sharing_rule", targetId: id, orgId: org.id, regionCode: org.region_code, details: { itemCode: input.itemCode, subject: input.subject, elements: input.elements } });
      return id;
    });
    return this.get(id, lang);
  }

  /** Changes the elements, the note, or suspends / reactivates a rule. */
  async update(actor: Actor, id: string, input: { elements?: string[] | undefined; status?: "active" | "suspended" | undefined; note?: string | undefined }, ctx: RequestContext, lang: Lang): Promise<SharingRuleView> {
    const scope = this.authorise(actor);
    if (input.elements) await this.checkElements(input.elements);
    await this.store.transact(async (repos) => {
      const rule = await repos.sharing.findRule(id);
      if (!rule) throw new DomainError("SHARING_RULE_NOT_FOUND");
      const org = (await repos.orgs.findById(rule.org_id))!;
      if (!org.path.startsWith(scope)) throw new DomainError("SHARING_RULE_NOT_FOUND");
      await repos.sharing.updateRule(id, {
        ...(input.elements ? { elements: JSON.stringify([...new Set(input.elements)]) } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      });
      await repos.audit.append(actor, ctx, { action: "sharing_rule.update", targetType: "sharing_rule", targetId: id, orgId: org.id, regionCode: org.region_code, details: { before: { elements: rule.elements, status: rule.status }, after: input } });
    });
    return this.get(id, lang);
  }

  private async get(id: string, lang: Lang) {
    const [row] = await this.store.repos.sharing.listRules({ id, itemCode: null, orgPath: null, limit: 1, offset: 0 });
    return this.view(row!, lang);
  }

  private async view(r: RuleRow, lang: Lang): Promise<SharingRuleView> {
    const elements = r.elements as string[];
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      itemCode: r.item_code,
      itemName: r.item_name,
      subject: r.subject,
      elements: await Promise.all(elements.map(async (code) => ({ code, name: code.startsWith("cert:") ? (CERTIFICATE_TYPES[code.slice(5)] ?? code) : await this.dataElements.label(code, lang) }))),
      status: r.status,
      note: r.note,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    };
  }

  private async checkElements(elements: string[]) {
    const certs = elements.filter((e) => e.startsWith("cert:"));
    const badCerts = certs.filter((e) => !(e.slice(5) in CERTIFICATE_TYPES));
    const unknown = [...badCerts, ...(await this.store.repos.dataElements.unknown(elements.filter((e) => !e.startsWith("cert:"))))];
    if (unknown.length) throw new DomainError("DATA_ELEMENT_UNKNOWN", { unknown });
  }

  /** The subtree the administrator's rules may concern. */
  private authorise(actor: Actor): string {
    const scope = dataSubtree(actor);
    if (scope === null) throw new DomainError("FORBIDDEN");
    return scope;
  }
}
