import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_BUNDLES } from "../server/seed/bundles/demo-bundles";
import { expand } from "../server/seed/catalogue/dsl";
import { DEMO_ITEMS } from "../server/seed/catalogue/seed-catalogue";
import { answerProblems, bindingProblems, mergeForm, planBundle, reduction } from "./bundle-plan";
import { CERTIFICATE_TYPE_DEFS } from "./certificate-types";
import { bundleDefinition, bundleProblems, findCycle, type BundleDefinition } from "./schemas/bundle";
import type { ItemContent } from "./schemas/catalogue";

const PLACE = { location: "上海市黄浦区", hours: "工作日 9:00-17:00", consultPhone: "12345", complaintPhone: "12345" };
const bundle = (code: string) => bundleDefinition.parse(DEMO_BUNDLES.find((b) => b.code === code));
const certFields = (type: string) => CERTIFICATE_TYPE_DEFS[type]?.fields.map((f) => f.key) ?? null;

/** The catalogue's content of each item of a bundle; the upstream results the demo bundles rely on are declared as the catalogue will declare them. */
function contentsOf(def: BundleDefinition): Map<string, ItemContent> {
  const issued: Record<string, ItemContent["certificate"]> = {
    XK00001001: { type: "business_licence", fields: { name: "enterpriseName", legalRep: "legalRep", address: "address" } },
    GG00008001: { type: "birth_certificate", fields: { childName: "childName", childGender: "childGender", birthDate: "childBirthDate", birthPlace: "birthPlace", motherName: "motherName" } },
  };
  return new Map(
    def.items.map((it) => {
      const base = DEMO_ITEMS.find((d) => d.code === it.basicCode);
      if (!base) throw new Error(`no catalogue item ${it.basicCode}`);
      const content = expand(base, PLACE);
      return [it.key, issued[it.basicCode] && !content.certificate ? { ...content, certificate: issued[it.basicCode] } : content];
    }),
  );
}

const included = (def: BundleDefinition, answers: Record<string, string | string[]>) => {
  const plan = planBundle(def, answers);
  const contents = contentsOf(def);
  const items = plan.items.filter((p) => p.included).map((p) => ({ item: def.items.find((i) => i.key === p.key)!, content: contents.get(p.key)! }));
  return { plan, items, merged: mergeForm(items, plan.waivedMaterials) };
};

describe("bundle definitions", () => {
  it("the demo bundles are valid and bind to the catalogue's items", () => {
    for (const input of DEMO_BUNDLES) {
      const def = bundleDefinition.parse(input);
      expect(bindingProblems(def, contentsOf(def), certFields)).toEqual([]);
    }
  });

  it("rejects a dependency cycle, naming it", () => {
    const def = bundle("START_BUSINESS");
    const items = def.items.map((it) => (it.key === "licence" ? { ...it, dependsOn: [{ item: "invoice", fields: {} }] } : it));
    const res = bundleDefinition.safeParse({ ...def, items });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^事项依赖形成循环：(licence|invoice|tax) → .* → \1$/));
  });

  it("rejects an item no answer reaches, and an item waiting on it", () => {
    const def = bundle("START_BUSINESS");
    const questions = def.questions.map((q) => (q.key === "staff" ? { ...q, options: q.options.map((o) => ({ ...o, includes: [] })) } : q));
    const items = [...def.items, { key: "after_fund", basicCode: "GG00005002", optional: false, dependsOn: [{ item: "housing_fund", fields: {} }] }];
    const messages = bundleProblems({ items, questions }).map((p) => p.message);
    expect(messages).toEqual(["可选事项“housing_fund”没有任何回答会纳入，永远不会办理", "事项“after_fund”依赖的事项永远不会办理，它也无法开始"]);
  });

  it("rejects references to items, questions and options that do not exist", () => {
    const def = bundle("NEWBORN");
    const messages = bundleProblems({
      items: [...def.items, { key: "x", basicCode: "GG00002001", optional: false, dependsOn: [{ item: "nowhere", fields: {} }] }],
      questions: [...def.questions, { key: "more", text: "追问", multiple: false, askIf: { question: "hukou", equals: "maybe" }, options: [{ value: "a", label: "甲", includes: ["ghost"], excludes: [], waivesMaterials: [] }, { value: "b", label: "乙", includes: [], excludes: [], waivesMaterials: [] }] }],
    }).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining(["事项“x”依赖不存在的事项“nowhere”", "选项“甲”引用了不存在的事项“ghost”", "问题“新生儿是否在本市落户？”没有选项“maybe”"]));
  });

  it("rejects a dependency that does not bind: an upstream without a certificate, a field that is not there", () => {
    const def = bundle("START_BUSINESS");
    const contents = contentsOf(def);
    contents.set("licence", { ...contents.get("licence")!, certificate: undefined });
    const items = def.items.map((it) => (it.key === "seal" ? { ...it, dependsOn: [{ item: "licence", certificateAs: "business_licence", fields: { enterpriseName: "companyName", nosuch: "legalRep" } }] } : it));
    const messages = bindingProblems({ items }, contents, certFields).map((p) => p.message);
    expect(messages).toContain("企业设立登记办结后不颁发证照，不能作为公章刻制备案的材料“营业执照”");
    expect(messages).toContain("企业设立登记的申请表没有字段“companyName”");
    expect(messages).toContain("公章刻制备案的申请表没有字段“nosuch”");
    expect(messages).toContain("企业设立登记不颁发证照，没有“creditCode”一项");
  });

  it("any acyclic dependency graph is accepted, and one edge back from the first item to the last makes a cycle", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }))), ([n, edges]) => {
        // Edges only from a later item to an earlier one: acyclic by construction; a chain 0 ← 1 ← … ← n-1 on top.
        const deps = Array.from({ length: n }, (_, i) => new Set<number>(i > 0 ? [i - 1] : []));
        for (const [a, b] of edges) if (a > b) deps[a]!.add(b);
        const items = deps.map((d, i) => ({ key: `i${i}`, dependsOn: [...d].map((j) => ({ item: `i${j}`, fields: {} })) }));
        expect(findCycle(items)).toBeNull();
        items[0]!.dependsOn.push({ item: `i${n - 1}`, fields: {} });
        const cycle = findCycle(items)!;
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        expect(cycle).toContain("i0");
      }),
    );
  });
});

