import { isHan, normalize, oneEditApart, pinyinKeys, queryWords, tokens } from "./text";

export type DocType = "item" | "policy" | "answer" | "bundle";

/** One searchable document. Items of the same base item share a group and are returned once. */
export interface SearchDoc<P = unknown> {
  type: DocType;
  id: string;
  group: string;
  title: string;
  keywords: string[];
  body: string;
  popularity: number;
  filters: Record<string, string | string[] | undefined>;
  payload: P;
}

export interface Segment {
  text: string;
  hit: boolean;
}

export interface SearchHit<P = unknown> {
  doc: SearchDoc<P>;
  score: number;
  /** Other documents of the same group that matched (e.g. the same item at other levels). */
  alternatives: Array<SearchDoc<P>>;
  title: Segment[];
  snippet: Segment[];
}

export interface SearchOptions {
  types?: DocType[];
  filters?: Record<string, string | undefined>;
  limit?: number;
  offset?: number;
}

export interface SearchResult<P> {
  total: number;
  hits: Array<SearchHit<P>>;
  /** The terms the query was understood as: the query, synonyms, pinyin and near-miss matches. */
  understoodAs: string[];
}

interface Phrase {
  text: string;
  weight: number;
}

const K1 = 1.2;
const B = 0.75;
const TITLE_WEIGHT = 3;
const KEYWORD_WEIGHT = 2;
/** Services come first when a policy or an answer matches about as well. */
// A life event asked for in everyday words ("生孩子") is best answered by its one-thing bundle.
const TYPE_WEIGHT: Record<DocType, number> = { item: 1, policy: 0.85, answer: 0.85, bundle: 1.3 };

/** What a document contributes to the index (the rest of it, payload and filters, is not needed to build it). */
export type IndexedText = Pick<SearchDoc, "title" | "keywords" | "body" | "popularity">;

/**
 * The index proper, as plain data: postings, lengths, normalised titles and keywords, the lexicon
 * with pinyin, the synonym keys. Computing it is the expensive part (tokens and pinyin of every
 * document); being plain data, it can be computed in a worker thread and sent to the server's thread.
 *
 * The postings are packed (a city's catalogue has millions of them): the documents and weights of
 * token `t` are `postingDocs`/`postingWeights` from `postingStarts[t]` to `postingStarts[t + 1]`. Typed
 * arrays take 6 bytes a posting where an object each took about 50, and a worker hands their buffers
 * over without copying (`transferables`).
 */
export interface IndexState {
  /** Token → its number, which indexes `postingStarts`. */
  tokens: Map<string, number>;
  postingStarts: Int32Array;
  postingDocs: Int32Array;
  /** A token's weighted count in the document (title ×3, keyword ×2, body ×1), at most 65,535. */
  postingWeights: Uint16Array;
  lengths: Float64Array;
  avgLength: number;
  titles: string[];
  keywordSets: string[][];
  /** Title and keyword phrases with their pinyin, for pinyin, suggestion and near-miss look-ups. */
  lexicon: Array<{ term: string; full: string; initials: string; weight: number }>;
  /** Synonym terms normalised, with their pinyin, computed once rather than for every query. */
  synonymKeys: Array<{ term: string; expansions: string[]; full: string; initials: string }>;
}

/** The buffers of a state, to transfer rather than copy when it is posted from a worker. */
export function transferables(state: IndexState): ArrayBuffer[] {
  return [state.postingStarts.buffer, state.postingDocs.buffer, state.postingWeights.buffer, state.lengths.buffer] as ArrayBuffer[];
}

