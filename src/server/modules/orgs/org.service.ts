import type { OrgNode } from "../../../shared/schemas/staff";
import type { OrgKind } from "../../../shared/roles";
import type { Store, UnitOfWork } from "../../db/store";
import type { OrgRepository } from "./org.repository";
import { DomainError } from "../../domain-error";
import { SHANGHAI_DISTRICTS } from "../../../shared/validation/division-code";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { orgs: OrgRepository };

/** The public organisation tree. Raises: ORG_NOT_FOUND. */
export class OrgService {
  constructor(private readonly store: Store<Repos>) {}

  /** 行政区划: the districts, or a district's streets and towns (its street offices' division codes). Raises: DIVISION_NOT_FOUND. */
  async divisions(parent: string | null): Promise<Array<{ code: string; name: string; nameEn: string }>> {
    if (parent === null) return SHANGHAI_DISTRICTS.map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn }));
    if (!SHANGHAI_DISTRICTS.some((d) => d.code === parent)) throw new DomainError("DIVISION_NOT_FOUND");
    return (await this.store.repos.orgs.streetsOf(parent)).map((o) => ({ code: o.division_code!, name: o.name, nameEn: o.name_en }));
  }

  async listChildren(parentId: string | null): Promise<OrgNode[]> {
    if (parentId !== null && !(await this.store.repos.orgs.findById(parentId))) throw new DomainError("ORG_NOT_FOUND");
    const rows = await this.store.repos.orgs.listChildren(parentId);
    return rows.map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      nameEn: o.name_en,
      kind: o.kind as OrgKind,
      regionCode: o.region_code,
      parentId: o.parent_id,
      divisionCode: o.division_code,
      childCount: Number(o.child_count ?? 0),
    }));
  }
}
