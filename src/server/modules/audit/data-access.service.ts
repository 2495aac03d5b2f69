import type { Actor } from "../../actor";
import type { Store } from "../../db/store";
import { DomainError } from "../../domain-error";
import type { DataAccessRecord } from "../../../shared/schemas/identity";
import type { Lang } from "../../../shared/errors";
import { dataElementLabel } from "../../../shared/data-elements";

const SOURCES: Record<string, { zh: string; en: string }> = {
  population: { zh: "人口库", en: "Population registry" },
  legal_person: { zh: "法人库", en: "Legal-person registry" },
  certificates: { zh: "电子证照库", en: "E-certificate library" },
};

const ACTIONS: Record<string, { zh: string; en: string }> = {
  "person.verify": { zh: "实名核验", en: "Real-name check" },
  "person.read": { zh: "查询个人信息", en: "Read personal data" },
};

/** 我的数据使用记录: every use of a citizen's personal data that the audit log holds. Raises: FORBIDDEN. */
export class DataAccessService {
  constructor(private readonly store: Store) {}

  async listForMe(actor: Actor, lang: Lang, limit: number, offset: number): Promise<{ items: DataAccessRecord[]; total: number }> {
    if (actor.kind !== "citizen" || !actor.personId) throw new DomainError("FORBIDDEN");
    const [rows, total] = await Promise.all([
      this.store.repos.audit.listBySubject(actor.personId, limit, offset),
      this.store.repos.audit.countBySubject(actor.personId),
    ]);
    const items = rows.map((row) => {
      const details = (row.details ?? {}) as { source?: string; elements?: string[] };
      const source = details.source ? (SOURCES[details.source]?.[lang] ?? details.source) : null;
      return {
        id: `${row.chain}-${row.seq}`,
        occurredAt: row.occurred_at.toISOString(),
        action: ACTIONS[row.action]?.[lang] ?? row.action,
        actorName: row.actor_name,
        orgName: (lang === "en" ? row.org_name_en : row.org_name) ?? null,
        source,
        elements: Array.isArray(details.elements) ? details.elements.map((e) => dataElementLabel(e, lang)) : [],
        purpose: row.purpose,
      };
    });
    return { items, total };
  }
}
