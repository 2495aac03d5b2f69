import { LEVEL_CODES } from "../../../../../shared/catalogue";
import type { ItemContent, ItemDetail } from "../../../../../shared/schemas/catalogue";

/** The draft as the public guide page would show it (codes and organisation not yet known). */
export function previewItem(version: { itemId: string; version: number }, content: ItemContent): ItemDetail {
  const g = content.guide;
  return {
    id: version.itemId,
    implCode: "—",
    basicCode: "—",
    name: content.name,
    kind: "GG",
    level: LEVEL_CODES[0],
    orgName: "—",
    orgId: "",
    regionCode: "",
    audiences: content.audiences,
    themes: content.themes,
    onlineDepth: g.onlineDepth,
    visits: g.visits,
    committedLimitDays: g.committedLimitDays,
    version: version.version,
    content,
    departmentName: "—",
    legalBasis: g.legalBasisSetting,
    action: "",
    publishedAt: null,
    policies: [],
    places: [],
  };
}
