import { ChangeBus } from "../../db/change-bus";
import type { SearchResponse } from "../../../shared/schemas/search";
import { sharedAnswer } from "../../shared-answer";
import type { VocabularyRepository } from "./vocabulary.repository";
import type { ContentGenerationRepository } from "../content-generation";
import { buildIndexState, WORKER_THRESHOLD } from "./index-builder";
import type { Store, UnitOfWork } from "../../db/store";
import type { BundleRepository } from "../bundles";
import type { CatalogueRepository } from "../catalogue";
import type { PolicyRepository } from "../policy-library";
import { SearchIndex, type SearchDoc, type SearchOptions } from "./search-index";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { bundles: BundleRepository; catalogue: CatalogueRepository; contentGeneration: ContentGenerationRepository; policies: PolicyRepository; vocabulary: VocabularyRepository };

export interface SearchPayload {
  implCode?: string;
  basicCode?: string;
  orgName?: string;
  level?: string;
  kind?: string;
  docNumber?: string;
  issuer?: string;
  status?: string;
  answer?: string;
  regionCode?: string;
}

/** Joins texts into one passage, one full stop between them. */
function sentences(parts: string[]): string {
  return parts
    .map((p) => p.trim().replace(/[。；;.]$/, ""))
    .filter(Boolean)
    .map((p) => (/[？?！!]$/.test(p) ? p : `${p}。`))
    .join("");
}

/** Builds search documents from the published catalogue, the 一件事 bundles, the policy library and the knowledge answers. */
export async function loadSearchDocs(store: Store<Repos>): Promise<{ docs: Array<SearchDoc<SearchPayload>>; synonyms: Map<string, string[]> }> {
  // Where stale reads go (a replica): the generation is read there first, so the documents are at least as new.
  const repos = store.stale;
  const [items, policies, answers, synonyms, bundles] = await Promise.all([
    repos.catalogue.listSearchable(),
    repos.policies.listAll(),
    repos.vocabulary.listAnswers(),
    repos.vocabulary.listSynonyms(),
    repos.bundles.listPublished(),
  ]);
  const docs: Array<SearchDoc<SearchPayload>> = [];
  for (const r of items) {
    const c = r.text;
    docs.push({
      type: "item",
      id: r.id,
      group: r.basic_code,
      title: c.name,
      keywords: [...c.keywords, ...(r.base_name !== c.name ? [r.base_name] : [])],
      body: sentences([c.summary, ...c.conditions, ...c.materials, ...c.questions]),
      popularity: r.popularity,
      filters: { kind: r.kind, department: r.department_key, level: r.level, audience: c.audiences, region: r.region_code, theme: c.themes },
      payload: { implCode: r.impl_code, basicCode: r.basic_code, orgName: r.org_name, level: r.level, kind: r.kind, regionCode: r.region_code },
    });
  }
  for (const p of policies) {
    docs.push({
      type: "policy",
      id: p.id,
      group: p.id,
      title: p.title,
      keywords: [...p.tags, p.doc_number],
      body: sentences([p.interpretation, p.full_text]),
      popularity: p.status === "valid" ? 60 : 5,
      filters: { status: p.status },
      payload: { docNumber: p.doc_number, issuer: p.issuer, status: p.status },
    });
  }
  for (const a of answers) {
    docs.push({
      type: "answer",
      id: a.id,
      group: a.id,
      title: a.question,
      keywords: a.tags,
      body: a.answer,
      popularity: 40,
      filters: {},
      payload: { answer: a.answer, ...(a.basic_code ? { basicCode: a.basic_code } : {}) },
    });
  }
  for (const b of bundles) {
    const def = b.definition as { name: string; summary: string; keywords: string[]; theme: string; audience: string };
    docs.push({
      type: "bundle",
      id: b.code,
      group: b.code,
      title: def.name,
      keywords: def.keywords,
      body: sentences([def.summary]),
      popularity: 90,
      filters: { theme: def.theme, audience: def.audience },
      payload: {},
    });
  }
  return { docs, synonyms: new Map(synonyms.map((s) => [s.term, s.expansions])) };
}

const ANSWERS_KEPT = 2000;

