import { HOLDING_LIMITS, type HoldingLimit } from "../../../shared/catalogue";
import type { UnitOfWork } from "../../db/store";
import type { FormValues } from "../../../shared/form-values";
import type { FormField } from "../../../shared/schemas/catalogue";
import type { HoldingRepository } from "./holding.repository";
import type { PersonRepository } from "../registry";
import { DomainError } from "../../domain-error";
import { isUniqueViolation } from "../../db/database";
import { chinaDate } from "../../../shared/china-time";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { holdings: HoldingRepository; persons: PersonRepository };

/** Who holds: the person, the enterprise they act for. */
export interface HoldingSubject {
  personId: string | null;
  enterpriseId: string | null;
}

/** The subject's key for "once" and "one in progress": the enterprise acted for, else the person. */
export function subjectKey(subject: HoldingSubject): string | null {
  return subject.enterpriseId ? `enterprise:${subject.enterpriseId}` : subject.personId ? `person:${subject.personId}` : null;
}

/** Whether an application's holding stays when it is decided: a grant is kept; "one in progress" ends with any decision. */
export function keepsHolding(limit: HoldingLimit, outcome: string): boolean {
  return limit !== "one_in_progress" && outcome === "approved";
}

/**
 * The key the limit counts by: the subject, or for "once per child" the child — found among the
 * applicant's children in the population registry by the name the form gives (both parents then
 * count as one), else the applicant and that name.
 */
export async function holdingKeyFor(repos: Repos, limit: HoldingLimit, fields: FormField[], formData: FormValues, subject: HoldingSubject): Promise<string | null> {
  if (limit !== "once_per_child") return subjectKey(subject);
  const nameField = fields.find((f) => f.dataElement === "child.name");
  const childName = nameField ? String(formData[nameField.key] ?? "").trim() : "";
  if (!childName || !subject.personId) return subjectKey(subject);
  const child = await repos.persons.findChildByName(subject.personId, childName);
  return child ? `child:${child.id}` : `child-of:${subject.personId}:${childName}`;
}

/**
 * Claims the item for the subject in the application's transaction, or refuses naming what they hold:
 * ALREADY_HELD with the existing application's number. The unique index settles a race.
 */
export async function claimHolding(repos: Repos, app: { id: string; basicCode: string; itemName: string }, limit: HoldingLimit, key: string): Promise<void> {
  const held = await repos.holdings.findActive(app.basicCode, key);
  if (held) throw alreadyHeld(app.itemName, limit, held);
  try {
    await repos.holdings.insert({ application_id: app.id, basic_code: app.basicCode, holding_key: key, limit_kind: limit });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError("ALREADY_HELD", { limit, say: { zh: `“${app.itemName}”${HOLDING_LIMITS[limit].zh}，已有一件同时提交的申请。`, en: `"${app.itemName}": ${HOLDING_LIMITS[limit].en}; another application was just submitted.` } });
    throw err;
  }
}

function alreadyHeld(itemName: string, limit: HoldingLimit, held: { number: string; submitted_at: Date; outcome: string | null }): DomainError {
  const day = chinaDate(held.submitted_at);
  const granted = held.outcome === "approved";
  return new DomainError("ALREADY_HELD", {
    limit,
    existing: { number: held.number, submittedOn: day, granted },
    say: {
      zh: `“${itemName}”${HOLDING_LIMITS[limit].zh}。您已于 ${day} ${granted ? "获准" : "提交"}（办件编号 ${held.number}${granted ? "" : "，正在办理"}），不能重复申请。`,
      en: `"${itemName}": ${HOLDING_LIMITS[limit].en}. You ${granted ? "were granted it" : "applied"} on ${day} (application ${held.number}).`,
    },
  });
}
