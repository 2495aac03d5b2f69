import type { SubjectRepository } from "./subject.repository";
import type { UnitOfWork } from "../../db/store";
import { enterpriseFacts, factMap, personFacts } from "../profiles";
import type { SubjectRow } from "./subject.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { subjects: SubjectRepository };

export type Audience = "person" | "enterprise";
export interface ScannedSubject extends Omit<SubjectRow<unknown>, "basis"> {
  kind: Audience;
  facts: Record<string, unknown>;
}

/** Pages per batch: about 5,000 people at twenty-odd rows a page. */
const PAGES = 250;

/**
 * Every subject of an audience with its facts, a range of the table's pages at a time: the same
 * derivation as one profile, so a policy or benefit rule decides the same for a subject in the list as
 * on their own profile page. `withAccount` keeps only subjects who have an account to be told through.
 * Rows added while the walk runs are reached when the table has grown by the end; a row updated during
 * the walk may move and be read twice or not at all (matches and offers are unique per subject; the
 * daily runs reach it next time).
 */
export async function* scanSubjects(repos: Repos, audience: Audience, today: string, opts: { withAccount?: boolean; pages?: number } = {}): AsyncGenerator<ScannedSubject[]> {
  const step = opts.pages ?? PAGES;
  // Only those who can be told: walk the (much smaller) accounts table and join the subjects.
  const table = opts.withAccount ? "accounts" : audience === "person" ? "persons" : "enterprises";
  for (let from = 0, end = await repos.subjects.pageCount(table); from < end; ) {
    const to = from + step;
    const rows = audience === "person" ? await repos.subjects.persons(from, to, opts) : await repos.subjects.enterprises(from, to, today, opts);
    if (rows.length) yield rows.map(({ basis, ...r }) => ({ ...r, kind: audience, facts: factMap(audience === "person" ? personFacts(basis as Parameters<typeof personFacts>[0], today) : enterpriseFacts(basis as Parameters<typeof enterpriseFacts>[0], today)) }));
    from = to;
    if (from >= end) end = await repos.subjects.pageCount(table);
  }
}
