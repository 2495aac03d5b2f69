import { describe, expect, it } from "vitest";
import { APPOINTMENT_TRANSITIONS, CERTIFICATE_TRANSITIONS, OFFER_TRANSITIONS, transitionFrom } from "./lifecycle";

describe("lifecycles as tables", () => {
  it("lets a certificate be suspended, reinstated and revoked, revocation being final", () => {
    expect(transitionFrom(CERTIFICATE_TRANSITIONS, "suspend", "valid")?.to).toBe("suspended");
    expect(transitionFrom(CERTIFICATE_TRANSITIONS, "reinstate", "suspended")?.to).toBe("valid");
    expect(transitionFrom(CERTIFICATE_TRANSITIONS, "revoke", "suspended")?.to).toBe("revoked");
    expect(transitionFrom(CERTIFICATE_TRANSITIONS, "reinstate", "valid")).toBeNull();
    for (const action of ["suspend", "reinstate", "revoke"] as const) expect(transitionFrom(CERTIFICATE_TRANSITIONS, action, "revoked")).toBeNull();
  });

  it("grants or declines an offer once, and revokes only a grant", () => {
    expect(transitionFrom(OFFER_TRANSITIONS, "grant", "offered")?.to).toBe("granted");
    expect(transitionFrom(OFFER_TRANSITIONS, "decline", "offered")?.to).toBe("declined");
    expect(transitionFrom(OFFER_TRANSITIONS, "grant", "declined")).toBeNull();
    expect(transitionFrom(OFFER_TRANSITIONS, "revoke", "offered")).toBeNull();
    expect(transitionFrom(OFFER_TRANSITIONS, "revoke", "granted")?.to).toBe("revoked");
  });

  it("changes an appointment only while it is booked", () => {
    expect(transitionFrom(APPOINTMENT_TRANSITIONS, "reschedule", "booked")?.to).toBe("booked");
    expect(transitionFrom(APPOINTMENT_TRANSITIONS, "check_in", "booked")?.to).toBe("checked_in");
    for (const from of ["cancelled", "checked_in"]) for (const action of ["cancel", "reschedule", "check_in"] as const) expect(transitionFrom(APPOINTMENT_TRANSITIONS, action, from)).toBeNull();
  });

  it("names every action in Chinese", () => {
    for (const t of [...CERTIFICATE_TRANSITIONS, ...OFFER_TRANSITIONS, ...APPOINTMENT_TRANSITIONS]) expect(t.label).toMatch(/[\u4e00-\u9fff]/);
  });
});
