import { ITEM_KINDS, type Level } from "../../../shared/catalogue";
import type { ContentGenerationRepository } from "../content-generation";
import { buildImplCode, isBasicCode } from "../../../shared/catalogue-codes";
import { diffContent } from "../../../shared/catalogue-diff";
import { findTransition, type VersionAction, type VersionStatus } from "../../../shared/catalogue-workflow";
import { contentElements, itemContent, type ItemContent } from "../../../shared/schemas/catalogue";
import type { Actor, RequestContext } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "./catalogue.repository";
import type { DataElementRepository } from "../data-elements";
import type { OrgRepository } from "../orgs";
import { DomainError } from "../../domain-error";
import { canActOnItem, canEditItem } from "./catalogue.policy";
import { exportWorkbook, parseWorkbook, type SheetItem } from "./catalogue-excel";
import { canonicalJson } from "../../../shared/canonical-json";
import { servesCity } from "../../access/scope";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; catalogue: CatalogueRepository; contentGeneration: ContentGenerationRepository; dataElements: DataElementRepository; orgs: OrgRepository };

/**
 * Editing and publication of catalogue items: drafts, review (four eyes), publication with every
 * published version kept, and readable diffs. Every change is audited in its transaction.
 * Raises: FORBIDDEN, ITEM_NOT_FOUND, VERSION_NOT_FOUND, DRAFT_EXISTS, VERSION_CHANGED,
 * VERSION_NOT_EDITABLE, ACTION_NOT_ALLOWED, SAME_REVIEWER, REASON_REQUIRED, ITEM_CONTENT_INVALID.
 */
export class CatalogueAdminService {
  constructor(private readonly store: Store<Repos>) {}

