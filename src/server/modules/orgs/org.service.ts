import type { OrgNode } from "../../../shared/schemas/staff";
import type { OrgKind } from "../../../shared/roles";
import type { Store, UnitOfWork } from "../../db/store";
import type { OrgRepository } from "./org.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { orgs: OrgRepository };

/** The public organisation tree. Raises: ORG_NOT_FOUND. */
export class OrgService {
  constructor(private readonly store: Store<Repos>) {}

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
