import type { ItemContent } from "../../../shared/schemas/catalogue";
import { templateFor, validateWorkflow, workflowDefinition, type WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Actor, RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "./catalogue.repository";
import { DomainError } from "../../domain-error";
import { canActOnItem, canEditItem } from "./catalogue.policy";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; catalogue: CatalogueRepository };

/**
 * Per-item workflow definitions (办理流程): an item uses the 即办件 / 承诺件 template until a catalogue
 * administrator gives it its own; every definition is checked on save (reachable states, no dead
 * ends, a role for every action, reasons for refusals). Applications keep the definition they were
 * made under. Raises: ITEM_NOT_FOUND, FORBIDDEN, WORKFLOW_INVALID, WORKFLOW_CHANGED.
 */
export class ItemWorkflowService {
  constructor(private readonly store: Store<Repos>) {}

  async get(actor: Actor, itemId: string) {
    const item = await this.store.repos.catalogue.findItem(itemId);
    if (!item) throw new DomainError("ITEM_NOT_FOUND");
    if (!canActOnItem(actor, ["catalog_admin", "reviewer"], item.org_path)) throw new DomainError("FORBIDDEN");
    const version = item.published_version_id ? await this.store.repos.catalogue.findVersion(item.published_version_id) : undefined;
    const template = templateFor(version ? (version.content as ItemContent).guide.committedLimitDays : null, item.kind);
    return { custom: item.workflow !== null, definition: (item.workflow as WorkflowDefinition | null) ?? template, template: template.name, lockVersion: item.workflow_lock_version, canEdit: canEditItem(actor, item.org_path) };
  }

  /** Saves the item's own definition, or with null goes back to the template. */
  async save(actor: Actor, itemId: string, input: { definition: unknown; lockVersion: number }, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const item = await repos.catalogue.findItemForUpdate(itemId);
      if (!item) throw new DomainError("ITEM_NOT_FOUND");
      if (!canEditItem(actor, item.org_path)) throw new DomainError("FORBIDDEN");
      let json: string | null = null;
      if (input.definition !== null) {
        const parsed = workflowDefinition.safeParse(input.definition);
        if (!parsed.success) throw new DomainError("WORKFLOW_INVALID", { problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
        const problems = validateWorkflow(parsed.data);
        if (problems.length) throw new DomainError("WORKFLOW_INVALID", { problems });
        json = JSON.stringify(parsed.data);
      }
      if (!(await repos.catalogue.updateWorkflow(itemId, input.lockVersion, json))) throw new DomainError("WORKFLOW_CHANGED");
      await repos.audit.append(actor, ctx, { action: json ? "catalogue.workflow_save" : "catalogue.workflow_reset", targetType: "catalogue_item", targetId: itemId, regionCode: item.region_code, details: { implCode: item.impl_code, ...(json ? { name: (input.definition as WorkflowDefinition).name } : {}) } });
    });
    return this.get(actor, itemId);
  }
}
