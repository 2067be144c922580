// BibTeX entries read back by a real BibTeX parser (bibtex-parse from npm): keys, escaping,
// the arXiv fields, and the whole shipped corpus as one file.
import bibtexParse from 'bibtex-parse';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexFile, bibtexKey } from '../src/bibtex.js';
import type { Paper } from '../src/corpus/paper.js';
import { seed } from './support/seed.js';

const paper: Paper = {
  id: 'deepseek-v3',
  title: 'DeepSeek-V3 Technical Report',
  titleInferred: false,
  authors: ['DeepSeek-AI', 'Aixin Liu'],
  etAl: true,
  affiliations: [],
  category: 'CL',
  date: '2024-12-27',
  hasCode: true,
  codeUrl: 'https://github.com/deepseek-ai/DeepSeek-V3',
  abstract: 'We present DeepSeek-V3.',
  names: ['DeepSeek-V3'],
  arxivId: '2412.19437',
  url: 'https://arxiv.org/abs/2412.19437',
  sources: [{ file: 'a.txt', line: 1 }],
};

describe('bibtex', () => {
  it('GIVEN a paper with a date and an arXiv id THEN a @misc entry keyed id:year with eprint, url and the code link parses back', () => {
    const [entry, ...rest] = bibtexParse.entries(bibtexEntry(paper));
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      key: 'deepseek-v3:2024',
      type: 'misc',
      TITLE: 'DeepSeek-V3 Technical Report',
      AUTHOR: 'DeepSeek-AI and Aixin Liu and others',
      YEAR: '2024',
      MONTH: 'December',
      EPRINT: '2412.19437',
      ARCHIVEPREFIX: 'arXiv',
      URL: 'https://arxiv.org/abs/2412.19437',
    });
  });

  it('GIVEN an undated paper without arXiv THEN the key is the id, no year, and the code link is the url', () => {
    const undated = { ...paper, date: null, arxivId: undefined, url: undefined, etAl: false } as Paper;
    expect(bibtexKey(undated)).toBe('deepseek-v3');
    const [entry] = bibtexParse.entries(bibtexEntry(undated));
    expect(entry).toMatchObject({ key: 'deepseek-v3', URL: 'https://github.com/deepseek-ai/DeepSeek-V3', AUTHOR: 'DeepSeek-AI and Aixin Liu' });
    expect(entry).not.toHaveProperty('YEAR');
    expect(entry).not.toHaveProperty('EPRINT');
  });

  it('GIVEN LaTeX specials, unbalanced braces and "and" in names THEN the entry still parses with the text intact', () => {
    const odd = { ...paper, title: 'R&D at 50% for {Q_1 $x} #1', authors: ['Smith, and Sons', 'Zoë Ü'], etAl: false };
    const text = bibtexEntry(odd);
    expect(text).toContain('{{R\\&D at 50\\% for \\{Q\\_1 \\$x\\} \\#1}}');
    const [entry] = bibtexParse.entries(text);
    expect(entry?.['AUTHOR']).toBe('Smith, and Sons and Zoë Ü');
    // The parser undoes \_ \% \{ \} and keeps \& \$ \# as LaTeX: what a bibliography prints.
    expect(entry?.['TITLE']).toBe('R\\&D at 50% for {Q_1 \\$x} \\#1');
  });

  it('GIVEN the whole shipped corpus THEN one .bib file parses into one entry per paper with unique keys', async () => {
    const { corpus } = await seed();
    const entries = bibtexParse.entries(bibtexFile(corpus.papers));
    expect(entries).toHaveLength(corpus.papers.length);
    expect(new Set(entries.map((e) => e.key)).size).toBe(corpus.papers.length);
    for (const [i, e] of entries.entries()) expect(e.key).toBe(bibtexKey(corpus.papers[i]!));
  });
});