export function computeIndexState(docs: IndexedText[], synonyms: Map<string, string[]>): IndexState {
  // First pass: each token's documents and weights, as flat number lists (doc, weight, doc, weight …).
  const lists = new Map<string, number[]>();
  const lengths = new Float64Array(docs.length);
  const titles = docs.map((d) => normalize(d.title).replace(/ /g, ""));
  const keywordSets = docs.map((d) => d.keywords.map(normalize));
  let total = 0;
  docs.forEach((d, i) => {
    const counts = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const t of tokens(text)) counts.set(t, (counts.get(t) ?? 0) + weight);
    };
    add(d.title, TITLE_WEIGHT);
    for (const k of d.keywords) add(k, KEYWORD_WEIGHT);
    add(d.body, 1);
    let length = 0;
    for (const [t, tf] of counts) {
      length += tf;
      let list = lists.get(t);
      if (!list) lists.set(t, (list = []));
      list.push(i, tf);
    }
    lengths[i] = length;
    total += counts.size;
  });
  let sum = 0;
  for (const l of lengths) sum += l;
  const avgLength = sum / Math.max(1, lengths.length);

  // Second pass: packed into typed arrays, token by token.
  const tokenNumbers = new Map<string, number>();
  const postingStarts = new Int32Array(lists.size + 1);
  const postingDocs = new Int32Array(total);
  const postingWeights = new Uint16Array(total);
  let at = 0;
  for (const [t, list] of lists) {
    const n = tokenNumbers.size;
    tokenNumbers.set(t, n);
    postingStarts[n] = at;
    for (let k = 0; k < list.length; k += 2) {
      postingDocs[at] = list[k]!;
      postingWeights[at] = Math.min(65_535, list[k + 1]!);
      at++;
    }
  }
  postingStarts[lists.size] = at;
  lists.clear();

  const seen = new Map<string, number>();
  const addTerm = (term: string, weight: number) => {
    const t = normalize(term).replace(/ /g, "");
    if (t.length < 2) return;
    seen.set(t, Math.max(seen.get(t) ?? 0, weight));
  };
  docs.forEach((d) => {
    addTerm(d.title.replace(/[（(].*?[）)]/g, ""), d.popularity);
    for (const k of d.keywords) addTerm(k, d.popularity / 2);
  });
  for (const term of synonyms.keys()) addTerm(term, 50);
  const synonymKeys = [...synonyms].map(([term, expansions]) => ({ term: normalize(term).replace(/ /g, ""), expansions, ...pinyinKeys(term) }));
  const lexicon = [...seen].map(([term, weight]) => ({ term, ...pinyinKeys(term), weight }));
  lexicon.sort((a, b) => b.weight - a.weight);
  return { tokens: tokenNumbers, postingStarts, postingDocs, postingWeights, lengths, avgLength, titles, keywordSets, lexicon, synonymKeys };
}

/**
 * An in-memory inverted index with BM25 over Han unigrams and bigrams, a title and keyword boost,
 * synonym expansion, pinyin and initials, one-character tolerance and popularity. Pure: built from
 * documents and a synonym dictionary (or from a state computed elsewhere for the same documents), so
 * tests and the benchmark use it without a database.
 */
export class SearchIndex<P = unknown> {
  private readonly tokens: IndexState["tokens"];
  private readonly postingStarts: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Uint16Array;
  private readonly lengths: Float64Array;
  private readonly avgLength: number;
  private readonly titles: string[];
  private readonly keywordSets: string[][];
  private readonly lexicon: IndexState["lexicon"];
  private readonly synonymKeys: IndexState["synonymKeys"];

  constructor(
    readonly docs: Array<SearchDoc<P>>,
    synonymsOrState: Map<string, string[]> | IndexState,
  ) {
    const state = synonymsOrState instanceof Map ? computeIndexState(docs, synonymsOrState) : synonymsOrState;
    if (state.lengths.length !== docs.length) throw new Error("SearchIndex: the state was computed for other documents");
    ({ tokens: this.tokens, postingStarts: this.postingStarts, postingDocs: this.postingDocs, postingWeights: this.postingWeights, lengths: this.lengths, avgLength: this.avgLength, titles: this.titles, keywordSets: this.keywordSets, lexicon: this.lexicon, synonymKeys: this.synonymKeys } = state);
  }

