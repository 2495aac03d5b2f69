import { pinyin } from "pinyin-pro";

const HAN = /\p{Script=Han}/u;

/** Full-width to half-width, lower case, NFKC; keeps Han, letters and digits, drops the rest. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]+/gu, " ")
    .trim();
}

/**
 * Index tokens: Han runs give single characters and overlapping bigrams (robust without a
 * dictionary, and a one-character slip still shares most bigrams); Latin/digit runs are words.
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).split(" ")) {
    if (!run) continue;
    if (HAN.test(run)) {
      const chars = [...run];
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]!;
        if (!HAN.test(c)) continue;
        out.push(c);
        const n = chars[i + 1];
        if (n && HAN.test(n)) out.push(c + n);
      }
      for (const word of run.split(/\p{Script=Han}+/u)) if (word) out.push(word);
    } else {
      out.push(run);
    }
  }
  return out;
}

export function isHan(text: string): boolean {
  return [...text].every((c) => HAN.test(c));
}

/** Full pinyin without tones or spaces, and the initials: 营业执照 → yingyezhizhao, yyzz. */
export function pinyinKeys(text: string): { full: string; initials: string } {
  const syllables = pinyin(text, { toneType: "none", type: "array", nonZh: "removed", v: true }) as string[];
  return { full: syllables.join("").toLowerCase(), initials: syllables.map((s) => s[0] ?? "").join("").toLowerCase() };
}

const SEGMENTER = new Intl.Segmenter("zh", { granularity: "word" });

/** Function words that carry no meaning in a service search. */
const STOPWORDS = new Set(["我", "我想", "想", "要", "我要", "怎么", "怎样", "如何", "办", "办理", "的", "了", "在", "哪里", "哪儿", "需要", "什么", "吗", "呢", "去", "可以", "能", "一下", "请问", "给", "和", "与", "及", "是"]);

/** Meaningful words of a query, by ICU's dictionary segmentation (e.g. 我想开公司 → 开, 公司). */
export function queryWords(query: string): string[] {
  return [...SEGMENTER.segment(normalize(query))].filter((s) => s.isWordLike && !STOPWORDS.has(s.segment)).map((s) => s.segment);
}

/** Whether a and b differ by exactly one substituted, inserted or deleted character. */
export function oneEditApart(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (x.length > y.length) i++;
    else if (y.length > x.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (x.length - i) + (y.length - j) <= 1;
}
