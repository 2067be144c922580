// A 20,000-paper corpus of follow-up papers that name the seed models in their titles and
// abstracts, plus the seed files: named lookups must still return the papers that ARE those models.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../src/corpus/load-corpus.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { findMentions } from '../../src/engine/evidence.js';
import { generateListing } from '../support/generate-corpus.js';
import { SEED_LOOKUPS } from '../support/seed-lookups.js';
import { DATA_DIR, TEST_NOW } from '../support/seed.js';

let engine: Engine;
let corpus: Corpus;

beforeAll(() => {
  const seedFiles = readdirSync(DATA_DIR).map((name) => ({ name, text: readFileSync(path.join(DATA_DIR, name), 'utf8') }));
  // Generated files sort before and after the seed files, so file order cannot favour the seed.
  const generated = [
    { name: '000_aaa_followups.txt', text: generateListing({ count: 10_000, seed: 1, minWords: 60, maxWords: 110 }) },
    { name: '999_zzz_followups.txt', text: generateListing({ count: 10_000, seed: 2, minWords: 60, maxWords: 110 }) },
  ];
  corpus = buildCorpus([...generated, ...seedFiles], () => TEST_NOW);
  engine = createEngine(corpus);
}, 240_000);

describe('a 20,000-paper corpus of follow-ups that mention the seed models', () => {
  it('THEN all 20,000 follow-ups and the 22 seed papers load', () => {
    expect(corpus.papers.length).toBe(20_022);
    expect(corpus.issues).toEqual([]);
  });

  it('THEN the generated titles and abstracts really do mention the seed names', () => {
    const mentioning = corpus.papers.filter((p) => /DeepSeek-V3(?![.\d])/.test(`${p.title} ${p.abstract}`) && p.id !== 'deepseek-v3');
    expect(mentioning.length).toBeGreaterThan(1000);
    expect(corpus.papers.some((p) => p.title.startsWith('DeepSeek-V3 Meets'))).toBe(true);
  });

  it.each(SEED_LOOKUPS.map(([name, id]) => [name, id]))('GIVEN %j THEN still the seed paper %s', (name, id) => {
    const r = engine.lookup(name);
    expect(r.kind === 'found' ? r.paper.id : r.kind).toBe(id);
  });

  it('THEN the seed papers keep their ids', () => {
    expect(engine.get('deepseek-v3')!.title).toBe('DeepSeek-V3 Technical Report');
    expect(engine.get('janus-pro')!.sources[0]!.file).toBe('002_dcaf581b5b5ef693.txt');
  });

  it('THEN search for a seed name puts the seed paper first, and ask still cites it', () => {
    const r = engine.search('DeepSeek-V3');
    expect(r.ok && r.value.hits[0]!.paper.id).toBe('deepseek-v3');
    const a = engine.ask('How many total parameters does DeepSeek-V3 have?');
    expect(a.citations[0]!.paper.id).toBe('deepseek-v3');
    expect(a.text).toContain('671B');
  });

  it('THEN autocomplete for "deepseek-v" offers the seed versions before the variants', () => {
    const ids = engine.suggest('deepseek-v').map((s) => s.id);
    expect(ids.length).toBeLessThanOrEqual(25);
    expect(ids.slice(0, 6)).toEqual(expect.arrayContaining(['deepseek-v2', 'deepseek-v3', 'deepseek-v3-2']));
  });

  it('THEN "Which papers use X?" about a common topic estimates the count, says "about", and lists real mentions', () => {
    const everyPaper = () => corpus.papers.keys();
    const truth = findMentions(engine.papers, everyPaper, { phrases: ['speculative decoding'], acronyms: [] }, Infinity);
    expect(truth.length).toBeGreaterThan(300);
    const a = engine.ask('Which papers use speculative decoding?');
    const m = /^About ([\d,]+) papers use speculative decoding: (.+) and about ([\d,]+) more\.$/.exec(a.text);
    expect(m, a.text).not.toBeNull();
    const estimate = Number(m![1]!.replace(/,/g, ''));
    // Sampled from the best 300 candidates, which mention it more often than the rest.
    expect(estimate).toBeGreaterThanOrEqual(truth.length * 0.7);
    expect(estimate).toBeLessThanOrEqual(truth.length * 1.5);
    const mentioning = new Set(truth.map((t) => engine.papers[t.paper]!.id));
    expect(a.citations).toHaveLength(10);
    for (const c of a.citations) {
      expect(mentioning.has(c.paper.id), c.paper.id).toBe(true);
      expect(c.sentence.toLowerCase()).toContain('speculative decoding');
    }
  });

  it('THEN "What is X?" for a rare acronym counts exactly', () => {
    const a = engine.ask('What is MLA?');
    expect(a.text).toMatch(/^MLA is Multi-head Latent Attention\./);
    expect(a.text).not.toMatch(/about/);
  });

  it('THEN a search for a name counts the named paper once, however many papers match the words', () => {
    // Follow-ups named like "TessaMind-84" or "DeepSeek-OCR-Robust": the named paper comes first
    // even when other papers score higher on the words, and is counted once.
    const names = corpus.papers.filter((_, i) => i % 197 === 0).flatMap((p) => p.names.slice(0, 1));
    expect(names.length).toBeGreaterThan(50);
    for (const q of names) {
      // With one result shown, the named paper is often not among the best two by score.
      const few = engine.search(q, { limit: 1 });
      const all = engine.search(q, { limit: 100_000 });
      if (!few.ok || !all.ok) throw new Error(q);
      expect(new Set(all.value.hits.map((h) => h.paper.id)).size, q).toBe(all.value.hits.length);
      expect(all.value.hits.length, q).toBe(all.value.total);
      expect(few.value.total, q).toBe(all.value.total);
    }
  });
});