  /** How the query is understood: itself, its words, synonyms, pinyin and one-character near misses. */
  understand(query: string): Phrase[] {
    const q = normalize(query).replace(/ /g, "");
    if (!q) return [];
    const phrases = new Map<string, number>();
    const add = (text: string, weight: number) => {
      const t = normalize(text).replace(/ /g, "");
      if (t) phrases.set(t, Math.max(phrases.get(t) ?? 0, weight));
    };
    add(q, 1);
    const words = queryWords(query).filter((w) => w.length >= 2 || isHan(w));
    if (words.join("") !== q) for (const w of words) if (w.length >= 2) add(w, 0.6);
    const stripped = words.join("");
    if (stripped && stripped !== q) add(stripped, 0.9);

    for (const { term, expansions } of this.synonymKeys) {
      if (q.includes(term) || (term.includes(q) && q.length >= 2)) {
        add(term, 0.8);
        for (const e of expansions) add(e, 0.85);
      }
    }

    if (/^[a-z]+$/.test(q) && q.length >= 2) {
      const exact = this.lexicon.filter((e) => e.full === q || e.initials === q);
      for (const entry of exact) add(entry.term, 0.95);
      // Only when nothing matches whole: the start of a longer term (typing in progress).
      if (exact.length === 0 && q.length >= 3) {
        for (const entry of this.lexicon) if (entry.full.startsWith(q) || entry.initials.startsWith(q)) add(entry.term, 0.6);
      }
      for (const k of this.synonymKeys) {
        if (k.full === q || k.initials === q) for (const e of [k.term, ...k.expansions]) add(e, 0.85);
      }
    }

    // Near misses only for Han queries of three or more characters that match nothing as they are.
    const hasExact = () => this.titles.some((t) => t.includes(q)) || this.keywordSets.some((ks) => ks.some((k) => k.includes(q)));
    if (isHan(q) && [...q].length >= 3 && !hasExact()) {
      for (const entry of this.lexicon) {
        if (oneEditApart(q, entry.term)) add(entry.term, 0.75);
        else if ([...q].length >= 4 && [...entry.term].length > [...q].length) {
          // A near miss inside a longer title: 营业执找 ≈ 营业执照 within 企业营业执照 …
          const chars = [...entry.term];
          for (let i = 0; i + [...q].length <= chars.length; i++) {
            if (oneEditApart(q, chars.slice(i, i + [...q].length).join(""))) {
              add(chars.slice(i, i + [...q].length).join(""), 0.7);
              break;
            }
          }
        }
      }
    }
    return [...phrases].map(([text, weight]) => ({ text, weight }));
  }

  search(query: string, options: SearchOptions = {}): SearchResult<P> {
    const phrases = this.understand(query);
    const scores = new Map<number, number>();
    const n = this.docs.length;
    for (const phrase of phrases) {
      const all = [...new Set(tokens(phrase.text))];
      // Bigrams carry the meaning; single characters count only for a one-character query,
      // so that unrelated texts sharing a character or two do not match.
      const unique = all.some((t) => [...t].length >= 2) ? all.filter((t) => [...t].length >= 2) : all;
      for (const t of unique) {
        const number = this.tokens.get(t);
        if (number === undefined) continue;
        const from = this.postingStarts[number]!;
        const to = this.postingStarts[number + 1]!;
        const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
        for (let k = from; k < to; k++) {
          const doc = this.postingDocs[k]!;
          const tf = this.postingWeights[k]!;
          const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.avgLength);
          scores.set(doc, (scores.get(doc) ?? 0) + phrase.weight * idf * ((tf * (K1 + 1)) / norm));
        }
      }
      for (const [doc] of scores) {
        const keywords = this.keywordSets[doc]!;
        if (this.titles[doc]!.includes(phrase.text) || keywords.includes(phrase.text)) scores.set(doc, scores.get(doc)! + 6 * phrase.weight);
        else if (keywords.some((k) => k.includes(phrase.text))) scores.set(doc, scores.get(doc)! + 4 * phrase.weight);
      }
    }

