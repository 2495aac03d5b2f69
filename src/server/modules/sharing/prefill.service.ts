import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { CatalogueRepository } from "../catalogue";
import type { OrgRepository } from "../orgs";
import type { PersonRepository } from "../registry";
import type { SharingRepository } from "./sharing.repository";
import { DomainError } from "../../domain-error";
import type { FormValues } from "../../../shared/form-values";
import type { FormField, ItemContent, Material } from "../../../shared/schemas/catalogue";
import type { PrefillField, PrefillResponse } from "../../../shared/schemas/data";
import { CERTIFICATE_TYPES } from "../../../shared/catalogue";
import { dataElementLabel } from "../../../shared/data-elements";
import type { DataElementService } from "../data-elements";
import { registryPriority, type SourcedValue } from "./registry-sources";
import { REGISTRIES } from "../../../shared/registries";
import { declaredRoles, SELF_ROLES, valueAt, type SelfRole } from "../../../shared/self-roles";
import type { SharingService } from "./sharing.service";
import { VersionContents } from "../catalogue";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { catalogue: CatalogueRepository; orgs: OrgRepository; persons: PersonRepository; sharing: SharingRepository };

/** A consented prefill is good for a day: long enough to fill in the rest, short enough to stay fresh. */
const PREFILL_TTL_MS = 24 * 3600_000;

/** What the prefill remembers of each field: a keyed hash of the value, where it came from, whether it binds. */
interface PrefillSnapshotField {
  hash: string;
  registry: string;
  orgCode: string | null;
  authoritative: boolean;
}

/** The element a material stands on: `cert:<type>` for a certificate, the element code for registry data. */
export function materialElement(m: Material): string | null {
  if (!m.replaceableBy) return null;
  return m.replaceableBy.kind === "certificate" ? `cert:${m.replaceableBy.code}` : m.replaceableBy.code;
}

/** Form fields a registry can fill: simple, non-attachment fields bound to a data element. */
export function boundFields(content: ItemContent): Array<FormField & { dataElement: string }> {
  return content.form.fields.filter((f): f is FormField & { dataElement: string } => f.type !== "table" && f.type !== "attachment" && !!f.dataElement);
}

const same = (a: string | number, b: string | number) => String(a).trim() === String(b).trim();

/**
 * 授权预填: when the applicant agrees, every form field bound to a data element is filled from the
 * registries and certificates, through the sharing service (so the read is checked and logged), each
 * value with its source; other sources holding a different value are shown as conflicts; values from
 * an authoritative element cannot be altered at submission. The prefill is remembered (as keyed
 * hashes, not values) so that submission can tell which fields were prefilled and enforce the
 * authoritative ones. Raises: FORBIDDEN, ITEM_NOT_FOUND, SHARING_DENIED, PREFILL_NOT_FOUND,
 * PREFILL_AUTHORITATIVE_CHANGED.
 */
export class PrefillService {
  private readonly contents: VersionContents;

  constructor(
    private readonly store: Store<Repos>,
    private readonly sharing: SharingService,
    private readonly dataElements: DataElementService,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.contents = new VersionContents(store);
  }

