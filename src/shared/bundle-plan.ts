import type { BundleDefinition, BundleItem, BundleQuestion } from "./schemas/bundle";
import type { FormField, ItemContent, Material } from "./schemas/catalogue";

/**
 * From a bundle definition and the applicant's answers to what they will do: which items apply and
 * why, one merged form (each field asked once, deduplicated by data element; fields that flow from an
 * upstream item's result not asked at all), one set of materials (deduplicated, with what evidence can
 * stand in for each), and the reduction against applying for each item separately. Pure: the server
 * and the web app compute the same plan.
 */

export type Answers = Record<string, string | string[]>;

export interface AnswerProblem {
  question: string | null;
  message: string;
}

const chosen = (answers: Answers, q: BundleQuestion): string[] => {
  const a = answers[q.key];
  return a === undefined ? [] : Array.isArray(a) ? a : [a];
};

/** The questions asked, given the answers so far (a follow-up only after its triggering answer). */
export function askedQuestions(def: Pick<BundleDefinition, "questions">, answers: Answers): BundleQuestion[] {
  const asked: BundleQuestion[] = [];
  for (const q of def.questions) {
    if (q.askIf) {
      const parent = def.questions.find((p) => p.key === q.askIf!.question);
      if (!parent || !asked.includes(parent) || !chosen(answers, parent).includes(q.askIf.equals)) continue;
    }
    asked.push(q);
  }
  return asked;
}

/**
 * What is wrong with a set of answers: an unknown question or option, several options for a
 * single-choice question, an answer to a question that does not apply, a question left unanswered,
 * and answers that contradict each other (one includes an item another excludes).
 */
export function answerProblems(def: Pick<BundleDefinition, "questions" | "items">, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const asked = askedQuestions(def, answers);
  for (const [k, v] of Object.entries(answers)) {
    const q = def.questions.find((x) => x.key === k);
    if (!q) {
      problems.push({ question: k, message: `没有问题“${k}”` });
      continue;
    }
    const values = Array.isArray(v) ? v : [v];
    if (!q.multiple && values.length !== 1) problems.push({ question: k, message: `“${q.text}”只能选择一项` });
    if (q.multiple && values.length === 0) problems.push({ question: k, message: `请回答“${q.text}”` });
    for (const value of values) if (!q.options.some((o) => o.value === value)) problems.push({ question: k, message: `“${q.text}”没有选项“${value}”` });
    if (!asked.includes(q)) problems.push({ question: k, message: `根据您此前的回答，“${q.text}”不适用，请不要回答` });
  }
  for (const q of asked) if (answers[q.key] === undefined) problems.push({ question: q.key, message: `请回答“${q.text}”` });
  if (problems.length) return problems;
  // Contradictions: an item included by one answer and excluded by another.
  const effects = asked.flatMap((q) => q.options.filter((o) => chosen(answers, q).includes(o.value)).map((o) => ({ q, o })));
  for (const a of effects) {
    for (const b of effects) {
      for (const item of a.o.includes.filter((k) => b.o.excludes.includes(k))) {
        problems.push({ question: b.q.key, message: `回答相互矛盾：“${a.q.text}”选择“${a.o.label}”需要办理事项“${item}”，而“${b.q.text}”选择“${b.o.label}”又排除了它` });
      }
    }
  }
  return problems;
}

export interface PlannedItem {
  key: string;
  basicCode: string;
  included: boolean;
  /** Why it applies or does not, in the applicant's words. */
  reason: string;
  /** The upstream items it waits for (only those that are included). */
  waitsFor: string[];
}

/**
 * The items that apply and why; each answer's material waivers. An item whose upstream does not
 * apply (e.g. the applicant already holds its result) starts without waiting for it. Call with
 * answers free of `answerProblems`.
 */
export function planBundle(def: Pick<BundleDefinition, "questions" | "items">, answers: Answers, itemNames: Record<string, string> = {}): { items: PlannedItem[]; waivedMaterials: Set<string> } {
  const asked = askedQuestions(def, answers);
  const includedBy = new Map<string, string>();
  const excludedBy = new Map<string, string>();
  const waivedMaterials = new Set<string>();
  for (const q of asked) {
    for (const o of q.options.filter((x) => chosen(answers, q).includes(x.value))) {
      for (const k of o.includes) includedBy.set(k, `您在“${q.text}”中选择了“${o.label}”`);
      for (const k of o.excludes) excludedBy.set(k, `您在“${q.text}”中选择了“${o.label}”`);
      for (const m of o.waivesMaterials) waivedMaterials.add(m);
    }
  }
  const included = new Set(def.items.filter((it) => !excludedBy.has(it.key) && (!it.optional || includedBy.has(it.key))).map((it) => it.key));
  const items = def.items.map((it): PlannedItem => {
    const name = itemNames[it.key] ?? it.key;
    const on = included.has(it.key);
    const reason = on
      ? includedBy.has(it.key)
        ? `因为${includedBy.get(it.key)}，需要办理${name}`
        : `办理本件事都需要${name}`
      : excludedBy.has(it.key)
        ? `因为${excludedBy.get(it.key)}，无需办理${name}`
        : `您的情形不需要办理${name}`;
    return { key: it.key, basicCode: it.basicCode, included: on, reason, waitsFor: it.dependsOn.map((d) => d.item).filter((k) => included.has(k)) };
  });
  return { items, waivedMaterials };
}

