import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/engine/query.js';
import { seed } from '../support/seed.js';

async function ids(query: string): Promise<string[]> {
  const { engine } = await seed();
  const r = engine.search(query, { limit: 25 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.paper.id);
}

describe('search', () => {
  it('GIVEN free text THEN ranked papers, each with a snippet that shows the match', async () => {
    const { engine } = await seed();
    const r = engine.search('latent attention');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.hits.slice(0, 2).map((h) => h.paper.id).sort()).toEqual(['deepseek-v2', 'deepseek-vl2']);
    for (const hit of r.value.hits.slice(0, 2)) {
      const marked = hit.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b).toLowerCase());
      expect(marked).toEqual(expect.arrayContaining(['latent', 'attention']));
    }
  });

  it('GIVEN a paper name as the query THEN that paper first', async () => {
    expect((await ids('DeepSeek-V3'))[0]).toBe('deepseek-v3');
  });

  it.each([
    ['author:"Haoran Wei"', ['deepseek-ocr', 'deepseek-ocr-2']],
    ['author:wei', ['deepseek-ocr', 'deepseek-ocr-2']],
    ['category:CV', ['deepseek-ocr', 'deepseek-ocr-2', 'deepseek-vl2']],
    ['category:cs.cv', ['deepseek-ocr', 'deepseek-ocr-2', 'deepseek-vl2']],
    ['affiliation:pku', ['deepseek-llm', 'deepseek-v2', 'deepseek-vl']],
    ['year:2024', ['deepseek-llm', 'deepseek-v2', 'deepseek-v3', 'deepseek-vl', 'deepseek-vl2']],
    ['year:2025 has:code', ['deepseek-ocr', 'deepseek-r1']],
    ['before:2024-06-01', ['deepseek-llm', 'deepseek-v2', 'deepseek-vl']],
    ['after:2025-06-01', ['deepseek-ocr', 'deepseek-ocr-2', 'deepseek-v3-2']],
    ['after:2024-06-01 before:2025-01-01', ['deepseek-v3', 'deepseek-vl2']],
    ['mixture-of-experts has:code year:2024', ['deepseek-v2', 'deepseek-v3', 'deepseek-vl2']],
    ['vision category:CV', ['deepseek-ocr', 'deepseek-ocr-2', 'deepseek-vl2']],
  ])('GIVEN %j THEN exactly %j', async (query, expected) => {
    expect((await ids(query)).sort()).toEqual(expected);
  });

  it('GIVEN a quoted phrase THEN only papers with that phrase', async () => {
    const found = await ids('"multi-head latent attention"');
    expect(found.sort()).toEqual(['deepseek-v2', 'deepseek-v3', 'deepseek-vl2']);
  });

  it.each([
    ['year:abc', 'year:abc is not a year; use four digits, e.g. year:2024.'],
    ['has:pdf', 'has:pdf is not something papers have here; use has:code.'],
    ['before:2025-13-01', 'before:2025-13-01 is not a date; use yyyy-mm-dd, e.g. before:2025-01-01.'],
    ['colour:red', 'unknown filter "colour:". Filters are author:"Name", category:CV, affiliation:pku, year:2024, has:code, before:2025-01-01, after:2024-06-01.'],
    ['author:', '"author:" needs a value, e.g. author:"Name".'],
    ['after:2025-01-01 before:2024-01-01', 'after:2025-01-01 is not earlier than before:2024-01-01, so nothing can match.'],
  ])('GIVEN the bad filter %j THEN an error that says which and why', async (query, message) => {
    const { engine } = await seed();
    const r = engine.search(query);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'bad_filter', message });
  });

  it('GIVEN an unclosed quote or regex characters THEN it still searches', async () => {
    expect(parseQuery('author:"Haoran Wei').ok).toBe(true);
    expect(await ids('author:"Haoran Wei')).toEqual(expect.arrayContaining(['deepseek-ocr']));
    expect(await ids('(.*+?[ reasoning')).toContain('deepseek-r1');
  });

  it('GIVEN colons in prose ("MMLU: 88") THEN they are text, not filters', () => {
    const r = parseQuery('MMLU: 88 Note:this');
    expect(r.ok).toBe(true);
  });
});

describe('search syntax people try', () => {
  it('GIVEN "-word" THEN papers with that word are left out', async () => {
    const found = await ids('moe -vision');
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain('deepseek-vl2');
    expect(found).toContain('deepseek-v3');
  });

  it('GIVEN "a OR b" THEN papers with either word', async () => {
    const either = await ids('moe OR ocr');
    expect(either).toEqual(expect.arrayContaining(['deepseek-ocr-2', 'deepseek-v2', 'engram']));
  });

  it.each([
    ['the', 'no_words'],
    ['.*', 'no_words'],
    ['-moe', 'empty_query'],
  ])('GIVEN %j, which has nothing to search for THEN the error %s, not every paper', async (query, code) => {
    const { engine } = await seed();
    const r = engine.search(query);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it.each([
    ['category:XYZ', 'category:xyz matches no paper; categories here: AI, CL, CV.'],
    ['affiliation:MIT', 'affiliation:mit matches no paper; affiliations here: microsoft-research, pku, stanford, tsinghua.'],
  ])('GIVEN a filter value no paper has (%j) THEN a bad-filter error naming what exists', async (query, message) => {
    const { engine } = await seed();
    const r = engine.search(query);
    expect(r.ok ? null : r.error).toEqual({ code: 'bad_filter', message });
  });

  it('GIVEN an author name THEN the snippet does not mark prefix look-alikes ("Wei" is not "weights")', async () => {
    const { engine } = await seed();
    const r = engine.search('Haoran Wei');
    if (!r.ok) throw new Error(r.error.message);
    for (const hit of r.value.hits) expect(hit.snippet.highlights).toEqual([]);
  });
});
