import type { Actor } from "../../actor";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import { DomainError } from "../../domain-error";
import type { DataAccessRecord } from "../../../shared/schemas/identity";
import type { Lang } from "../../../shared/errors";
import { REGISTRIES } from "../../../shared/registries";
import type { DataElementService } from "../data-elements";
import { readDataUse } from "./data-use-record";

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
  "enterprise.agent_revoke": { zh: "取消企业经办人授权", en: "Agent authorisation withdrawn" },
  "profile.view": { zh: "您查看了自己的画像", en: "You viewed your profile" },
  "proactive.push": { zh: "向您推送办事提醒", en: "Reminder sent to you" },
  "auto_approval.evaluate": { zh: "自动审批核对条件", en: "Conditions checked for automatic approval" },
  "policy.match": { zh: "政策找人：核对您是否符合政策", en: "Checked whether a policy applies to you" },
  "benefit.offer": { zh: "免申即享：向您提供待遇", en: "Benefit offered to you" },
  "benefit.grant": { zh: "免申即享：发放待遇", en: "Benefit granted" },
  "benefit.decline": { zh: "您放弃了待遇", en: "You declined a benefit" },
  "benefit.revoke": { zh: "停止发放待遇", en: "Benefit stopped" },
  "benefit.assess": { zh: "按您的信息核定待遇金额", en: "Benefit amount assessed from your data" },
  "rule.test": { zh: "工作人员测试办事规则", en: "Staff tested a service rule" },
  "ticket.read_contact": { zh: "查看您在 12345 留的联系方式", en: "Your 12345 contact details viewed" },
  "ticket.caller_history": { zh: "12345 接听您的来电时查看您的诉求和办件记录", en: "12345 looked up your requests and applications while you called" },
  "application.submit": { zh: "提交申请", en: "Application submitted" },
  "account.register": { zh: "注册账号", en: "Account registered" },
};

/** An action without words of its own is still told in plain words, never as the audit log's code. */
const OTHER_USE = { zh: "使用您的信息", en: "Your information used" };

/** The plain words for an audit action shown to the person whose data it used. */
export function dataUseLabel(action: string, lang: Lang): string {
  return (ACTIONS[action] ?? OTHER_USE)[lang];
}

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
      const use = readDataUse(row.details);
      const source = use.registries.length ? use.registries.map((r) => REGISTRIES[r as keyof typeof REGISTRIES]?.[lang] ?? r).join("、") : null;
      return {
        id: `${row.chain}-${row.seq}`,
        occurredAt: row.occurred_at.toISOString(),
        action: dataUseLabel(row.action, lang),
        actorName: row.actor_name,
        orgName: (lang === "en" ? row.org_name_en : row.org_name) ?? null,
        source,
        elements: await Promise.all(use.elements.map((e) => this.dataElements.elementName(e, lang))),
        purpose: row.purpose,
        applicationNumber: use.applicationNumber,
        denied: row.action.endsWith("denied"),
        deniedReason: row.action.endsWith("denied") ? use.explanation : null,
      };
    }));
    return { items, total };
  }
}
