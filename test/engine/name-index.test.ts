// The name index: typo matching, completions, and the snapshot an on-disk cache restores it from.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { nameKey, versionOf } from '../../src/corpus/slug.js';
import { editDistance } from '../../src/engine/edit-distance.js';
import type { NameIndex, NameMatch } from '../../src/engine/name-index.js';
import { createNameIndex } from '../../src/engine/name-index-build.js';
import { nameIndexFromSnapshot } from '../../src/engine/name-index-query.js';
import { createRandom, generateListing } from '../support/generate-corpus.js';
import { DATA_DIR, TEST_NOW } from '../support/seed.js';

function paper(id: string, names: string[], title = names[0] ?? id, abstract = `We present ${names[0] ?? id}, a model.`): Paper {
  return {
    id,
    title,
    titleInferred: false,
    authors: ['Wei Zhang'],
    etAl: false,
    affiliations: [],
    category: null,
    date: null,
    hasCode: false,
    codeUrl: null,
    abstract,
    names,
    sources: [{ file: 'test.txt', line: 1 }],
  };
}

const papersOf = (matches: NameMatch[] | undefined) => (matches ?? []).map((m) => m.paper);

/** Every key the index holds, read from its snapshot. */
function keysOf(index: NameIndex): string[] {
  const s = index.snapshot();
  return Array.from(s.keyEnd, (end, k) => s.keys.slice(k === 0 ? 0 : s.keyEnd[k - 1]!, end));
}

/** What a lookup, autocomplete and ask would ask of the index, from the papers' own names. */
function probes(papers: readonly Paper[], count: number, seed: number): { keys: string[]; texts: string[] } {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const keys = ['deepsekv3', 'deepseekv', 'deepeeko', 'deerseekvl2', 'deepseekv33', 'ocr3', 'd', 'de', 'janus', 'janusflw'];
  const texts = ['How big is DeepSeek-V3?', 'Does janus beat Janus-Pro and DeepSeek-OCR 2 on OCR?', ''];
  for (let i = 0; i < count; i++) {
    const p = pick(papers);
    const key = nameKey(random() < 0.7 ? (p.names[0] ?? p.title) : p.title);
    const at = Math.floor(random() * key.length);
    keys.push(key, key.slice(0, 1 + at), key.slice(0, at) + key.slice(at + 1), key.slice(0, at) + 'x' + key.slice(at + 1));
    texts.push(pick(p.abstract.split(/(?<=[.!?])\s/)), `What is ${p.names[0] ?? p.title}?`);
  }
  return { keys, texts };
}

function expectSameAnswers(a: NameIndex, b: NameIndex, { keys, texts }: { keys: string[]; texts: string[] }) {
  expect(b.counts).toEqual(a.counts);
  for (const key of keys) {
    expect(b.exact(key), key).toEqual(a.exact(key));
    expect(b.exact(key, { short: true }), key).toEqual(a.exact(key, { short: true }));
    expect(b.prefix(key, 25), key).toEqual(a.prefix(key, 25));
    expect(b.prefix(key, 100), key).toEqual(a.prefix(key, 100));
    expect(b.fuzzy(key), key).toEqual(a.fuzzy(key));
  }
  for (const text of texts) expect(b.mentions(text), text).toEqual(a.mentions(text));
}

describe('a name index restored from its snapshot', () => {
  let seedPapers: Paper[];
  let generated: Paper[];

  beforeAll(() => {
    const seedFiles = readdirSync(DATA_DIR).map((name) => ({ name, text: readFileSync(path.join(DATA_DIR, name), 'utf8') }));
    seedPapers = buildCorpus(seedFiles, () => TEST_NOW).papers;
    const listing = { name: '000_generated.txt', text: generateListing({ count: 2_000, seed: 7, minWords: 60, maxWords: 110 }) };
    generated = buildCorpus([listing, ...seedFiles], () => TEST_NOW).papers;
  }, 60_000);

  it('GIVEN the seed corpus and a structured clone of the snapshot THEN every answer is the same', () => {
    const index = createNameIndex(seedPapers);
    const restored = nameIndexFromSnapshot(structuredClone(index.snapshot()));
    expectSameAnswers(index, restored, probes(seedPapers, 100, 1));
  });

  it('GIVEN a generated corpus and a snapshot through v8.serialize THEN every answer is the same', () => {
    const index = createNameIndex(generated);
    const restored = nameIndexFromSnapshot(v8.deserialize(v8.serialize(index.snapshot())));
    expectSameAnswers(index, restored, probes(generated, 300, 2));
  });

  it('GIVEN the seed corpus THEN the restored index still finds the seed papers, typos and all', () => {
    const restored = nameIndexFromSnapshot(structuredClone(createNameIndex(seedPapers).snapshot()));
    const id = (m: NameMatch | undefined) => (m ? seedPapers[m.paper]!.id : undefined);
    expect(id(restored.exact('deepseekv3')[0])).toBe('deepseek-v3');
    expect(id(restored.fuzzy('deepsekv3')?.matches[0])).toBe('deepseek-v3');
    expect(restored.prefix('deepseekv', 25).map(id)).toEqual(expect.arrayContaining(['deepseek-v2', 'deepseek-v3', 'deepseek-v3-2']));
    expect(restored.mentions('How big is DeepSeek-V3?').map(id)).toEqual(['deepseek-v3']);
  });

  it('GIVEN a snapshot whose parts do not fit together THEN restoring says so and how to fix it', () => {
    const s = createNameIndex(seedPapers).snapshot();
    expect(() => nameIndexFromSnapshot({ ...s, format: 0 })).toThrow(/^name index: snapshot format 0 .* rebuild it from the corpus$/);
    expect(() => nameIndexFromSnapshot({ ...s, aliasShort: s.aliasShort.subarray(1) })).toThrow(/does not fit together/);
  });
});

