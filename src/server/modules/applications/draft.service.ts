import type { FormValues } from "../../../shared/form-values";
import type { Actor } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { CatalogueRepository } from "../catalogue";
import type { DraftRepository } from "./draft.repository";
import { DomainError } from "../../domain-error";
import type { MaterialRef } from "./application.service";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm, sealForm } from "../../crypto/form-sealing";
import { VersionContents } from "../catalogue";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { catalogue: CatalogueRepository; drafts: DraftRepository };

/**
 * Drafts kept on the server so that an applicant can continue on another device; the form autosaves
 * into them. A draft is not validated (it may be half-filled) but belongs only to its owner, and
 * concurrent saves from two devices are detected (409 DRAFT_CHANGED), never silently overwritten.
 * Raises: FORBIDDEN, ITEM_NOT_FOUND, DRAFT_NOT_FOUND, DRAFT_CHANGED.
 */
export class DraftService {
  /** Published contents (immutable), to know which values to encrypt. */
  private readonly contents: VersionContents;

  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
  ) {
    this.contents = new VersionContents(store);
  }

  private owner(actor: Actor) {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return { accountId: actor.accountId, enterpriseId: actor.actingFor?.enterpriseId ?? null };
  }

  async get(actor: Actor, itemId: string) {
    const { accountId, enterpriseId } = this.owner(actor);
    const row = await this.store.repos.drafts.find(accountId, itemId, enterpriseId);
    if (!row) throw new DomainError("DRAFT_NOT_FOUND");
    return this.view(row);
  }

  async save(actor: Actor, itemId: string, input: { formData: FormValues; materials: MaterialRef[]; lockVersion: number | null }) {
    const { accountId, enterpriseId } = this.owner(actor);
    const item = await this.store.repos.catalogue.findApplicable(itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    // Sensitive values (ID numbers, mobiles, addresses) are stored encrypted, as in applications.
    const sealed = sealForm((await this.contents.get(item.version_id)).form.fields, input.formData, this.cipher);
    const row = await this.store.repos.drafts.save(accountId, itemId, enterpriseId, input.lockVersion, JSON.stringify(sealed), JSON.stringify(input.materials));
    if (!row) {
      const current = await this.store.repos.drafts.find(accountId, itemId, enterpriseId);
      throw new DomainError("DRAFT_CHANGED", { currentLockVersion: current?.lock_version ?? null });
    }
    return this.view(row);
  }

  async discard(actor: Actor, itemId: string) {
    const { accountId, enterpriseId } = this.owner(actor);
    await this.store.repos.drafts.delete(accountId, itemId, enterpriseId);
  }

  async list(actor: Actor) {
    const { accountId, enterpriseId } = this.owner(actor);
    const rows = await this.store.repos.drafts.listForAccount(accountId, enterpriseId);
    return rows.map((r) => ({ itemId: r.item_id, itemName: r.item_name, updatedAt: r.updated_at.toISOString() }));
  }

  private view(row: { item_id: string; form_data: unknown; materials: unknown; lock_version: number; updated_at: Date }) {
    return { itemId: row.item_id, formData: openForm(row.form_data, this.cipher) as FormValues, materials: row.materials as MaterialRef[], lockVersion: row.lock_version, updatedAt: row.updated_at.toISOString() };
  }
}
