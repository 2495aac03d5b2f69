import { reasonFor, RECOMMENDATIONS } from "../../../shared/recommendations";
import { evaluate } from "../../../shared/rules";
import type { Actor } from "../../actor";
import type { Store } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { ProfileService } from "./profile.service";

/**
 * 为您推荐: the recommendations whose rule the citizen's (or their enterprise's) profile clearly meets
 * (an undecided rule recommends nothing), each with its reason and where to go — an item's
 * implementation in the subject's district when there is one, a bundle, or a page.
 */
export class RecommendationService {
  constructor(
    private readonly store: Store,
    private readonly profiles: ProfileService,
  ) {}

  async forMe(actor: Actor) {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    const repos = this.store.repos;
    const profile = actor.actingFor ? await this.profiles.ofEnterprise(repos, actor.actingFor.enterpriseId) : await this.profiles.ofPerson(repos, actor.personId);
    const facts = Object.fromEntries(profile.facts.map((f) => [f.fact, f.value]));
    const district = (facts["person.hukou_district"] ?? facts["enterprise.district"]) as string | undefined;
    const out: Array<{ key: string; title: string; reason: string; link: string }> = [];
    for (const r of RECOMMENDATIONS.filter((x) => x.audience === profile.subject.kind)) {
      if (evaluate(r.rule, facts).outcome !== "pass") continue;
      const reason = reasonFor(r.reason, facts);
      if (r.target.kind === "page") out.push({ key: r.key, title: r.target.title, reason, link: r.target.path });
      else if (r.target.kind === "bundle") {
        const bundle = await repos.bundles.findByCode(r.target.code);
        if (bundle?.status === "published") out.push({ key: r.key, title: bundle.name, reason, link: `/bundles/${bundle.code}` });
      } else {
        const item = await repos.profiles.implementationFor(r.target.basicCode, district ?? "310000");
        if (item) out.push({ key: r.key, title: item.name, reason, link: `/items/${item.id}` });
      }
    }
    return out;
  }
}
