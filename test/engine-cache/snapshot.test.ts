// An engine restored from its snapshot (through V8 serialisation, as the cache file and the
// build worker pass it) answers every kind of question exactly as the engine it came from.
import { deserialize, serialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine, engineFromSnapshot, type Engine } from '../../src/engine/engine.js';
import { papersFromColumns, papersToColumns } from '../../src/engine/snapshot.js';
import { generateListing } from '../support/generate-corpus.js';
import { seed, TEST_NOW } from '../support/seed.js';

const INPUTS = {
  lookup: ['deepseek-v3', 'DeepSeek-V3.2', 'ocr2', 'deepsek v3', 'visual causal flow', 'deepseek', 'janus-pro', 'nothing-like-this'],
  search: ['mixture-of-experts has:code', 'author:"Haoran Wei"', 'category:CV', 'year:2024 has:code', '"multi-head latent attention"', 'moe -vision', 'transf', 'compresion OR janus'],
  ask: ['What is MLA?', 'Which papers use mixture-of-experts?', 'How many total parameters does DeepSeek-V3 have?', 'Who wrote DeepSeek-OCR?', 'What is DSA?', 'Which model is bigger, DeepSeek-V2 or DeepSeek-V3?'],
  suggest: ['', 'deeps', 'deepseek-v', 'jan', 'deepsek'],
  mentions: ['we should read DeepSeek-V3 and Janus-Pro', 'nothing here'],
};

function answers(engine: Engine): unknown {
  return {
    papers: engine.papers,
    issues: engine.issues,
    lookup: INPUTS.lookup.map((q) => engine.lookup(q)),
    search: INPUTS.search.map((q) => engine.search(q)),
    ask: INPUTS.ask.map((q) => engine.ask(q)),
    suggest: INPUTS.suggest.map((q) => engine.suggest(q)),
    mentions: INPUTS.mentions.map((q) => engine.mentions(q).map((p) => p.id)),
    related: engine.papers.slice(0, 12).map((p) => engine.related(p)),
  };
}

describe('engine snapshot', () => {
  let seedEngine: Engine;
  beforeAll(async () => {
    seedEngine = (await seed()).engine;
  });

  it('restores the seed engine with the same answers to every command', () => {
    const restored = engineFromSnapshot(deserialize(serialize(seedEngine.snapshot())));
    expect(answers(restored)).toEqual(answers(seedEngine));
  });

  it('restores a generated corpus of 1,500 papers with the same answers', () => {
    const corpus = buildCorpus([{ name: 'generated.txt', text: generateListing({ count: 1500, seed: 3 }) }], () => TEST_NOW);
    const engine = createEngine(corpus);
    const restored = engineFromSnapshot(deserialize(serialize(engine.snapshot())));
    expect(answers(restored)).toEqual(answers(engine));
  });

  it('keeps abstracts intact across chunks, including characters beyond Latin-1', () => {
    const papers = Array.from({ length: 1100 }, (_, i) => ({ ...seedEngine.papers[i % seedEngine.papers.length]!, id: `p-${i}`, abstract: i % 97 === 0 ? `Ünïcødé ✓ 数学 ${i}` : `Abstract number ${i}.` }));
    expect(papersFromColumns(deserialize(serialize(papersToColumns(papers))))).toEqual(papers);
  });

  it('refuses a snapshot of another format version', () => {
    expect(() => engineFromSnapshot({ ...seedEngine.snapshot(), version: 999 })).toThrow(/version 999/);
  });
});
