import { z } from "zod";
import { int32 } from "./common";
import { DEFAULT_TICKET_DEADLINES, TICKET_TYPE_CODES } from "../appeals";
import { DEFAULT_CASE_DEADLINES } from "../ratings";

const days = int32.min(1).max(60);

/** The deadlines supervisors set, in working days. */
export const deadlineSettings = z.strictObject({
  caseRespondDays: days,
  caseRectifyDays: days,
  ticketSignDays: days,
  ticketReplyDays: z.strictObject(Object.fromEntries(TICKET_TYPE_CODES.map((t) => [t, days])) as Record<(typeof TICKET_TYPE_CODES)[number], typeof days>),
});
export type DeadlineSettings = z.infer<typeof deadlineSettings>;

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  caseRespondDays: DEFAULT_CASE_DEADLINES.respondDays,
  caseRectifyDays: DEFAULT_CASE_DEADLINES.rectifyDays,
  ticketSignDays: DEFAULT_TICKET_DEADLINES.signDays,
  ticketReplyDays: { ...DEFAULT_TICKET_DEADLINES.replyDays },
};

export const deadlineSettingsView = z.object({
  value: deadlineSettings,
  lockVersion: int32,
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const deadlineSettingsUpdate = z.strictObject({ value: deadlineSettings, lockVersion: int32.min(0) });
