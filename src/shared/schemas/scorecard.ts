import { z } from "zod";
import { int32 } from "./common";
import { ORDER_STATES, SCORE_INDICATOR_KEYS, SCORE_INDICATORS, type ScoreIndicator } from "../scorecard";

const month = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");
const share = z.number().min(0).max(1);

const indicatorSetting = z.strictObject({ weight: int32.min(0).max(100), full: share, zero: share });

/** 绩效考核 settings: a weight and thresholds per indicator (weights adding up to 100), the rectification line and the 督办 deadline. */
export const scorecardSettingsValue = z
  .strictObject({
    indicators: z.strictObject(Object.fromEntries(SCORE_INDICATOR_KEYS.map((k) => [k, indicatorSetting])) as Record<ScoreIndicator, typeof indicatorSetting>),
    rectifyBelow: share,
    orderDays: int32.min(1).max(60),
  })
  .superRefine((v, ctx) => {
    const total = SCORE_INDICATOR_KEYS.reduce((a, k) => a + v.indicators[k].weight, 0);
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["indicators"], message: `各项指标权重之和应为 100（现为 ${total}）` });
    for (const k of SCORE_INDICATOR_KEYS) {
      const s = v.indicators[k];
      const ok = SCORE_INDICATORS[k].better === "higher" ? s.full > s.zero : s.full < s.zero;
      if (!ok) ctx.addIssue({ code: "custom", path: ["indicators", k], message: `${SCORE_INDICATORS[k].zh}：${SCORE_INDICATORS[k].better === "higher" ? "满分值应高于零分值" : "满分值应低于零分值"}` });
    }
  });

export const scorecardSettingsVersion = z.object({
  /** 0: the defaults, never saved. */
  version: z.number(),
  effectiveFrom: z.string().nullable(),
  value: scorecardSettingsValue,
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime().nullable(),
});

export const scorecardSettingsView = z.object({
  /** The version in effect this month, and those saved, newest first. */
  current: scorecardSettingsVersion,
  latestVersion: z.number(),
  versions: z.array(scorecardSettingsVersion),
  mayEdit: z.boolean(),
});

/** A new version, in effect from a month that has not ended (past months' scores never change). */
export const scorecardSettingsSave = z.strictObject({
  value: scorecardSettingsValue,
  effectiveFrom: month,
  note: z.string().trim().min(1, "请说明调整原因").max(500),
  /** The latest version read; another supervisor's newer version refuses the save. */
  baseVersion: int32.min(0),
});

export const scorecardQuery = z.strictObject({ month });

const indicatorScore = z.object({
  key: z.enum(SCORE_INDICATOR_KEYS),
  name: z.string(),
  better: z.enum(["higher", "lower"]),
  /** The month's value (a share 0–1) and what it rests on; null: nothing to measure this month (left out). */
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  weight: z.number(),
  full: z.number(),
  zero: z.number(),
  /** Points earned: weight × the share of the way from `zero` to `full`, two decimals. */
  points: z.number().nullable(),
  /** Below the rectification line. */
  toRectify: z.boolean(),
});

export const scorecardView = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  settingsVersion: z.number(),
  refreshedAt: z.iso.datetime().nullable(),
  departments: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      rank: z.number(),
      /** Points earned over the weights of the indicators measured, scaled to 100 (one decimal). */
      score: z.number(),
      earned: z.number(),
      measuredWeight: z.number(),
      indicators: z.array(indicatorScore),
      /** 督办 already sent to the department for this month. */
      orders: z.array(z.object({ id: z.string(), number: z.string(), state: z.string(), stateName: z.string() })),
    }),
  ),
});
export type ScorecardView = z.infer<typeof scorecardView>;

/** A 督办: to one department, about a month's indicators or a list of cases, with what to put right. */
export const orderCreate = z.strictObject({
  orgId: z.uuid(),
  subject: z.string().trim().min(2, "请填写督办事由").max(200),
  note: z.string().trim().min(2, "请写明整改要求").max(2000),
  month: month.optional(),
  indicators: z.array(z.enum(SCORE_INDICATOR_KEYS)).max(SCORE_INDICATOR_KEYS.length).optional(),
  applicationIds: z.array(z.uuid()).max(100).optional(),
  /** Working days to put it right (the settings' default when absent). */
  days: int32.min(1).max(60).optional(),
});

export const orderSummary = z.object({
  id: z.string(),
  number: z.string(),
  orgName: z.string(),
  subject: z.string(),
  month: z.string().nullable(),
  state: z.enum(Object.keys(ORDER_STATES) as [keyof typeof ORDER_STATES]),
  stateName: z.string(),
  deadline: z.string(),
  light: z.enum(["green", "yellow", "red"]).nullable(),
  escalated: z.boolean(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
});

export const orderView = orderSummary.extend({
  orgId: z.string(),
  note: z.string(),
  lockVersion: z.number(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), value: z.number().nullable(), points: z.number().nullable(), weight: z.number() })),
  applications: z.array(z.object({ id: z.string(), number: z.string(), itemName: z.string(), state: z.string(), committedDeadline: z.string().nullable() })),
  answer: z.string().nullable(),
  actions: z.array(z.object({ action: z.string(), label: z.string(), note: z.string().nullable() })),
  timeline: z.array(z.object({ action: z.string(), label: z.string(), actorName: z.string(), note: z.string().nullable(), at: z.iso.datetime() })),
});
export type OrderView = z.infer<typeof orderView>;

export const orderListQuery = z.strictObject({
  state: z.enum(["open", "all", ...(Object.keys(ORDER_STATES) as [keyof typeof ORDER_STATES])]).default("open"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const orderAction = z.strictObject({ action: z.enum(["answer", "return", "close"]), note: z.string().trim().max(2000).optional(), lockVersion: int32.min(0) });
