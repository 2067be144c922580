// search(query): ranked papers for free text, quoted phrases and filters, each with a snippet.
import type { Paper } from '../corpus/paper.js';
import type { NameIndex } from './name-index.js';
import { hasFilters, matchesFilters, parseQuery, type QueryError } from './query.js';
import { textSearchOptions, type SearchIndex } from './search-index.js';
import { makeSnippet, type Snippet } from './snippet.js';
import { containsPhrase, phraseKey, term, tokens } from './text.js';
import { nameKey } from '../corpus/slug.js';

export interface SearchHit {
  paper: Paper;
  score: number;
  snippet: Snippet;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many papers matched in all, before the limit. */
  total: number;
}

export type SearchOutcome = { ok: true; value: SearchResult } | { ok: false; error: QueryError };

export interface SearchDeps {
  papers: readonly Paper[];
  index: SearchIndex;
  names: NameIndex;
  phraseKeys: (i: number) => string;
}

function byDateDesc(a: Paper, b: Paper): number {
  if (a.date === b.date) return a.title.localeCompare(b.title);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

export function search(deps: SearchDeps, query: string, limit = 10): SearchOutcome {
  const parsed = parseQuery(query);
  if (!parsed.ok) return parsed;
  const { text, phrases, filters } = parsed.value;
  if (!text && phrases.length === 0 && !hasFilters(filters)) {
    return { ok: false, error: { code: 'empty_query', message: 'Type something to search for, e.g. "mixture-of-experts has:code".' } };
  }
  const { papers, index, names } = deps;
  const phraseKeysWanted = phrases.map(phraseKey).filter(Boolean);
  const keep = (i: number) => matchesFilters(papers[i]!, filters) && phraseKeysWanted.every((p) => containsPhrase(deps.phraseKeys(i), p));

  let ranked: Array<{ i: number; score: number }>;
  const searchText = [text, ...phrases].join(' ').trim();
  if (searchText && tokens(searchText).some((t) => term(t.word))) {
    const filter = (r: { id: unknown }) => keep(r.id as number);
    let results = index.search(searchText, textSearchOptions({ filter }));
    if (results.length === 0) results = index.search(searchText, textSearchOptions({ filter, combineWith: 'OR' }));
    ranked = results.map((r) => ({ i: r.id as number, score: r.score }));
    // A query that is exactly a paper's name puts that paper first.
    const named = names.exact(nameKey(text))[0];
    if (named && keep(named.paper)) {
      ranked = [{ i: named.paper, score: (ranked[0]?.score ?? 1) * 2 }, ...ranked.filter((r) => r.i !== named.paper)];
    }
  } else {
    ranked = papers
      .map((_, i) => i)
      .filter(keep)
      .sort((a, b) => byDateDesc(papers[a]!, papers[b]!))
      .map((i) => ({ i, score: 0 }));
  }
  const queryTerms = new Set(tokens(searchText).map((t) => term(t.word)).filter((t): t is string => t !== null));
  const lastWord = tokens(text).at(-1)?.word;
  const lastTerm = lastWord ? term(lastWord) : null;
  const prefixes = lastTerm && lastTerm.length >= 3 ? [lastTerm] : [];
  const hits = ranked.slice(0, limit).map(({ i, score }) => ({
    paper: papers[i]!,
    score,
    snippet: makeSnippet(papers[i]!, queryTerms, prefixes),
  }));
  return { ok: true, value: { hits, total: ranked.length } };
}
