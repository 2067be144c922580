// The full-text index over the papers: BM25+ over five fields (names and titles weigh most),
// stored as compact posting lists in typed arrays so 100,000 papers index in seconds, fit in
// tens of megabytes, load from a cache without rebuilding, and answer in milliseconds.
//
// Scoring follows MiniSearch's (BM25+ with k 1.2, b 0.7, d 0.5 per field, prefix and fuzzy
// expansions weighted down, the sum times the number of query terms matched), which the tests
// use as a reference. What differs is the layout: MiniSearch keeps a Map per term and field
// and builds a result object for every matching document; here a query adds into one reused
// score array and keeps only the best few. Prefix and fuzzy expansions are capped so a short
// or frequent word cannot fan out to thousands of terms.
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import { forEachWithin } from './levenshtein.js';
import { term, WORD } from './text.js';

export const FIELDS = ['names', 'title', 'authors', 'affiliations', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_BOOST: Readonly<Record<Field, number>> = { names: 4, title: 3, authors: 2, affiliations: 1, abstract: 1 };

const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A half-typed word expands to at most this many completions, the most common first. */
const MAX_PREFIX_EXPANSIONS = 50;
/** A misspelt word expands to at most this many near terms, the closest and most common first. */
const MAX_FUZZY_EXPANSIONS = 20;
/** A query term may match at most 32 distinct query words (one bit each). */
const MAX_QUERY_TERMS = 32;

export interface QueryTerm {
  term: string;
  /** Also match terms that start with it ("transf" → "transform", "transformer"). */
  prefix?: boolean;
  /** Also match terms within an edit distance of a fifth of its length. */
  fuzzy?: boolean;
  boost?: number;
}

export interface IndexSearchOptions {
  fields?: readonly Field[];
  boost?: Partial<Record<Field, number>>;
  combineWith?: 'AND' | 'OR';
  /** Only papers this accepts are ranked and counted. */
  filter?: (paper: number) => boolean;
  /** How many of the best to return (all when omitted). */
  limit?: number;
}

export interface IndexHit {
  id: number;
  score: number;
}

export interface IndexResult {
  hits: IndexHit[];
  /** How many papers matched (and passed the filter) in all. */
  total: number;
}

/** Everything the index is made of: plain strings, numbers and typed arrays, for the cache. */
export interface SearchIndexSnapshot {
  docCount: number;
  /** The sorted term dictionary, joined by "\n". */
  terms: string;
  /** Per field: posting offsets per term (length terms + 1), document ids and term frequencies. */
  offsets: Uint32Array[];
  docs: Uint32Array[];
  freqs: Uint16Array[];
  /** Per field: tokens per document, and the average. */
  lengths: Uint16Array[];
  avgLengths: number[];
  /** In how many papers each term occurs in the title or abstract (for tf-idf). */
  df: Uint32Array;
  /** Per paper, its title and abstract terms and their weight (2 per title use, 1 per abstract use). */
  forwardOffsets: Uint32Array;
  forwardTerms: Uint32Array;
  forwardCounts: Uint16Array;
}

export interface SearchIndex {
  readonly docCount: number;
  search(query: readonly QueryTerm[], options?: IndexSearchOptions): IndexResult;
  /** Papers whose title or abstract use the term. */
  documentFrequency(term: string): number;
  /** A paper's title and abstract terms with their weight (2 per title use, 1 per abstract use). */
  termsOf(paper: number): Array<[string, number]>;
  /** The papers, ascending, whose `field` has every one of these exact terms (none when given none). */
  papersWithAll(terms: readonly string[], field: Field): Uint32Array;
  snapshot(): SearchIndexSnapshot;
}

/** The query terms of free text: each word's index term, the last one possibly half typed. */
export function queryTerms(text: string, options: { prefixLast?: boolean; fuzzy?: boolean } = {}): QueryTerm[] {
  const words = text.match(WORD) ?? [];
  const out: QueryTerm[] = [];
  words.forEach((word, i) => {
    const t = term(word);
    if (!t) return;
    out.push({
      term: t,
      // Three letters expand to thousands of words in a large corpus; four are specific enough.
      prefix: (options.prefixLast ?? false) && i === words.length - 1 && t.length >= 4,
      fuzzy: (options.fuzzy ?? false) && t.length >= 6,
    });
  });
  return out;
}

/** Fuzzy on longer words, prefix on the last word (it may be half typed). */
export function textQuery(text: string): QueryTerm[] {
  return queryTerms(text, { prefixLast: true, fuzzy: true });
}

function fieldTexts(paper: Paper): string[] {
  return [
    // Names as written and as keys, so "deepseekv3" and "DeepSeek V3" both find the paper.
    paper.names.flatMap((n) => [n, nameKey(n)]).join(' '),
    paper.title,
    paper.authors.join(' '),
    paper.affiliations.join(' '),
    paper.abstract,
  ];
}

/** An append-only typed array that doubles as it grows. */
class Growable<T extends Uint32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

const u32 = (n: number) => new Uint32Array(n);
const u16 = (n: number) => new Uint16Array(n);
const clamp16 = (n: number) => (n > 65535 ? 65535 : n);

export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  const ids = new Map<string, number>();
  const dictionary: string[] = [];
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = dictionary.length;
      ids.set(t, id);
      dictionary.push(t);
    }
    return id;
  };
  const nFields = FIELDS.length;
  // Postings in document order, per field: (term id, doc, tf) triples, sorted by term below.
  const raw = FIELDS.map(() => ({ terms: new Growable(u32(1 << 16), u32), docs: new Growable(u32(1 << 16), u32), freqs: new Growable(u16(1 << 16), u16) }));
  const lengths = FIELDS.map(() => new Uint16Array(papers.length));
  const totals = new Array<number>(nFields).fill(0);
  const forward = { offsets: new Uint32Array(papers.length + 1), terms: new Growable(u32(1 << 16), u32), counts: new Growable(u16(1 << 16), u16) };
  let counts = new Uint32Array(1 << 12);
  let weights = new Uint32Array(1 << 12);
  const touched: number[] = [];
  const forwardTouched: number[] = [];
  const distinct = new Set<string>();

  papers.forEach((paper, doc) => {
    const texts = fieldTexts(paper);
    for (let f = 0; f < nFields; f++) {
      const words = texts[f]!.match(WORD);
      let length = 0;
      if (words) {
        // A field's length is its distinct words as written, stop words included, as MiniSearch counts it.
        for (const word of words) distinct.add(word);
        length = distinct.size;
        distinct.clear();
        for (const word of words) {
          const t = term(word);
          if (!t) continue;
          const id = idOf(t);
          if (id >= counts.length) {
            const grow = (a: Uint32Array) => {
              const b = new Uint32Array(a.length * 2);
              b.set(a);
              return b;
            };
            counts = grow(counts);
            weights = grow(weights);
          }
          if (counts[id] === 0) touched.push(id);
          counts[id] = counts[id]! + 1;
          if (f === 1 || f === 4) {
            if (weights[id] === 0) forwardTouched.push(id);
            weights[id] = weights[id]! + (f === 1 ? 2 : 1);
          }
        }
      }
      lengths[f]![doc] = clamp16(length);
      totals[f] = totals[f]! + length;
      const out = raw[f]!;
      for (const id of touched) {
        out.terms.push(id);
        out.docs.push(doc);
        out.freqs.push(clamp16(counts[id]!));
        counts[id] = 0;
      }
      touched.length = 0;
    }
    forwardTouched.sort((a, b) => a - b);
    for (const id of forwardTouched) {
      forward.terms.push(id);
      forward.counts.push(clamp16(weights[id]!));
      weights[id] = 0;
    }
    forwardTouched.length = 0;
    forward.offsets[doc + 1] = forward.terms.length;
  });

  // Renumber terms in sorted order (prefixes become ranges), then group postings by term.
  const order = dictionary.map((_, i) => i).sort((a, b) => (dictionary[a]! < dictionary[b]! ? -1 : 1));
  const rank = new Uint32Array(dictionary.length);
  order.forEach((old, r) => (rank[old] = r));
  const nTerms = dictionary.length;
  const offsets: Uint32Array[] = [];
  const docs: Uint32Array[] = [];
  const freqs: Uint16Array[] = [];
  const df = new Uint32Array(nTerms);
  for (let f = 0; f < nFields; f++) {
    const { terms: t, docs: d, freqs: q } = raw[f]!;
    const n = t.length;
    const off = new Uint32Array(nTerms + 1);
    for (let i = 0; i < n; i++) {
      const r = rank[t.data[i]!]! + 1;
      off[r] = off[r]! + 1;
    }
    for (let i = 0; i < nTerms; i++) off[i + 1] = off[i + 1]! + off[i]!;
    const cursor = off.slice(0, nTerms);
    const outDocs = new Uint32Array(n);
    const outFreqs = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const r = rank[t.data[i]!]!;
      const at = cursor[r]!;
      cursor[r] = at + 1;
      outDocs[at] = d.data[i]!;
      outFreqs[at] = q.data[i]!;
    }
    offsets.push(off);
    docs.push(outDocs);
    freqs.push(outFreqs);
  }
  const forwardTerms = forward.terms.data.slice(0, forward.terms.length);
  for (let i = 0; i < forwardTerms.length; i++) {
    forwardTerms[i] = rank[forwardTerms[i]!]!;
    df[forwardTerms[i]!] = df[forwardTerms[i]!]! + 1;
  }
  // Each paper's forward terms sorted by the new ids, so two papers' terms merge in one pass.
  for (let doc = 0; doc < papers.length; doc++) sortForward(forwardTerms, forward.counts.data, forward.offsets[doc]!, forward.offsets[doc + 1]!);

  return searchIndexFromSnapshot({
    docCount: papers.length,
    terms: order.map((i) => dictionary[i]).join('\n'),
    offsets,
    docs,
    freqs,
    lengths,
    avgLengths: totals.map((t) => (papers.length ? t / papers.length : 0)),
    df,
    forwardOffsets: forward.offsets,
    forwardTerms,
    forwardCounts: forward.counts.data.slice(0, forward.counts.length),
  });
}

