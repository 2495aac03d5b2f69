import { assessedBenefitOf, benefitSentence } from "../../../shared/benefit-words";
import type { ItemContent } from "../../../shared/schemas/catalogue";
import type { StaffDirectoryRepository } from "../identity";
import { saveNotificationPreferences } from "../identity";
import { maskMobile } from "../../../shared/validation/mobile";
import type { Actor, RequestContext } from "../../actor";
import type { FieldCipher } from "../../crypto/field-cipher";
import type { Store, UnitOfWork } from "../../db/store";
import type { AccountRepository } from "../identity";
import type { ApplicationRepository } from "../applications";
import type { AuditRepository } from "../audit";
import type { BundleRepository } from "../bundles";
import type { CatalogueRepository } from "../catalogue";
import type { CertificateRepository } from "../certificates";
import type { EnterpriseRepository } from "../registry";
import type { NotificationRepository } from "./notification.repository";
import type { OutboxRepository } from "../outbox";
import { DomainError } from "../../domain-error";
import { DeliveryError, type EmailSender, type SmsSender } from "./senders";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { accounts: AccountRepository; applications: ApplicationRepository; audit: AuditRepository; bundles: BundleRepository; catalogue: CatalogueRepository; certificates: CertificateRepository; enterprises: EnterpriseRepository; notifications: NotificationRepository; outbox: OutboxRepository; staffDirectory: StaffDirectoryRepository };

interface Composed {
  accountId: string;
  kind: string;
  title: string;
  body: string;
  /** English: the message centre shows it to readers who chose English. */
  titleEn: string;
  bodyEn: string;
  link: string;
  applicationId: string | null;
  /** Whether SMS and e-mail go out too (state changes the applicant must know of), or in-app only. */
  external: boolean;
}

/** A notice in both languages (the item's name stays as the catalogue publishes it). */
interface Notice {
  title: string;
  body: string;
  titleEn: string;
  bodyEn: string;
}

const APPLICANT_NOTICES: Record<string, (item: string, number: string) => Notice> = {
  accept: (i, n) => ({ title: "申请已受理", body: `您的“${i}”申请（${n}）已受理。`, titleEn: "Application accepted", bodyEn: `Your application “${i}” (${n}) has been accepted.` }),
  request_supplement: (i, n) => ({ title: "申请需要补正", body: `您的“${i}”申请（${n}）需要补正，请登录“我的办件”查看一次性告知的补正内容。`, titleEn: "Supplements needed", bodyEn: `Your application “${i}” (${n}) needs supplements: see everything that is needed, listed at once, in My applications.` }),
  approve: (i, n) => ({ title: "申请已办结", body: `您的“${i}”申请（${n}）已办结，结果为准予。`, titleEn: "Application decided", bodyEn: `Your application “${i}” (${n}) is decided: approved.` }),
  deny: (i, n) => ({ title: "申请已办结", body: `您的“${i}”申请（${n}）已办结，申请未获批准，请查看决定书中的理由。`, titleEn: "Application decided", bodyEn: `Your application “${i}” (${n}) is decided: not approved. The decision gives the reasons.` }),
  reject: (i, n) => ({ title: "申请未予受理", body: `您的“${i}”申请（${n}）未予受理，请查看不予受理决定书中的理由。`, titleEn: "Application not accepted", bodyEn: `Your application “${i}” (${n}) was not accepted. The decision gives the reasons.` }),
};

const RETRY_LIMIT = 5;
const LEASE_MS = 5 * 60_000;

/**
 * Notifications from the outbox: each event becomes in-app messages (the message centre) for the
 * people it concerns, and SMS / e-mail deliveries that background jobs send with retries — never
 * inside the request that changed the state. Safe with several processes (SKIP LOCKED, leases).
 */
