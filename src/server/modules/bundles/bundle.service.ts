import type { z } from "zod";
import { basicAccountOf, type BankAccountOpening, type BankAccountRepository, type EnterpriseRepository } from "../registry";
import type { GeneratedDocumentService } from "../generated-documents";
import type { SelfRole } from "../../../shared/self-roles";
import type { CounterRepository } from "../numbering";
import type { IdempotencyRepos } from "../idempotency";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import { openForm, sealForm } from "../../crypto/form-sealing";
import type { Store, UnitOfWork } from "../../db/store";
import type { ApplicationRepository } from "../applications";
import type { AuditRepository } from "../audit";
import type { BundleRepository } from "./bundle.repository";
import type { CatalogueRepository } from "../catalogue";
import type { CertificateRepository } from "../certificates";
import type { OrgRepository } from "../orgs";
import type { OutboxRepository } from "../outbox";
import { DomainError } from "../../domain-error";
import { IdempotencyService, type CompleteIdempotent } from "../idempotency";
import type { MergedForm } from "../../../shared/bundle-plan";
import type { FormValues } from "../../../shared/form-values";
import { validateFormValues } from "../../../shared/form-values";
import { bundleDefinition, type bundleApplicationView, type bundleSubmitRequest } from "../../../shared/schemas/bundle";
import { todayInChina, type WorkCalendar } from "../../../shared/working-days";
import type { ApplicationRow, ApplicationService } from "../applications";
import type { PrefillService } from "../sharing";
import type { PrefillResponse } from "../../../shared/schemas/data";
import type { Answers } from "../../../shared/bundle-plan";
import type { VersionContents } from "../catalogue";
import { type BundleCatalogue, DEFAULT_REGION, type Resolved } from "./bundle-catalogue";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { counters: CounterRepository; applications: ApplicationRepository; audit: AuditRepository; bankAccounts: BankAccountRepository; bundles: BundleRepository; catalogue: CatalogueRepository; certificates: CertificateRepository; enterprises: EnterpriseRepository; orgs: OrgRepository; outbox: OutboxRepository } & IdempotencyRepos;


type SubmitBody = z.output<typeof bundleSubmitRequest>;
/** A submission every person the form names has signed: the signing request, and when its documents were made. */
export interface CoSigned {
  requestId: string;
  documentsAt: Date;
}
type ApplicationView = z.infer<typeof bundleApplicationView>;


const STATUS_NAMES = { waiting: "等待前序事项办结", started: "办理中", stopped: "已停止" } as const;

/**
 * 一件事一次办: the bundle's questions decide which items apply; one merged form and one set of
 * materials; one submission creates the bundle application and every constituent item in one
 * transaction — items with nothing to wait for go straight into their departments' inboxes under
 * their own workflows, the others wait. When an item is approved, the items waiting only for it
 * start by themselves with its form answers and certificate flowing in; when one is denied, the
 * bundle's policy stops the items depending on it (with the reason) or lets them go on.
 * Raises: BUNDLE_NOT_FOUND, BUNDLE_ANSWERS_INVALID, BUNDLE_ITEM_UNAVAILABLE, FORM_DATA_INVALID,
 * IDEMPOTENCY_KEY_REUSED, FORBIDDEN.
 */
export class BundleService {
  private readonly contents: VersionContents;

  constructor(
    private readonly store: Store<Repos>,
    private readonly catalogue: BundleCatalogue,
    private readonly applications: ApplicationService,
    private readonly cipher: FieldCipher,
    private readonly now: () => Date,
    private readonly calendarOf: () => WorkCalendar,
    private readonly prefills: PrefillService | null = null,
    private readonly documents: Pick<GeneratedDocumentService, "previewOf"> | null = null,
    private readonly bank: BankAccountOpening | null = null,
    private readonly idempotency: IdempotencyService = new IdempotencyService(store),
  ) {
    this.contents = catalogue.contents;
    applications.onDecided((unit, actor, app, outcome, ctx) => this.childDecided(this.store.within(unit), actor, app, outcome, ctx));
  }

