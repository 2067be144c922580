// search(query): ranked papers for free text, quoted phrases and filters, each with a snippet.
import type { Paper } from '../corpus/paper.js';
import type { NameIndex } from './name-index.js';
import type { CorpusFilters } from './filters.js';
import { hasFilters, parseQuery, type Filters, type QueryError } from './query.js';
import { FIELD_BOOST, textQuery, type SearchIndex } from './search-index.js';
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
  /** Paper indexes newest first (undated last): filter-only searches walk this instead of sorting. */
  byDate: Uint32Array;
  /** The categories and affiliations that exist, for naming a filter value no paper has. */
  facets: () => Facets;
  index: SearchIndex;
  names: NameIndex;
  filters: CorpusFilters;
  phraseKeys: (i: number) => string;
}


type Facets = { categories: readonly string[]; affiliations: readonly string[] };
/** The facets folded as filters fold them, once per corpus: there are thousands of affiliations. */
const foldedFacets = new WeakMap<Facets, { categories: string[]; affiliations: string[] }>();

/** A category or affiliation no paper has is a mistake worth naming, not just "no results". */
function unknownFilterValue(facets: Facets, f: Filters): string | null {
  let folded = foldedFacets.get(facets);
  if (!folded) {
    const fold = (x: string) => x.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^cs\./, '');
    foldedFacets.set(facets, (folded = { categories: facets.categories.map(fold), affiliations: facets.affiliations.map(fold) }));
  }
  for (const c of f.categories) {
    if (!folded.categories.includes(c)) return `category:${c} matches no paper; categories here: ${facets.categories.slice(0, 20).join(', ')}.`;
  }
  for (const a of f.affiliations) {
    if (!folded.affiliations.some((x) => x.includes(a))) {
      const known = facets.affiliations;
      return `affiliation:${a} matches no paper${known.length > 0 && known.length <= 30 ? `; affiliations here: ${known.join(', ')}` : ''}.`;
    }
  }
  return null;
}

export function search(deps: SearchDeps, query: string, limit = 10): SearchOutcome {
  const parsed = parseQuery(query);
  if (!parsed.ok) return parsed;
  const { text, phrases, excluded, any, filters } = parsed.value;
  if (!text && phrases.length === 0 && !hasFilters(filters)) {
    const message =
      excluded.length > 0
        ? `“-${excluded[0]}” only leaves papers out; add something to find, e.g. “vision -${excluded[0]}”.`
        : 'Type something to search for, e.g. "mixture-of-experts has:code".';
    return { ok: false, error: { code: 'empty_query', message } };
  }
  const searchText = [text, ...phrases].join(' ').trim();
  const searchable = tokens(searchText).some((t) => term(t.word));
  if (searchText && !searchable && !hasFilters(filters)) {
    return { ok: false, error: { code: 'no_words', message: `“${searchText.slice(0, 60)}” has no words to search for (very common words and symbols are ignored). Try a topic, a name or a filter such as has:code.` } };
  }
  const { papers, index, names } = deps;
  const unknown = filters.categories.length + filters.affiliations.length > 0 ? unknownFilterValue(deps.facets(), filters) : null;
  if (unknown) return { ok: false, error: { code: 'bad_filter', message: unknown } };
  const phraseKeysWanted = phrases.map(phraseKey).filter(Boolean);
  const excludedKeys = excluded.map(phraseKey).filter(Boolean);
  const compiled = hasFilters(filters) ? deps.filters.compile(filters) : null;
  const passes = compiled ? compiled.passes : () => true;
  const keep = (i: number) =>
    passes(i) &&
    phraseKeysWanted.every((p) => containsPhrase(deps.phraseKeys(i), p)) &&
    !excludedKeys.some((p) => containsPhrase(deps.phraseKeys(i), p));

  let ranked: Array<{ i: number; score: number }>;
  let total: number;
  if (searchText && searchable) {
    const query = textQuery(searchText);
    // A query that is exactly a paper's name puts that paper first; it counts once in the total
    // whether or not the words matched it, so note whether they did.
    const named = names.exact(nameKey(text))[0];
    let namedCounted = false;
    const filter = (i: number) => {
      const ok = keep(i);
      if (ok && i === named?.paper) namedCounted = true;
      return ok;
    };
    const run = (combineWith: 'AND' | 'OR') => {
      namedCounted = false;
      return index.search(query, { boost: FIELD_BOOST, combineWith, filter, limit: limit + 1 });
    };
    let result = run(any ? 'OR' : 'AND');
    if (result.total === 0 && !any) result = run('OR');
    ranked = result.hits.map((h) => ({ i: h.id, score: h.score }));
    total = result.total;
    if (named && keep(named.paper)) {
      if (!namedCounted) total++;
      ranked = [{ i: named.paper, score: (ranked[0]?.score ?? 1) * 2 }, ...ranked.filter((r) => r.i !== named.paper)];
    }
  } else {
    // Filters only: newest first, from the date order built once with the engine. The filters
    // count their papers, so without phrases the walk stops at the last paper shown.
    ranked = [];
    const phrasesToo = phraseKeysWanted.length + excludedKeys.length > 0;
    const order = deps.byDate;
    let found = 0;
    for (let k = 0; k < order.length && (phrasesToo || ranked.length < limit); k++) {
      const i = order[k]!;
      if (!keep(i)) continue;
      if (found++ < limit) ranked.push({ i, score: 0 });
    }
    total = phrasesToo || !compiled ? found : compiled.count;
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
  return { ok: true, value: { hits, total } };
}
