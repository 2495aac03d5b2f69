import { z } from "zod";
import { performanceCases, performanceCasesQuery, performanceQuery, performanceView, publicPerformanceQuery, publicPerformanceView } from "../schemas/performance";
import { anyone, endpoint, staff } from "./endpoint";

/** The endpoints of modules/supervision/performance.routes.ts. */
export const performanceEndpoints = {
  getSupervisionPerformance: endpoint({
    method: "GET",
    path: "/supervision/performance",
    access: staff("supervisor", "approver"),
    tags: ["supervision"],
    summary: "效能监督 Received, decided, on-time rate, working days (average, 90th percentile), 补正, online and 秒批 shares, 好差评 — in total, per department, per item, by week and month — and overdue now, over the caller's subtree (supervisors: their government level; approvers: their department)",
    query: performanceQuery,
    response: performanceView,
  }),
  getSupervisionPerformanceCases: endpoint({
    method: "GET",
    path: "/supervision/performance/cases",
    access: staff("supervisor", "approver"),
    tags: ["supervision"],
    summary: "效能监督 drill-down: the applications behind a figure, a page read live (decided ones most recent first, open ones most overdue first) with the total as the rollup counts it; applicants' names masked",
    query: performanceCasesQuery,
    response: performanceCases,
  }),
  getSupervisionPerformanceExport: endpoint({
    method: "GET",
    path: "/supervision/performance/export",
    access: staff("supervisor", "approver"),
    tags: ["supervision"],
    summary: "效能监督 as an .xlsx workbook: the totals, departments, items, weeks and months of the same filter (401/403 as JSON errors)",
    query: performanceQuery,
  }),
  getPublicPerformance: endpoint({
    method: "GET",
    path: "/public/performance",
    access: anyone,
    tags: ["supervision"],
    summary: "政务公开 A month's figures per department (on-time rate, working days against the limit, satisfaction, 12345 replies) and per item; no personal data; public",
    query: publicPerformanceQuery,
    response: publicPerformanceView,
  }),
  getPublicPerformanceDownload: endpoint({
    method: "GET",
    path: "/public/performance/download",
    access: anyone,
    tags: ["supervision"],
    summary: "政务公开 The same month's figures as a file: CSV (UTF-8 with BOM, one row per department and per item) or JSON; public",
    query: publicPerformanceQuery.extend({ format: z.enum(["csv", "json"]) }),
  }),
};
