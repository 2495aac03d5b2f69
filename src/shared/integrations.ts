import type { Role } from "./roles";

/**
 * What a department system (machine client) may be granted. Each scope admits the endpoints that name
 * it (`clientScope` in shared/api) and gives the client's actor the staff roles the services check, so a
 * client is authorised like a member of its organisation's staff holding those roles — no more.
 */
export const CLIENT_SCOPES = {
  "applications.read": { zh: "读取本机构办理的办件", en: "Read the organisation's applications", roles: [] },
  "applications.act": { zh: "办理本机构的办件（受理、补正、决定）", en: "Act on the organisation's applications", roles: ["window_clerk", "reviewer", "approver"] },
  "certificates.issue": { zh: "随准予决定颁发电子证照（提供证照数据）", en: "Issue certificates with their data on approval", roles: [] },
  "registries.read": { zh: "按共享规则查询人口、法人信息", en: "Read registries under the sharing rules", roles: ["reviewer"] },
  "webhooks.manage": { zh: "管理本机构的事件订阅", en: "Manage the organisation's event subscriptions", roles: [] },
} as const satisfies Record<string, { zh: string; en: string; roles: readonly Role[] }>;

export type ClientScope = keyof typeof CLIENT_SCOPES;
export const CLIENT_SCOPE_CODES = Object.keys(CLIENT_SCOPES) as [ClientScope, ...ClientScope[]];

/** The staff roles a client holding `scopes` acts with. */
export function rolesOfScopes(scopes: readonly string[]): Role[] {
  const roles = new Set<Role>();
  for (const s of scopes) for (const r of CLIENT_SCOPES[s as ClientScope]?.roles ?? []) roles.add(r);
  return [...roles];
}

/** The CloudEvents `type` prefix of every event the platform sends. */
export const EVENT_TYPE_PREFIX = "cn.gov.haoban.";

/**
 * The event catalogue: what a subscription may ask for. `stream` says what events are ordered by
 * (deliveries of one stream reach a subscriber one after the other, in the order they happened).
 */
export const EVENT_TYPES = {
  "application.submitted": { zh: "收到申请", en: "Application submitted", stream: "application" },
  "application.accepted": { zh: "已受理", en: "Application accepted", stream: "application" },
  "application.supplement_requested": { zh: "一次性告知补正", en: "Supplement requested", stream: "application" },
  "application.resubmitted": { zh: "补正后重新提交", en: "Application resubmitted", stream: "application" },
  "application.progressed": { zh: "办理环节推进（如审查通过）", en: "Application moved to the next step", stream: "application" },
  "application.decided": { zh: "办结（准予、不予、不予受理）", en: "Application decided", stream: "application" },
  "application.withdrawn": { zh: "申请人撤回", en: "Application withdrawn", stream: "application" },
  "certificate.issued": { zh: "电子证照已颁发", en: "Certificate issued", stream: "application" },
  "certificate.revoked": { zh: "电子证照已注销", en: "Certificate revoked", stream: "application" },
  "payment.settled": { zh: "费用已缴纳", en: "Fee paid", stream: "application" },
  "ticket.dispatched": { zh: "12345 工单派至本机构", en: "12345 ticket dispatched", stream: "ticket" },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_CODES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];

/** The kinds of the states a transition leaves and enters, and its outcome: enough to name its event. */
export interface TransitionFacts {
  fromKind: string | null;
  toKind: string;
  supplement: boolean;
}

/** The event an application's transition is: accepted, a 补正 asked or answered, a decision, a withdrawal, or a step. */
export function transitionEvent(t: TransitionFacts & { outcome: string | null }): EventType {
  if (t.toKind === "terminal") return t.outcome === "withdrawn" ? "application.withdrawn" : "application.decided";
  if (t.supplement || t.toKind === "waiting_applicant") return "application.supplement_requested";
  if (t.fromKind === "waiting_applicant") return "application.resubmitted";
  if (t.fromKind === "start") return "application.accepted";
  return "application.progressed";
}

/** Webhook signature headers (the Standard Webhooks scheme): id, Unix seconds, and `v1,<base64 HMAC-SHA256>` over `id.timestamp.body`. */
export const WEBHOOK_HEADERS = { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" } as const;
