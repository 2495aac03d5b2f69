import { z } from "zod";
import type { ErrorCode } from "../errors";
import { validateCreditCode } from "../validation/credit-code";
import { validateIdNumber } from "../validation/id-number";
import { MOBILE_PATTERN } from "../validation/mobile";

/** Limits shared by the server and the web app. */
export const LIMITS = {
  nameMin: 2,
  nameMax: 30,
  passwordMin: 8,
  passwordMax: 128,
  usernameMax: 40,
  purposeMax: 200,
  bodyBytes: 256 * 1024,
  pageSizeMax: 100,
  /** The longest path parameter (an id, a code, a token); longer URLs get 414 URL_TOO_LONG. */
  pathParamMax: 200,
} as const;

/** Adds a zod issue that carries one of our stable error codes. */
function fail(ctx: z.RefinementCtx<string>, code: ErrorCode, message: string) {
  ctx.addIssue({ code: "custom", message, params: { errorCode: code } });
}

/** A person's name as written on the ID card: Han characters, letters, the middle dot and spaces. */
export const personName = z
  .string()
  .trim()
  .min(LIMITS.nameMin)
  .max(LIMITS.nameMax)
  .regex(/^[\p{Script=Han}A-Za-z·• ]+$/u, "姓名只能包含汉字、字母、间隔号和空格");

export const idNumber = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = validateIdNumber(value);
    if (!result.ok) fail(ctx, result.error, result.error);
  })
  .transform((value) => value.toUpperCase());

export const creditCode = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = validateCreditCode(value);
    if (!result.ok) fail(ctx, result.error, result.error);
  })
  .transform((value) => value.toUpperCase());

export const mobile = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!MOBILE_PATTERN.test(value)) fail(ctx, "MOBILE_FORMAT", "MOBILE_FORMAT");
  });

export const password = z
  .string()
  .max(LIMITS.passwordMax)
  .superRefine((value, ctx) => {
    if (value.length < LIMITS.passwordMin || !/[A-Za-z]/.test(value) || !/\d/.test(value)) {
      fail(ctx, "PASSWORD_TOO_WEAK", "PASSWORD_TOO_WEAK");
    }
  });

export const uuid = z.uuid();

/** A whole number that fits PostgreSQL's `integer` column (versions, counts, limits). */
export const int32 = z.int32();

/**
 * A PATCH body: the object schema, and at least one of `fields` present. An empty change is
 * NOTHING_TO_UPDATE at the edge rather than an empty UPDATE statement in the database.
 */
export function changeOf<T extends z.ZodObject>(schema: T, fields: ReadonlyArray<keyof z.infer<T> & string>) {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>;
    if (!fields.some((f) => v[f] !== undefined)) ctx.addIssue({ code: "custom", message: "NOTHING_TO_UPDATE", params: { errorCode: "NOTHING_TO_UPDATE" } });
  });
}

export const isoDate = z.iso.date();

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const okBody = z.object({ ok: z.literal(true) });

/** An action the viewer may take in a flow (a 12345 ticket, a 差评 case): its key, its label and the text it requires, if any. */
export const flowAction = z.object({ action: z.string(), label: z.string(), note: z.string().nullable() });
