import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

type NewApplication = Insertable<DB["applications"]>;

/** Storage of applications, their timeline, pauses, and numbers. */
export class ApplicationRepository {
  constructor(private readonly db: Kysely<DB>) {}


  async insert(row: NewApplication): Promise<{ id: string }> {
    return this.db.insertInto("applications").values(row).returning("id").executeTakeFirstOrThrow();
  }

  /** Gives a new application its day's number (taken late in the submitting transaction). */
  async setNumber(id: string, number: string): Promise<void> {
    await this.db.updateTable("applications").set({ number }).where("id", "=", id).execute();
  }

  /** The decision's time and the working days it took (效能监督 reads them). */
  async markDecided(id: string, at: Date, workingDays: number | null): Promise<void> {
    await this.db.updateTable("applications").set({ decided_at: at, decided_working_days: workingDays }).where("id", "=", id).execute();
  }

  /** The id of a workflow definition, stored once per distinct content (`hash` of its canonical JSON). */
  async workflowId(hash: string, definition: string): Promise<string> {
    await this.db.insertInto("workflow_definitions").values({ hash, definition }).onConflict((oc) => oc.column("hash").doNothing()).execute();
    return (await this.db.selectFrom("workflow_definitions").select("id").where("hash", "=", hash).executeTakeFirstOrThrow()).id;
  }

  /** Applications with the definition they follow, as `workflow`. */
  private withWorkflow() {
    return this.db.selectFrom("applications as a").innerJoin("workflow_definitions as w", "w.id", "a.workflow_id").selectAll("a").select("w.definition as workflow");
  }

  findById(id: string) {
    return this.withWorkflow().where("a.id", "=", id).executeTakeFirst();
  }

  findForUpdate(id: string) {
    return this.withWorkflow().where("a.id", "=", id).forUpdate("a").executeTakeFirst();
  }

