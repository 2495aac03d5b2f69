import { z } from "zod";
import { uuid } from "../schemas/common";
import { paymentList, paymentListQuery, paymentView } from "../schemas/payment";
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
