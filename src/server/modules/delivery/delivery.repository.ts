import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { DB } from "../../db/schema";
import type { AfterCommit } from "../../db/store";

export type DeliveryRow = NonNullable<Awaited<ReturnType<DeliveryRepository["lock"]>>>;

/** 统一物流's storage: deliveries, their events, the carrier's notifications already applied. */
export class DeliveryRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly afterCommit: AfterCommit = (work) => work(),
  ) {}

  whenCommitted(work: () => Promise<void>) {
    return this.afterCommit(work);
  }

  insert(row: Insertable<DB["deliveries"]>) {
    return this.db.insertInto("deliveries").values(row).returningAll().executeTakeFirstOrThrow();
  }
  lock(id: string) {
    return this.db.selectFrom("deliveries").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }
  lockFor(applicationId: string, direction: string) {
    return this.db.selectFrom("deliveries").selectAll().where("application_id", "=", applicationId).where("direction", "=", direction).forUpdate().executeTakeFirst();
  }
  lockByWaybill(waybillNo: string) {
    return this.db.selectFrom("deliveries").selectAll().where("waybill_no", "=", waybillNo).forUpdate().executeTakeFirst();
  }
  async update(id: string, set: Updateable<DB["deliveries"]>) {
    await this.db.updateTable("deliveries").set({ ...set, lock_version: sql`lock_version + 1`, updated_at: sql`now()` }).where("id", "=", id).execute();
  }
  async event(deliveryId: string, status: string, note: string, source: "platform" | "carrier", at?: Date) {
    await this.db.insertInto("delivery_events").values({ delivery_id: deliveryId, status, note, source, ...(at ? { at } : {}) }).execute();
  }
  ofApplication(applicationId: string) {
    return this.db.selectFrom("deliveries as d").leftJoin("orgs as g", "g.id", "d.pickup_org_id").selectAll("d").select(["g.name as pickup_org_name"]).where("d.application_id", "=", applicationId).orderBy("d.direction", "desc").execute();
  }
  events(deliveryIds: string[]) {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom("delivery_events").selectAll().where("delivery_id", "in", deliveryIds).orderBy("id").execute();
  }
  toBook(limit: number) {
    return this.db.selectFrom("deliveries").selectAll().where("status", "=", "to_book").orderBy("created_at").limit(limit).execute();
  }
  /** Results waiting at the centres under `orgPath` (a window clerk's own centre). */
  readyAt(orgPaths: string[], limit: number) {
    return this.db
      .selectFrom("deliveries as d")
      .innerJoin("orgs as g", "g.id", "d.pickup_org_id")
      .innerJoin("applications as a", "a.id", "d.application_id")
      .select(["d.id", "d.number", "d.application_id", "d.updated_at", "d.status", "g.name as pickup_org_name", "a.number as application_number", "a.applicant_name", "a.version_id"])
      .where("d.status", "=", "ready")
      .where("g.path", "in", orgPaths)
      .orderBy("d.updated_at")
      .limit(limit)
      .execute();
  }
  async recordNotification(id: string): Promise<boolean> {
    const r = await this.db.insertInto("post_notifications").values({ id }).onConflict((oc) => oc.column("id").doNothing()).returning("id").executeTakeFirst();
    return r !== undefined;
  }
  /** The service centre of a region (where results are collected). */
  centreOf(regionCode: string) {
    return this.db.selectFrom("orgs").select(["id", "name", "path"]).where("code", "=", `${regionCode}-SC`).executeTakeFirst();
  }
  orgById(id: string) {
    return this.db.selectFrom("orgs").select(["id", "name", "path", "code"]).where("id", "=", id).executeTakeFirst();
  }
}
