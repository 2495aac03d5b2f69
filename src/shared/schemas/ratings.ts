import { z } from "zod";
import { int32, flowAction } from "./common";
import { CASE_STATES, RATING_EVENT_CODES, RATING_TAG_CODES } from "../ratings";

const level = int32.min(1).max(5);

/** What a rater gives: the level, the channel's sub-indicators, tags and a comment. */
export const ratingBody = z.strictObject({
  level,
  indicators: z.record(z.string().max(40), level).default({}),
  tags: z.array(z.enum(RATING_TAG_CODES)).max(10).default([]),
  comment: z.string().trim().max(500).optional(),
  anonymous: z.boolean().optional(),
});
export const ratingRequest = ratingBody.extend({ eventKind: z.enum(RATING_EVENT_CODES), eventId: z.uuid() });

export const ratingCreated = z.object({ id: z.string(), level: z.number(), createdAt: z.string(), caseNumber: z.string().nullable() });

export const ratingForm = z.object({
  eventKind: z.enum(RATING_EVENT_CODES),
  eventId: z.string(),
  kindName: z.string(),
  itemName: z.string().nullable(),
  orgName: z.string(),
  stepName: z.string().nullable(),
  staffName: z.string().nullable(),
  raterName: z.string(),
  indicatorSet: z.enum(["online", "onsite"]),
  indicators: z.array(z.object({ key: z.string(), name: z.string() })),
  expiresAt: z.string().optional(),
});

export const pendingRating = z.object({
  kind: z.enum(RATING_EVENT_CODES),
  kindName: z.string(),
  id: z.string(),
  title: z.string(),
  orgName: z.string(),
  reference: z.string(),
  at: z.string(),
  indicatorSet: z.enum(["online", "onsite"]),
});

export const myRating = z.object({
  id: z.string(),
  eventKind: z.enum(RATING_EVENT_CODES),
  kindName: z.string(),
  channel: z.string(),
  level: z.number(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  itemName: z.string().nullable(),
  orgName: z.string(),
  stepName: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  case: z.object({ id: z.string(), number: z.string(), state: z.string(), reply: z.string().nullable(), rectification: z.string().nullable() }).nullable(),
});

export const invitationRequest = z.strictObject({ eventKind: z.enum(["application_accepted", "application_completed", "appointment"]), eventId: z.uuid() });
export const invitationView = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });

const caseStates = Object.keys(CASE_STATES) as [keyof typeof CASE_STATES, ...Array<keyof typeof CASE_STATES>];
export const caseSummary = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(caseStates),
  stateName: z.string(),
  orgName: z.string(),
  itemName: z.string().nullable(),
  stepName: z.string().nullable(),
  staffName: z.string().nullable(),
  level: z.number(),
  levelName: z.string(),
  comment: z.string().nullable(),
  raterName: z.string(),
  openedOn: z.string(),
  deadline: z.string().nullable(),
  light: z.enum(["green", "yellow", "red"]).nullable(),
  escalated: z.boolean(),
});
export const caseView = caseSummary.extend({
  lockVersion: z.number(),
  eventKind: z.enum(RATING_EVENT_CODES),
  kindName: z.string(),
  applicationId: z.string().nullable(),
  channel: z.string(),
  anonymous: z.boolean(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), level: z.number() })),
  tags: z.array(z.string()),
  ratedAt: z.string(),
  respondDeadline: z.string().nullable(),
  rectifyDeadline: z.string().nullable(),
  deadlineBeyondCalendar: z.boolean(),
  verification: z.string().nullable(),
  rectification: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  appealReason: z.string().nullable(),
  appealDecision: z.string().nullable(),
  rerating: z.object({ level: z.number(), levelName: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  escalations: z.array(z.string()),
  actions: z.array(flowAction),
  timeline: z.array(z.object({ action: z.string(), label: z.string(), from: z.string().nullable(), to: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.string() })),
});
export type CaseView = z.infer<typeof caseView>;
export const caseActionRequest = z.strictObject({ action: z.string().min(1).max(40), note: z.string().trim().max(1000).optional(), lockVersion: int32.min(1) });

const counted = z.object({ name: z.string(), count: z.number() });
export const traceView = z.object({
  total: z.number(),
  bad: z.number(),
  satisfactionRate: z.number().nullable(),
  badBySteps: z.array(counted),
  badByTags: z.array(counted.extend({ tag: z.string() })),
  badByStaff: z.array(counted.extend({ orgName: z.string() })),
  badByItems: z.array(counted),
  longestWaits: z.array(z.object({ state: z.string(), transitions: z.number(), meanHours: z.number(), maxHours: z.number() })),
});

const figures = z.object({ total: z.number(), satisfactionRate: z.number().nullable(), bad: z.number(), rectifiedShare: z.number().nullable() });
export const publicFiguresView = z.object({
  days: z.number(),
  overall: figures,
  departments: z.array(figures.extend({ id: z.string(), name: z.string() })),
  items: z.array(figures.extend({ id: z.string(), name: z.string() })),
});
