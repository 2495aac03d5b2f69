import { hasRole, type Actor, type RequestContext } from "../../actor";
import { isCityWide } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { BundleRepository } from "./bundle.repository";
import { DomainError } from "../../domain-error";
import { answerProblems, bindingProblems, mergeForm, planBundle, reduction, type Answers } from "../../../shared/bundle-plan";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { bundleDefinition, type BundleDefinition } from "../../../shared/schemas/bundle";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { BundleCatalogue } from "./bundle-catalogue";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; bundles: BundleRepository };

type Issue = { path: string; message: string };

/**
 * 一件事 administration: city catalogue or system administrators write definitions, check and preview
 * them (structure, binding to the catalogue's items, a plan for sample answers) and publish or
 * withdraw them. A definition with problems is refused with each problem; concurrent edits are
 * detected; every change is audited. Raises: FORBIDDEN, BUNDLE_NOT_FOUND, BUNDLE_INVALID, BUNDLE_CHANGED.
 */
export class BundleAdminService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly catalogue: BundleCatalogue,
  ) {}

  private authorise(actor: Actor) {
    // Bundles join departments across the city: city-level administrators only.
    if (!(hasRole(actor, "catalog_admin", "sys_admin") && isCityWide(actor))) throw new DomainError("FORBIDDEN");
  }

  async list(actor: Actor) {
    this.authorise(actor);
    const rows = await this.store.repos.bundles.listAll();
    return rows.map((r) => ({ code: r.code, name: r.name, status: r.status, lockVersion: r.lock_version, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() }));
  }

  async get(actor: Actor, code: string) {
    this.authorise(actor);
    const row = await this.store.repos.bundles.findByCode(code);
    if (!row) throw new DomainError("BUNDLE_NOT_FOUND");
    return { code: row.code, name: row.name, status: row.status, lockVersion: row.lock_version, definition: row.definition as Record<string, unknown> };
  }

  /**
   * Checks a definition without saving it: its structure, each dependency against the items'
   * catalogue content, and — for the answers given (if complete) — the plan and the reduction.
   */
  async preview(actor: Actor, input: unknown, answers: Answers | undefined, regionCode?: string) {
    this.authorise(actor);
    const checked = await this.check(input, regionCode);
    if ("issues" in checked) return { ok: false as const, issues: checked.issues, plan: null };
    const { def, contents } = checked;
    const answerIssues = answers ? answerProblems(def, answers) : [];
    if (!answers || answerIssues.length) return { ok: true as const, issues: answerIssues.map((p) => ({ path: `answers.${p.question ?? ""}`, message: p.message })), plan: null };
    const plan = planBundle(def, answers, Object.fromEntries([...contents].map(([k, c]) => [k, c.name])));
    const included = plan.items.filter((p) => p.included).map((p) => ({ item: def.items.find((i) => i.key === p.key)!, content: contents.get(p.key)! }));
    const merged = mergeForm(included, plan.waivedMaterials);
    return {
      ok: true as const,
      issues: [],
      plan: { items: plan.items.map((p) => ({ key: p.key, name: contents.get(p.key)!.name, included: p.included, reason: p.reason, waitsFor: p.waitsFor })), fields: merged.fields.length, materials: merged.materials.length, reduction: reduction(included, merged) },
    };
  }

  /** Creates or changes a definition (lockVersion required to change one). */
  async save(actor: Actor, code: string, input: { definition: unknown; lockVersion?: number }, ctx: RequestContext) {
    this.authorise(actor);
    const checked = await this.check(input.definition);
    if ("issues" in checked) throw new DomainError("BUNDLE_INVALID", { issues: checked.issues });
    const def = checked.def;
    if (def.code !== code) throw new DomainError("BUNDLE_INVALID", { issues: [{ path: "code", message: `编码须为“${code}”` }] });
    return this.store.transact(async (repos) => {
      const existing = await repos.bundles.findByCode(code);
      if (existing) {
        if (input.lockVersion === undefined || !(await repos.bundles.updateIfVersion(code, input.lockVersion, { name: def.name, definition: JSON.stringify(def), updated_by: actor.name }))) {
          throw new DomainError("BUNDLE_CHANGED", { currentLockVersion: existing.lock_version });
        }
      } else {
        await repos.bundles.insert({ code, name: def.name, definition: JSON.stringify(def), status: "draft", updated_by: actor.name });
      }
      await repos.audit.append(actor, ctx, { action: existing ? "bundle.update" : "bundle.create", targetType: "bundle", targetId: code, details: { name: def.name, items: def.items.map((i) => i.basicCode) } });
      const row = (await repos.bundles.findByCode(code))!;
      return { code: row.code, name: row.name, status: row.status, lockVersion: row.lock_version, definition: row.definition as Record<string, unknown> };
    });
  }

  /** Publishes or withdraws a definition (a published one must still bind to the catalogue). */
  async setStatus(actor: Actor, code: string, input: { status: "published" | "withdrawn"; lockVersion: number }, ctx: RequestContext) {
    this.authorise(actor);
    const row = await this.store.repos.bundles.findByCode(code);
    if (!row) throw new DomainError("BUNDLE_NOT_FOUND");
    // Checked before the transaction (the catalogue is read outside it); the version guards the change.
    if (input.status === "published") {
      const checked = await this.check(row.definition);
      if ("issues" in checked) throw new DomainError("BUNDLE_INVALID", { issues: checked.issues });
    }
    return this.store.transact(async (repos) => {
      if (!(await repos.bundles.updateIfVersion(code, input.lockVersion, { status: input.status, updated_by: actor.name }))) throw new DomainError("BUNDLE_CHANGED", { currentLockVersion: row.lock_version });
      await repos.audit.append(actor, ctx, { action: `bundle.${input.status === "published" ? "publish" : "withdraw"}`, targetType: "bundle", targetId: code, details: { name: row.name } });
      return { code, status: input.status, lockVersion: input.lockVersion + 1 };
    });
  }

  private async check(input: unknown, regionCode?: string): Promise<{ def: BundleDefinition; contents: Map<string, ItemContent> } | { issues: Issue[] }> {
    const parsed = bundleDefinition.safeParse(input);
    if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
    const def = parsed.data;
    let resolved;
    try {
      resolved = await this.catalogue.resolve(this.store.repos, def, regionCode ?? "310101");
    } catch (err) {
      if (err instanceof DomainError && err.code === "BUNDLE_ITEM_UNAVAILABLE") {
        const d = err.details as { item: string; basicCode: string };
        return { issues: [{ path: `items.${def.items.findIndex((i) => i.key === d.item)}.basicCode`, message: `目录中没有已发布的事项“${d.basicCode}”` }] };
      }
      throw err;
    }
    const contents = new Map([...resolved].map(([k, r]) => [k, r.content]));
    const binding = bindingProblems(def, contents, (t) => CERTIFICATE_TYPE_DEFS[t]?.fields.map((f) => f.key) ?? null);
    if (binding.length) return { issues: binding.map((b) => ({ path: b.path.join("."), message: b.message })) };
    return { def, contents };
  }
}
