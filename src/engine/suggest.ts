// suggest(prefix): completions for chat autocomplete, best first, at most 25.
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import type { NameIndex } from './name-index.js';
import { FIELD_BOOST, queryTerms, type SearchIndex } from './search-index.js';

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
    // Then title words, the last one half typed; typos only when nothing else matched: names
    // first (a typo of a whole name, then of its start: "deepeek-o" → DeepSeek-OCR), title
    // words last (a walk of the whole term dictionary, and frequent words match thousands).
    const titleWords = (fuzzy: boolean) => {
      const query = queryTerms(prefix, { prefixLast: true, fuzzy });
      for (const r of index.search(query, { fields: ['title', 'names'], boost: FIELD_BOOST, combineWith: 'AND', limit: MAX_SUGGESTIONS }).hits) take(r.id);
    };
    if (picked.length < MAX_SUGGESTIONS) titleWords(false);
    if (picked.length === 0) {
      names.fuzzy(key)?.matches.forEach((m) => take(m.paper));
      names.fuzzyPrefix(key, MAX_SUGGESTIONS).forEach((m) => take(m.paper));
    }
    if (picked.length === 0) titleWords(true);
  }
  return picked.map((i) => ({ id: papers[i]!.id, label: papers[i]!.title }));
}
