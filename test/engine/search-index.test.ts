// The full-text index against MiniSearch, whose BM25+ scoring it reproduces: same papers, same
// order, same scores, over the seed corpus and a generated one. Plus the snapshot round trip.
import { deserialize, serialize } from 'node:v8';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load-corpus.js';
import type { Paper } from '../../src/corpus/paper.js';
import { nameKey } from '../../src/corpus/slug.js';
import { FIELD_BOOST, FIELDS, textQuery, queryTerms, type SearchIndex } from '../../src/engine/search-index.js';
import { createSearchIndex } from '../../src/engine/search-index-build.js';
import { searchIndexFromSnapshot } from '../../src/engine/search-index-query.js';
import { term, tokens } from '../../src/engine/text.js';
import { generateListing } from '../support/generate-corpus.js';
import { seed, TEST_NOW } from '../support/seed.js';
import { createEngine } from '../../src/engine/engine.js';

function reference(papers: readonly Paper[]): MiniSearch {
  const index = new MiniSearch<Record<string, string | number>>({
    fields: [...FIELDS],
    tokenize: (text) => tokens(text).map((t) => t.word),
    processTerm: (word) => term(word),
  });
  index.addAll(
    papers.map((p, id) => ({
      id,
      names: p.names.flatMap((n) => [n, nameKey(n)]).join(' '),
      title: p.title,
      authors: p.authors.join(' '),
      affiliations: p.affiliations.join(' '),
      abstract: p.abstract,
    })),
  );
  return index;
}

const QUERIES = [
  'mixture experts',
  'multi-head latent attention',
  'DeepSeek-V3',
  'vision language',
  'optical compression',
  'reasoning reinforcement',
  'haoran wei',
  'janus',
  'transf',
  'compresion',
  'visual causal flow',
  'deepseek coder',
  'sparse attention long context',
  // A word no paper has: AND finds nothing (settled before scoring), OR the rest.
  'mixture zzqx experts',
  'janus bhc',
];

function compare(ours: SearchIndex, theirs: MiniSearch, papers: readonly Paper[], queries: readonly string[]): number {
  let compared = 0;
  for (const q of queries) {
    for (const combineWith of ['AND', 'OR'] as const) {
      const expected = theirs.search(q, {
        boost: FIELD_BOOST,
        combineWith,
        fuzzy: (t) => (t.length >= 6 ? 0.2 : false),
        prefix: (t, i, all) => i === all.length - 1 && t.length >= 4,
      });
      const got = ours.search(textQuery(q), { boost: FIELD_BOOST, combineWith });
      expect(got.total, `${q} ${combineWith}`).toBe(expected.length);
      expect(got.hits.map((h) => h.score)).toEqual(expected.map((r) => expect.closeTo(r.score, 9)));
      // Equal scores may come in either order; the ids of each score must agree.
      const byScore = (hits: Array<{ id: number; score: number }>) => hits.map((h) => `${h.score.toFixed(9)} ${h.id}`).sort();
      expect(byScore(got.hits)).toEqual(byScore(expected.map((r) => ({ id: r.id as number, score: r.score }))));
      compared += expected.length;
    }
  }
  expect(compared).toBeGreaterThan(queries.length);
  return papers.length;
}

