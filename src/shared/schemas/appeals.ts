import { z } from "zod";
import { APPEAL_CATEGORY_CODES, TICKET_STATES, TICKET_TYPE_CODES } from "../appeals";
import { RATING_TAG_CODES } from "../ratings";
import { int32, mobile, personName, flowAction } from "./common";

const ticketStates = Object.keys(TICKET_STATES) as [keyof typeof TICKET_STATES, ...Array<keyof typeof TICKET_STATES>];

export const ticketRequest = z.strictObject({
  type: z.enum(TICKET_TYPE_CODES),
  categoryCode: z.enum(APPEAL_CATEGORY_CODES),
  title: z.string().trim().min(4).max(60),
  content: z.string().trim().min(10).max(2000),
  address: z.string().trim().min(4).max(120).optional(),
  itemId: z.uuid().optional(),
  acceptedAnswer: z.string().regex(/^(answer|item):[\w-]{1,64}$/).optional(),
  caller: z.strictObject({ name: personName, mobile }).optional(),
});

export const suggestionRequest = z.strictObject({ text: z.string().trim().min(2).max(2000) });
export const suggestion = z.object({ ref: z.string(), type: z.enum(["answer", "item"]), title: z.string(), answer: z.string(), link: z.string().nullable() });
export const locateRequest = z.strictObject({ address: z.string().trim().min(4).max(120) });
export const locateView = z.object({ divisionCode: z.string().nullable(), source: z.enum(["address_registry", "org_name"]).nullable(), placeName: z.string().nullable() });

export const ticketSummary = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(TICKET_TYPE_CODES),
  typeName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  title: z.string(),
  state: z.enum(ticketStates),
  stateName: z.string(),
  orgName: z.string().nullable(),
  address: z.string().nullable(),
  divisionCode: z.string().nullable(),
  channel: z.enum(["web", "hotline"]),
  citizenName: z.string(),
  replyDeadline: z.string().nullable(),
  light: z.enum(["green", "yellow", "red"]).nullable(),
  urgeCount: z.number(),
  escalated: z.boolean(),
  createdAt: z.string(),
});

export const ticketView = ticketSummary.extend({
  lockVersion: z.number(),
  content: z.string(),
  locationSource: z.string().nullable(),
  citizenMobile: z.string().nullable(),
  itemId: z.string().nullable(),
  signDeadline: z.string().nullable(),
  deadlineBeyondCalendar: z.boolean(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  reopened: z.boolean(),
  mergedIntoNumber: z.string().nullable(),
  answerRef: z.string().nullable(),
  rating: z.object({ level: z.number(), levelName: z.string(), comment: z.string().nullable(), channel: z.string(), at: z.string() }).nullable(),
  actions: z.array(flowAction),
  similar: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), address: z.string().nullable(), state: z.string(), stateName: z.string() })),
  suggestions: z.array(suggestion),
  timeline: z.array(z.object({ action: z.string(), label: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string(), orgName: z.string().nullable(), note: z.string().nullable(), at: z.string() })),
});
export type TicketView = z.infer<typeof ticketView>;

export const ticketActionRequest = z.strictObject({
  action: z.string().min(1).max(40),
  lockVersion: int32.min(1),
  note: z.string().trim().max(2000).optional(),
  orgId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  rating: z
    .strictObject({
      level: int32.min(1).max(5),
      indicators: z.record(z.string().max(40), int32.min(1).max(5)).default({}),
      tags: z.array(z.enum(RATING_TAG_CODES)).max(10).default([]),
      comment: z.string().trim().max(500).optional(),
    })
    .optional(),
});

export const dispatchRuleRequest = z.strictObject({
  categoryCode: z.enum(APPEAL_CATEGORY_CODES),
  divisionPrefix: z.string().regex(/^31(\d{4}|\d{7}|\d{10})?$/),
  orgId: z.uuid(),
});
export const dispatchRule = z.object({ id: z.string(), categoryCode: z.string(), categoryName: z.string(), divisionPrefix: z.string(), orgId: z.string(), orgName: z.string(), orgKind: z.string(), updatedBy: z.string().nullable() });

const count = z.object({ code: z.string(), name: z.string(), count: z.number() });
export const hotTopicsView = z.object({
  weeks: z.number(),
  scope: z.string(),
  total: z.number(),
  byCategory: z.array(count),
  bySubcategory: z.array(count),
  byDistrict: z.array(count),
  byType: z.array(count),
  byWeek: z.array(z.object({ week: z.string(), count: z.number() })),
  rising: z.array(z.object({ categoryCode: z.string(), name: z.string(), thisWeek: z.number(), weeklyBefore: z.number() })),
  repeated: z.array(z.object({ categoryCode: z.string(), name: z.string(), placeCode: z.string().nullable(), placeName: z.string().nullable(), itemName: z.string().nullable(), count: z.number(), lastAt: z.string() })),
});
