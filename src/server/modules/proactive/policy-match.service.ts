import { evaluate, outcomeOf, ruleProblems, type Rule } from "../../../shared/rules";
import type { PolicyService } from "../policy-library";
import type { Repos as ScanRepos } from "./subject-scan";
import { todayInChina } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { within } from "../../access/scope";
import { policiesVisibleSubtree } from "./proactive.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { OrgRepository } from "../orgs";
import type { PolicyRepository } from "../policy-library";
import type { ProactiveRepository } from "./proactive.repository";
import { DomainError } from "../../domain-error";
import { isUniqueViolation } from "../../db/database";
import type { ProactiveService } from "./push.service";
import { scanSubjects, type Audience } from "./subject-scan";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; orgs: OrgRepository; policies: PolicyRepository; proactive: ProactiveRepository } & ScanRepos;

export interface PolicyInput {
  docNumber: string;
  title: string;
  effectiveOn: string;
  fullText: string;
  interpretation?: string | undefined;
  tags: string[];
  audience: Audience;
  rule: Rule;
  notice: string;
}

const PAGE = 50;

/**
 * 政策找人: a department publishes a policy document with eligibility rules; the rule is matched over
 * every subject of its audience (in the background), the matches listed for the department with the
 * conditions each met, and the matched told through the message centre (once, opt-out respected).
 */
export class PolicyMatchService {
  /** How a published policy's matching is started: inline by default, a background job in the server. */
  scheduler: (policyId: string) => Promise<void> = (id) => this.match(id).then(() => undefined);

  constructor(
    private readonly store: Store<Repos>,
    private readonly pushes: ProactiveService,
    private readonly now: () => Date,
    private readonly library: PolicyService,
  ) {}

  /** The subtree whose policies the actor publishes and reads matches of; FORBIDDEN for anyone else. */
  private assertRole(actor: Actor): string {
    const subtree = policiesVisibleSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    return subtree;
  }

  async publish(actor: Actor, input: PolicyInput, ctx: RequestContext) {
    this.assertRole(actor);
    const problems = ruleProblems(input.rule);
    if (!problems.length && JSON.stringify(input.rule).includes(input.audience === "person" ? '"enterprise.' : '"person.')) problems.push(`规则只能使用${input.audience === "person" ? "个人" : "企业"}的数据`);
    if (JSON.stringify(input.rule).includes('"form.')) problems.push("政策找人的规则不能使用申请表中的数据");
    if (problems.length) throw new DomainError("RULE_INVALID", { problems });
    const id = await this.store
      .transact(async (repos) => {
        const org = (await repos.orgs.findById(actor.orgId!))!;
        const row = await this.library.add(repos, {
          doc_number: input.docNumber,
          title: input.title,
          issuer: org.name,
          issued_on: todayInChina(this.now()),
          effective_on: input.effectiveOn,
          status: "valid",
          replaced_by_id: null,
          full_text: input.fullText,
          interpretation: input.interpretation ?? "",
          tags: input.tags,
          region_code: org.region_code,
          issuer_org_id: org.id,
          audience: input.audience,
          eligibility: JSON.stringify(input.rule),
          notice: input.notice,
          match_status: "pending",
          created_by: actor.name,
        });
        await repos.audit.append(actor, ctx, { action: "policy.publish", targetType: "policy", targetId: row.id, regionCode: org.region_code, details: { docNumber: input.docNumber, title: input.title, audience: input.audience } });
        return row.id;
      })
      .catch((err: unknown) => {
        throw isUniqueViolation(err) ? new DomainError("POLICY_DOC_NUMBER_TAKEN") : err;
      });
    await this.scheduler(id);
    return this.get(actor, id);
  }