/** The search endpoint's response for an index's result. */
function presentAnswer(result: ReturnType<SearchIndex<SearchPayload>["search"]>, tookMs: number): SearchResponse {
  return {
    total: result.total,
    understoodAs: result.understoodAs,
    tookMs,
    hits: result.hits.map((h) => ({
      type: h.doc.type,
      id: h.doc.id,
      title: h.title,
      snippet: h.snippet,
      score: h.score,
      basicCode: h.doc.payload.basicCode ?? null,
      implCode: h.doc.payload.implCode ?? null,
      orgName: h.doc.payload.orgName ?? null,
      level: h.doc.payload.level ?? null,
      kind: h.doc.payload.kind ?? null,
      docNumber: h.doc.payload.docNumber ?? null,
      status: h.doc.payload.status ?? null,
      issuer: h.doc.payload.issuer ?? null,
      answer: h.doc.payload.answer ?? null,
      regionCode: h.doc.payload.regionCode ?? null,
      alsoAt: h.alternatives.slice(0, 20).map((a) => ({ id: a.id, orgName: a.payload.orgName ?? "", level: a.payload.level ?? "", regionCode: a.payload.regionCode ?? "" })),
    })),
  };
}

/** A small least-recently-used map of computed answers (a Map keeps insertion order: a hit moves to the end, the oldest goes first). */
class RecentAnswers<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  getOrCompute(key: string, compute: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = compute();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return value;
  }

  clear() {
    this.map.clear();
  }
}

/**
 * Unified search over the catalogue, policies and answers. The index lives in memory and is rebuilt
 * when the catalogue generation changes (a publication anywhere bumps it): every process hears of it
 * through the change bus, and checks it at least every `checkEveryMs` besides. A large catalogue's index is
 * computed in a worker thread: search requests wait for the new index, every other request goes on.
 */
export class SearchService {
  private index: SearchIndex<SearchPayload> | null = null;
  /** Answers of the current index to the queries asked most recently (a city asks the same few hundred again and again). */
  private readonly answers = new RecentAnswers<unknown>(ANSWERS_KEPT);
  private generation = -1;
  private checkedAt = 0;
  private building: Promise<SearchIndex<SearchPayload>> | null = null;

  constructor(
    private readonly store: Store<Repos>,
    private readonly checkEveryMs = 2000,
    /** From how many documents on the index is built in a worker thread. */
    private readonly workerThreshold = WORKER_THRESHOLD,
    /** A new generation anywhere (the generation's trigger): the next search looks at once, not after `checkEveryMs`. */
    changes: ChangeBus = ChangeBus.local(),
  ) {
    changes.subscribe("catalogue", () => (this.checkedAt = 0));
  }

  async current(): Promise<SearchIndex<SearchPayload>> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < this.checkEveryMs) return this.index;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const generation = await this.store.stale.contentGeneration.current();
        this.checkedAt = Date.now();
        if (!this.index || generation !== this.generation) {
          const { docs, synonyms } = await loadSearchDocs(this.store);
          this.index = new SearchIndex(docs, await buildIndexState(docs, synonyms, this.workerThreshold));
          this.generation = generation;
          this.answers.clear();
        }
        return this.index;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  async search(query: string, options: SearchOptions) {
    const index = await this.current();
    return this.answers.getOrCompute(`s\u0000${query}\u0000${JSON.stringify(options)}`, () => index.search(query, options)) as ReturnType<typeof index.search>;
  }

  /**
   * The answer the search endpoint gives, as its response: the same frozen object for the same
   * question while the index stands (so its JSON is made once); `tookMs` is what computing it took.
   */
  async answer(query: string, options: SearchOptions): Promise<SearchResponse> {
    const index = await this.current();
    return this.answers.getOrCompute(`a\u0000${query}\u0000${JSON.stringify(options)}`, () => {
      const started = performance.now();
      const result = index.search(query, options);
      return sharedAnswer(presentAnswer(result, Math.round((performance.now() - started) * 100) / 100));
    }) as SearchResponse;
  }

  async suggest(prefix: string, limit?: number) {
    const index = await this.current();
    return this.answers.getOrCompute(`p\u0000${prefix}\u0000${limit ?? ""}`, () => index.suggest(prefix, limit)) as string[];
  }
}