describe('fuzzy', () => {
  const papers = [
    paper('janusflow', ['JanusFlow']),
    paper('orbit', ['Orbit']),
    paper('orbix', ['Orbix']),
    paper('deepseek-coder', ['DeepSeek-Coder']),
    paper('deepseek-vl', ['DeepSeek-VL']),
    paper('codes', ['Codes']),
    paper('deepseek-v3', ['DeepSeek-V3']),
    paper('deepseek-v3-2', ['DeepSeek-V3.2']),
    paper('nebulous', ['Nebulous']),
  ];
  const index = createNameIndex(papers);
  const ids = (key: string) => papersOf(index.fuzzy(key)?.matches).map((p) => papers[p]!.id);

  it.each([
    ['a transposition', 'jnausflow'],
    ['a deletion', 'janusflw'],
    ['an insertion', 'janussflow'],
    ['a substitution', 'janusflaw'],
  ])('GIVEN %s THEN the name, at distance 1', (_, typo) => {
    expect(index.fuzzy(typo)?.distance).toBe(1);
    expect(ids(typo)).toEqual(['janusflow']);
  });

  it('GIVEN the exact name THEN no typo match: distance 0 is not a typo', () => {
    expect(index.fuzzy('janusflow')).toBeNull();
  });

  it('GIVEN a different version number THEN no match, however close the letters', () => {
    expect(index.fuzzy('deepseekv2')).toBeNull();
    expect(index.fuzzy('deepseekv3.3')).toBeNull();
    expect(ids('deepsekv3.2')).toEqual(['deepseek-v3-2']);
  });

  it('GIVEN two typos THEN a match only for a key of 10 or more characters', () => {
    expect(index.fuzzy('depseekcodr')).toMatchObject({ distance: 2 });
    expect(ids('depseekcodr')).toEqual(['deepseek-coder']);
    expect(index.fuzzy('jnusflw')).toBeNull();
    // A 10-character query may be two edits from an 8-character key, both in its first letters.
    expect(ids('nxebxulous')).toEqual(['nebulous']);
    // Two swaps are two edits here, though four for plain Levenshtein.
    expect(ids('edepseekocder')).toEqual(['deepseek-coder']);
  });

  it('GIVEN keys at the same best distance THEN all of them, full names before short forms', () => {
    expect(ids('orbiz').sort()).toEqual(['orbit', 'orbix']);
    // "codex" is one edit from "codes" and from "coder", DeepSeek-Coder's short form.
    expect(ids('codex')).toEqual(['codes', 'deepseek-coder']);
    expect(index.fuzzy('codex')!.matches.map((m) => m.key)).toEqual(['codes', 'coder']);
  });

  it('GIVEN a closer key THEN only it, not the farther ones', () => {
    expect(index.fuzzy('orbits')).toMatchObject({ distance: 1 });
    expect(ids('orbits')).toEqual(['orbit']);
  });

  it('GIVEN fewer than 4 characters THEN no typo matching', () => {
    expect(index.fuzzy('orb')).toBeNull();
  });
});

