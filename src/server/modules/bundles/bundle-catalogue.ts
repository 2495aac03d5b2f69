import type { Store, UnitOfWork } from "../../db/store";
import type { VersionContentsRepos as ContentRepos } from "../catalogue";
import type { BundleRepository } from "./bundle.repository";
import { DomainError } from "../../domain-error";
import { answerProblems, bindingProblems, mergeForm, planBundle, reduction, type Answers } from "../../../shared/bundle-plan";
import { CERTIFICATE_TYPE_DEFS } from "../../../shared/certificate-types";
import { CERTIFICATE_TYPES } from "../../../shared/catalogue";
import { dataElementLabel } from "../../../shared/data-elements";
import { bundleDefinition, type BundleDefinition, type BundleItem } from "../../../shared/schemas/bundle";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { VersionContents } from "../catalogue";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { bundles: BundleRepository } & ContentRepos;

/** The district whose implementations serve a bundle when the applicant names none. */
export const DEFAULT_REGION = "310101";

export interface Resolved {
  item: BundleItem;
  impl: { id: string; org_id: string; region_code: string; version_id: string | null; org_name: string; org_code: string };
  content: ItemContent;
}

/**
 * The bundles as the public sees them: each definition with its items resolved to the
 * implementations serving a district, the plan for a set of answers (which items apply and why, one
 * merged form, one set of materials) and the reduction against applying for each item separately.
 * Raises: BUNDLE_NOT_FOUND, BUNDLE_ANSWERS_INVALID, BUNDLE_ITEM_UNAVAILABLE.
 */
export class BundleCatalogue {
  readonly contents: VersionContents;

  constructor(private readonly store: Store<Repos>) {
    this.contents = new VersionContents(store);
  }

  async definition(code: string, unit: UnitOfWork = this.store.repos) {
    const repos = this.store.within(unit);
    const row = await repos.bundles.findByCode(code);
    if (!row || row.status !== "published") throw new DomainError("BUNDLE_NOT_FOUND");
    return { row, def: bundleDefinition.parse(row.definition) };
  }

  /** Each item's implementation serving the district (else the city's), with its published content. */
  async resolve(unit: UnitOfWork, def: BundleDefinition, regionCode: string): Promise<Map<string, Resolved>> {
    const repos = this.store.within(unit);
    const out = new Map<string, Resolved>();
    for (const item of def.items) {
      const impl = await repos.bundles.findImplementation(item.basicCode, regionCode);
      if (!impl?.version_id) throw new DomainError("BUNDLE_ITEM_UNAVAILABLE", { item: item.key, basicCode: item.basicCode });
      out.set(item.key, { item, impl, content: await this.contents.get(impl.version_id, repos) });
    }
    return out;
  }

  /** The reduction with every item that any answer can include (the bundle page's headline). */
  private fullReduction(def: BundleDefinition, resolved: Map<string, Resolved>) {
    const all = def.items.map((item) => ({ item, content: resolved.get(item.key)!.content }));
    return reduction(all, mergeForm(all));
  }

  async list(regionCode = DEFAULT_REGION) {
    const rows = await this.store.repos.bundles.listPublished();
    const out = [];
    for (const row of rows) {
      const def = bundleDefinition.parse(row.definition);
      const resolved = await this.resolve(this.store.repos, def, regionCode).catch(() => null);
      if (!resolved) continue;
      out.push({ code: def.code, name: def.name, theme: def.theme, summary: def.summary, itemCount: def.items.length, reduction: this.fullReduction(def, resolved) });
    }
    return out;
  }