  /**
   * 授权预填 for the one form: with the applicant's consent, each included item is prefilled under its
   * own department's sharing rules (an item without a rule is left to the applicant), and the values
   * are laid onto the merged form's fields, each with its source; materials the evidence would satisfy.
   */
  async prefill(actor: Actor, code: string, answers: Answers, regionCode: string | undefined, ctx: RequestContext, selfRoles: readonly SelfRole[] = []) {
    if (actor.kind !== "citizen" || !this.prefills) throw new DomainError("FORBIDDEN");
    const { included, merged } = await this.catalogue.planFor(this.store.repos, code, answers, regionCode ?? DEFAULT_REGION);
    const byItem = new Map<string, PrefillResponse>();
    for (const r of included) {
      try {
        byItem.set(r.item.key, await this.prefills.prefill(actor, r.impl.id, ctx, selfRoles));
      } catch (err) {
        if (err instanceof DomainError && err.code === "SHARING_DENIED") continue;
        throw err;
      }
    }
    const fields = merged.fields.flatMap((m) => {
      for (const ref of m.answers) {
        const [itemKey, fieldKey] = ref.split(".") as [string, string];
        const hit = byItem.get(itemKey)?.fields.find((f) => f.key === fieldKey);
        if (hit) return [{ ...hit, key: m.field.key, label: m.field.label }];
        // A table's cells (本人担任 a shareholder fills the first row): each under the merged table's key.
        const cells = byItem.get(itemKey)?.fields.filter((f) => f.key.startsWith(`${fieldKey}.`)) ?? [];
        if (cells.length) return cells.map((c) => ({ ...c, key: `${m.field.key}${c.key.slice(fieldKey.length)}` }));
      }
      return [];
    });
    const waivable = merged.materials.flatMap((m) => {
      for (const ref of m.covers) {
        const [itemKey, materialKey] = ref.split(".") as [string, string];
        const w = byItem.get(itemKey)?.waivable.find((x) => x.materialKey === materialKey);
        if (w) return [{ materialKey: m.key, materialName: m.name, evidence: w.evidence }];
      }
      return [];
    });
    return { prefillIds: Object.fromEntries([...byItem].map(([k, p]) => [k, p.prefillId])), fields, waivable };
  }

  /**
   * 系统生成材料 of the one form, previewed before submitting (公司章程 …): the merged material's item
   * gets its own values from the one form, with what flows from an upstream item's answers (a later
   * item's company name) filled in as it will be. Raises: BUNDLE_NOT_FOUND, MATERIAL_NOT_GENERATED.
   */
  async previewDocument(actor: Actor, code: string, answers: Answers, regionCode: string | undefined, formData: FormValues, mergedKey: string) {
    const { included, merged } = await this.catalogue.planFor(this.store.repos, code, answers, regionCode ?? DEFAULT_REGION);
    const material = merged.materials.find((m) => m.key === mergedKey && m.material.generatedFrom);
    if (!material || !this.documents) throw new DomainError("MATERIAL_NOT_GENERATED");
    const [itemKey, materialKey] = material.covers[0]!.split(".") as [string, string];
    const values = childValues(merged, included, formData);
    const own = { ...values.get(itemKey)! };
    for (const [ref, upstream] of Object.entries(merged.flowed)) {
      const [item, field] = ref.split(".") as [string, string];
      const [from, fromField] = upstream.split(".") as [string, string];
      if (item === itemKey && own[field] === undefined && values.get(from)?.[fromField] !== undefined) own[field] = values.get(from)![fromField]!;
    }
    return this.documents.previewOf(included.find((r) => r.item.key === itemKey)!.content, materialKey, own, actor.actingFor?.name ?? actor.name);
  }

  /**
   * One submission: the answers and the merged form are checked against every item (each error once,
   * by the merged form's field); the bundle application and all its items are created in one
   * transaction. A retried idempotency key returns the same bundle application.
   */
  async submit(actor: Actor, body: SubmitBody & { bundleCode: string }, idempotencyKey: string | null, ctx: RequestContext, coSigned: CoSigned | null = null): Promise<ApplicationView> {
    if (actor.kind !== "citizen") throw new DomainError("FORBIDDEN");
    return this.idempotency.run(
      { accountId: actor.accountId, scope: `bundles.submit:${body.bundleCode}`, key: idempotencyKey, body },
      (complete) => this.submitOnce(actor, body, ctx, complete, coSigned),
      (id) => this.view(this.store.repos, id),
    );
  }

