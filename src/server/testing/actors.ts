import type { Actor } from "../actor";

/**
 * Actors for pure policy tests. A staff member at `orgPath` belongs to the government level of the
 * path's first segments that name a region: "310000/310000-PSB/" (a city bureau) → "310000/",
 * "310000/310101/310101-PSB/" (a district bureau) → "310000/310101/".
 */
export function buildStaff(orgPath: string, roles: Actor["roles"], overrides: Partial<Actor> = {}): Actor {
  const segments = orgPath.split("/").filter(Boolean);
  const government = segments.filter((s) => /^\d+$/.test(s));
  return {
    accountId: `staff:${orgPath}:${roles.join(",")}`,
    kind: "staff",
    name: "工作人员",
    personId: null,
    orgId: `org:${orgPath}`,
    orgPath,
    governmentPath: `${government.join("/")}/`,
    regionCode: government[1]?.slice(0, 6) ?? government[0] ?? "310000",
    roles,
    actingFor: null,
    ...overrides,
  };
}

export function buildCitizen(overrides: Partial<Actor> = {}): Actor {
  return { accountId: "citizen", kind: "citizen", name: "市民", personId: "person", orgId: null, orgPath: null, governmentPath: null, regionCode: "310101", roles: [], actingFor: null, ...overrides };
}

/** Paths of the demo city's organisations used by the policy tests. */
export const PATHS = {
  city: "310000/",
  cityOffice: "310000/310000-OFFICE/",
  cityPsb: "310000/310000-PSB/",
  cityAmr: "310000/310000-AMR/",
  cityHotline: "310000/310000-HOTLINE/",
  cityBdc: "310000/310000-BDC/",
  huangpu: "310000/310101/",
  huangpuPsb: "310000/310101/310101-PSB/",
  huangpuAmr: "310000/310101/310101-AMR/",
  huangpuCa: "310000/310101/310101-CA/",
  nanjingdonglu: "310000/310101/310101001/",
  pudongAmr: "310000/310115/310115-AMR/",
  pudong: "310000/310115/",
} as const;
