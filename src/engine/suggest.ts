// suggest(prefix): completions for chat autocomplete, best first, at most 25.
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import type { NameIndex } from './name-index.js';
import { FIELD_BOOST, textQuery, type SearchIndex } from './search-index.js';

export interface Suggestion {
  id: string;
  label: string;
}

export const MAX_SUGGESTIONS = 25;

export function suggest(deps: { papers: readonly Paper[]; names: NameIndex; index: SearchIndex; recent: Uint32Array }, prefix: string): Suggestion[] {
  const { papers, names, index } = deps;
  const key = nameKey(prefix);
  const picked: number[] = [];
  const take = (i: number) => {
    if (picked.length < MAX_SUGGESTIONS && !picked.includes(i)) picked.push(i);
  };
  if (!key) {
    deps.recent.slice(0, MAX_SUGGESTIONS).forEach(take);
  } else {
    names.exact(key).forEach((m) => take(m.paper));
    names.prefix(key, MAX_SUGGESTIONS).forEach((m) => take(m.paper));
    if (picked.length < MAX_SUGGESTIONS) {
      const words = index.search(textQuery(prefix), { fields: ['title', 'names'], boost: FIELD_BOOST, combineWith: 'AND', limit: MAX_SUGGESTIONS });
      for (const r of words.hits) take(r.id);
    }
    if (picked.length === 0) names.fuzzy(key)?.matches.forEach((m) => take(m.paper));
  }
  return picked.map((i) => ({ id: papers[i]!.id, label: papers[i]!.title }));
}
