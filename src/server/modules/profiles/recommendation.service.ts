import { reasonFor, RECOMMENDATIONS, type Recommendation } from "../../../shared/recommendations";
import { evaluate } from "../../../shared/rules";
import type { Actor } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { BundleRepository } from "../bundles";
import type { ProfileRepository } from "./profile.repository";
import { DomainError } from "../../domain-error";
import type { ProfileService } from "./profile.service";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { bundles: BundleRepository; profiles: ProfileRepository };

/**
 * Where a recommendation leads: an item's implementation in the subject's district when there is one
 * (else the city's), a published bundle, or a page; null when there is nowhere to go.
 */
export async function resolveTarget(repos: Repos, target: Recommendation["target"], district: string): Promise<{ title: string; link: string } | null> {
  if (target.kind === "page") return { title: target.title, link: target.path };
  if (target.kind === "bundle") {
    const bundle = await repos.bundles.findByCode(target.code);
    return bundle?.status === "published" ? { title: bundle.name, link: `/bundles/${bundle.code}` } : null;
  }
  const item = await repos.profiles.implementationFor(target.basicCode, district);
  return item ? { title: item.name, link: `/items/${item.id}` } : null;
}

/**
 * 为您推荐: the recommendations whose rule the citizen's (or their enterprise's) profile clearly meets
 * (an undecided rule recommends nothing), each with its reason and where to go; one per destination.
 */
export class RecommendationService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly profiles: ProfileService,
  ) {}

  /** The reasons are in the reader's language; the service's name stays as the catalogue publishes it. */
  async forMe(actor: Actor, lang: "zh" | "en" = "zh") {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    const repos = this.store.repos;
    const profile = actor.actingFor ? await this.profiles.ofEnterprise(repos, actor.actingFor.enterpriseId) : await this.profiles.ofPerson(repos, actor.personId);
    const facts = Object.fromEntries(profile.facts.map((f) => [f.fact, f.value]));
    const out: Array<{ key: string; title: string; reason: string; link: string }> = [];
    for (const r of RECOMMENDATIONS.filter((x) => x.audience === profile.subject.kind)) {
      if (evaluate(r.rule, facts).outcome !== "pass") continue;
      const target = await resolveTarget(repos, r.target, profile.subject.district.slice(0, 6));
      if (target && !out.some((o) => o.link === target.link)) out.push({ key: r.key, ...target, reason: reasonFor(lang === "en" ? r.reasonEn : r.reason, facts) });
    }
    return out;
  }
}
