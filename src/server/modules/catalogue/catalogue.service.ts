import type { ItemKind, Level } from "../../../shared/catalogue";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { Store, UnitOfWork } from "../../db/store";
import type { CatalogueRepository } from "./catalogue.repository";
import { DomainError } from "../../domain-error";
import type { PublishedItemFilters } from "./catalogue.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { catalogue: CatalogueRepository };

type PublishedRow = Awaited<ReturnType<CatalogueRepository["listAllPublished"]>>[number];

/** A base item with its published implementations, as the portal lists them. */
export interface CatalogueEntry {
  basicCode: string;
  name: string;
  kind: ItemKind;
  department: string;
  audiences: string[];
  themes: string[];
  summary: string;
  onlineDepth: number;
  visits: number;
  implementations: Array<{ id: string; implCode: string; level: Level; orgName: string; regionCode: string; name: string }>;
}

/** The public catalogue: browsing and guides of published versions only, read where stale reads go (a replica). Raises: ITEM_NOT_FOUND. */
export class CatalogueService {
  constructor(private readonly store: Store<Repos>) {}

  async browse(filters: PublishedItemFilters, lang: "zh" | "en"): Promise<CatalogueEntry[]> {
    const [rows, departments] = await Promise.all([this.store.stale.catalogue.listPublished(filters), this.store.stale.catalogue.departmentNames()]);
    const entries = new Map<string, CatalogueEntry>();
    for (const r of rows) {
      const content = r.content as ItemContent;
      let e = entries.get(r.basic_code);
      if (!e) {
        const dept = departments.get(r.department_key);
        e = {
          basicCode: r.basic_code,
          name: r.level === "city" ? content.name : r.base_name,
          kind: r.kind as ItemKind,
          department: (lang === "en" ? dept?.nameEn : dept?.name) ?? r.department_key,
          audiences: content.audiences,
          themes: content.themes,
          summary: content.summary,
          onlineDepth: content.guide.onlineDepth,
          visits: content.guide.visits,
          implementations: [],
        };
        entries.set(r.basic_code, e);
      }
      e.implementations.push({ id: r.id, implCode: r.impl_code, level: r.level as Level, orgName: lang === "en" ? r.org_name_en : r.org_name, regionCode: r.region_code, name: content.name });
    }
    return [...entries.values()];
  }

  async getItem(id: string, lang: "zh" | "en") {
    const repos = this.store.stale;
    const row = await repos.catalogue.findPublishedById(id);
    if (!row) throw new DomainError("ITEM_NOT_FOUND");
    const [policies, departments, places] = await Promise.all([repos.catalogue.policiesForBaseItem(row.basic_code), repos.catalogue.departmentNames(), repos.catalogue.listPlaces(row.basic_code)]);
    return {
      ...present(row, policies, departments, lang),
      places: places.map((p) => ({ id: p.id, orgName: lang === "en" ? p.org_name_en : p.org_name, regionCode: p.region_code, level: p.level as Level })),
    };
  }
}

function present(
  row: PublishedRow,
  policies: Array<{ id: string; doc_number: string; title: string; status: string }>,
  departments: Map<string, { name: string; nameEn: string }>,
  lang: "zh" | "en",
) {
  const content = row.content as ItemContent;
  const dept = departments.get(row.department_key);
  return {
    id: row.id,
    implCode: row.impl_code,
    basicCode: row.basic_code,
    name: content.name,
    kind: row.kind as ItemKind,
    level: row.level as Level,
    orgName: lang === "en" ? row.org_name_en : row.org_name,
    orgId: row.org_id,
    regionCode: row.region_code,
    audiences: content.audiences,
    themes: content.themes,
    onlineDepth: content.guide.onlineDepth,
    visits: content.guide.visits,
    committedLimitDays: content.guide.committedLimitDays,
    version: row.version,
    content,
    departmentName: (lang === "en" ? dept?.nameEn : dept?.name) ?? row.department_key,
    legalBasis: row.legal_basis,
    action: row.action,
    publishedAt: row.published_at?.toISOString() ?? null,
    policies: policies.map((p) => ({ id: p.id, docNumber: p.doc_number, title: p.title, status: p.status })),
  };
}
