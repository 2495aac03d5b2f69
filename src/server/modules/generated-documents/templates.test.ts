import { describe, expect, it } from "vitest";
import { pdfText } from "../../testing/pdf-text";
import { renderPdf } from "./pdf-layout";
import { chineseNumber, TEMPLATE_BUILDERS } from "./templates";

describe("document templates", () => {
  it("number articles in Chinese numerals", () => {
    expect([1, 9, 10, 11, 15, 20, 21, 99].map(chineseNumber)).toEqual(["一", "九", "十", "十一", "十五", "二十", "二十一", "九十九"]);
  });

  it("a sole shareholder's articles have no shareholders' meeting, and a long document runs over pages with every character kept", async () => {
    const input = {
      itemName: "企业设立登记",
      fields: [
        { key: "name", label: "名称", type: "text" as const, required: true, dataElement: "enterprise.name" },
        { key: "capital", label: "注册资本（万元）", type: "number" as const, required: true, dataElement: "enterprise.registeredCapital" },
        { key: "legalRep", label: "法定代表人", type: "text" as const, required: true, dataElement: "enterprise.legalRepName" },
        { key: "scope", label: "经营范围", type: "textarea" as const, required: true, dataElement: "enterprise.businessScope" },
        { key: "holders", label: "股东", type: "table" as const, required: true, columns: [{ key: "n", label: "姓名", type: "text" as const, required: true, dataElement: "shareholder.name" }] },
      ],
      values: { name: "上海鑫淼示范咨询有限公司", capital: 10, legalRep: "赵一鸣", scope: "企业管理咨询；".repeat(120), holders: [{ n: "赵一鸣" }] },
      applicantName: "赵一鸣",
      date: "2026-12-07",
      createdAt: new Date("2026-12-07T02:00:00Z"),
      places: new Map<string, string>(),
      reference: "在线申请",
    };
    const { pages, text, title } = await pdfText(await renderPdf(TEMPLATE_BUILDERS.articles_of_association(input)));
    expect(title).toBe("上海鑫淼示范咨询有限公司章程");
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain("公司不设股东会");
    expect(text).toContain("由股东决定产生");
    expect(text).toContain("第十五条");
    expect(text).toContain("鑫淼"); // rare characters are in the embedded subset too
    expect(pages.at(-1)).toContain(`第 ${pages.length} 页 共 ${pages.length} 页`);
  });

  it("the food-safety rules directory lists the standard rules under the business's name", async () => {
    const fields = [{ key: "name", label: "企业名称", type: "text" as const, required: true, dataElement: "enterprise.name" }];
    const { text, title } = await pdfText(await renderPdf(TEMPLATE_BUILDERS.food_safety_rules({ itemName: "食品经营许可", fields, values: { name: "上海示范小吃店" }, applicantName: "钱丽", date: "2026-12-07", createdAt: new Date("2026-12-07T02:00:00Z"), places: new Map(), reference: "在线申请" })));
    expect(title).toBe("上海示范小吃店食品安全管理制度目录");
    for (const rule of ["从业人员健康管理制度", "进货查验记录制度", "食品安全突发事件应急处置方案"]) expect(text).toContain(rule);
  });
});