  async get(code: string, regionCode = DEFAULT_REGION) {
    const { def } = await this.definition(code);
    const resolved = await this.resolve(this.store.repos, def, regionCode);
    const lead = [...resolved.values()].find((r) => r.impl.org_code.endsWith(`-${def.leadDept}`));
    return {
      code: def.code,
      name: def.name,
      theme: def.theme,
      summary: def.summary,
      itemCount: def.items.length,
      reduction: this.fullReduction(def, resolved),
      leadOrgName: lead?.impl.org_name ?? def.leadDept,
      onDenial: def.onDenial,
      limitDays: def.limitDays,
      questions: def.questions.map((q) => ({ key: q.key, text: q.text, ...(q.help ? { help: q.help } : {}), multiple: q.multiple, ...(q.askIf ? { askIf: q.askIf } : {}), options: q.options.map((o) => ({ value: o.value, label: o.label })) })),
      items: def.items.map((it) => ({ key: it.key, name: resolved.get(it.key)!.content.name, orgName: resolved.get(it.key)!.impl.org_name, optional: it.optional, dependsOn: it.dependsOn.map((d) => d.item) })),
    };
  }

  /** Checks the answers and works out the items, the one form and the one set of materials. */
  async planFor(unit: UnitOfWork, code: string, answers: Answers, regionCode: string) {
    const repos = this.store.within(unit);
    const { row, def } = await this.definition(code, repos);
    const problems = answerProblems(def, answers);
    if (problems.length) throw new DomainError("BUNDLE_ANSWERS_INVALID", { issues: problems.map((p) => ({ path: p.question ?? "", message: p.message })) });
    const resolved = await this.resolve(repos, def, regionCode);
    const names = Object.fromEntries([...resolved].map(([k, r]) => [k, r.content.name]));
    const binding = bindingProblems(def, new Map([...resolved].map(([k, r]) => [k, r.content])), (t) => CERTIFICATE_TYPE_DEFS[t]?.fields.map((f) => f.key) ?? null);
    if (binding.length) throw new DomainError("BUNDLE_ITEM_UNAVAILABLE", { issues: binding.map((b) => ({ path: b.path.join("."), message: b.message })) });
    const plan = planBundle(def, answers, names);
    const included = plan.items.filter((p) => p.included).map((p) => resolved.get(p.key)!);
    const merged = mergeForm(included, plan.waivedMaterials);
    return { row, def, plan, resolved, included, merged, reduction: reduction(included, merged) };
  }

  async plan(code: string, answers: Answers, regionCode = DEFAULT_REGION) {
    const { plan, resolved, merged, reduction: r } = await this.planFor(this.store.repos, code, answers, regionCode);
    const nameOf = (key: string) => resolved.get(key)!.content.name;
    return {
      items: plan.items.map((p) => {
        const c = resolved.get(p.key)!;
        return { key: p.key, name: c.content.name, orgName: c.impl.org_name, included: p.included, reason: p.reason, waitsFor: p.waitsFor, limitDays: c.content.guide.committedLimitDays ?? c.content.guide.legalLimitDays, fees: c.content.guide.fees.map((f) => ({ name: f.name, amount: f.amount })) };
      }),
      fields: merged.fields.map((m) => ({ ...m.field, forItems: [...new Set(m.answers.map((a) => nameOf(a.split(".")[0]!)))] })),
      materials: merged.materials.map((m) => ({
        key: m.key,
        name: m.name,
        requirements: m.material.requirements,
        evidence: m.material.replaceableBy ? (m.material.replaceableBy.kind === "certificate" ? `${CERTIFICATE_TYPES[m.material.replaceableBy.code] ?? m.material.replaceableBy.code}（电子证照库）` : dataElementLabel(m.material.replaceableBy.code, "zh")) : null,
        generated: !!m.material.generatedFrom,
        fromItem: null,
        items: [...new Set(m.covers.map((c) => nameOf(c.split(".")[0]!)))],
      })),
      providedByUpstream: Object.entries(merged.fromUpstream).map(([ref, from]) => {
        const [itemKey, materialKey] = ref.split(".") as [string, string];
        return { item: nameOf(itemKey), material: resolved.get(itemKey)!.content.guide.materials.find((m) => m.key === materialKey)?.name ?? materialKey, from: nameOf(from) };
      }),
      reduction: r,
    };
  }
}