  /** `selfRoles`: the roles of the form the applicant holds themselves (本人担任), filled from their verified identity. */
  async prefill(actor: Actor, itemId: string, ctx: RequestContext, selfRoles: readonly SelfRole[] = []): Promise<PrefillResponse> {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    const item = await this.store.repos.catalogue.findApplicable(itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    const content = await this.contents.get(item.version_id);
    const consentedAt = this.now();
    const expiresAt = new Date(consentedAt.getTime() + PREFILL_TTL_MS);

    return this.sharing.recordingDenials(actor, ctx, () =>
      this.store.transact(async (repos) => {
        const read = await this.fill(repos, actor, ctx, { personId: actor.personId, enterpriseId: actor.actingFor?.enterpriseId ?? null, accountId: actor.accountId }, item, content);
        const { values, waivable } = read;
        const own = await this.ownRoles(repos, actor.personId!, content, selfRoles);
        const taken = new Set(own.map((f) => f.key));
        const filled = [...read.filled.filter((f) => !taken.has(f.key)), ...own];
        const missing = read.missing.filter((m) => !taken.has(m.key));
        const snapshot: Record<string, PrefillSnapshotField> = Object.fromEntries(
          filled.map((f) => [f.key, { hash: this.hash(f.value), registry: f.source.registry, orgCode: values.find((v) => v.element === f.element && v.registry === f.source.registry)?.orgCode ?? null, authoritative: f.authoritative }]),
        );
        const { id } = await repos.sharing.insertPrefill({
          account_id: actor.accountId,
          item_id: item.id,
          acting_for_enterprise_id: actor.actingFor?.enterpriseId ?? null,
          fields: JSON.stringify(snapshot),
          consented_at: consentedAt,
          expires_at: expiresAt,
          region_code: item.region_code,
        });
        return { prefillId: id, orgName: item.org_name, fields: filled, missing, waivable, expiresAt: expiresAt.toISOString() };
      }),
    );
  }

  /**
   * 本人担任: the fields of each role the applicant holds, filled from their own verified identity (the
   * real-name account, checked against the population registry at registration) and binding: the
   * submission must keep them. Not a read of anyone else's data, so not a sharing read.
   */
  private async ownRoles(repos: Repos, personId: string, content: ItemContent, selfRoles: readonly SelfRole[]): Promise<PrefillField[]> {
    const roles = declaredRoles(content.form.fields).filter((r) => selfRoles.includes(r.role));
    if (!roles.length) return [];
    const person = (await repos.persons.findById(personId))!;
    const own = { name: person.name, idNumber: this.cipher.decrypt(person.id_number_enc) };
    return roles.flatMap((r) =>
      r.fields.map((f) => {
        const source = { registry: "account" as const, registryName: REGISTRIES.account.zh, orgName: `本人担任${SELF_ROLES[r.role].zh}`, updatedAt: null, value: own[f.own] };
        return { key: f.key, label: f.label, element: f.element, value: own[f.own], source, authoritative: true, conflicts: [] };
      }),
    );
  }

  /**
   * Reads the item's bound fields and evidence for a subject through the sharing layer (recorded), in
   * the caller's transaction: each field's value from the most authoritative registry with any source
   * that disagrees, the fields nothing is held for, and the materials evidence would satisfy.
   */
  async fill(
    unit: UnitOfWork,
    actor: Actor,
    ctx: RequestContext,
    subject: { personId: string | null; enterpriseId: string | null; accountId: string | null },
    item: { basic_code: string; org_id: string; region_code: string },
    content: ItemContent,
  ) {
    const repos = this.store.within(unit);
    const fields = boundFields(content);
    const materials = content.guide.materials.filter((m) => materialElement(m));
    const elements = [...new Set([...fields.map((f) => f.dataElement), ...materials.map((m) => materialElement(m)!)])];
    const meta = new Map(await Promise.all(elements.map(async (e) => [e, await this.dataElements.meta(e, repos)] as const)));
    const { values } = await this.sharing.read(repos, actor, ctx, {
      subject,
      elements,
      purpose: { kind: "prefill", itemCode: item.basic_code, itemName: content.name, readerOrgId: item.org_id, regionCode: item.region_code },
      consented: true,
    });
    const orgNames = await this.orgNames(repos, values);
    const source = (v: SourcedValue) => ({ registry: v.registry, registryName: REGISTRIES[v.registry].zh, orgName: v.orgCode ? (orgNames.get(v.orgCode) ?? v.orgCode) : "本人", updatedAt: v.updatedAt ? v.updatedAt.toISOString() : null, value: v.value });
    const filled: PrefillField[] = [];
    const missing: Array<{ key: string; label: string }> = [];
    for (const f of fields) {
      const order = registryPriority(f.dataElement);
      const candidates = values
        .filter((v) => v.element === f.dataElement && !v.element.startsWith("cert:"))
        .filter((v) => f.type !== "choice" || (f.options ?? []).some((o) => o.value === String(v.value)))
        .sort((a, b) => order.indexOf(a.registry) - order.indexOf(b.registry));
      const primary = candidates[0];
      if (!primary) {
        missing.push({ key: f.key, label: f.label });
        continue;
      }
      const conflicts = candidates.filter((v) => !same(v.value, primary.value));
      filled.push({
        key: f.key,
        label: f.label,
        element: f.dataElement,
        value: f.type === "number" ? Number(primary.value) : String(primary.value),
        source: source(primary),
        // A value is binding only when it comes from a registry (not the person's own account) and nothing contradicts it.
        authoritative: !!meta.get(f.dataElement)?.authoritative && primary.registry !== "account" && conflicts.length === 0,
        conflicts: conflicts.map(source),
      });
    }
    const waivable = materials.flatMap((m) => {
      const v = values.find((x) => x.element === materialElement(m));
      if (!v) return [];
      const evidence = m.replaceableBy!.kind === "certificate" ? `${CERTIFICATE_TYPES[m.replaceableBy!.code] ?? m.replaceableBy!.code}（${REGISTRIES.certificates.zh}）` : `${dataElementLabel(m.replaceableBy!.code, "zh")}（${REGISTRIES[v.registry].zh}）`;
      return [{ materialKey: m.key, materialName: m.name, evidence }];
    });
    return { values, filled, missing, waivable };
  }

  /**
   * At submission, in its transaction: the prefill must be the actor's, for this item, unused and
   * fresh; authoritative fields must still hold the prefilled value. Returns what the application
   * records: how many fields kept their prefilled value, and each one's source.
   */
  async claim(unit: UnitOfWork, actor: Actor, prefillId: string, itemId: string, formData: FormValues, applicationId: string) {
    const repos = this.store.within(unit);
    const checked = await this.check(repos, actor, prefillId, itemId, formData);
    await repos.sharing.usePrefill(prefillId, applicationId);
    return checked;
  }

  /**
   * The claim's checks without using the prefill up (a 一件事 item that starts later): the prefill is the
   * actor's, for this item, unused and fresh, and its authoritative fields still hold their values
   * (except `later`: fields another item's result will fill).
   */
  async check(unit: UnitOfWork, actor: Actor, prefillId: string, itemId: string, formData: FormValues, later: ReadonlySet<string> = new Set()) {
    const repos = this.store.within(unit);
    const row = await repos.sharing.findPrefillForUpdate(prefillId);
    if (!row || row.account_id !== actor.accountId || row.item_id !== itemId || row.application_id !== null || row.expires_at < this.now() || row.acting_for_enterprise_id !== (actor.actingFor?.enterpriseId ?? null)) throw new DomainError("PREFILL_NOT_FOUND");
    const snapshot = row.fields as Record<string, PrefillSnapshotField>;
    // A key is a field, or a cell of a table's row (本人担任 a shareholder: `investors.0.investorName`).
    const holds = (key: string, f: PrefillSnapshotField) => {
      const v = valueAt(formData, key);
      return v !== undefined && v !== null && this.hash(v as string | number) === f.hash;
    };
    const altered = Object.entries(snapshot).filter(([key, f]) => f.authoritative && !later.has(key.split(".")[0]!) && !holds(key, f)).map(([key]) => key);
    if (altered.length) throw new DomainError("PREFILL_AUTHORITATIVE_CHANGED", { fields: altered });
    const kept = Object.entries(snapshot).filter(([key, f]) => holds(key, f));
    return { consentedAt: row.consented_at, prefilled: kept.length, sources: Object.fromEntries(kept.map(([key, f]) => [key, { registry: f.registry, orgCode: f.orgCode }])), authoritative: kept.filter(([, f]) => f.authoritative).map(([key]) => key) };
  }

  private hash(value: string | number) {
    return this.cipher.blindIndex("prefill", String(value).trim());
  }

  /** Department names by code, remembered for a minute (a renamed department shows within it). */
  private readonly orgNameCache = new Map<string, { name: string; at: number }>();

  private async orgNames(repos: Repos, values: SourcedValue[]) {
    const codes = [...new Set(values.map((v) => v.orgCode).filter((c): c is string => !!c))];
    const names = new Map<string, string>();
    const now = Date.now();
    for (const code of codes) {
      const hit = this.orgNameCache.get(code);
      if (hit && now - hit.at < 60_000) {
        names.set(code, hit.name);
        continue;
      }
      const org = await repos.orgs.findByCode(code);
      if (org) {
        names.set(code, org.name);
        this.orgNameCache.set(code, { name: org.name, at: now });
      }
    }
    return names;
  }
}
