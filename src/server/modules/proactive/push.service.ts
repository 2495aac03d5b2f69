import { reasonFor, RECOMMENDATIONS } from "../../../shared/recommendations";
import type { Repos as ScanRepos } from "./subject-scan";
import type { RecommendationRepos as TargetRepos } from "../profiles";
import type { DirectMessageRepos } from "../notifications";
import { outcomeOf } from "../../../shared/rules";
import { todayInChina } from "../../../shared/working-days";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "../identity";
import type { AuditRepository } from "../audit";
import type { ProactiveRepository } from "./proactive.repository";
import { sendDirect } from "../notifications";
import { resolveTarget } from "../profiles";
import { scanSubjects, type Audience } from "./subject-scan";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; audit: AuditRepository; proactive: ProactiveRepository } & DirectMessageRepos & TargetRepos & ScanRepos;

/** At most this many proactive messages reach one account in `PUSH_WINDOW_DAYS` days; the rest wait. */
export const PUSH_LIMIT = 3;
export const PUSH_WINDOW_DAYS = 7;

export interface Push {
  trigger: string;
  subject: { kind: Audience; id: string; personId: string };
  ref: string;
  accountId: string;
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
  link: string;
  regionCode: string;
}
export type PushOutcome = "sent" | "seen" | "opted_out" | "limited";

/**
 * 主动推送: "您可能需要办理…" messages, sent through the message centre once per subject and event,
 * never to an account that has opted out, and at most `PUSH_LIMIT` a week per account (held back ones
 * go out on a later run). Each push records that the subject's data was used, and why.
 */
export class ProactiveService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly now: () => Date,
  ) {}

  /** Sends one push in the caller's transaction, or says why not. */
  async push(unit: UnitOfWork, p: Push): Promise<PushOutcome> {
    const repos = this.store.within(unit);
    const account = await repos.accounts.findById(p.accountId);
    if (!account || account.disabled || !account.notify_proactive) return "opted_out";
    if (await repos.proactive.pushSeen(p.trigger, p.subject.id, p.ref)) return "seen";
    const since = new Date(this.now().getTime() - PUSH_WINDOW_DAYS * 86_400_000);
    if ((await repos.proactive.pushesSince(p.accountId, since)) >= PUSH_LIMIT) return "limited";
    const inserted = await repos.proactive.insertPush({ trigger_key: p.trigger, subject_kind: p.subject.kind, subject_id: p.subject.id, ref: p.ref, account_id: p.accountId, title: p.title, body: p.body, link: p.link, region_code: p.regionCode, created_at: this.now() });
    if (!inserted) return "seen";
    await sendDirect(repos, [{ accountId: p.accountId, kind: "proactive", title: p.title, body: p.body, titleEn: p.titleEn, bodyEn: p.bodyEn, link: p.link, external: true }], p.regionCode);
    await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "proactive.push", targetType: p.subject.kind, targetId: p.subject.id, regionCode: p.regionCode, subjectPersonId: p.subject.personId, purpose: "主动服务推送", details: { trigger: p.trigger, ref: p.ref, title: p.title } });
    return "sent";
  }

  /**
   * The daily run of the life-event and expiry triggers (the recommendations with a `push`): every
   * subject with an account, its facts derived fresh, each passing trigger pushed once for its event.
   */
  async runTriggers(): Promise<Record<PushOutcome, number>> {
    const today = todayInChina(this.now());
    const counts: Record<PushOutcome, number> = { sent: 0, seen: 0, opted_out: 0, limited: 0 };
    const targets = new Map<string, { title: string; link: string } | null>();
    for (const audience of ["person", "enterprise"] as const) {
      const triggers = RECOMMENDATIONS.filter((r) => r.audience === audience && r.push);
      for await (const batch of scanSubjects(this.store.repos, audience, today, { withAccount: true })) {
        for (const s of batch) {
          if (!s.account_id) continue;
          if (!s.notify_proactive) {
            counts.opted_out++;
            continue;
          }
          // Served where the subject lives or is registered (someone registered elsewhere lives here).
          const served = s.district.slice(0, 6);
          // Two triggers leading to the same service for the same subject (高龄 and 老年综合津贴) push once.
          const done = new Set<string>();
          for (const r of triggers) {
            if (outcomeOf(r.rule, s.facts) !== "pass") continue;
            const key = `${JSON.stringify(r.target)}|${served}`;
            if (!targets.has(key)) targets.set(key, await resolveTarget(this.store.repos, r.target, served));
            const target = targets.get(key);
            if (!target || done.has(target.link)) continue;
            done.add(target.link);
            const outcome = await this.store.transact((repos) =>
              this.push(repos, {
                trigger: r.key,
                subject: { kind: audience, id: s.id, personId: s.person_id },
                ref: reasonFor(r.push!.ref, s.facts),
                accountId: s.account_id!,
                title: r.push!.title,
                body: `${audience === "enterprise" ? `【${s.name}】` : ""}${reasonFor(r.reason, s.facts)}。`,
                titleEn: r.push!.titleEn,
                bodyEn: `${audience === "enterprise" ? `[${s.name}] ` : ""}${reasonFor(r.reasonEn, s.facts)}.`,
                link: target.link.startsWith("/items/") ? `${target.link}?oneclick=1` : target.link,
                regionCode: s.district,
              }),
            );
            counts[outcome]++;
          }
        }
      }
    }
    return counts;
  }
}
