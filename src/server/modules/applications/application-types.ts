import type { FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { ErrorCode } from "../../../shared/errors";
import type { WorkflowDefinition } from "../../../shared/workflow-definition";
import type { Actor, RequestContext } from "../../actor";
import type { UnitOfWork } from "../../db/store";
import type { PrefillService } from "../sharing";
import type { SharingService } from "../sharing";
import type { ApplicationRepository } from "./application.repository";

export interface MaterialRef {
  /** The guide's material key, or `field:<key>` for a form attachment field (filled in from the form). */
  materialKey: string;
  fileId: string;
}

/** An application as read with its workflow definition. */
export type ApplicationRow = NonNullable<Awaited<ReturnType<ApplicationRepository["findById"]>>>;

/** Told of every new application, in its transaction (秒批 decides here); true when it decided the application. */
export type SubmissionListener = (unit: UnitOfWork, actor: Actor, app: { id: string; itemId: string; personId: string | null; enterpriseId: string | null; formData: FormValues; authoritativeFields: string[]; autoRule: boolean }, ctx: RequestContext) => Promise<boolean>;
/** An application as a state-entry listener sees it (its answers opened only when asked for). */
export interface EnteredApplication {
  id: string;
  number: string;
  itemId: string;
  versionId: string;
  workflow: WorkflowDefinition;
  formData: () => FormValues;
  applicantAccountId: string | null;
  personId: string | null;
  enterpriseId: string | null;
  applicantName: string;
  handlingOrgId: string;
  regionCode: string;
}
/** Told, in the transaction of the change, that an application entered a state (on submission: its start state). */
export type EnteredListener = (unit: UnitOfWork, actor: Actor, app: EnteredApplication, state: string, ctx: RequestContext) => Promise<void>;
/** Asked before an application moves to `to`: the code of the reason it must wait (an unpaid fee), or null. */
export type ActionGate = (unit: UnitOfWork, applicationId: string, workflow: WorkflowDefinition, to: string) => Promise<ErrorCode | null>;
/** What a decision carries besides its outcome: the certificate's data a department system gives on approval. */
export interface DecisionExtras {
  certificateData?: Record<string, string> | undefined;
}
/** Told, in the deciding transaction, that an application reached its outcome (approved, denied, rejected, withdrawn). */
export type DecisionListener = (unit: UnitOfWork, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext, extras?: DecisionExtras) => Promise<void>;
/**
 * Asked, in the action's transaction, whether this actor may take this action on this application (an item
 * handled in a department's own system is acted on by that system only): the code of the refusal, or null.
 */
export type ActionCheck = (unit: UnitOfWork, check: { actor: Actor; app: ApplicationRow; action: string; isApplicant: boolean; certificateData: boolean }) => Promise<ErrorCode | null>;

export interface InboxFilter {
  states: string[] | null;
  /** Past the committed deadline and unfinished (已超期). */
  overdue: boolean;
  /** Unfinished with at most one working day left before the committed deadline (即将到期). */
  dueSoon: boolean;
  /** "me": claimed by the caller; "none": not claimed by anyone. */
  assigned: "me" | "none" | null;
  /** An application number (or its start), or part of the applicant's name. */
  q: string | null;
  itemId: string | null;
  channel: string | null;
  /** One department of the subtree (a supervisor's filter). */
  orgId: string | null;
}

/** Who applies, and through which channel (a window clerk applies for a walk-in person). */
export interface Applicant {
  channel: "online" | "window";
  applicantAccountId: string | null;
  applicantPersonId: string | null;
  applicantName: string;
  acceptingOrgId: string | null;
  /** The enterprise applied for, when not the actor's (a 一件事 starting a later item). */
  enterpriseId?: string | null;
}

export interface SubmitInput {
  itemId: string;
  formData: FormValues;
  materials?: MaterialRef[];
  /** The consented prefill the form was filled from (授权预填). */
  prefillId?: string;
  /** The applicant agrees that data and certificates the government holds stand in for materials (免提交). */
  dataConsent?: boolean;
  /** 告知承诺: the applicant promises to meet the conditions and supply what is missing (where the guide allows it). */
  promise?: true;
  /** The instant the generated documents are dated (a co-signed submission: when the signers were asked); never from a request body. */
  documentsAt?: Date;
  /** The signing request every person the form names has signed (多方在线签署); never from a request body. */
  coSigned?: string;
}

/** Once-only data: the sharing service and consented prefills (absent in tests of the workflow alone). */
export interface OnceOnly {
  sharing: SharingService;
  prefills: PrefillService;
}

/** The built-in action for parallel sign-off (会签) in a state that declares `parallel`. */
export const COUNTERSIGN = "countersign";

/**
 * 系统生成材料 (kept by the generated-documents module): records the generated materials an item declares
 * as owed by a new application, inside its submitting transaction (rendered and sealed after the commit);
 * returns how many.
 */
export interface DocumentProducer {
  owe(unit: UnitOfWork, app: { id: string; regionCode: string }, content: ItemContent, documentsAt: Date): Promise<number>;
}

/**
 * 多方在线签署 (kept by the signing module): refuses an online submission whose form names other people
 * who must sign its generated documents first (SIGNATURES_REQUIRED, naming them).
 */
export type CoSignerCheck = (unit: UnitOfWork, content: ItemContent, values: FormValues, applicantPersonId: string | null) => Promise<void>;

/** The optional parts of submission: generated documents and the co-signers' check. */
export interface SubmissionParts {
  documents?: DocumentProducer;
  coSigners?: CoSignerCheck;
}
