import { z } from "zod";
import type { FormField } from "./schemas/catalogue";
import { validateCreditCode } from "./validation/credit-code";
import { divisionLevel } from "./validation/division-code";
import { validateIdNumber } from "./validation/id-number";
import { MOBILE_PATTERN } from "./validation/mobile";
import { ADDRESS_ELEMENTS, ADDRESS_PROBLEM_WORDS, addressProblem } from "./validation/address";

export type FormValues = Record<string, unknown>;

/** Whether a field is shown for these values (its visibility rule, if any, holds). */
export function isVisible(field: FormField, values: FormValues): boolean {
  return !field.visibleIf || values[field.visibleIf.field] === field.visibleIf.equals;
}

function valueSchema(field: Exclude<FormField, { type: "table" }>): z.ZodType {
  const label = field.label;
  switch (field.type) {
    case "number": {
      let n = z.number({ error: `“${label}”须为数字` });
      if (field.min !== undefined) n = n.min(field.min, `“${label}”不得小于 ${field.min}`);
      if (field.max !== undefined) n = n.max(field.max, `“${label}”不得大于 ${field.max}`);
      return n;
    }
    case "date":
      return z.iso.date({ error: `“${label}”须为有效日期` });
    case "choice":
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]], { error: `请选择“${label}”` });
    case "idNumber":
      return z.string().refine((v) => validateIdNumber(v).ok, `“${label}”不是有效的身份证号码`);
    case "creditCode":
      return z.string().refine((v) => validateCreditCode(v).ok, `“${label}”不是有效的统一社会信用代码`);
    case "mobile":
      return z.string().regex(MOBILE_PATTERN, `“${label}”不是有效的手机号码`);
    case "address":
      return z.string().refine((v) => divisionLevel(v) !== null, `“${label}”须选择有效的行政区划`);
    case "attachment":
      return z.string().min(1, `请上传“${label}”`);
    default: {
      let s = z.string().trim().max(field.maxLength ?? 500, `“${label}”不得超过 ${field.maxLength ?? 500} 字`);
      if (field.pattern) s = s.regex(new RegExp(field.pattern), `“${label}”格式不正确`);
      return s;
    }
  }
}

function isEmpty(v: unknown) {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

/** The division a form asks beside an address (its field bound to that division's element), if given. */
function divisionBeside(fields: FormField[], values: FormValues, element: string): string | null {
  const field = fields.find((f) => f.type === "address" && f.dataElement === element);
  const v = field ? values[field.key] : undefined;
  return typeof v === "string" ? v : null;
}

/**
 * Validates values against a form schema, the same on the server and in the browser: required
 * fields that are visible must be present; hidden fields are ignored; every value is checked by type.
 * Returns problems keyed by field (and row/column for tables).
 */
export function validateFormValues(fields: FormField[], values: FormValues): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  for (const field of fields) {
    if (!isVisible(field, values)) continue;
    const value = values[field.key];
    if (isEmpty(value)) {
      if (field.required) problems.push({ path: [field.key], message: `请填写“${field.label}”` });
      continue;
    }
    if (field.type === "table") {
      if (!Array.isArray(value)) {
        problems.push({ path: [field.key], message: `“${field.label}”格式不正确` });
        continue;
      }
      value.forEach((row, i) => {
        for (const col of field.columns) {
          const cell = (row as FormValues | null)?.[col.key];
          if (isEmpty(cell)) {
            if (col.required) problems.push({ path: [field.key, i, col.key], message: `第 ${i + 1} 行请填写“${col.label}”` });
            continue;
          }
          const r = valueSchema(col).safeParse(cell);
          if (!r.success) problems.push({ path: [field.key, i, col.key], message: `第 ${i + 1} 行：${r.error.issues[0]!.message}` });
        }
      });
      continue;
    }
    const r = valueSchema(field).safeParse(value);
    if (!r.success) problems.push({ path: [field.key], message: r.error.issues[0]!.message });
    else if (typeof value === "string" && field.dataElement && ADDRESS_ELEMENTS[field.dataElement]) {
      const problem = addressProblem(value, divisionBeside(fields, values, ADDRESS_ELEMENTS[field.dataElement]!));
      if (problem) problems.push({ path: [field.key], message: `“${field.label}”${ADDRESS_PROBLEM_WORDS[problem].zh}` });
    }
  }
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) if (!known.has(key)) problems.push({ path: [key], message: `表单中没有字段“${key}”` });
  return problems;
}
