import type { Repositories } from "../../db/store";
import { enterpriseFacts, factMap, personFacts } from "../profiles/profile-facts";
import type { SubjectRow } from "./subject.repository";

export type Audience = "person" | "enterprise";
export interface ScannedSubject extends Omit<SubjectRow<unknown>, "basis"> {
  kind: Audience;
  facts: Record<string, unknown>;
}

const BATCH = 5000;

/**
 * Every subject of an audience with its facts, a batch at a time (keyset by id): the same derivation
 * as one profile, so a policy or benefit rule decides the same for a subject in the list as on their
 * own profile page. `withAccount` keeps only subjects who have an account to be told through.
 */
export async function* scanSubjects(repos: Repositories, audience: Audience, today: string, opts: { withAccount?: boolean; batch?: number } = {}): AsyncGenerator<ScannedSubject[]> {
  const size = opts.batch ?? BATCH;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = audience === "person" ? await repos.subjects.persons(after, size, opts) : await repos.subjects.enterprises(after, size, today, opts);
    if (rows.length === 0) return;
    yield rows.map(({ basis, ...r }) => ({ ...r, kind: audience, facts: factMap(audience === "person" ? personFacts(basis as Parameters<typeof personFacts>[0], today) : enterpriseFacts(basis as Parameters<typeof enterpriseFacts>[0], today)) }));
    after = rows.at(-1)!.id;
    if (rows.length < size) return;
  }
}
