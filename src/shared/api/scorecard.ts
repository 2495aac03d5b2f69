import { z } from "zod";
import { orderAction, orderCreate, orderListQuery, orderSummary, orderView, scorecardQuery, scorecardSettingsSave, scorecardSettingsView, scorecardView } from "../schemas/scorecard";
import { endpoint, staff } from "./endpoint";
import { id } from "./rating";

const HANDLERS = ["appeal_handler", "reviewer", "approver", "window_clerk"] as const;

/** The endpoints of modules/supervision/scorecard.routes.ts: 绩效考核 and 督办. */
export const scorecardEndpoints = {
  getSupervisionScorecards: endpoint({
    method: "GET",
    path: "/supervision/scorecards",
    access: staff("supervisor"),
    tags: ["supervision"],
    summary: "绩效考核 A month's score per department of the supervisor's government level: each indicator's value, what it rests on, its weight, thresholds and points, the ranking and the 督办 already sent",
    query: scorecardQuery,
    response: scorecardView,
  }),
  getSupervisionScorecardSettings: endpoint({
    method: "GET",
    path: "/supervision/scorecard-settings",
    access: staff("supervisor"),
    tags: ["supervision"],
    summary: "绩效考核设置 The weights and thresholds in effect this month, and every saved version",
    response: scorecardSettingsView,
  }),
  postSupervisionScorecardSettings: endpoint({
    method: "POST",
    path: "/supervision/scorecard-settings",
    access: staff("supervisor", "sys_admin"),
    tags: ["supervision"],
    summary: "绩效考核设置 A new version by the city's supervisors, in effect from this month or later (weights add up to 100; baseVersion detects a concurrent save)",
    body: scorecardSettingsSave,
    response: scorecardSettingsView,
  }),
  getSupervisionOrders: endpoint({
    method: "GET",
    path: "/supervision/orders",
    access: staff("supervisor", ...HANDLERS),
    tags: ["supervision"],
    summary: "督办单 Orders to departments of the caller's scope (supervisors: their government level; handlers: their department), open ones most urgent first",
    query: orderListQuery,
    response: z.object({ items: z.array(orderSummary) }),
  }),
  postSupervisionOrders: endpoint({
    method: "POST",
    path: "/supervision/orders",
    access: staff("supervisor"),
    tags: ["supervision"],
    summary: "发出督办 To a department the supervisor oversees: a month's indicators (snapshotted) and/or its cases, what to put right and the working days to do it",
    body: orderCreate,
    status: 201,
    response: orderView,
  }),
  getSupervisionOrdersById: endpoint({
    method: "GET",
    path: "/supervision/orders/:id",
    access: staff("supervisor", ...HANDLERS),
    tags: ["supervision"],
    summary: "督办单详情 An order with its indicators, cases, steps and the actions the viewer may take",
    params: id,
    response: orderView,
  }),
  postSupervisionOrdersByIdActions: endpoint({
    method: "POST",
    path: "/supervision/orders/:id/actions",
    access: staff("supervisor", ...HANDLERS),
    tags: ["supervision"],
    summary: "办理督办 反馈整改情况 by the department; 退回 / 办结 by a supervisor above it (lockVersion detects concurrent edits)",
    params: id,
    body: orderAction,
    response: orderView,
  }),
};
