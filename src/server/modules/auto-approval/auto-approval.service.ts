import { evaluate, FACTS, factsOf, ruleProblems, type Rule } from "../../../shared/rules";
import { hasRole, SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import { canCheck, canReadRule, canSwitchRule, canWriteRule, checksVisibleSubtree, rulesVisibleSubtree } from "./auto-approval.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { ApplicationRepository } from "../applications";
import type { AuditRepository } from "../audit";
import type { AutoApprovalRepository } from "./auto-approval.repository";
import type { CatalogueRepository } from "../catalogue";
import type { OrgRepository } from "../orgs";
import { DomainError } from "../../domain-error";
import type { ApplicationService } from "../applications";
import type { ProfileService } from "../profiles";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; audit: AuditRepository; autoApproval: AutoApprovalRepository; catalogue: CatalogueRepository; orgs: OrgRepository };


/**
 * 秒批: an item may declare an auto-approval rule. On submission, when every fact the rule reads comes
 * from the registries, the certificate library or an authoritative prefilled field, and the rule passes,
 * the application is approved and its certificate issued by the system in the same transaction; the
 * decision records the rule version and each condition in plain Chinese. Otherwise the application
 * goes to people with the reason. Every n-th automatic approval is queued for a person's re-check.
 */
export class AutoApprovalService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly applications: ApplicationService,
    private readonly profiles: ProfileService,
    private readonly now: () => Date,
  ) {
    applications.onSubmitted((unit, actor, app, ctx) => this.decide(this.store.within(unit), app, ctx));
  }

  private async decide(repos: Repos, app: Parameters<Parameters<ApplicationService["onSubmitted"]>[0]>[2], ctx: RequestContext): Promise<boolean> {
    if (!app.autoRule) return false;
    const row = await repos.autoApproval.findRule(app.itemId);
    if (!row?.enabled) return false;
    const rule = row.rule as Rule;
    const profile = app.enterpriseId ? await this.profiles.ofEnterprise(repos, app.enterpriseId) : app.personId ? await this.profiles.ofPerson(repos, app.personId) : null;
    const facts: Record<string, unknown> = Object.fromEntries((profile?.facts ?? []).map((f) => [f.fact, f.value]));
    for (const [k, v] of Object.entries(app.formData)) facts[`form.${k}`] = v;
    const result = evaluate(rule, facts);
    // Facts of the profile come from the registries and the certificate library: authoritative by construction.
    const declared = [...new Set(factsOf(rule).filter((f) => f.startsWith("form.") && !app.authoritativeFields.includes(f.slice(5))))];
    const reason =
      result.outcome === "fail"
        ? `不符合自动审批条件：${result.conditions.filter((c) => c.outcome === "fail").map((c) => c.text).join("；")}`
        : result.outcome === "unknown"
          ? `无法自动判断：${result.conditions.filter((c) => c.outcome === "unknown").map((c) => c.text).join("；")}`
          : declared.length
            ? `申请表中${declared.map((f) => `“${f.slice(5)}”`).join("、")}为本人填报，不是来自权威数据，需人工审核`
            : null;
    const conditions = JSON.stringify(result.conditions);
    // The subject's data was read to decide: recorded like any other read.
    await repos.audit.append(SYSTEM_ACTOR, ctx, { action: "auto_approval.evaluate", targetType: "application", targetId: app.id, subjectPersonId: app.personId, purpose: "自动审批核验", details: { ruleVersion: row.version, outcome: result.outcome, facts: result.conditions.map((c) => c.fact) } });
    const a = (await repos.applications.findById(app.id))!;
    const base = { application_id: app.id, item_rule_id: row.id, version: row.version, conditions, region_code: a.region_code, created_at: this.now() };
    if (reason) {
      await repos.autoApproval.insertDecision({ ...base, outcome: "to_people", reason });
      await this.applications.recordEvent(repos, a, { action: "auto_check", from: a.state, to: a.state, actor: { accountId: null, name: "自动审批", orgId: a.handling_org_id }, opinion: `转人工办理。${reason}`, details: { ruleVersion: row.version, conditions: result.conditions.map((c) => c.text) } });
      return false;
    }
    const sampled = ((await repos.autoApproval.approvedCount(row.id)) + 1) % row.sample_every === 0;
    await repos.autoApproval.insertDecision({ ...base, outcome: "approved", reason: null, check_status: sampled ? "pending" : null });
    return this.applications.decideAutomatically(repos, app.id, `符合自动审批条件（规则第 ${row.version} 版）：${result.conditions.map((c) => c.text).join("；")}`, { ruleVersion: row.version, conditions: result.conditions.map((c) => c.text), sampled }, ctx);
  }

  /** The item, when the policy lets the actor do `allowed` on it; FORBIDDEN otherwise. */
  private async itemAllowed(repos: Repos, actor: Actor, itemId: string, allowed: (actor: Actor, itemOrgPath: string) => boolean) {
    if (actor.kind !== "staff") throw new DomainError("FORBIDDEN");
    const item = await repos.catalogue.findItem(itemId);
    if (!item) throw new DomainError("ITEM_NOT_FOUND");
    if (!allowed(actor, item.org_path)) throw new DomainError("FORBIDDEN");
    return item;
  }

  async get(actor: Actor, itemId: string) {
    const repos = this.store.repos;
    await this.itemAllowed(repos, actor, itemId, canReadRule);
    const row = await repos.autoApproval.findRule(itemId);
    return row ? { rule: row.rule as Rule, version: row.version, enabled: row.enabled, tested: row.tested_version === row.version, grantMode: row.grant_mode, sampleEvery: row.sample_every, updatedBy: row.updated_by, updatedAt: row.updated_at.toISOString() } : null;
  }

  /**
   * Catalogue administrators of the item's subtree write the rule (and, for a benefit granted without
   * an application, its grant mode); each save is a new version, audited, and switched off until it
   * has been tested against a subject and switched on again.
   */
  async save(actor: Actor, itemId: string, rule: Rule, ctx: RequestContext, grantMode: "consent" | "opt_out" | null = null) {
    if (!hasRole(actor, "catalog_admin")) throw new DomainError("FORBIDDEN");
    const problems = ruleProblems(rule);
    if (problems.length) throw new DomainError("RULE_INVALID", { problems });
    await this.store.transact(async (repos) => {
      await this.itemAllowed(repos, actor, itemId, canWriteRule);
      const existing = await repos.autoApproval.findRuleForUpdate(itemId);
      const row = existing ?? (await repos.autoApproval.insertRule({ item_id: itemId, rule: JSON.stringify(rule), version: 1, enabled: false, grant_mode: grantMode, updated_by: actor.name }));
      const version = existing ? existing.version + 1 : 1;
      if (existing) await repos.autoApproval.updateRule(existing.id, { rule: JSON.stringify(rule), version, enabled: false, grant_mode: grantMode, updated_by: actor.name });
      await repos.autoApproval.insertVersion({ item_rule_id: row.id, version, rule: JSON.stringify(rule), created_by: actor.name });
      await repos.audit.append(actor, ctx, { action: "auto_approval.rule_save", targetType: "catalogue_item", targetId: itemId, details: { version, grantMode, facts: [...new Set(factsOf(rule))].map((f) => FACTS[f]?.zh ?? f) } });
    });
    return this.get(actor, itemId);
  }

  /** Supervisors (and catalogue administrators) in scope switch auto-approval on or off for an item. */
  async setEnabled(actor: Actor, itemId: string, enabled: boolean, ctx: RequestContext) {
    if (!hasRole(actor, "supervisor", "catalog_admin")) throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      await this.itemAllowed(repos, actor, itemId, canSwitchRule);
      const row = await repos.autoApproval.findRuleForUpdate(itemId);
      if (!row) throw new DomainError("NOT_FOUND");
      if (enabled && row.tested_version !== row.version) throw new DomainError("RULE_UNTESTED", { version: row.version });
      await repos.autoApproval.updateRule(row.id, { enabled, updated_by: actor.name });
      await repos.audit.append(actor, ctx, { action: enabled ? "auto_approval.enable" : "auto_approval.disable", targetType: "catalogue_item", targetId: itemId, details: { version: row.version } });
    });
    return this.get(actor, itemId);
  }

  /**
   * Tests the item's saved rule against a subject (the read logged like any rule test); once a version
   * has been tested it may be switched on.
   */
  async test(actor: Actor, itemId: string, input: { subject: { idNumber: string } | { creditCode: string }; formData?: Record<string, string | number | boolean> | undefined }, ctx: RequestContext) {
    if (!hasRole(actor, "catalog_admin", "supervisor")) throw new DomainError("FORBIDDEN");
    await this.itemAllowed(this.store.repos, actor, itemId, canSwitchRule);
    const row = await this.store.repos.autoApproval.findRule(itemId);
    if (!row) throw new DomainError("NOT_FOUND");
    const result = await this.profiles.testRule(actor, { rule: row.rule as Rule, subject: input.subject, formData: input.formData }, ctx);
    await this.store.transact(async (repos) => {
      await repos.autoApproval.markTested(row.id, row.version);
      await repos.audit.append(actor, ctx, { action: "auto_approval.rule_test", targetType: "catalogue_item", targetId: itemId, details: { version: row.version, subject: result.subject.name, outcome: result.outcome } });
    });
    return { ...result, version: row.version };
  }

  /** 秒批事项: the items in the staff member's subtree that declare a rule, with their switch and figures. */
  async rulesInScope(actor: Actor) {
    const subtree = rulesVisibleSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.autoApproval.listRules(subtree);
    return rows.map((r) => ({ itemId: r.item_id, itemName: r.item_name, orgName: r.org_name, version: r.version, enabled: r.enabled, tested: r.tested_version === r.version, grantMode: r.grant_mode, approved: r.approved, toPeople: r.to_people }));
  }

  /** The sample of automatic approvals waiting for a person's re-check, in the staff member's subtree. */
  async pendingChecks(actor: Actor) {
    const subtree = checksVisibleSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    const rows = await this.store.repos.autoApproval.listPendingChecks(subtree, 100);
    return rows.map((r) => ({ applicationId: r.application_id, number: r.number, applicantName: r.applicant_name, orgName: r.org_name, ruleVersion: r.version, conditions: (r.conditions as Array<{ text: string }>).map((c) => c.text), decidedAt: r.created_at.toISOString() }));
  }

  /** A person confirms a sampled automatic approval or flags it (a flagged one is then handled like any decision to review). */
  async check(actor: Actor, applicationId: string, input: { status: "confirmed" | "flagged"; note?: string | undefined }, ctx: RequestContext) {
    if (checksVisibleSubtree(actor) === null) throw new DomainError("FORBIDDEN");
    if (input.status === "flagged" && !input.note?.trim()) throw new DomainError("REASON_REQUIRED");
    await this.store.transact(async (repos) => {
      const app = await repos.applications.findById(applicationId);
      if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
      const path = (await repos.orgs.pathsOf([app.handling_org_id])).get(app.handling_org_id)!;
      if (!canCheck(actor, path)) throw new DomainError("APPLICATION_NOT_FOUND");
      if (!(await repos.autoApproval.check(applicationId, input.status, actor.name, input.note?.trim() || null, this.now()))) throw new DomainError("NOT_FOUND");
      await repos.audit.append(actor, ctx, { action: `auto_approval.${input.status === "confirmed" ? "confirm" : "flag"}`, targetType: "application", targetId: applicationId, regionCode: app.region_code, details: { number: app.number, note: input.note ?? null } });
    });
  }
}
