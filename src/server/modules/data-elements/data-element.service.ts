import type { Selectable } from "kysely";
import { DATA_ELEMENTS, STANDARD_DATA_ELEMENTS } from "../../../shared/data-elements";
import { CERTIFICATE_TYPES } from "../../../shared/catalogue";
import type { DataElementInput, DataElementView } from "../../../shared/schemas/data";
import type { Lang } from "../../../shared/errors";
import type { Actor, RequestContext } from "../../actor";
import { keepsCityStandard } from "../../access/scope";
import type { DataElementsTable } from "../../db/schema";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { DataElementRepository } from "./data-element.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; dataElements: DataElementRepository };

type Row = Selectable<DataElementsTable>;

/** How stale another process's change to the dictionary may be in this one. */
const RELOAD_MS = 60_000;

function view(r: Row): DataElementView {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    valueType: r.value_type,
    format: r.format,
    codeList: (r.code_list as DataElementView["codeList"]) ?? null,
    description: r.description,
    sensitivity: r.sensitivity,
    authoritative: r.authoritative,
    lockVersion: r.lock_version,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at.toISOString(),
  };
}

function columns(e: DataElementInput, actor: Actor) {
  return {
    name: e.name,
    name_en: e.nameEn,
    value_type: e.valueType,
    format: e.format,
    code_list: e.codeList ? JSON.stringify(e.codeList) : null,
    description: e.description,
    sensitivity: e.sensitivity,
    authoritative: e.authoritative,
    updated_by: actor.name,
    updated_at: new Date(),
  };
}

/** Adds the built-in standard's elements the dictionary lacks (seeding, and databases from before it), in one statement. */
export async function seedDataElements(repos: Repos) {
  await repos.dataElements.insertMissing(
    STANDARD_DATA_ELEMENTS.map((e) => ({
      code: e.code,
      name: e.name,
      name_en: e.nameEn,
      value_type: e.valueType,
      format: e.format ?? null,
      code_list: e.codeList ? JSON.stringify(e.codeList) : null,
      description: e.description,
      sensitivity: e.sensitivity,
      authoritative: e.authoritative,
      updated_by: "系统",
      updated_at: new Date(),
    })),
  );
}

/**
 * 数据元目录: the dictionary that form fields, registries, certificates and sharing rules refer to.
 * Everyone may read it (it is a published standard); city data administrators add and change
 * elements, each change audited, concurrent edits detected. Names and flags are cached per process:
 * reloaded at once after a change here, and within a minute of a change made by another process. Raises: FORBIDDEN, DATA_ELEMENT_NOT_FOUND, DATA_ELEMENT_EXISTS,
 * DATA_ELEMENT_CHANGED.
 */
export class DataElementService {
  private labels = new Map<string, { zh: string; en: string; authoritative: boolean; sensitivity: string }>();
  /** When the cache was loaded (0: never, or invalidated). */
  private loadedAt = 0;

  constructor(private readonly store: Store<Repos>) {}

  async list(): Promise<DataElementView[]> {
    return (await this.store.repos.dataElements.list()).map(view);
  }

  async get(code: string): Promise<DataElementView> {
    const row = await this.store.repos.dataElements.find(code);
    if (!row) throw new DomainError("DATA_ELEMENT_NOT_FOUND");
    return view(row);
  }

  /** Name of an element in a language; the built-in standard when the dictionary is not loaded yet. */
  async label(code: string, lang: Lang): Promise<string> {
    await this.load();
    return this.labels.get(code)?.[lang] ?? DATA_ELEMENTS[code]?.[lang] ?? code;
  }

  /** What a sharing rule or an access record names: a data element, or `cert:<type>` for a certificate type. */
  async elementName(code: string, lang: Lang): Promise<string> {
    if (code.startsWith("cert:")) return `${CERTIFICATE_TYPES[code.slice(5)] ?? code}${lang === "zh" ? "（电子证照）" : " (certificate)"}`;
    return this.label(code, lang);
  }

  /** Whether a registry value for the element is legally binding (a prefilled field cannot be altered). */
  /** Inside a transaction pass its repositories: on the embedded engine a read outside would wait for it. */
  async meta(code: string, unit: UnitOfWork = this.store.repos) {
    const repos = this.store.within(unit);
    await this.load(repos);
    return this.labels.get(code);
  }

  async create(actor: Actor, code: string, input: DataElementInput, ctx: RequestContext): Promise<DataElementView> {
    this.authorise(actor);
    const created = await this.store.transact(async (repos) => {
      if (await repos.dataElements.find(code)) throw new DomainError("DATA_ELEMENT_EXISTS");
      await repos.dataElements.insert({ code, ...columns(input, actor) });
      await repos.audit.append(actor, ctx, { action: "data_element.create", targetType: "data_element", targetId: null, details: { code, name: input.name, sensitivity: input.sensitivity } });
      return view((await repos.dataElements.find(code))!);
    });
    this.loadedAt = 0;
    return created;
  }

  async update(actor: Actor, code: string, input: DataElementInput, lockVersion: number, ctx: RequestContext): Promise<DataElementView> {
    this.authorise(actor);
    const updated = await this.store.transact(async (repos) => {
      const before = await repos.dataElements.find(code);
      if (!before) throw new DomainError("DATA_ELEMENT_NOT_FOUND");
      if (!(await repos.dataElements.updateIfVersion(code, lockVersion, columns(input, actor)))) throw new DomainError("DATA_ELEMENT_CHANGED", { currentLockVersion: before.lock_version });
      const after = (await repos.dataElements.find(code))!;
      const changed = Object.keys(input).filter((k) => JSON.stringify((view(before) as Record<string, unknown>)[k]) !== JSON.stringify((view(after) as Record<string, unknown>)[k]));
      await repos.audit.append(actor, ctx, { action: "data_element.update", targetType: "data_element", targetId: null, details: { code, changed } });
      return view(after);
    });
    this.loadedAt = 0;
    return updated;
  }

  private authorise(actor: Actor) {
    // The dictionary is a city-wide standard: city-level data or system administrators only.
    if (!keepsCityStandard(actor, ["data_admin"])) throw new DomainError("FORBIDDEN");
  }

  private async load(repos: Repos = this.store.repos) {
    if (Date.now() - this.loadedAt < RELOAD_MS) return;
    const rows = await repos.dataElements.list();
    this.labels = new Map(rows.map((r) => [r.code, { zh: r.name, en: r.name_en, authoritative: r.authoritative, sensitivity: r.sensitivity }]));
    this.loadedAt = Date.now();
  }
}