/** Fuzzy matching by scanning every key: what the index must agree with. */
function bruteFuzzy(index: NameIndex, keys: readonly string[], key: string): { distance: number; matches: NameMatch[] } | null {
  if (key.length < 4) return null;
  const max = key.length >= 10 ? 2 : 1;
  const within = keys.map((k) => ({ k, d: editDistance(key, k) })).filter(({ k, d }) => d > 0 && d <= max && versionOf(k) === versionOf(key));
  if (within.length === 0) return null;
  const distance = Math.min(...within.map((w) => w.d));
  const closest = within.filter((w) => w.d === distance).map((w) => w.k);
  // Each paper by its strongest key (the first in key order on a tie), best first, then by paper.
  const collect = (short: boolean) => {
    const best = new Map<number, NameMatch>();
    for (const k of closest) for (const m of index.exact(k, { short })) if ((best.get(m.paper)?.score ?? -1) < m.score) best.set(m.paper, m);
    return [...best.values()].sort((x, y) => y.score - x.score || x.paper - y.paper);
  };
  return { distance, matches: collect(false).concat(collect(true)) };
}

/** Completions by scanning every key: the `limit * 2` best keys, then each paper by its best of them. */
function brutePrefix(index: NameIndex, keys: readonly string[], key: string, limit: number): NameMatch[] {
  if (!key) return [];
  const score = (k: string) => index.exact(k)[0]?.score ?? 0;
  const completions = keys
    .map((k, id) => ({ k, id, score: score(k) }))
    .filter(({ k, score }) => k.startsWith(key) && score > 0 && !(/\d$/.test(key) && /[\d.]/.test(k[key.length] ?? '')))
    .sort((a, b) => b.score - a.score || a.k.length - b.k.length || a.id - b.id)
    .slice(0, limit * 2);
  const best = new Map<number, NameMatch>();
  for (const { k } of completions) for (const m of index.exact(k)) if ((best.get(m.paper)?.score ?? -1) < m.score) best.set(m.paper, m);
  return [...best.values()].sort((x, y) => y.score - x.score || x.key.length - y.key.length || x.paper - y.paper).slice(0, limit);
}

describe('laws', () => {
  // Few letters, digits and a version dot, so random names collide, share families and differ by a typo.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'B', '1', '2'), minLength: 1, maxLength: 6 });
  const name = fc.tuple(word, fc.option(word, { nil: undefined }), fc.boolean()).map(([a, b, dot]) => (b === undefined ? a : `${a}-${b}${dot ? '.1' : ''}`));
  const corpus = fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 25 }).map((all) => all.map((names, i) => paper(`p${i}`, names)));
  const query = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '2', '.'), maxLength: 13 });
  /** A key of the corpus with up to two random edits: most such queries have typo matches. */
  const near = (keys: string[]) =>
    fc.tuple(fc.constantFrom(...keys), fc.array(fc.tuple(fc.nat(3), fc.nat(20), fc.constantFrom('a', 'b', '1')), { maxLength: 2 })).map(([key, edits]) =>
      edits.reduce((k, [op, at, c]) => {
        const i = at % (k.length + 1);
        return op === 0 ? k.slice(0, i) + k.slice(i + 1) : op === 1 ? k.slice(0, i) + c + k.slice(i) : op === 2 ? k.slice(0, i) + c + k.slice(i + 1) : k.slice(0, i) + k.slice(i + 1, i + 2) + k.slice(i, i + 1) + k.slice(i + 2);
      }, key),
    );

  it('LAW: fuzzy finds exactly what a scan of every key with editDistance finds', () => {
    fc.assert(
      fc.property(
        corpus.chain((papers) => {
          const index = createNameIndex(papers);
          const keys = keysOf(index);
          return fc.tuple(fc.constant(index), fc.constant(keys), fc.array(fc.oneof(query, near(keys)), { minLength: 1, maxLength: 20 }));
        }),
        ([index, keys, queries]) => {
          for (const q of queries) expect(index.fuzzy(q), q).toEqual(bruteFuzzy(index, keys, q));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('LAW: prefix returns what a scan of every key returns', () => {
    fc.assert(
      fc.property(corpus, fc.array(query, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 5 }), (papers, queries, limit) => {
        const index = createNameIndex(papers);
        const keys = keysOf(index);
        for (const q of [...queries, ...keys.map((k) => k.slice(0, 2))]) expect(index.prefix(q, limit), q).toEqual(brutePrefix(index, keys, q, limit));
      }),
    );
  });

  it('LAW: editDistance is the textbook optimal string alignment distance, capped at max + 1', () => {
    const osa = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 16 });
    fc.assert(
      // The noise runs first so that no call can lean on what an earlier one left behind.
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), text, text, (a, b, max, noiseA, noiseB) => {
        editDistance(noiseA, noiseB);
        expect(editDistance(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
        expect(editDistance(a, b)).toBe(osa(a, b));
      }),
      { numRuns: 2_000 },
    );
  });
});
