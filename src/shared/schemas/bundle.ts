import { z } from "zod";
import { int32 } from "./common";
import { THEME_CODES } from "../catalogue";
import { BASIC_CODE_PATTERN } from "../catalogue-codes";
import { prefillField, selfRoles } from "./data";

/**
 * 一件事 bundle definitions: a life event as one thing — situational questions (情形引导) whose
 * answers include or exclude constituent items and materials, the items (base items of the
 * catalogue, each handled by its own department under its own workflow), and the dependencies
 * between them (a directed acyclic graph: B starts when A is approved, and A's certificate or form
 * answers flow into B).
 */

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "标识须以小写字母开头，只含小写字母、数字和下划线");
const FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;
const text = (max = 200) => z.string().trim().min(1).max(max);

/** What an answer does: the items and materials (`<item key>.<material key>`) it includes or excludes. */
export const bundleOption = z.strictObject({
  value: key,
  label: text(60),
  includes: z.array(key).max(20).default([]),
  excludes: z.array(key).max(20).default([]),
  /** Materials not needed in this situation, as `<item key>.<material key>`. */
  waivesMaterials: z.array(z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/)).max(40).default([]),
});
export type BundleOption = z.infer<typeof bundleOption>;

export const bundleQuestion = z.strictObject({
  key,
  text: text(100),
  help: z.string().max(300).optional(),
  /** Several options may be chosen (each one's effect applies). */
  multiple: z.boolean().default(false),
  options: z.array(bundleOption).min(2).max(12),
  /** Asked only when an earlier question has this answer. */
  askIf: z.strictObject({ question: key, equals: key }).optional(),
});
export type BundleQuestion = z.infer<typeof bundleQuestion>;

/** An upstream item this one waits for, and what flows from it. */
export const bundleDependency = z.strictObject({
  item: key,
  /** The upstream's certificate becomes this item's evidence for the material with this key. */
  certificateAs: key.optional(),
  /** This item's form field ← the upstream's form field, or `cert.<field>` of the upstream's certificate. */
  /**
   * The item's fields taken from the upstream: its answer, `cert.<field>` of its certificate, or
   * `bank.accountNumber` / `bank.bankName` of the basic account a bank opens for the enterprise the
   * upstream establishes (银行开户) — asked later, when it exists, never of the founder up front.
   */
  fields: z.record(z.string().regex(FIELD_KEY), z.string().regex(/^((cert|bank)\.)?[a-z][a-zA-Z0-9_]{0,39}$/)).default({}),
});
export type BundleDependency = z.infer<typeof bundleDependency>;

export const bundleItem = z.strictObject({
  key,
  /** The base item (基本编码) in the catalogue; the applicant's district's implementation handles it. */
  basicCode: z.string().regex(BASIC_CODE_PATTERN, "基本编码格式不正确"),
  /** Included only when an answer includes it (otherwise always, unless an answer excludes it). */
  optional: z.boolean().default(false),
  dependsOn: z.array(bundleDependency).max(10).default([]),
});
export type BundleItem = z.infer<typeof bundleItem>;

export const DENIAL_POLICIES = {
  stop_dependants: { zh: "停止依赖它的事项，并告知申请人原因", en: "Stop the items that depend on it and tell the applicant why" },
  continue: { zh: "其余事项照常办理", en: "Continue with the other items" },
} as const;

export const bundleDefinition = z
  .strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/, "一件事编码为大写字母、数字和下划线"),
    name: text(60),
    theme: z.enum(THEME_CODES),
    summary: text(500),
    keywords: z.array(text(30)).max(20).default([]),
    audience: z.enum(["person", "enterprise"]),
    /** The lead department (牵头部门) by department code, e.g. AMR; partners are the items' departments. */
    leadDept: z.string().regex(/^[A-Z]{2,10}$/),
    questions: z.array(bundleQuestion).max(20),
    items: z.array(bundleItem).min(2).max(12),
    onDenial: z.enum(["stop_dependants", "continue"]),
    /** The bundle's own time limit in working days (the children keep theirs). */
    limitDays: int32.min(1).max(365),
  })
  .superRefine((def, ctx) => {
    for (const p of bundleProblems(def)) ctx.addIssue({ code: "custom", path: p.path, message: p.message, params: { errorCode: "BUNDLE_INVALID" } });
  });
export type BundleDefinition = z.infer<typeof bundleDefinition>;

type Problem = { path: (string | number)[]; message: string };

/**
 * What is wrong with a definition's structure: duplicate keys, references to items, questions or
 * options that do not exist, a dependency cycle, an item that no answer can reach (optional and
 * never included, or waiting on such an item), an answer that both includes and excludes an item.
 * Dependencies that name fields or certificates are checked against the catalogue by the server.
 */
