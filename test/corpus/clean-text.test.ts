import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanFully, cleanText, normalizeNewlines } from '../../src/corpus/clean-text.js';
import { messyText } from './messy-text.js';
import { referenceNormalizeNewlines } from './reference.js';

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

  it('LAW: skipping the passes that cannot match changes nothing (cleanText = cleanFully)', () => {
    fc.assert(
      fc.property(messyText(), (raw) => {
        expect(cleanText(raw)).toBe(cleanFully(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('GIVEN any two Latin-1 characters THEN they are already NFC, which lets cleanText skip normalising', () => {
    for (let a = 0; a < 256; a++) {
      for (let b = 0; b < 256; b++) {
        const text = String.fromCharCode(a, b);
        if (text.normalize('NFC') !== text) expect.fail(`U+${a.toString(16)} U+${b.toString(16)} is not NFC`);
      }
    }
  });
});

describe('normalizeNewlines', () => {
  it('GIVEN a byte-order mark and CRLF line ends THEN both are normalised', () => {
    expect(normalizeNewlines('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it('LAW: the same result as the two replaces it skips when there is nothing to replace', () => {
    fc.assert(
      fc.property(messyText(), (text) => {
        expect(normalizeNewlines(text)).toBe(referenceNormalizeNewlines(text));
      }),
      { numRuns: 1000 },
    );
  });
});
