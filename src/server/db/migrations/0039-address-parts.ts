import { type Kysely, sql } from "kysely";
import { parseAddress } from "../../../shared/validation/address";

/**
 * 标准地址库 in its parts: the street or town an address lies in, its road, door (门牌) and room, so that
 * an address is picked district → street → road → door → room instead of typed. Rows already held are
 * split from their text; a row whose code names a street (9 digits) lies in that street.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table addresses add column street_code text, add column road text, add column door text, add column room text not null default ''`.execute(db);
  await sql`create index addresses_place_idx on addresses (street_code, road, door)`.execute(db);
  const rows = (await sql<{ id: string; division_code: string; detail: string }>`select id, division_code, detail from addresses`.execute(db)).rows;
  for (const r of rows) {
    const parts = parseAddress(r.detail);
    const street = /^\d{9}$/.test(r.division_code) ? r.division_code : null;
    if (parts || street) await sql`update addresses set street_code = ${street}, road = ${parts?.road ?? null}, door = ${parts?.door ?? null}, room = ${parts?.room ?? ""} where id = ${r.id}`.execute(db);
  }
}
