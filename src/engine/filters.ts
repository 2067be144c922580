// Search filters compiled for a corpus. What the filters look at (date, code, category,
// affiliations) is kept once per paper in typed arrays; each filter value's papers become a bit
// set, remembered, so a filter used again costs an AND of a few thousand words; the few distinct
// affiliations are tested once per value instead of once per paper; author names go through the
// index first. `matchesFilters` in query.ts says what the filters mean, and the tests hold the
// two to the same answers.
import type { Paper } from '../corpus/paper.js';
import { popcount } from './bits.js';
import { fold, type Filters } from './query.js';
import type { SearchIndex } from './search-index.js';
import { term } from './text.js';

/** " haoran wei ": folded words between spaces, so a needle matches whole words only. */
function wordsKey(text: string): string {
  return ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

function needle(text: string): string {
  return ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

interface Columns {
  /** yyyymmdd, or 0 for an undated paper. */
  day: Int32Array;
  hasCode: Uint8Array;
  /** Index into `categories`: the folded category without "cs.", "" for none. */
  category: Uint32Array;
  categories: string[];
  /** A paper's affiliations are `affiliationIds[affiliationStart[i]…affiliationStart[i + 1]]`. */
  affiliationStart: Uint32Array;
  affiliationIds: Uint32Array;
  affiliations: Array<{ words: string; folded: string }>;
  /**
   * Papers with an apostrophe in an author's name, ascending. The index keeps "O'Brien" as one
   * word where the filter sees "o brien", so these are always checked in full.
   */
  apostropheAuthors: Uint32Array;
}

function buildColumns(papers: readonly Paper[]): Columns {
  const n = papers.length;
  const day = new Int32Array(n);
  const hasCode = new Uint8Array(n);
  const category = new Uint32Array(n);
  const categories: string[] = [];
  const categoryIds = new Map<string, number>();
  const affiliationStart = new Uint32Array(n + 1);
  const ids: number[] = [];
  const affiliations: Array<{ words: string; folded: string }> = [];
  const affiliationIds = new Map<string, number>();
  const apostropheAuthors: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = papers[i]!;
    day[i] = p.date ? Number(p.date.slice(0, 4)) * 10000 + Number(p.date.slice(5, 7)) * 100 + Number(p.date.slice(8, 10)) : 0;
    hasCode[i] = p.hasCode ? 1 : 0;
    const c = fold(p.category ?? '').replace(/^cs\./, '');
    let cid = categoryIds.get(c);
    if (cid === undefined) categoryIds.set(c, (cid = categories.push(c) - 1));
    category[i] = cid;
    for (const a of p.affiliations) {
      let aid = affiliationIds.get(a);
      if (aid === undefined) affiliationIds.set(a, (aid = affiliations.push({ words: wordsKey(a), folded: fold(a) }) - 1));
      ids.push(aid);
    }
    affiliationStart[i + 1] = ids.length;
    if (p.authors.some((a) => /['’]/.test(a))) apostropheAuthors.push(i);
  }
  return { day, hasCode, category, categories, affiliationStart, affiliationIds: Uint32Array.from(ids), affiliations, apostropheAuthors: Uint32Array.from(apostropheAuthors) };
}

/** Two ascending lists as one, without repeats. */
function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length + b.length);
  let [i, j, n] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    const x = j === b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** "2025-06-01" as 20250601. */
function dayNumber(date: string): number {
  return Number(date.replace(/-/g, ''));
}

export interface FilterSet {
  /** Whether paper i passes every filter. */
  passes(i: number): boolean;
  /** How many papers pass. */
  count: number;
}

export interface CorpusFilters {
  compile(f: Filters): FilterSet;
}

/** A set of papers as bits: paper i is bit i % 32 of word i / 32. */
type Bits = Uint32Array;

/** Filter values remembered with their papers: a filter used again costs an AND of 3,000 words. */
const CACHED_FILTERS = 256;

/** Filters for these papers; the per-paper columns are built on the first filtered search. */
export function createCorpusFilters(papers: readonly Paper[], index: SearchIndex): CorpusFilters {
  const n = papers.length;
  const wordCount = (n + 31) >>> 5;
  let columns: Columns | undefined;
  const authorKeys: Array<string[] | undefined> = [];
  const authorsOf = (i: number) => (authorKeys[i] ??= papers[i]!.authors.map(wordsKey));
  const cache = new Map<string, Bits>();

  const where = (test: (i: number) => boolean, among?: Iterable<number>): Bits => {
    const bits = new Uint32Array(wordCount);
    if (among) {
      for (const i of among) if (test(i)) bits[i >>> 5]! |= 1 << (i & 31);
    } else {
      for (let i = 0; i < n; i++) if (test(i)) bits[i >>> 5]! |= 1 << (i & 31);
    }
    return bits;
  };
  const remembered = (key: string, make: () => Bits): Bits => {
    let bits = cache.get(key);
    if (!bits) {
      if (cache.size >= CACHED_FILTERS) cache.clear();
      cache.set(key, (bits = make()));
    }
    return bits;
  };

  /** One filter value's papers (cached by the value). */
  const authorBits = (c: Columns, a: string): Bits =>
    remembered(`author\u0000${a}`, () => {
      const name = needle(a);
      const accepts = (i: number) => authorsOf(i).some((x) => x.includes(name));
      // The index narrows to papers whose author field has every word of the name; the exact
      // test (the whole name within one author) runs on those only. A name with no word the
      // index keeps (a single letter) is checked against every paper.
      const words = name.trim().split(' ').map(term).filter((t): t is string => t !== null);
      return words.length > 0 ? where(accepts, union(index.papersWithAll(words, 'authors'), c.apostropheAuthors)) : where(accepts);
    });
  const affiliationBits = (c: Columns, a: string): Bits =>
    remembered(`affiliation\u0000${a}`, () => {
      // Which of the few distinct affiliations it accepts, by whole words or as the start.
      const words = needle(a);
      const ok = Uint8Array.from(c.affiliations, (x) => (x.words.includes(words) || x.folded.startsWith(a) ? 1 : 0));
      return where((i) => {
        for (let k = c.affiliationStart[i]!; k < c.affiliationStart[i + 1]!; k++) if (ok[c.affiliationIds[k]!] === 1) return true;
        return false;
      });
    });

  const compile = (f: Filters): FilterSet => {
    const c = (columns ??= buildColumns(papers));
    const { day, hasCode, category } = c;
    const parts: Bits[] = [];
    if (f.hasCode) parts.push(remembered('code', () => where((i) => hasCode[i] === 1)));
    if (f.years.length > 0) {
      const years = [...new Set(f.years)].sort();
      // A paper's year is its yyyymmdd over 10,000; an undated paper's (0) is no year.
      parts.push(remembered(`years\u0000${years.join(',')}`, () => where((i) => years.includes((day[i]! / 10000) | 0))));
    }
    if (f.before) {
      const before = dayNumber(f.before);
      parts.push(remembered(`before\u0000${before}`, () => where((i) => day[i] !== 0 && day[i]! < before)));
    }
    if (f.after) {
      const after = dayNumber(f.after);
      parts.push(remembered(`after\u0000${after}`, () => where((i) => day[i] !== 0 && day[i]! >= after)));
    }
    if (f.categories.length > 0) {
      const wanted = [...new Set(f.categories)].sort();
      const ok = c.categories.map((k) => wanted.includes(k));
      parts.push(remembered(`categories\u0000${wanted.join(',')}`, () => where((i) => ok[category[i]!]!)));
    }
    for (const a of new Set(f.affiliations)) parts.push(affiliationBits(c, a));
    for (const a of new Set(f.authors)) parts.push(authorBits(c, a));

    const bits = new Uint32Array(wordCount).fill(0xffffffff);
    for (const part of parts) for (let w = 0; w < wordCount; w++) bits[w]! &= part[w]!;
    if (n & 31) bits[wordCount - 1]! &= (1 << (n & 31)) - 1;
    let count = 0;
    for (let w = 0; w < wordCount; w++) count += popcount(bits[w]!);
    return { passes: (i) => ((bits[i >>> 5]! >>> (i & 31)) & 1) === 1, count };
  };
  return { compile };
}
