import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import { BeyondCalendarError, todayInChina, type Pause, type WorkCalendar } from "../../../shared/working-days";

/** The working-day arithmetic of applications, in China time: deadlines, a step's own deadline, the traffic light. */
export class ApplicationClock {
  constructor(
    readonly now: () => Date,
    readonly calendar: () => WorkCalendar,
  ) {}

  today(): string {
    return todayInChina(this.now());
  }

  /** A step's own deadline: its state's limit in working days from the day it is entered. */
  stepDeadline(from: string, state: WorkflowDefinition["states"][number]): string | null {
    if (state.limitDays === null || state.kind === "terminal" || state.kind === "waiting_applicant") return null;
    try {
      return state.limitDays === 0 ? from : this.calendar().deadline(from, state.limitDays, []);
    } catch {
      return null;
    }
  }

  /** Committed and legal deadlines excluding paused time; flags a date past the configured years. */
  deadlines(start: string, committed: number | null, legal: number | null, pauses: Pause[]) {
    let beyondCalendar = false;
    const compute = (n: number | null) => {
      if (n === null) return null;
      try {
        return this.calendar().deadline(start, n, pauses);
      } catch (err) {
        if (err instanceof BeyondCalendarError) {
          beyondCalendar = true;
          return null;
        }
        throw err;
      }
    };
    const result = { committed: compute(committed), legal: compute(legal) };
    return { ...result, beyondCalendar };
  }

  /** Working days from the start to today, paused time not counted; null past the configured years. */
  workingDaysTaken(start: string, pauses: Pause[]): number | null {
    try {
      return this.calendar().workingDaysBetween(start, this.today(), pauses);
    } catch {
      return null;
    }
  }

  /** Green, yellow or red against the committed deadline; none once finished or without a deadline. */
  light(deadline: string | null, finished: boolean) {
    if (!deadline || finished) return null;
    try {
      return this.calendar().light(this.today(), deadline);
    } catch {
      return null;
    }
  }
}
