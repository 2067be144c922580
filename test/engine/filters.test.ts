// Compiled filters (typed-array columns, bit sets remembered per value, distinct affiliations
// tested once, author candidates from the index) must accept exactly the papers that
// `matchesFilters`, which says what the filters mean, accepts.
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../src/corpus/paper.js';
import { createCorpusFilters } from '../../src/engine/filters.js';
import { matchesFilters, parseQuery, type Filters } from '../../src/engine/query.js';
import { createSearchIndex } from '../../src/engine/search-index-build.js';
import { createRandom } from '../support/generate-corpus.js';

const GIVEN = ['Wei', 'Haoran', 'José', 'Zoë', "Seán", 'Li', 'Jean-Luc', 'Ana María', 'Chen', 'Ng'];
const FAMILY = ['Zhang', 'Wei', "O'Brien", 'O’Neil', 'Müller', 'de la Cruz', 'Nguyen', 'Smith-Jones', 'Ødegaard', 'Li', 'Zhang Wei'];
const AFFILIATIONS = ['Peking University', 'PKU', 'MIT', 'Massachusetts Institute of Technology', 'ETH Zürich', 'DeepSeek-AI', 'Tsinghua University', 'Université de Montréal', 'MIT-IBM Watson AI Lab'];
const CATEGORIES = ['cs.CL', 'cs.CV', 'cs.LG', 'cs.IR', 'stat.ML', 'CL'];

function corpus(seed: number, n: number): Paper[] {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(xs)))];
  return Array.from({ length: n }, (_, i): Paper => {
    const year = 2023 + Math.floor(random() * 4);
    const date = random() < 0.1 ? null : `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    return {
      id: `p-${i}`,
      title: `Paper ${i}`,
      titleInferred: false,
      authors: Array.from({ length: Math.floor(random() * 4) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`),
      etAl: false,
      affiliations: some(AFFILIATIONS, 3),
      category: random() < 0.1 ? null : pick(CATEGORIES),
      date,
      hasCode: random() < 0.4,
      codeUrl: null,
      abstract: `Abstract of paper ${i}.`,
      names: [],
      sources: [{ file: 'x.txt', line: i + 1 }],
    };
  });
}

const FILTER_TEXTS = [
  'author:zhang', 'author:"wei zhang"', 'author:wei', "author:o'brien", 'author:"o brien"', 'author:brien', 'author:oneil', 'author:muller', 'author:müller',
  'author:"de la cruz"', 'author:cruz', 'author:smith', 'author:"smith jones"', 'author:odegaard', 'author:jose', 'author:"zhang wei"', 'author:li', 'author:ng',
  'affiliation:pku', 'affiliation:mit', 'affiliation:massachusetts', 'affiliation:peking', 'affiliation:zurich', 'affiliation:deeps', 'affiliation:"deepseek ai"',
  'affiliation:universite', 'affiliation:ibm', 'category:cl', 'category:cv', 'category:cs.ir', 'category:ml', 'year:2024', 'year:2026', 'has:code',
  'before:2024-07-01', 'after:2025-06-01', 'before:2025', 'after:2024-03',
];

function filtersOf(text: string): Filters {
  const parsed = parseQuery(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.filters;
}

describe('compiled filters', () => {
  it('accept exactly the papers matchesFilters accepts, alone and combined', () => {
    const papers = corpus(11, 800);
    const filters = createCorpusFilters(papers, createSearchIndex(papers));
    const random = createRandom(3);
    const queries = [...FILTER_TEXTS, ...Array.from({ length: 150 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => FILTER_TEXTS[Math.floor(random() * FILTER_TEXTS.length)]!).join(' '))];
    let accepted = 0;
    for (const q of queries) {
      const f = filtersOf(q);
      const compiled = filters.compile(f);
      let passing = 0;
      papers.forEach((p, i) => {
        const expected = matchesFilters(p, f);
        expect(compiled.passes(i), `${q} on ${JSON.stringify([p.authors, p.affiliations, p.category, p.date, p.hasCode])}`).toBe(expected);
        if (expected) passing++;
      });
      expect(compiled.count, q).toBe(passing);
      // Compiled again, from the remembered values, the answer is the same.
      const again = filters.compile(f);
      expect(papers.filter((_, i) => again.passes(i)).length, q).toBe(passing);
      accepted += passing;
    }
    // The filters are not vacuous: many papers pass some and fail others.
    expect(accepted).toBeGreaterThan(10_000);
    expect(accepted).toBeLessThan(queries.length * papers.length * 0.5);
  });

  it('find authors whose names the index splits differently (apostrophes, accents, hyphens)', () => {
    const papers = corpus(5, 300);
    const filters = createCorpusFilters(papers, createSearchIndex(papers));
    for (const q of ["author:o'brien", 'author:"o brien"', 'author:oneil', 'author:müller', 'author:"smith jones"', 'author:odegaard']) {
      const f = filtersOf(q);
      const compiled = filters.compile(f);
      const passing = papers.filter((_, i) => compiled.passes(i)).length;
      expect(passing, q).toBe(papers.filter((p) => matchesFilters(p, f)).length);
    }
    expect(papers.filter((_, i) => filters.compile(filtersOf("author:o'brien")).passes(i)).length).toBeGreaterThan(0);
  });
});