  async listItems(actor: Actor, q: string | undefined, limit: number, offset: number) {
    if (!actor.orgPath || !(actor.roles.includes("catalog_admin") || actor.roles.includes("reviewer"))) throw new DomainError("FORBIDDEN");
    const [rows, total] = await Promise.all([
      this.store.repos.catalogue.listItemsInSubtree(actor.orgPath, q, limit, offset),
      this.store.repos.catalogue.countItemsInSubtree(actor.orgPath),
    ]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        implCode: r.impl_code,
        basicCode: r.basic_code,
        name: r.published_name ?? r.base_name,
        orgName: r.org_name,
        level: r.level,
        publishedVersion: r.published_version ?? null,
        openVersionId: r.open_version_id ?? null,
        openVersion: r.open_version ?? null,
        openStatus: (r.open_status as VersionStatus | null) ?? null,
      })),
    };
  }

  /** Adds a base item to the basic catalogue: one code for every level, so only city-level administrators may. */
  async createBaseItem(actor: Actor, input: { basicCode: string; name: string; action: string; departmentKey: string; legalBasis: string }, ctx: RequestContext) {
    if (!actor.roles.includes("catalog_admin") || !servesCity(actor)) throw new DomainError("FORBIDDEN");
    if (!isBasicCode(input.basicCode)) throw new DomainError("BASIC_CODE_INVALID");
    const kind = input.basicCode.slice(0, 2) as keyof typeof ITEM_KINDS;
    return this.store.transact(async (repos) => {
      if (await repos.catalogue.findBaseItem(input.basicCode)) throw new DomainError("BASIC_CODE_TAKEN");
      const row = await repos.catalogue.insertBaseItem({ basic_code: input.basicCode, name: input.name, kind, action: input.action, department_key: input.departmentKey, legal_basis: input.legalBasis });
      await repos.audit.append(actor, ctx, { action: "catalogue.base_item_create", targetType: "catalogue_base_item", targetId: row.id, details: { basicCode: input.basicCode, name: input.name } });
      return { basicCode: row.basic_code, name: row.name, kind };
    });
  }

  /**
   * Adds an implementation of a base item at an org of one's subtree. Its first version is a draft
   * copied from an existing implementation (or a blank guide), published through review like any other.
   */
  async createItem(actor: Actor, input: { basicCode: string; orgId: string }, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const base = await repos.catalogue.findBaseItem(input.basicCode);
      if (!base) throw new DomainError("BASIC_CODE_UNKNOWN");
      const org = await repos.orgs.findById(input.orgId);
      if (!org) throw new DomainError("ORG_NOT_FOUND");
      if (!canEditItem(actor, org.path)) throw new DomainError("FORBIDDEN");
      const level: Level | null = org.kind === "street" ? "street" : org.kind === "community" ? "community" : org.kind === "department" ? (org.region_code === "310000" ? "city" : "district") : null;
      if (!level) throw new DomainError("ORG_CANNOT_IMPLEMENT");
      if (await repos.catalogue.findItemByBaseAndOrg(base.id, org.id)) throw new DomainError("ITEM_EXISTS");
      const division = level === "street" || level === "community" ? org.code : org.region_code;
      const orgKey = level === "street" || level === "community" ? "JD" : (org.code.split("-")[1] ?? "ORG");
      const item = await repos.catalogue.insertItem({ base_item_id: base.id, org_id: org.id, level, impl_code: buildImplCode(base.basic_code, level, division, orgKey), region_code: org.region_code });
      const content = (await repos.catalogue.referenceContent(base.id)) ?? blankContent(base.name);
      const draft = await repos.catalogue.insertVersion({ item_id: item.id, version: 1, content: JSON.stringify(content), created_by: actor.accountId, created_by_name: actor.name, region_code: org.region_code });
      await repos.audit.append(actor, ctx, { action: "catalogue.item_create", targetType: "catalogue_item", targetId: item.id, orgId: org.id, regionCode: org.region_code, details: { implCode: item.impl_code } });
      return { id: item.id, implCode: item.impl_code, draftId: draft.id };
    });
  }

  /** The published catalogue of one's subtree as an Excel workbook. */
  async exportWorkbook(actor: Actor): Promise<Buffer> {
    if (!actor.orgPath || !canActOnItem(actor, ["catalog_admin", "reviewer"], actor.orgPath)) throw new DomainError("FORBIDDEN");
    return exportWorkbook(await this.editableSheetItems(actor));
  }

  /**
   * Imports a workbook: every row and cell is validated; if anything is wrong nothing is applied
   * and the report names each bad cell. Otherwise each changed item gets a new draft (in one
   * transaction), to be published through review like any edit.
   */
  async importWorkbook(actor: Actor, buffer: Buffer, ctx: RequestContext) {
    if (!actor.roles.includes("catalog_admin") || !actor.orgPath) throw new DomainError("FORBIDDEN");
    const items = await this.editableSheetItems(actor);
    const current = new Map(items.map((i) => [i.implCode, i.content]));
    const { items: parsed, problems } = await parseWorkbook(buffer, current);
    const ids = new Map(items.map((i) => [i.implCode, i.id]));
    const changed = [...parsed].filter(([code, content]) => canonicalJson(content) !== canonicalJson(current.get(code)));
    for (const [code] of changed) {
      const versions = await this.store.repos.catalogue.listVersions(ids.get(code)!);
      if (versions.some((v) => v.status === "draft" || v.status === "in_review")) problems.push({ sheet: "实施清单", row: 0, column: "实施编码", message: `${code}：已有未发布的草稿或待审核版本，请先处理` });
    }
    if (problems.length) throw new DomainError("IMPORT_INVALID", { problems: problems.slice(0, 500), count: problems.length });
    return this.store.transact(async (repos) => {
      for (const [code, content] of changed) {
        const item = await repos.catalogue.findItemForUpdate(ids.get(code)!);
        const version = await repos.catalogue.nextVersionNumber(item!.id);
        await repos.catalogue.insertVersion({ item_id: item!.id, version, content: JSON.stringify(content), created_by: actor.accountId, created_by_name: actor.name, region_code: item!.region_code });
      }
      await repos.audit.append(actor, ctx, { action: "catalogue.import", targetType: "catalogue", details: { rows: parsed.size, drafts: changed.map(([c]) => c) } });
      return { rows: parsed.size, drafts: changed.length, implCodes: changed.map(([c]) => c) };
    });
  }

  private async editableSheetItems(actor: Actor): Promise<Array<SheetItem & { id: string }>> {
    const rows = await this.store.repos.catalogue.listAllPublishedWithOrgPath();
    return rows
      .filter((r) => r.org_path.startsWith(actor.orgPath!))
      .map((r) => ({ id: r.id, implCode: r.impl_code, basicCode: r.basic_code, orgCode: r.org_code, level: r.level, content: r.content as ItemContent }));
  }

  async listBaseItems() {
    return (await this.store.repos.catalogue.listBaseItems()).map((b) => ({ basicCode: b.basic_code, name: b.name, kind: b.kind, departmentKey: b.department_key }));
  }

  async getItem(actor: Actor, itemId: string) {
    const repos = this.store.repos;
    const item = await repos.catalogue.findItem(itemId);
    if (!item) throw new DomainError("ITEM_NOT_FOUND");
    if (!canActOnItem(actor, ["catalog_admin", "reviewer"], item.org_path)) throw new DomainError("FORBIDDEN");
    const versions = await repos.catalogue.listVersions(itemId);
    return {
      id: item.id,
      implCode: item.impl_code,
      basicCode: item.basic_code,
      name: item.base_name,
      orgName: item.org_name,
      level: item.level,
      canEdit: canEditItem(actor, item.org_path),
      canReview: canActOnItem(actor, ["catalog_admin", "reviewer"], item.org_path),
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status as VersionStatus,
        createdAt: v.created_at.toISOString(),
        createdByName: v.created_by_name,
        submittedAt: v.submitted_at?.toISOString() ?? null,
        reviewedAt: v.reviewed_at?.toISOString() ?? null,
        reviewedByName: v.reviewed_by_name,
        reviewComment: v.review_comment,
        publishedAt: v.published_at?.toISOString() ?? null,
        lockVersion: v.lock_version,
      })),
    };
  }

  async getVersion(actor: Actor, versionId: string) {
    const repos = this.store.repos;
    const v = await repos.catalogue.findVersion(versionId);
    if (!v) throw new DomainError("VERSION_NOT_FOUND");
    const item = await repos.catalogue.findItem(v.item_id);
    if (!item || !canActOnItem(actor, ["catalog_admin", "reviewer"], item.org_path)) throw new DomainError("FORBIDDEN");
    return { id: v.id, itemId: v.item_id, version: v.version, status: v.status as VersionStatus, lockVersion: v.lock_version, content: v.content as ItemContent, reviewComment: v.review_comment };
  }

  /** Starts a draft from the published version (one open draft per item at a time). */
  async createDraft(actor: Actor, itemId: string, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const item = await repos.catalogue.findItemForUpdate(itemId);
      if (!item) throw new DomainError("ITEM_NOT_FOUND");
      if (!canEditItem(actor, item.org_path)) throw new DomainError("FORBIDDEN");
      const versions = await repos.catalogue.listVersions(itemId);
      if (versions.some((v) => v.status === "draft" || v.status === "in_review")) throw new DomainError("DRAFT_EXISTS");
      const source = item.published_version_id ? await repos.catalogue.findVersion(item.published_version_id) : null;
      if (!source) throw new DomainError("ITEM_NOT_FOUND");
      const version = await repos.catalogue.nextVersionNumber(itemId);
      const draft = await repos.catalogue.insertVersion({
        item_id: itemId,
        version,
        content: JSON.stringify(source.content),
        created_by: actor.accountId,
        created_by_name: actor.name,
        region_code: item.region_code,
      });
      await repos.audit.append(actor, ctx, { action: "catalogue.draft_create", targetType: "catalogue_item", targetId: itemId, regionCode: item.region_code, details: { implCode: item.impl_code, version } });
      return { id: draft.id, version };
    });
  }

  /** Saves a draft; content is validated in full and `lockVersion` guards against concurrent edits. */
  async saveDraft(actor: Actor, versionId: string, lockVersion: number, content: unknown, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const v = await repos.catalogue.findVersionForUpdate(versionId);
      if (!v) throw new DomainError("VERSION_NOT_FOUND");
      const item = await repos.catalogue.findItem(v.item_id);
      if (!item || !canEditItem(actor, item.org_path)) throw new DomainError("FORBIDDEN");
      if (v.status !== "draft") throw new DomainError("VERSION_NOT_EDITABLE");
      // Only someone who may edit learns what is wrong with the content.
      const parsed = itemContent.safeParse(content);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        const formIssue = parsed.error.issues.some((i) => (i as { params?: { errorCode?: string } }).params?.errorCode === "FORM_SCHEMA_INVALID");
        throw new DomainError(formIssue ? "FORM_SCHEMA_INVALID" : "ITEM_CONTENT_INVALID", { issues });
      }
      const refs = contentElements(parsed.data);
      const unknown = new Set(await repos.dataElements.unknown(refs.map((r) => r.code)));
      if (unknown.size) throw new DomainError("FORM_SCHEMA_INVALID", { issues: refs.filter((r) => unknown.has(r.code)).map((r) => ({ path: r.path.join("."), message: `未知的数据元“${r.code}”` })) });
      const before = v.content as ItemContent;
      if (!(await repos.catalogue.saveDraft(versionId, lockVersion, JSON.stringify(parsed.data)))) throw new DomainError("VERSION_CHANGED", { currentLockVersion: v.lock_version });
      const changes = diffContent(before, parsed.data);
      await repos.audit.append(actor, ctx, {
        action: "catalogue.draft_save",
        targetType: "catalogue_item_version",
        targetId: versionId,
        regionCode: item.region_code,
        details: { implCode: item.impl_code, version: v.version, changes: changes.map((c) => `${c.kind}:${c.element}`).slice(0, 50) },
      });
      return { lockVersion: lockVersion + 1, changes: changes.length };
    });
  }

  /** Moves a version through the workflow table (submit, withdraw, approve, reject). */
  async act(actor: Actor, versionId: string, action: VersionAction, comment: string | undefined, ctx: RequestContext) {
    return this.store.transact(async (repos) => {
      const v = await repos.catalogue.findVersionForUpdate(versionId);
      if (!v) throw new DomainError("VERSION_NOT_FOUND");
      const item = await repos.catalogue.findItemForUpdate(v.item_id);
      if (!item) throw new DomainError("ITEM_NOT_FOUND");
      const transition = findTransition(v.status as VersionStatus, action);
      if (!transition) throw new DomainError("ACTION_NOT_ALLOWED", { status: v.status, action });
      if (!canActOnItem(actor, transition.roles, item.org_path)) throw new DomainError("FORBIDDEN");
      if (transition.fourEyes && v.submitted_by === actor.accountId) throw new DomainError("SAME_REVIEWER");
      if (transition.reason && !comment?.trim()) throw new DomainError("REASON_REQUIRED");
      const now = new Date();
      if (action === "submit") await repos.catalogue.updateVersion(versionId, { status: "in_review", submitted_at: now, submitted_by: actor.accountId, review_comment: null });
      if (action === "withdraw") await repos.catalogue.updateVersion(versionId, { status: "draft", submitted_at: null, submitted_by: null });
      if (action === "reject") await repos.catalogue.updateVersion(versionId, { status: "draft", reviewed_at: now, reviewed_by: actor.accountId, reviewed_by_name: actor.name, review_comment: comment!.trim() });
      if (action === "approve") {
        await repos.catalogue.updateVersion(versionId, { status: "published", reviewed_at: now, reviewed_by: actor.accountId, reviewed_by_name: actor.name, review_comment: comment?.trim() || null, published_at: now });
        await repos.catalogue.publish(item.id, versionId, item.published_version_id);
        await repos.contentGeneration.bump();
      }
      await repos.audit.append(actor, ctx, {
        action: `catalogue.${action}`,
        targetType: "catalogue_item_version",
        targetId: versionId,
        regionCode: item.region_code,
        details: { implCode: item.impl_code, version: v.version, from: v.status, to: transition.to, ...(comment ? { comment } : {}) },
      });
      return { status: transition.to };
    });
  }

  /** What changed between two versions of an item, in words. */
  async diff(actor: Actor, itemId: string, from: number, to: number) {
    const repos = this.store.repos;
    const item = await repos.catalogue.findItem(itemId);
    if (!item) throw new DomainError("ITEM_NOT_FOUND");
    if (!canActOnItem(actor, ["catalog_admin", "reviewer"], item.org_path)) throw new DomainError("FORBIDDEN");
    const [a, b] = await Promise.all([repos.catalogue.findVersionByNumber(itemId, from), repos.catalogue.findVersionByNumber(itemId, to)]);
    if (!a || !b) throw new DomainError("VERSION_NOT_FOUND");
    return { from, to, changes: diffContent(a.content as ItemContent, b.content as ItemContent) };
  }
}

/** A guide with nothing filled in yet but the name: the completeness audit shows what is missing. */
function blankContent(name: string): ItemContent {
  return {
    name,
    summary: "",
    audiences: ["person"],
    themes: [],
    keywords: [],
    guide: {
      legalBasisSetting: "",
      legalBasisImplementing: "",
      conditions: [],
      materials: [],
      steps: [],
      legalLimitDays: null,
      committedLimitDays: null,
      free: true,
      fees: [],
      location: "",
      hours: "",
      channels: ["window"],
      onlineDepth: 1,
      visits: 1,
      promise: false,
      scope: [],
      consultPhone: "12345",
      complaintPhone: "12345",
      faq: [],
      situations: [],
    },
    form: { fields: [{ key: "name", label: "申请人姓名", type: "text", required: true, dataElement: "person.name" }] },
  };
}
