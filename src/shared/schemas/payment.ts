import { z } from "zod";
import { isoDate, pageQuery } from "./common";

/** A refund of a payment order, as payer and staff see it. */
export const refundView = z.object({
  id: z.string(),
  number: z.string(),
  amountFen: z.number(),
  reason: z.string(),
  status: z.enum(["requested", "processing", "succeeded", "failed"]),
  statusName: z.string(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** A payment order (缴费单): the lines and how each was reckoned, the 缴款码, its state, receipt and refunds. */
export const paymentView = z.object({
  id: z.string(),
  number: z.string(),
  payCode: z.string(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  subject: z.string(),
  stage: z.string(),
  stageName: z.string(),
  orgName: z.string(),
  payerName: z.string(),
  amountFen: z.number(),
  lines: z.array(z.object({ name: z.string(), amountFen: z.number(), detail: z.string(), exemptBy: z.string().nullable() })),
  status: z.enum(["pending", "paid", "closing", "closed", "expired", "refunded"]),
  statusName: z.string(),
  dueDate: z.string(),
  channelName: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Staff only: how the platform learnt of the payment (callback | query). */
  settledBy: z.string().nullable(),
  receiptCertificateId: z.string().nullable(),
  /** The 财政电子票据's identifier: anyone verifies it at /verify. */
  receiptIdentifier: z.string().nullable(),
  refundedFen: z.number(),
  closeReason: z.string().nullable(),
  /** Staff only: the provider's order number. */
  providerOrderNo: z.string().nullable(),
  refunds: z.array(refundView),
  createdAt: z.string(),
});
export type PaymentView = z.infer<typeof paymentView>;

export const paymentList = z.object({ items: z.array(paymentView) });

export const paymentListQuery = pageQuery.extend({
  status: z.enum(["pending", "paid", "closing", "closed", "expired", "refunded"]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(40).optional(),
});

/** A payout (待遇发放) of a granted benefit. */
export const payoutView = z.object({
  id: z.string(),
  number: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  subject: z.string(),
  payeeName: z.string(),
  orgName: z.string(),
  periodLabel: z.string(),
  periodName: z.string(),
  payDate: z.string(),
  amountFen: z.number(),
  accountMasked: z.string().nullable(),
  bankName: z.string().nullable(),
  status: z.enum(["requested", "processing", "succeeded", "failed", "stopped"]),
  statusName: z.string(),
  failure: z.string().nullable(),
  planStatus: z.string(),
  nextPayDate: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const payoutList = z.object({ items: z.array(payoutView) });
export const payoutListQuery = pageQuery.extend({ status: z.enum(["requested", "processing", "succeeded", "failed", "stopped"]).optional() });

/** One day's reconciliation (对账) and its findings. */
export const reconciliationRun = z.object({
  day: z.string(),
  providerLines: z.number(),
  platformLines: z.number(),
  matched: z.number(),
  findings: z.number(),
  openFindings: z.number(),
  providerTotalFen: z.number(),
  platformTotalFen: z.number(),
  ranAt: z.string(),
  ranBy: z.string(),
});
export const reconciliationFinding = z.object({
  id: z.string(),
  kind: z.enum(["missing_on_platform", "missing_at_provider", "amount_mismatch", "duplicate"]),
  kindName: z.string(),
  type: z.enum(["payment", "refund", "payout"]),
  typeName: z.string(),
  merchantNo: z.string(),
  providerNo: z.string().nullable(),
  platformFen: z.number().nullable(),
  providerFen: z.number().nullable(),
  status: z.enum(["open", "resolved"]),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export const reconciliationDay = z.object({ run: reconciliationRun.nullable(), findings: z.array(reconciliationFinding) });
