import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema";

/**
 * 效能监督 at volume, after `seedScaleApplications`: one rating per generated application (levels
 * spread 1–5, dated after its decision) and half as many 12345 tickets dispatched to the departments in
 * turn over the same two years, signed for (a timeline entry) and most replied, some late; a 差评 case for
 * each rating of 1, most put right in time. Bulk SQL in batches; returns the rows written and how fast.
 */
export async function seedScalePerformance(db: Kysely<DB>, applications: number, onProgress?: (what: string, done: number) => void): Promise<{ ratings: number; tickets: number; cases: number; rowsPerSecond: number }> {
  const began = performance.now();
  const batch = 100_000;
  let ratings = 0;
  let after = "";
  for (;;) {
    const r = await sql<{ n: string; last: string | null }>`
      with picked as (select id, number, applicant_name, item_id, handling_org_id, region_code, coalesce(decided_at, submitted_at) as at
                      from applications where number like 'S%' and number > ${after} order by number limit ${batch}),
      ins as (
        insert into ratings (event_kind, event_id, channel, indicator_set, level, rater_name, item_id, org_id, region_code, application_id, created_at)
        select 'application_completed', p.id, 'web', 'online', 1 + abs(hashtext(p.number)) % 5, p.applicant_name, p.item_id, p.handling_org_id, p.region_code, p.id, p.at + interval '2 hours'
        from picked p on conflict do nothing returning 1)
      select (select count(*) from ins) as n, (select max(number) from picked) as last`.execute(db);
    const row = r.rows[0]!;
    if (!row.last) break;
    ratings += Number(row.n);
    after = row.last;
    onProgress?.("ratings", ratings);
    if (ratings >= applications) break;
  }
  const tickets = Math.floor(applications / 2);
  for (let from = 1; from <= tickets; from += batch) {
    const to = Math.min(from + batch - 1, tickets);
    await sql`
      with depts as (select row_number() over (order by code) - 1 as n, id, region_code from orgs where kind = 'department'), total as (select count(*) as c from depts)
      insert into tickets (number, type, category_code, title, content, channel, citizen_name, state, org_id, dispatched_at, sign_deadline, reply_deadline, replied_at, region_code, created_at, updated_at)
      select 'TS' || lpad(g::text, 9, '0'), (array['enquiry','help','complaint','report','suggestion'])[1 + g % 5], 'CITY.NOISE.LIFE', '诉求 ' || g, '生成的诉求内容', 'hotline', '市民' || (g % 9973),
        case when g % 10 < 8 then 'closed' else 'handling' end, d.id,
        timestamptz '2025-01-01 10:00+08' + (g % 700) * interval '1 day', date '2025-01-01' + (g % 700) + 1, date '2025-01-01' + (g % 700) + 13,
        case when g % 10 < 8 then timestamptz '2025-01-01 16:00+08' + (g % 700 + g % 17) * interval '1 day' end,
        d.region_code, timestamptz '2025-01-01 09:00+08' + (g % 700) * interval '1 day', now()
      from generate_series(${from}::int, ${to}::int) g join depts d on d.n = g % (select c from total)`.execute(db);
    await sql`
      insert into ticket_events (ticket_id, action, from_state, to_state, actor_name, org_id, created_at)
      select t.id, 'sign', 'dispatched', 'handling', '承办人员', t.org_id, t.dispatched_at + (substring(t.number from 3)::int % 3) * interval '1 day'
      from tickets t where t.number between ${`TS${String(from).padStart(9, "0")}`} and ${`TS${String(to).padStart(9, "0")}`}`.execute(db);
    onProgress?.("tickets", to);
  }
  // 差评 cases for the ratings of 1 (a fifth), nine in ten put right (a rectify step) within 0–24 days of opening.
  const cases = Number(
    (
      await sql<{ n: string }>`
        with ins as (
          insert into rating_cases (number, rating_id, org_id, state, opened_on, respond_deadline, rectify_deadline, rectified_on, region_code, created_at)
          select 'CPS' || lpad((row_number() over (order by r.created_at, r.id))::text, 9, '0'), r.id, r.org_id,
            case when abs(hashtext(r.id::text)) % 10 < 9 then 'closed' else 'rectifying' end,
            (r.created_at at time zone 'Asia/Shanghai')::date, (r.created_at at time zone 'Asia/Shanghai')::date + 1, (r.created_at at time zone 'Asia/Shanghai')::date + 21,
            case when abs(hashtext(r.id::text)) % 10 < 9 then ((r.created_at + (abs(hashtext(r.id::text)) % 25) * interval '1 day') at time zone 'Asia/Shanghai')::date end,
            r.region_code, r.created_at
          from ratings r where r.level = 1 and r.application_id is not null and not exists (select 1 from rating_cases c where c.rating_id = r.id)
          returning 1)
        select count(*) as n from ins`.execute(db)
    ).rows[0]!.n,
  );
  await sql`
    insert into rating_case_events (case_id, action, from_state, to_state, actor_name, created_at)
    select c.id, 'rectify', 'rectifying', 'replying', '承办人员', (c.rectified_on::timestamp + interval '10 hours') at time zone 'Asia/Shanghai'
    from rating_cases c where c.number like 'CPS%' and c.rectified_on is not null`.execute(db);
  onProgress?.("差评 cases", cases);
  await sql`analyze rating_cases`.execute(db);
  await sql`analyze rating_case_events`.execute(db);
  await sql`analyze ratings`.execute(db);
  await sql`analyze tickets`.execute(db);
  const seconds = (performance.now() - began) / 1000;
  return { ratings, tickets, cases, rowsPerSecond: Math.round((ratings + tickets * 2 + cases * 2) / seconds) };
}
