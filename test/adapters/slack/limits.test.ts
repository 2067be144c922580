// Word-boundary truncation and splitting: the laws every Slack field relies on, checked with
// examples and with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELLIPSIS, splitMrkdwn, truncate, truncateMrkdwn } from '../../../adapters/slack/limits.js';

const unpaired = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('truncate', () => {
  it('GIVEN text within the limit THEN it is unchanged', () => {
    expect(truncate('Janus-Pro', 9)).toBe('Janus-Pro');
  });

  it('GIVEN a long title THEN it is cut at the last whole word and ends with an ellipsis', () => {
    expect(truncate('DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model', 40)).toBe('DeepSeek-V2: A Strong, Economical, and…');
  });

  it('GIVEN one enormous word THEN it is cut mid-word rather than emptied', () => {
    expect(truncate('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}${ELLIPSIS}`);
  });

  it('GIVEN an emoji at the cut THEN no half surrogate pair is left', () => {
    expect(truncate('ab😀😀😀😀', 4)).toBe('ab…');
  });

  it('GIVEN escaped mrkdwn THEN a cut never leaves half an entity or an open bold marker', () => {
    expect(truncateMrkdwn('*bold words here* and &amp;&amp;&amp;', 30)).toBe('*bold words here* and…');
    expect(truncateMrkdwn('*a very long bold phrase that goes on*', 20)).toBe('a very long bold…');
    expect(truncateMrkdwn('&lt;&lt;&lt;&lt;&lt;&lt;', 9)).toBe('&lt;&lt;…');
  });

  it('GIVEN any text and limit THEN the result fits, has no broken character, and starts like the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        for (const out of [truncate(text, max), truncateMrkdwn(text, max)]) {
          expect(out.length).toBeLessThanOrEqual(max);
          expect(unpaired(out)).toBe(unpaired(text));
          if (text.length <= max) expect(out).toBe(text);
        }
        const plain = truncate(text, max);
        if (text.length > max) expect(text.startsWith(plain.slice(0, -1))).toBe(true);
      }),
    );
  });
});

describe('splitMrkdwn', () => {
  it('GIVEN text over the limit THEN it splits at line breaks first, then at spaces', () => {
    expect(splitMrkdwn('one two\nthree four five', 12)).toEqual(['one two', 'three four', 'five']);
  });

  it('GIVEN any text THEN every piece fits and, apart from whitespace, nothing is lost or added', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', '&amp;', '&lt;', 'é', '😀'), minLength: 1, maxLength: 30 }).map((s) => s);
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '\n', '  ')), { maxLength: 200 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 12, max: 400 }), (t, max) => {
        const pieces = splitMrkdwn(t, max);
        for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(max);
        expect(pieces.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
        for (const piece of pieces) expect(piece).not.toMatch(/&[a-z]{0,3}$/);
      }),
    );
  });
});
