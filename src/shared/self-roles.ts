/**
 * 本人担任: roles in a form that the applicant may hold themselves (the legal representative, a
 * shareholder, the tax officer, the contact). A form declares them by binding fields to the role's data elements;
 * one tick fills every field of the role from the applicant's verified identity, locked like other
 * authoritative values. A table's role fills its first row (the applicant as the first shareholder).
 */
export const SELF_ROLES = {
  legalRep: { zh: "法定代表人", en: "legal representative" },
  shareholder: { zh: "股东", en: "shareholder" },
  taxOfficer: { zh: "办税人员", en: "tax officer" },
  contact: { zh: "经办人（联系人）", en: "contact" },
} as const;
export type SelfRole = keyof typeof SELF_ROLES;
export const SELF_ROLE_CODES = Object.keys(SELF_ROLES) as [SelfRole, ...SelfRole[]];

/** What of the applicant's identity fills a role's element. */
export type OwnValue = "name" | "idNumber";

/** The role's data elements, each with what of the applicant it takes. */
export const ROLE_ELEMENTS: Record<string, { role: SelfRole; own: OwnValue }> = {
  "enterprise.legalRepName": { role: "legalRep", own: "name" },
  "enterprise.legalRepIdNumber": { role: "legalRep", own: "idNumber" },
  "shareholder.name": { role: "shareholder", own: "name" },
  "shareholder.idNumber": { role: "shareholder", own: "idNumber" },
  "tax.officerName": { role: "taxOfficer", own: "name" },
  "tax.officerIdNumber": { role: "taxOfficer", own: "idNumber" },
  "contact.name": { role: "contact", own: "name" },
};

interface FieldLike {
  key: string;
  label: string;
  type: string;
  dataElement?: string | undefined;
  columns?: ReadonlyArray<{ key: string; label: string; dataElement?: string | undefined }> | undefined;
}

/** A field a role fills: a top-level key, or `table.0.column` for a table's first row. */
export interface RoleField {
  key: string;
  label: string;
  element: string;
  own: OwnValue;
}

/** The roles a form declares, in the order of the form, each with the fields its tick fills. */
export function declaredRoles(fields: ReadonlyArray<FieldLike>): Array<{ role: SelfRole; fields: RoleField[] }> {
  const out = new Map<SelfRole, RoleField[]>();
  const add = (key: string, label: string, element: string | undefined) => {
    const r = element ? ROLE_ELEMENTS[element] : undefined;
    if (!r) return;
    out.set(r.role, [...(out.get(r.role) ?? []), { key, label, element: element!, own: r.own }]);
  };
  for (const f of fields) {
    if (f.type === "table") for (const c of f.columns ?? []) add(`${f.key}.0.${c.key}`, `${f.label} · ${c.label}`, c.dataElement);
    else add(f.key, f.label, f.dataElement);
  }
  return [...out].map(([role, roleFields]) => ({ role, fields: roleFields }));
}

/** The value at a role field's key: a top-level answer, or a cell of a table's row. */
export function valueAt(values: Record<string, unknown>, key: string): unknown {
  const [top, row, column] = key.split(".");
  if (row === undefined) return values[top!];
  const rows = values[top!];
  return Array.isArray(rows) ? (rows[Number(row)] as Record<string, unknown> | undefined)?.[column!] : undefined;
}

/** The values with each filled key set (a table's cell in its row, the row created when missing). */
export function withValues(values: Record<string, unknown>, filled: ReadonlyArray<{ key: string; value: unknown }>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...values };
  for (const { key, value } of filled) {
    const [top, row, column] = key.split(".");
    if (row === undefined) {
      next[top!] = value;
      continue;
    }
    const rows = Array.isArray(next[top!]) ? [...(next[top!] as Array<Record<string, unknown>>)] : [];
    const i = Number(row);
    while (rows.length <= i) rows.push({});
    rows[i] = { ...rows[i], [column!]: value };
    next[top!] = rows;
  }
  return next;
}

/**
 * The form's values after a change of ticks: the fields of the roles now ticked take the prefill's
 * values, those of a role no longer ticked are emptied, and everything else — what the applicant
 * typed or changed — stays as it is.
 */
export function applyRoles(values: Record<string, unknown>, fields: ReadonlyArray<FieldLike>, filled: ReadonlyArray<{ key: string; value: unknown }>, before: readonly SelfRole[], after: readonly SelfRole[]): Record<string, unknown> {
  const declared = declaredRoles(fields);
  const keysOf = (roles: SelfRole[]) => declared.filter((r) => roles.includes(r.role)).flatMap((r) => r.fields.map((f) => f.key));
  const dropped = keysOf(before.filter((r) => !after.includes(r))).map((key) => ({ key, value: undefined }));
  const taken = new Set(keysOf([...after]));
  return withValues(withValues(values, dropped), filled.filter((f) => taken.has(f.key)));
}
