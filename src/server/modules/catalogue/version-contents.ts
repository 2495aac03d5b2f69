import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { Store, UnitOfWork } from "../../db/store";
import type { CatalogueRepository } from "./catalogue.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { catalogue: CatalogueRepository };

/** Published versions never change: their content is read once per process (bounded). */
export class VersionContents {
  private readonly contents = new Map<string, ItemContent>();

  constructor(private readonly store: Store<Repos>) {}

  /** Inside a transaction pass its repositories: on the embedded engine a read outside would wait for it. */
  async get(versionId: string, unit: UnitOfWork = this.store.repos): Promise<ItemContent> {
    const repos = this.store.within(unit);
    let content = this.contents.get(versionId);
    if (!content) {
      content = (await repos.catalogue.findVersion(versionId))!.content as ItemContent;
      if (this.contents.size > 5000) this.contents.clear();
      this.contents.set(versionId, content);
    }
    return content;
  }
}
