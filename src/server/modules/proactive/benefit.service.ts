import { assessedBenefitOf, benefitSentence, type AssessedBenefit } from "../../../shared/benefit-words";
import { evaluate, type Rule } from "../../../shared/rules";
import { OFFER_TRANSITIONS, transitionFrom } from "../../../shared/lifecycle";
import type { CertificateService } from "../certificates";
import type { DirectMessageRepos } from "../notifications";
import type { Repos as ScanRepos } from "./subject-scan";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import { hasRole, SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { canRevokeGrant, canSeeGrant, grantsVisibleSubtree } from "./proactive.policy";
import type { Store, UnitOfWork } from "../../db/store";
import type { ApplicationRepository } from "../applications";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { HoldingRepository } from "../applications";
import type { PersonRepository } from "../registry";
import type { ProactiveRepository } from "./proactive.repository";
import { DomainError } from "../../domain-error";
import type { ApplicationService } from "../applications";
import { VersionContents } from "../catalogue";
import { sendDirect } from "../notifications";
import type { PrefillService } from "../sharing";
import type { ProactiveService } from "./push.service";
import { scanSubjects } from "./subject-scan";
import { subjectKey } from "../applications";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { applications: ApplicationRepository; audit: AuditRepository; catalogue: CatalogueRepository; holdings: HoldingRepository; persons: PersonRepository; proactive: ProactiveRepository } & ScanRepos & DirectMessageRepos;

const personKey = (personId: string) => subjectKey({ personId, enterpriseId: null })!;

/** Working days an opt-out offer waits for an objection before the grant. */
export const OPT_OUT_DAYS = 10;
const GRANTOR: Actor = { ...SYSTEM_ACTOR, name: "免申即享" };

/**
 * 免申即享: an item whose rule declares a grant mode is granted without an application. The daily run
 * finds eligible people by the rule and makes each one offer (asked for consent, or told with
 * `OPT_OUT_DAYS` working days to object); a grant is an ordinary application, filled from the
 * registries through the sharing layer and decided by the item's rule (秒批), with its certificate and
 * a payment instruction; a person of the department can revoke it with the reason.
 */
export class BenefitService {
  private readonly contents: VersionContents;

  constructor(
    private readonly store: Store<Repos>,
    private readonly applications: ApplicationService,
    private readonly prefills: PrefillService,
    private readonly pushes: ProactiveService,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly certificates: CertificateService,
    /** 待遇发放 stops at once (the payments module's, wired at the root). */
    private readonly stopPayouts: (unit: UnitOfWork, actor: Actor, applicationId: string, reason: string, ctx: RequestContext) => Promise<void> = async () => {},
  ) {
    this.contents = new VersionContents(store);
  }

  /** Finds the eligible people of every 免申即享 item and offers it to each once (those with an account to be asked through). */
  async identify(): Promise<{ offered: number }> {
    const today = todayInChina(this.now());
    let offered = 0;
    for (const item of await this.store.repos.proactive.grantItems()) {
      const rule = item.rule as Rule;
      for await (const batch of scanSubjects(this.store.repos, "person", today, { withAccount: true })) {
        // Whoever holds the item already (granted once, or an application in progress) is not offered it again.
        const holders = item.holding_limit && item.holding_limit !== "once_per_child" ? await this.store.repos.holdings.activeKeys(item.basic_code, batch.map((s) => personKey(s.id))) : new Set<string>();
        for (const s of batch) {
          if (holders.has(personKey(s.id))) continue;
          const district = String(s.facts["person.hukou_district"] ?? "");
          if (item.region_code !== "310000" && !district.startsWith(item.region_code)) continue;
          const result = evaluate(rule, s.facts);
          if (result.outcome !== "pass") continue;
          const made = await this.store.transact(async (repos) => {
            const row = await repos.proactive.insertOffer({ item_id: item.item_id, person_id: s.id, account_id: s.account_id, mode: item.grant_mode!, status: "offered", rule_version: item.version, conditions: JSON.stringify(result.conditions.map((c) => c.text)), reply_by: item.grant_mode === "opt_out" ? this.calendarOf().deadline(today, OPT_OUT_DAYS) : null, region_code: item.region_code, created_at: this.now() });
            if (!row) return false;
            const consent = item.grant_mode === "consent";
            const from = this.calendarOf().deadline(today, OPT_OUT_DAYS);
            await this.pushes.push(repos, {
              trigger: "benefit",
              subject: { kind: "person", id: s.id, personId: s.id },
              ref: item.item_id,
              accountId: s.account_id!,
              title: `免申即享：${item.name}`,
              body: consent ? `经核验，您符合“${item.name}”的条件，无需申请。同意后即可享受，请到“我的待遇”确认。` : `经核验，您符合“${item.name}”的条件，将于 ${from} 后自动为您办理；如不需要，请在此之前到“我的待遇”中放弃。`,
              titleEn: `Yours without applying: ${item.name}`,
              bodyEn: consent ? `Our records show you qualify for “${item.name}”; there is nothing to apply for. Agree in My benefits and it is yours.` : `Our records show you qualify for “${item.name}”: it will be granted to you after ${from}. If you do not want it, decline it in My benefits before then.`,
              link: "/me/benefits",
              regionCode: item.region_code,
            });
            await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "benefit.offer", targetType: "benefit_offer", targetId: row.id, regionCode: item.region_code, subjectPersonId: s.id, purpose: `免申即享核验：${item.name}`, details: { itemId: item.item_id, mode: item.grant_mode, ruleVersion: item.version } });
            return true;
          });
          if (made) offered++;
        }
      }
    }
    return { offered };
  }

  /** 我的待遇: what the citizen is offered or has been granted without applying. */
  async mine(actor: Actor) {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    return (await this.store.repos.proactive.listOffersOf(actor.personId)).map((o) => this.view(o));
  }

  /** The offers of items the staff member's org handles (a supervisor: their government level's), newest first. */
  async underMe(actor: Actor) {
    const subtree = grantsVisibleSubtree(actor);
    if (subtree === null) throw new DomainError("FORBIDDEN");
    return (await this.store.repos.proactive.listOffersUnder(subtree, 200)).map((o) => ({ ...this.view(o), personName: o.person_name }));
  }

  private view(o: Awaited<ReturnType<ProactiveRepository["listOffersOf"]>>[number]) {
    return {
      id: o.id,
      itemId: o.item_id,
      itemName: o.item_name,
      orgName: o.org_name,
      mode: o.mode,
      status: o.status,
      conditions: o.conditions as string[],
      replyBy: o.reply_by,
      applicationId: o.application_id,
      applicationNumber: o.application_number,
      payment: (o.payment as { instruction: string } | null)?.instruction ?? null,
      benefit: (o.payment as { benefit?: AssessedBenefit | null } | null)?.benefit ?? null,
      decidedAt: o.decided_at?.toISOString() ?? null,
      revokeReason: o.revoke_reason,
      offeredAt: o.created_at.toISOString(),
    };
  }

  /** The citizen consents (granted at once) or declines (not asked again) — or objects to an opt-out offer. */
  async respond(actor: Actor, offerId: string, accept: boolean, ctx: RequestContext) {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      const offer = await repos.proactive.findOfferForUpdate(offerId);
      if (!offer || offer.person_id !== actor.personId) throw new DomainError("OFFER_NOT_FOUND");
      const t = transitionFrom(OFFER_TRANSITIONS, accept ? "grant" : "decline", offer.status);
      if (!t) throw new DomainError("OFFER_STATE", { status: offer.status });
      if (accept) return this.grant(repos, actor, offer, ctx);
      await repos.proactive.updateOffer(offer.id, { status: t.to, decided_at: this.now(), reply_by: null });
      await repos.audit.append(actor, ctx, { action: "benefit.decline", targetType: "benefit_offer", targetId: offer.id, regionCode: offer.region_code, subjectPersonId: offer.person_id, details: { itemId: offer.item_id } });
    });
    return (await this.mine(actor)).find((o) => o.id === offerId)!;
  }

  /** Opt-out offers whose notice period has passed without an objection are granted. */
  async grantDue(limit = 500): Promise<number> {
    let granted = 0;
    for (const { id } of await this.store.repos.proactive.dueOptOuts(todayInChina(this.now()), limit)) {
      const done = await this.store
        .transact(async (repos) => {
          const offer = await repos.proactive.findOfferForUpdate(id);
          if (!offer || !transitionFrom(OFFER_TRANSITIONS, "grant", offer.status)) return false;
          await this.grant(repos, GRANTOR, offer, SYSTEM_CONTEXT);
          return true;
        })
        .catch(async (err: unknown) => {
          // Granted meanwhile through another channel: the offer lapses rather than granting twice.
          if (!(err instanceof DomainError && err.code === "ALREADY_HELD")) throw err;
          await this.store.transact(async (repos) => {
            await repos.proactive.updateOffer(id, { status: transitionFrom(OFFER_TRANSITIONS, "decline", "offered")!.to, decided_at: this.now(), reply_by: null });
            await repos.audit.append(GRANTOR, SYSTEM_CONTEXT, { action: "benefit.already_held", targetType: "benefit_offer", targetId: id, details: (err.details as Record<string, unknown> | undefined) ?? {} });
          });
          return false;
        });
      if (done) granted++;
    }
    return granted;
  }

  /**
   * The grant, in the caller's transaction: the form filled from the registries (the read recorded),
   * an application created and decided by the item's rule, the payment instruction, a message.
   */
  private async grant(repos: Repos, actor: Actor, offer: NonNullable<Awaited<ReturnType<ProactiveRepository["findOfferForUpdate"]>>>, ctx: RequestContext) {
    const item = await repos.catalogue.findApplicable(offer.item_id);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    const content = await this.contents.get(item.version_id, repos);
    const person = (await repos.persons.findById(offer.person_id))!;
    const subject = { personId: offer.person_id, enterpriseId: null, accountId: offer.account_id };
    const { filled } = await this.prefills.fill(repos, actor, ctx, subject, item, content);
    const formData = Object.fromEntries(filled.map((f) => [f.key, f.value]));
    const receipt = await this.applications.createInTransaction(repos, actor, { itemId: item.id, formData, dataConsent: true }, { channel: "online", applicantAccountId: offer.account_id, applicantPersonId: offer.person_id, applicantName: person.name, acceptingOrgId: null }, ctx, { grant: offer.id, mode: offer.mode });
    const approved = receipt.outcome === "approved";
    // The amount and first pay date were assessed on approval (待遇核定), in this transaction.
    const benefit = approved ? assessedBenefitOf(await repos.applications.listEvents(receipt.id)) : null;
    const instruction = approved ? (benefit ? `已向发放机构下达发放指令：${benefitSentence(benefit)}` : `已向发放机构下达发放指令：按“${content.name}”标准发放至${person.name}本人社会保障卡金融账户`) : null;
    await repos.proactive.updateOffer(offer.id, { status: transitionFrom(OFFER_TRANSITIONS, "grant", offer.status)!.to, application_id: receipt.id, decided_at: this.now(), ...(instruction ? { payment: JSON.stringify({ instruction, benefit, at: this.now().toISOString() }) } : {}) });
    await repos.audit.append(actor, ctx, { action: "benefit.grant", targetType: "benefit_offer", targetId: offer.id, regionCode: offer.region_code, subjectPersonId: offer.person_id, purpose: `免申即享：${content.name}`, details: { applicationId: receipt.id, number: receipt.number, outcome: receipt.outcome, payment: instruction } });
    if (!approved && offer.account_id) {
      await sendDirect(repos, [{ accountId: offer.account_id, kind: "benefit", title: `免申即享：${content.name}`, body: `已为您生成办件 ${receipt.number}，需要工作人员审核后办结。`, titleEn: `Yours without applying: ${content.name}`, bodyEn: `Application ${receipt.number} has been made for you; staff will check it and decide.`, link: `/me/applications/${receipt.id}`, external: true }], offer.region_code);
    }
  }

  /** A person of the department (approver or supervisor in scope) revokes a grant with the reason: the certificate is revoked and payment stopped. */
  async revoke(actor: Actor, offerId: string, reason: string, ctx: RequestContext) {
    if (!hasRole(actor, "approver", "supervisor")) throw new DomainError("FORBIDDEN");
    if (!reason.trim()) throw new DomainError("REASON_REQUIRED");
    const revoked = await this.store.transact(async (repos) => {
      const offer = await repos.proactive.findOfferForUpdate(offerId);
      if (!offer) throw new DomainError("OFFER_NOT_FOUND");
      const item = (await repos.catalogue.findItem(offer.item_id))!;
      if (!canSeeGrant(actor, item.org_path)) throw new DomainError("OFFER_NOT_FOUND");
      if (!canRevokeGrant(actor, item.org_path)) throw new DomainError("FORBIDDEN");
      const t = transitionFrom(OFFER_TRANSITIONS, "revoke", offer.status);
      if (!t || !offer.application_id) throw new DomainError("OFFER_STATE", { status: offer.status });
      // The certificates go through their own lifecycle: each revocation has its audit record.
      const certificates = await this.certificates.revokeForApplication(repos, actor, offer.application_id, `免申即享待遇撤销：${reason.trim()}`, ctx);
      const app = (await repos.applications.findById(offer.application_id))!;
      await this.applications.recordEvent(repos, app, { action: "grant_revoked", from: app.state, to: app.state, actor: { accountId: actor.accountId, name: actor.name, orgId: actor.orgId }, opinion: `撤销免申即享待遇：${reason.trim()}`, details: { offerId, certificates } });
      await this.applications.releaseHolding(repos, app.id);
      await this.stopPayouts(repos, actor, app.id, reason.trim(), ctx);
      await repos.proactive.updateOffer(offer.id, { status: t.to, revoked_by: actor.name, revoke_reason: reason.trim(), payment: JSON.stringify({ instruction: `已下达停发指令（${reason.trim()}）`, at: this.now().toISOString() }) });
      await repos.audit.append(actor, ctx, { action: "benefit.revoke", targetType: "benefit_offer", targetId: offer.id, regionCode: offer.region_code, subjectPersonId: offer.person_id, details: { applicationId: app.id, number: app.number, reason: reason.trim(), certificates } });
      if (offer.account_id) await sendDirect(repos, [{ accountId: offer.account_id, kind: "benefit", title: "免申即享待遇已撤销", body: `您的办件 ${app.number} 所享受的待遇已由${actor.name}撤销，原因：${reason.trim()}。如有异议，可拨打 12345 或在线提出诉求。`, titleEn: "Benefit stopped", bodyEn: `The benefit of your application ${app.number} was stopped by ${actor.name}. Reason: ${reason.trim()}. If you disagree, call 12345 or raise it online.`, link: "/me/benefits", external: true }], offer.region_code);
      return certificates;
    });
    // Once committed, public verification in this process answers “revoked” at once.
    this.certificates.forgetVerified(revoked);
  }
}