    const types = options.types;
    const filters = Object.entries(options.filters ?? {}).filter(([, v]) => v !== undefined && v !== "");
    const matches = [...scores]
      .filter(([doc, score]) => {
        const d = this.docs[doc]!;
        if (score < 1 || (types && !types.includes(d.type))) return false;
        return filters.every(([k, v]) => {
          const have = d.filters[k];
          return Array.isArray(have) ? have.includes(v!) : have === v;
        });
      })
      .map(([doc, score]) => ({ doc, score: (score + Math.log10(1 + this.docs[doc]!.popularity) * 0.8) * TYPE_WEIGHT[this.docs[doc]!.type] }))
      .sort((a, b) => b.score - a.score || this.docs[b.doc]!.popularity - this.docs[a.doc]!.popularity);

    // One hit per group (base item): the best-scoring implementation, with the rest as alternatives.
    const groups = new Map<string, { best: { doc: number; score: number }; rest: number[] }>();
    for (const m of matches) {
      const key = `${this.docs[m.doc]!.type}:${this.docs[m.doc]!.group}`;
      const g = groups.get(key);
      if (g) g.rest.push(m.doc);
      else groups.set(key, { best: m, rest: [] });
    }
    const grouped = [...groups.values()];
    const offset = options.offset ?? 0;
    const limit = options.limit ?? 10;
    const terms = phrases.map((p) => p.text);
    return {
      total: grouped.length,
      understoodAs: terms,
      hits: grouped.slice(offset, offset + limit).map((g) => {
        const d = this.docs[g.best.doc]!;
        return {
          doc: d,
          score: Math.round(g.best.score * 100) / 100,
          alternatives: g.rest.map((i) => this.docs[i]!),
          title: highlight(d.title, terms),
          snippet: highlight(snippetOf(d.body, terms), terms),
        };
      }),
    };
  }

  /** Completions while typing: titles, keywords and everyday words by prefix or pinyin prefix. */
  suggest(prefix: string, limit = 8): string[] {
    const q = normalize(prefix).replace(/ /g, "");
    if (!q) return [];
    const out: string[] = [];
    const ascii = /^[a-z]+$/.test(q);
    for (const e of this.lexicon) {
      const ok = ascii ? e.full.startsWith(q) || e.initials.startsWith(q) : e.term.startsWith(q) || (q.length >= 2 && e.term.includes(q));
      if (ok && !out.includes(e.term)) out.push(e.term);
      if (out.length >= limit) break;
    }
    return out;
  }
}

/** A window of the body around the first matched term. */
function snippetOf(body: string, terms: string[], width = 60): string {
  const lower = body.toLowerCase();
  let at = -1;
  for (const t of [...terms].sort((a, b) => b.length - a.length)) {
    at = lower.indexOf(t);
    if (at >= 0) break;
  }
  if (at < 0) return body.slice(0, width * 2) + (body.length > width * 2 ? "…" : "");
  const start = Math.max(0, at - width / 2);
  return (start > 0 ? "…" : "") + body.slice(start, start + width * 2) + (start + width * 2 < body.length ? "…" : "");
}

/** Splits text into hit and non-hit segments for the terms (longest first); no HTML, so no injection. */
export function highlight(text: string, terms: string[]): Segment[] {
  const lower = text.toLowerCase();
  const marks = new Array<boolean>(text.length).fill(false);
  for (const term of terms.filter((t) => t.length >= 2 || isHan(t)).sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const i = lower.indexOf(term, from);
      if (i < 0) break;
      for (let k = i; k < i + term.length; k++) marks[k] = true;
      from = i + term.length;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.hit === marks[i]) last.text += text[i];
    else segments.push({ text: text[i]!, hit: marks[i]! });
  }
  return segments;
}
