import type { Actor, RequestContext } from "../../actor";
import type { Repos as SourceRepos } from "./registry-sources";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { SharingRepository } from "./sharing.repository";
import { DomainError } from "../../domain-error";
import type { AuditEntry } from "../audit";
import { todayInChina } from "../../../shared/working-days";
import { resolveElements, type SourcedValue, type Subject } from "./registry-sources";
import { dataUseDetails, purposeDetails, purposeText, type DataUseSource, type SharePurpose } from "./data-use-record";
import type { RuleBasis } from "./sharing.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; sharing: SharingRepository } & SourceRepos;

export interface ShareRequest {
  subject: Subject;
  elements: string[];
  purpose: SharePurpose;
  /** The data subject (or the applicant, for their family and enterprise) agreed to this use. */
  consented: boolean;
}

export type DenialReason = "NO_RULE" | "NO_CONSENT";

const DENIAL_TEXT: Record<DenialReason, string> = {
  NO_RULE: "共享目录中没有允许该部门为该事项调取这些数据的规则",
  NO_CONSENT: "数据主体未同意本次调取",
};

/** Which subject a rule must reach for an element: family data and a legal representative's ID need their own rules. */
export function ruleSubjectFor(element: string): "applicant" | "applicant_family" | "legal_representative" {
  if (element.startsWith("spouse.") || element.startsWith("child.") || element === "cert:birth_certificate") return "applicant_family";
  if (element === "enterprise.legalRepIdNumber") return "legal_representative";
  return "applicant";
}

/** What the rules are asked: may this org, for this item, read these elements (each of the subject its rule must name)? */
function ruleBasis(orgId: string, itemCode: string, elements: string[]): RuleBasis {
  return { orgId, itemCode, elements, subjects: elements.map(ruleSubjectFor) };
}

class ShareDenied extends DomainError {
  constructor(
    readonly reason: DenialReason,
    readonly request: ShareRequest,
    readonly elements: string[],
  ) {
    super("SHARING_DENIED", { reason, explanation: DENIAL_TEXT[reason], elements });
  }
}

/**
 * The one way personal data leaves the base registries: a read names its purpose (the item being
 * applied for, or the application being handled), must be covered by a sharing rule of the reading
 * organisation for that item (共享目录), and needs the subject's consent. Each read writes an audit
 * record per data subject in the caller's transaction (when, which organisation, which registries,
 * which elements, for which application), which the subject sees on 我的数据使用记录. A refused read
 * is recorded too — in its own transaction, since the caller's rolls back — and says why.
 */
export class SharingService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Which of the elements the reading org's active rules for the item cover. */
  async covered(unit: UnitOfWork, readerOrgId: string, itemCode: string, elements: string[]): Promise<{ allowed: string[]; denied: string[] }> {
    const repos = this.store.within(unit);
    const wanted = [...new Set(elements)];
    const allowed = new Set(await repos.sharing.allowedElements(ruleBasis(readerOrgId, itemCode, wanted)));
    return { allowed: wanted.filter((e) => allowed.has(e)), denied: wanted.filter((e) => !allowed.has(e)) };
  }

  /**
   * Reads what the rules allow, in the caller's transaction, and records it. Elements no rule covers
   * are left out and named in `denied`; when none is covered, or there is no consent, the read is
   * refused (SHARING_DENIED) — wrap the transaction in `recordingDenials`.
   */
  async read(unit: UnitOfWork, actor: Actor, ctx: RequestContext, request: ShareRequest): Promise<{ values: SourcedValue[]; denied: string[] }> {
    const repos = this.store.within(unit);
    if (!request.elements.length) return { values: [], denied: [] };
    if (!request.consented) throw new ShareDenied("NO_CONSENT", request, request.elements);
    const wanted = [...new Set(request.elements)];
    const { values, allowed } = await resolveElements(repos, this.cipher, request.subject, ruleBasis(request.purpose.readerOrgId, request.purpose.itemCode, wanted), todayInChina(this.now()));
    const covered = new Set(allowed);
    const denied = wanted.filter((e) => !covered.has(e));
    if (!covered.size) throw new ShareDenied("NO_RULE", request, denied);
    await this.record(repos, actor, ctx, request, values, denied);
    return { values, denied };
  }

  /** Runs `work` (a transaction that reads through `read`); a refused read is recorded before the error goes on. */
  async recordingDenials<T>(actor: Actor, ctx: RequestContext, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ShareDenied) await this.store.transact((repos) => this.recordDenial(repos, actor, ctx, err));
      throw err;
    }
  }

  private async recordDenial(repos: Repos, actor: Actor, ctx: RequestContext, err: ShareDenied) {
    const { request } = err;
    await repos.audit.append(actor, ctx, {
      action: "data.share.denied",
      targetType: request.subject.personId ? "person" : "enterprise",
      targetId: request.subject.personId ?? request.subject.enterpriseId,
      orgId: request.purpose.readerOrgId,
      regionCode: request.purpose.regionCode,
      ...(request.subject.personId ? { subjectPersonId: request.subject.personId } : {}),
      purpose: purposeText(request.purpose),
      details: { reason: err.reason, explanation: DENIAL_TEXT[err.reason], elements: err.elements, ...purposeDetails(request.purpose) },
    });
  }

  /** One record per data subject: the applicant, and each family member whose data was read — appended together. */
  private async record(repos: Repos, actor: Actor, ctx: RequestContext, request: ShareRequest, values: SourcedValue[], denied: string[]) {
    const bySubject = new Map<string | null, SourcedValue[]>();
    for (const v of values) {
      // Account data is the applicant's own; enterprise data has no person behind it unless a representative.
      const key = v.subjectPersonId ?? request.subject.personId;
      bySubject.set(key, [...(bySubject.get(key) ?? []), v]);
    }
    if (!bySubject.size) bySubject.set(request.subject.personId, []);
    const entries: AuditEntry[] = [];
    for (const [personId, vs] of bySubject) {
      const sources = new Map<string, DataUseSource>();
      for (const v of vs) {
        const key = `${v.registry}:${v.orgCode ?? ""}`;
        const s = sources.get(key) ?? { registry: v.registry, orgCode: v.orgCode, elements: [] };
        if (!s.elements.includes(v.element)) s.elements.push(v.element);
        sources.set(key, s);
      }
      entries.push({
        action: "data.share",
        targetType: personId ? "person" : "enterprise",
        targetId: personId ?? request.subject.enterpriseId,
        orgId: request.purpose.readerOrgId,
        regionCode: request.purpose.regionCode,
        ...(personId ? { subjectPersonId: personId } : {}),
        purpose: purposeText(request.purpose),
        details: dataUseDetails([...sources.values()], request.purpose, personId === request.subject.personId ? denied : []),
      });
    }
    await repos.audit.appendMany(actor, ctx, entries);
  }
}
