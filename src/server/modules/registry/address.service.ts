import type { Store, UnitOfWork } from "../../db/store";
import type { AddressRepository } from "./address.repository";
import { ADDRESS_PROBLEM_WORDS, addressProblem, parseAddress } from "../../../shared/validation/address";
import type { AddressCheck, AddressOptions } from "../../../shared/schemas/address";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { addresses: AddressRepository };

const collator = new Intl.Collator("zh-CN-u-co-pinyin");
/** 3弄 before 12弄, 12弄2号 before 12弄10号: by the numbers in the door, then by text. */
const numbers = (s: string) => (s.match(/\d+/g) ?? []).map(Number);
function byDoor(a: string, b: string) {
  const x = numbers(a);
  const y = numbers(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return collator.compare(a, b);
}

/**
 * 标准地址库 for pickers: district and street come from the division list, then a street's roads, a
 * road's doors and a door's rooms; and the check of a typed address (its form, and whether the registry
 * holds it). Public: doors and rooms say nothing about who lives there.
 */
export class AddressService {
  constructor(private readonly store: Store<Repos>) {}

  async options(street: string, road?: string, door?: string): Promise<AddressOptions> {
    const repos = this.store.repos.addresses;
    if (road === undefined) {
      const rows = await repos.roads(street);
      return { level: "road", items: rows.map((r) => r.road!).sort(collator.compare).map((r) => ({ value: r, leaf: false, address: null })) };
    }
    if (door === undefined) {
      const rows = await repos.doors(street, road);
      return { level: "door", items: rows.sort((a, b) => byDoor(a.door!, b.door!)).map((r) => ({ value: r.door!, leaf: Number(r.rooms) === 0, address: Number(r.rooms) === 0 ? r.detail : null })) };
    }
    const rows = await repos.rooms(street, road, door);
    return { level: "room", items: rows.sort((a, b) => byDoor(a.room, b.room)).map((r) => ({ value: r.room, leaf: true, address: r.detail })) };
  }

  /** Whether a typed address is well formed (for the division the form asks beside it) and held by the registry. */
  async check(text: string, division: string | null): Promise<AddressCheck> {
    const address = text.replace(/\s+/g, "");
    const problem = addressProblem(address, division);
    const parts = parseAddress(address);
    const districtCode = parts?.districtCode ?? (division ? division.slice(0, 6) : null);
    const found = await this.store.repos.addresses.find(address, parts && districtCode ? { districtCode, road: parts.road, door: parts.door, room: parts.room } : null);
    return {
      address,
      known: !!found,
      problem: problem ? { code: problem, message: ADDRESS_PROBLEM_WORDS[problem].zh, messageEn: ADDRESS_PROBLEM_WORDS[problem].en } : null,
      place: found ? { districtCode: found.division_code.slice(0, 6), streetCode: found.street_code, road: found.road, door: found.door, room: found.room, address: found.detail } : null,
    };
  }
}
