// The query engine over a loaded corpus: lookup, search, related, ask and suggest, sharing one
// name index and one full-text index. Platform-neutral; the command layer sits on top.
import type { Corpus } from '../corpus/load-corpus.js';
import type { CorpusIssue, Paper } from '../corpus/paper.js';
import { createAcronymTable } from './acronyms.js';
import { ask, type Answer, type AskOptions } from './ask.js';
import { lookup, type LookupResult } from './lookup.js';
import { createNameIndex } from './name-index.js';
import { related, type RelatedHit } from './related.js';
import { search, type SearchOutcome } from './search.js';
import { createSearchIndex } from './search-index.js';
import { suggest, type Suggestion } from './suggest.js';
import { phraseKey } from './text.js';

export interface Engine {
  readonly papers: readonly Paper[];
  readonly issues: readonly CorpusIssue[];
  get(id: string): Paper | undefined;
  lookup(name: string): LookupResult;
  search(query: string, options?: { limit?: number }): SearchOutcome;
  related(paper: Paper, options?: { limit?: number }): RelatedHit[];
  ask(question: string, options?: AskOptions): Answer;
  suggest(prefix: string): Suggestion[];
  /** Papers whose names occur in free text ("we should read DeepSeek-V3"), longest names first. */
  mentions(text: string): Paper[];
}

export function createEngine(corpus: Pick<Corpus, 'papers' | 'issues'>): Engine {
  const papers = corpus.papers;
  const byId = new Map(papers.map((p, i) => [p.id, i]));
  const names = createNameIndex(papers);
  const { index, documentFrequency } = createSearchIndex(papers);
  const acronyms = createAcronymTable(papers);
  const phraseKeyCache = new Map<number, string>();
  const phraseKeys = (i: number) => {
    let key = phraseKeyCache.get(i);
    if (key === undefined) {
      key = phraseKey(`${papers[i]!.title} ${papers[i]!.abstract}`);
      if (phraseKeyCache.size > 5000) phraseKeyCache.clear();
      phraseKeyCache.set(i, key);
    }
    return key;
  };
  const recent = papers
    .map((p, i) => ({ date: p.date ?? '', i }))
    .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? 1 : -1))
    .map((x) => x.i);
  const askDeps = { papers, index, names, acronyms };
  let facetCache: { categories: string[]; affiliations: string[] } | undefined;
  const facets = () =>
    (facetCache ??= {
      categories: [...new Set(papers.map((p) => p.category).filter((c): c is string => c !== null))].sort(),
      affiliations: [...new Set(papers.flatMap((p) => p.affiliations))].sort(),
    });

  return {
    papers,
    issues: corpus.issues,
    mentions: (text) => names.mentions(text).map((m) => papers[m.paper]!),
    get: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : papers[i];
    },
    lookup: (name) => lookup({ papers, names, index, byId }, name),
    search: (query, options = {}) => search({ papers, byDate: recent, facets, index, names, phraseKeys }, query, options.limit),
    related: (paper, options = {}) => {
      const i = byId.get(paper.id);
      return i === undefined ? [] : related({ papers, index, documentFrequency }, i, options.limit);
    },
    ask: (question, options) => ask(askDeps, documentFrequency, question, options),
    suggest: (prefix) => suggest({ papers, names, index, recent }, prefix),
  };
}
