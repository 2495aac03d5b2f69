import { z } from "zod";
import { idNumber, uuid } from "../schemas/common";
import { deliveryPanel, pickupList } from "../schemas/delivery";
import { anyone, citizens, citizensOr, endpoint, staff } from "./endpoint";

const tags = ["delivery"];
const id = z.strictObject({ id: uuid });
const address = z.string().trim().min(6).max(200);

/** The endpoints of modules/delivery/delivery.routes.ts: 统一物流. */
export const deliveryEndpoints = {
  getApplicationsByIdDelivery: endpoint({
    method: "GET",
    path: "/applications/:id/delivery",
    access: citizensOr("window_clerk", "reviewer", "approver", "supervisor"),
    tags,
    summary: "领取与寄递 How the application's result reaches the applicant (and materials sent in by post), with the carrier's events; the ways the item offers",
    params: id,
    response: deliveryPanel,
  }),
  putApplicationsByIdDelivery: endpoint({
    method: "PUT",
    path: "/applications/:id/delivery",
    access: citizens,
    tags,
    summary: "选择领取方式 The applicant chooses electronic only, collection at the centre, or post to an address in the city (until the result is issued; the item's postage, if any, is charged)",
    params: id,
    body: z.strictObject({ method: z.enum(["electronic", "window", "post"]), address: address.optional() }),
    response: deliveryPanel,
  }),
  postApplicationsByIdMaterialPickups: endpoint({
    method: "POST",
    path: "/applications/:id/material-pickups",
    access: citizens,
    tags,
    summary: "上门取件 The applicant has original materials collected from an address and posted to the centre",
    params: id,
    body: z.strictObject({ address }),
    status: 201,
    response: deliveryPanel,
  }),
  getWindowPickups: endpoint({
    method: "GET",
    path: "/window/pickups",
    access: staff("window_clerk"),
    tags,
    summary: "窗口待领取 Results waiting at the clerk's service centre, longest waiting first",
    response: pickupList,
  }),
  postDeliveriesByIdHandOver: endpoint({
    method: "POST",
    path: "/deliveries/:id/hand-over",
    access: staff("window_clerk"),
    tags,
    summary: "窗口交付 Hands a result over: the pick-up code and the collector's ID number — the applicant's, or a delegate's with their name (recorded and told to the applicant)",
    params: id,
    body: z.strictObject({ pickupCode: z.string().regex(/^\d{6}$/), idNumber, delegateName: z.string().trim().min(2).max(40).optional() }),
    response: z.object({ ok: z.literal(true), collector: z.string() }),
  }),
  postDeliveriesNotify: endpoint({
    method: "POST",
    path: "/deliveries/notify",
    access: anyone,
    csrf: false,
    tags,
    summary: "寄递状态通知 The carrier's signed status notification (x-post-merchant, x-post-timestamp, x-post-nonce, x-post-signature: HMAC-SHA256 as the payment platform's); refused when the signature is wrong or the time more than 5 minutes off; a repeated id changes nothing",
    response: z.object({ received: z.literal(true), applied: z.boolean() }),
  }),
};
