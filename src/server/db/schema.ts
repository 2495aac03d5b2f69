import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Table types for Kysely. Migrations in ./migrations are the source of truth; schema.test.ts fails when these differ from the migrated database (tables, columns, nullability). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrgsTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string;
  kind: string;
  parent_id: string | null;
  division_code: string | null;
  region_code: string;
  path: string;
  sort: Generated<number>;
  created_at: CreatedAt;
}

/** 人口库: the population registry. ID numbers and mobiles are encrypted; *_hash columns are keyed blind indexes. */
export interface PersonsTable {
  id: Generated<string>;
  name: string;
  id_number_hash: string;
  id_number_enc: string;
  gender: string;
  birth_date: string;
  hukou_division_code: string;
  /** Plain only in databases from before encryption, until start-up encrypts it; new rows leave it null. */
  address: ColumnType<string | null, string | null | undefined, string | null>;
  address_enc: string | null;
  mobile_enc: string | null;
  /** 社会保障卡金融账户 (where benefits are paid), encrypted; its bank. */
  payout_account_enc: ColumnType<string | null, string | null | undefined, string | null>;
  payout_bank: ColumnType<string | null, string | null | undefined, string | null>;
  marital_status: string;
  spouse_id: string | null;
  father_id: string | null;
  mother_id: string | null;
  region_code: string;
  source_org_code: string;
  updated_at: Timestamp;
}

/** 法人库: the legal-person registry. */
export interface EnterprisesTable {
  id: Generated<string>;
  credit_code: string;
  credit_code_flagged: Generated<boolean>;
  name: string;
  type: string;
  legal_rep_person_id: string;
  division_code: string;
  region_code: string;
  established_on: string;
  industry: string;
  registered_capital_wan: number;
  address: string;
  status: Generated<string>;
  source_org_code: string;
  updated_at: Timestamp;
}

export interface AccountsTable {
  id: Generated<string>;
  kind: "citizen" | "staff" | "client";
  username: string | null;
  name: string;
  person_id: string | null;
  id_number_hash: string | null;
  mobile_hash: string | null;
  mobile_enc: string | null;
  password_hash: string;
  org_id: string | null;
  roles: Generated<string[]>;
  totp_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  disabled: Generated<boolean>;
  version: Generated<number>;
  region_code: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
  notify_sms: Generated<boolean>;
  email_enc: string | null;
  notify_proactive: Generated<boolean>;
}

