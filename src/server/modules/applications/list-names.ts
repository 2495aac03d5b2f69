import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { ApplicationRepository } from "./application.repository";

/** At most this many names of each kind are kept per process (a city's items and workflows fit many times over). */
const LIMIT = 20_000;

/**
 * The words a list line shows beside an application — the item's name and the state's name — from
 * what never changes once an application points at it: a submitted item version and a workflow
 * definition (stored once per content). They are read once per process, in one statement for all a
 * page lacks, so a list page does not read each row's item content and workflow again.
 */
export class ListNames {
  private readonly itemNames = new Map<string, string>();
  private readonly states = new Map<string, Map<string, string>>();

  constructor(private readonly applications: () => ApplicationRepository) {}

  async of(rows: ReadonlyArray<{ version_id: string; workflow_id: string }>) {
    const versions = [...new Set(rows.map((r) => r.version_id).filter((id) => !this.itemNames.has(id)))];
    const workflows = [...new Set(rows.map((r) => r.workflow_id).filter((id) => !this.states.has(id)))];
    const repo = this.applications();
    if (versions.length > 0) {
      if (this.itemNames.size + versions.length > LIMIT) this.itemNames.clear();
      for (const v of await repo.versionNames(versions)) this.itemNames.set(v.id, v.name);
    }
    if (workflows.length > 0) {
      if (this.states.size + workflows.length > LIMIT) this.states.clear();
      for (const w of await repo.workflowDefinitions(workflows)) this.states.set(w.id, new Map((w.definition as WorkflowDefinition).states.map((s) => [s.key, s.name])));
    }
    return {
      item: (versionId: string) => this.itemNames.get(versionId) ?? "",
      state: (workflowId: string, state: string) => this.states.get(workflowId)?.get(state) ?? state,
    };
  }
}
