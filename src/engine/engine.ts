// The query engine over a loaded corpus: lookup, search, related, ask and suggest, sharing one
// name index and one full-text index. Platform-neutral; the command layer sits on top.
import type { Corpus } from '../corpus/load-corpus.js';
import type { CorpusIssue, Paper } from '../corpus/paper.js';
import { acronymTableFromSnapshot, createAcronymTable, type AcronymTable } from './acronyms.js';
import { ask, type Answer, type AskOptions } from './ask.js';
import { lookup, type LookupResult } from './lookup.js';
import type { NameIndex } from './name-index.js';
import { createNameIndex } from './name-index-build.js';
import { nameIndexFromSnapshot } from './name-index-query.js';
import { related, type RelatedHit } from './related.js';
import { search, type SearchOutcome } from './search.js';
import { queryTerms, type SearchIndex } from './search-index.js';
import { createSearchIndex } from './search-index-build.js';
import { searchIndexFromSnapshot } from './search-index-query.js';
import { papersFromColumns, papersToColumns, SNAPSHOT_VERSION, type EngineSnapshot } from './snapshot.js';
import { createCorpusFilters } from './filters.js';
import { fold } from './query.js';
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
  /** The engine as plain data, for the cache and for handing over from the build worker. */
  snapshot(): EngineSnapshot;
}

interface EngineParts {
  names: NameIndex;
  index: SearchIndex;
  acronyms: AcronymTable;
  byDate: Uint32Array;
}

export function createEngine(corpus: Pick<Corpus, 'papers' | 'issues'>): Engine {
  const papers = corpus.papers;
  const byDate = Uint32Array.from(
    papers
      .map((p, i) => ({ date: p.date ?? '', i }))
      .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? 1 : -1))
      .map((x) => x.i),
  );
  return assemble(papers, corpus.issues, { names: createNameIndex(papers), index: createSearchIndex(papers), acronyms: createAcronymTable(papers), byDate });
}

/** An engine from its snapshot: no parsing, tokenising or sorting, only unpacking. */
export function engineFromSnapshot(snapshot: EngineSnapshot): Engine {
  if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`engine snapshot version ${snapshot.version}, expected ${SNAPSHOT_VERSION}`);
  return assemble(papersFromColumns(snapshot.papers), snapshot.issues, {
    names: nameIndexFromSnapshot(snapshot.names),
    index: searchIndexFromSnapshot(snapshot.search),
    acronyms: acronymTableFromSnapshot(snapshot.acronyms),
    byDate: snapshot.byDate,
  });
}

function assemble(papers: readonly Paper[], issues: readonly CorpusIssue[], parts: EngineParts): Engine {
  const { names, index, acronyms, byDate: recent } = parts;
  const byId = new Map<string, number>();
  papers.forEach((p, i) => byId.set(p.id, i));
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
  // The best `best` papers ranked, then every other match as the index meets it: no sort of thousands.
  const candidates = (text: string, best: number): number[] => {
    const all: number[] = [];
    const ranked = index.search(queryTerms(text), { fields: ['title', 'abstract', 'names'], combineWith: 'AND', limit: best, filter: (i) => all.push(i) > 0 });
    return ranked.hits.map((h) => h.id).concat(all);
  };
  const filters = createCorpusFilters(papers, index);
  let facetCache: { categories: string[]; affiliations: string[] } | undefined;
  const facets = () =>
    (facetCache ??= {
      categories: [...new Set(papers.map((p) => p.category).filter((c): c is string => c !== null))].sort(),
      affiliations: [...new Set(papers.flatMap((p) => p.affiliations))].sort(),
    });
  let affiliationKeys: string[] | undefined;
  const corpus = { papers, filters, byDate: recent, affiliationKeys: () => (affiliationKeys ??= [...new Set(facets().affiliations.map(fold))]) };
  const askDeps = { papers, index, names, acronyms, candidates, corpus };

  return {
    papers,
    issues,
    snapshot: () => ({
      version: SNAPSHOT_VERSION,
      papers: papersToColumns(papers),
      issues: [...issues],
      search: index.snapshot(),
      names: names.snapshot(),
      acronyms: acronyms.snapshot(),
      byDate: recent,
    }),
    mentions: (text) => names.mentions(text).map((m) => papers[m.paper]!),
    get: (id) => {
      const i = byId.get(id);
      return i === undefined ? undefined : papers[i];
    },
    lookup: (name) => lookup({ papers, names, index, byId }, name),
    search: (query, options = {}) => search({ papers, byDate: recent, facets, index, names, filters, phraseKeys }, query, options.limit),
    related: (paper, options = {}) => {
      const i = byId.get(paper.id);
      return i === undefined ? [] : related({ papers, index }, i, options.limit);
    },
    ask: (question, options) => ask(askDeps, question, options),
    suggest: (prefix) => suggest({ papers, names, index, recent }, prefix),
  };
}
