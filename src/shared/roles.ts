/** Staff roles (岗位角色). Codes are stable; labels are what users see. */
export const ROLES = {
  sys_admin: { zh: "系统管理员", en: "System administrator" },
  catalog_admin: { zh: "事项管理员", en: "Catalogue administrator" },
  data_admin: { zh: "数据管理员", en: "Data administrator" },
  window_clerk: { zh: "窗口人员", en: "Window clerk" },
  reviewer: { zh: "审核人员", en: "Reviewer" },
  approver: { zh: "审批人员", en: "Approver" },
  hotline_agent: { zh: "热线坐席", en: "Hotline agent" },
  appeal_handler: { zh: "诉求办理", en: "Request handler" },
  supervisor: { zh: "效能监督", en: "Supervisor" },
  finance: { zh: "财务人员", en: "Finance officer" },
} as const;

export type Role = keyof typeof ROLES;

/** Who handles 差评 cases and 12345 tickets for their org (besides 效能监督, who oversees them). */
export const HANDLER_ROLES: Role[] = ["appeal_handler", "reviewer", "approver", "window_clerk"];
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

/** Org unit kinds in the tree city → district → street → community, plus departments, centres and windows. */
export const ORG_KINDS = {
  city: { zh: "市", en: "City" },
  district: { zh: "区", en: "District" },
  street: { zh: "街道/镇", en: "Street/town" },
  community: { zh: "居委会/村委会", en: "Community/village" },
  department: { zh: "部门", en: "Department" },
  service_centre: { zh: "服务中心", en: "Service centre" },
  window: { zh: "窗口", en: "Window" },
} as const;

export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_CODES = Object.keys(ORG_KINDS) as [OrgKind, ...OrgKind[]];

/** Scopes an enterprise may grant an agent (经办人). */
export const AGENT_SCOPES = {
  apply: { zh: "代为申请办事", en: "Apply for services" },
  view: { zh: "查看办件与证照", en: "View applications and certificates" },
  pay: { zh: "缴纳费用", en: "Pay fees" },
} as const;
export type AgentScope = keyof typeof AGENT_SCOPES;
export const AGENT_SCOPE_CODES = Object.keys(AGENT_SCOPES) as [AgentScope, ...AgentScope[]];