  /**
   * What a co-signed submission of the bundle starts with (多方在线签署): its first items, each with its
   * content and own answers, checked like a submission. Raises: BUNDLE_NOT_FOUND, FORM_DATA_INVALID.
   */
  async startingItems(code: string, body: Pick<SubmitBody, "answers" | "formData" | "regionCode">) {
    const regionCode = body.regionCode ?? DEFAULT_REGION;
    const { def, plan, included, merged } = await this.catalogue.planFor(this.store.repos, code, body.answers, regionCode);
    const values = childValues(merged, included, body.formData as FormValues);
    const issues = formIssues(merged, included, values, body.formData as FormValues);
    if (issues.length) throw new DomainError("FORM_DATA_INVALID", { issues });
    const starting = plan.items.filter((p) => p.included && p.waitsFor.length === 0);
    return { name: def.name, regionCode, items: starting.map((p) => ({ key: p.key, content: included.find((r) => r.item.key === p.key)!.content, values: values.get(p.key)! })) };
  }

  private async submitOnce(actor: Actor, body: SubmitBody & { bundleCode: string }, ctx: RequestContext, complete: CompleteIdempotent, coSigned: CoSigned | null): Promise<ApplicationView> {
    const regionCode = body.regionCode ?? DEFAULT_REGION;
    const id = await this.store.transact(async (repos) => {
      const { row, def, plan, included, merged } = await this.catalogue.planFor(repos, body.bundleCode, body.answers, regionCode);
      const values = childValues(merged, included, body.formData as FormValues);
      const issues = formIssues(merged, included, values, body.formData as FormValues);
      if (issues.length) throw new DomainError("FORM_DATA_INVALID", { issues });
      const uploads = childMaterials(merged, body.materials ?? []);

      const start = todayInChina(this.now());
      const seq = await repos.counters.next(`${regionCode}-YJS`, start);
      const number = `${regionCode}-YJS-${start.replaceAll("-", "")}-${String(seq).padStart(6, "0")}`;
      let deadline: string | null;
      try {
        deadline = this.calendarOf().deadline(start, def.limitDays);
      } catch {
        deadline = null; // beyond the configured calendar: shown as not yet computable
      }
      const bundleApp = await repos.bundles.insertApplication({
        number,
        bundle_id: row.id,
        definition: JSON.stringify(def),
        answers: JSON.stringify(body.answers),
        applicant_account_id: actor.accountId,
        applicant_person_id: actor.personId,
        acting_for_enterprise_id: actor.actingFor?.enterpriseId ?? null,
        applicant_name: actor.actingFor?.name ?? actor.name,
        region_code: regionCode,
        delivery: body.delivery,
        // 一窗发放: everything is collected at the district's service centre.
        delivery_org_id: body.delivery === "window" ? ((await repos.orgs.findByCode(`${regionCode}-SC`))?.id ?? null) : null,
        start_date: start,
        deadline,
        submitted_at: this.now(),
      });
      const who = { channel: "online" as const, applicantAccountId: actor.accountId, applicantPersonId: actor.personId, applicantName: actor.actingFor?.name ?? actor.name, acceptingOrgId: null };
      for (const [position, p] of plan.items.filter((x) => x.included).entries()) {
        const r = included.find((x) => x.item.key === p.key)!;
        const own = values.get(p.key)!;
        const prefillId = body.prefillIds?.[p.key];
        if (p.waitsFor.length === 0) {
          const receipt = await this.applications.createInTransaction(repos, actor, { itemId: r.impl.id, formData: own, dataConsent: body.dataConsent, materials: uploads.get(p.key) ?? [], ...(prefillId ? { prefillId } : {}), ...(coSigned ? { coSigned: coSigned.requestId, documentsAt: coSigned.documentsAt } : {}) }, who, ctx, { bundle: number, bundleItem: p.key });
          await repos.bundles.insertChild({ bundle_application_id: bundleApp.id, item_key: p.key, item_id: r.impl.id, position, status: "started", waits_for: JSON.stringify(p.waitsFor), application_id: receipt.id, form_data: "{}" });
        } else {
          // A later item's prefill is checked now (authoritative values unchanged); it starts after the prefill has expired.
          if (prefillId && this.prefills) {
            const later = new Set(Object.keys(merged.flowed).filter((ref) => ref.startsWith(`${p.key}.`)).map((ref) => ref.slice(p.key.length + 1)));
            await this.prefills.check(repos, actor, prefillId, r.impl.id, own, later);
          }
          await repos.bundles.insertChild({ bundle_application_id: bundleApp.id, item_key: p.key, item_id: r.impl.id, position, status: "waiting", waits_for: JSON.stringify(p.waitsFor), application_id: null, form_data: JSON.stringify({ values: sealForm(r.content.form.fields, own, this.cipher), consent: body.dataConsent, materials: uploads.get(p.key) ?? [] }) });
        }
      }
      await complete(repos, bundleApp.id);
      await repos.outbox.append("bundle.submitted", { bundleApplicationId: bundleApp.id, number }, regionCode);
      await repos.audit.append(actor, ctx, { action: "bundle.submit", targetType: "bundle_application", targetId: bundleApp.id, regionCode, details: { number, bundle: def.code, items: plan.items.filter((x) => x.included).map((x) => x.key), answers: body.answers } });
      return bundleApp.id;
    });
    return this.view(this.store.repos, id);
  }

