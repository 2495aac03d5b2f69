import { missingMaterials } from "../../../shared/required-materials";
import { createHash } from "node:crypto";
import { chinaDateTime } from "../../../shared/china-time";
import { errorMessage } from "../../../shared/errors";
import { validateFormValues, type FormValues } from "../../../shared/form-values";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import type { AccountRepository } from "../identity";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { PersonRepository } from "../registry";
import { otherSigners, type SignerRole } from "./co-signers";
import type { SigningRepository } from "./signing.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; audit: AuditRepository; catalogue: CatalogueRepository; persons: PersonRepository; signing: SigningRepository } & DirectMessageRepos;

/** How long the people named have to sign, and how often they are reminded. */
export const SIGNING_DAYS = 7;
const REMIND_EVERY_MS = 24 * 3600_000;
const REMIND_AGAIN_AFTER_MS = 10 * 60_000;

/** A submission waiting for signatures: an item's (the body of POST /applications) or a 一件事's. */
export type SigningPayload = { kind: "item"; application: { itemId: string; formData: FormValues; materials?: Array<{ materialKey: string; fileId: string }>; dataConsent?: boolean } } | { kind: "bundle"; bundleCode: string; application: { answers: Record<string, string | string[]>; formData: FormValues; dataConsent: boolean; delivery: "electronic" | "window"; regionCode?: string } };

/** What the signing service needs of the modules it submits through. */
export interface SigningPorts {
  /** The published content of an item version. */
  contentOf(versionId: string): Promise<ItemContent>;
  /** Renders an item's generated documents as they will be sealed (same answers and instant, same bytes). */
  render(unit: UnitOfWork, content: ItemContent, values: FormValues, applicantName: string, createdAt: Date): Promise<Array<{ materialKey: string; fileName: string; body: Uint8Array }>>;
  /** A 一件事's first items with their own answers, checked like a submission. */
  startingItems(code: string, body: { answers: Record<string, string | string[]>; formData: FormValues; regionCode?: string }): Promise<{ name: string; regionCode: string; items: Array<{ key: string; content: ItemContent; values: FormValues }> }>;
  /** Submits as the applicant once everyone has signed (the key makes a repeated completion safe). */
  submitItem(actor: Actor, input: SigningPayload & { kind: "item" }, coSigned: { requestId: string; documentsAt: Date }, key: string, ctx: RequestContext): Promise<{ id: string; number: string }>;
  submitBundle(actor: Actor, input: SigningPayload & { kind: "bundle" }, coSigned: { requestId: string; documentsAt: Date }, key: string, ctx: RequestContext): Promise<{ id: string; number: string }>;
}

interface Target {
  key: string;
  content: ItemContent;
  values: FormValues;
}

const STATUS_NAMES = { collecting: "待签署", submitted: "已全部签署并提交", refused: "已拒签", expired: "已过期", failed: "未能提交" } as const;
const SIGNATURE_NAMES = { pending: "待签署", signed: "已签署", refused: "已拒签", closed: "未签署" } as const;
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const enterpriseName = (targets: Target[]) => {
  for (const t of targets) {
    const f = t.content.form.fields.find((x) => x.dataElement === "enterprise.name");
    if (f && typeof t.values[f.key] === "string") return t.values[f.key] as string;
  }
  return null;
};

/**
 * 多方在线签署: a submission whose form names other people who sign its generated documents (other
 * shareholders, a legal representative who is not the applicant) waits for each of them. Each is found
 * by ID number in the registry with a real-name account, told by message, sees the documents and signs
 * in their own session — a signature per person: who, which documents (SHA-256), when, how
 * authenticated. When the last signs, the platform submits as the applicant, the documents sealed
 * byte for byte as signed; one refusal stops it with the reason; past the deadline it expires.
 * Reminders: by the applicant, and daily by the platform. Raises: NO_SIGNATURES_NEEDED,
 * SIGNER_NOT_REGISTERED, SIGNER_NAME_MISMATCH, SIGNING_NOT_FOUND, SIGNING_CLOSED,
 * SIGNING_DOCUMENTS_CHANGED, SIGNING_REMIND_TOO_SOON, FORM_DATA_INVALID, ITEM_NOT_FOUND, FORBIDDEN.
 */
