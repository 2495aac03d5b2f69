import { randomInt } from "node:crypto";
import { chinaDateTime } from "../../../shared/china-time";
import { formatYuan } from "../../../shared/fees";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { DeliveryView } from "../../../shared/schemas/delivery";
import { addressProblem, maskAddress } from "../../../shared/validation/address";
import { todayInChina } from "../../../shared/working-days";
import { SHIPMENT_COURSE, SHIPMENT_STATUSES, type ShipmentStatus } from "../../../simulators/post/sdk";
import { SYSTEM_ACTOR, SYSTEM_CONTEXT, type Actor, type RequestContext } from "../../actor";
import { within } from "../../access/scope";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { ApplicationRepository, ApplicationRow, ApplicationService, EnteredApplication } from "../applications";
import type { AuditRepository } from "../audit";
import type { VersionContents } from "../catalogue";
import type { CounterRepository } from "../numbering";
import { sendDirect, type DirectMessageRepos } from "../notifications";
import type { PersonRepository } from "../registry";
import type { Carrier } from "./carrier";
import type { DeliveryRepository, DeliveryRow } from "./delivery.repository";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { deliveries: DeliveryRepository; applications: ApplicationRepository; persons: PersonRepository; audit: AuditRepository; counters: CounterRepository } & DirectMessageRepos;

export type DeliveryMethod = "electronic" | "window" | "post";

export const DELIVERY_STATUS: Record<string, string> = {
  chosen: "已选择",
  to_book: "待寄出",
  ...Object.fromEntries(Object.entries(SHIPMENT_STATUSES).map(([k, v]) => [k, v.zh])),
  created: "已寄出",
  ready: "待领取",
  handed_over: "已领取",
  electronic: "电子证照已发放",
  cancelled: "已取消",
};
export const METHOD_NAMES: Record<DeliveryMethod, string> = { electronic: "仅电子证照（不领取纸质结果）", window: "窗口领取", post: "邮寄送达" };

/** What postage costs, and charges it: the payments module's, wired at the root. */
export type PostageCharger = (unit: UnitOfWork, actor: Actor, app: { id: string; number: string; handlingOrgId: string; regionCode: string; applicantAccountId: string | null; personId: string | null; enterpriseId: string | null; applicantName: string; itemName: string }, feeFen: number, ctx: RequestContext) => Promise<void>;
/** Whether postage is still owed (booking waits for it). */
export type PostageOwed = (unit: UnitOfWork, applicationId: string) => Promise<boolean>;

/** Whether a carrier status moves a delivery on from `current` (never back; nothing after 签收, a return, or the centre). */
function movesOn(current: string, next: ShipmentStatus): boolean {
  const at = SHIPMENT_COURSE.indexOf(current as ShipmentStatus);
  if (at < 0) return false; // delivered, returned, ready, handed over
  return next === "returned" ? true : SHIPMENT_COURSE.indexOf(next) > at;
}
/** Events in the order they happened (the carrier's time; steps of one instant in their course order). */
const ORDER = ["chosen", "to_book", ...SHIPMENT_COURSE, "returned", "ready", "electronic", "handed_over", "cancelled"];

const FORM_METHOD: Record<string, DeliveryMethod> = { post: "post", pickup: "window", window: "window", electronic: "electronic" };

/**
 * 统一物流: the applicant chooses how the result reaches them — electronic only, collected at the
 * service centre with a pick-up code, or posted to an address (free, or the item's postage paid first)
 * — on submission (a form's own 领取方式 answer) or later until issuance; on approval a posted result is
 * booked with the carrier outside any transaction and followed by its signed status notifications
 * (applied once), shown on the application and in messages; a returned parcel waits at the centre with
 * a pick-up code; the window hands a result over to the applicant or a recorded delegate. Materials
 * with originals can be collected from the applicant's door (上门取件).
 * Raises: DELIVERY_NOT_FOUND, DELIVERY_METHOD_UNAVAILABLE, DELIVERY_LOCKED, DELIVERY_ADDRESS_INVALID,
 * PICKUP_CODE_WRONG, COLLECTOR_REQUIRED, CARRIER_UNAVAILABLE, DELIVERY_NOTIFICATION_INVALID, FORBIDDEN.
 */
export class DeliveryService {
  private booking: Promise<unknown> | null = null;
  private again = false;

