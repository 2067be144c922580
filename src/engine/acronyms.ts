// Acronyms as the corpus defines them ("Multi-head Latent Attention (MLA)"), found with the
// Schwartz–Hearst algorithm: the short form's letters must appear, in order, in the long form.
import type { Paper } from '../corpus/paper.js';
import { phraseKey, sentences } from './text.js';

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Papers whose text defines it, with the defining sentence. */
  definedIn: Array<{ paper: number; sentence: string }>;
}

const SHORT_FORM = /\(([\p{L}\d][\p{L}\d-]{1,11})\)/gu;

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\d]/u.test(c);
}

/** Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions". */
export function bestLongForm(short: string, candidate: string): string | null {
  const s = short.toLowerCase();
  const l = candidate.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!isAlnum(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && isAlnum(l[li - 1])))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const long = candidate.slice(start).trim();
  return long.length > short.length ? long : null;
}

/** Strips a plural "s" from "LLMs", "VLMs", "EBMs" (but not from "DSA" or "mHC"). */
export function singularShort(short: string): string {
  return /\p{Lu}s$/u.test(short) ? short.slice(0, -1) : short;
}

export function findDefinitions(text: string): Array<{ short: string; long: string; sentence: string }> {
  const out: Array<{ short: string; long: string; sentence: string }> = [];
  for (const sentence of sentences(text)) {
    for (const m of sentence.text.matchAll(SHORT_FORM)) {
      const short = singularShort(m[1]!);
      if (!/\p{Lu}/u.test(short) || !/\p{L}/u.test(short)) continue;
      const before = sentence.text.slice(0, m.index).trim().split(/\s+/);
      const window = before.slice(-Math.min(short.length + 5, short.length * 2)).join(' ');
      const long = bestLongForm(short, window);
      if (!long) continue;
      // Each letter of the short form usually starts a word of the long form: allow some slack
      // ("TCANet", "MoE") but not one word for three letters ("IOI" -> "Informatics").
      const letters = short.replace(/[^\p{L}\d]/gu, '').length;
      const words = long.split(/[\s-]+/).length;
      if (words > letters + 2 || words < Math.ceil(letters / 2)) continue;
      out.push({ short, long: long.replace(/^[("']+/, ''), sentence: sentence.text });
    }
  }
  return out;
}

export interface AcronymTable {
  get(short: string): AcronymDefinition | undefined;
  /** The acronym of a long form ("mixture of experts" -> MoE), by phrase key. */
  forLongForm(text: string): AcronymDefinition | undefined;
  snapshot(): AcronymSnapshot;
}

/** The table as plain data for the cache: each definition once, keys pointing into the list. */
export interface AcronymSnapshot {
  definitions: AcronymDefinition[];
  best: Array<[string, number]>;
  byLong: Array<[string, number]>;
}

export function acronymTableFromSnapshot(s: AcronymSnapshot): AcronymTable {
  const best = new Map(s.best.map(([k, i]) => [k, s.definitions[i]!]));
  const byLong = new Map(s.byLong.map(([k, i]) => [k, s.definitions[i]!]));
  return {
    get: (short) => best.get(singularShort(short).toLowerCase()),
    forLongForm: (text) => byLong.get(phraseKey(text)),
    snapshot: () => s,
  };
}

export function createAcronymTable(papers: readonly Paper[]): AcronymTable {
  const byShort = new Map<string, Map<string, AcronymDefinition>>();
  papers.forEach((paper, i) => {
    for (const def of findDefinitions(paper.abstract)) {
      const forms = byShort.get(def.short.toLowerCase()) ?? new Map<string, AcronymDefinition>();
      const longKey = phraseKey(def.long);
      const entry = forms.get(longKey) ?? { short: def.short, long: def.long, definedIn: [] };
      if (entry.definedIn.length < 50) entry.definedIn.push({ paper: i, sentence: def.sentence });
      forms.set(longKey, entry);
      byShort.set(def.short.toLowerCase(), forms);
    }
  });
  const best = new Map<string, AcronymDefinition>();
  const byLong = new Map<string, AcronymDefinition>();
  for (const [key, forms] of byShort) {
    const top = [...forms.values()].sort((a, b) => b.definedIn.length - a.definedIn.length)[0]!;
    best.set(key, top);
    for (const [longKey, def] of forms) if (!byLong.has(longKey)) byLong.set(longKey, def);
  }
  const definitions = [...new Set([...best.values(), ...byLong.values()])];
  const at = new Map(definitions.map((d, i) => [d, i]));
  return acronymTableFromSnapshot({
    definitions,
    best: [...best].map(([k, d]) => [k, at.get(d)!]),
    byLong: [...byLong].map(([k, d]) => [k, at.get(d)!]),
  });
}
