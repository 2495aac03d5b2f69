import { DOCUMENT_KINDS, type DocumentKind, type PrintableDocument } from "../../../shared/schemas/documents";
import { benefitSentence, type AssessedBenefit } from "../../../shared/benefit-words";
import { chinaDate } from "../../../shared/china-time";
import { decisionWords } from "../../../shared/workflow-definition";

/**
 * The printable documents of an application (文书): the receipt (受理回执), the acceptance notice
 * (受理通知书), the supplement notice (补正告知书), the decision not to accept (不予受理决定书) and the
 * decision to grant or refuse (准予 / 不予决定书). Pure: built from the application, its events and
 * names, so that the same text prints in the browser and could feed a PDF renderer.
 */
export interface DocumentSource {
  number: string;
  itemName: string;
  /** The item's kind (XK 行政许可, JF 行政给付 …): a licence cites the Administrative Licensing Law, other kinds do not. */
  itemKind: string;
  /** The benefit assessed on approval, which a decision to grant states. */
  benefit: AssessedBenefit | null;
  applicantName: string;
  handlingOrgName: string;
  acceptingOrgName: string | null;
  channel: string;
  submittedAt: Date;
  committedDeadline: string | null;
  outcome: string | null;
  events: Array<{ action: string; opinion: string | null; details: Record<string, unknown>; createdAt: Date }>;
  /** Names of fields and materials, by key, for the supplement list. */
  names: Record<string, string>;
}

/** 2026-02-12 → 2026年2月12日 */
export function chineseDate(d: Date | string): string {
  const iso = chinaDate(d);
  const [y, m, day] = iso.split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

const CHANNEL = { online: "网上申请", window: "窗口申请", mobile: "移动端申请", agent: "帮办代办" } as Record<string, string>;
const REMEDY = "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。";

/** Which documents exist so far (a notice exists once its event has happened). */
export function availableDocuments(src: DocumentSource): DocumentKind[] {
  const has = (a: string) => src.events.some((e) => e.action === a);
  return DOCUMENT_KINDS.filter((k) => {
    switch (k) {
      case "receipt":
        return true;
      case "acceptance":
        return has("accept") || (src.outcome === "approved" && !has("pass_review"));
      case "supplement":
        return has("request_supplement");
      case "rejection":
        return src.outcome === "rejected";
      case "decision":
        return src.outcome === "approved" || src.outcome === "denied";
    }
  });
}

/** The document, or null when it does not exist for this application (yet). */
export function buildDocument(src: DocumentSource, kind: DocumentKind): PrintableDocument | null {
  if (!availableDocuments(src).includes(kind)) return null;
  const last = (a: string) => [...src.events].reverse().find((e) => e.action === a);
  const applied = `你（单位）于${chineseDate(src.submittedAt)}提出的“${src.itemName}”申请（办件编号 ${src.number}）`;
  const base = { kind, addressee: `${src.applicantName}：`, issuer: src.handlingOrgName, list: [] as string[] };
  const licence = src.itemKind === "XK";
  const code = (suffix: string, at: Date) => `${suffix}〔${chineseDate(at).slice(0, 4)}〕${src.number.slice(-6)}号`;
  switch (kind) {
    case "receipt":
      return {
        ...base,
        title: "受理回执",
        docNumber: src.number,
        issuer: src.acceptingOrgName ?? src.handlingOrgName,
        paragraphs: [
          `${applied}已收到（${CHANNEL[src.channel] ?? src.channel}）。`,
          src.acceptingOrgName && src.acceptingOrgName !== src.handlingOrgName ? `本申请由${src.acceptingOrgName}收件，转${src.handlingOrgName}办理（收受分离）。` : `办理部门：${src.handlingOrgName}。`,
          src.committedDeadline ? `承诺办结期限：${chineseDate(src.committedDeadline)}（按工作日计算，补正期间不计入办理时限）。` : "本事项无承诺办结时限。",
          "您可以凭办件编号在“我的办件”中查询办理进度。",
        ],
        date: chineseDate(src.submittedAt),
      };
    case "acceptance": {
      const e = last("accept") ?? last("approve")!;
      return {
        ...base,
        title: "受理通知书",
        docNumber: code("受字", e.createdAt),
        paragraphs: [
          licence ? `${applied}，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，决定予以受理。` : `${applied}，经审查，申请材料齐全、符合规定形式，决定予以受理。`,
          src.committedDeadline ? `本机关将于${chineseDate(src.committedDeadline)}前作出决定（补正期间不计入办理时限）。` : "本机关将依法及时作出决定。",
        ],
        date: chineseDate(e.createdAt),
      };
    }
    case "supplement": {
      const e = last("request_supplement")!;
      const items = ((e.details.supplementItems as string[] | undefined) ?? []).map((k) => src.names[k] ?? k);
      return {
        ...base,
        title: "补正材料告知书",
        docNumber: code("补字", e.createdAt),
        paragraphs: [
          licence
            ? `${applied}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下：`
            : `${applied}，经审查，申请材料不齐全或者不符合规定形式，现一次性告知你（单位）需要补正的全部内容如下：`,
          ...(e.opinion ? [`补正理由：${e.opinion}`] : []),
          "请补正后在“我的办件”中重新提交。补正期间不计入办理时限。",
        ],
        list: items,
        date: chineseDate(e.createdAt),
      };
    }
    case "rejection": {
      const e = last("reject")!;
      return {
        ...base,
        title: "不予受理决定书",
        docNumber: code("不受字", e.createdAt),
        paragraphs: [`${applied}，经审查，决定不予受理。`, `理由：${e.opinion ?? ""}`, REMEDY],
        date: chineseDate(e.createdAt),
      };
    }
    case "decision": {
      const granted = src.outcome === "approved";
      const e = (granted ? last("approve") : last("deny"))!;
      const words = decisionWords(src.itemKind);
      const opinion = e.opinion ? [`办理意见：${e.opinion}`] : [];
      return {
        ...base,
        title: licence ? (granted ? "准予行政许可决定书" : "不予行政许可决定书") : `${granted ? words.approved : words.denied}决定书`,
        docNumber: code(granted ? "准字" : "不准字", e.createdAt),
        paragraphs: licence
          ? granted
            ? [`${applied}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，决定准予行政许可。`, ...opinion]
            : [`${applied}，经审查，不符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第二款的规定，决定不予行政许可。`, `理由：${e.opinion ?? ""}`, REMEDY]
          : granted
            ? [`${applied}，经审查，符合规定条件，决定${words.approved}。`, ...(src.benefit ? [`核定待遇：${benefitSentence(src.benefit)}。`] : []), ...opinion]
            : [`${applied}，经审查，不符合规定条件，决定${words.denied}。`, `理由：${e.opinion ?? ""}`, REMEDY],
        date: chineseDate(e.createdAt),
      };
    }
  }
}