describe('search index', () => {
  let seedPapers: Paper[];
  let generated: Paper[];
  beforeAll(async () => {
    seedPapers = (await seed()).corpus.papers;
    generated = buildCorpus([{ name: 'generated.txt', text: generateListing({ count: 400, seed: 7 }) }], () => TEST_NOW).papers;
  });

  it('scores and orders the seed corpus as MiniSearch does', () => {
    compare(createSearchIndex(seedPapers), reference(seedPapers), seedPapers, QUERIES);
  });

  it('scores and orders a generated corpus as MiniSearch does', () => {
    const words = generated.slice(0, 30).map((p) => tokens(p.abstract).slice(3, 5).map((t) => t.word).join(' '));
    compare(createSearchIndex(generated), reference(generated), generated, [...QUERIES, ...words]);
  });

  it('keeps the best hits, counts all matches, and applies the filter to both', () => {
    const index = createSearchIndex(seedPapers);
    const all = index.search(queryTerms('model'), { combineWith: 'OR' });
    const top = index.search(queryTerms('model'), { combineWith: 'OR', limit: 3 });
    expect(top.total).toBe(all.total);
    expect(top.hits).toEqual(all.hits.slice(0, 3));
    const even = index.search(queryTerms('model'), { combineWith: 'OR', filter: (i) => i % 2 === 0 });
    expect(even.total).toBe(all.hits.filter((h) => h.id % 2 === 0).length);
    expect(even.hits.every((h) => h.id % 2 === 0)).toBe(true);
  });

  it('knows each paper’s terms and how many papers use a term', () => {
    const index = createSearchIndex(seedPapers);
    const v3 = seedPapers.findIndex((p) => p.id === 'deepseek-v3');
    const terms = new Map(index.termsOf(v3));
    expect(terms.get(term('DeepSeek-V3'.split('-')[0]!)!)).toBeGreaterThanOrEqual(2);
    const mla = term('MLA')!;
    expect(index.documentFrequency(mla)).toBe(seedPapers.filter((p) => /\bMLA\b/.test(`${p.title} ${p.abstract}`)).length);
    expect(index.documentFrequency('zzznotaword')).toBe(0);
  });

  it('answers the same after a round trip through its snapshot', () => {
    const index = createSearchIndex(generated);
    const copy = searchIndexFromSnapshot(deserialize(serialize(index.snapshot())));
    for (const q of [...QUERIES, 'vantanet', 'quo']) {
      expect(copy.search(textQuery(q), { boost: FIELD_BOOST, combineWith: 'OR', limit: 10 })).toEqual(index.search(textQuery(q), { boost: FIELD_BOOST, combineWith: 'OR', limit: 10 }));
    }
    expect(copy.termsOf(5)).toEqual(index.termsOf(5));
  });

  it('indexes an empty corpus', () => {
    const index = createSearchIndex([]);
    expect(index.search(queryTerms('anything'))).toEqual({ hits: [], total: 0 });
  });
});

describe('author filters through the index', () => {
  const listing = [
    'CLNov 20, 2025Code\nSparse Routing for Tiny ExpertsJosé Núñez, Wei Zhang · Universidad de Zürich\nWe study sparse routing for tiny experts and show that two experts halve the cost.\n',
    'CVNov 21, 2025\nDense Captions at ScaleZhang Wei, Ana Li · MIT\nWe caption images densely at scale with a small model.\n',
    'CVNov 22, 2025\nAn Older Look at CaptionsAn Li · MIT\nWe revisit captions.\n',
  ].join('');
  const engine = createEngine(buildCorpus([{ name: 'listing.txt', text: listing }], () => TEST_NOW));
  const ids = (q: string) => {
    const r = engine.search(q);
    return r.ok ? r.value.hits.map((h) => h.paper.title) : r.error.code;
  };

  it('matches whole words of a name, ignoring accents, newest first', () => {
    expect(ids('author:jose')).toEqual(['Sparse Routing for Tiny Experts']);
    expect(ids('author:"Núñez"')).toEqual(['Sparse Routing for Tiny Experts']);
    expect(ids('author:"wei zhang"')).toEqual(['Sparse Routing for Tiny Experts']);
    expect(ids('author:zhang')).toEqual(['Dense Captions at Scale', 'Sparse Routing for Tiny Experts']);
    expect(ids('author:zha')).toEqual([]);
    expect(ids('author:"an li"')).toEqual(['An Older Look at Captions']);
    expect(ids('author:li category:CV')).toEqual(['An Older Look at Captions', 'Dense Captions at Scale']);
  });

  it('finds accented words from plain letters in text search too', () => {
    expect(ids('zurich')).toEqual(['Sparse Routing for Tiny Experts']);
  });
});
