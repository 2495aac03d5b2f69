import { describe, expect, it } from "vitest";
import { reconcile } from "./reconciliation.service";

const line = (merchantNo: string, amountFen: number, type: "payment" | "refund" | "payout" = "payment") => ({ date: "2026-12-06", type, merchantNo, providerNo: `P${merchantNo}`, amountFen, at: "2026-12-06T02:00:00.000Z" });

describe("对账 matching", () => {
  it("matches by kind and number, and names each difference", () => {
    const r = reconcile(
      [line("A", 2000), line("B", 2000), line("B", 2000), line("C", 1500), line("X", 900), line("A", 2000, "refund")],
      [
        { type: "payment", merchantNo: "A", amountFen: 2000 },
        { type: "payment", merchantNo: "B", amountFen: 2000 },
        { type: "payment", merchantNo: "C", amountFen: 2000 },
        { type: "payment", merchantNo: "D", amountFen: 3000 },
        { type: "refund", merchantNo: "A", amountFen: 2000 },
      ],
    );
    expect(r.matched).toBe(3);
    expect(r.findings.map((f) => [f.kind, f.merchantNo, f.platformFen, f.providerFen])).toEqual([
      ["duplicate", "B", 2000, 2000],
      ["amount_mismatch", "C", 2000, 1500],
      ["missing_on_platform", "X", null, 900],
      ["missing_at_provider", "D", 3000, null],
    ]);
  });

  it("finds nothing when both sides agree, in any order", () => {
    const ours = Array.from({ length: 1000 }, (_, i) => ({ type: "payment" as const, merchantNo: `N${i}`, amountFen: 100 + i }));
    const theirs = [...ours].reverse().map((o) => line(o.merchantNo, o.amountFen));
    expect(reconcile(theirs, ours)).toEqual({ matched: 1000, findings: [] });
  });
});