export interface SessionsTable {
  id: string;
  account_id: string;
  csrf_token: string;
  acting_for_enterprise_id: string | null;
  /** The further post (一人多岗) the session works in; null: the account's own organisation. */
  post_org_id: ColumnType<string | null, string | null | undefined, string | null>;
  region_code: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** 一人多岗: a staff member's further posts, each an organisation with its own roles. */
export interface StaffPostsTable {
  account_id: string;
  org_id: string;
  roles: string[];
  created_by: string;
  created_at: Generated<Date>;
}

export interface EnterpriseAgentsTable {
  id: Generated<string>;
  enterprise_id: string;
  agent_person_id: string;
  scopes: string[];
  expires_on: string;
  granted_by_account_id: string;
  granted_at: CreatedAt;
  revoked_at: Date | null;
  region_code: string;
}

export interface AuditLogTable {
  chain: string;
  seq: number;
  occurred_at: Date;
  request_id: string | null;
  actor_account_id: string | null;
  actor_name: string;
  acting_for_enterprise_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  org_id: string | null;
  subject_person_id: string | null;
  purpose: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  /** SHA-256 of the record with its predecessor's hash (the link), as 32 bytes. */
  hash: ColumnType<Uint8Array, Uint8Array, never>;
}

/**
 * An audit record appended in its change's transaction, waiting for the sequencer to chain it: the
 * columns of audit_log without the link (seq, hash). Spelled out, as every table here is,
 * so that schema.test.ts can hold it against the migrated database.
 */
export interface AuditPendingTable {
  id: Generated<number>;
  chain: string;
  occurred_at: Date;
  request_id: string | null;
  actor_account_id: string | null;
  actor_name: string;
  acting_for_enterprise_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  org_id: string | null;
  subject_person_id: string | null;
  purpose: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface CatalogueBaseItemsTable {
  id: Generated<string>;
  basic_code: string;
  name: string;
  kind: string;
  parent_id: string | null;
  action: Generated<string>;
  department_key: string;
  legal_basis: string;
  created_at: CreatedAt;
}

export interface CatalogueItemsTable {
  id: Generated<string>;
  base_item_id: string;
  org_id: string;
  level: string;
  impl_code: string;
  region_code: string;
  published_version_id: string | null;
  popularity: Generated<number>;
  consistency_note: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** The item's own workflow definition; null uses the template for its time limit. */
  workflow: ColumnType<unknown, string | null, string | null> | null;
  workflow_lock_version: Generated<number>;
}

export interface CatalogueItemVersionsTable {
  id: Generated<string>;
  item_id: string;
  version: number;
  status: "draft" | "in_review" | "published" | "superseded" | "rejected";
  content: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_comment: string | null;
  published_at: Date | null;
  region_code: string;
  lock_version: Generated<number>;
  updated_at: Generated<Date>;
  created_by_name: string | null;
  reviewed_by_name: string | null;
  submitted_by: string | null;
}

export interface PoliciesTable {
  id: Generated<string>;
  doc_number: string;
  title: string;
  issuer: string;
  issued_on: string;
  effective_on: string;
  status: "valid" | "revised" | "repealed";
  replaced_by_id: string | null;
  full_text: string;
  interpretation: Generated<string>;
  tags: Generated<string[]>;
  region_code: string;
  created_at: CreatedAt;
  issuer_org_id: string | null;
  audience: "person" | "enterprise" | null;
  eligibility: ColumnType<unknown, string | null, string | null> | null;
  notice: string | null;
  match_status: "pending" | "done" | "failed" | null;
  match_count: number | null;
  matched_at: Date | null;
  created_by: string | null;
}

export interface PolicyItemsTable {
  policy_id: string;
  base_item_id: string;
}

export interface KnowledgeAnswersTable {
  id: Generated<string>;
  question: string;
  answer: string;
  tags: Generated<string[]>;
  basic_code: string | null;
  updated_at: Timestamp;
}

export interface SearchSynonymsTable {
  term: string;
  expansions: string[];
  updated_at: Timestamp;
}

export interface CatalogueGenerationTable {
  id: number;
  generation: number;
}

export interface ApplicationsTable {
  id: Generated<string>;
  number: string;
  item_id: string;
  version_id: string;
  workflow_id: string;
  applicant_account_id: string | null;
  applicant_person_id: string | null;
  acting_for_enterprise_id: string | null;
  channel: "online" | "window" | "mobile" | "agent";
  accepting_org_id: string | null;
  handling_org_id: string;
  region_code: string;
  state: string;
  outcome: string | null;
  form_data: ColumnType<unknown, string, string>;
  submitted_at: Generated<Date>;
  start_date: string;
  committed_days: number | null;
  legal_days: number | null;
  committed_deadline: string | null;
  legal_deadline: string | null;
  deadline_beyond_calendar: Generated<boolean>;
  lock_version: Generated<number>;
  updated_at: Generated<Date>;
  assignee_account_id: string | null;
  assignee_name: string | null;
  /** Shown in inboxes and searched by staff; the registry holds the authoritative record. */
  applicant_name: Generated<string>;
  /** The current step's own deadline (its state's limit), null when the step has none. */
  step_deadline: string | null;
  waived_materials: Generated<number>;
  prefilled_fields: Generated<number>;
  prefill_sources: ColumnType<unknown | null, string | null | undefined, string | null>;
  data_consent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When the outcome was reached, and the working days it took (paused time not counted; null past the calendar). */
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decided_working_days: ColumnType<number | null, number | null | undefined, number | null>;
}


/** 绩效考核 settings, one row per version, and the 督办 orders with their steps. */
export interface ScorecardSettingsTable {
  version: number;
  effective_from: string;
  value: ColumnType<unknown, string, string>;
  note: string;
  created_by: string;
  created_at: Generated<Date>;
}
export interface PaymentOrdersTable {
  id: Generated<string>;
  number: string;
  pay_code: string;
  application_id: string | null;
  stage: string;
  org_id: string;
  region_code: string;
  payer_account_id: string | null;
  payer_person_id: string | null;
  payer_enterprise_id: string | null;
  payer_name: string;
  subject: string;
  amount_fen: number;
  lines: ColumnType<unknown, string, string>;
  status: string;
  due_date: string;
  provider_order_no: string | null;
  registered_at: Date | null;
  channel: string | null;
  paid_at: Date | null;
  settled_by: string | null;
  receipt_certificate_id: string | null;
  refunded_fen: Generated<number>;
  close_reason: string | null;
  /** fee: the item's fee rules; postage: 邮寄费 for posting the result. */
  purpose: Generated<string>;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PaymentNotificationsTable {
  id: string;
  type: string;
  merchant_no: string;
  effect: string;
  received_at: Generated<Date>;
}
export interface PaymentRefundsTable {
  id: Generated<string>;
  number: string;
  order_id: string;
  amount_fen: number;
  reason: string;
  status: string;
  provider_refund_no: string | null;
  failure: string | null;
  requested_by: string;
  region_code: string;
  created_at: Generated<Date>;
  finished_at: Date | null;
}
export interface PayoutPlansTable {
  application_id: string;
  person_id: string;
  payee_name: string;
  org_id: string;
  region_code: string;
  subject: string;
  amount_fen: number;
  period: string;
  pay_day: number;
  next_pay_date: string | null;
  status: string;
  stop_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface PayoutsTable {
  id: Generated<string>;
  number: string;
  application_id: string;
  period_label: string;
  pay_date: string;
  amount_fen: number;
  account_enc: string | null;
  account_masked: string | null;
  bank_name: string | null;
  status: string;
  provider_no: string | null;
  failure: string | null;
  region_code: string;
  created_at: Generated<Date>;
  finished_at: Date | null;
}
export interface ReconciliationRunsTable {
  day: string;
  provider_lines: number;
  platform_lines: number;
  matched: number;
  findings: number;
  provider_total_fen: number;
  platform_total_fen: number;
  ran_at: Date;
  ran_by: string;
}
export interface ReconciliationFindingsTable {
  id: Generated<string>;
  day: string;
  kind: string;
  txn_type: string;
  merchant_no: string;
  provider_no: Generated<string>;
  platform_fen: number | null;
  provider_fen: number | null;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Generated<Date>;
}
export interface DeliveriesTable {
  id: Generated<string>;
  number: string;
  application_id: string;
  direction: string;
  method: string;
  status: string;
  recipient_name: string | null;
  recipient_mobile_enc: string | null;
  address_enc: string | null;
  address_masked: string | null;
  pickup_org_id: string | null;
  pickup_code_hash: string | null;
  pickup_code_enc: string | null;
  waybill_no: string | null;
  collector: string | null;
  handed_over_by: string | null;
  handed_over_at: Date | null;
  region_code: string;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface DeliveryEventsTable {
  id: Generated<number>;
  delivery_id: string;
  status: string;
  note: string;
  source: string;
  at: Generated<Date>;
}
export interface PostNotificationsTable {
  id: string;
  received_at: Generated<Date>;
}
export interface SupervisionOrdersTable {
  id: Generated<string>;
  number: string;
  org_id: string;
  org_path: string;
  region_code: string;
  month: string | null;
  subject: string;
  note: string;
  indicators: ColumnType<unknown, string | undefined, string>;
  application_ids: ColumnType<unknown, string | undefined, string>;
  state: string;
  deadline: string;
  answer: string | null;
  escalated: Generated<boolean>;
  created_by_account_id: string;
  created_by_name: string;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface SupervisionOrderEventsTable {
  id: Generated<number>;
  order_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_account_id: string | null;
  actor_name: string;
  note: string | null;
  created_at: Generated<Date>;
}

/** 效能监督: one day's figures of one handling department's item, refreshed by the rollup job. */
export interface PerformanceDailyTable {
  day: string;
  org_id: string;
  org_path: string;
  item_id: string;
  region_code: string;
  received: number;
  received_online: number;
  decided: number;
  approved: number;
  /** Decided applications that had a committed limit (the denominator of the on-time rate). */
  with_limit: number;
  on_time: number;
  within_legal: number;
  limit_days_sum: number;
  days_sum: number;
  /** Decided applications by working days taken: index i counts i days (the last bucket: that many or more). */
  days_hist: number[];
  supplemented: number;
  supplement_rounds: number;
  auto_approved: number;
  rated: number;
  rating_sum: number;
  satisfied: number;
  bad: number;
}

/** 效能监督 of 12345: one day's tickets of one responsible department (see migration 0041). */
export interface PerformanceTicketsDailyTable {
  day: string;
  org_id: string;
  org_path: string;
  region_code: string;
  dispatched: number;
  signed: number;
  signed_on_time: number;
  replied: number;
  replied_on_time: number;
  rated: number;
  satisfied: number;
}

/** The 电子监察 lights as of the last rollup (see migration 0042). */
export interface PerformanceOpenTable {
  org_id: string;
  item_id: string;
  org_path: string;
  red: number;
  yellow: number;
  counted_at: Generated<Date>;
}

export interface PerformanceRefreshesTable {
  day: string;
  refreshed_at: Generated<Date>;
}

export interface MessagesTable {
  id: Generated<string>;
  account_id: string;
  outbox_id: number | null;
  kind: string;
  title: string;
  body: string;
  /** The same message in English, when its template has English (migration 0035). */
  title_en: ColumnType<string | null, string | null | undefined, string | null>;
  body_en: ColumnType<string | null, string | null | undefined, string | null>;
  link: string | null;
  application_id: string | null;
  read_at: Date | null;
  region_code: string;
  created_at: Generated<Date>;
}

export interface NotificationDeliveriesTable {
  id: Generated<number>;
  message_id: string;
  /** The message's month: its key is (id, created_at). */
  message_created_at: Date;
  channel: "sms" | "email";
  recipient_masked: string;
  status: "pending" | "sent" | "failed";
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  provider_id: string | null;
  sent_at: Date | null;
  created_at: Generated<Date>;
}

export interface AppointmentSlotsTable {
  id: Generated<string>;
  centre_org_id: string;
  day: string;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: Generated<number>;
  region_code: string;
  created_at: Generated<Date>;
}

export interface AppointmentsTable {
  id: Generated<string>;
  code: string;
  slot_id: string;
  account_id: string;
  item_id: string;
  status: "booked" | "cancelled" | "checked_in";
  checked_in_at: Date | null;
  checked_in_by: string | null;
  region_code: string;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CalendarYearsTable {
  year: number;
  holidays: ColumnType<unknown, string, string>;
  workdays: ColumnType<unknown, string, string>;
  lock_version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface WorkflowDefinitionsTable {
  id: Generated<string>;
  hash: string;
  definition: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface SealKeysTable {
  id: Generated<string>;
  org_id: string;
  algorithm: string;
  public_key: string;
  private_key_enc: string;
  status: "active" | "retired";
  created_at: Generated<Date>;
  retired_at: Date | null;
}

export interface CertificatesTable {
  id: Generated<string>;
  identifier: string;
  type_code: string;
  number: string;
  holder_kind: "person" | "enterprise";
  holder_person_id: string | null;
  holder_enterprise_id: string | null;
  holder_name: string;
  issuer_org_id: string;
  application_id: string | null;
  payload: ColumnType<unknown, string, string>;
  seal_key_id: string;
  algorithm: string;
  signature: string;
  valid_from: string;
  valid_to: string | null;
  status: "valid" | "suspended" | "revoked";
  status_reason: string | null;
  region_code: string;
  issued_at: Generated<Date>;
  expiry_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ApplicationEvidenceTable {
  id: Generated<number>;
  application_id: string;
  material_key: string;
  certificate_id: string | null;
  /** For registry evidence: the data element the registry holds, and where it came from. */
  element: string | null;
  source: Generated<string>;
  source_org_code: string | null;
  created_at: Generated<Date>;
}

/** 系统生成材料: a document produced from an application's form, sealed, its body encrypted at rest. */
export interface GeneratedDocumentsTable {
  id: Generated<string>;
  application_id: string;
  material_key: string;
  template: string;
  file_name: string;
  /** The rest is null while the document is owed (rendered after the submission commits). */
  size_bytes: number | null;
  sha256: string | null;
  body_enc: string | null;
  seal_key_id: string | null;
  seal_algorithm: string | null;
  signature: string | null;
  region_code: string;
  created_at: Generated<Date>;
  /** The instant the document is dated (a co-signed submission: when the signers were asked). */
  documents_at: Date;
  rendered_at: Date | null;
}

/** 多方在线签署: a submission waiting for the people it names to sign its generated documents. */
export interface SigningRequestsTable {
  id: Generated<string>;
  kind: "item" | "bundle";
  /** The item's id or the bundle's code. */
  target: string;
  title: string;
  payload_enc: string;
  applicant_account_id: string;
  applicant_person_id: string | null;
  applicant_name: string;
  status: "collecting" | "submitted" | "refused" | "expired" | "failed";
  /** The documents to sign: `{ itemKey, materialKey, name, sha256 }` each. */
  documents: ColumnType<unknown, string, string>;
  documents_at: Date;
  deadline: Date;
  result_id: string | null;
  result_number: string | null;
  reason: string | null;
  reminded_at: Date | null;
  region_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One person's signature of a signing request. */
export interface SignaturesTable {
  id: Generated<number>;
  request_id: string;
  person_id: string;
  account_id: string;
  name: string;
  roles: ColumnType<string[], string, string>;
  status: "pending" | "signed" | "refused" | "closed";
  documents: ColumnType<string[] | null, string | null, string | null>;
  auth: string | null;
  reason: string | null;
  signed_at: Date | null;
}

/** 银行开户: the basic account a bank opened for an enterprise. */
export interface EnterpriseBankAccountsTable {
  enterprise_id: string;
  bank_name: string;
  account_number: string;
  bank_reference: string;
  opened_at: Generated<Date>;
}

/** 数据元: the data-element dictionary. */
export interface DataElementsTable {
  code: string;
  name: string;
  name_en: string;
  value_type: string;
  format: string | null;
  code_list: ColumnType<unknown | null, string | null, string | null>;
  description: Generated<string>;
  sensitivity: string;
  authoritative: Generated<boolean>;
  lock_version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** 共享目录: which org, for which item, may read which elements of whom. */
export interface SharingRulesTable {
  id: Generated<string>;
  org_id: string;
  item_code: string;
  subject: string;
  elements: ColumnType<unknown, string, string>;
  status: Generated<string>;
  note: Generated<string>;
  region_code: string;
  created_by: string;
  created_at: Generated<Date>;
}

/** A consented prefill: per field, a keyed hash of the value and its source, for checking at submission. */
export interface PrefillsTable {
  id: Generated<string>;
  account_id: string;
  item_id: string;
  acting_for_enterprise_id: string | null;
  fields: ColumnType<unknown, string, never>;
  consented_at: Date;
  expires_at: Date;
  application_id: string | null;
  region_code: string;
}

/** 信用: red and black lists by credit code. */
export interface CreditRecordsTable {
  id: Generated<string>;
  credit_code: string;
  list: string;
  reason: string;
  listed_on: string;
  expires_on: string | null;
  source_org_code: string;
  region_code: string;
  updated_at: Timestamp;
}

/** 地址库: standard addresses under their division. */
export interface AddressesTable {
  id: Generated<string>;
  division_code: string;
  detail: string;
  postcode: string | null;
  source_org_code: string;
  region_code: string;
  updated_at: Timestamp;
  /** The street or town (9-digit code) the address lies in, when known. */
  street_code: string | null;
  road: string | null;
  /** 门牌: 100号, 100弄5号. */
  door: string | null;
  /** 室、楼 after the door, or "". */
  room: Generated<string>;
}

/** 亮证 links: the token's hash, the purpose, what the holder discloses, expiry and revocation. */
/** 一件事 definitions. */
export interface BundlesTable {
  id: Generated<string>;
  code: string;
  name: string;
  definition: ColumnType<unknown, string, string>;
  status: Generated<string>;
  lock_version: Generated<number>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One applicant's 一件事: the answers and the definition as applied. */
export interface BundleApplicationsTable {
  id: Generated<string>;
  number: string;
  bundle_id: string;
  definition: ColumnType<unknown, string, string>;
  answers: ColumnType<unknown, string, string>;
  applicant_account_id: string | null;
  applicant_person_id: string | null;
  acting_for_enterprise_id: string | null;
  applicant_name: string;
  region_code: string;
  delivery: string | null;
  delivery_org_id: string | null;
  start_date: string;
  deadline: string | null;
  submitted_at: Timestamp;
  lock_version: Generated<number>;
}

/** A constituent item of a bundle application: waiting for its upstream, started, or stopped. */
export interface BundleChildrenTable {
  bundle_application_id: string;
  item_key: string;
  item_id: string;
  position: number;
  status: string;
  waits_for: ColumnType<string[], string, string>;
  application_id: string | null;
  form_data: ColumnType<unknown, string, string>;
  materials: ColumnType<unknown, string | undefined, string>;
  stopped_reason: string | null;
}

export interface CertificateSharesTable {
  id: Generated<string>;
  certificate_id: string;
  token_hash: string;
  purpose: string;
  disclosed: ColumnType<unknown, string, string>;
  expires_at: Date;
  revoked_at: Date | null;
  created_by: string;
  use_count: Generated<number>;
  region_code: string;
  created_at: Generated<Date>;
}

export interface CertificateShareUsesTable {
  id: Generated<number>;
  share_id: string;
  used_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface RegistryImportsTable {
  id: Generated<string>;
  registry: string;
  source_org_code: string;
  file_name: string | null;
  rows_total: number;
  rows_applied: number;
  errors: ColumnType<unknown, string, never>;
  status: string;
  account_id: string | null;
  created_at: Generated<Date>;
}

export interface FilesTable {
  id: Generated<string>;
  owner_account_id: string;
  application_id: string | null;
  material_key: string | null;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  region_code: string;
  created_at: Generated<Date>;
}

export interface ApplicationDraftsTable {
  id: Generated<string>;
  account_id: string;
  item_id: string;
  acting_for_enterprise_id: string | null;
  form_data: ColumnType<unknown, string, string>;
  materials: ColumnType<unknown, string, string>;
  lock_version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_account_id: string | null;
  actor_name: string;
  org_id: string | null;
  opinion: string | null;
  details: ColumnType<unknown, string, never>;
  region_code: string;
  created_at: Generated<Date>;
}

export interface ApplicationPausesTable {
  id: Generated<number>;
  application_id: string;
  reason: string;
  from_date: string;
  to_date: string | null;
  region_code: string;
}

export interface ApplicationCountersTable {
  division_code: string;
  day: string;
  last: number;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<unknown, string, never>;
  region_code: string;
  created_at: Generated<Date>;
  processed_at: Date | null;
  /** The webhooks' cursor: set once the event has been fanned out to the subscriptions. */
  webhooks_at: Date | null;
}

/** A department system (machine client) of one organisation; it acts through its account (kind `client`). */
export interface ApiClientsTable {
  id: Generated<string>;
  client_id: string;
  account_id: string;
  org_id: string;
  name: string;
  scopes: string[];
  rate_limit_per_minute: number;
  ack_minutes: number;
  status: string;
  created_by: string | null;
  region_code: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
  lock_version: Generated<number>;
}
export interface ApiClientSecretsTable {
  id: Generated<string>;
  client_id: string;
  secret_hash: string;
  hint: string;
  created_at: Generated<Date>;
  expires_at: Date | null;
  revoked_at: Date | null;
}
export interface ApiClientTokensTable {
  token_hash: string;
  client_id: string;
  secret_id: string;
  scopes: string[];
  created_at: Generated<Date>;
  expires_at: Date;
}
export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  org_id: string;
  client_id: string | null;
  url: string;
  event_types: string[];
  secret_enc: string;
  status: string;
  consecutive_failures: Generated<number>;
  suspended_until: Date | null;
  created_by: string | null;
  region_code: string;
  created_at: Generated<Date>;
  lock_version: Generated<number>;
}
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: string;
  event_id: string;
  event_type: string;
  stream_key: string;
  payload: ColumnType<unknown, string, never>;
  status: string;
  attempts: Generated<number>;
  next_attempt_at: Date;
  leased_until: Date | null;
  first_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  replay_of: number | null;
  event_time: Date;
  region_code: string;
  created_at: Generated<Date>;
}
export interface WebhookAttemptsTable {
  delivery_id: number;
  attempt: number;
  at: Date;
  status: number | null;
  duration_ms: number;
  response: string | null;
  error: string | null;
}
export interface ExternalItemsTable {
  item_id: string;
  client_id: string;
  set_by: string | null;
  set_at: Generated<Date>;
}
export interface ExternalForwardsTable {
  application_id: string;
  client_id: string;
  org_id: string;
  forwarded_at: Date;
  ack_due_at: Date;
  acknowledged_at: Date | null;
  alerted_at: Date | null;
  region_code: string;
}

/** Supervisors' settings (deadlines of 差评 cases and tickets). */
export interface SupervisionSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  lock_version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** 12345 tickets. The requester's mobile is encrypted. */
export interface TicketsTable {
  id: Generated<string>;
  number: string;
  type: string;
  category_code: string;
  title: string;
  content: string;
  address: string | null;
  division_code: string | null;
  location_source: string | null;
  channel: "web" | "hotline";
  citizen_account_id: string | null;
  citizen_person_id: string | null;
  citizen_name: string;
  citizen_mobile_enc: string | null;
  /** Keyed blind index of the caller's mobile (12345 caller history). */
  citizen_mobile_hash: string | null;
  item_id: string | null;
  state: string;
  org_id: string | null;
  dispatched_at: Date | null;
  sign_deadline: string | null;
  reply_deadline: string | null;
  deadline_beyond_calendar: Generated<boolean>;
  reply: string | null;
  replied_at: Date | null;
  answer_ref: string | null;
  merged_into: string | null;
  reopened: Generated<boolean>;
  urge_count: Generated<number>;
  escalated_at: Date | null;
  recorded_by: string | null;
  region_code: string;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_account_id: string | null;
  actor_name: string;
  org_id: string | null;
  note: string | null;
  details: ColumnType<unknown, string | undefined, never>;
  created_at: Generated<Date>;
}

/** 派单目录: a category (and its sub-categories) in a place (division-code prefix) → the responsible org. */
export interface DispatchRulesTable {
  id: Generated<string>;
  category_code: string;
  division_prefix: string;
  org_id: string;
  updated_by: string | null;
  created_at: Generated<Date>;
}

/** 好差评: one row per event and round; attribution to item, department, window, staff and step. */
export interface RatingsTable {
  id: Generated<string>;
  event_kind: string;
  event_id: string;
  round: Generated<number>;
  channel: "web" | "window" | "hotline";
  indicator_set: "online" | "onsite";
  level: number;
  indicators: ColumnType<unknown, string, never>;
  tags: ColumnType<unknown, string, never>;
  comment: string | null;
  anonymous: Generated<boolean>;
  rater_account_id: string | null;
  rater_person_id: string | null;
  rater_name: string;
  recorded_by: string | null;
  item_id: string | null;
  item_name: string | null;
  org_id: string;
  window_org_id: string | null;
  staff_account_id: string | null;
  staff_name: string | null;
  step_key: string | null;
  step_name: string | null;
  application_id: string | null;
  ticket_id: string | null;
  status: Generated<"valid" | "excluded">;
  excluded_reason: string | null;
  region_code: string;
  created_at: Generated<Date>;
}

export interface RatingInvitationsTable {
  token_hash: string;
  event_kind: string;
  event_id: string;
  created_by: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Generated<Date>;
}

/** 差评 cases. */
export interface RatingCasesTable {
  id: Generated<string>;
  number: string;
  rating_id: string;
  org_id: string;
  state: string;
  opened_on: string;
  respond_deadline: string | null;
  rectify_deadline: string | null;
  deadline_beyond_calendar: Generated<boolean>;
  verification: string | null;
  rectification: string | null;
  reply: string | null;
  replied_at: Date | null;
  appeal_reason: string | null;
  appeal_decision: string | null;
  rerating_id: string | null;
  /** The China day of its first 差评 rectify step. */
  rectified_on: ColumnType<string | null, string | null | undefined, string | null>;
  escalations: ColumnType<unknown, string | undefined, string>;
  region_code: string;
  lock_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RatingCaseEventsTable {
  id: Generated<number>;
  case_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_account_id: string | null;
  actor_name: string;
  note: string | null;
  created_at: Generated<Date>;
}

/** 秒批 rules per item, their versions, and the decisions taken with them. */
export interface ItemRulesTable {
  id: Generated<string>;
  item_id: string;
  rule: ColumnType<unknown, string, string>;
  version: Generated<number>;
  enabled: Generated<boolean>;
  sample_every: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
  tested_version: number | null;
  grant_mode: "consent" | "opt_out" | null;
}
export interface ItemRuleVersionsTable {
  item_rule_id: string;
  version: number;
  rule: ColumnType<unknown, string, never>;
  created_by: string;
  created_at: Generated<Date>;
}
export interface ProactivePushesTable {
  id: Generated<string>;
  trigger_key: string;
  subject_kind: "person" | "enterprise";
  subject_id: string;
  ref: string;
  account_id: string;
  title: string;
  body: string;
  link: string;
  region_code: string;
  created_at: Generated<Date>;
}
export interface PolicyMatchesTable {
  policy_id: string;
  subject_kind: "person" | "enterprise";
  subject_id: string;
  subject_name: string;
  district: string;
  account_id: string | null;
  conditions: ColumnType<unknown, string, never>;
  notified: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface BenefitOffersTable {
  id: Generated<string>;
  item_id: string;
  person_id: string;
  account_id: string | null;
  mode: "consent" | "opt_out";
  status: "offered" | "granted" | "declined" | "revoked";
  rule_version: number;
  conditions: ColumnType<unknown, string, never>;
  reply_by: string | null;
  application_id: string | null;
  payment: ColumnType<unknown, string | null, string | null> | null;
  decided_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  region_code: string;
  created_at: Generated<Date>;
}
export interface AutoDecisionsTable {
  application_id: string;
  item_rule_id: string;
  version: number;
  outcome: "approved" | "to_people";
  conditions: ColumnType<unknown, string, never>;
  reason: string | null;
  check_status: "pending" | "confirmed" | "flagged" | null;
  checked_by: string | null;
  check_note: string | null;
  checked_at: Date | null;
  region_code: string;
  created_at: Generated<Date>;
}

export interface LoginThrottleTable {
  account_id: string;
  client_key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

export interface LoginDevicesTable {
  account_id: string;
  device_hash: string;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
}

export interface RateLimitCountersTable {
  key: string;
  count: number;
  reset_at: Date;
}

export interface FileBlobsTable {
  key: string;
  body: Buffer;
  mime: string;
  created_at: Generated<Date>;
}

export interface DataKeyCheckTable {
  id: number;
  check_value: string;
  created_at: Generated<Date>;
}

export interface IdempotentRequestsTable {
  account_id: string;
  scope: string;
  key: string;
  request_hash: string;
  status: "pending" | "done";
  result_ref: string | null;
  created_at: Generated<Date>;
  completed_at: Date | null;
}

export interface ItemHoldingsTable {
  application_id: string;
  basic_code: string;
  holding_key: string;
  limit_kind: "once" | "once_per_child" | "one_in_progress";
  active: Generated<boolean>;
  created_at: Generated<Date>;
  released_at: Date | null;
}

export interface DB {
  item_holdings: ItemHoldingsTable;
  idempotent_requests: IdempotentRequestsTable;
  file_blobs: FileBlobsTable;
  data_key_check: DataKeyCheckTable;
  rate_limit_counters: RateLimitCountersTable;
  login_throttle: LoginThrottleTable;
  login_devices: LoginDevicesTable;
  orgs: OrgsTable;
  persons: PersonsTable;
  enterprises: EnterprisesTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  enterprise_agents: EnterpriseAgentsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_pending: AuditPendingTable;
  catalogue_base_items: CatalogueBaseItemsTable;
  catalogue_items: CatalogueItemsTable;
  catalogue_item_versions: CatalogueItemVersionsTable;
  policies: PoliciesTable;
  policy_items: PolicyItemsTable;
  knowledge_answers: KnowledgeAnswersTable;
  search_synonyms: SearchSynonymsTable;
  catalogue_generation: CatalogueGenerationTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_pauses: ApplicationPausesTable;
  application_counters: ApplicationCountersTable;
  outbox: OutboxTable;
  api_clients: ApiClientsTable;
  api_client_secrets: ApiClientSecretsTable;
  api_client_tokens: ApiClientTokensTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  external_items: ExternalItemsTable;
  external_forwards: ExternalForwardsTable;
  files: FilesTable;
  application_drafts: ApplicationDraftsTable;
  messages: MessagesTable;
  notification_deliveries: NotificationDeliveriesTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  calendar_years: CalendarYearsTable;
  workflow_definitions: WorkflowDefinitionsTable;
  seal_keys: SealKeysTable;
  certificates: CertificatesTable;
  application_evidence: ApplicationEvidenceTable;
  generated_documents: GeneratedDocumentsTable;
  signing_requests: SigningRequestsTable;
  signatures: SignaturesTable;
  enterprise_bank_accounts: EnterpriseBankAccountsTable;
  data_elements: DataElementsTable;
  sharing_rules: SharingRulesTable;
  prefills: PrefillsTable;
  credit_records: CreditRecordsTable;
  addresses: AddressesTable;
  performance_daily: PerformanceDailyTable;
  performance_refreshes: PerformanceRefreshesTable;
  performance_tickets_daily: PerformanceTicketsDailyTable;
  performance_open: PerformanceOpenTable;
  scorecard_settings: ScorecardSettingsTable;
  staff_posts: StaffPostsTable;
  supervision_orders: SupervisionOrdersTable;
  payment_orders: PaymentOrdersTable;
  payment_notifications: PaymentNotificationsTable;
  payment_refunds: PaymentRefundsTable;
  deliveries: DeliveriesTable;
  delivery_events: DeliveryEventsTable;
  post_notifications: PostNotificationsTable;
  payout_plans: PayoutPlansTable;
  payouts: PayoutsTable;
  reconciliation_runs: ReconciliationRunsTable;
  reconciliation_findings: ReconciliationFindingsTable;
  supervision_order_events: SupervisionOrderEventsTable;
  registry_imports: RegistryImportsTable;
  certificate_shares: CertificateSharesTable;
  bundles: BundlesTable;
  bundle_applications: BundleApplicationsTable;
  bundle_children: BundleChildrenTable;
  certificate_share_uses: CertificateShareUsesTable;
  supervision_settings: SupervisionSettingsTable;
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  dispatch_rules: DispatchRulesTable;
  ratings: RatingsTable;
  rating_invitations: RatingInvitationsTable;
  rating_cases: RatingCasesTable;
  rating_case_events: RatingCaseEventsTable;
  item_rules: ItemRulesTable;
  item_rule_versions: ItemRuleVersionsTable;
  auto_decisions: AutoDecisionsTable;
  proactive_pushes: ProactivePushesTable;
  policy_matches: PolicyMatchesTable;
  benefit_offers: BenefitOffersTable;
}

export type Org = Selectable<OrgsTable>;
export type NewOrg = Insertable<OrgsTable>;
export type Person = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type Enterprise = Selectable<EnterprisesTable>;
export type NewEnterprise = Insertable<EnterprisesTable>;
export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type Session = Selectable<SessionsTable>;
export type EnterpriseAgent = Selectable<EnterpriseAgentsTable>;
export type AuditRow = Selectable<AuditLogTable>;
