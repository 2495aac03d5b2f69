import { z } from "zod";

const isoDate = z.iso.date();

/** 效能监督's filter: a range of China days (at most a year), optionally one department or one item. */
export const performanceQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    orgId: z.uuid().optional(),
    itemId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, { message: "开始日期不能晚于结束日期", path: ["from"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: "时间范围最长一年", path: ["to"] });

/** The figures of a slice; rates are shares 0–1 (null without a denominator), days are working days. */
export const performanceFigures = z.object({
  received: z.number(),
  decided: z.number(),
  approved: z.number(),
  /** Decided by the committed deadline, of those decided that had one. */
  onTimeRate: z.number().nullable(),
  /** Decided within the legal limit. */
  legalRate: z.number().nullable(),
  averageDays: z.number().nullable(),
  p90Days: z.number().nullable(),
  /** The committed limit the decided applications had, on average. */
  averageLimitDays: z.number().nullable(),
  /** Decided applications that were sent back for 补正 at least once, and the rounds per such application. */
  supplementRate: z.number().nullable(),
  supplementRounds: z.number().nullable(),
  /** Received online (not at a window). */
  onlineShare: z.number().nullable(),
  /** Decided by rule (秒批). */
  autoShare: z.number().nullable(),
  rated: z.number(),
  /** 好差评: rated 满意 or 非常满意. */
  satisfaction: z.number().nullable(),
  bad: z.number(),
});
export type PerformanceFigures = z.infer<typeof performanceFigures>;

/** 12345 of a department (or all): tickets dispatched to it, signed for and replied on time, satisfaction with the replies. */
export const hotlineFigures = z.object({
  dispatched: z.number(),
  replied: z.number(),
  signOnTimeRate: z.number().nullable(),
  replyOnTimeRate: z.number().nullable(),
  rated: z.number(),
  satisfaction: z.number().nullable(),
});
export type HotlineFigures = z.infer<typeof hotlineFigures>;

export const performanceView = z.object({
  from: z.string(),
  to: z.string(),
  /** When the rollup of the range was last refreshed (null: some day never was). */
  refreshedAt: z.iso.datetime().nullable(),
  total: performanceFigures.extend({ overdue: z.number(), dueSoon: z.number(), hotline: hotlineFigures }),
  departments: z.array(performanceFigures.extend({ orgId: z.string(), orgName: z.string(), overdue: z.number(), dueSoon: z.number(), hotline: hotlineFigures })),
  items: z.array(performanceFigures.extend({ itemId: z.string(), itemName: z.string(), orgName: z.string(), limitDays: z.number().nullable() })),
  weeks: z.array(performanceFigures.extend({ start: z.string() })),
  months: z.array(performanceFigures.extend({ month: z.string() })),
  /** 差评 put right by their deadline, per month opened: those due (or done) and those done in time. */
  rectification: z.array(z.object({ month: z.string(), due: z.number(), onTime: z.number(), rate: z.number().nullable() })),
});
export type PerformanceView = z.infer<typeof performanceView>;

/** The applications behind a figure: received or decided in the range, decided late, sent back for 补正, decided by rule, overdue now or due soon. */
export const PERFORMANCE_CASE_FIGURES = ["received", "decided", "late", "supplemented", "auto", "overdue", "due_soon"] as const;

export const performanceCasesQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  orgId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  figure: z.enum(PERFORMANCE_CASE_FIGURES),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const performanceCases = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      itemName: z.string(),
      orgName: z.string(),
      /** Masked (张*明): supervisors look at the handling, not at the person. */
      applicant: z.string(),
      state: z.string(),
      decided: z.boolean(),
      submittedOn: z.string(),
      committedDeadline: z.string().nullable(),
      decidedAt: z.iso.datetime().nullable(),
      workingDays: z.number().nullable(),
      limitDays: z.number().nullable(),
    }),
  ),
});

/** 政务公开: a month's figures per department and per item, for anyone; no person appears in them. */
export const publicPerformanceQuery = z.strictObject({ month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM") });

const publicFigures = z.object({
  received: z.number(),
  decided: z.number(),
  onTimeRate: z.number().nullable(),
  averageDays: z.number().nullable(),
  averageLimitDays: z.number().nullable(),
  satisfaction: z.number().nullable(),
});

export const publicPerformanceView = z.object({
  month: z.string(),
  refreshedAt: z.iso.datetime().nullable(),
  departments: z.array(publicFigures.extend({ orgName: z.string(), hotlineDispatched: z.number(), hotlineReplyOnTimeRate: z.number().nullable(), hotlineSatisfaction: z.number().nullable() })),
  items: z.array(publicFigures.extend({ itemName: z.string(), orgName: z.string() })),
});
export type PublicPerformanceView = z.infer<typeof publicPerformanceView>;
