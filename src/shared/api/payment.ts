import { z } from "zod";
import { uuid } from "../schemas/common";
import { isoDate } from "../schemas/common";
import { paymentList, paymentListQuery, paymentView, payoutList, payoutListQuery, reconciliationDay, reconciliationRun } from "../schemas/payment";
import { anyone, citizens, citizensOr, endpoint, staff } from "./endpoint";

const tags = ["payments"];
const id = z.strictObject({ id: uuid });
/** Staff who see the payments of their subtree: finance, the handling roles, supervisors over their level. */
const PAYMENT_READERS = ["finance", "window_clerk", "reviewer", "approver", "supervisor"] as const;

/** The endpoints of modules/payments/payment.routes.ts: 统一支付. */
export const paymentEndpoints = {
  getApplicationsByIdPayments: endpoint({
    method: "GET",
    path: "/applications/:id/payments",
    access: citizensOr(...PAYMENT_READERS),
    tags,
    summary: "办件的缴费 An application's payment orders (lines, 缴款码, state, receipt, refunds), for its payer and the staff who see the collecting department's payments",
    params: id,
    response: paymentList,
  }),
  getMePayments: endpoint({
    method: "GET",
    path: "/me/payments",
    access: citizens,
    tags,
    summary: "我的缴费 The caller's payment orders, newest first",
    response: paymentList,
  }),
  getPayments: endpoint({
    method: "GET",
    path: "/payments",
    access: staff(...PAYMENT_READERS),
    tags,
    summary: "缴费订单 The orders of the departments in the caller's subtree (finance), filtered by state, creation day (China time) and number / 缴款码 / application number",
    query: paymentListQuery,
    response: paymentList,
  }),
  getPaymentsById: endpoint({
    method: "GET",
    path: "/payments/:id",
    access: citizensOr(...PAYMENT_READERS),
    tags,
    summary: "缴费订单详情 One order with its refunds",
    params: id,
    response: paymentView,
  }),
  postPaymentsByIdCheckout: endpoint({
    method: "POST",
    path: "/payments/:id/checkout",
    access: citizens,
    tags,
    summary: "去支付 Registers the order with the payment platform if needed and gives its cashier's address (the payer comes back to the application page)",
    params: id,
    response: z.object({ cashierUrl: z.string() }),
  }),
  getPaymentsExport: endpoint({
    method: "GET",
    path: "/payments/export",
    access: staff(...PAYMENT_READERS),
    tags,
    summary: "导出缴费 The orders (with their refunds) and the payouts of the caller's departments in the filter, as an .xlsx workbook",
    query: paymentListQuery.omit({ limit: true, offset: true }),
  }),
  getPayouts: endpoint({
    method: "GET",
    path: "/payouts",
    access: staff("finance", "approver", "supervisor"),
    tags,
    summary: "待遇发放 Payouts of the benefits granted by the caller's departments, newest first (failed ones to be sent again)",
    query: payoutListQuery,
    response: payoutList,
  }),
  getApplicationsByIdPayouts: endpoint({
    method: "GET",
    path: "/applications/:id/payouts",
    access: citizensOr("finance", "approver", "supervisor"),
    tags,
    summary: "办件的待遇发放 A granted benefit's payouts, for the person paid and the staff who see them",
    params: id,
    response: payoutList,
  }),
  postPayoutsByIdRetry: endpoint({
    method: "POST",
    path: "/payouts/:id/retry",
    access: staff("finance", "approver"),
    tags,
    summary: "重新发放 A failed payout sent again once the account is put right (a new number; the account read from the registry again, audited)",
    params: id,
    response: z.object({ ok: z.literal(true) }),
  }),
  postPayoutsBatches: endpoint({
    method: "POST",
    path: "/payouts/batches",
    access: staff("finance"),
    tags,
    summary: "提交代发批次 City finance staff submit the payouts due by a pay day within the next month (so the money arrives on the day; the morning job does the same for today)",
    body: z.strictObject({ payDate: isoDate }),
    response: z.object({ made: z.number() }),
  }),
  getReconciliation: endpoint({
    method: "GET",
    path: "/reconciliation",
    access: staff("finance"),
    tags,
    summary: "每日对账 The latest days' reconciliations with the payment platform's statement (city finance staff)",
    response: z.object({ items: z.array(reconciliationRun) }),
  }),
  getReconciliationByDay: endpoint({
    method: "GET",
    path: "/reconciliation/:day",
    access: staff("finance"),
    tags,
    summary: "对账明细 One day's run and its findings: missing on either side, amounts that differ, duplicates",
    params: z.strictObject({ day: isoDate }),
    response: reconciliationDay,
  }),
  postReconciliationByDayRun: endpoint({
    method: "POST",
    path: "/reconciliation/:day/run",
    access: staff("finance"),
    tags,
    summary: "重新对账 Reconciles a past day again with the platform's statement (resolved findings stay resolved)",
    params: z.strictObject({ day: isoDate }),
    response: reconciliationDay,
  }),
  postReconciliationFindingsByIdResolve: endpoint({
    method: "POST",
    path: "/reconciliation/findings/:id/resolve",
    access: staff("finance"),
    tags,
    summary: "处理对账差异 Resolves a finding with what was found and done (audited)",
    params: id,
    body: z.strictObject({ reason: z.string().trim().min(1).max(500) }),
    response: reconciliationDay,
  }),
  postPaymentsNotify: endpoint({
    method: "POST",
    path: "/payments/notify",
    access: anyone,
    csrf: false,
    tags,
    summary: "支付平台通知 The payment platform's signed notification (x-pay-merchant, x-pay-timestamp, x-pay-nonce, x-pay-signature: HMAC-SHA256 over timestamp, nonce, method, path and the raw body); refused when the signature is wrong or the time is more than 5 minutes off; a repeated notification id is acknowledged and changes nothing",
    response: z.object({ received: z.literal(true), applied: z.boolean() }),
  }),
};