  /** The applicant's bundle application: every item, its state, its certificates; 404 for anyone else. */
  async getForApplicant(actor: Actor, id: string): Promise<ApplicationView> {
    const row = await this.store.repos.bundles.findApplication(id);
    if (!row || row.applicant_account_id !== actor.accountId) throw new DomainError("BUNDLE_APPLICATION_NOT_FOUND");
    return this.view(this.store.repos, id);
  }

  async listMine(actor: Actor, limit: number, offset: number) {
    const rows = await this.store.repos.bundles.listForApplicant(actor.accountId, limit, offset);
    return Promise.all(rows.map((r) => this.view(this.store.repos, r.id)));
  }

  private async view(repos: Repos, id: string): Promise<ApplicationView> {
    const row = (await repos.bundles.findApplication(id))!;
    const def = bundleDefinition.parse(row.definition);
    const children = await repos.bundles.listChildren(id);
    const out = [];
    for (const c of children) {
      const content = c.version_id ? await this.contents.get(c.version_id, repos) : null;
      const certificates = c.application_id ? await repos.certificates.listForApplication(c.application_id) : [];
      const state = c.state ? (c.workflow as { states: Array<{ key: string; name: string; kind: string }> } | null)?.states.find((s) => s.key === c.state) : undefined;
      out.push({
        key: c.item_key,
        name: content?.name ?? c.item_key,
        orgName: c.org_name,
        status: c.status as "waiting" | "started" | "stopped",
        statusName: c.status === "started" ? (c.outcome ? outcomeName(c.outcome) : (state?.name ?? STATUS_NAMES.started)) : STATUS_NAMES[c.status as keyof typeof STATUS_NAMES],
        needsApplicant: state?.kind === "waiting_applicant",
        waitsFor: c.waits_for as string[],
        stoppedReason: c.stopped_reason,
        applicationId: c.application_id,
        number: c.number,
        state: c.state,
        outcome: c.outcome,
        committedDeadline: c.committed_deadline,
        certificates: certificates.filter((x) => x.status === "valid").map((x) => ({ identifier: x.identifier, typeName: (x.payload as { typeName: string }).typeName })),
      });
    }
    const state = bundleState(out);
    return {
      id: row.id,
      number: row.number,
      bundleCode: def.code,
      bundleName: def.name,
      state,
      stateName: { in_progress: "办理中", completed: "已全部办结", partly_completed: "部分办结", stopped: "已停止" }[state],
      submittedAt: row.submitted_at.toISOString(),
      deadline: row.deadline,
      delivery: row.delivery,
      deliveryOrgName: row.delivery_org_id ? ((await repos.orgs.findById(row.delivery_org_id))?.name ?? null) : null,
      children: out,
    };
  }

