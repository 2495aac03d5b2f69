import type { applicationsZh } from "./i18n";

/** English for the texts of web/features/applications/i18n.ts (loaded when English is chosen). */
export const applicationsEn: typeof applicationsZh = {
  window: { title: "Window intake", toolDesc: "Apply on behalf of walk-in citizens; routed to the competent department", lookup: "ID number", lookupButton: "Verify", person: "Applicant", item: "Service", submit: "Submit and print the receipt", consent: "The applicant agrees that their e-certificates and registry data stand in for materials they already hold (each read shows on their data-use log)", hint: "Enter the applicant's ID number (the look-up is logged); citywide services are accepted here and handled by the competent department.", searchItem: "Search services" },
  docs: { print: "Print", back: "Back", receipt: "Receipt", acceptance: "Acceptance notice", supplement: "Supplement notice", rejection: "Decision not to accept", decision: "Decision", title: "Documents", chineseOnly: "Official documents are issued in Chinese, the language in which they have legal effect." },
  materials: { stillMissing: "{{count}} material(s) still missing: {{names}}. Upload them before you submit; anything missing will be asked for again.", complete: "Every material needed is here (those the government shares need no upload).", missingTitle: "{{count}} material(s) missing", missingText: "{{names}}. Anything missing will be asked for during review, which takes longer.", submitAnyway: "Submit anyway", goUpload: "Upload them", upload: "Upload", uploaded: "Uploaded: {{name}}", view: "View file", none: "No materials needed", remove: "Remove", toFix: "to fix", title: "Materials", shared: "Shared by government: no need to submit", sharedBy: "Will use: {{what}}" },
  selfRole: { legend: "Roles you hold yourself", hint: "Tick a role you hold yourself and it is filled from your verified identity and cannot be changed; for anyone else, fill in the form.", role_legalRep: "Legal representative", role_shareholder: "Shareholder", role_taxOfficer: "Tax officer", busy: "Filling in…" },
  prefill: {
    title: "Use the data the government holds about you",
    text: "With your consent, {{org}} reads what the population, legal-person and certificate registries hold for this service, fills in the form and uses your e-certificates instead of uploads. Every read is recorded; see “Who used my data”.",
    agree: "Agree and fill in",
    decline: "No, I will fill it in",
    declinedTitle: "You chose to fill in the form yourself",
    declinedText: "Fill in the form and upload every material. You can still agree to automatic filling at any time.",
    done: "{{n}} fields filled in; {{m}} materials need not be submitted. Check them, then submit.",
    missing: "Not found in government data, please fill in: {{fields}}",
    from: "From {{registry}} · {{org}}",
    updated: " (updated {{date}})",
    authoritative: "authoritative: cannot be changed; ask the source department to correct it",
    conflict: "Note: {{registry}} · {{org}} holds “{{value}}”, which differs",
  },
  appd: { title: "Application", done: "Done", beyondCalendar: "Past the configured calendar; to be set by hand", supplementAsked: "Please supply the following and resubmit (the clock stops meanwhile)", supplementItems: "To supply", timeline: "History", form: "Application form", noMaterials: "No electronic materials", stepDeadline: "This step due by", shared: "Materials not needed ({{n}})", sharedTag: "shared by the government, no need to submit", prefilled: "{{n}} fields filled in from government data with the applicant's consent", registryEvidence: "{{element}}, checked in the {{source}} ({{org}})", opinion: "Opinion (optional)", reasonRequired: "Reason (required)" },
  inbox: { title: "Inbox", empty: "Nothing to do", tab_pending: "To accept", tab_reviewing: "To review", tab_deciding: "To decide", tab_supplement: "Waiting for applicant", tab_all: "All", tab_overdue: "Overdue", tab_dueSoon: "Due soon", tab_mine: "Claimed by me", supervising: "As a supervisor you see the applications of every department at your level of government: you may read and assign them, not handle them.", search: "Number or applicant", channel: "Channel", channel_online: "Online", channel_window: "Window", channel_mobile: "Mobile", channel_agent: "Assisted", applicant: "Applicant", assignee: "Handler", claim: "Claim", claimed: "Claimed {{number}}", prev: "Previous", next: "Next", assign: "Assign", assignTo: "Assign to (staff account id)", tool: "Inbox", toolDesc: "Applications handled in your organisation and below, nearest deadline first" },
  apps: { title: "My applications", empty: "You have no applications yet", number: "Number", item: "Service", org: "Handled by", state: "State", submittedAt: "Submitted", deadline: "Committed by", light_green: "on time", light_yellow: "due soon", light_red: "overdue", link: "My applications" },
};
