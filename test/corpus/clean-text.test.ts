import { describe, expect, it } from 'vitest';
import { cleanText, normalizeNewlines } from '../../src/corpus/clean-text.js';

describe('cleanText', () => {
  it.each([
    ['classic $N$-gram embedding', 'classic N-gram embedding'],
    ['code/math domains~(HumanEval +3.0; MATH +2.4)', 'code/math domains (HumanEval +3.0; MATH +2.4)'],
    ['through ``local and global" temporal context', 'through "local and global" temporal context'],
    ["``local and global'' context", '"local and global" context'],
    ['runs in \\mathcal{O}(n) time', 'runs in O(n) time'],
    ['a 5\\% gain with \\textbf{bold} ideas', 'a 5% gain with bold ideas'],
    ['$\\alpha$-blending', 'α-blending'],
  ])('GIVEN LaTeX remnants %j THEN plain text %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  it('GIVEN Unicode text THEN it stays intact', () => {
    expect(cleanText('Zürich — naïve café, 日本語, Ünïcödé')).toBe('Zürich — naïve café, 日本語, Ünïcödé');
  });

  it('GIVEN a lone tilde meaning "about" THEN it is kept', () => {
    expect(cleanText('improves by ~10 points')).toBe('improves by ~10 points');
  });
});

describe('normalizeNewlines', () => {
  it('GIVEN a byte-order mark and CRLF line ends THEN both are normalised', () => {
    expect(normalizeNewlines('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
