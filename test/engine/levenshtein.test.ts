import { describe, expect, it } from 'vitest';
import { forEachWithin, levenshtein } from '../../src/engine/levenshtein.js';
import { createRandom } from '../support/generate-corpus.js';

/** The plain definition, for reference. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function within(word: string, sorted: string[], max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  forEachWithin(word, sorted, max, (i, d) => out.push([i, d]));
  return out;
}

describe('levenshtein', () => {
  it('gives the distance up to the cap and max + 1 beyond it', () => {
    expect(levenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(levenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(levenshtein('', 'abc', 5)).toBe(3);
    expect(levenshtein('attention', 'attention', 0)).toBe(0);
  });
});

describe('forEachWithin (the sorted-dictionary walk)', () => {
  it('finds the terms a brute-force scan finds, with the same distances', () => {
    const random = createRandom(7);
    // A small alphabet makes many near neighbours and long shared prefixes; a few non-ASCII and
    // astral characters check that code units are compared as levenshtein() compares them.
    const alphabet = ['a', 'b', 'c', 'd', 'e', 'é', '𝛼'];
    const word = (lo: number, hi: number) => {
      const n = lo + Math.floor(random() * (hi - lo + 1));
      return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    };
    for (let round = 0; round < 40; round++) {
      const sorted = [...new Set(Array.from({ length: 400 }, () => word(1, 9)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (let q = 0; q < 10; q++) {
        const query = word(1, 10);
        for (const max of [0, 1, 2, 3]) {
          const expected = sorted.flatMap((t, i): Array<[number, number]> => (distance(query, t) <= max ? [[i, distance(query, t)]] : []));
          expect(within(query, sorted, max), `${query} within ${max}`).toEqual(expected);
          for (const [i, d] of expected) expect(levenshtein(query, sorted[i]!, max)).toBe(d);
        }
      }
    }
  });

  it('handles an empty dictionary, an empty word and terms that are prefixes of each other', () => {
    expect(within('abc', [], 2)).toEqual([]);
    expect(within('', ['a', 'ab', 'abc'], 1)).toEqual([[0, 1]]);
    expect(within('ab', ['a', 'ab', 'abc', 'abcd', 'b'], 1)).toEqual([[0, 1], [1, 0], [2, 1], [4, 1]]);
  });
});
