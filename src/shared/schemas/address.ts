import { z } from "zod";

/** One level of the address picker below a street: its roads, a road's doors (门牌), a door's rooms. */
export const addressOptions = z.object({
  level: z.enum(["road", "door", "room"]),
  items: z.array(
    z.object({
      value: z.string(),
      /** Nothing to pick below it: the address is complete. */
      leaf: z.boolean(),
      /** The registry's whole address when this choice completes it. */
      address: z.string().nullable(),
    }),
  ),
});
export type AddressOptions = z.infer<typeof addressOptions>;

export const addressOptionsQuery = z.strictObject({
  street: z.string().regex(/^31\d{7}$/, "须为本市的街道（乡镇）行政区划代码"),
  road: z.string().trim().min(1).max(40).optional(),
  door: z.string().trim().min(1).max(20).optional(),
}).refine((q) => q.door === undefined || q.road !== undefined, { message: "须先选择道路", path: ["road"] });

export const addressCheckRequest = z.strictObject({
  address: z.string().trim().min(1).max(200),
  /** The district or street the same form asks apart, if any. */
  division: z.string().regex(/^31\d{4}(\d{3})?$/, "须为本市的行政区划代码").optional(),
});

export const addressCheck = z.object({
  /** The address as checked (spaces removed). */
  address: z.string(),
  /** The address registry holds it. */
  known: z.boolean(),
  problem: z.object({ code: z.enum(["OUT_OF_CITY", "NO_DISTRICT", "DISTRICT_MISMATCH", "NO_ROAD_OR_NUMBER"]), message: z.string(), messageEn: z.string() }).nullable(),
  /** Where the registry's address lies, for the picker to show it by its parts. */
  place: z
    .object({ districtCode: z.string(), streetCode: z.string().nullable(), road: z.string().nullable(), door: z.string().nullable(), room: z.string(), address: z.string() })
    .nullable(),
});
export type AddressCheck = z.infer<typeof addressCheck>;
