import { z } from "zod";
import { endpoint, staff } from "./endpoint";

/** The endpoint of server/workbench.routes.ts: the staff navigation's counts. */
export const workbenchEndpoints = {
  getWorkbenchCounts: endpoint({
    method: "GET",
    path: "/workbench/counts",
    access: staff(),
    tags: ["workbench"],
    summary: "工作台计数 What waits for the staff member, for the navigation: applications in the states they act in (null without an inbox) and overdue in their scope, 差评 cases open, 12345 tickets waiting for them, 督办 to put right or to review",
    response: z.object({ inbox: z.number().nullable(), overdue: z.number().nullable(), ratingCases: z.number(), tickets: z.number(), orders: z.number() }),
  }),
};
