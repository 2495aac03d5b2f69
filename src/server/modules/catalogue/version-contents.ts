import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { Repositories, Store } from "../../db/store";

/** Published versions never change: their content is read once per process (bounded). */
export class VersionContents {
  private readonly contents = new Map<string, ItemContent>();

  constructor(private readonly store: Store) {}

  /** Inside a transaction pass its repositories: on the embedded engine a read outside would wait for it. */
  async get(versionId: string, repos: Repositories = this.store.repos): Promise<ItemContent> {
    let content = this.contents.get(versionId);
    if (!content) {
      content = (await repos.catalogue.findVersion(versionId))!.content as ItemContent;
      if (this.contents.size > 5000) this.contents.clear();
      this.contents.set(versionId, content);
    }
    return content;
  }
}
