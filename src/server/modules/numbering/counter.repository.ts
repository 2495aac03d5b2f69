import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/**
 * Gap-free daily numbers (application numbers per division, 12345 tickets, 差评 cases, certificate
 * serials per issuer): one counter row per series and day, incremented atomically in the caller's
 * transaction, so concurrent callers never share a number and a rolled-back one is reused.
 */
export class CounterRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The next number of the day in `series` (a division code, '12345', 'CP', 'CERT-<org>'). */
  async next(series: string, day: string): Promise<number> {
    const row = await sql<{ last: number }>`
      insert into application_counters (division_code, day, last) values (${series}, ${day}, 1)
      on conflict (division_code, day) do update set last = application_counters.last + 1
      returning last`.execute(this.db);
    return Number(row.rows[0]!.last);
  }
}
