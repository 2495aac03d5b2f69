import { describe, expect, it } from "vitest";
import { buildIndexState } from "./index-builder";
import { SearchIndex, type SearchDoc } from "./search-index";

const SUBJECTS = ["营业执照", "食品经营许可", "出生登记", "社保卡", "居住证", "高龄津贴", "公积金提取", "不动产登记", "医保报销", "护照签发"];
const ACTIONS = ["办理", "变更", "注销", "补领", "延续", "查询"];

/** A generated catalogue of `n` documents over a few subjects and actions, with Chinese text like the real one. */
function catalogue(n: number): SearchDoc[] {
  return Array.from({ length: n }, (_, i) => {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const action = ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length]!;
    return {
      type: "item",
      id: `doc-${i}`,
      group: `group-${i % 500}`,
      title: `${subject}${action}（第${i}区）`,
      keywords: [subject, action],
      body: `申请人可以在线${action}${subject}，材料齐全的当场办结。编号${i}。`,
      popularity: i % 97,
      filters: {},
      payload: {},
    };
  });
}

describe("building the search index", () => {
  it("gives the same answers whether built here or in a worker thread, and the server's thread keeps running meanwhile", async () => {
    const docs = catalogue(3000);
    const synonyms = new Map([["执照", ["营业执照"]], ["养老", ["高龄津贴"]]]);
    const here = new SearchIndex(docs, synonyms);

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const state = await buildIndexState(docs, synonyms, 1); // a threshold of 1: always in a worker
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0); // timers ran while the worker computed

    // The postings arrive packed: one posting a document and token, in typed arrays.
    expect(state.postingDocs).toBeInstanceOf(Int32Array);
    expect(state.postingWeights).toHaveLength(state.postingDocs.length);
    expect(state.postingStarts[state.tokens.size]).toBe(state.postingDocs.length);
    const there = new SearchIndex(docs, state);
    for (const q of ["营业执照", "社保卡补领", "yyzz", "养老", "食品经营许可延续", "居住证查询"]) {
      const a = here.search(q, { limit: 10 });
      const b = there.search(q, { limit: 10 });
      expect(b.total, q).toBe(a.total);
      expect(b.hits.map((h) => [h.doc.id, h.score]), q).toEqual(a.hits.map((h) => [h.doc.id, h.score]));
      expect(there.understand(q)).toEqual(here.understand(q));
    }
    expect(there.suggest("营业")).toEqual(here.suggest("营业"));
  });

  it("builds a small catalogue on the calling thread, and refuses a state computed for other documents", async () => {
    const docs = catalogue(20);
    const state = await buildIndexState(docs, new Map());
    expect(state.lengths).toHaveLength(20);
    expect(() => new SearchIndex(catalogue(21), state)).toThrow(/other documents/);
  });
});
