import type { workbenchZh } from "./i18n";

/** English for the texts of web/features/workbench/i18n.ts (loaded when English is chosen). */
export const workbenchEn: typeof workbenchZh = {
  workbench: {
    title: "Workbench",
    org: "Organisation",
    roles: "Roles",
    modules: "My tools",
    staffAdmin: "Staff administration",
    staffAdminDesc: "Manage staff and roles in your organisation and those below it",
    personLookup: "Population registry look-up",
    personLookupDesc: "Look up a person for a case; each look-up is logged and shown to the person",
    security: "Account security",
    totp: "One-time codes (two-factor)",
    totpOn: "On",
    totpOff: "Off",
    totpSetup: "Turn on one-time codes",
    totpScan: "Add this key to your authenticator app, then enter the 6-digit code it shows:",
    totpConfirm: "Turn on",
    totpEnabled: "One-time codes are on; you will be asked for one at login",
  },
};
