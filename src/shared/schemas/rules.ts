import { z } from "zod";
import { rule } from "../rules";
import { creditCode, idNumber } from "./common";

export const profileView = z.object({
  subject: z.object({ kind: z.enum(["person", "enterprise"]), name: z.string() }),
  facts: z.array(z.object({ fact: z.string(), name: z.string(), value: z.unknown(), source: z.string() })),
  derivedAt: z.string(),
});

export const ruleTestRequest = z.strictObject({
  rule,
  subject: z.union([z.strictObject({ idNumber }), z.strictObject({ creditCode })]),
  formData: z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});

export const ruleTestView = z.object({
  problems: z.array(z.string()),
  subject: z.object({ kind: z.enum(["person", "enterprise"]), name: z.string() }),
  outcome: z.enum(["pass", "fail", "unknown"]),
  conditions: z.array(z.object({ fact: z.string(), op: z.string(), expected: z.unknown(), actual: z.unknown(), outcome: z.enum(["pass", "fail", "unknown"]), text: z.string() })),
});