describe("answering the questions", () => {
  it("says which items apply and why", () => {
    const def = bundle("START_BUSINESS");
    const { plan } = included(def, { seal: "no", invoice: "yes", staff: "no", agent: "no" });
    const byKey = Object.fromEntries(plan.items.map((p) => [p.key, p]));
    expect(plan.items.filter((p) => p.included).map((p) => p.key)).toEqual(["licence", "tax", "invoice", "social_insurance"]);
    expect(byKey.seal!.reason).toBe("因为您在“是否需要刻制印章（新办企业免费领取首套）？”中选择了“不需要”，无需办理seal");
    expect(byKey.invoice!.reason).toContain("开业后是否需要开具发票？");
    expect(byKey.housing_fund!.included).toBe(false);
    expect(byKey.invoice!.waitsFor).toEqual(["licence", "tax"]);
  });

  it("an item whose upstream does not apply starts without waiting for it", () => {
    const { plan } = included(bundle("NEWBORN"), { birth_cert: "yes", hukou: "yes", vaccination: "yes" });
    const byKey = Object.fromEntries(plan.items.map((p) => [p.key, p]));
    expect(byKey.birth_cert!.included).toBe(false);
    expect(byKey.hukou!.waitsFor).toEqual([]);
    expect(byKey.vaccination!.waitsFor).toEqual([]);
    expect(byKey.ss_card!.waitsFor).toEqual(["insurance"]);
  });

  it("refuses unanswered, unknown, inapplicable and contradictory answers", () => {
    const def = bundle("START_BUSINESS");
    expect(answerProblems(def, { seal: "yes", invoice: "no", staff: "no" }).map((p) => p.message)).toEqual(["请回答“是否委托他人代为办理？”"]);
    expect(answerProblems(def, { seal: ["yes", "no"], invoice: "maybe", staff: "no", agent: "no", colour: "red" }).map((p) => p.message)).toEqual(
      expect.arrayContaining(["“是否需要刻制印章（新办企业免费领取首套）？”只能选择一项", "“开业后是否需要开具发票？”没有选项“maybe”", "没有问题“colour”"]),
    );
    const contradictory = { ...def, questions: [...def.questions, { key: "shop", text: "是否只做线上经营？", multiple: false, options: [{ value: "yes", label: "只做线上", includes: [], excludes: ["invoice"], waivesMaterials: [] }, { value: "no", label: "否", includes: [], excludes: [], waivesMaterials: [] }] }] };
    expect(answerProblems(contradictory, { seal: "yes", invoice: "yes", staff: "no", agent: "no", shop: "yes" })[0]!.message).toBe(
      "回答相互矛盾：“开业后是否需要开具发票？”选择“需要”需要办理事项“invoice”，而“是否只做线上经营？”选择“只做线上”又排除了它",
    );
    const followUp = { ...def, questions: [...def.questions, { key: "how_many", text: "招用多少名员工？", multiple: false, askIf: { question: "staff", equals: "yes" }, options: [{ value: "few", label: "10 人以下", includes: [], excludes: [], waivesMaterials: [] }, { value: "many", label: "10 人及以上", includes: [], excludes: [], waivesMaterials: [] }] }] };
    expect(answerProblems(followUp, { seal: "yes", invoice: "no", staff: "no", agent: "no", how_many: "few" })[0]!.message).toBe("根据您此前的回答，“招用多少名员工？”不适用，请不要回答");
    expect(answerProblems(followUp, { seal: "yes", invoice: "no", staff: "yes", agent: "no" })[0]!.message).toBe("请回答“招用多少名员工？”");
  });
});

