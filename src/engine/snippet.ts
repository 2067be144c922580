// Picks the sentence that shows why a paper matched, with the matching words marked.
import type { Paper } from '../corpus/paper.js';
import { sentences, term, tokens } from './text.js';

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text` of the words that matched. */
  highlights: Array<[number, number]>;
}

const MAX_SNIPPET = 240;

function matches(word: string, queryTerms: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  const t = term(word);
  if (!t) return false;
  return queryTerms.has(t) || prefixes.some((p) => t.startsWith(p));
}

/** The best sentence of the title and abstract for these query terms; the first sentence if none match. */
export function makeSnippet(paper: Paper, queryTerms: ReadonlySet<string>, allPrefixes: readonly string[] = []): Snippet {
  // A half-typed last word ("wei") may mark "weights" only when nothing matches it exactly.
  const exactSomewhere =
    allPrefixes.length > 0 && tokens(`${paper.title} ${paper.authors.join(' ')} ${paper.affiliations.join(' ')} ${paper.abstract}`).some((t) => allPrefixes.includes(term(t.word) ?? ''));
  const prefixes = exactSomewhere ? [] : allPrefixes;
  const candidates = sentences(paper.abstract).map((s) => s.text);
  let best = { text: candidates[0] ?? paper.abstract, hits: 0, distinct: 0 };
  // With nothing to look for (a search by filters alone), the first sentence it is.
  const lookingFor = queryTerms.size > 0 || prefixes.length > 0;
  for (const text of lookingFor ? candidates : []) {
    const hit = tokens(text).filter((t) => matches(t.word, queryTerms, prefixes));
    const distinct = new Set(hit.map((t) => term(t.word))).size;
    if (distinct > best.distinct || (distinct === best.distinct && hit.length > best.hits)) best = { text, hits: hit.length, distinct };
  }
  let text = best.text;
  if (text.length > MAX_SNIPPET) {
    const first = tokens(text).find((t) => matches(t.word, queryTerms, prefixes));
    const start = first ? Math.max(0, text.lastIndexOf(' ', Math.max(0, first.start - 60)) + 1) : 0;
    let end = Math.min(text.length, start + MAX_SNIPPET);
    if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), start + 1);
    text = (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < best.text.length ? '…' : '');
  }
  const highlights: Array<[number, number]> = [];
  for (const t of tokens(text)) if (matches(t.word, queryTerms, prefixes)) highlights.push([t.start, t.end]);
  return { text, highlights };
}
