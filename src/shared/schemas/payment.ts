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
  status: z.enum(["pending", "paid", "closing", "closed", "refunded"]),
  statusName: z.string(),
  dueDate: z.string(),
  channelName: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Staff only: how the platform learnt of the payment (callback | query). */
  settledBy: z.string().nullable(),
  receiptCertificateId: z.string().nullable(),
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
  status: z.enum(["pending", "paid", "closing", "closed", "refunded"]).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(40).optional(),
});
