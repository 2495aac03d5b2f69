import type PgBoss from "pg-boss";
import type { BenefitService } from "../modules/proactive/benefit.service";
import type { PolicyMatchService } from "../modules/proactive/policy-match.service";
import type { ProactiveService } from "../modules/proactive/push.service";

export const PROACTIVE_QUEUE = "proactive-service";
export const POLICY_MATCH_QUEUE = "policy-match";

/**
 * Proactive service in the background: at start and every morning the life-event and expiry triggers are pushed,
 * 免申即享 offers made to newly eligible people and opt-out offers past their notice period granted;
 * a published policy's matching runs as its own job (retried on failure, adding only new matches).
 */
export async function registerProactive(boss: PgBoss, services: { proactive: ProactiveService; benefits: BenefitService; policyMatch: PolicyMatchService }, work: boolean): Promise<void> {
  await boss.createQueue(PROACTIVE_QUEUE);
  await boss.createQueue(POLICY_MATCH_QUEUE);
  await boss.schedule(PROACTIVE_QUEUE, "30 8 * * *", {}, { tz: "Asia/Shanghai" });
  services.policyMatch.scheduler = async (policyId) => {
    await boss.send(POLICY_MATCH_QUEUE, { policyId }, { retryLimit: 3, retryDelay: 60 });
  };
  if (work) {
    await boss.work(PROACTIVE_QUEUE, async () => {
      await services.proactive.runTriggers();
      await services.benefits.identify();
      await services.benefits.grantDue();
    });
    await boss.work<{ policyId: string }>(POLICY_MATCH_QUEUE, async ([job]) => {
      if (job) await services.policyMatch.match(job.data.policyId);
    });
    // Also once at start: pushes and offers are once per event, so a restart tells no one twice.
    await boss.send(PROACTIVE_QUEUE, {});
  }
}
