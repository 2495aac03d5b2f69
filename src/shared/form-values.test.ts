import { describe, expect, it } from "vitest";
import { validateFormValues } from "./form-values";
import type { FormField } from "./schemas/catalogue";

const fields: FormField[] = [
  { key: "name", label: "姓名", type: "text", required: true, dataElement: "person.name" },
  { key: "id", label: "身份证号码", type: "idNumber", required: true },
  { key: "kind", label: "类别", type: "choice", required: true, options: [{ value: "post", label: "邮寄" }, { value: "pickup", label: "自取" }] },
  { key: "address", label: "邮寄地址", type: "text", required: true, visibleIf: { field: "kind", equals: "post" } },
  { key: "n", label: "人数", type: "number", required: false, min: 1, max: 10 },
  { key: "rows", label: "成员", type: "table", required: false, columns: [{ key: "m", label: "手机", type: "mobile", required: true }] },
];

describe("form values", () => {
  it("passes valid values and ignores hidden required fields", () => {
    expect(validateFormValues(fields, { name: "张伟明", id: "11010519491231002X", kind: "pickup" })).toEqual([]);
  });

  it("requires visible fields and checks every type", () => {
    const p = validateFormValues(fields, { name: "", id: "110105194912310021", kind: "post", n: 20, rows: [{ m: "123" }, {}], extra: 1 });
    const messages = p.map((x) => `${x.path.join(".")}: ${x.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "name: 请填写“姓名”",
        "id: “身份证号码”不是有效的身份证号码",
        "address: 请填写“邮寄地址”",
        "n: “人数”不得大于 10",
        "rows.0.m: 第 1 行：“手机”不是有效的手机号码",
        "rows.1.m: 第 2 行请填写“手机”",
        "extra: 表单中没有字段“extra”",
      ]),
    );
  });
});
