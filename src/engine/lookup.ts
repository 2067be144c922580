// lookup(name): the paper a person means. Exact names first (version-exact: "deepseek-v3" is
// never V3.2), then short forms ("ocr2"), completions, typos, and finally title words.
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import type { NameIndex, NameMatch } from './name-index.js';
import { FIELD_BOOST, textQuery, type SearchIndex } from './search-index.js';

export type LookupResult =
  | { kind: 'found'; paper: Paper; match: 'name' | 'short-name' | 'prefix' | 'typo' | 'title' }
  | { kind: 'ambiguous'; candidates: Paper[]; total: number }
  | { kind: 'not-found'; suggestions: Paper[] };

/** As many as a chat menu can offer (Discord select menus hold 25 options). */
const MAX_CANDIDATES = 25;

export interface LookupDeps {
  papers: readonly Paper[];
  names: NameIndex;
  index: SearchIndex;
  byId: ReadonlyMap<string, number>;
}

function decide(deps: LookupDeps, matches: NameMatch[], match: Extract<LookupResult, { kind: 'found' }>['match']): LookupResult | null {
  if (matches.length === 0) return null;
  const [first, second] = matches;
  if (!second || first!.score > second.score) return { kind: 'found', paper: deps.papers[first!.paper]!, match };
  return { kind: 'ambiguous', candidates: matches.slice(0, MAX_CANDIDATES).map((m) => deps.papers[m.paper]!), total: matches.length };
}

export function lookup(deps: LookupDeps, name: string): LookupResult {
  const { papers, names, index } = deps;
  const byId = deps.byId.get(name.trim().toLowerCase());
  if (byId !== undefined) return { kind: 'found', paper: papers[byId]!, match: 'name' };
  const key = nameKey(name);
  if (!key) return { kind: 'not-found', suggestions: [] };

  const exact = decide(deps, names.exact(key), 'name') ?? decide(deps, names.exact(key, { short: true }), 'short-name');
  if (exact) return exact;

  const prefixed = names.prefix(key, 100);
  if (prefixed.length === 1) return { kind: 'found', paper: papers[prefixed[0]!.paper]!, match: 'prefix' };
  if (prefixed.length > 1) {
    // Several names start this way ("deepseek"): ask which one, newest first.
    const candidates = prefixed.map((m) => papers[m.paper]!).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    return { kind: 'ambiguous', candidates: candidates.slice(0, MAX_CANDIDATES), total: candidates.length };
  }

  const typo = names.fuzzy(key);
  if (typo) return decide(deps, typo.matches, 'typo')!;

  // Words of a title: "visual causal flow".
  const query = textQuery(name);
  const { hits, total } = index.search(query, { fields: ['title', 'names'], boost: FIELD_BOOST, combineWith: 'AND', limit: MAX_CANDIDATES });
  if (total === 1 || (total > 1 && hits[0]!.score >= 1.6 * hits[1]!.score)) {
    return { kind: 'found', paper: papers[hits[0]!.id]!, match: 'title' };
  }
  if (total > 1) return { kind: 'ambiguous', candidates: hits.map((r) => papers[r.id]!), total };
  const loose = index.search(query, { boost: FIELD_BOOST, combineWith: 'OR', limit: 3 });
  return { kind: 'not-found', suggestions: loose.hits.map((r) => papers[r.id]!) };
}
