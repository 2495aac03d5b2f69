import { describe, expect, it } from "vitest";
import { availableDocuments, buildDocument, chineseDate, type DocumentSource } from "./application-documents";

const at = (iso: string) => new Date(iso);
const base: DocumentSource = {
  number: "310101-20260212-000001",
  itemName: "食品经营许可",
  itemKind: "XK",
  benefit: null,
  applicantName: "上海明远科技有限公司",
  handlingOrgName: "浦东新区市场监督管理局",
  acceptingOrgName: "黄浦区政务服务中心",
  channel: "window",
  submittedAt: at("2026-02-12T02:00:00Z"),
  committedDeadline: "2026-02-28",
  outcome: null,
  events: [{ action: "submit", opinion: null, details: {}, createdAt: at("2026-02-12T02:00:00Z") }],
  names: { layout: "经营场所平面布局图", seats: "座位数" },
};

describe("application documents", () => {
  it("writes dates the Chinese way, in Shanghai time", () => {
    expect(chineseDate("2026-03-05")).toBe("2026年3月5日");
    expect(chineseDate(at("2026-02-16T17:30:00Z"))).toBe("2026年2月17日");
  });

  it("has a receipt at once, naming the accepting centre and the handling department", () => {
    expect(availableDocuments(base)).toEqual(["receipt"]);
    const r = buildDocument(base, "receipt")!;
    expect(r.title).toBe("受理回执");
    expect(r.issuer).toBe("黄浦区政务服务中心");
    expect(r.paragraphs.join("")).toContain("转浦东新区市场监督管理局办理");
    expect(r.paragraphs.join("")).toContain("2026年2月28日");
    expect(buildDocument(base, "decision")).toBeNull();
  });

  it("lists exactly what must be supplied, once, with the reason", () => {
    const src = { ...base, events: [...base.events, { action: "request_supplement", opinion: "布局图缺少后厨区域", details: { supplementItems: ["layout", "seats"] }, createdAt: at("2026-02-13T03:00:00Z") }] };
    const d = buildDocument(src, "supplement")!;
    expect(d.title).toBe("补正材料告知书");
    expect(d.list).toEqual(["经营场所平面布局图", "座位数"]);
    expect(d.paragraphs).toContain("补正理由：布局图缺少后厨区域");
    expect(d.docNumber).toBe("补字〔2026〕000001号");
  });

  it("gives the reason and the remedy in a refusal, and a grant without one", () => {
    const denied = { ...base, outcome: "denied", events: [...base.events, { action: "accept", opinion: null, details: {}, createdAt: at("2026-02-13T03:00:00Z") }, { action: "deny", opinion: "经营场所与有毒场所距离不足", details: {}, createdAt: at("2026-03-02T03:00:00Z") }] };
    expect(availableDocuments(denied)).toEqual(["receipt", "acceptance", "decision"]);
    const d = buildDocument(denied, "decision")!;
    expect(d.title).toBe("不予行政许可决定书");
    expect(d.paragraphs.join("")).toContain("经营场所与有毒场所距离不足");
    expect(d.paragraphs.join("")).toContain("行政复议");
    const approved = { ...denied, outcome: "approved", events: [...denied.events.slice(0, 2), { action: "approve", opinion: null, details: {}, createdAt: at("2026-03-02T03:00:00Z") }] };
    const g = buildDocument(approved, "decision")!;
    expect(g.title).toBe("准予行政许可决定书");
    expect(g.paragraphs.join("")).not.toContain("行政复议");
    const rejected = { ...base, outcome: "rejected", events: [...base.events, { action: "reject", opinion: "不属于本机关职权范围", details: {}, createdAt: at("2026-02-12T05:00:00Z") }] };
    expect(buildDocument(rejected, "rejection")!.paragraphs).toContain("理由：不属于本机关职权范围");
  });

  it("decides an allowance as 给付 — not as a licence — and states the benefit granted", () => {
    const benefit = { amount: 180, period: "monthly" as const, band: "80 至 89 周岁", firstPayDate: "2026-04-10", payTo: "本人社会保障卡金融账户" };
    const allowance: DocumentSource = { ...base, itemName: "老年综合津贴申领", itemKind: "JF", benefit, outcome: "approved", events: [...base.events, { action: "accept", opinion: null, details: {}, createdAt: at("2026-03-13T03:00:00Z") }, { action: "approve", opinion: null, details: {}, createdAt: at("2026-03-20T03:00:00Z") }] };
    const g = buildDocument(allowance, "decision")!;
    expect(g.title).toBe("准予给付决定书");
    expect(g.paragraphs).toContain("核定待遇：每月 180 元（80 至 89 周岁），首次于 2026-04-10 发放至本人社会保障卡金融账户。");
    expect(g.paragraphs.join("")).toContain("决定准予给付");
    for (const kind of ["acceptance", "decision"] as const) expect(buildDocument(allowance, kind)!.paragraphs.join(""), kind).not.toContain("行政许可");
    const refused = buildDocument({ ...allowance, benefit: null, outcome: "denied", events: [...allowance.events.slice(0, 2), { action: "deny", opinion: "未满 65 周岁", details: {}, createdAt: at("2026-03-20T03:00:00Z") }] }, "decision")!;
    expect(refused.title).toBe("不予给付决定书");
    expect(refused.paragraphs).toEqual(expect.arrayContaining(["理由：未满 65 周岁", expect.stringContaining("行政复议")]));
    // A kind without words of its own: 准予办理.
    expect(buildDocument({ ...allowance, itemKind: "GG", benefit: null }, "decision")!.title).toBe("准予办理决定书");
  });
});
