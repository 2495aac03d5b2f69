import { describe, expect, it } from "vitest";
import { highlight } from "./search-index";
import { normalize, oneEditApart, pinyinKeys, queryWords, tokens } from "./text";

describe("search text helpers", () => {
  it("normalises width and case and drops punctuation", () => {
    expect(normalize("ＹＹＺＺ，营业执照！")).toBe("yyzz 营业执照");
  });

  it("indexes Han as characters and bigrams, Latin as words", () => {
    expect(tokens("营业执照 abc")).toEqual(["营", "营业", "业", "业执", "执", "执照", "照", "abc"]);
  });

  it("gives full pinyin and initials", () => {
    expect(pinyinKeys("营业执照")).toEqual({ full: "yingyezhizhao", initials: "yyzz" });
    expect(pinyinKeys("居住证").initials).toBe("jzz");
  });

  it("drops function words from questions", () => {
    expect(queryWords("我想怎么开公司")).toEqual(expect.arrayContaining(["公司"]));
    expect(queryWords("我想怎么开公司")).not.toContain("我想");
  });

  it("recognises one substitution, insertion or deletion, and nothing more", () => {
    expect(oneEditApart("营业执找", "营业执照")).toBe(true);
    expect(oneEditApart("营业执", "营业执照")).toBe(true);
    expect(oneEditApart("营业执照照", "营业执照")).toBe(true);
    expect(oneEditApart("营业执照", "营业执照")).toBe(false);
    expect(oneEditApart("营亚执找", "营业执照")).toBe(false);
  });

  it("highlights the longest terms as segments", () => {
    expect(highlight("企业设立登记（营业执照）", ["营业执照", "登记"])).toEqual([
      { text: "企业设立", hit: false },
      { text: "登记", hit: true },
      { text: "（", hit: false },
      { text: "营业执照", hit: true },
      { text: "）", hit: false },
    ]);
  });
});
