// Answers queries over a built index (see search-index.ts): expands prefixes and typos over the
// sorted term dictionary, adds BM25+ scores into one reused array, keeps the best k.
import { popcount } from './bits.js';
import { forEachWithin } from './levenshtein.js';
import {
  BM25,
  FIELDS,
  FUZZY_WEIGHT,
  MAX_FUZZY_EXPANSIONS,
  MAX_PREFIX_EXPANSIONS,
  MAX_QUERY_TERMS,
  PREFIX_WEIGHT,
  type Field,
  type IndexHit,
  type IndexResult,
  type IndexSearchOptions,
  type QueryTerm,
  type SearchIndex,
  type SearchIndexSnapshot,
} from './search-index.js';

/** Keeps the k best (score, then lower id) of a stream of hits without sorting them all. */
class TopK {
  private readonly ids: Uint32Array;
  private readonly scores: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.ids = new Uint32Array(k);
    this.scores = new Float64Array(k);
  }
  /** Called for every match, so it allocates nothing: most offers are turned away at the first test. */
  offer(id: number, score: number): void {
    const { ids, scores, k } = this;
    if (k === 0) return;
    if (this.size === k && !(score > scores[k - 1]! || (score === scores[k - 1] && id < ids[k - 1]!))) return;
    let i = this.size < k ? this.size++ : k - 1;
    while (i > 0 && (score > scores[i - 1]! || (score === scores[i - 1] && id < ids[i - 1]!))) {
      ids[i] = ids[i - 1]!;
      scores[i] = scores[i - 1]!;
      i--;
    }
    ids[i] = id;
    scores[i] = score;
  }
  get hits(): IndexHit[] {
    return Array.from({ length: this.size }, (_, i) => ({ id: this.ids[i]!, score: this.scores[i]! }));
  }
}

