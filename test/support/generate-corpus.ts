// Generates a realistic corpus in the listing format, deterministically from a seed: follow-up
// papers whose titles and abstracts name the well-known models, the way real follow-ups do.
// Used by the scale tests and by the benchmark.
import { STOP_WORDS } from '../../src/engine/stopwords.js';

/** Mulberry32: a small, fast, seeded PRNG so every run generates the same corpus. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SEED_MODEL_NAMES = [
  'DeepSeek-V3', 'DeepSeek-V3.2', 'DeepSeek-V2', 'DeepSeek-R1', 'DeepSeek-OCR', 'DeepSeek-OCR 2', 'DeepSeek-VL',
  'DeepSeek-VL2', 'DeepSeek-Coder', 'DeepSeek-Coder-V2', 'DeepSeek LLM', 'Janus', 'Janus-Pro', 'JanusFlow', 'Engram', 'mHC',
  'CoLeCLIP', 'NVDiff',
] as const;

const TOPICS = [
  'long-context retrieval', 'speculative decoding', 'mixture-of-experts routing', 'visual question answering', 'code generation',
  'mathematical reasoning', 'document understanding', 'instruction tuning', 'reward modeling', 'KV cache compression',
  'multilingual transfer', 'tool use', 'medical question answering', 'sparse attention', 'preference optimization',
  'chart understanding', 'quantization', 'agent planning', 'optical character recognition', 'scientific summarization',
];
const ADJECTIVES = ['Efficient', 'Scalable', 'Robust', 'Faithful', 'Lightweight', 'Adaptive', 'Unified', 'Sparse', 'Calibrated', 'Grounded'];
const FIRST = ['Wei', 'Li', 'Maria', 'João', 'Anika', 'Chen', 'Olga', 'Sipho', 'Yuki', 'Ahmed', 'Lena', 'Ravi', 'Zoë', 'Mateo', 'Hana', 'Noah'];
const LAST = ['Zhang', 'Garcia', 'Müller', 'Okafor', "O'Neil", 'Kowalski', 'Tanaka', 'Singh', 'Haddad', 'Nguyen', 'Rossi', 'Dubois', 'Kim', 'Silva'];
const CATEGORIES = ['CL', 'CV', 'LG', 'AI', 'IR'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const AFFILIATIONS = ['mit', 'stanford', 'tsinghua', 'pku', 'eth', 'oxford', 'kaist', 'mila'];

/** A Zipf-distributed vocabulary of made-up content words mixed with English stop words. */
function createVocabulary(random: () => number, size: number): { word: () => string } {
  const syllables = ['ka', 'lo', 'ver', 'tion', 'mi', 'sa', 'dor', 'pre', 'lum', 'ex', 'tra', 'nel', 'quo', 'ri', 'sen', 'gal'];
  const words: string[] = [];
  const seen = new Set<string>();
  while (words.length < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  // Cumulative Zipf weights (s = 1) for inverse-transform sampling.
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= size; r++) cumulative.push((total += 1 / r));
  const stop = [...STOP_WORDS].filter((w) => /^[a-z]+$/.test(w));
  return {
    word() {
      if (random() < 0.4) return stop[Math.floor(random() * stop.length)]!;
      const x = random() * total;
      let lo = 0;
      let hi = size - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo]!;
    },
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function systemName(random: () => number, i: number): string {
  const a = ['Zor', 'Kel', 'Vanta', 'Orbi', 'Quill', 'Tessa', 'Mira', 'Falco', 'Nimbus', 'Pyra'];
  const b = ['Net', 'LM', 'Former', 'Flow', 'Mix', 'Vision', 'Coder', 'Mind'];
  return `${pick(random, a)}${pick(random, b)}-${(i % 97) + 1}`;
}

export interface GeneratedPaper {
  metaLine: string;
  titleLine: string;
  abstract: string;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  minWords?: number;
  maxWords?: number;
}

/** Listing-format text for `count` follow-up papers. */
export function generateListing({ count, seed = 42, minWords = 150, maxWords = 250 }: GenerateOptions): string {
  const random = createRandom(seed);
  const vocabulary = createVocabulary(random, 20_000);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const seedName = pick(random, SEED_MODEL_NAMES);
    const other = pick(random, SEED_MODEL_NAMES);
    const name = systemName(random, i);
    const topic = pick(random, TOPICS);
    const adjective = pick(random, ADJECTIVES);
    const titles = [
      `${name}: ${adjective} ${topic} with ${seedName}`,
      `Revisiting ${seedName} for ${topic}`,
      `${seedName} Meets ${adjective} ${topic}`,
      `Distilling ${seedName} into ${name}`,
      `On the ${topic} Abilities of ${seedName} and ${other}`,
      `${seedName}-${adjective}: ${topic} at Scale`,
      `Is ${seedName} All You Need for ${topic}?`,
    ];
    const title = pick(random, titles);
    const openings = [
      `We present ${name}, a ${adjective.toLowerCase()} approach to ${topic} that builds on ${seedName}.`,
      `We study how ${seedName} handles ${topic} and compare it with ${other}.`,
      `Building on ${seedName}, we introduce ${name} for ${topic}.`,
      `We present a systematic analysis of ${seedName} on ${topic}.`,
    ];
    const words: string[] = [pick(random, openings)];
    const target = minWords + Math.floor(random() * (maxWords - minWords + 1));
    let n = words[0]!.split(' ').length;
    while (n < target) {
      const len = 8 + Math.floor(random() * 14);
      const sentence: string[] = [];
      for (let k = 0; k < len; k++) sentence.push(vocabulary.word());
      if (random() < 0.25) sentence.splice(Math.floor(random() * len), 0, pick(random, [seedName, other, `${seedName}`]));
      if (random() < 0.2) sentence.splice(Math.floor(random() * len), 0, topic);
      const text = sentence.join(' ');
      words.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
      n += len;
    }
    words.push(`Compared with ${seedName}, ${name} improves ${topic} by ${(random() * 9 + 1).toFixed(1)} points.`);
    const authors = Array.from({ length: 2 + Math.floor(random() * 3) }, () => `${pick(random, FIRST)} ${pick(random, LAST)}`);
    const etAl = random() < 0.5 ? ' et al.' : '';
    const affiliation = random() < 0.6 ? ` · ${pick(random, AFFILIATIONS)}` : '';
    const year = 2024 + Math.floor(random() * 3);
    const code = random() < 0.5 ? 'Code' : '';
    out.push(`${pick(random, CATEGORIES)}${pick(random, MONTHS)} ${1 + Math.floor(random() * 28)}, ${year}${code}`);
    out.push(`${title}${authors.join(', ')}${etAl}${affiliation}`);
    out.push(words.join(' '));
  }
  return `${out.join('\n')}\n`;
}
