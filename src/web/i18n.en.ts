import { ROLES, ORG_KINDS, AGENT_SCOPES } from "../shared/roles";
import type { Messages } from "./i18n";
import { appealsEn } from "./features/appeals/i18n.en";
import { applicationsEn } from "./features/applications/i18n.en";
import { appointmentsEn } from "./features/appointments/i18n.en";
import { bundlesEn } from "./features/bundles/i18n.en";
import { signingEn } from "./features/signing/i18n.en";
import { supervisionEn } from "./features/supervision/i18n.en";
import { paymentsEn } from "./features/payments/i18n.en";
import { integrationsEn } from "./features/integrations/i18n.en";
import { deliveryEn } from "./features/delivery/i18n.en";
import { catalogueEn } from "./features/catalogue/i18n.en";
import { catalogueAdminEn } from "./features/workbench/catalogue/i18n.en";
import { certificatesEn } from "./features/certificates/i18n.en";
import { dataAdminEn } from "./features/workbench/data/i18n.en";
import { homeEn } from "./features/home/i18n.en";
import { identityEn } from "./features/identity/i18n.en";
import { proactiveEn } from "./features/proactive/i18n.en";
import { ratingsEn } from "./features/ratings/i18n.en";
import { workbenchEn } from "./features/workbench/i18n.en";
import { workbenchAdminEn } from "./features/workbench/admin/i18n.en";

/** The English dictionary, downloaded only when English is chosen. */
export const en: Messages = {
  app: { name: "Haoban", city: "Shanghai", slogan: "One network, easy to use · Government services", skip: "Skip to main content", footer: "Shanghai one-network government services · Enquiries and complaints: call 12345" },
  staffNav: { post: "Working as", label: "Workbench navigation", waiting: " waiting", open: " open", overdue: " overdue" },
  nav: { appeals: "12345", policies: "Policies", main: "Main navigation", home: "Home", personal: "For citizens", enterprise: "For businesses", bundles: "Life events", departments: "Departments", login: "Log in", register: "Register", me: "My account", workbench: "Workbench", logout: "Log out", language: "中文", languageLabel: "Switch language", menu: "Menu", accountMenu: "Account menu of {{name}}", messages: "Messages", messagesUnread: "Messages, {{n}} unread", myApplications: "My applications", elder: "Elder mode" },
  msg: { title: "Messages", toolDesc: "Application reminders, overdue alerts and notices", unread: "{{n}} unread", readAll: "Mark all read", markRead: "Mark read", empty: "No messages", new: "new", channel_sms: "SMS", channel_email: "E-mail", status_sent: "sent", status_pending: "sending", status_failed: "failed", settings: "Notification settings", smsLabel: "Text my registered mobile when an application changes", emailLabel: "E-mail", noEmail: "not set", saveEmail: "Save e-mail", emailOff: "E-mail notifications are not enabled on this platform", proactiveLabel: "Tell me what I may need (proactive reminders, matching policies, benefits without applying)" },
  form: { errorSummary: "{{count}} answers need changing:", check: "Check", valid: "All answers are valid", boundTo: "Data element: {{element}}", noRows: "No rows", addRow: "Add {{label}}", removeRow: "Remove" },
  staff: {
    title: "Staff administration",
    search: "Search by name or username",
    add: "Add staff",
    username: "Username",
    name: "Name",
    org: "Organisation",
    roles: "Roles",
    status: "Status",
    enabled: "Active",
    disabled: "Disabled",
    actions: "Actions",
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    mobile: "Mobile (optional)",
    initialPassword: "Initial password",
    disableAccount: "Disable account",
    created: "Staff member added",
    saved: "Saved",
    total: "{{total}} in all",
    chooseOrg: "Choose an organisation",
  },
  division: { placeholder: "Choose the district, then the street or town if you wish" },
  address: {
    problem: "The address {{problem}}",
    unverified: "Not in the address registry: the department verifies it",
    placeholder: "Choose the district, street or town, road, door and room",
    type: "Not in the address registry? Type it",
    pick: "Choose from the address registry",
    typeHint: "e.g. 上海市黄浦区福州路100号",
    known: "The address registry holds this address",
    unknown: "The address registry does not hold this address yet; the department will verify it",
  },
  benefitResult: { title: "Benefit granted", body: "{{sentence}}.", stopped: "This benefit has been stopped." },
  common: { empty: "Nothing here", loading: "Loading…", error: "Something went wrong", retry: "Retry", back: "Back", notFound: "Page not found", notFoundDesc: "The page you asked for does not exist.", home: "Home", pageLoadFailed: "The page did not load", pageLoadFailedDesc: "The connection may be unstable, or the platform was just updated. Please reload the page and try again.", reload: "Reload page", needLogin: "Please log in", forbidden: "You may not view this page", yes: "Yes", no: "No" },
  roles: Object.fromEntries(Object.entries(ROLES).map(([k, v]) => [k, v.en])),
  ...appealsEn,
  ...applicationsEn,
  ...appointmentsEn,
  ...bundlesEn,
  ...signingEn,
  ...supervisionEn,
  ...paymentsEn,
  ...integrationsEn,
  ...deliveryEn,
  ...catalogueEn,
  ...catalogueAdminEn,
  ...certificatesEn,
  ...dataAdminEn,
  ...homeEn,
  ...identityEn,
  ...proactiveEn,
  ...ratingsEn,
  ...workbenchEn,
  ...workbenchAdminEn,
  orgKinds: Object.fromEntries(Object.entries(ORG_KINDS).map(([k, v]) => [k, v.en])),
  scopes: Object.fromEntries(Object.entries(AGENT_SCOPES).map(([k, v]) => [k, v.en])),
  marital: { unmarried: "Single", married: "Married", divorced: "Divorced", widowed: "Widowed", unknown: "Unknown" },
};