export class SigningService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly ports: SigningPorts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The items a payload starts with, their answers checked; the title and region of the request. */
  private async targets(payload: SigningPayload, applicantName: string): Promise<{ title: string; regionCode: string; targets: Target[] }> {
    if (payload.kind === "bundle") {
      const s = await this.ports.startingItems(payload.bundleCode, payload.application);
      return { title: `${s.name}：${enterpriseName(s.items) ?? applicantName}`, regionCode: s.regionCode, targets: s.items };
    }
    const item = await this.store.repos.catalogue.findApplicable(payload.application.itemId);
    if (!item?.version_id) throw new DomainError("ITEM_NOT_FOUND");
    const content = await this.ports.contentOf(item.version_id);
    const problems = validateFormValues(content.form.fields, payload.application.formData);
    if (problems.length) throw new DomainError("FORM_DATA_INVALID", { issues: problems.map((p) => ({ path: p.path.join("."), message: p.message })) });
    // Nobody is asked to sign what would then be refused for a missing material: what is neither uploaded nor (with
    // consent) replaceable by the government's data is named now; the submission checks again what was shared.
    const { materials, dataConsent } = payload.application;
    const shareable = dataConsent ? content.guide.materials.filter((m) => m.replaceableBy).map((m) => m.key) : [];
    const missing = missingMaterials(content.guide.materials, new Set((materials ?? []).map((m) => m.materialKey)), new Set(shareable));
    if (missing.length) throw new DomainError("MATERIALS_MISSING", { materials: missing.map((m) => ({ key: m.key, name: m.name })), promiseAllowed: false });
    const targets = [{ key: "item", content, values: payload.application.formData }];
    return { title: `${content.name}：${enterpriseName(targets) ?? applicantName}`, regionCode: item.region_code, targets };
  }

  private async documentsOf(targets: Target[], applicantName: string, at: Date) {
    const out: Array<{ key: string; itemKey: string; materialKey: string; name: string; fileName: string; body: Uint8Array }> = [];
    for (const t of targets) {
      for (const d of await this.ports.render(this.store.repos, t.content, t.values, applicantName, at)) {
        const name = t.content.guide.materials.find((m) => m.key === d.materialKey)?.name ?? d.fileName;
        out.push({ key: `${t.key}.${d.materialKey}`, itemKey: t.key, materialKey: d.materialKey, name, fileName: d.fileName, body: d.body });
      }
    }
    return out;
  }

  /** Starts a signing request for a submission that names others who must sign; they are told at once. */
  async start(actor: Actor, payload: SigningPayload, ctx: RequestContext) {
    if (actor.kind !== "citizen" || actor.actingFor || !actor.personId) throw new DomainError("FORBIDDEN");
    const { title, regionCode, targets } = await this.targets(payload, actor.name);
    const signers = new Map<string, Awaited<ReturnType<typeof otherSigners>>[number]>();
    for (const t of targets) {
      for (const s of await otherSigners(this.store.repos, this.cipher, t.content, t.values, actor.personId)) {
        const known = signers.get(s.personId);
        if (known) known.roles = [...new Set([...known.roles, ...s.roles])];
        else signers.set(s.personId, s);
      }
    }
    if (!signers.size) throw new DomainError("NO_SIGNATURES_NEEDED");
    const at = this.now();
    const documents = (await this.documentsOf(targets, actor.name, at)).map((d) => ({ key: d.key, itemKey: d.itemKey, materialKey: d.materialKey, name: d.name, sha256: sha256(d.body) }));
    const deadline = new Date(at.getTime() + SIGNING_DAYS * 86_400_000);
    const id = await this.store.transact(async (repos) => {
      const request = await repos.signing.insertRequest({
        kind: payload.kind,
        target: payload.kind === "item" ? payload.application.itemId : payload.bundleCode,
        title,
        payload_enc: this.cipher.encrypt(JSON.stringify(payload)),
        applicant_account_id: actor.accountId,
        applicant_person_id: actor.personId,
        applicant_name: actor.name,
        status: "collecting",
        documents: JSON.stringify(documents),
        documents_at: at,
        deadline,
        region_code: regionCode,
      });
      const hashes = documents.map((d) => d.sha256);
      await repos.signing.insertSignature({ request_id: request.id, person_id: actor.personId!, account_id: actor.accountId, name: actor.name, roles: ["applicant"], status: "signed", documents: hashes, auth: authOf(ctx, "发起人"), signed_at: at });
      for (const s of signers.values()) await repos.signing.insertSignature({ request_id: request.id, person_id: s.personId, account_id: s.accountId, name: s.registryName, roles: s.roles, status: "pending" });
      await repos.audit.append(actor, ctx, { action: "signing.start", targetType: "signing_request", targetId: request.id, regionCode, details: { title, signers: [...signers.values()].map((s) => s.registryName), documents: documents.map((d) => ({ key: d.key, sha256: d.sha256 })) } });
      await sendDirect(repos, [...signers.values()].map((s) => askToSign(s.accountId, request.id, title, actor.name, deadline, false)), regionCode);
      return request.id;
    });
    return this.view(actor, id);
  }

  /** The request as its applicant or one of its signers sees it; anyone else: SIGNING_NOT_FOUND. */
  async view(actor: Actor, id: string) {
    const { request, signatures } = await this.readable(actor, id);
    const mine = signatures.find((s) => s.account_id === actor.accountId && !(s.roles as string[]).includes("applicant"));
    return {
      id: request.id,
      title: request.title,
      kind: request.kind,
      status: request.status,
      statusName: STATUS_NAMES[request.status],
      applicantName: request.applicant_name,
      isApplicant: request.applicant_account_id === actor.accountId,
      createdAt: request.created_at.toISOString(),
      deadline: request.deadline.toISOString(),
      reason: request.reason,
      result: request.result_id ? { id: request.result_id, number: request.result_number ?? "", link: request.kind === "bundle" ? `/me/bundles/${request.result_id}` : `/me/applications/${request.result_id}` } : null,
      documents: (request.documents as Array<{ key: string; name: string; sha256: string }>).map((d) => ({ key: d.key, name: d.name, sha256: d.sha256 })),
      signers: signatures.map((s) => ({
        name: s.name,
        roles: s.roles as Array<SignerRole | "applicant">,
        status: s.status,
        statusName: SIGNATURE_NAMES[s.status],
        signedAt: s.signed_at ? s.signed_at.toISOString() : null,
        reason: s.reason,
      })),
      mine: mine ? { status: mine.status, roles: mine.roles as SignerRole[] } : null,
      remindedAt: request.reminded_at ? request.reminded_at.toISOString() : null,
    };
  }

  private async readable(actor: Actor, id: string) {
    const request = /^[0-9a-f-]{36}$/.test(id) ? await this.store.repos.signing.findRequest(id) : undefined;
    if (!request) throw new DomainError("SIGNING_NOT_FOUND");
    const signatures = await this.store.repos.signing.listSignatures(id);
    if (request.applicant_account_id !== actor.accountId && !signatures.some((s) => s.account_id === actor.accountId)) throw new DomainError("SIGNING_NOT_FOUND");
    return { request, signatures };
  }

  /** One document to sign, rendered again and checked against the hash the signers are shown. */
  async document(actor: Actor, id: string, key: string) {
    const { request } = await this.readable(actor, id);
    const wanted = (request.documents as Array<{ key: string; sha256: string }>).find((d) => d.key === key);
    if (!wanted) throw new DomainError("FILE_NOT_FOUND");
    const payload = JSON.parse(this.cipher.decrypt(request.payload_enc)) as SigningPayload;
    const { targets } = await this.targets(payload, request.applicant_name);
    const doc = (await this.documentsOf(targets.filter((t) => key.startsWith(`${t.key}.`)), request.applicant_name, request.documents_at)).find((d) => d.key === key);
    if (!doc || sha256(doc.body) !== wanted.sha256) throw new DomainError("SIGNING_DOCUMENTS_CHANGED");
    return { fileName: doc.fileName, body: doc.body, sha256: wanted.sha256 };
  }

  /** The signer confirms the documents by their hashes and signs in their own session; the last signature submits. */
  async sign(actor: Actor, id: string, confirmed: string[], ctx: RequestContext) {
    const complete = await this.store.transact(async (repos) => {
      const request = await repos.signing.findRequestForUpdate(id);
      const signatures = request ? await repos.signing.listSignatures(id) : [];
      const mine = signatures.find((s) => s.account_id === actor.accountId && s.status === "pending");
      if (!request || !signatures.some((s) => s.account_id === actor.accountId)) throw new DomainError("SIGNING_NOT_FOUND");
      if (request.status !== "collecting" || !mine || request.deadline < this.now()) throw new DomainError("SIGNING_CLOSED");
      const hashes = (request.documents as Array<{ sha256: string }>).map((d) => d.sha256);
      if (confirmed.length !== hashes.length || !hashes.every((h) => confirmed.includes(h))) throw new DomainError("SIGNING_DOCUMENTS_CHANGED");
      await repos.signing.sign(id, actor.accountId, hashes, authOf(ctx, "签署人"), this.now());
      await repos.audit.append(actor, ctx, { action: "signing.sign", targetType: "signing_request", targetId: id, regionCode: request.region_code, ...(actor.personId ? { subjectPersonId: actor.personId } : {}), details: { title: request.title, documents: hashes } });
      return signatures.every((s) => s.status === "signed" || s.id === mine.id);
    });
    if (complete) await this.complete(id);
    return this.view(actor, id);
  }

  /** A signer refuses with a reason: the request stops and the applicant is told why. */
  async refuse(actor: Actor, id: string, reason: string, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const request = await repos.signing.findRequestForUpdate(id);
      const signatures = request ? await repos.signing.listSignatures(id) : [];
      if (!request || !signatures.some((s) => s.account_id === actor.accountId)) throw new DomainError("SIGNING_NOT_FOUND");
      if (request.status !== "collecting" || !signatures.some((s) => s.account_id === actor.accountId && s.status === "pending")) throw new DomainError("SIGNING_CLOSED");
      const at = this.now();
      await repos.signing.refuse(id, actor.accountId, reason, at);
      await repos.signing.closePending(id);
      await repos.signing.setStatus(id, "refused", { reason: `${actor.name}拒绝签署：${reason}` });
      await repos.audit.append(actor, ctx, { action: "signing.refuse", targetType: "signing_request", targetId: id, regionCode: request.region_code, details: { title: request.title, reason } });
      await sendDirect(repos, [{ accountId: request.applicant_account_id, kind: "signing", title: "签署被拒绝，申请未提交", body: `“${request.title}”中，${actor.name}拒绝签署，理由：${reason}。申请未提交，您可以修改后重新发起。`, titleEn: "Signature refused; nothing was submitted", bodyEn: `In “${request.title}”, ${actor.name} refused to sign. Reason: ${reason}. Nothing was submitted; you may change it and start again.`, link: `/me/signing/${id}`, external: true }], request.region_code);
    });
    return this.view(actor, id);
  }

  /** The applicant reminds everyone who has not signed yet (not twice within ten minutes). */
  async remind(actor: Actor, id: string, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const request = await repos.signing.findRequestForUpdate(id);
      if (!request || request.applicant_account_id !== actor.accountId) throw new DomainError("SIGNING_NOT_FOUND");
      if (request.status !== "collecting") throw new DomainError("SIGNING_CLOSED");
      if (request.reminded_at && this.now().getTime() - request.reminded_at.getTime() < REMIND_AGAIN_AFTER_MS) throw new DomainError("SIGNING_REMIND_TOO_SOON");
      const reminded = await this.remindPending(repos, request);
      await repos.audit.append(actor, ctx, { action: "signing.remind", targetType: "signing_request", targetId: id, regionCode: request.region_code, details: { reminded } });
    });
    return this.view(actor, id);
  }

  private async remindPending(repos: Repos, request: { id: string; title: string; applicant_name: string; deadline: Date; region_code: string }) {
    const pending = (await repos.signing.listSignatures(request.id)).filter((s) => s.status === "pending");
    await sendDirect(repos, pending.map((s) => askToSign(s.account_id, request.id, request.title, request.applicant_name, request.deadline, true)), request.region_code);
    await repos.signing.setReminded(request.id, this.now());
    return pending.map((s) => s.name);
  }

  /**
   * Everyone has signed: the documents are made again and must be the ones signed, byte for byte;
   * then the platform submits as the applicant. Safe to repeat (the submission's key is the request's).
   */
  async complete(id: string) {
    const request = await this.store.repos.signing.findRequest(id);
    if (!request || request.status !== "collecting") return;
    const signatures = await this.store.repos.signing.listSignatures(id);
    if (!signatures.every((s) => s.status === "signed")) return;
    const account = await this.store.repos.accounts.findById(request.applicant_account_id);
    const applicant: Actor = { accountId: request.applicant_account_id, kind: "citizen", name: request.applicant_name, personId: request.applicant_person_id, orgId: null, orgPath: null, governmentPath: null, regionCode: account?.region_code ?? request.region_code, roles: [], actingFor: null };
    const ctx: RequestContext = { requestId: null, ip: null, userAgent: null };
    const payload = JSON.parse(this.cipher.decrypt(request.payload_enc)) as SigningPayload;
    const fail = async (reason: string) =>
      this.store.transact(async (repos) => {
        await repos.signing.setStatus(id, "failed", { reason });
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "signing.fail", targetType: "signing_request", targetId: id, regionCode: request.region_code, details: { title: request.title, reason } });
        await sendDirect(repos, [{ accountId: request.applicant_account_id, kind: "signing", title: "签署已完成，但申请未能提交", body: `“${request.title}”：${reason}。请修改后重新发起。`, titleEn: "Signed, but not submitted", bodyEn: `“${request.title}”: ${reason}. Please change it and start again.`, link: `/me/signing/${id}`, external: true }], request.region_code);
      });
    try {
      const { targets } = await this.targets(payload, request.applicant_name);
      const made = await this.documentsOf(targets, request.applicant_name, request.documents_at);
      const signed = request.documents as Array<{ key: string; sha256: string }>;
      if (made.length !== signed.length || !made.every((d) => signed.some((s) => s.key === d.key && s.sha256 === sha256(d.body)))) return await fail("办事指南或申请表已更新，生成的材料与各方签署的不一致");
      const coSigned = { requestId: id, documentsAt: request.documents_at };
      const result = payload.kind === "item" ? await this.ports.submitItem(applicant, payload, coSigned, `signing-${id}`, ctx) : await this.ports.submitBundle(applicant, payload, coSigned, `signing-${id}`, ctx);
      await this.store.transact(async (repos) => {
        await repos.signing.setStatus(id, "submitted", { result_id: result.id, result_number: result.number });
        await repos.audit.append(applicant, ctx, { action: "signing.submit", targetType: "signing_request", targetId: id, regionCode: request.region_code, details: { title: request.title, number: result.number } });
        const link = payload.kind === "bundle" ? `/me/bundles/${result.id}` : `/me/applications/${result.id}`;
        await sendDirect(repos, [{ accountId: request.applicant_account_id, kind: "signing", title: "各方已签署，申请已提交", body: `“${request.title}”已由全部股东和有关人员在线签署，申请已提交（编号 ${result.number}）。`, titleEn: "Everyone has signed; submitted", bodyEn: `Everyone named in “${request.title}” has signed online, and it has been submitted (number ${result.number}).`, link, external: true }], request.region_code);
      });
    } catch (err) {
      if (err instanceof DomainError) return fail(errorMessage(err.code, "zh").replace(/[。.]$/, ""));
      throw err;
    }
  }

  /** The daily round: expire what is past its deadline, finish what is fully signed, remind the rest once a day. */
  async sweep(): Promise<{ expired: number; reminded: number; completed: number }> {
    const counts = { expired: 0, reminded: 0, completed: 0 };
    const now = this.now();
    for (const r of await this.store.repos.signing.listOpen(500)) {
      const signatures = await this.store.repos.signing.listSignatures(r.id);
      if (signatures.every((s) => s.status === "signed")) {
        await this.complete(r.id);
        counts.completed++;
      } else if (r.deadline < now) {
        await this.store.transact(async (repos) => {
          await repos.signing.closePending(r.id);
          await repos.signing.setStatus(r.id, "expired", { reason: `超过签署期限（${chinaDateTime(r.deadline)}）仍有人未签署` });
          await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "signing.expire", targetType: "signing_request", targetId: r.id, regionCode: r.region_code, details: { title: r.title, deadline: r.deadline.toISOString() } });
          await sendDirect(repos, [{ accountId: r.applicant_account_id, kind: "signing", title: "签署已过期，申请未提交", body: `“${r.title}”超过签署期限仍有人未签署，申请未提交。您可以重新发起。`, titleEn: "Signing expired; nothing was submitted", bodyEn: `Not everyone signed “${r.title}” in time, so nothing was submitted. You may start again.`, link: `/me/signing/${r.id}`, external: true }], r.region_code);
        });
        counts.expired++;
      } else if (now.getTime() - (r.reminded_at ?? r.created_at).getTime() >= REMIND_EVERY_MS) {
        await this.store.transact(async (repos) => {
          const reminded = await this.remindPending(repos, r);
          await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "signing.remind", targetType: "signing_request", targetId: r.id, regionCode: r.region_code, details: { reminded, automatic: true } });
        });
        counts.reminded++;
      }
    }
    return counts;
  }

  /** The requests the actor made or is asked to sign. */
  async listMine(actor: Actor) {
    const rows = await this.store.repos.signing.listFor(actor.accountId, 50);
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, statusName: STATUS_NAMES[r.status], deadline: r.deadline.toISOString(), createdAt: r.created_at.toISOString(), isApplicant: r.applicant_account_id === actor.accountId, applicantName: r.applicant_name, myStatus: r.my_status ?? null }));
  }
}

/** How a signer was authenticated: their own real-name session, from where. */
function authOf(ctx: RequestContext, who: string): string {
  return `${who}本人实名账户登录会话${ctx.ip ? `（IP ${ctx.ip}）` : ""}`;
}

function askToSign(accountId: string, requestId: string, title: string, applicantName: string, deadline: Date, reminder: boolean) {
  const by = chinaDateTime(deadline);
  return {
    accountId,
    kind: "signing",
    title: `${reminder ? "提醒：" : ""}请在线签署“${title}”`,
    body: `${applicantName}发起的“${title}”需要您签署系统生成的材料。请登录后查看材料并签署，或说明理由拒签；请于 ${by} 前完成。`,
    titleEn: `${reminder ? "Reminder: " : ""}please sign “${title}” online`,
    bodyEn: `${applicantName} asks you to sign the generated documents of “${title}”. Log in to read them and sign, or refuse with a reason, by ${by}.`,
    link: `/me/signing/${requestId}`,
    external: true,
  };
}
