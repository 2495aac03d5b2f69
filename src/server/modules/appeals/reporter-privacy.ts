import type { FieldCipher } from "../../crypto/field-cipher";
import type { UnitOfWork } from "../../db/store";
import type { PersonRepository } from "../registry";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { persons: PersonRepository };

/** What a 举报's handling org reads wherever the reporter would have been named. */
export const REPORTER_ALIAS = "举报人（信息保密）";

/** The ticket fields that identify its reporter. */
export interface ReporterOf {
  citizen_name: string;
  citizen_mobile_enc: string | null;
  citizen_person_id: string | null;
}

/** A digit string (mobile, ID number) matched also when written with spaces or dashes between its characters. */
function pattern(secret: string): RegExp {
  const escaped = [...secret].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(/^[\dXx]+$/.test(secret) ? escaped.join("[\\s-]*") : escaped.join(""), "gi");
}

/**
 * The view with every occurrence of the reporter's identifiers replaced, in every string at any depth
 * (fields, events, notes, messages, comments): redaction of the whole view, not of chosen fields.
 */
export function redactReporter<T>(view: T, secrets: string[]): T {
  const patterns = [...new Set(secrets.filter((s) => s.trim().length >= 2))].sort((a, b) => b.length - a.length).map(pattern);
  if (patterns.length === 0) return view;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return patterns.reduce((s, p) => s.replace(p, REPORTER_ALIAS), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(view) as T;
}

/** The reporter's name, mobile and ID number: what must never reach the org handling a 举报. */
export async function reporterSecrets(repos: Repos, cipher: FieldCipher, t: ReporterOf): Promise<string[]> {
  const secrets = [t.citizen_name];
  if (t.citizen_mobile_enc) secrets.push(cipher.decrypt(t.citizen_mobile_enc));
  const person = t.citizen_person_id ? await repos.persons.findById(t.citizen_person_id) : undefined;
  if (person) {
    secrets.push(cipher.decrypt(person.id_number_enc));
    if (person.name !== t.citizen_name) secrets.push(person.name);
  }
  return secrets;
}
