// Text analysis shared by the index, search snippets, related papers and answers: words,
// stems, sentences and phrase keys.
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.js';

export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words with their offsets; hyphenated compounds become their parts ("Mixture-of-Experts"). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

// Stemming dominates indexing time; words repeat (Zipf), so a bounded cache pays for itself.
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/** The index term of a word: lower case, stemmed; null for stop words and single letters. */
export function term(word: string): string | null {
  const cached = termCache.get(word);
  if (cached !== undefined) return cached;
  let lower = word.toLowerCase().replace(/['’]s$/, '');
  // Accents do not count ("Zürich" = "zurich", "José" = "jose"), as in search filters.
  if (/[^\x00-\x7f]/.test(lower)) lower = lower.normalize('NFKD').replace(/\p{M}/gu, '');
  let result: string | null;
  if (STOP_WORDS.has(lower) || (lower.length < 2 && !/\d/.test(lower))) result = null;
  else if (/\d/.test(lower)) result = lower;
  else result = stemmer(lower);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
  termCache.set(word, result);
  return result;
}

export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    const x = term(t.word);
    if (x) out.push(x);
  }
  return out;
}

const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|et al|vs|cf|Fig|Eq|approx|resp|Sec|No|Dr|Mr|Ms|Prof)\.|\b[A-Z]\.)$/;

export interface Sentence {
  text: string;
  start: number;
}

/** Splits an abstract into sentences without breaking at "e.g.", "et al." or "2.5". */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]["”)]?\s+(?=[\p{Lu}\d(“"])/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const candidateEnd = m.index + m[0].trimEnd().length;
    const before = text.slice(start, candidateEnd);
    if (ABBREVIATIONS.test(before)) continue;
    out.push({ text: before.trim(), start });
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) out.push({ text: last, start });
  return out;
}

/** A phrase key where case, hyphens and word endings do not count: "Mixture-of-Experts" = "mixture of experts". */
export function phraseKey(text: string): string {
  return tokens(text)
    .map((t) => {
      const lower = t.word.toLowerCase();
      return /\d/.test(lower) ? lower : stemmer(lower);
    })
    .join(' ');
}

/** Does `haystackKey` contain `needleKey` on word boundaries? Both are phraseKeys. */
export function containsPhrase(haystackKey: string, needleKey: string): boolean {
  if (!needleKey) return false;
  return ` ${haystackKey} `.includes(` ${needleKey} `);
}
