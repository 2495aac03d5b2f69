import type { Actor } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import { DomainError } from "../../domain-error";
import type { DataAccessRecord } from "../../../shared/schemas/identity";
import type { Lang } from "../../../shared/errors";
import { REGISTRIES } from "../../../shared/registries";
import type { DataElementService } from "../data-elements";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository };

const ACTIONS: Record<string, { zh: string; en: string }> = {
  "person.verify": { zh: "实名核验", en: "Real-name check" },
  "person.read": { zh: "查询个人信息", en: "Read personal data" },
  "data.share": { zh: "共享调取", en: "Shared read" },
  "data.share.denied": { zh: "调取被拒绝", en: "Read refused" },
  "application.read_denied": { zh: "查看办件被拒绝", en: "Application read refused" },
  "certificate.issue": { zh: "颁发电子证照", en: "Certificate issued" },
  "certificate.share": { zh: "调用电子证照", en: "Certificate used" },
  "certificate.share_link": { zh: "生成亮证链接", en: "Share link created" },
  "certificate.share_view": { zh: "亮证被查看", en: "Shared certificate viewed" },
  "application.material.read": { zh: "查阅申请材料", en: "Material viewed" },
  "enterprise.agent_grant": { zh: "企业经办人授权", en: "Agent authorisation" },
};

/** 我的数据使用记录: every use of a citizen's personal data that the audit log holds. Raises: FORBIDDEN. */
export class DataAccessService {
  constructor(
    private readonly store: Store<Repos>,
    private readonly dataElements: DataElementService,
  ) {}

  async listForMe(actor: Actor, lang: Lang, limit: number, offset: number): Promise<{ items: DataAccessRecord[]; total: number }> {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    const [rows, total] = await Promise.all([
      this.store.repos.audit.listBySubject(actor.personId, limit, offset),
      this.store.repos.audit.countBySubject(actor.personId),
    ]);
    const items = await Promise.all(rows.map(async (row) => {
      const details = (row.details ?? {}) as { source?: string; sources?: Array<{ registry: string }>; elements?: string[]; applicationNumber?: string; explanation?: string };
      const registries = details.sources ? [...new Set(details.sources.map((s) => s.registry))] : details.source ? [details.source] : [];
      const source = registries.length ? registries.map((r) => REGISTRIES[r as keyof typeof REGISTRIES]?.[lang] ?? r).join("、") : null;
      return {
        id: `${row.chain}-${row.seq}`,
        occurredAt: row.occurred_at.toISOString(),
        action: ACTIONS[row.action]?.[lang] ?? row.action,
        actorName: row.actor_name,
        orgName: (lang === "en" ? row.org_name_en : row.org_name) ?? null,
        source,
        elements: Array.isArray(details.elements) ? await Promise.all(details.elements.map((e) => this.dataElements.elementName(e, lang))) : [],
        purpose: row.purpose,
        applicationNumber: details.applicationNumber ?? null,
        denied: row.action.endsWith("denied"),
        deniedReason: row.action.endsWith("denied") ? (details.explanation ?? null) : null,
      };
    }));
    return { items, total };
  }
}
