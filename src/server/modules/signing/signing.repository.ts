import { sql, type Insertable, type Kysely } from "kysely";
import type { DB, SigningRequestsTable } from "../../db/schema";

/** Signing requests and their signatures (多方在线签署). */
export class SigningRepository {
  constructor(private readonly db: Kysely<DB>) {}

  insertRequest(row: Insertable<SigningRequestsTable>) {
    return this.db.insertInto("signing_requests").values(row).returningAll().executeTakeFirstOrThrow();
  }

  insertSignature(row: { request_id: string; person_id: string; account_id: string; name: string; roles: string[]; status: "pending" | "signed"; documents?: unknown; auth?: string | null; signed_at?: Date | null }) {
    return this.db
      .insertInto("signatures")
      .values({ ...row, roles: JSON.stringify(row.roles), documents: row.documents === undefined ? null : JSON.stringify(row.documents) })
      .execute();
  }

  findRequest(id: string) {
    return this.db.selectFrom("signing_requests").selectAll().where("id", "=", id).executeTakeFirst();
  }

  findRequestForUpdate(id: string) {
    return this.db.selectFrom("signing_requests").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
  }

  listSignatures(requestId: string) {
    return this.db.selectFrom("signatures").selectAll().where("request_id", "=", requestId).orderBy("id").execute();
  }

  async sign(requestId: string, accountId: string, documents: unknown, auth: string, at: Date) {
    const r = await this.db
      .updateTable("signatures")
      .set({ status: "signed", documents: JSON.stringify(documents), auth, signed_at: at })
      .where("request_id", "=", requestId)
      .where("account_id", "=", accountId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async refuse(requestId: string, accountId: string, reason: string, at: Date) {
    await this.db.updateTable("signatures").set({ status: "refused", reason, signed_at: at }).where("request_id", "=", requestId).where("account_id", "=", accountId).where("status", "=", "pending").execute();
  }

  /** The signatures still pending are closed when a request ends without them. */
  async closePending(requestId: string) {
    await this.db.updateTable("signatures").set({ status: "closed" }).where("request_id", "=", requestId).where("status", "=", "pending").execute();
  }

  async setStatus(id: string, status: SigningRequestsTable["status"], changes: { reason?: string | null; result_id?: string | null; result_number?: string | null } = {}) {
    await this.db.updateTable("signing_requests").set({ status, ...changes, updated_at: sql<Date>`now()` }).where("id", "=", id).execute();
  }

  async setReminded(id: string, at: Date) {
    await this.db.updateTable("signing_requests").set({ reminded_at: at }).where("id", "=", id).execute();
  }

  /** The requests an account made or is asked to sign, newest first. */
  listFor(accountId: string, limit: number) {
    return this.db
      .selectFrom("signing_requests as r")
      .select(["r.id", "r.title", "r.status", "r.deadline", "r.created_at", "r.applicant_account_id", "r.applicant_name"])
      .select((eb) => eb.selectFrom("signatures as s").select("s.status").where("s.request_id", "=", eb.ref("r.id")).where("s.account_id", "=", accountId).limit(1).as("my_status"))
      .where((eb) => eb.or([eb("r.applicant_account_id", "=", accountId), eb.exists(eb.selectFrom("signatures as s").select("s.id").where("s.request_id", "=", eb.ref("r.id")).where("s.account_id", "=", accountId))]))
      .orderBy("r.created_at", "desc")
      .limit(limit)
      .execute();
  }

  /** The requests still collecting signatures, the nearest deadline first. */
  listOpen(limit: number) {
    return this.db.selectFrom("signing_requests").selectAll().where("status", "=", "collecting").orderBy("deadline").limit(limit).execute();
  }
}