/** One field of the merged form, and where each item's own field takes its value from. */
export interface MergedField {
  field: FormField;
  /** The items' fields this one answers, as `<item key>.<field key>`. */
  answers: string[];
}

export interface MergedMaterial {
  key: string;
  name: string;
  material: Material;
  /** The items' materials this one stands for, as `<item key>.<material key>`. */
  covers: string[];
}

export interface MergedForm {
  fields: MergedField[];
  /** Item fields filled from an upstream item's result, not asked: `<item key>.<field key>` → `<upstream>.<field>`. */
  flowed: Record<string, string>;
  materials: MergedMaterial[];
  /** Item materials the upstream's certificate provides: `<item key>.<material key>` → upstream item key. */
  fromUpstream: Record<string, string>;
}

const mergedKey = (taken: Set<string>, itemKey: string, fieldKey: string) => {
  if (!taken.has(fieldKey)) return fieldKey;
  const k = `${itemKey.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}_${fieldKey}`.slice(0, 40);
  let n = 2;
  let out = k;
  while (taken.has(out)) out = `${k.slice(0, 37)}_${n++}`;
  return out;
};

/**
 * The one form and one set of materials for the included items: a field bound to a data element is
 * asked once for every item that asks for it; a field the dependency brings from an upstream item is
 * not asked; materials are one per certificate or data element they can be replaced by, else one per
 * item material; answers can waive materials; an upstream's certificate stands for the material it
 * is declared for.
 */
export function mergeForm(items: Array<{ item: BundleItem; content: ItemContent }>, waivedMaterials: Set<string> = new Set()): MergedForm {
  const included = new Set(items.map((x) => x.item.key));
  const fields: MergedField[] = [];
  const byElement = new Map<string, MergedField>();
  const taken = new Set<string>();
  const flowed: Record<string, string> = {};
  const fromUpstream: Record<string, string> = {};
  for (const { item, content } of items) {
    const flows = new Map<string, string>();
    for (const d of item.dependsOn.filter((x) => included.has(x.item))) {
      for (const [own, upstream] of Object.entries(d.fields)) flows.set(own, `${d.item}.${upstream}`);
      if (d.certificateAs) fromUpstream[`${item.key}.${d.certificateAs}`] = d.item;
    }
    for (const f of content.form.fields) {
      const ref = `${item.key}.${f.key}`;
      if (flows.has(f.key)) {
        flowed[ref] = flows.get(f.key)!;
        continue;
      }
      const same = f.type !== "table" && f.dataElement ? byElement.get(f.dataElement) : undefined;
      if (same) {
        same.answers.push(ref);
        // Asked once: required if any item requires it; shown whenever any item needs it.
        if (f.required && !same.field.required) same.field = { ...same.field, required: true };
        if (same.field.visibleIf && (!f.visibleIf || mergedKeyOf(fields, item.key, f.visibleIf.field) !== same.field.visibleIf.field || f.visibleIf.equals !== same.field.visibleIf.equals)) {
          const { visibleIf: _, ...always } = same.field;
          same.field = always as FormField;
        }
        continue;
      }
      const k = mergedKey(taken, item.key, f.key);
      taken.add(k);
      const m: MergedField = { field: { ...f, key: k, visibleIf: f.visibleIf ? { ...f.visibleIf, field: mergedKeyOf(fields, item.key, f.visibleIf.field) ?? f.visibleIf.field } : undefined }, answers: [ref] };
      if (!m.field.visibleIf) delete m.field.visibleIf;
      fields.push(m);
      if (f.type !== "table" && f.dataElement) byElement.set(f.dataElement, m);
    }
  }
  const materials: MergedMaterial[] = [];
  const byEvidence = new Map<string, MergedMaterial>();
  for (const { item, content } of items) {
    for (const m of content.guide.materials) {
      const ref = `${item.key}.${m.key}`;
      if (waivedMaterials.has(ref) || fromUpstream[ref]) continue;
      const evidence = m.replaceableBy ? `${m.replaceableBy.kind}:${m.replaceableBy.code}` : null;
      const same = evidence ? byEvidence.get(evidence) : materials.find((x) => !x.material.replaceableBy && x.name === m.name);
      if (same) {
        same.covers.push(ref);
        continue;
      }
      const merged: MergedMaterial = { key: ref.replace(".", "__"), name: m.name, material: m, covers: [ref] };
      materials.push(merged);
      if (evidence) byEvidence.set(evidence, merged);
    }
  }
  return { fields, flowed, materials, fromUpstream };
}

