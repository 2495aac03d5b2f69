import type { FormInstance } from "antd";
import type { z } from "zod";
import { ApiError } from "../api";
import { ERRORS, type ErrorCode } from "../../shared/errors";

/**
 * Validates form values with the same zod schema the server uses, and puts each problem on its
 * field. Returns the parsed value, or null when there were errors.
 */
export function validateWith<T extends z.ZodType>(form: FormInstance, schema: T, values: unknown, lang: string): z.infer<T> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (byField.has(field)) continue;
    const code = (issue as { params?: { errorCode?: string } }).params?.errorCode as ErrorCode | undefined;
    byField.set(field, code && ERRORS[code] ? ERRORS[code][lang === "en" ? "en" : "zh"] : issue.message);
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  return null;
}

/** Shows a server error on the fields it names, or returns its message for a page-level alert. */
export function showApiError(form: FormInstance | null, err: unknown, fieldForCode: Partial<Record<string, string>> = {}): string {
  if (!(err instanceof ApiError)) return String(err);
  const field = fieldForCode[err.code];
  if (form && field) {
    form.setFields([{ name: field, errors: [err.message] }]);
    return "";
  }
  const issues = (err.details as { issues?: Array<{ path: string; message?: string }> } | undefined)?.issues;
  if (form && issues?.length) {
    form.setFields(issues.map((i) => ({ name: i.path.replace(/^body\//, "").split("/")[0]!, errors: [i.message ?? err.message] })));
  }
  return err.message;
}