  /**
   * In the deciding transaction of an item that belongs to a bundle: on approval, every waiting item
   * whose upstream items are all approved starts — its form takes the upstream answers and certificate
   * fields it declares, the upstream certificate stands in for the material it is declared for; on a
   * denial (or rejection, or withdrawal) the items depending on it, directly or not, stop with the
   * reason when the bundle says so.
   */
  private async childDecided(repos: Repos, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext) {
    const found = await repos.bundles.childrenOfApplicationForUpdate(app.id);
    if (!found) return;
    const bundleApp = (await repos.bundles.findApplication(found.bundleApplicationId))!;
    const def = bundleDefinition.parse(bundleApp.definition);
    const me = found.children.find((c) => c.application_id === app.id)!;
    const outcomes = new Map<string, string | null>();
    for (const c of found.children) {
      if (c.application_id) outcomes.set(c.item_key, c.application_id === app.id ? outcome : ((await repos.applications.findById(c.application_id))?.outcome ?? null));
    }
    if (outcome !== "approved") {
      if (def.onDenial !== "stop_dependants") return;
      const name = (await this.contents.get(app.version_id, repos)).name;
      const reason = `前序事项“${name}”未获准予办理，本事项无法继续，已停止`;
      const stopped = new Set([me.item_key]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const c of found.children) {
          if (c.status === "waiting" && !stopped.has(c.item_key) && (c.waits_for as string[]).some((k) => stopped.has(k))) {
            stopped.add(c.item_key);
            grew = true;
            await repos.bundles.stopChild(found.bundleApplicationId, c.item_key, reason);
          }
        }
      }
      if (stopped.size > 1) {
        await repos.audit.append(actor, ctx, { action: "bundle.items_stop", targetType: "bundle_application", targetId: bundleApp.id, regionCode: bundleApp.region_code, details: { number: bundleApp.number, after: me.item_key, stopped: [...stopped].slice(1), reason } });
        await repos.outbox.append("bundle.stopped", { bundleApplicationId: bundleApp.id, number: bundleApp.number, item: me.item_key, itemName: name, stopped: [...stopped].slice(1), reason }, bundleApp.region_code);
      }
      return;
    }
    const applicant: Actor = { accountId: bundleApp.applicant_account_id ?? actor.accountId, kind: "citizen", name: bundleApp.applicant_name, personId: bundleApp.applicant_person_id, orgId: null, orgPath: null, governmentPath: null, regionCode: bundleApp.region_code, roles: [], actingFor: null };
    for (const c of found.children.filter((x) => x.status === "waiting")) {
      const waits = c.waits_for as string[];
      if (!waits.every((k) => outcomes.get(k) === "approved")) continue;
      const item = def.items.find((i) => i.key === c.item_key)!;
      const impl = await repos.catalogue.findApplicable(c.item_id);
      if (!impl?.version_id) {
        await repos.bundles.stopChild(found.bundleApplicationId, c.item_key, "该事项已停止办理，请联系牵头部门");
        continue;
      }
      const content = await this.contents.get(impl.version_id, repos);
      const stored = c.form_data as { values: Record<string, unknown>; consent: boolean; materials?: Array<{ materialKey: string; fileId: string }> };
      const values: FormValues = openForm(stored.values as never, this.cipher);
      const evidence: Array<{ materialKey: string; certificateId: string }> = [];
      // An item after the business licence is the new enterprise's: it applies for it.
      let enterpriseId = bundleApp.acting_for_enterprise_id;
      for (const dep of item.dependsOn.filter((d) => waits.includes(d.item))) {
        const upstream = found.children.find((x) => x.item_key === dep.item)!;
        const upApp = (await repos.applications.findById(upstream.application_id!))!;
        const upValues = openForm(upApp.form_data as never, this.cipher);
        const certs = (await repos.certificates.listForApplication(upApp.id)).filter((x) => x.status === "valid");
        const cert = certs[0];
        // 银行开户: the basic account the bank opens for the company the licence established, once it exists.
        const account = Object.values(dep.fields).some((f) => f.startsWith("bank.")) && cert?.holder_enterprise_id && this.bank ? await basicAccountOf(repos, this.bank, cert.holder_enterprise_id) : null;
        for (const [own, from] of Object.entries(dep.fields)) {
          const value = from.startsWith("cert.") ? (cert?.payload as { data?: Record<string, unknown> } | undefined)?.data?.[from.slice(5)] : from.startsWith("bank.") ? account?.[from.slice(5) as "accountNumber" | "bankName"] : upValues[from];
          if (value !== undefined && value !== null && value !== "") values[own] = value as FormValues[string];
        }
        if (dep.certificateAs && cert) evidence.push({ materialKey: dep.certificateAs, certificateId: cert.id });
        if (cert?.holder_enterprise_id) enterpriseId = cert.holder_enterprise_id;
      }
      const receipt = await this.applications.createInTransaction(repos, applicant, { itemId: c.item_id, formData: values, dataConsent: stored.consent, materials: stored.materials ?? [] }, { channel: "online", applicantAccountId: bundleApp.applicant_account_id, applicantPersonId: bundleApp.applicant_person_id, applicantName: bundleApp.applicant_name, acceptingOrgId: null, enterpriseId }, ctx, {
        bundle: bundleApp.number,
        bundleItem: c.item_key,
        startedAfter: waits,
      });
      // With consent the shared evidence may already stand in for the material; otherwise the upstream certificate does.
      await this.applications.attachEvidence(repos, receipt.id, evidence.filter((e) => content.guide.materials.some((m) => m.key === e.materialKey)));
      await repos.bundles.startChild(found.bundleApplicationId, c.item_key, receipt.id);
      await repos.outbox.append("bundle.item_started", { bundleApplicationId: bundleApp.id, number: bundleApp.number, item: c.item_key, applicationId: receipt.id }, bundleApp.region_code);
    }
  }
}

