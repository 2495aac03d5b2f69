import type { Migration } from "kysely";
import * as m0001 from "./0001-create-orgs";
import * as m0002 from "./0002-create-registries";
import * as m0003 from "./0003-create-accounts";
import * as m0004 from "./0004-create-enterprise-agents";
import * as m0005 from "./0005-create-audit-log";
import * as m0006 from "./0006-create-catalogue";
import * as m0007 from "./0007-catalogue-version-locking";
import * as m0008 from "./0008-create-applications";
import * as m0009 from "./0009-window-applicants";
import * as m0010 from "./0010-materials-drafts-assignment";
import * as m0011 from "./0011-notifications";
import * as m0012 from "./0012-appointments";
import * as m0013 from "./0013-calendar-and-workflows";
import * as m0014 from "./0014-step-deadlines";
import * as m0015 from "./0015-shared-workflow-definitions";
import * as m0016 from "./0016-inbox-indexes";
import * as m0017 from "./0017-seal-keys";
import * as m0018 from "./0018-certificates";
import * as m0019 from "./0019-shared-evidence";
import * as m0020 from "./0020-once-only-data";
import * as m0021 from "./0021-certificate-shares";
import * as m0022 from "./0022-person-address-encrypted";
import * as m0023 from "./0023-bundles";
import * as m0024 from "./0024-ratings-and-appeals";
import * as m0025 from "./0025-auto-approval";
import * as m0026 from "./0026-proactive-service";
import * as m0027 from "./0027-login-throttle";
import * as m0028 from "./0028-rate-limit-counters";
import * as m0029 from "./0029-file-blobs";
import * as m0030 from "./0030-data-key-check";
import * as m0031 from "./0031-idempotent-requests";
import * as m0032 from "./0032-item-holdings";
import * as m0033 from "./0033-audit-pending";
import * as m0034 from "./0034-inbox-order-index";
import * as m0035 from "./0035-message-english";
import * as m0036 from "./0036-generated-documents";
import * as m0037 from "./0037-signing";
import * as m0038 from "./0038-enterprise-bank-accounts";
import * as m0039 from "./0039-address-parts";
import * as m0040 from "./0040-performance";
import * as m0041 from "./0041-performance-hotline";
import * as m0042 from "./0042-performance-open";
import * as m0043 from "./0043-scorecards";
import * as m0044 from "./0044-ticket-caller-index";
import * as m0045 from "./0045-staff-posts";
import * as m0046 from "./0046-rectified-on";
import * as m0047 from "./0047-payments";
import * as m0048 from "./0048-payouts-reconciliation";
import * as m0049 from "./0049-deliveries";
import * as m0050 from "./0050-integrations";
import * as m0051 from "./0051-change-notifications";
import * as m0052 from "./0052-partition-application-events";
import * as m0053 from "./0053-partition-audit-log";
import * as m0054 from "./0054-partition-messages";
import * as m0055 from "./0055-generated-documents-deferred";
import * as m0056 from "./0056-audit-log-compact";

/** Forward-only migrations, applied in name order. Never edit one that has shipped: add a new one. */
export const migrations: Record<string, Migration> = {
  "0001-create-orgs": m0001,
  "0002-create-registries": m0002,
  "0003-create-accounts": m0003,
  "0004-create-enterprise-agents": m0004,
  "0005-create-audit-log": m0005,
  "0006-create-catalogue": m0006,
  "0007-catalogue-version-locking": m0007,
  "0008-create-applications": m0008,
  "0009-window-applicants": m0009,
  "0010-materials-drafts-assignment": m0010,
  "0011-notifications": m0011,
  "0012-appointments": m0012,
  "0013-calendar-and-workflows": m0013,
  "0014-step-deadlines": m0014,
  "0015-shared-workflow-definitions": m0015,
  "0016-inbox-indexes": m0016,
  "0017-seal-keys": m0017,
  "0018-certificates": m0018,
  "0019-shared-evidence": m0019,
  "0020-once-only-data": m0020,
  "0021-certificate-shares": m0021,
  "0022-person-address-encrypted": m0022,
  "0023-bundles": m0023,
  "0024-ratings-and-appeals": m0024,
  "0025-auto-approval": m0025,
  "0026-proactive-service": m0026,
  "0027-login-throttle": m0027,
  "0028-rate-limit-counters": m0028,
  "0029-file-blobs": m0029,
  "0030-data-key-check": m0030,
  "0031-idempotent-requests": m0031,
  "0032-item-holdings": m0032,
  "0033-audit-pending": m0033,
  "0034-inbox-order-index": m0034,
  "0035-message-english": m0035,
  "0036-generated-documents": m0036,
  "0037-signing": m0037,
  "0038-enterprise-bank-accounts": m0038,
  "0039-address-parts": m0039,
  "0040-performance": m0040,
  "0041-performance-hotline": m0041,
  "0042-performance-open": m0042,
  "0043-scorecards": m0043,
  "0044-ticket-caller-index": m0044,
  "0045-staff-posts": m0045,
  "0046-rectified-on": m0046,
  "0047-payments": m0047,
  "0048-payouts-reconciliation": m0048,
  "0049-deliveries": m0049,
  "0050-integrations": m0050,
  "0051-change-notifications": m0051,
  "0052-partition-application-events": m0052,
  "0053-partition-audit-log": m0053,
  "0054-partition-messages": m0054,
  "0055-generated-documents-deferred": m0055,
  "0056-audit-log-compact": m0056,
};
