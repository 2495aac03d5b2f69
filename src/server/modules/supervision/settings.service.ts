import { DEFAULT_DEADLINE_SETTINGS, deadlineSettings, type DeadlineSettings } from "../../../shared/schemas/supervision";
import type { Actor, RequestContext } from "../../actor";
import { keepsCityStandard } from "../../access/scope";
import type { Repositories, Store } from "../../db/store";
import { DomainError } from "../../domain-error";

const KEY = "deadlines";

/** The working-day deadlines of 差评 cases and 12345 tickets: defaults until city supervisors change them. */
export class SupervisionSettingsService {
  constructor(private readonly store: Store) {}

  async deadlines(repos: Repositories = this.store.repos): Promise<DeadlineSettings> {
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