export class NotificationService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly cipher: FieldCipher,
    private readonly sms: SmsSender,
    private readonly email: EmailSender | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Turns pending outbox events into messages and deliveries; returns how many events were handled. */
  async dispatchOutbox(limit = 100): Promise<number> {
    return this.store.transact(async (repos) => {
      const events = await repos.outbox.claim(limit);
      for (const e of events) {
        for (const m of await this.compose(repos, e.topic, e.payload as Record<string, unknown>)) {
          const row = await repos.notifications.insertMessage({ account_id: m.accountId, outbox_id: e.id, kind: m.kind, title: m.title, body: m.body, title_en: m.titleEn ?? null, body_en: m.bodyEn ?? null, link: m.link, application_id: m.applicationId, region_code: e.region_code, created_at: this.now() });
          if (!row || !m.external) continue;
          const account = (await repos.accounts.findById(m.accountId))!;
          if (account.notify_sms && account.mobile_enc) {
            await repos.notifications.insertDelivery({ message_id: row.id, message_created_at: row.created_at, channel: "sms", recipient_masked: maskMobile(this.cipher.decrypt(account.mobile_enc)), status: "pending", next_attempt_at: this.now() });
          }
          if (this.email && account.email_enc) {
            await repos.notifications.insertDelivery({ message_id: row.id, message_created_at: row.created_at, channel: "email", recipient_masked: maskEmail(this.cipher.decrypt(account.email_enc)), status: "pending", next_attempt_at: this.now() });
          }
        }
      }
      await repos.outbox.markProcessed(events.map((e) => e.id), this.now());
      return events.length;
    });
  }

  /** Sends due deliveries: leased first (so no other process sends them), then sent, then recorded. */
  async sendDue(limit = 50): Promise<{ sent: number; failed: number; retrying: number }> {
    const now = this.now();
    const due = await this.store.transact(async (repos) => {
      const rows = await repos.notifications.claimDue(now, limit);
      for (const r of rows) await repos.notifications.updateDelivery(r.id, { status: "pending", attempts: r.attempts, next_attempt_at: new Date(now.getTime() + LEASE_MS) });
      return rows;
    });
    const result = { sent: 0, failed: 0, retrying: 0 };
    for (const d of due) {
      const attempts = d.attempts + 1;
      try {
        const { providerId } =
          d.channel === "sms"
            ? await this.sms.send(this.cipher.decrypt(d.mobile_enc!), `【好办】${d.body}`)
            : await this.email!.send(this.cipher.decrypt(d.email_enc!), `【好办】${d.title}`, `${d.body}\n\n此邮件由好办政务服务平台自动发送，请勿回复。`);
        await this.store.repos.notifications.updateDelivery(d.id, { status: "sent", attempts, provider_id: providerId, sent_at: this.now(), last_error: null });
        result.sent++;
      } catch (err) {
        const permanent = (err instanceof DeliveryError && err.permanent) || attempts >= RETRY_LIMIT || (d.channel === "email" && !this.email);
        const backoff = 60_000 * 2 ** (attempts - 1);
        await this.store.repos.notifications.updateDelivery(d.id, {
          status: permanent ? "failed" : "pending",
          attempts,
          next_attempt_at: new Date(now.getTime() + backoff),
          last_error: err instanceof Error ? err.message.slice(0, 300) : String(err),
        });
        if (permanent) result.failed++;
        else result.retrying++;
      }
    }
    return result;
  }

  private async compose(repos: Repos, topic: string, payload: Record<string, unknown>): Promise<Composed[]> {
    if (topic === "certificate.expiring") return this.composeExpiry(repos, payload.certificateId as string);
    if (topic === "bundle.stopped") return this.composeBundleStopped(repos, payload);
    // Modules that compose their own messages (好差评 cases, 12345 tickets) put them in the payload (events queued before
    // messages had English may lack it: those stay Chinese).
    if (topic === "message.direct") return (payload.messages as Composed[]) ?? [];
    const applicationId = payload.applicationId as string | undefined;
    if (!applicationId) return [];
    const app = await repos.applications.findById(applicationId);
    if (!app) return [];
    const item = ((await repos.catalogue.findVersion(app.version_id))!.content as ItemContent).name;
    const applicantAccountId = app.applicant_account_id ?? (app.applicant_person_id ? (await repos.accounts.findByPersonId(app.applicant_person_id))?.id : undefined);
    const toApplicant = (kind: string, n: Notice): Composed[] =>
      applicantAccountId ? [{ accountId: applicantAccountId, kind, ...n, link: `/me/applications/${app.id}`, applicationId: app.id, external: true }] : [];
    const toStaff = (ids: Array<{ id: string }>, kind: string, n: Notice): Composed[] =>
      ids.map((s) => ({ accountId: s.id, kind, ...n, link: `/workbench/applications/${app.id}`, applicationId: app.id, external: false }));

    switch (topic) {
      case "application.submitted":
        return toApplicant("submitted", {
          title: "申请已提交",
          body: `您的“${item}”申请已提交，办件编号 ${app.number}${app.committed_deadline ? `，承诺办结期限 ${app.committed_deadline}` : ""}。`,
          titleEn: "Application submitted",
          bodyEn: `Your application “${item}” has been submitted, number ${app.number}${app.committed_deadline ? `; to be decided by ${app.committed_deadline}` : ""}.`,
        });
      case "application.transition": {
        const notice = APPLICANT_NOTICES[payload.action as string];
        if (!notice) return [];
        const n = notice(item, app.number);
        // A benefit says how much and when it is paid.
        const b = app.outcome === "approved" ? assessedBenefitOf(await repos.applications.listEvents(app.id)) : null;
        return toApplicant(payload.action as string, b ? { ...n, body: `${n.body}待遇标准：${benefitSentence(b)}。`, bodyEn: `${n.bodyEn} Benefit: ${benefitSentence(b, "en")}.` } : n);
      }
      case "certificate.issued":
        return toApplicant("certificate", { title: "电子证照已颁发", body: `您的“${item}”申请已办结，电子证照已存入“我的证照”，可随时出示和验证。`, titleEn: "E-certificate issued", bodyEn: `Your application “${item}” is complete: the e-certificate is in My certificates, ready to show and to be verified.` });
      case "application.due_soon": {
        const who = app.assignee_account_id ? [{ id: app.assignee_account_id }] : await repos.staffDirectory.handlersOf(app.handling_org_id);
        return toStaff(who, "due_soon", { title: "办件即将到期", body: `“${item}”办件 ${app.number} 的承诺办结期限为 ${app.committed_deadline}，仅剩 1 个工作日。`, titleEn: "Application due soon", bodyEn: `Application ${app.number} (“${item}”) is due by ${app.committed_deadline}: one working day left.` });
      }
      case "application.overdue":
        return toStaff(await repos.staffDirectory.supervisorsFor(app.region_code), "overdue", { title: "办件超期督办", body: `“${item}”办件 ${app.number} 已超过承诺办结期限（${app.committed_deadline}），请督促办理。`, titleEn: "Application overdue", bodyEn: `Application ${app.number} (“${item}”) is past its promised date (${app.committed_deadline}); please see that it is done.` });
      default:
        return [];
    }
  }

  /** 一件事: a refusal stopped the services depending on it — the applicant is told which, and why. */
  private async composeBundleStopped(repos: Repos, payload: Record<string, unknown>): Promise<Composed[]> {
    const bundle = await repos.bundles.findApplication(payload.bundleApplicationId as string);
    if (!bundle?.applicant_account_id) return [];
    const name = (bundle.definition as { name: string }).name;
    const n = (payload.stopped as string[]).length;
    return [
      {
        accountId: bundle.applicant_account_id,
        kind: "bundle_stopped",
        title: "一件事部分事项已停止",
        body: `您的“${name}”（${bundle.number}）中：${payload.reason as string}。停止的事项共 ${n} 项，详情请查看办理结果。`,
        titleEn: "Part of your package has stopped",
        bodyEn: `In your “${name}” (${bundle.number}): ${payload.itemName ? `“${payload.itemName as string}” was not approved, so the services depending on it cannot go on and have stopped` : (payload.reason as string)} (${n} in all). The result page has the details.`,
        link: `/me/bundles/${bundle.id}`,
        applicationId: null,
        external: true,
      },
    ];
  }

  /** 证照到期提醒: to the holder (or, for an enterprise, its legal representative). */
  private async composeExpiry(repos: Repos, certificateId: string): Promise<Composed[]> {
    const cert = await repos.certificates.findById(certificateId);
    if (!cert?.valid_to) return [];
    const personId = cert.holder_person_id ?? (cert.holder_enterprise_id ? (await repos.enterprises.findById(cert.holder_enterprise_id))?.legal_rep_person_id : null);
    const account = personId ? await repos.accounts.findByPersonId(personId) : undefined;
    if (!account) return [];
    const typeName = (cert.payload as { typeName: string }).typeName;
    const whose = cert.holder_enterprise_id ? `${cert.holder_name}的` : "您的";
    const whoseEn = cert.holder_enterprise_id ? `${cert.holder_name}'s` : "Your";
    return [{ accountId: account.id, kind: "certificate_expiring", title: "证照即将到期", body: `${whose}${typeName}（${cert.number}）将于 ${cert.valid_to} 到期，请及时办理延续或换领。`, titleEn: "Certificate expiring soon", bodyEn: `${whoseEn} ${typeName} (${cert.number}) expires on ${cert.valid_to}; please renew or replace it in time.`, link: "/me/certificates", applicationId: null, external: true }];
  }

  /** The message centre of the caller. */
  async list(actor: Actor, unreadOnly: boolean, limit: number, offset: number, lang: "zh" | "en" = "zh") {
    if (actor.kind === "system") throw new DomainError("FORBIDDEN");
    const repos = this.store.repos;
    const rows = await repos.notifications.listMessages(actor.accountId, unreadOnly, limit, offset);
    const deliveries = await repos.notifications.deliveriesFor(rows.map((r) => r.id));
    return {
      unread: await repos.notifications.countUnread(actor.accountId),
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: (lang === "en" ? r.title_en : null) ?? r.title,
        body: (lang === "en" ? r.body_en : null) ?? r.body,
        link: r.link,
        read: r.read_at !== null,
        createdAt: r.created_at.toISOString(),
        deliveries: deliveries.filter((d) => d.message_id === r.id).map((d) => ({ channel: d.channel, recipient: d.recipient_masked, status: d.status, attempts: d.attempts, sentAt: d.sent_at?.toISOString() ?? null })),
      })),
    };
  }

  /** The count alone, for the header's badge on every page. */
  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    if (actor.kind === "system") throw new DomainError("FORBIDDEN");
    return { unread: await this.store.repos.notifications.countUnread(actor.accountId) };
  }

  async markRead(actor: Actor, id: string | null): Promise<{ changed: number }> {
    if (actor.kind === "system") throw new DomainError("FORBIDDEN");
    return { changed: await this.store.repos.notifications.markRead(actor.accountId, id, this.now()) };
  }

  /** The caller's channels: SMS to the registered mobile on or off, and an e-mail address (stored encrypted). */
  async settings(actor: Actor) {
    const account = (await this.store.repos.accounts.findById(actor.accountId))!;
    return { sms: account.notify_sms, hasMobile: account.mobile_enc !== null, email: account.email_enc ? maskEmail(this.cipher.decrypt(account.email_enc)) : null, emailEnabled: this.email !== null, proactive: account.notify_proactive };
  }

  async updateSettings(actor: Actor, input: { sms: boolean; email?: string | null | undefined; proactive?: boolean | undefined }, ctx: RequestContext) {
    if (actor.kind === "system") throw new DomainError("FORBIDDEN");
    await this.store.transact(async (repos) => {
      await saveNotificationPreferences(repos, actor.accountId, { sms: input.sms, ...(input.email !== undefined ? { emailEnc: input.email ? this.cipher.encrypt(input.email) : null } : {}), ...(input.proactive !== undefined ? { proactive: input.proactive } : {}) });
      await repos.audit.append(actor, ctx, { action: "account.notification_settings", targetType: "account", targetId: actor.accountId, details: { sms: input.sms, ...(input.email !== undefined ? { email: input.email ? "set" : "removed" } : {}), ...(input.proactive !== undefined ? { proactive: input.proactive } : {}) } });
    });
    return this.settings(actor);
  }
}

/** zhang.wei@example.cn → zh***@example.cn */
export function maskEmail(email: string): string {
  const [user, domain] = email.split("@");
  return `${(user ?? "").slice(0, 2)}***@${domain ?? ""}`;
}