export function bundleProblems(def: Pick<BundleDefinition, "items" | "questions">): Problem[] {
  const problems: Problem[] = [];
  const items = new Map<string, number>();
  def.items.forEach((it, i) => {
    if (items.has(it.key)) problems.push({ path: ["items", i, "key"], message: `事项标识“${it.key}”重复` });
    items.set(it.key, i);
  });
  const questions = new Map<string, BundleQuestion>();
  def.questions.forEach((q, i) => {
    if (questions.has(q.key)) problems.push({ path: ["questions", i, "key"], message: `问题标识“${q.key}”重复` });
    const values = new Set<string>();
    q.options.forEach((o, j) => {
      if (values.has(o.value)) problems.push({ path: ["questions", i, "options", j, "value"], message: `选项“${o.value}”重复` });
      values.add(o.value);
      for (const k of [...o.includes, ...o.excludes]) if (!items.has(k)) problems.push({ path: ["questions", i, "options", j], message: `选项“${o.label}”引用了不存在的事项“${k}”` });
      for (const k of o.includes) if (o.excludes.includes(k)) problems.push({ path: ["questions", i, "options", j], message: `选项“${o.label}”同时纳入又排除事项“${k}”` });
      for (const m of o.waivesMaterials) if (!items.has(m.split(".")[0]!)) problems.push({ path: ["questions", i, "options", j, "waivesMaterials"], message: `选项“${o.label}”引用了不存在的事项“${m.split(".")[0]}”` });
    });
    if (q.askIf) {
      const parent = questions.get(q.askIf.question);
      if (!parent) problems.push({ path: ["questions", i, "askIf"], message: `追问条件引用了此前没有的问题“${q.askIf.question}”` });
      else if (!parent.options.some((o) => o.value === q.askIf!.equals)) problems.push({ path: ["questions", i, "askIf"], message: `问题“${parent.text}”没有选项“${q.askIf.equals}”` });
    }
    questions.set(q.key, q);
  });
  def.items.forEach((it, i) => {
    it.dependsOn.forEach((d, j) => {
      if (!items.has(d.item)) problems.push({ path: ["items", i, "dependsOn", j, "item"], message: `事项“${it.key}”依赖不存在的事项“${d.item}”` });
      else if (d.item === it.key) problems.push({ path: ["items", i, "dependsOn", j, "item"], message: `事项“${it.key}”不能依赖自身` });
    });
  });
  const cycle = findCycle(def.items);
  if (cycle) problems.push({ path: ["items", items.get(cycle[0]!)!, "dependsOn"], message: `事项依赖形成循环：${cycle.join(" → ")}` });
  else {
    const includable = new Set(def.questions.flatMap((q) => q.options.flatMap((o) => o.includes)));
    const reachable = new Map<string, boolean>();
    const isReachable = (k: string): boolean => {
      if (reachable.has(k)) return reachable.get(k)!;
      const it = def.items[items.get(k)!];
      const ok = !!it && (!it.optional || includable.has(k)) && it.dependsOn.every((d) => !items.has(d.item) || isReachable(d.item));
      reachable.set(k, ok);
      return ok;
    };
    def.items.forEach((it, i) => {
      if (!isReachable(it.key)) problems.push({ path: ["items", i], message: it.optional && !includable.has(it.key) ? `可选事项“${it.key}”没有任何回答会纳入，永远不会办理` : `事项“${it.key}”依赖的事项永远不会办理，它也无法开始` });
    });
  }
  return problems;
}

