import { describe, expect, it } from "vitest";
import { signedHeaders, verifySigned } from "./sdk";

describe("the payment platform's signatures", () => {
  const keyOf = (m: string) => (m === "m1" ? "k1" : undefined);
  const body = JSON.stringify({ id: "EVT1", amountFen: 2000 });

  it("accepts a message signed with the merchant's key within the window", () => {
    expect(verifySigned(signedHeaders("m1", "k1", "POST", "/notify", body, 1_000_000), "POST", "/notify", body, keyOf, 1_000_000 + 60_000)).toBe("ok");
  });

  it("refuses a changed body, path or method, another key, an unknown merchant, an old or future timestamp, missing headers", () => {
    const h = signedHeaders("m1", "k1", "POST", "/notify", body, 1_000_000);
    expect(verifySigned(h, "POST", "/notify", body.replace("2000", "1"), keyOf, 1_000_000)).toBe("bad_signature");
    expect(verifySigned(h, "POST", "/other", body, keyOf, 1_000_000)).toBe("bad_signature");
    expect(verifySigned(h, "GET", "/notify", body, keyOf, 1_000_000)).toBe("bad_signature");
    expect(verifySigned(signedHeaders("m1", "k2", "POST", "/notify", body, 1_000_000), "POST", "/notify", body, keyOf, 1_000_000)).toBe("bad_signature");
    expect(verifySigned(signedHeaders("m2", "k1", "POST", "/notify", body, 1_000_000), "POST", "/notify", body, keyOf, 1_000_000)).toBe("unknown_merchant");
    expect(verifySigned(h, "POST", "/notify", body, keyOf, 1_000_000 + 301_000)).toBe("stale");
    expect(verifySigned(h, "POST", "/notify", body, keyOf, 1_000_000 - 301_000)).toBe("stale");
    expect(verifySigned({}, "POST", "/notify", body, keyOf, 1_000_000)).toBe("missing");
  });
});
