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
//
// This file holds the model (fields, weights, the snapshot layout) and query parsing;
// search-index-build.ts builds an index from papers and search-index-query.ts answers from one.
import { term, WORD } from './text.js';

export const FIELDS = ['names', 'title', 'authors', 'affiliations', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_BOOST: Readonly<Record<Field, number>> = { names: 4, title: 3, authors: 2, affiliations: 1, abstract: 1 };

export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;
/** A half-typed word expands to at most this many completions, the most common first. */
export const MAX_PREFIX_EXPANSIONS = 50;
/** A misspelt word expands to at most this many near terms, the closest and most common first. */
export const MAX_FUZZY_EXPANSIONS = 20;
/** A query term may match at most 32 distinct query words (one bit each). */
export const MAX_QUERY_TERMS = 32;

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
  /**
   * Only papers this accepts are ranked and counted. It is called exactly once for each paper
   * that matches the words (with AND, all of them), and only for those, so it may also count or
   * collect them.
   */
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
