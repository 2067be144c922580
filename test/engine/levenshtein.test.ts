import { describe, expect, it } from 'vitest';
import { forEachWithin, levenshtein, prefixesWithin } from '../../src/engine/levenshtein.js';
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

describe('prefixesWithin (keys whose start is near a typed word)', () => {
  /** The keys, by brute force, whose closest start is within max edits, at the smallest such distance. */
  function expected(word: string, keys: string[], max: number): number[] {
    const best = keys.map((k) => Math.min(...Array.from({ length: k.length }, (_, d) => distance(word, k.slice(0, d + 1)))));
    const least = Math.min(...best);
    return least > max ? [] : keys.flatMap((_, i) => (best[i] === least ? [i] : []));
  }

  function covered(word: string, keys: string[], max: number): number[] {
    const ends = new Uint32Array(keys.length);
    let joined = '';
    keys.forEach((k, i) => {
      joined += k;
      ends[i] = joined.length;
    });
    const out = new Set<number>();
    for (const m of prefixesWithin(word, max, joined, ends, () => true)) {
      if (m.alone) out.add(m.key);
      else keys.forEach((k, i) => k.startsWith(keys[m.key]!.slice(0, m.depth)) && out.add(i));
    }
    return [...out].sort((a, b) => a - b);
  }

  it('covers exactly the keys a brute-force scan finds, at the smallest distance', () => {
    const random = createRandom(11);
    const alphabet = ['a', 'b', 'c', 'd', '3', '.'];
    const word = (lo: number, hi: number) => {
      const n = lo + Math.floor(random() * (hi - lo + 1));
      return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    };
    let nonEmpty = 0;
    for (let round = 0; round < 60; round++) {
      const keys = [...new Set(Array.from({ length: 150 }, () => word(2, 10)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (let q = 0; q < 8; q++) {
        const typed = word(3, 8);
        for (const max of [1, 2, 3]) {
          const want = expected(typed, keys, max);
          expect(covered(typed, keys, max), `${typed} within ${max}`).toEqual(want);
          if (want.length > 0) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(200);
  });

  it('refuses a start and everything under it when accept says false', () => {
    const keys = ['deepseekv2', 'deepseekv3', 'deepseekv3technicalreport', 'deepseekv4x'];
    const ends = new Uint32Array(keys.map((_, i) => keys.slice(0, i + 1).join('').length));
    const joined = keys.join('');
    const found = prefixesWithin('deepseekv3', 2, joined, ends, (start, depth) => !/2|4/.test(joined.slice(start, start + depth)));
    expect(found.map((m) => keys[m.key])).toEqual(['deepseekv3']);
    expect(found[0]).toMatchObject({ distance: 0, depth: 10, alone: false });
  });
});
