import { assessBenefit, BENEFIT_ASSESSED, benefitSentence, type AssessedBenefit } from "../../../shared/benefit";
import { factsOf } from "../../../shared/rules";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { SYSTEM_ACTOR, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import type { ApplicationRow, ApplicationService } from "../applications";
import type { AuditRepository } from "../audit";
import type { VersionContentsRepos as ContentRepos, VersionContents } from "../catalogue";
import type { ProfileService } from "../profiles";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository } & ContentRepos;

/**
 * The decision listener of 待遇核定: when an item that publishes a 待遇标准 is approved, the band is
 * chosen from the applicant's facts (the registries, as 秒批 reads them, the read recorded with its
 * purpose) and the form's answers, and the amount, the band and the first pay date go into the
 * application's timeline, in the deciding transaction. No band that applies: nothing is assessed, and
 * the timeline says so for staff to settle by hand.
 */
export function assessBenefitOnApproval(deps: { store: Store<Repos>; contents: VersionContents; profiles: ProfileService; cipher: FieldCipher; calendar: () => WorkCalendar; now: () => Date; record: ApplicationService["recordEvent"]; assessed?: (unit: UnitOfWork, app: ApplicationRow, benefit: AssessedBenefit, payDay: number, subject: string) => Promise<void> }) {
  return async (unit: UnitOfWork, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext): Promise<void> => {
    if (outcome !== "approved") return;
    const repos = deps.store.within(unit);
    const content = await deps.contents.get(app.version_id, repos);
    const terms = content.benefit;
    if (!terms) return;
    const profile = app.acting_for_enterprise_id ? await deps.profiles.ofEnterprise(repos, app.acting_for_enterprise_id) : app.applicant_person_id ? await deps.profiles.ofPerson(repos, app.applicant_person_id) : null;
    const facts: Record<string, unknown> = Object.fromEntries((profile?.facts ?? []).map((f) => [f.fact, f.value]));
    for (const [k, v] of Object.entries(openForm(app.form_data as never, deps.cipher))) facts[`form.${k}`] = v;
    const benefit: AssessedBenefit | null = assessBenefit(terms, facts, todayInChina(deps.now()), deps.calendar());
    const system = { accountId: null, name: SYSTEM_ACTOR.name, orgId: app.handling_org_id };
    await deps.record(repos, app, {
      action: BENEFIT_ASSESSED,
      from: "approved",
      to: "approved",
      actor: system,
      opinion: benefit ? `核定待遇：${benefitSentence(benefit)}` : "未能按待遇标准自动核定金额（没有适用的档次或缺少所需信息），请工作人员核定",
      details: benefit ? { benefit } : { benefit: null },
    });
    await repos.audit.append(actor, ctx, {
      action: "benefit.assess",
      targetType: "application",
      targetId: app.id,
      orgId: app.handling_org_id,
      regionCode: app.region_code,
      ...(app.applicant_person_id ? { subjectPersonId: app.applicant_person_id, purpose: "核定待遇标准" } : {}),
      details: { facts: [...new Set(terms.bands.flatMap((b) => (b.when ? factsOf(b.when) : [])))], amount: benefit?.amount ?? null, band: benefit?.band ?? null },
    });
    // Then it is paid: the plan of payouts (待遇发放) in the same transaction.
    if (benefit && deps.assessed) await deps.assessed(repos, app, benefit, terms.payDay, content.name);
  };
}
