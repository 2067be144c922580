// Deterministic query workloads for the benchmark, drawn from the loaded papers with a seeded PRNG:
// typed prefixes, names with typos, 1–3 word searches with and without filters, questions, ids.
import type { Paper } from '../src/corpus/paper.js';
import { STOP_WORDS } from '../src/engine/stopwords.js';
import { createRandom, SEED_MODEL_NAMES } from '../test/support/generate-corpus.js';
import { SEED_LOOKUPS } from '../test/support/seed-lookups.js';

export interface Workload {
  autocomplete: string[];
  paper: string[];
  search: string[];
  searchFiltered: string[];
  searchFiltersOnly: string[];
  ask: string[];
  related: string[];
}

export type OpName = keyof Workload;

export const OP_NAMES: readonly OpName[] = ['autocomplete', 'paper', 'search', 'searchFiltered', 'searchFiltersOnly', 'ask', 'related'];

/** Topics users search and ask about: the generator's topics and the seed papers' concepts. */
const TOPICS = [
  'long-context retrieval', 'speculative decoding', 'mixture-of-experts routing', 'visual question answering', 'code generation',
  'mathematical reasoning', 'document understanding', 'instruction tuning', 'reward modeling', 'KV cache compression',
  'multilingual transfer', 'tool use', 'sparse attention', 'preference optimization', 'quantization', 'agent planning',
  'optical character recognition', 'multi-head latent attention', 'mixture-of-experts', 'reinforcement learning',
  'conditional memory', 'visual tokens', 'knowledge distillation', 'chart understanding',
];
const ACRONYMS = ['MLA', 'MoE', 'SFT', 'RL', 'KV', 'DSA', 'OCR', 'DPO', 'VLMs', 'LLMs', 'mHC', 'MTP', 'GRPO'];
const FILTERS = ['year:2025', 'year:2024', 'has:code', 'category:CV', 'category:CL', 'year:2025 has:code', 'author:Zhang', 'affiliation:pku', 'after:2025-06-01', 'before:2024-07-01 has:code', 'category:LG year:2026'];
const FILTERS_ONLY = ['year:2025 has:code', 'has:code', 'category:CV', 'author:"Wei Zhang"', 'affiliation:mit year:2024', 'after:2026-01-01', 'year:2024 category:IR'];

/** The questions the issue names, always in the workload. */
export const FIXED_QUESTIONS = ['How many total parameters does DeepSeek-V3 have?', 'What is MLA?', 'Which papers use speculative decoding?'];

export function createWorkload(papers: readonly Paper[], count: number, seed: number): Workload {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  // Seed papers are the ones whose id is a seed model's slug or that do not come from a generated file.
  const seedPapers = papers.filter((p) => p.sources.some((s) => !s.file.startsWith('bench_')));
  const generated = papers.filter((p) => !seedPapers.includes(p));
  const anyPaper = () => (seedPapers.length > 0 && (generated.length === 0 || chance(0.3)) ? pick(seedPapers) : pick(generated));
  const nameOf = (p: Paper) => (chance(0.8) && p.names[0] ? p.names[0] : p.title);

  const typo = (text: string): string => {
    if (text.length < 5) return text;
    const at = int(1, text.length - 2);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[int(0, 25)]!;
    switch (int(0, 3)) {
      case 0:
        return text.slice(0, at) + text.slice(at + 1); // deletion
      case 1:
        return text.slice(0, at) + letter + text.slice(at); // insertion
      case 2:
        return text.slice(0, at) + letter + text.slice(at + 1); // substitution
      default:
        return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2); // transposition
    }
  };
  const contentWords = (p: Paper): string[] =>
    p.abstract
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));
  /** Half token-sampled (Zipf: frequent words), half type-sampled (rarer words). */
  const vocabularyWords = (n: number): string[] => {
    const words = contentWords(pick(generated.length > 0 ? generated : papers));
    if (words.length === 0) return ['attention'];
    const pool = chance(0.5) ? words : [...new Set(words)];
    return Array.from({ length: n }, () => pick(pool).toLowerCase());
  };

  const autocomplete = (): string => {
    if (chance(0.1)) return pick(['deeps', 'deepseek-v', 'janus', 'd', 'de', 'engr', 'mhc', 'deepseek-ocr', 'ja']);
    const name = nameOf(anyPaper());
    let prefix = name.slice(0, int(1, Math.min(name.length, 16)));
    if (chance(0.5)) prefix = prefix.toLowerCase();
    if (chance(0.1)) prefix = typo(prefix);
    return prefix.trim() || name.slice(0, 1);
  };

  const paper = (): string => {
    const p = anyPaper();
    const roll = random();
    if (roll < 0.1) return pick(SEED_MODEL_NAMES);
    if (roll < 0.4) return nameOf(p);
    if (roll < 0.6) return typo(nameOf(p));
    if (roll < 0.7) return nameOf(p).slice(0, int(4, 12)).trim() || p.id;
    if (roll < 0.85) return p.id;
    return p.title.split(/\s+/).slice(int(0, 2), int(3, 5)).join(' ') || p.id;
  };

  const searchText = (): string => {
    const roll = random();
    if (roll < 0.5) return vocabularyWords(int(1, 3)).join(' ');
    if (roll < 0.75) return chance(0.5) ? pick(TOPICS) : `${pick(TOPICS)} ${vocabularyWords(1)[0]!}`;
    if (roll < 0.9) return chance(0.5) ? pick(SEED_MODEL_NAMES) : `${pick(SEED_MODEL_NAMES)} ${pick(TOPICS).split(' ')[0]!}`;
    // Half-typed last word, as people type.
    const words = vocabularyWords(int(1, 2));
    const last = words.at(-1)!;
    words[words.length - 1] = last.slice(0, Math.max(3, Math.ceil(last.length / 2)));
    return words.join(' ');
  };

  const ask = (): string => {
    const name = nameOf(anyPaper());
    const seedName = pick(SEED_MODEL_NAMES);
    switch (int(0, 10)) {
      case 0:
        return pick(FIXED_QUESTIONS);
      case 1:
        return `What is ${pick(ACRONYMS)}?`;
      case 2:
        return `Which papers use ${pick(TOPICS)}?`;
      case 3:
        return `What is ${seedName}?`;
      case 4:
        return `Who wrote ${name}?`;
      case 5:
        return `When was ${name} published?`;
      case 6:
        return `Does ${name} have code?`;
      case 7:
        return `How does ${seedName} handle ${pick(TOPICS)}?`;
      case 8:
        return `How many ${vocabularyWords(1)[0]!} does ${seedName} use?`;
      case 9:
        return `Which papers are about ${pick(TOPICS)}?`;
      default:
        return `Why does ${vocabularyWords(2).join(' ')} improve ${pick(TOPICS)}?`;
    }
  };

  const list = <T>(make: () => T): T[] => Array.from({ length: count }, make);
  return {
    autocomplete: list(autocomplete),
    paper: list(paper),
    search: list(searchText),
    searchFiltered: list(() => `${searchText()} ${pick(FILTERS)}`),
    searchFiltersOnly: list(() => pick(FILTERS_ONLY)),
    // The three questions come first, so even a short run has them.
    ask: [...FIXED_QUESTIONS, ...list(ask)].slice(0, Math.max(count, FIXED_QUESTIONS.length)),
    related: list(() => anyPaper().id),
  };
}

/** Lookups whose answer must not change with corpus size (shared with test/engine/scale.test.ts). */
export const ACCURACY_LOOKUPS = SEED_LOOKUPS;
