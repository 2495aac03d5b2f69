import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { ApplicationClock } from "./application-clock";
import type { ApplicationRepository } from "./application.repository";
import type { ApplicationRow } from "./application-types";

type SummaryRow = Omit<Awaited<ReturnType<ApplicationRepository["listForApplicant"]>>[number], "held"> & { held?: string | null };

const stateName = (workflow: WorkflowDefinition, state: string) => workflow.states.find((s) => s.key === state)?.name ?? state;

/** The receipt (受理回执) fields of an application row already read. */
export function receiptOf(app: ApplicationRow, clock: ApplicationClock) {
  return {
    id: app.id,
    number: app.number,
    state: app.state,
    stateName: stateName(app.workflow as WorkflowDefinition, app.state),
    outcome: app.outcome,
    submittedAt: app.submitted_at.toISOString(),
    committedDeadline: app.committed_deadline,
    legalDeadline: app.legal_deadline,
    deadlineBeyondCalendar: app.deadline_beyond_calendar,
    stepDeadline: app.step_deadline,
    light: clock.light(app.committed_deadline, app.outcome !== null),
  };
}

export type Receipt = ReturnType<typeof receiptOf>;

/** One line of a list (我的办件, the staff inbox). */
export function summaryOf(r: SummaryRow, names: { item: (versionId: string) => string; state: (workflowId: string, state: string) => string }, clock: ApplicationClock) {
  return {
    id: r.id,
    number: r.number,
    itemName: names.item(r.version_id),
    handlingOrgName: r.handling_org_name,
    state: r.state,
    stateName: r.held && r.outcome === null ? `待${r.held}` : names.state(r.workflow_id, r.state),
    outcome: r.outcome,
    submittedAt: r.submitted_at.toISOString(),
    committedDeadline: r.committed_deadline,
    light: clock.light(r.committed_deadline, r.outcome !== null),
    applicantName: r.applicant_name,
    stepDeadline: r.step_deadline,
    channel: r.channel,
    assigneeName: r.assignee_name,
  };
}
