import { sql, type Insertable, type Kysely } from "kysely";
import type { DB } from "../../db/schema";

export type NewRating = Insertable<DB["ratings"]>;

/** Ratings, the window tablet's one-time links, 差评 cases and their events, and the tracing figures. */
export class RatingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts the rating unless the event already has one for the round (a concurrent retry): then undefined. */
  insertOnce(row: NewRating) {
    return this.db
      .insertInto("ratings")
      .values(row)
      .onConflict((oc) => oc.columns(["event_kind", "event_id", "round"]).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom("ratings").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findForEvent(eventKind: string, eventId: string) {
    return this.db.selectFrom("ratings").selectAll().where("event_kind", "=", eventKind).where("event_id", "=", eventId).orderBy("round").execute();
  }

  /** Which of these events already have a first-round rating. */
  async ratedEvents(events: Array<{ kind: string; id: string }>): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows = await this.db
      .selectFrom("ratings")
      .select(["event_kind", "event_id"])
      .where("round", "=", 1)
      .where("event_id", "in", [...new Set(events.map((e) => e.id))])
      .execute();
    return new Set(rows.map((r) => `${r.event_kind}:${r.event_id}`));
  }

  exclude(id: string, reason: string) {
    return this.db.updateTable("ratings").set({ status: "excluded", excluded_reason: reason }).where("id", "=", id).execute();
  }

  /** A rater's own ratings, newest first, with the case each opened. */
  listForRater(accountId: string, limit: number, offset: number) {
    return this.db
      .selectFrom("ratings as r")
      .innerJoin("orgs as o", "o.id", "r.org_id")
      .leftJoin("rating_cases as c", "c.rating_id", "r.id")
      .select(["r.id", "r.event_kind", "r.event_id", "r.round", "r.channel", "r.level", "r.tags", "r.comment", "r.item_name", "r.step_name", "r.status", "r.created_at", "o.name as org_name", "c.id as case_id", "c.number as case_number", "c.state as case_state", "c.reply as case_reply", "c.rectification as case_rectification"])
      .where("r.rater_account_id", "=", accountId)
      .where("r.round", "=", 1)
      .orderBy("r.created_at", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** The last step a staff member took on an application: who, where, and which action. */
  lastStaffStep(applicationId: string) {
    return this.db
      .selectFrom("application_events")
      .select(["action", "from_state", "to_state", "actor_account_id", "actor_name", "org_id"])
      .where("application_id", "=", applicationId)
      .where("actor_account_id", "is not", null)
      .where("org_id", "is not", null)
      .where("action", "not in", ["submit", "resubmit", "withdraw", "certificate_issued"])
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * A citizen's applications from the last 90 days that can be rated: whether staff have acted on
   * them (受理环节) and whether they are decided (办结), with the item and department names.
   */
  ratableApplications(accountId: string, personId: string | null, since: Date) {
    return this.db
      .selectFrom("applications as a")
      .innerJoin("catalogue_item_versions as v", "v.id", "a.version_id")
      .innerJoin("orgs as h", "h.id", "a.handling_org_id")
      .select([
        "a.id",
        "a.number",
        "a.outcome",
        "a.channel",
        "a.submitted_at",
        "h.name as org_name",
        sql<string>`v.content ->> 'name'`.as("item_name"),
        (eb) => eb.exists(eb.selectFrom("application_events as e").select("e.id").whereRef("e.application_id", "=", "a.id").where("e.actor_account_id", "is not", null).where("e.org_id", "is not", null).where("e.action", "not in", ["submit", "resubmit", "withdraw", "certificate_issued"])).as("acted"),
      ])
      .where((eb) => eb.or([eb("a.applicant_account_id", "=", accountId), ...(personId ? [eb.and([eb("a.applicant_person_id", "=", personId), eb("a.acting_for_enterprise_id", "is", null)])] : [])]))
      .where("a.submitted_at", ">=", since)
      .orderBy("a.submitted_at", "desc")
      .limit(50)
      .execute();
  }

  /** A citizen's checked-in appointments from the last 90 days. */
  ratableAppointments(accountId: string, since: Date) {
    return this.db
      .selectFrom("appointments as a")
      .innerJoin("appointment_slots as s", "s.id", "a.slot_id")
      .innerJoin("orgs as o", "o.id", "s.centre_org_id")
      .innerJoin("catalogue_items as i", "i.id", "a.item_id")
      .innerJoin("catalogue_item_versions as v", "v.id", "i.published_version_id")
      .select(["a.id", "a.code", "a.checked_in_at", "o.name as org_name", sql<string>`v.content ->> 'name'`.as("item_name")])
      .where("a.account_id", "=", accountId)
      .where("a.status", "=", "checked_in")
      .where("a.checked_in_at", ">=", since)
      .orderBy("a.checked_in_at", "desc")
      .limit(50)
      .execute();
  }

  insertInvitation(row: Insertable<DB["rating_invitations"]>) {
    return this.db.insertInto("rating_invitations").values(row).execute();
  }

  findInvitation(tokenHash: string, forUpdate = false) {
    const q = this.db.selectFrom("rating_invitations").selectAll().where("token_hash", "=", tokenHash);
    return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
  }

  useInvitation(tokenHash: string, at: Date) {
    return this.db.updateTable("rating_invitations").set({ used_at: at }).where("token_hash", "=", tokenHash).execute();
  }


  insertCase(row: Insertable<DB["rating_cases"]>) {
    return this.db.insertInto("rating_cases").values(row).returning(["id", "number"]).executeTakeFirstOrThrow();
  }

  findCaseForUpdate(id: string) {
    return this.db.selectFrom("rating_cases").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  /** A case with its rating, the responsible org (and its path) and the rated event's names. */
  findCase(id: string) {
    return this.caseQuery().where("c.id", "=", id).executeTakeFirst();
  }

  private caseQuery() {
    return this.db
      .selectFrom("rating_cases as c")
      .innerJoin("ratings as r", "r.id", "c.rating_id")
      .innerJoin("orgs as o", "o.id", "c.org_id")
      .select([
        "c.id",
        "c.number",
        "c.state",
        "c.org_id",
        "c.opened_on",
        "c.respond_deadline",
        "c.rectify_deadline",
        "c.deadline_beyond_calendar",
        "c.verification",
        "c.rectification",
        "c.reply",
        "c.replied_at",
        "c.appeal_reason",
        "c.appeal_decision",
        "c.rerating_id",
        "c.escalations",
        "c.region_code",
        "c.lock_version",
        "c.created_at",
        "o.name as org_name",
        "o.path as org_path",
        "r.id as rating_id",
        "r.event_kind",
        "r.event_id",
        "r.level",
        "r.indicators",
        "r.indicator_set",
        "r.tags",
        "r.comment",
        "r.channel",
        "r.anonymous",
        "r.rater_account_id",
        "r.rater_person_id",
        "r.rater_name",
        "r.item_name",
        "r.step_name",
        "r.staff_name",
        "r.application_id",
        "r.created_at as rated_at",
      ]);
  }

  /** Cases of the orgs under `pathPrefix` ("" = all), newest first. */
  /** Unfinished cases of orgs under a path. */
  async countOpenCases(pathPrefix: string): Promise<number> {
    const r = await this.db.selectFrom("rating_cases as c").innerJoin("orgs as o", "o.id", "c.org_id").select((eb) => eb.fn.countAll<number>().as("n")).where("o.path", "like", `${pathPrefix}%`).where("c.state", "not in", ["closed", "voided"]).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  listCases(pathPrefix: string, state: string | null, limit: number, offset: number) {
    let q = this.caseQuery().where("o.path", "like", `${pathPrefix}%`);
    if (state === "open") q = q.where("c.state", "not in", ["closed", "voided"]);
    else if (state) q = q.where("c.state", "=", state);
    return q.orderBy("c.created_at", "desc").limit(limit).offset(offset).execute();
  }


  async updateCaseIfVersion(id: string, lockVersion: number, set: Partial<Insertable<DB["rating_cases"]>>): Promise<boolean> {
    const res = await this.db
      .updateTable("rating_cases")
      .set((eb) => ({ ...set, updated_at: new Date(), lock_version: eb("lock_version", "+", 1) }))
      .where("id", "=", id)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  insertCaseEvent(row: Insertable<DB["rating_case_events"]>) {
    return this.db.insertInto("rating_case_events").values(row).execute();
  }

  listCaseEvents(caseId: string) {
    return this.db.selectFrom("rating_case_events").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
  }

  /** Open cases whose respond or rectify deadline has passed and that were not yet escalated for it. */
  listOverdueCases(today: string, limit: number) {
    return this.db
      .selectFrom("rating_cases")
      .select(["id"])
      .where("state", "in", ["verifying", "rectifying", "replying"])
      .where((eb) =>
        eb.or([
          eb.and([eb("state", "=", "verifying"), eb("respond_deadline", "<", today), sql<boolean>`not (escalations ? 'respond')`]),
          eb.and([eb("rectify_deadline", "<", today), sql<boolean>`not (escalations ? 'rectify')`]),
        ]),
      )
      .limit(limit)
      .execute();
  }

  /**
   * 服务溯源: counted valid first-round ratings of the orgs under `pathPrefix`, optionally one org or
   * item — 差评 by step, by tag and by staff member.
   */
  async trace(pathPrefix: string, filter: { orgId?: string; itemId?: string; since: Date }) {
    const base = () => {
      let q = this.db
        .selectFrom("ratings as r")
        .innerJoin("orgs as o", "o.id", "r.org_id")
        .where("o.path", "like", `${pathPrefix}%`)
        .where("r.status", "=", "valid")
        .where("r.round", "=", 1)
        .where("r.created_at", ">=", filter.since);
      if (filter.orgId) q = q.where("r.org_id", "=", filter.orgId);
      if (filter.itemId) q = q.where("r.item_id", "=", filter.itemId);
      return q;
    };
    const totals = await base()
      .select([sql<number>`count(*)::int`.as("total"), sql<number>`count(*) filter (where r.level <= 2)::int`.as("bad"), sql<number>`count(*) filter (where r.level >= 3)::int`.as("satisfied")])
      .executeTakeFirstOrThrow();
    const bySteps = await base()
      .where("r.level", "<=", 2)
      .select(["r.step_name as name", sql<number>`count(*)::int`.as("count")])
      .groupBy("r.step_name")
      .orderBy(sql`count(*)`, "desc")
      .limit(10)
      .execute();
    const byStaff = await base()
      .where("r.level", "<=", 2)
      .where("r.staff_name", "is not", null)
      .select(["r.staff_name as name", "o.name as org_name", sql<number>`count(*)::int`.as("count")])
      .groupBy(["r.staff_name", "o.name"])
      .orderBy(sql`count(*)`, "desc")
      .limit(10)
      .execute();
    const byTags = await this.db
      .selectFrom(base().where("r.level", "<=", 2).select(sql<string>`jsonb_array_elements_text(r.tags)`.as("tag")).as("t"))
      .select(["t.tag", sql<number>`count(*)::int`.as("count")])
      .groupBy("t.tag")
      .orderBy(sql`count(*)`, "desc")
      .execute();
    const byItems = await base()
      .where("r.level", "<=", 2)
      .where("r.item_name", "is not", null)
      .select(["r.item_name as name", sql<number>`count(*)::int`.as("count")])
      .groupBy("r.item_name")
      .orderBy(sql`count(*)`, "desc")
      .limit(10)
      .execute();
    return { totals, bySteps, byStaff, byTags, byItems };
  }

  /**
   * The workflow steps where applications waited longest: for each state, the mean and longest time
   * from entering it to leaving it (hours), over applications of the orgs under `pathPrefix`.
   */
  longestWaits(pathPrefix: string, filter: { orgId?: string; itemId?: string; since: Date }) {
    return sql<{ state: string; transitions: number; mean_hours: number; max_hours: number }>`
      with ev as (
        select e.to_state as state, e.created_at,
               lead(e.created_at) over (partition by e.application_id order by e.id) as left_at
        from application_events e
        join applications a on a.id = e.application_id
        join orgs o on o.id = a.handling_org_id
        where o.path like ${`${pathPrefix}%`} and a.submitted_at >= ${filter.since}
          ${filter.orgId ? sql`and a.handling_org_id = ${filter.orgId}` : sql``}
          ${filter.itemId ? sql`and a.item_id = ${filter.itemId}` : sql``}
          and e.action not in ('overdue_alert', 'due_soon_alert', 'certificate_issued', 'countersign')
      )
      select state, count(*)::int as transitions,
             round((avg(extract(epoch from (left_at - created_at))) / 3600)::numeric, 1)::float8 as mean_hours,
             round((max(extract(epoch from (left_at - created_at))) / 3600)::numeric, 1)::float8 as max_hours
      from ev where left_at is not null
      group by state order by mean_hours desc limit 8`
      .execute(this.db)
      .then((r) => r.rows);
  }

  /**
   * 好差评公示: per department and per item — valid first-round ratings, satisfied share (基本满意 and
   * above), 差评, and how many 差评 cases were rectified (closed after rectification) of those counted.
   */
  async publicFigures(since: Date) {
    const rows = await sql<{ org_id: string; org_name: string; item_id: string | null; item_name: string | null; total: number; satisfied: number; bad: number; cases: number; rectified: number }>`
      select r.org_id, o.name as org_name, r.item_id, r.item_name,
             count(*)::int as total,
             count(*) filter (where r.level >= 3)::int as satisfied,
             count(*) filter (where r.level <= 2)::int as bad,
             count(c.id)::int as cases,
             count(c.id) filter (where c.rectification is not null)::int as rectified
      from ratings r
      join orgs o on o.id = r.org_id
      left join rating_cases c on c.rating_id = r.id and c.state <> 'voided'
      where r.status = 'valid' and r.round = 1 and r.created_at >= ${since}
      group by r.org_id, o.name, r.item_id, r.item_name`.execute(this.db);
    return rows.rows;
  }
}
