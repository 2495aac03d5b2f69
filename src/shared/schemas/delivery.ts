import { z } from "zod";

/** A delivery of an application's result (outbound) or of its original materials (inbound, 上门取件). */
export const deliveryView = z.object({
  id: z.string(),
  number: z.string(),
  direction: z.enum(["outbound", "inbound"]),
  method: z.enum(["electronic", "window", "post"]),
  methodName: z.string(),
  status: z.string(),
  statusName: z.string(),
  /** Masked to the road. */
  address: z.string().nullable(),
  waybillNo: z.string().nullable(),
  pickupOrgName: z.string().nullable(),
  /** The applicant's own pick-up code while the result waits at the centre (nobody else sees it). */
  pickupCode: z.string().nullable(),
  pickupHours: z.string().nullable(),
  collector: z.string().nullable(),
  handedOverAt: z.string().nullable(),
  events: z.array(z.object({ status: z.string(), statusName: z.string(), note: z.string(), source: z.string(), at: z.string() })),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const deliveryPanel = z.object({
  items: z.array(deliveryView),
  offers: z.array(z.object({ method: z.enum(["electronic", "window", "post"]), name: z.string() })),
  postageFen: z.number(),
  canChoose: z.boolean(),
  canRequestPickup: z.boolean(),
});

export const pickupList = z.object({
  items: z.array(z.object({ id: z.string(), number: z.string(), applicationId: z.string(), applicationNumber: z.string(), itemName: z.string(), applicantName: z.string(), pickupOrgName: z.string(), readySince: z.string() })),
});