/** Sorts one paper's slice of the forward index by term id (slices are short: insertion sort). */
function sortForward(terms: Uint32Array, counts: Uint16Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const t = terms[i]!;
    const c = counts[i]!;
    let j = i - 1;
    while (j >= from && terms[j]! > t) {
      terms[j + 1] = terms[j]!;
      counts[j + 1] = counts[j]!;
      j--;
    }
    terms[j + 1] = t;
    counts[j + 1] = c;
  }
}

/** Keeps the k best (score, then lower id) of a stream of hits without sorting them all. */
class TopK {
  readonly hits: IndexHit[] = [];
  constructor(private readonly k: number) {}
  private static better(a: IndexHit, b: IndexHit): boolean {
    return a.score > b.score || (a.score === b.score && a.id < b.id);
  }
  offer(id: number, score: number): void {
    const hits = this.hits;
    if (hits.length === this.k && !TopK.better({ id, score }, hits[hits.length - 1]!)) return;
    let i = hits.length < this.k ? hits.length : hits.length - 1;
    if (hits.length < this.k) hits.push({ id, score });
    while (i > 0 && TopK.better({ id, score }, hits[i - 1]!)) {
      hits[i] = hits[i - 1]!;
      i--;
    }
    hits[i] = { id, score };
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
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
    let touchedCount = 0;
    words.forEach((q, bit) => {
      const expansions: Array<[number, number]> = [];
      const exact = termId.get(q.term);
      if (exact !== undefined) expansions.push([exact, 1]);
      const prefixed = q.prefix ? prefixExpansions(q.term) : [];
      expansions.push(...prefixed);
      if (q.fuzzy) {
        const isPrefixed = new Set(prefixed.map(([i]) => i));
        for (const e of fuzzyExpansions(q.term)) if (!isPrefixed.has(e[0])) expansions.push(e);
      }
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
    const and = (options.combineWith ?? 'OR') === 'AND';
    // A few best are kept as they come; asking for all sorts once at the end.
    const limit = options.limit ?? Infinity;
    const top = limit <= 100 ? new TopK(limit) : null;
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
