// The full-text index over the papers (MiniSearch, BM25): titles and names weigh most.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import { term, tokens } from './text.js';

interface IndexedDoc {
  id: number;
  title: string;
  names: string;
  authors: string;
  affiliations: string;
  abstract: string;
}

export const FIELD_BOOST = { names: 4, title: 3, authors: 2, affiliations: 1, abstract: 1 } as const;

export type SearchIndex = MiniSearch<IndexedDoc>;

function toDoc(paper: Paper, i: number): IndexedDoc {
  return {
    id: i,
    title: paper.title,
    // Names as written and as keys, so "deepseekv3" and "DeepSeek V3" both find the paper.
    names: paper.names.flatMap((n) => [n, nameKey(n)]).join(' '),
    authors: paper.authors.join(' '),
    affiliations: paper.affiliations.join(' '),
    abstract: paper.abstract,
  };
}

export function tokenize(text: string): string[] {
  return tokens(text).map((t) => t.word);
}

export interface IndexedCorpus {
  index: SearchIndex;
  /** In how many papers each term occurs (title and abstract), for tf-idf weights. */
  documentFrequency: ReadonlyMap<string, number>;
}

export function createSearchIndex(papers: readonly Paper[]): IndexedCorpus {
  const df = new Map<string, number>();
  let seen: Set<string> | null = null;
  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'names', 'authors', 'affiliations', 'abstract'],
    storeFields: [],
    tokenize,
    processTerm: (word, fieldName) => {
      const t = term(word);
      // While indexing, note each paper's distinct title and abstract terms for document frequency.
      if (t && seen && (fieldName === 'title' || fieldName === 'abstract')) seen.add(t);
      return t;
    },
  });
  papers.forEach((paper, i) => {
    seen = new Set<string>();
    index.add(toDoc(paper, i));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  });
  seen = null;
  return { index, documentFrequency: df };
}

/** Fuzzy on longer words only, prefix on the last word (it may be half typed). */
export function textSearchOptions(overrides: SearchOptions = {}): SearchOptions {
  return {
    boost: FIELD_BOOST,
    fuzzy: (t) => (t.length >= 6 ? 0.2 : false),
    // Three letters expand to thousands of words in a large corpus; four are specific enough.
    prefix: (t, i, all) => i === all.length - 1 && t.length >= 4,
    combineWith: 'AND',
    ...overrides,
  };
}