describe("one form, one set of materials, and the reduction", () => {
  it("asks each data element once, does not ask what flows from the licence, and merges materials", () => {
    const def = bundle("START_BUSINESS");
    const { items, merged } = included(def, { seal: "yes", invoice: "yes", staff: "yes", agent: "no" });
    const keys = merged.fields.map((m) => m.field.key);
    expect(new Set(keys).size).toBe(keys.length);
    const contact = merged.fields.find((m) => m.field.dataElement === "contact.mobile")!;
    expect(contact.answers).toEqual(expect.arrayContaining(["licence.contactMobile", "seal.contactMobile", "tax.contactMobile", "invoice.contactMobile", "social_insurance.contactMobile", "housing_fund.contactMobile"]));
    // The new company's name, credit code and legal representative come from the licence, not from the founder again.
    expect(merged.flowed["seal.creditCode"]).toBe("licence.cert.creditCode");
    expect(merged.flowed["tax.enterpriseName"]).toBe("licence.enterpriseName");
    expect(merged.fields.some((m) => m.answers.includes("seal.creditCode"))).toBe(false);
    // The licence is one material for every item, provided by the first item's certificate; the agent's authorisation is waived by the answer.
    expect(merged.fromUpstream).toMatchObject({ "seal.business_licence": "licence", "tax.business_licence": "licence", "social_insurance.business_licence": "licence" });
    expect(merged.materials.some((m) => m.covers.some((c) => c.endsWith(".business_licence")))).toBe(false);
    expect(merged.materials.some((m) => m.covers.includes("licence.agent_authorisation"))).toBe(false);
    const bank = merged.materials.find((m) => m.material.replaceableBy?.code === "enterprise.bankAccount")!;
    expect(bank.covers).toEqual(["tax.bank", "social_insurance.bank"]);

    const r = reduction(items, merged);
    const fieldsSeparately = items.reduce((n, x) => n + x.content.form.fields.length, 0);
    expect(r.separate.fields).toBe(fieldsSeparately);
    expect(r.bundle.fields).toBeLessThan(r.separate.fields / 2);
    expect(r.bundle.materials).toBeLessThan(r.separate.materials);
    // The licence first, then the rest in parallel, except the invoice after the tax confirmation.
    const days = (k: string) => items.find((x) => x.item.key === k)!.content.guide.committedLimitDays!;
    expect(r.separate.days).toBe(["licence", "seal", "tax", "invoice", "social_insurance", "housing_fund"].reduce((n, k) => n + days(k), 0));
    expect(r.bundle.days).toBe(days("licence") + Math.max(days("seal"), days("tax") + days("invoice"), days("social_insurance"), days("housing_fund")));
    expect(r.bundle.days).toBeLessThan(r.separate.days);
    expect(r.bundle.visits).toBe(0);
  });

  it("a field asked by two items is required once if either requires it", () => {
    const def = bundle("NEWBORN");
    const { merged } = included(def, { birth_cert: "no", hukou: "yes", vaccination: "yes" });
    const mobile = merged.fields.filter((m) => m.field.dataElement === "person.mobile");
    expect(mobile).toHaveLength(1);
    expect(mobile[0]!.field.required).toBe(true);
    // The child's name is asked once, for the birth certificate; the household registration and the vaccination certificate take it from there.
    expect(merged.fields.filter((m) => m.field.dataElement === "child.name").map((m) => m.answers)).toEqual([["birth_cert.childName", "insurance.childName"]]);
    expect(merged.flowed).toMatchObject({ "hukou.childName": "birth_cert.childName", "vaccination.childName": "birth_cert.childName" });
  });

  it("a follow-up field keeps its condition on the merged key, and loses it when another item needs the answer anyway", () => {
    const def = bundle("NEWBORN");
    const contents = contentsOf(def);
    const item = (k: string) => ({ item: def.items.find((i) => i.key === k)!, content: contents.get(k)! });
    const alone = mergeForm([item("insurance"), item("ss_card")]);
    const post = alone.fields.find((m) => m.answers.includes("ss_card.address"))!;
    expect(post.field.visibleIf).toEqual({ field: "delivery", equals: "post" });
    // A key no other item uses is kept as it is.
    expect(alone.fields.find((m) => m.answers.includes("ss_card.delivery"))!.field.key).toBe("delivery");
    const withHukou = mergeForm([item("ss_card"), item("hukou")]);
    const address = withHukou.fields.find((m) => m.answers.includes("ss_card.address"))!;
    expect(address.answers).toContain("hukou.householdAddress");
    expect(address.field.visibleIf).toBeUndefined();
  });
});
