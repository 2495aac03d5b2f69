/**
 * A lifecycle as data: which action may be taken from which states, and the state it leads to — the
 * same shape as the workflow, ticket and catalogue-version tables. Services look the action up here
 * instead of writing `if` chains, and the tables are shown and tested as they are.
 */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  label: string;
}

/** The transition for `action` from `state`, or null when the table does not allow it. */
export function transitionFrom<S extends string, A extends string>(table: ReadonlyArray<Transition<S, A>>, action: A, state: string): Transition<S, A> | null {
  return table.find((t) => t.action === action && (t.from as readonly string[]).includes(state)) ?? null;
}

/** An electronic certificate's status: suspended and reinstated by its issuer; revocation is final. */
export type CertificateStatus = "valid" | "suspended" | "revoked";
export const CERTIFICATE_TRANSITIONS: ReadonlyArray<Transition<CertificateStatus, "suspend" | "reinstate" | "revoke">> = [
  { action: "suspend", from: ["valid"], to: "suspended", label: "暂停使用" },
  { action: "reinstate", from: ["suspended"], to: "valid", label: "恢复使用" },
  { action: "revoke", from: ["valid", "suspended"], to: "revoked", label: "撤销" },
];

/** A 免申即享 offer: granted at once (or after the reply period), declined by the person, revoked by staff. */
export type OfferStatus = "offered" | "declined" | "granted" | "revoked";
export const OFFER_TRANSITIONS: ReadonlyArray<Transition<OfferStatus, "decline" | "grant" | "revoke">> = [
  { action: "decline", from: ["offered"], to: "declined", label: "不需要" },
  { action: "grant", from: ["offered"], to: "granted", label: "享受待遇" },
  { action: "revoke", from: ["granted"], to: "revoked", label: "撤销待遇" },
];

/** An appointment at a service centre: cancelled or moved by the citizen while booked, checked in at the window. */
export type AppointmentStatus = "booked" | "cancelled" | "checked_in";
export const APPOINTMENT_TRANSITIONS: ReadonlyArray<Transition<AppointmentStatus, "cancel" | "reschedule" | "check_in">> = [
  { action: "cancel", from: ["booked"], to: "cancelled", label: "取消预约" },
  { action: "reschedule", from: ["booked"], to: "booked", label: "改约" },
  { action: "check_in", from: ["booked"], to: "checked_in", label: "现场签到" },
];
