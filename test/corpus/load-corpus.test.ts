import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus, loadCorpus } from '../../src/corpus/load-corpus.js';
import { paperSchema } from '../../src/corpus/paper.js';
import { seed, TEST_NOW } from '../support/seed.js';

const clock = () => TEST_NOW;

describe('the seed corpus', () => {
  it('GIVEN the three shipped files THEN 22 distinct papers load with nothing skipped', async () => {
    const { corpus } = await seed();
    expect(corpus.papers).toHaveLength(22);
    expect(corpus.issues).toEqual([]);
    for (const paper of corpus.papers) expect(paperSchema.safeParse(paper).success).toBe(true);
  });

  it('GIVEN the DeepSeek-VL2 abstract three times THEN one record with all three sources and the listing metadata', async () => {
    const { engine } = await seed();
    const vl2 = engine.get('deepseek-vl2')!;
    expect(vl2.sources.map((s) => s.file).sort()).toEqual(['000_3ef63a85feafca0b.txt', '001_721e189e5cfd2ecc.txt', '002_dcaf581b5b5ef693.txt']);
    expect(vl2.title).toBe('DeepSeek-VL2: Mixture-of-Experts Vision-Language Models for Advanced Multimodal Understanding');
    expect(vl2.date).toBe('2024-12-13');
    expect(vl2.category).toBe('CV');
    expect(vl2.titleInferred).toBe(false);
  });

  it('THEN every paper has a readable, unique id', async () => {
    const { corpus } = await seed();
    const ids = corpus.papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['deepseek-v3', 'deepseek-v3-2', 'deepseek-ocr-2', 'deepseek-ocr', 'janus', 'janus-pro', 'janusflow', 'engram', 'mhc', 'coleclip', 'nvdiff']));
  });

  it('THEN papers known only by an abstract get the system name as an inferred title', async () => {
    const { engine } = await seed();
    for (const [id, title] of [['janus-pro', 'Janus-Pro'], ['janusflow', 'JanusFlow'], ['coleclip', 'CoLeCLIP'], ['nvdiff', 'NVDiff'], ['engram', 'Engram'], ['mhc', 'mHC']] as const) {
      expect(engine.get(id)).toMatchObject({ title, titleInferred: true });
    }
  });

  it('THEN papers that name no system get a short descriptive inferred title', async () => {
    const { corpus } = await seed();
    const unnamed = corpus.papers.filter((p) => p.titleInferred && p.names.length === 0);
    expect(unnamed.map((p) => p.title).sort()).toEqual([
      '2021 HACS Temporal Action Localization Challenge',
      'Hybrid approach that combines an EBM with an exponential family model',
      'Local smoothness constraint for point cloud generation',
      "Method combining the LLM's self-consistency with labeled data",
    ]);
  });

  it('THEN listing metadata is parsed: dates with and without a year, code flags and links', async () => {
    const { engine } = await seed();
    expect(engine.get('deepseek-ocr-2')).toMatchObject({ date: '2026-01-28', category: 'CV', hasCode: true, codeUrl: 'http://github.com/deepseek-ai/DeepSeek-OCR-2' });
    expect(engine.get('deepseek-v3-2')).toMatchObject({ date: '2025-12-02', hasCode: false, codeUrl: null });
    expect(engine.get('deepseek-v3')).toMatchObject({ codeUrl: 'https://github.com/deepseek-ai/DeepSeek-V3', etAl: true, affiliations: ['stanford', 'tsinghua'] });
    expect(engine.get('deepseek-r1')).toMatchObject({ hasCode: true, codeUrl: null, authors: ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang'] });
  });

  it('THEN LaTeX remnants are gone from the abstracts', async () => {
    const { engine } = await seed();
    expect(engine.get('engram')!.abstract).toContain('classic N-gram embedding');
    expect(engine.get('engram')!.abstract).toContain('code/math domains (HumanEval +3.0; MATH +2.4)');
    expect(engine.get('2021-hacs-temporal-action-localization-challenge')!.abstract).toContain('"local and global" temporal');
    for (const p of (await seed()).corpus.papers) expect(p.abstract).not.toMatch(/\$|``|~\(|\\[a-z]+/);
  });
});

const LISTING = (title: string, abstract: string, meta = 'CLJan 22, 2025Code') => `${meta}\n${title}\n${abstract}\n`;

describe('buildCorpus on inline fixtures', () => {
  it('GIVEN a truncated listing abstract and the full one elsewhere THEN one paper with the complete abstract', () => {
    const full = 'We present FooNet, a model for bar. It does many things well and is described here at length so that the abstract is long enough to be recognised. A listing may cut it short with an ellipsis; the abstract file has all of it, down to this last sentence about nothing in particular.';
    const truncated = `${full.slice(0, 200)}…`;
    const corpus = buildCorpus(
      [
        { name: 'a.txt', text: LISTING('FooNet: Bar at ScaleJane Doe, John Smith', truncated) },
        { name: 'b.txt', text: `Abstract: ${full}\n` },
      ],
      clock,
    );
    expect(truncated.length).toBeLessThan(full.length);
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.papers[0]).toMatchObject({ id: 'foonet', title: 'FooNet: Bar at Scale', abstract: full });
  });

  it('GIVEN CRLF line ends and a byte-order mark THEN the file parses as if it were clean', () => {
    const text = '\uFEFF' + LISTING('FooNet: Bar at ScaleJane Doe', 'We present FooNet, a model for bar that is long enough.').replace(/\n/g, '\r\n');
    const corpus = buildCorpus([{ name: 'crlf.txt', text }], clock);
    expect(corpus.issues).toEqual([]);
    expect(corpus.papers[0]).toMatchObject({ title: 'FooNet: Bar at Scale', authors: ['Jane Doe'], date: '2025-01-22', hasCode: true });
  });

  it('GIVEN several abstracts glued on one line THEN each is its own paper', () => {
    const corpus = buildCorpus([{ name: 'glued.txt', text: 'Abstract:We present AlphaNet for x tasks here. Abstract:We propose BetaNet, which does y tasks well.\n' }], clock);
    expect(corpus.papers.map((p) => p.title).sort()).toEqual(['AlphaNet', 'BetaNet']);
  });

  it('GIVEN a malformed entry THEN it is reported with file, line and reason, and the rest still loads', () => {
    const text = [
      'CLJan 22, 2025',
      'Good Paper: One Two ThreeJane Doe',
      'We present GoodNet for one two three, an abstract of some length.',
      'not a metadata line at all',
      'Lost Paper: FourJohn Smith',
      'An abstract that belongs to nothing valid.',
      'CVMar 3, 2024Code',
      'Second Good Paper: Five SixAda Lovelace',
      'We introduce SecondNet, a second abstract of some length for testing.',
    ].join('\n');
    const corpus = buildCorpus([{ name: 'broken.txt', text }], clock);
    expect(corpus.papers.map((p) => p.id).sort()).toEqual(['good-paper', 'second-good-paper']);
    expect(corpus.issues).toEqual([
      { file: 'broken.txt', line: 4, severity: 'skipped', reason: 'expected a category and date line like "CLJan 22, 2025Code", found "not a metadata line at all"' },
    ]);
  });

  it('GIVEN a title line without authors THEN the paper loads with a warning naming the line', () => {
    const corpus = buildCorpus([{ name: 'x.txt', text: LISTING('all lowercase title and nothing else', 'We present ZetaNet, an abstract long enough to count.') }], clock);
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.issues).toEqual([{ file: 'x.txt', line: 2, severity: 'warning', reason: 'no authors after the title; the whole line is kept as the title' }]);
  });

  it('GIVEN a file in neither format THEN it is reported, not silently dropped', () => {
    const corpus = buildCorpus([{ name: 'notes.md', text: '# My reading notes\nnothing here\n' }], clock);
    expect(corpus.papers).toEqual([]);
    expect(corpus.issues[0]).toMatchObject({ file: 'notes.md', line: 1, severity: 'skipped' });
  });

  it('GIVEN an empty "Abstract:" marker THEN it is reported', () => {
    const corpus = buildCorpus([{ name: 'a.txt', text: 'Abstract:\n\nAbstract: We present OmegaNet, a fine model for things.\n' }], clock);
    expect(corpus.papers).toHaveLength(1);
    expect(corpus.issues).toEqual([{ file: 'a.txt', line: 1, severity: 'skipped', reason: 'empty abstract after "Abstract:"' }]);
  });

  it('GIVEN the same files in another order THEN the same ids', () => {
    const files = [
      { name: 'a.txt', text: 'Abstract: We present KappaNet, one model of a kind for testing ids.\n' },
      { name: 'b.txt', text: 'Abstract: We present KappaNet, another model of the same name, for testing ids.\n' },
    ];
    const one = buildCorpus(files, clock).papers.map((p) => [p.id, p.abstract]).sort();
    const two = buildCorpus([...files].reverse(), clock).papers.map((p) => [p.id, p.abstract]).sort();
    expect(one).toEqual(two);
    expect(new Set(one.map(([id]) => id)).size).toBe(2);
  });
});

describe('loadCorpus', () => {
  it('GIVEN a folder that does not exist THEN a clear error naming it', async () => {
    await expect(loadCorpus('/nonexistent/paperbot-data', clock)).rejects.toThrow(/corpus: cannot read the data folder "\/nonexistent\/paperbot-data": ENOENT/);
  });

  it('GIVEN hidden files and sub-folders THEN they are ignored', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperbot-'));
    await writeFile(path.join(dir, '.DS_Store'), 'junk');
    await writeFile(path.join(dir, 'one.txt'), 'Abstract: We present LambdaNet, a model that is described here.\n');
    const corpus = await loadCorpus(dir, clock);
    expect(corpus.papers.map((p) => p.id)).toEqual(['lambdanet']);
    expect(corpus.issues).toEqual([]);
  });
});