/** A dependency cycle as the keys along it (first repeated at the end), or null. */
export function findCycle(items: Array<Pick<BundleItem, "key" | "dependsOn">>): string[] | null {
  const deps = new Map(items.map((it) => [it.key, it.dependsOn.map((d) => d.item)]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (k: string): string[] | null => {
    if (state.get(k) === "done" || !deps.has(k)) return null;
    if (state.get(k) === "visiting") return [...path.slice(path.indexOf(k)), k];
    state.set(k, "visiting");
    path.push(k);
    for (const d of deps.get(k)!) {
      const found = visit(d);
      if (found) return found;
    }
    path.pop();
    state.set(k, "done");
    return null;
  };
  for (const it of items) {
    const found = visit(it.key);
    if (found) return found;
  }
  return null;
}

// ---- API shapes ----

export const bundleAdminSummary = z.object({ code: z.string(), name: z.string(), status: z.string(), lockVersion: z.number(), updatedBy: z.string().nullable(), updatedAt: z.string() });
export const bundleAdminView = z.object({ code: z.string(), name: z.string(), status: z.string(), lockVersion: z.number(), definition: z.record(z.string(), z.unknown()) });
export const issueList = z.array(z.object({ path: z.string(), message: z.string() }));

export const bundleAnswers = z.record(key, z.union([key, z.array(key).max(12)]));

export const reductionView = z.object({
  separate: z.object({ fields: z.number(), materials: z.number(), visits: z.number(), days: z.number() }),
  bundle: z.object({ fields: z.number(), materials: z.number(), visits: z.number(), days: z.number() }),
});

export const bundleSummary = z.object({
  code: z.string(),
  name: z.string(),
  theme: z.string(),
  summary: z.string(),
  itemCount: z.number(),
  reduction: reductionView,
});

export const bundleView = bundleSummary.extend({
  leadOrgName: z.string(),
  onDenial: z.enum(["stop_dependants", "continue"]),
  limitDays: z.number(),
  questions: z.array(z.object({ key: z.string(), text: z.string(), help: z.string().optional(), multiple: z.boolean(), askIf: z.object({ question: z.string(), equals: z.string() }).optional(), options: z.array(z.object({ value: z.string(), label: z.string() })) })),
  items: z.array(z.object({ key: z.string(), name: z.string(), orgName: z.string(), optional: z.boolean(), dependsOn: z.array(z.string()) })),
});

export const bundlePlanRequest = z.strictObject({ answers: bundleAnswers, regionCode: z.string().regex(/^31\d{4}$/).optional() });

export const bundlePlanView = z.object({
  items: z.array(z.object({ key: z.string(), name: z.string(), orgName: z.string(), included: z.boolean(), reason: z.string(), waitsFor: z.array(z.string()), limitDays: z.number().nullable(), fees: z.array(z.object({ name: z.string(), amount: z.string() })) })),
  fields: z.array(z.record(z.string(), z.unknown())),
  /** `generated`: the system produces it from the one form (系统生成，无需提交). */
  materials: z.array(z.object({ key: z.string(), name: z.string(), requirements: z.string(), evidence: z.string().nullable(), generated: z.boolean(), fromItem: z.string().nullable(), items: z.array(z.string()) })),
  providedByUpstream: z.array(z.object({ item: z.string(), material: z.string(), from: z.string() })),
  reduction: reductionView,
});

export const bundlePreviewRequest = z.strictObject({ definition: z.unknown(), answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(), regionCode: z.string().regex(/^31\d{4}$/).optional() });
export const bundlePreviewView = z.object({
  ok: z.boolean(),
  issues: issueList,
  plan: z
    .object({ items: z.array(z.object({ key: z.string(), name: z.string(), included: z.boolean(), reason: z.string(), waitsFor: z.array(z.string()) })), fields: z.number(), materials: z.number(), reduction: reductionView })
    .nullable(),
});

export const bundlePrefillRequest = z.strictObject({ answers: bundleAnswers, regionCode: z.string().regex(/^31\d{4}$/).optional(), consent: z.literal(true), selfRoles: selfRoles.optional() });
export const bundlePrefillView = z.object({
  /** Each item's consented prefill (its own department's sharing rule governs it). */
  prefillIds: z.record(z.string(), z.string()),
  /** By the merged form's field keys. */
  fields: z.array(prefillField),
  waivable: z.array(z.object({ materialKey: z.string(), materialName: z.string(), evidence: z.string() })),
});

export const bundleSubmitRequest = z.strictObject({
  answers: bundleAnswers,
  /** The consented prefills the form was filled from, by item key. */
  prefillIds: z.record(key, z.uuid()).optional(),
  regionCode: z.string().regex(/^31\d{4}$/).optional(),
  formData: z.record(z.string().max(40), z.unknown()),
  /** The applicant agrees that data and certificates the government holds stand in for materials (免提交). */
  dataConsent: z.boolean().default(false),
  delivery: z.enum(["electronic", "window"]).default("electronic"),
  /** Uploads for the materials that remain (neither shared, generated nor provided by an earlier service), by the plan's material key. */
  materials: z.array(z.strictObject({ materialKey: z.string().regex(/^[a-z][a-z0-9_]{0,80}$/), fileId: z.uuid() })).max(60).optional(),
});

export const bundleChildView = z.object({
  key: z.string(),
  name: z.string(),
  orgName: z.string(),
  status: z.enum(["waiting", "started", "stopped"]),
  statusName: z.string(),
  waitsFor: z.array(z.string()),
  stoppedReason: z.string().nullable(),
  /** The item waits for the applicant (a supplement request): shown within the bundle. */
  needsApplicant: z.boolean(),
  applicationId: z.string().nullable(),
  number: z.string().nullable(),
  state: z.string().nullable(),
  outcome: z.string().nullable(),
  committedDeadline: z.string().nullable(),
  certificates: z.array(z.object({ identifier: z.string(), typeName: z.string() })),
});

export const bundleApplicationView = z.object({
  id: z.string(),
  number: z.string(),
  bundleCode: z.string(),
  bundleName: z.string(),
  state: z.enum(["in_progress", "completed", "partly_completed", "stopped"]),
  stateName: z.string(),
  submittedAt: z.string(),
  deadline: z.string().nullable(),
  delivery: z.string().nullable(),
  /** Where everything is collected, when the applicant chose one window (一窗发放). */
  deliveryOrgName: z.string().nullable(),
  children: z.array(bundleChildView),
});