  /**
   * Matches a published policy over its audience a batch at a time: each batch's matches and the
   * record of whose data was read (one per subject) in one transaction; then each match with an
   * account is told. Running it again adds only new matches and tells no one twice.
   */
  async match(policyId: string): Promise<{ matched: number; notified: number }> {
    const policy = await this.store.repos.policies.findById(policyId);
    if (!policy?.eligibility || !policy.audience) throw new DomainError("POLICY_NOT_FOUND");
    const rule = policy.eligibility as Rule;
    const today = todayInChina(this.now());
    let matched = 0;
    let notified = 0;
    try {
      for await (const batch of scanSubjects(this.store.repos, policy.audience, today)) {
        // The outcome alone for everyone; the reasons only for the matches.
        const hits = batch.filter((s) => outcomeOf(rule, s.facts) === "pass").map((s) => ({ s, conditions: evaluate(rule, s.facts).conditions.filter((c) => c.outcome === "pass").map((c) => c.text) }));
        if (!hits.length) continue;
        matched += hits.length;
        await this.store.transact(async (repos) => {
          await repos.proactive.insertMatches(hits.map(({ s, conditions }) => ({ policy_id: policyId, subject_kind: s.kind, subject_id: s.id, subject_name: s.name, district: s.district, account_id: s.account_id, conditions: JSON.stringify(conditions) })));
          await repos.audit.appendMany(
            SYSTEM_ACTOR,
            SYSTEM_CONTEXT,
            hits.map(({ s }) => ({ action: "policy.match", targetType: s.kind, targetId: s.id, regionCode: policy.region_code, subjectPersonId: s.person_id, purpose: `政策找人：${policy.title}`, details: { policyId, docNumber: policy.doc_number } })),
          );
        });
        for (const { s } of hits) {
          if (!s.account_id) continue;
          const sent = await this.store.transact(async (repos) => {
            const outcome = await this.pushes.push(repos, { trigger: "policy", subject: { kind: s.kind, id: s.id, personId: s.person_id }, ref: policyId, accountId: s.account_id!, title: `政策找人：${policy.title}`, body: `${s.kind === "enterprise" ? `【${s.name}】` : ""}${policy.notice ?? ""}`, titleEn: `A policy for you: ${policy.title}`, bodyEn: `${s.kind === "enterprise" ? `[${s.name}] ` : ""}Our records show this policy applies to you. The policy's own notice, in Chinese: ${policy.notice ?? "—"}`, link: `/policies/${policyId}`, regionCode: policy.region_code });
            if (outcome === "sent") await repos.proactive.markNotified(policyId, s.id);
            return outcome === "sent";
          });
          if (sent) notified++;
        }
      }
      const stats = await this.store.repos.proactive.matchStats(policyId);
      await this.library.recordMatch(policyId, { match_status: "done", match_count: stats.total, matched_at: this.now() });
    } catch (err) {
      await this.library.recordMatch(policyId, { match_status: "failed" });
      throw err;
    }
    return { matched, notified };
  }

  private async visible(actor: Actor, policyId: string) {
    const subtree = this.assertRole(actor);
    const p = await this.store.repos.policies.findById(policyId);
    if (!p?.issuer_org_id) throw new DomainError("POLICY_NOT_FOUND");
    const path = (await this.store.repos.orgs.pathsOf([p.issuer_org_id])).get(p.issuer_org_id) ?? "";
    if (!within(path, subtree)) throw new DomainError("POLICY_NOT_FOUND");
    return p;
  }

  /** The department's policies with eligibility rules: how many subjects each found, and how many were told. */
  async list(actor: Actor) {
    const rows = await this.store.repos.policies.listWithEligibility(this.assertRole(actor));
    return Promise.all(rows.map(async (p) => ({ ...(await this.view(p)) })));
  }

  private async view(p: NonNullable<Awaited<ReturnType<PolicyRepository["findById"]>>>) {
    const stats = await this.store.repos.proactive.matchStats(p.id);
    return { id: p.id, docNumber: p.doc_number, title: p.title, issuer: p.issuer, issuedOn: p.issued_on, audience: p.audience!, rule: p.eligibility as Rule, notice: p.notice ?? "", matchStatus: p.match_status ?? "pending", matched: stats.total, notified: stats.notified, matchedAt: p.matched_at?.toISOString() ?? null };
  }

  async get(actor: Actor, policyId: string) {
    return this.view(await this.visible(actor, policyId));
  }

  /** The subjects a policy found, with the conditions each met; the department's view of them is recorded. */
  async matches(actor: Actor, policyId: string, page: number, ctx: RequestContext) {
    const p = await this.visible(actor, policyId);
    const rows = await this.store.repos.proactive.listMatches(policyId, PAGE, (page - 1) * PAGE);
    const stats = await this.store.repos.proactive.matchStats(policyId);
    await this.store.transact((repos) => repos.audit.append(actor, ctx, { action: "policy.matches_view", targetType: "policy", targetId: policyId, regionCode: p.region_code, details: { page, shown: rows.length } }));
    return { total: stats.total, page, pageSize: PAGE, items: rows.map((r) => ({ subjectKind: r.subject_kind, name: r.subject_name, district: r.district, conditions: r.conditions as string[], notified: r.notified })) };
  }
}