export function searchIndexFromSnapshot(s: SearchIndexSnapshot): SearchIndex {
  const terms = s.terms === '' ? [] : s.terms.split('\n');
  const termId = new Map<string, number>();
  terms.forEach((t, i) => termId.set(t, i));
  const N = s.docCount;
  // Scratch space reused by every query: one score and one bit mask of matched words per paper.
  const scores = new Float64Array(N);
  const masks = new Uint32Array(N);
  const touched = new Uint32Array(N);
  const fuzzyCache = new Map<string, Array<[number, number]>>();

  /** The terms that start with `prefix` (other than itself), most common first. */
  const prefixExpansions = (prefix: string): Array<[number, number]> => {
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) if (terms[i] !== prefix) found.push(i);
    if (found.length > MAX_PREFIX_EXPANSIONS) found.sort((a, b) => postings(b) - postings(a) || a - b).length = MAX_PREFIX_EXPANSIONS;
    return found.map((i) => {
      const distance = terms[i]!.length - prefix.length;
      return [i, (PREFIX_WEIGHT * terms[i]!.length) / (terms[i]!.length + 0.3 * distance)];
    });
  };

  /** Terms within round(length / 5) edits (Levenshtein, as MiniSearch), closest and most common first. */
  const fuzzyExpansions = (word: string): Array<[number, number]> => {
    const cached = fuzzyCache.get(word);
    if (cached) return cached;
    const max = Math.min(6, Math.round(word.length * 0.2));
    const found: Array<[number, number]> = [];
    if (max > 0) forEachWithin(word, terms, max, (i, d) => d > 0 && found.push([i, d]));
    found.sort((a, b) => a[1] - b[1] || postings(b[0]) - postings(a[0]) || a[0] - b[0]);
    const out = found.slice(0, MAX_FUZZY_EXPANSIONS).map(([i, d]): [number, number] => [i, (FUZZY_WEIGHT * terms[i]!.length) / (terms[i]!.length + d)]);
    if (fuzzyCache.size >= 2000) fuzzyCache.clear();
    fuzzyCache.set(word, out);
    return out;
  };

  /** Postings of a term over all fields: how common it is. */
  const postings = (id: number): number => {
    let n = 0;
    for (let f = 0; f < FIELDS.length; f++) n += s.offsets[f]![id + 1]! - s.offsets[f]![id]!;
    return n;
  };

  const search = (query: readonly QueryTerm[], options: IndexSearchOptions = {}): IndexResult => {
    const fields = (options.fields ?? FIELDS).map((f) => FIELDS.indexOf(f));
    const boosts = fields.map((f) => options.boost?.[FIELDS[f]!] ?? 1);
    // The same word twice counts once.
    const words = [...new Map(query.map((q) => [q.term, q])).values()].slice(0, MAX_QUERY_TERMS);
    const and = (options.combineWith ?? 'OR') === 'AND';
    const expanded = words.map((q) => {
      const expansions: Array<[number, number]> = [];
      const exact = termId.get(q.term);
      if (exact !== undefined) expansions.push([exact, 1]);
      const prefixed = q.prefix ? prefixExpansions(q.term) : [];
      expansions.push(...prefixed);
      if (q.fuzzy) {
        const isPrefixed = new Set(prefixed.map(([i]) => i));
        for (const e of fuzzyExpansions(q.term)) if (!isPrefixed.has(e[0])) expansions.push(e);
      }
      return expansions;
    });
    // All words must match: one that occurs in none of the fields settles it before any scoring
    // (a typo among common words would otherwise score every paper with the common ones).
    const occurs = (expansions: Array<[number, number]>) => expansions.some(([id]) => fields.some((f) => s.offsets[f]![id + 1]! > s.offsets[f]![id]!));
    if (and && (words.length === 0 || !expanded.every(occurs))) return { hits: [], total: 0 };
    let touchedCount = 0;
    words.forEach((q, bit) => {
      const expansions = expanded[bit]!;
      const flag = 1 << bit;
      for (const [id, weight] of expansions) {
        const w = weight * (q.boost ?? 1);
        fields.forEach((f, k) => {
          const from = s.offsets[f]![id]!;
          const to = s.offsets[f]![id + 1]!;
          if (from === to) return;
          const idf = Math.log(1 + (N - (to - from) + 0.5) / (to - from + 0.5));
          const scale = w * boosts[k]! * idf;
          const docs = s.docs[f]!;
          const freqs = s.freqs[f]!;
          const lengths = s.lengths[f]!;
          const norm = BM25.k / (s.avgLengths[f] || 1);
          for (let p = from; p < to; p++) {
            const doc = docs[p]!;
            const tf = freqs[p]!;
            const raw = BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b) + BM25.b * norm * lengths[doc]!);
            if (masks[doc] === 0) touched[touchedCount++] = doc;
            masks[doc]! |= flag;
            scores[doc] = scores[doc]! + scale * raw;
          }
        });
      }
    });
    const full = words.length >= 32 ? 0xffffffff : (1 << words.length) - 1;
    // A few best are kept as they come; asking for all sorts once at the end.
    const limit = options.limit ?? Infinity;
    const top = limit <= 1000 ? new TopK(limit) : null;
    const all: IndexHit[] = [];
    let total = 0;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const mask = masks[doc]!;
      const score = scores[doc]!;
      masks[doc] = 0;
      scores[doc] = 0;
      if (and && mask >>> 0 !== full >>> 0) continue;
      if (options.filter && !options.filter(doc)) continue;
      total++;
      if (top) top.offer(doc, score * popcount(mask));
      else all.push({ id: doc, score: score * popcount(mask) });
    }
    if (top) return { hits: top.hits, total };
    all.sort((a, b) => b.score - a.score || a.id - b.id);
    return { hits: Number.isFinite(limit) ? all.slice(0, limit) : all, total };
  };

  const documentFrequency = (t: string): number => {
    const id = termId.get(t);
    return id === undefined ? 0 : s.df[id]!;
  };

  const termsOf = (paper: number): Array<[string, number]> => {
    const out: Array<[string, number]> = [];
    for (let p = s.forwardOffsets[paper]!; p < s.forwardOffsets[paper + 1]!; p++) out.push([terms[s.forwardTerms[p]!]!, s.forwardCounts[p]!]);
    return out;
  };

  const papersWithAll = (wanted: readonly string[], field: Field): Uint32Array => {
    const f = FIELDS.indexOf(field);
    const ranges: Array<[number, number]> = [];
    for (const t of new Set(wanted)) {
      const id = termId.get(t);
      if (id === undefined) return new Uint32Array(0);
      ranges.push([s.offsets[f]![id]!, s.offsets[f]![id + 1]!]);
    }
    if (ranges.length === 0) return new Uint32Array(0);
    // Shortest list first; each further list is searched from where the last match was.
    ranges.sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    const docs = s.docs[f]!;
    let out = docs.slice(ranges[0]![0], ranges[0]![1]);
    for (let r = 1; r < ranges.length && out.length > 0; r++) {
      let [at, end] = ranges[r]!;
      let kept = 0;
      for (let i = 0; i < out.length; i++) {
        const doc = out[i]!;
        while (at < end && docs[at]! < doc) at++;
        if (at === end) break;
        if (docs[at] === doc) out[kept++] = doc;
      }
      out = out.subarray(0, kept);
    }
    return out;
  };

  return { docCount: N, search, documentFrequency, termsOf, papersWithAll, snapshot: () => s };
}