function mergedKeyOf(fields: MergedField[], itemKey: string, fieldKey: string): string | undefined {
  return fields.find((m) => m.answers.includes(`${itemKey}.${fieldKey}`))?.field.key;
}

export interface Reduction {
  separate: { fields: number; materials: number; visits: number; days: number };
  bundle: { fields: number; materials: number; visits: number; days: number };
}

const limitOf = (c: ItemContent) => c.guide.committedLimitDays ?? c.guide.legalLimitDays ?? 0;
const alwaysNeeded = (m: Material) => !m.situation;

/**
 * Applying for each included item separately against the bundle: form fields (each item's own),
 * materials (each item's always-needed ones; in the bundle, merged, less those evidence stands in
 * for, the system generates from the one form, or an upstream item provides), visits (each item's; the bundle is handled online and delivered
 * once, so none unless an item can only be done at a window) and time limits (the sum of the items'
 * committed limits; in the bundle, the longest chain of dependent items, the rest running in parallel).
 */
export function reduction(items: Array<{ item: BundleItem; content: ItemContent }>, merged: MergedForm): Reduction {
  const content = new Map(items.map((x) => [x.item.key, x.content]));
  const included = new Set(content.keys());
  const finish = new Map<string, number>();
  const finishOf = (k: string): number => {
    if (finish.has(k)) return finish.get(k)!;
    const x = items.find((i) => i.item.key === k)!;
    const start = Math.max(0, ...x.item.dependsOn.filter((d) => included.has(d.item)).map((d) => finishOf(d.item)));
    const done = start + limitOf(x.content);
    finish.set(k, done);
    return done;
  };
  return {
    separate: {
      fields: items.reduce((n, x) => n + x.content.form.fields.length, 0),
      materials: items.reduce((n, x) => n + x.content.guide.materials.filter(alwaysNeeded).length, 0),
      visits: items.reduce((n, x) => n + x.content.guide.visits, 0),
      days: items.reduce((n, x) => n + limitOf(x.content), 0),
    },
    bundle: {
      fields: merged.fields.length,
      materials: merged.materials.filter((m) => alwaysNeeded(m.material) && !m.material.replaceableBy && !m.material.generatedFrom).length,
      visits: items.some((x) => !x.content.guide.channels.includes("online")) ? 1 : 0,
      days: Math.max(0, ...items.map((x) => finishOf(x.item.key))),
    },
  };
}

/**
 * Dependencies that do not bind to the items' catalogue content: a flowed field that either form
 * lacks, a certificate field the upstream's certificate type lacks, a material the upstream's
 * certificate is to stand for that the item does not ask for, or an upstream that issues no
 * certificate (or one of another type than the material accepts).
 */
export function bindingProblems(def: Pick<BundleDefinition, "items">, contents: Map<string, ItemContent>, certificateFields: (type: string) => string[] | null): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  def.items.forEach((it, i) => {
    const own = contents.get(it.key);
    if (!own) return;
    it.dependsOn.forEach((d, j) => {
      const up = contents.get(d.item);
      if (!up) return;
      const path = ["items", i, "dependsOn", j];
      const issued = up.certificate?.type ?? null;
      if (d.certificateAs) {
        const m = own.guide.materials.find((x) => x.key === d.certificateAs);
        if (!m) problems.push({ path: [...path, "certificateAs"], message: `${own.name}没有材料“${d.certificateAs}”` });
        else if (!issued) problems.push({ path: [...path, "certificateAs"], message: `${up.name}办结后不颁发证照，不能作为${own.name}的材料“${m.name}”` });
        else if (m.replaceableBy?.kind === "certificate" && m.replaceableBy.code !== issued) problems.push({ path: [...path, "certificateAs"], message: `${up.name}颁发的证照不是${own.name}的材料“${m.name}”所需的证照` });
      }
      for (const [ownKey, from] of Object.entries(d.fields)) {
        if (!own.form.fields.some((f) => f.key === ownKey)) problems.push({ path: [...path, "fields", ownKey], message: `${own.name}的申请表没有字段“${ownKey}”` });
        if (from.startsWith("bank.")) {
          if (!["accountNumber", "bankName"].includes(from.slice(5))) problems.push({ path: [...path, "fields", ownKey], message: `银行开户只提供账号（bank.accountNumber）和开户银行（bank.bankName）` });
          else if (issued !== "business_licence") problems.push({ path: [...path, "fields", ownKey], message: `${up.name}不设立企业，没有为其开立的银行账户` });
        } else if (from.startsWith("cert.")) {
          const fields = issued ? certificateFields(issued) : null;
          if (!fields?.includes(from.slice(5))) problems.push({ path: [...path, "fields", ownKey], message: `${up.name}${issued ? "颁发的证照没有" : "不颁发证照，没有"}“${from.slice(5)}”一项` });
        } else if (!up.form.fields.some((f) => f.key === from)) problems.push({ path: [...path, "fields", ownKey], message: `${up.name}的申请表没有字段“${from}”` });
      }
    });
  });
  return problems;
}
