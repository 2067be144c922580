// Truncation and budget sharing: the laws every rendered string relies on (never over a limit,
// cut at a word, never half an escape or half a surrogate pair), checked on random input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../adapters/discord/escape.js';
import { DISCORD_LIMITS, ELLIPSIS, fitRendered, isUsableUrl, shareBudget, splitAtWords, truncate } from '../../../adapters/discord/limits.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text like a corpus has it: words, markdown, mentions, emoji, long unbroken tokens. */
const words = fc.array(
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('**bold**', '_it_', '`code`', '~~s~~', '||spoiler||', '@everyone', '<@123456789012345678>', '# head', '> quote', '\\', '🧪', '👩‍🔬', 'x'.repeat(300)),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
  ),
  { maxLength: 200 },
);
const text = words.map((w) => w.join(' '));

function endsWithOddBackslashes(s: string): boolean {
  const m = /\\+$/.exec(s);
  return m !== null && m[0].length % 2 === 1;
}

describe('GIVEN truncate', () => {
  it('THEN text that fits comes back unchanged', () => {
    expect(truncate('DeepSeek-V3 Technical Report', 256)).toBe('DeepSeek-V3 Technical Report');
  });

  it('THEN a cut happens at a word boundary, drops trailing punctuation and ends in an ellipsis', () => {
    expect(truncate('Mixture of experts, sparse attention and more', 30)).toBe('Mixture of experts, sparse…');
    expect(truncate('one two, three', 10)).toBe('one two…');
  });

  it('THEN a single huge word is cut hard rather than lost', () => {
    expect(truncate('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}${ELLIPSIS}`);
  });

  it('THEN it never splits a surrogate pair or leaves half an escape', () => {
    expect(truncate('🧪'.repeat(10), 6)).toBe(`🧪🧪${ELLIPSIS}`);
    expect(truncate(escapeText('*'.repeat(20)), 8)).toBe(`\\*\\*\\*${ELLIPSIS}`);
  });

  it('THEN for any text and limit the result fits, is a prefix, and is well formed', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 5000 }), (s, max) => {
        const out = truncate(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect([...out].length).toBeLessThanOrEqual(max);
        expect(LONE_SURROGATE.test(out) && !LONE_SURROGATE.test(s)).toBe(false);
        if (s.length <= max) expect(out).toBe(s);
        else if (max > 1) {
          expect(out.endsWith(ELLIPSIS)).toBe(true);
          expect(s.startsWith(out.slice(0, -ELLIPSIS.length))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('THEN truncated escaped text never ends in a dangling backslash', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 400 }), (s, max) => {
        const out = truncate(escapeText(s), max);
        expect(endsWithOddBackslashes(out.replace(new RegExp(`${ELLIPSIS}$`), ''))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('GIVEN splitAtWords', () => {
  it('THEN the parts fit their sizes and, when complete, hold every word in order', () => {
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 2, max: 1200 }), { minLength: 1, maxLength: 8 }), (s, maxes) => {
        const { parts, complete } = splitAtWords(s, maxes);
        parts.forEach((p, i) => expect(p.length).toBeLessThanOrEqual(maxes[i]!));
        expect(parts.length).toBeLessThanOrEqual(maxes.length);
        if (complete) expect(parts.join('').replace(/\s+/g, '')).toBe(s.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('THEN an abstract longer than all parts ends in an ellipsis and says it is incomplete', () => {
    const { parts, complete } = splitAtWords('word '.repeat(100), [40, 40]);
    expect(complete).toBe(false);
    expect(parts).toHaveLength(2);
    expect(parts[1]!.endsWith(ELLIPSIS)).toBe(true);
  });
});

describe('GIVEN fitRendered', () => {
  it('THEN markup is applied after the cut, so it is never cut in half', () => {
    const bold = (t: string) => t.replace(/\bMoE\b/g, '**MoE**');
    const out = fitRendered('MoE models route tokens; MoE layers scale', 24, bold);
    expect(out).toBe('**MoE** models route…');
  });

  it('THEN the result fits whatever the rendering does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 2000 }), (s, max) => {
        expect(fitRendered(s, max, escapeText).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });
});

describe('GIVEN shareBudget', () => {
  it('THEN short pieces keep their length and long ones share what is left', () => {
    expect(shareBudget([10, 500, 500], 410)).toEqual([10, 200, 200]);
    expect(shareBudget([10, 20], 100)).toEqual([10, 20]);
  });

  it('THEN caps never exceed what a piece wants nor, with room for the minimum, the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 25 }), fc.integer({ min: 0, max: 6000 }), (wanted, budget) => {
        const caps = shareBudget(wanted, budget, 1);
        caps.forEach((c, i) => expect(c).toBeLessThanOrEqual(wanted[i]!));
        if (budget >= wanted.length) expect(caps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
      }),
      { numRuns: 500 },
    );
  });
});

describe('GIVEN isUsableUrl', () => {
  it('THEN only http(s) URLs up to the link-button limit are used', () => {
    expect(isUsableUrl('https://github.com/deepseek-ai/DeepSeek-V3')).toBe(true);
    expect(isUsableUrl('javascript:alert(1)')).toBe(false);
    expect(isUsableUrl('ftp://example.org/paper.pdf')).toBe(false);
    expect(isUsableUrl(`https://example.org/${'a'.repeat(DISCORD_LIMITS.url)}`)).toBe(false);
    expect(isUsableUrl(null)).toBe(false);
  });
});