  /** Changes state only if nobody changed the application since `lockVersion` was read. */
  async updateIfVersion(id: string, lockVersion: number, changes: { state: string; outcome?: string | null; form_data?: string; committed_deadline?: string | null; legal_deadline?: string | null; assignee_account_id?: string | null; assignee_name?: string | null; step_deadline?: string | null }): Promise<boolean> {
    const r = await this.db
      .updateTable("applications")
      .set({ ...changes, lock_version: lockVersion + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("lock_version", "=", lockVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertEvent(row: { created_at?: Date; application_id: string; action: string; from_state: string | null; to_state: string; actor_account_id: string | null; actor_name: string; org_id: string | null; opinion: string | null; details: Record<string, unknown>; region_code: string }) {
    await this.db.insertInto("application_events").values({ ...row, details: JSON.stringify(row.details) }).execute();
  }

  listEvents(applicationId: string) {
    return this.db.selectFrom("application_events").selectAll().where("application_id", "=", applicationId).orderBy("id").execute();
  }

  async openPause(applicationId: string, reason: string, fromDate: string, regionCode: string) {
    await this.db.insertInto("application_pauses").values({ application_id: applicationId, reason, from_date: fromDate, to_date: null, region_code: regionCode }).execute();
  }

  /** Ends the open pauses (only those for `reason` when given). */
  async closePauses(applicationId: string, toDate: string, reason?: string) {
    let q = this.db.updateTable("application_pauses").set({ to_date: toDate }).where("application_id", "=", applicationId).where("to_date", "is", null);
    if (reason) q = q.where("reason", "=", reason);
    await q.execute();
  }

  listPauses(applicationId: string) {
    return this.db.selectFrom("application_pauses").select(["from_date", "to_date", "reason"]).where("application_id", "=", applicationId).orderBy("id").execute();
  }




  /** A list line's columns; the item's and the state's names come from `ListNames` (what never changes is not read per row). */
  private listed() {
    return this.db
      .selectFrom("applications as a")
      .innerJoin("orgs as h", "h.id", "a.handling_org_id")
      .select(["a.id", "a.number", "a.state", "a.outcome", "a.channel", "a.submitted_at", "a.committed_deadline", "a.legal_deadline", "a.deadline_beyond_calendar", "a.region_code", "a.applicant_name", "a.assignee_name", "a.step_deadline", "a.version_id", "a.workflow_id", "h.name as handling_org_name"]);
  }

  /** The names of submitted item versions (which never change). */
  versionNames(ids: string[]) {
    return this.db.selectFrom("catalogue_item_versions").select(["id", sql<string>`content ->> 'name'`.as("name")]).where("id", "in", ids).execute();
  }

  /** Workflow definitions by id (stored once per content, never changed). */
  workflowDefinitions(ids: string[]) {
    return this.db.selectFrom("workflow_definitions").select(["id", "definition"]).where("id", "in", ids).execute();
  }

  /** The applicant's own applications (online or made for them at a window), or their enterprise's. */
  listForApplicant(accountId: string, personId: string | null, enterpriseId: string | null, limit: number, offset: number) {
    return this.listed()
      // A wait another module holds the application for (a fee to pay: 缴费), shown instead of the state.
      .select(sql<string | null>`(select p.reason from application_pauses p where p.application_id = a.id and p.to_date is null and p.reason <> '补正' limit 1)`.as("held"))
      .where((eb) =>
        enterpriseId
          ? eb("a.acting_for_enterprise_id", "=", enterpriseId)
          : eb.and([
              eb.or([eb("a.applicant_account_id", "=", accountId), ...(personId ? [eb("a.applicant_person_id", "=", personId)] : [])]),
              eb("a.acting_for_enterprise_id", "is", null),
            ]),
      )
      .orderBy("a.submitted_at", "desc")
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /**
   * Applications handled by orgs in a subtree, filtered (the staff inbox), nearest deadline first.
   * One statement: the page's ids are chosen from narrow index-friendly columns, then its rows read.
   */
  async listForOrgSubtree(orgPath: string, f: { states: string[] | null; overdue: boolean; dueBy: string | null; assigned: "me" | "none" | null; q: string | null; itemId: string | null; channel: string | null; orgId: string | null; today: string; me: string }, limit: number, offset: number) {
    // The subtree's org ids first (a handful): with them as constants the planner walks the inbox indexes in deadline order.
    const orgIds = (await this.db.selectFrom("orgs").select("id").where("path", "like", `${orgPath}%`).execute()).map((o) => o.id);
    if (orgIds.length === 0) return [];
    let q = this.db.selectFrom("applications as a").select("a.id").where("a.handling_org_id", "in", orgIds);
    if (f.states) q = q.where("a.state", "in", f.states);
    if (f.overdue) q = q.where("a.outcome", "is", null).where("a.committed_deadline", "<", f.today);
    if (f.dueBy) q = q.where("a.outcome", "is", null).where("a.committed_deadline", ">=", f.today).where("a.committed_deadline", "<=", f.dueBy);
    if (f.assigned === "me") q = q.where("a.assignee_account_id", "=", f.me);
    if (f.assigned === "none") q = q.where("a.assignee_account_id", "is", null);
    if (f.itemId) q = q.where("a.item_id", "=", f.itemId);
    if (f.orgId) q = q.where("a.handling_org_id", "=", f.orgId);
    if (f.channel) q = q.where("a.channel", "=", f.channel as "online");
    if (f.q) {
      const text = f.q;
      q = /^[0-9-]+$/.test(text) ? q.where("a.number", "like", `${text}%`) : q.where("a.applicant_name", "like", `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    // The page's ids and its rows' names in one statement: the page is chosen from the narrow columns first.
    const page = q.orderBy("a.committed_deadline").orderBy("a.submitted_at").orderBy("a.id").limit(limit).offset(offset);
    return this.listed()
      .where("a.id", "in", (eb) => eb.selectFrom(page.as("p")).select("p.id"))
      .orderBy("a.committed_deadline")
      .orderBy("a.submitted_at")
      .orderBy("a.id")
      .execute();
  }

  /**
   * The inbox's counts over a subtree's unfinished applications (one department if asked): per workflow
   * and state, per department, overdue, due by `dueBy` and claimed by `me` — the same conditions as the
   * inbox's tabs — with the workflow definitions their states come from.
   */
  async inboxCounts(orgPath: string, orgId: string | null, today: string, dueBy: string, me: string) {
    const orgs = await this.db.selectFrom("orgs").select(["id", "name"]).where("path", "like", `${orgPath}%`).execute();
    const orgIds = orgId ? orgs.filter((o) => o.id === orgId).map((o) => o.id) : orgs.map((o) => o.id);
    if (orgIds.length === 0) return { rows: [], workflows: new Map<string, unknown>(), orgNames: new Map<string, string>() };
    const rows = await this.db
      .selectFrom("applications as a")
      .select((eb) => [
        "a.workflow_id",
        "a.state",
        "a.handling_org_id",
        eb.fn.countAll<number>().as("n"),
        sql<number>`count(*) filter (where a.committed_deadline < ${today})`.as("overdue"),
        sql<number>`count(*) filter (where a.committed_deadline >= ${today} and a.committed_deadline <= ${dueBy})`.as("due_soon"),
        sql<number>`count(*) filter (where a.assignee_account_id = ${me})`.as("mine"),
      ])
      .where("a.handling_org_id", "in", orgIds)
      .where("a.outcome", "is", null)
      .groupBy(["a.workflow_id", "a.state", "a.handling_org_id"])
      .execute();
    const ids = [...new Set(rows.map((r) => r.workflow_id))];
    const defs = ids.length ? await this.db.selectFrom("workflow_definitions").select(["id", "definition"]).where("id", "in", ids).execute() : [];
    return { rows: rows.map((r) => ({ ...r, n: Number(r.n), overdue: Number(r.overdue), due_soon: Number(r.due_soon), mine: Number(r.mine) })), workflows: new Map(defs.map((d) => [d.id, d.definition])), orgNames: new Map(orgs.map((o) => [o.id, o.name])) };
  }

  /** Unfinished applications whose committed deadline has passed and that carry no overdue alert yet. */
  listNewlyOverdue(today: string, limit: number) {
    return this.db
      .selectFrom("applications as a")
      .select(["a.id", "a.number", "a.handling_org_id", "a.region_code", "a.committed_deadline"])
      .where("a.outcome", "is", null)
      .where("a.committed_deadline", "<", today)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("application_events as e").select("e.id").whereRef("e.application_id", "=", "a.id").where("e.action", "=", "overdue_alert"))))
      .orderBy("a.committed_deadline")
      .limit(limit)
      .execute();
  }

  /** Unfinished applications due today or within the next two weeks that carry no due-soon alert yet. */
  listDueWithin(today: string, limit: number) {
    const horizon = new Date(`${today}T00:00:00Z`);
    horizon.setUTCDate(horizon.getUTCDate() + 14);
    return this.db
      .selectFrom("applications as a")
      .select(["a.id"])
      .where("a.outcome", "is", null)
      .where("a.committed_deadline", ">=", today)
      .where("a.committed_deadline", "<=", horizon.toISOString().slice(0, 10))
      .where((eb) => eb.not(eb.exists(eb.selectFrom("application_events as e").select("e.id").whereRef("e.application_id", "=", "a.id").where("e.action", "=", "due_soon_alert"))))
      .orderBy("a.committed_deadline")
      .limit(limit)
      .execute();
  }

  /** The roles that have signed (会签) since the application last entered its current state. */
  async countersignedRoles(applicationId: string, state: string): Promise<string[]> {
    const events = await this.db.selectFrom("application_events").select(["action", "to_state", "from_state", "details"]).where("application_id", "=", applicationId).orderBy("id", "desc").execute();
    const roles: string[] = [];
    for (const e of events) {
      if (e.action === "countersign") roles.push((e.details as { role: string }).role);
      else if (e.to_state === state && e.from_state !== state) break;
    }
    return roles;
  }

  /** Unfinished applications whose deadline lay past the configured calendar. */
  listBeyondCalendar(limit: number) {
    return this.db.selectFrom("applications").select(["id", "start_date", "committed_days", "legal_days"]).where("deadline_beyond_calendar", "=", true).where("outcome", "is", null).limit(limit).execute();
  }

  async setDeadlines(id: string, committed: string | null, legal: string | null, beyondCalendar: boolean) {
    await this.db.updateTable("applications").set({ committed_deadline: committed, legal_deadline: legal, deadline_beyond_calendar: beyondCalendar }).where("id", "=", id).execute();
  }

  /** What once-only data did for an application: materials waived, fields prefilled and from where, consent. */
  async setOnceOnly(id: string, row: { waived_materials: number; prefilled_fields: number; prefill_sources: string | null; data_consent_at: Date | null }) {
    await this.db.updateTable("applications").set(row).where("id", "=", id).execute();
  }

  async hasEvent(applicationId: string, action: string): Promise<boolean> {
    const row = await this.db.selectFrom("application_events").select("id").where("application_id", "=", applicationId).where("action", "=", action).executeTakeFirst();
    return Boolean(row);
  }

  handlingOrgPath(applicationId: string) {
    return this.db.selectFrom("applications as a").innerJoin("orgs as o", "o.id", "a.handling_org_id").select("o.path").where("a.id", "=", applicationId).executeTakeFirst();
  }

  async insertEvidence(row: { application_id: string; material_key: string; certificate_id: string | null; element?: string | null; source?: string; source_org_code?: string | null }) {
    await this.db.insertInto("application_evidence").values(row).execute();
  }

  /** The evidence attached to an application: certificates, and values the registries hold. */
  listEvidence(applicationId: string) {
    return this.db
      .selectFrom("application_evidence as e")
      .leftJoin("certificates as c", "c.id", "e.certificate_id")
      .leftJoin("orgs as o", (j) => j.on((eb) => eb.or([eb("o.id", "=", eb.ref("c.issuer_org_id")), eb.and([eb("c.id", "is", null), eb("o.code", "=", eb.ref("e.source_org_code"))])])))
      .select(["e.material_key", "e.element", "e.source", "c.id as certificate_id", "c.identifier", "c.number", "c.type_code", "c.holder_person_id", "o.name as issuer_name"])
      .where("e.application_id", "=", applicationId)
      .orderBy("e.id")
      .execute();
  }
}
