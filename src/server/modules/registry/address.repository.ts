import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema";

/** 标准地址库 read by its parts: a street's roads, a road's doors, a door's rooms, and one address. */
export class AddressRepository {
  constructor(private readonly db: Kysely<DB>) {}

  roads(streetCode: string) {
    return this.db.selectFrom("addresses").select("road").distinct().where("street_code", "=", streetCode).where("road", "is not", null).where("door", "is not", null).execute();
  }

  /** The doors of a road, each with whether rooms lie behind it, and the address of the door itself if the registry holds one. */
  doors(streetCode: string, road: string) {
    return this.db
      .selectFrom("addresses")
      .select(["door", sql<string>`count(*) filter (where room <> '')`.as("rooms"), sql<string | null>`max(case when room = '' then detail end)`.as("detail")])
      .where("street_code", "=", streetCode)
      .where("road", "=", road)
      .where("door", "is not", null)
      .groupBy("door")
      .execute();
  }

  rooms(streetCode: string, road: string, door: string) {
    return this.db.selectFrom("addresses").select(["room", "detail"]).where("street_code", "=", streetCode).where("road", "=", road).where("door", "=", door).where("room", "<>", "").execute();
  }

  /** The registry's address with this text, or with these parts in this district. */
  find(detail: string, parts: { districtCode: string; road: string; door: string; room: string } | null) {
    let q = this.db.selectFrom("addresses").select(["division_code", "street_code", "detail", "road", "door", "room"]);
    q = parts
      ? q.where((eb) => eb.or([eb("detail", "=", detail), eb.and([eb("division_code", "like", `${parts.districtCode}%`), eb("road", "=", parts.road), eb("door", "=", parts.door), eb("room", "=", parts.room)])]))
      : q.where("detail", "=", detail);
    return q.orderBy(sql`street_code is null`).limit(1).executeTakeFirst();
  }
}