  constructor(
    private readonly store: Store<Repos>,
    private readonly carrier: Carrier,
    private readonly cipher: FieldCipher,
    private readonly contents: VersionContents,
    applications: ApplicationService,
    private readonly postage: { charge: PostageCharger; owed: PostageOwed },
    private readonly now: () => Date,
  ) {
    applications.onEntered((unit, actor, app, state, ctx) => this.entered(unit, actor, app, state, ctx));
    applications.onDecided((unit, actor, app, outcome, ctx) => this.decided(unit, actor, app, outcome, ctx));
  }

  /** On submission: a form that asks 领取方式 (and the address) has chosen already. */
  private async entered(unit: UnitOfWork, actor: Actor, app: EnteredApplication, state: string, ctx: RequestContext) {
    if (app.workflow.states.find((s) => s.kind === "start")?.key !== state) return;
    const repos = this.store.within(unit);
    if (await repos.deliveries.lockFor(app.id, "outbound")) return;
    const content = await this.contents.get(app.versionId, unit);
    const values = app.formData();
    const method = typeof values.delivery === "string" ? FORM_METHOD[values.delivery] : undefined;
    if (!method || !this.offers(content).includes(method)) return;
    const addressField = content.form.fields.find((f) => f.dataElement === "address.detail" && typeof values[f.key] === "string");
    const address = method === "post" ? ((addressField ? (values[addressField.key] as string) : null) ?? (app.personId ? await this.registeredAddress(repos, app.personId) : null)) : null;
    if (method === "post" && (!address || addressProblem(address))) return; // asked again on the application page
    await this.write(repos, actor, { id: app.id, number: app.number, regionCode: app.regionCode, applicantName: app.applicantName }, method, address, ctx, "申请时选择");
    if (method === "post" && content.postage?.feeFen) await this.postage.charge(unit, actor, { id: app.id, number: app.number, handlingOrgId: app.handlingOrgId, regionCode: app.regionCode, applicantAccountId: app.applicantAccountId, personId: app.personId, enterpriseId: app.enterpriseId, applicantName: app.applicantName, itemName: content.name }, content.postage.feeFen, ctx);
  }

  private async registeredAddress(repos: Repos, personId: string) {
    const p = await repos.persons.findById(personId);
    return p?.address_enc ? this.cipher.decrypt(p.address_enc) : null;
  }

  /** The ways an item's result can reach the applicant. */
  offers(content: ItemContent): DeliveryMethod[] {
    // A paper result to receive (the guide offers 邮寄): at the centre or by post; an e-certificate alone needs neither.
    if (!content.guide.channels.includes("post")) return content.certificate ? ["electronic"] : [];
    return [...(content.certificate ? (["electronic"] as const) : []), "window", "post"];
  }

  private async write(repos: Repos, actor: Actor, app: { id: string; number: string; regionCode: string; applicantName: string }, method: DeliveryMethod, address: string | null, ctx: RequestContext, why: string) {
    const existing = await repos.deliveries.lockFor(app.id, "outbound");
    const set = { method, status: "chosen", address_enc: address ? this.cipher.encrypt(address) : null, address_masked: address ? maskAddress(address) : null, recipient_name: app.applicantName };
    const row = existing ? (await repos.deliveries.update(existing.id, set), existing) : await repos.deliveries.insert({ ...set, number: await this.number(repos, app.regionCode, "LQ"), application_id: app.id, direction: "outbound", region_code: app.regionCode });
    await repos.deliveries.event(row.id, "chosen", `${why}：${METHOD_NAMES[method]}${address ? `，${maskAddress(address)}` : ""}`, "platform");
    await repos.audit.append(actor, ctx, { action: "delivery.choose", targetType: "application", targetId: app.id, regionCode: app.regionCode, details: { number: app.number, method } });
  }

  private async number(repos: Repos, region: string, prefix: string) {
    const today = todayInChina(this.now());
    return `${prefix}${region}${today.replaceAll("-", "")}${String(await repos.counters.next(`DELIVERY-${region}`, today)).padStart(6, "0")}`;
  }

