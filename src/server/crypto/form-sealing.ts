import { STANDARD_DATA_ELEMENTS } from "../../shared/data-elements";
import type { FormValues } from "../../shared/form-values";
import type { FormField } from "../../shared/schemas/catalogue";
import type { FieldCipher } from "./field-cipher";

/** Field types whose values are sensitive personal data whatever they are bound to. */
const SENSITIVE_TYPES = new Set(["idNumber", "mobile", "address"]);
const SENSITIVE_ELEMENTS = new Set(STANDARD_DATA_ELEMENTS.filter((e) => e.sensitivity === "sensitive").map((e) => e.code));

type Sealed = { $enc: string };
const isSealed = (v: unknown): v is Sealed => typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Sealed).$enc === "string";

function sensitive(f: { type: string; dataElement?: string | undefined }): boolean {
  return SENSITIVE_TYPES.has(f.type) || (!!f.dataElement && SENSITIVE_ELEMENTS.has(f.dataElement));
}

/**
 * Encrypts the sensitive values of a form (ID numbers, mobiles, addresses, and fields bound to a
 * sensitive data element, in tables too) before it is stored: each becomes `{ $enc }`. The rest of
 * the form stays readable for the workflow. `openForm` reverses it (and passes plain values through).
 */
export function sealForm(fields: FormField[], values: FormValues, cipher: FieldCipher): FormValues {
  const seal = (v: unknown) => (v === undefined || v === null || v === "" ? v : { $enc: cipher.encrypt(JSON.stringify(v)) });
  const out: FormValues = { ...values };
  for (const f of fields) {
    if (!(f.key in values)) continue;
    if (f.type === "table" && Array.isArray(values[f.key])) {
      const cols = f.columns.filter(sensitive);
      if (cols.length) out[f.key] = (values[f.key] as FormValues[]).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cols.some((c) => c.key === k) ? seal(v) : v])));
    } else if (sensitive(f)) {
      out[f.key] = seal(values[f.key]);
    }
  }
  return out;
}

export function openForm(values: unknown, cipher: FieldCipher): FormValues {
  const open = (v: unknown): unknown => {
    if (isSealed(v)) return JSON.parse(cipher.decrypt(v.$enc));
    if (Array.isArray(v)) return v.map(open);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, open(x)]));
    return v;
  };
  return (open(values ?? {}) as FormValues) ?? {};
}
