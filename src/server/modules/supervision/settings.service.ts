import { DEFAULT_DEADLINE_SETTINGS, deadlineSettings, type DeadlineSettings } from "../../../shared/schemas/supervision";
import type { Actor, RequestContext } from "../../actor";
import { keepsCityStandard } from "../../access/scope";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { SettingsRepository } from "./settings.repository";
import { DomainError } from "../../domain-error";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; settings: SettingsRepository };

const KEY = "deadlines";

/** The working-day deadlines of 差评 cases and 12345 tickets: defaults until city supervisors change them. */
export class SupervisionSettingsService {
  constructor(private readonly store: Store<Repos>) {}

  async deadlines(unit: UnitOfWork = this.store.repos): Promise<DeadlineSettings> {
    const repos = this.store.within(unit);
    const row = await repos.settings.find(KEY);
    const parsed = row ? deadlineSettings.safeParse(row.value) : null;
    return parsed?.success ? parsed.data : DEFAULT_DEADLINE_SETTINGS;
  }

  async view() {
    const row = await this.store.repos.settings.find(KEY);
    return { value: await this.deadlines(), lockVersion: row?.lock_version ?? 0, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at.toISOString() ?? null };
  }

  /** City supervisors and system administrators change them; applies to cases and tickets opened afterwards. */
  async update(actor: Actor, input: { value: DeadlineSettings; lockVersion: number }, ctx: RequestContext) {
    if (!keepsCityStandard(actor, ["supervisor"])) throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      const before = await this.deadlines(repos);
      if (!(await repos.settings.saveIfVersion(KEY, input.value, input.lockVersion, actor.name))) throw new DomainError("SETTINGS_CHANGED");
      await repos.audit.append(actor, ctx, { action: "supervision.deadlines_update", targetType: "settings", targetId: KEY, details: { before, after: input.value } });
    });
    return this.view();
  }
}