  /** The applicant chooses (or changes) how the result reaches them, until it is issued. */
  async choose(actor: Actor, applicationId: string, input: { method: DeliveryMethod; address?: string | undefined }, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const app = await repos.applications.findById(applicationId);
      if (!app || actor.kind !== "citizen" || app.applicant_account_id !== actor.accountId) throw new DomainError("APPLICATION_NOT_FOUND");
      if (app.outcome !== null) throw new DomainError("DELIVERY_LOCKED");
      const content = await this.contents.get(app.version_id, repos);
      if (!this.offers(content).includes(input.method)) throw new DomainError("DELIVERY_METHOD_UNAVAILABLE");
      const address = input.method === "post" ? (input.address?.trim() ?? "") : null;
      if (address !== null && addressProblem(address)) throw new DomainError("DELIVERY_ADDRESS_INVALID");
      await this.write(repos, actor, { id: app.id, number: app.number, regionCode: app.region_code, applicantName: app.applicant_name }, input.method, address, ctx, "申请人选择");
      if (input.method === "post" && content.postage?.feeFen && !(await this.postage.owed(repos, app.id))) {
        await this.postage.charge(repos, actor, { id: app.id, number: app.number, handlingOrgId: app.handling_org_id, regionCode: app.region_code, applicantAccountId: app.applicant_account_id, personId: app.applicant_person_id, enterpriseId: app.acting_for_enterprise_id, applicantName: app.applicant_name, itemName: content.name }, content.postage.feeFen, ctx);
      }
    });
    return this.forApplication(actor, applicationId);
  }

  /** Approved: a posted result is booked (after the commit), one to collect waits at the centre with its code. */
  private async decided(unit: UnitOfWork, actor: Actor, app: ApplicationRow, outcome: string, ctx: RequestContext) {
    const repos = this.store.within(unit);
    const d = await repos.deliveries.lockFor(app.id, "outbound");
    if (!d || d.status !== "chosen") return;
    if (outcome !== "approved") {
      await repos.deliveries.update(d.id, { status: "cancelled" });
      await repos.deliveries.event(d.id, "cancelled", "申请未获准予，无需寄递或领取", "platform");
      return;
    }
    if (d.method === "post") {
      await repos.deliveries.update(d.id, { status: "to_book" });
      await repos.deliveries.event(d.id, "to_book", "办结，等待寄出", "platform");
      await repos.deliveries.whenCommitted(async () => this.kick());
    } else if (d.method === "window") {
      await this.readyAtCentre(repos, d, app, "办结，可到窗口领取");
    } else {
      await repos.deliveries.update(d.id, { status: "electronic" });
      await repos.deliveries.event(d.id, "electronic", "已发放电子证照，请在卡包中查看", "platform");
    }
    await repos.audit.append(actor, ctx, { action: "delivery.prepare", targetType: "application", targetId: app.id, regionCode: app.region_code, details: { number: app.number, method: d.method } });
  }

  /** The result waits at the region's service centre: a six-digit pick-up code, kept hashed and encrypted, told to the applicant. */
  private async readyAtCentre(repos: Repos, d: DeliveryRow, app: { id: string; number: string; region_code: string; applicant_account_id: string | null; version_id: string }, why: string) {
    const centre = (await repos.deliveries.centreOf(app.region_code))!;
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await repos.deliveries.update(d.id, { method: "window", status: "ready", pickup_org_id: centre.id, pickup_code_hash: this.cipher.blindIndex("prefill", `pickup:${d.id}:${code}`), pickup_code_enc: this.cipher.encrypt(code) });
    await repos.deliveries.event(d.id, "ready", `${why}：${centre.name}`, "platform");
    const content = await this.contents.get(app.version_id, repos);
    if (app.applicant_account_id) {
      await sendDirect(repos, [{
        accountId: app.applicant_account_id,
        kind: "delivery_ready",
        title: "办理结果可以领取了",
        body: `您的办件 ${app.number}（${content.name}）的结果已在${centre.name}，请凭取件码 ${code} 和本人身份证领取（代领须携带代领人身份证）。办公时间：${content.guide.hours || "工作日 9:00—17:00"}。`,
        titleEn: "Your result is ready to collect",
        bodyEn: `The result of ${app.number} is at ${centre.name}. Bring pick-up code ${code} and your ID card (someone collecting for you brings theirs). Hours: ${content.guide.hours || "working days 9:00–17:00"}.`,
        link: `/me/applications/${app.id}`,
        external: true,
      }], app.region_code);
    }
  }

  // ——— the carrier ———

  kick() {
    if (this.booking) {
      this.again = true;
      return;
    }
    this.booking = this.dispatch()
      .catch(() => undefined)
      .finally(() => {
        this.booking = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async idle() {
    while (this.booking) await this.booking;
  }

  /** Books what waits to be sent (postage paid), outside transactions. Returns how many were booked. */
  async dispatch(limit = 100): Promise<number> {
    let booked = 0;
    for (const d of await this.store.repos.deliveries.toBook(limit)) {
      if (await this.postage.owed(this.store.repos, d.application_id)) continue;
      const app = (await this.store.repos.applications.findById(d.application_id))!;
      const content = await this.contents.get(app.version_id);
      const org = (await this.store.repos.deliveries.orgById(app.handling_org_id))!;
      const applicant = { name: d.recipient_name ?? app.applicant_name, phone: "", address: d.address_enc ? this.cipher.decrypt(d.address_enc) : "" };
      const centre = { name: org.name, phone: content.guide.consultPhone, address: content.guide.location || org.name };
      const inbound = d.direction === "inbound";
      const shipment = await this.carrier.book({ merchantShipmentNo: d.number, kind: inbound ? "pickup" : "deliver", sender: inbound ? applicant : centre, recipient: inbound ? centre : applicant, contents: inbound ? `${content.name}申请材料原件` : `${content.name}办理结果` });
      await this.store.transact(async (repos) => {
        const row = await repos.deliveries.lock(d.id);
        if (row?.status !== "to_book") return;
        await repos.deliveries.update(d.id, { status: "created", waybill_no: shipment.waybillNo });
        await repos.deliveries.event(d.id, "created", inbound ? `已预约上门取件，运单号 ${shipment.waybillNo}` : `已交寄，运单号 ${shipment.waybillNo}`, "platform");
        await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "delivery.book", targetType: "application", targetId: d.application_id, regionCode: d.region_code, details: { number: d.number, waybillNo: shipment.waybillNo, direction: d.direction } });
        await this.tell(repos, app, inbound ? "上门取件已预约" : "办理结果已寄出", inbound ? `快递员将上门收取您的${content.name}申请材料原件，运单号 ${shipment.waybillNo}。` : `您的办件 ${app.number}（${content.name}）的结果已交寄，运单号 ${shipment.waybillNo}。`, inbound ? "Pick-up booked" : "Result posted", inbound ? `A courier will collect your original materials; waybill ${shipment.waybillNo}.` : `The result of ${app.number} has been posted; waybill ${shipment.waybillNo}.`);
      });
      booked++;
    }
    return booked;
  }

  private async tell(repos: Repos, app: { id: string; region_code: string; applicant_account_id: string | null }, title: string, body: string, titleEn: string, bodyEn: string) {
    if (!app.applicant_account_id) return;
    await sendDirect(repos, [{ accountId: app.applicant_account_id, kind: "delivery", title, body, titleEn, bodyEn, link: `/me/applications/${app.id}`, external: true }], app.region_code);
  }

  /** A carrier's status notification: verified, applied once, shown on the application; a return goes to the centre. */
  async notify(headers: Record<string, string | string[] | undefined>, path: string, rawBody: string): Promise<{ applied: boolean }> {
    const n = this.carrier.verifyNotification(headers, path, rawBody, this.now().getTime());
    if (!n) throw new DomainError("DELIVERY_NOTIFICATION_INVALID");
    return this.store.transact(async (repos) => {
      if (!(await repos.deliveries.recordNotification(n.id))) return { applied: false };
      const d = await repos.deliveries.lockByWaybill(n.data.waybillNo);
      // Not known yet (its booking not committed): refused, so that the carrier sends it again.
      if (!d) throw new DomainError("DELIVERY_NOT_FOUND");
      const status = n.data.status as ShipmentStatus;
      // Notifications may arrive out of order: each is kept for the track, the status only moves forward.
      await repos.deliveries.event(d.id, status, n.data.note, "carrier", new Date(n.data.at));
      if (!movesOn(d.status, status)) return { applied: true };
      const app = (await repos.applications.findById(d.application_id))!;
      if (status === "returned" && d.direction === "outbound") {
        await repos.deliveries.update(d.id, { status: "returned" });
        await this.readyAtCentre(repos, d, app, `邮件退回（${n.data.note}），转窗口领取`);
      } else {
        await repos.deliveries.update(d.id, { status });
        if (d.direction === "outbound" && (status === "out_for_delivery" || status === "delivered")) {
          await this.tell(repos, app, status === "delivered" ? "邮件已签收" : "邮件正在派送", `${SHIPMENT_STATUSES[status].zh}：运单号 ${d.waybill_no}。${n.data.note}`, status === "delivered" ? "Delivered" : "Out for delivery", `${SHIPMENT_STATUSES[status].en}: waybill ${d.waybill_no}.`);
        }
      }
      await repos.audit.append(SYSTEM_ACTOR, SYSTEM_CONTEXT, { action: "delivery.status", targetType: "application", targetId: d.application_id, regionCode: d.region_code, details: { waybillNo: d.waybill_no, status } });
      return { applied: true };
    });
  }

  /** 上门取件: the applicant has originals collected from their address and sent to the centre. */
  async requestPickup(actor: Actor, applicationId: string, input: { address: string }, ctx: RequestContext) {
    await this.store.transact(async (repos) => {
      const app = await repos.applications.findById(applicationId);
      if (!app || actor.kind !== "citizen" || app.applicant_account_id !== actor.accountId) throw new DomainError("APPLICATION_NOT_FOUND");
      if (app.outcome !== null) throw new DomainError("DELIVERY_LOCKED");
      const content = await this.contents.get(app.version_id, repos);
      if (!content.guide.materials.some((m) => (m.form === "original" || m.form === "original_and_copy") && m.medium !== "electronic") || !content.guide.channels.includes("post")) throw new DomainError("DELIVERY_METHOD_UNAVAILABLE");
      const address = input.address.trim();
      if (addressProblem(address)) throw new DomainError("DELIVERY_ADDRESS_INVALID");
      if (await repos.deliveries.lockFor(app.id, "inbound")) throw new DomainError("DELIVERY_LOCKED");
      const row = await repos.deliveries.insert({ number: await this.number(repos, app.region_code, "QJ"), application_id: app.id, direction: "inbound", method: "post", status: "to_book", recipient_name: app.applicant_name, address_enc: this.cipher.encrypt(address), address_masked: maskAddress(address), region_code: app.region_code });
      await repos.deliveries.event(row.id, "to_book", `预约上门取件：${maskAddress(address)}`, "platform");
      await repos.audit.append(actor, ctx, { action: "delivery.pickup_request", targetType: "application", targetId: app.id, regionCode: app.region_code, details: { number: app.number } });
      await repos.deliveries.whenCommitted(async () => this.kick());
    });
    return this.forApplication(actor, applicationId);
  }

  // ——— the window ———

  /** What waits for collection at the clerk's centre. */
  async readyForPickup(actor: Actor) {
    if (actor.kind !== "staff" || !actor.roles.includes("window_clerk")) throw new DomainError("FORBIDDEN");
    // A clerk's window lies under the centre: the centre's path and every ancestor's on the way.
    const parts = (actor.orgPath ?? "").split("/").filter(Boolean);
    const paths = parts.map((_, i) => `${parts.slice(0, i + 1).join("/")}/`);
    const rows = await this.store.repos.deliveries.readyAt(paths, 200);
    return { items: await Promise.all(rows.map(async (r) => ({ id: r.id, number: r.number, applicationId: r.application_id, applicationNumber: r.application_number, itemName: (await this.contents.get(r.version_id)).name, applicantName: r.applicant_name, pickupOrgName: r.pickup_org_name, readySince: r.updated_at.toISOString() }))) };
  }

  /** Hands the result over: the code, and the applicant's ID number — or a delegate's name and ID, recorded. */
  async handOver(actor: Actor, id: string, input: { pickupCode: string; idNumber: string; delegateName?: string | undefined }, ctx: RequestContext) {
    if (actor.kind !== "staff" || !actor.roles.includes("window_clerk")) throw new DomainError("FORBIDDEN");
    return this.store.transact(async (repos) => {
      const d = await repos.deliveries.lock(id);
      const centre = d?.pickup_org_id ? await repos.deliveries.orgById(d.pickup_org_id) : undefined;
      if (!d || d.status !== "ready" || !centre || !within(actor.orgPath, centre.path)) throw new DomainError("DELIVERY_NOT_FOUND");
      if (this.cipher.blindIndex("prefill", `pickup:${d.id}:${input.pickupCode.trim()}`) !== d.pickup_code_hash) throw new DomainError("PICKUP_CODE_WRONG");
      const app = (await repos.applications.findById(d.application_id))!;
      const applicant = app.applicant_person_id ? await repos.persons.findById(app.applicant_person_id) : undefined;
      const idNumber = input.idNumber.trim().toUpperCase();
      const self = applicant?.id_number_hash === this.cipher.blindIndex("id", idNumber);
      if (!self && !input.delegateName?.trim()) throw new DomainError("COLLECTOR_REQUIRED");
      const collector = self ? `申请人本人（${app.applicant_name}）` : `代领人 ${input.delegateName!.trim()}（身份证号码尾号 ${idNumber.slice(-4)}）`;
      await repos.deliveries.update(d.id, { status: "handed_over", collector, handed_over_by: actor.name, handed_over_at: this.now(), pickup_code_enc: null });
      await repos.deliveries.event(d.id, "handed_over", `${collector}已领取，经办：${actor.name}`, "platform");
      await repos.audit.append(actor, ctx, { action: "delivery.hand_over", targetType: "application", targetId: d.application_id, regionCode: d.region_code, ...(app.applicant_person_id ? { subjectPersonId: app.applicant_person_id } : {}), details: { number: d.number, self, delegateIdTail: self ? null : idNumber.slice(-4) } });
      await this.tell(repos, app, "办理结果已领取", `您的办件 ${app.number} 的结果已由${collector}于 ${chinaDateTime(this.now())} 在${centre.name}领取。如非本人或您委托的人领取，请拨打 12345。`, "Result collected", `The result of ${app.number} was collected at ${centre.name}. If you did not collect it or send someone, call 12345.`);
      return { ok: true as const, collector };
    });
  }

  // ——— what people see ———

  async forApplication(actor: Actor, applicationId: string): Promise<{ items: DeliveryView[]; offers: Array<{ method: DeliveryMethod; name: string }>; postageFen: number; canChoose: boolean; canRequestPickup: boolean }> {
    const repos = this.store.repos;
    const app = await repos.applications.findById(applicationId);
    if (!app) throw new DomainError("APPLICATION_NOT_FOUND");
    const rows = await repos.deliveries.ofApplication(applicationId);
    const isApplicant = actor.kind === "citizen" && app.applicant_account_id === actor.accountId;
    const handling = await repos.deliveries.orgById(app.handling_org_id);
    const centre = await repos.deliveries.centreOf(app.region_code);
    const isStaff = actor.kind === "staff" && (within(handling?.path, actor.orgPath) || within(actor.orgPath, centre?.path ?? null));
    if (!isApplicant && !isStaff) throw new DomainError("APPLICATION_NOT_FOUND");
    const content = await this.contents.get(app.version_id);
    const events = await repos.deliveries.events(rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({
        id: r.id,
        number: r.number,
        direction: r.direction as "outbound" | "inbound",
        method: r.method as DeliveryMethod,
        methodName: METHOD_NAMES[r.method as DeliveryMethod],
        status: r.status,
        statusName: DELIVERY_STATUS[r.status] ?? r.status,
        address: r.address_masked,
        waybillNo: r.waybill_no,
        pickupOrgName: r.pickup_org_name,
        pickupCode: isApplicant && r.status === "ready" && r.pickup_code_enc ? this.cipher.decrypt(r.pickup_code_enc) : null,
        pickupHours: r.status === "ready" ? content.guide.hours || null : null,
        collector: r.collector,
        handedOverAt: r.handed_over_at?.toISOString() ?? null,
        events: events
          .filter((e) => e.delivery_id === r.id)
          .sort((a, b) => a.at.getTime() - b.at.getTime() || ORDER.indexOf(a.status) - ORDER.indexOf(b.status))
          .map((e) => ({ status: e.status, statusName: DELIVERY_STATUS[e.status] ?? e.status, note: e.note, source: e.source, at: e.at.toISOString() })),
      })),
      offers: this.offers(content).map((m) => ({ method: m, name: METHOD_NAMES[m] })),
      postageFen: content.postage?.feeFen ?? 0,
      canChoose: isApplicant && app.outcome === null,
      canRequestPickup: isApplicant && app.outcome === null && content.guide.channels.includes("post") && content.guide.materials.some((m) => (m.form === "original" || m.form === "original_and_copy") && m.medium !== "electronic") && !rows.some((r) => r.direction === "inbound"),
    };
  }
}

export const postageLine = (feeFen: number) => ({ name: "邮寄费", amountFen: feeFen, detail: formatYuan(feeFen), exemptBy: null });