function outcomeName(outcome: string) {
  return ({ approved: "准予办结", denied: "不予办理", rejected: "不予受理", withdrawn: "已撤回" } as Record<string, string>)[outcome] ?? outcome;
}

/** The bundle's state, derived from its items. */
function bundleState(children: Array<{ status: string; outcome: string | null }>): ApplicationView["state"] {
  if (children.some((c) => c.status === "waiting" || (c.status === "started" && !c.outcome))) return "in_progress";
  if (children.every((c) => c.outcome === "approved")) return "completed";
  if (children.some((c) => c.outcome === "approved")) return "partly_completed";
  return "stopped";
}

/**
 * The bundle's uploads as each item's materials: a merged material's file goes to the first item it
 * stands for (a file belongs to one application). A key the plan does not have: MATERIAL_INVALID.
 */
function childMaterials(merged: MergedForm, uploads: Array<{ materialKey: string; fileId: string }>): Map<string, Array<{ materialKey: string; fileId: string }>> {
  const out = new Map<string, Array<{ materialKey: string; fileId: string }>>();
  const problems: Array<{ path: string; message: string }> = [];
  uploads.forEach((u, i) => {
    const m = merged.materials.find((x) => x.key === u.materialKey);
    if (!m) return void problems.push({ path: `materials.${i}.materialKey`, message: `本一件事没有“${u.materialKey}”这项材料` });
    const [itemKey, materialKey] = m.covers[0]!.split(".") as [string, string];
    out.set(itemKey, [...(out.get(itemKey) ?? []), { materialKey, fileId: u.fileId }]);
  });
  if (problems.length) throw new DomainError("MATERIAL_INVALID", { issues: problems });
  return out;
}

/** Each included item's own form values, taken from the merged form. */
function childValues(merged: MergedForm, included: Resolved[], formData: FormValues): Map<string, FormValues> {
  const out = new Map<string, FormValues>(included.map((r) => [r.item.key, {}]));
  for (const m of merged.fields) {
    const value = formData[m.field.key];
    if (value === undefined) continue;
    for (const ref of m.answers) {
      const [itemKey, fieldKey] = ref.split(".") as [string, string];
      out.get(itemKey)![fieldKey] = value;
    }
  }
  return out;
}

/**
 * Problems of the merged form: fields it does not have, and every item's own validation (without the
 * fields an upstream item will provide), each named once by the merged form's field.
 */
function formIssues(merged: MergedForm, included: Resolved[], values: Map<string, FormValues>, formData: FormValues) {
  const issues = new Map<string, string>();
  const known = new Set(merged.fields.map((m) => m.field.key));
  for (const k of Object.keys(formData)) if (!known.has(k)) issues.set(k, "申请表中没有此项");
  for (const r of included) {
    const fields = r.content.form.fields.filter((f) => !merged.flowed[`${r.item.key}.${f.key}`]);
    for (const p of validateFormValues(fields, values.get(r.item.key)!)) {
      const [fieldKey, ...rest] = p.path.map(String);
      const m = merged.fields.find((x) => x.answers.includes(`${r.item.key}.${fieldKey}`));
      const path = [m?.field.key ?? fieldKey, ...rest].join(".");
      if (!issues.has(path)) issues.set(path, p.message);
    }
  }
  return [...issues].map(([path, message]) => ({ path, message }));
}
