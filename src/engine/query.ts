// Parses a search query: free text, "quoted phrases" and filters such as author:"Haoran Wei",
// category:CV, affiliation:pku, year:2024, has:code, before:2025-01-01, after:2024-06-01.
import type { Paper } from '../corpus/paper.js';

export interface Filters {
  authors: string[];
  categories: string[];
  affiliations: string[];
  years: number[];
  hasCode?: boolean;
  before?: string;
  after?: string;
}

export interface ParsedQuery {
  text: string;
  phrases: string[];
  /** Words after a minus sign: papers containing them are left out ("moe -vision"). */
  excluded: string[];
  /** "moe OR ocr": any of the words instead of all of them. */
  any: boolean;
  filters: Filters;
}

export interface QueryError {
  code: 'bad_filter' | 'empty_query' | 'no_words';
  message: string;
}

export const FILTER_KEYS = ['author', 'category', 'affiliation', 'year', 'has', 'before', 'after'] as const;
export const FILTER_EXAMPLES = 'author:"Haoran Wei", category:CV, affiliation:pku, year:2024, has:code, before:2025-01-01, after:2024-06-01, "exact phrase"';
const FILTER_HELP = 'author:"Name", category:CV, affiliation:pku, year:2024, has:code, before:2025-01-01, after:2024-06-01';

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** yyyy, yyyy-mm or yyyy-mm-dd as the first day it covers; null when it is not a real date. */
function parseDateBound(value: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end ? 12 : 1;
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : end ? lastDay : 1;
  if (day < 1 || day > lastDay) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function badFilter(message: string): { ok: false; error: QueryError } {
  return { ok: false, error: { code: 'bad_filter', message } };
}

export function parseQuery(query: string): { ok: true; value: ParsedQuery } | { ok: false; error: QueryError } {
  const filters: Filters = { authors: [], categories: [], affiliations: [], years: [] };
  const phrases: string[] = [];
  const excluded: string[] = [];
  const text: string[] = [];
  let any = false;
  // key:"value with spaces" | key:value | "phrase" | word ; an unclosed quote runs to the end.
  const part = /([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;
  for (const m of query.matchAll(part)) {
    const [whole, rawKey, quotedValue, plainValue, phrase, word] = m;
    if (rawKey !== undefined) {
      const key = rawKey.toLowerCase();
      const value = (quotedValue ?? plainValue ?? '').trim();
      if (!(FILTER_KEYS as readonly string[]).includes(key)) {
        // "Note:" or "MMLU:" in prose is text; a lowercase word before a colon is meant as a filter.
        if (rawKey === key && value) return badFilter(`unknown filter "${key}:". Filters are ${FILTER_HELP}.`);
        text.push(whole.replace(/:$/, ''));
        continue;
      }
      if (!value) return badFilter(`"${key}:" needs a value, e.g. ${FILTER_HELP.split(', ').find((f) => f.startsWith(key))}.`);
      switch (key) {
        case 'author':
          filters.authors.push(fold(value));
          break;
        case 'category':
          filters.categories.push(fold(value).replace(/^cs\./, ''));
          break;
        case 'affiliation':
          filters.affiliations.push(fold(value));
          break;
        case 'year': {
          if (!/^\d{4}$/.test(value)) return badFilter(`year:${value} is not a year; use four digits, e.g. year:2024.`);
          filters.years.push(Number(value));
          break;
        }
        case 'has':
          if (fold(value) !== 'code') return badFilter(`has:${value} is not something papers have here; use has:code.`);
          filters.hasCode = true;
          break;
        case 'before':
        case 'after': {
          const bound = parseDateBound(value, false);
          if (!bound) return badFilter(`${key}:${value} is not a date; use yyyy-mm-dd, e.g. ${key}:2025-01-01.`);
          filters[key] = bound;
          break;
        }
      }
      continue;
    }
    if (phrase !== undefined) {
      if (phrase.trim()) phrases.push(phrase.trim());
      continue;
    }
    if (word === undefined) continue;
    if (word === 'OR') any = true;
    else if (/^-[\p{L}\p{N}]/u.test(word)) excluded.push(word.slice(1));
    else text.push(word);
  }
  if (filters.before && filters.after && filters.after >= filters.before) {
    return badFilter(`after:${filters.after} is not earlier than before:${filters.before}, so nothing can match.`);
  }
  return { ok: true, value: { text: text.join(' ').trim(), phrases, excluded, any, filters } };
}

export function hasFilters(f: Filters): boolean {
  return f.authors.length + f.categories.length + f.affiliations.length + f.years.length > 0 || f.hasCode !== undefined || f.before !== undefined || f.after !== undefined;
}

function includesWords(haystack: string, needle: string): boolean {
  // "wei" matches "Haoran Wei"; "haoran wei" matches it too; "ei" does not.
  return ` ${fold(haystack).replace(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${needle.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `);
}

export function matchesFilters(paper: Paper, f: Filters): boolean {
  if (f.authors.some((a) => !paper.authors.some((name) => includesWords(name, a)))) return false;
  if (f.categories.length > 0 && !f.categories.some((c) => fold(paper.category ?? '').replace(/^cs\./, '') === c)) return false;
  if (f.affiliations.some((a) => !paper.affiliations.some((x) => includesWords(x, a) || fold(x).startsWith(a)))) return false;
  if (f.years.length > 0 && !f.years.some((y) => paper.date?.startsWith(String(y)))) return false;
  if (f.hasCode && !paper.hasCode) return false;
  if (f.before && !(paper.date && paper.date < f.before)) return false;
  if (f.after && !(paper.date && paper.date >= f.after)) return false;
  return true;
}
