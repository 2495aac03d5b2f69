import { describe, expect, it } from "vitest";
import { buildImplCode, isBasicCode, parseImplCode } from "../catalogue-codes";
import { formSchema, formSchemaProblems, type FormField } from "./catalogue";

const f = (over: Partial<FormField> & { key: string }): FormField => ({ label: over.key, type: "text", required: false, ...over }) as FormField;

describe("form schemas", () => {
  it("accepts a valid schema with a table and a visibility rule", () => {
    const r = formSchema.safeParse({
      fields: [
        { key: "kind", label: "类别", type: "choice", options: [{ value: "a", label: "甲" }] },
        { key: "detail", label: "说明", type: "text", visibleIf: { field: "kind", equals: "a" }, dataElement: "application.reason" },
        { key: "rows", label: "明细", type: "table", columns: [{ key: "n", label: "名称", type: "text" }] },
      ],
    });
    expect(r.success).toBe(true);
  });

  it("names duplicate keys, unknown data elements, empty choices and bad patterns", () => {
    const problems = formSchemaProblems([
      f({ key: "a", dataElement: "person.shoeSize" }),
      f({ key: "a" }),
      f({ key: "c", type: "choice" }),
      f({ key: "d", pattern: "([" }),
    ]).map((p) => p.message);
    expect(problems).toEqual(expect.arrayContaining(["字段标识“a”重复", "未知的数据元“person.shoeSize”", "选择字段“c”须至少有一个选项", "“d”的格式规则不是有效的正则表达式"]));
  });

  it("finds cyclic and dangling visibility rules", () => {
    const problems = formSchemaProblems([
      f({ key: "a", visibleIf: { field: "b", equals: "1" } }),
      f({ key: "b", visibleIf: { field: "a", equals: "1" } }),
      f({ key: "c", visibleIf: { field: "zz", equals: "1" } }),
    ]).map((p) => p.message);
    expect(problems.some((m) => m.startsWith("显示条件形成循环"))).toBe(true);
    expect(problems).toContain("显示条件引用了不存在的字段“zz”");
  });

  it("reports problems at the field's path with the FORM_SCHEMA_INVALID code", () => {
    const r = formSchema.safeParse({ fields: [f({ key: "a" }), f({ key: "a" })] });
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path).toEqual(["fields", 1, "key"]);
    expect((issue as { params?: { errorCode?: string } }).params?.errorCode).toBe("FORM_SCHEMA_INVALID");
  });
});

describe("item codes", () => {
  it("validates basic codes", () => {
    expect(isBasicCode("XK00001001")).toBe(true);
    expect(isBasicCode("ZZ00001001")).toBe(false);
    expect(isBasicCode("XK0001001")).toBe(false);
  });

  it("builds and parses implementation codes, checking the division length for the level", () => {
    const code = buildImplCode("XK00001001", "district", "310101", "AMR");
    expect(code).toBe("XK00001001-3-310101-AMR");
    expect(parseImplCode(code)).toEqual({ basicCode: "XK00001001", level: "district", divisionCode: "310101", orgKey: "AMR" });
    expect(parseImplCode("XK00001001-4-310101-JD")).toBeNull();
    expect(parseImplCode("XK00001001-4-310101001-JD")?.level).toBe("street");
    expect(parseImplCode("nonsense")).toBeNull();
  });
});
