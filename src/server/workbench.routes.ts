import type { FastifyPluginAsync } from "fastify";
import { workbenchEndpoints as api } from "../shared/api/workbench";
import { hasRole } from "./actor";
import { DomainError } from "./domain-error";
import { requireStaff } from "./http/auth-plugin";
import { route } from "./http/endpoints";
import type { TicketService } from "./modules/appeals/ticket.service";
import type { ApplicationService } from "./modules/applications";
import type { RatingCaseService } from "./modules/ratings/rating-case.service";
import type { SupervisionOrderService } from "./modules/supervision/order.service";

/**
 * The staff navigation's counts, composed from the modules that own the work (each counts within the
 * caller's scope, as its own lists do): one request per page instead of one per section.
 */
export const workbenchRoutes: FastifyPluginAsync<{ applications: ApplicationService; ratingCases: RatingCaseService; tickets: TicketService; orders: SupervisionOrderService }> = async (app, s) => {
  route(app, api.getWorkbenchCounts, async (req) => {
    const actor = requireStaff(req);
    // Only those who work applications (or oversee them) have an inbox.
    const inbox = hasRole(actor, "window_clerk", "reviewer", "approver", "supervisor")
      ? await s.applications.inboxSummary(actor, null).catch((err: unknown) => {
          if (err instanceof DomainError && err.code === "FORBIDDEN") return null;
          throw err;
        })
      : null;
    const [ratingCases, tickets, orders] = await Promise.all([s.ratingCases.countOpen(actor), s.tickets.countWaiting(actor), s.orders.countWaiting(actor)]);
    return { inbox: inbox ? inbox.tabs.filter((x) => x.actionable).reduce((n, x) => n + x.count, 0) : null, overdue: inbox ? inbox.overdue : null, ratingCases, tickets, orders };
  });
};
