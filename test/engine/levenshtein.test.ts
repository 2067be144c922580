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

  it('finds the same terms for long words with many typos allowed (the band of the table it computes)', () => {
    const random = createRandom(5);
    const text = (n: number) => Array.from({ length: n }, () => 'ab'[Math.floor(random() * 2)]!).join('');
    for (let round = 0; round < 5; round++) {
      const base = text(30);
      // Terms near the word and far from it, of many lengths.
      const terms = new Set<string>();
      for (let t = 0; t < 300; t++) {
        const chars = [...base];
        for (let e = Math.floor(random() * 9); e > 0; e--) chars.splice(Math.floor(random() * chars.length), Math.floor(random() * 2), ...(random() < 0.5 ? ['a'] : []));
        terms.add(chars.join(''));
      }
      const sorted = [...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const expected = sorted.flatMap((t, i): Array<[number, number]> => (distance(base, t) <= 6 ? [[i, distance(base, t)]] : []));
      expect(expected.length).toBeGreaterThan(10);
      expect(within(base, sorted, 6)).toEqual(expected);
    }
  });

  it('handles an empty dictionary, an empty word and terms that are prefixes of each other', () => {
    expect(within('abc', [], 2)).toEqual([]);
    expect(within('', ['a', 'ab', 'abc'], 1)).toEqual([[0, 1]]);
    expect(within('ab', ['a', 'ab', 'abc', 'abcd', 'b'], 1)).toEqual([[0, 1], [1, 0], [2, 1], [4, 1]]);
  });
});

describe('prefixesWithin (keys whose start is near a typed word)', () => {
  type Verdict = (prefix: string) => boolean | null;
  const always: Verdict = () => true;
  /** As the name index asks: the digits typed must be the start's, and a start with fewer may still get them. */
  const digitsOf = (text: string) => (text.match(/\d+(?:\.\d+)*/g) ?? []).join('|');
  const sameDigits =
    (typed: string): Verdict =>
    (prefix) => {
      const digits = digitsOf(prefix);
      return digits === digitsOf(typed) ? true : digitsOf(typed).startsWith(digits) ? null : false;
    };

  /** The keys, by brute force, whose closest accepted start is within max edits, at the smallest such distance. */
  function expected(word: string, keys: string[], max: number, accept: Verdict): number[] {
    const best = keys.map((k) => Math.min(...Array.from({ length: k.length }, (_, d) => (accept(k.slice(0, d + 1)) === true ? distance(word, k.slice(0, d + 1)) : Infinity))));
    const least = Math.min(...best);
    return least > max ? [] : keys.flatMap((_, i) => (best[i] === least ? [i] : []));
  }

  function covered(word: string, keys: string[], max: number, accept: Verdict): number[] {
    const ends = new Uint32Array(keys.length);
    let joined = '';
    keys.forEach((k, i) => {
      joined += k;
      ends[i] = joined.length;
    });
    const out = new Set<number>();
    for (const m of prefixesWithin(word, max, joined, ends, (start, depth) => accept(joined.slice(start, start + depth)))) {
      if (m.alone) out.add(m.key);
      else keys.forEach((k, i) => k.startsWith(keys[m.key]!.slice(0, m.depth)) && out.add(i));
    }
    return [...out].sort((a, b) => a - b);
  }

  it('covers exactly the keys a brute-force scan finds, at the smallest distance, with and without a verdict on digits', () => {
    const random = createRandom(11);
    const alphabet = ['a', 'b', 'c', 'd', '3', '4', '.'];
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
          for (const accept of [always, sameDigits(typed)]) {
            const want = expected(typed, keys, max, accept);
            expect(covered(typed, keys, max, accept), `${typed} within ${max}`).toEqual(want);
            if (want.length > 0) nonEmpty++;
          }
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(400);
  });

  it('counts a start only when it is accepted: fewer digits than typed do not make a longer key closer', () => {
    // "abcd" is one edit from "abcd3" but lacks the digit; "abcdxy3" itself is two edits away.
    expect(covered('abcd3', ['abcdxy3'], 1, sameDigits('abcd3'))).toEqual([]);
    expect(covered('abcd3', ['abcdxy3'], 2, sameDigits('abcd3'))).toEqual([0]);
  });

  it('refuses a start and everything under it when accept says false', () => {
    const keys = ['deepseekv2', 'deepseekv3', 'deepseekv3technicalreport', 'deepseekv4x'];
    const ends = new Uint32Array(keys.map((_, i) => keys.slice(0, i + 1).join('').length));
    const joined = keys.join('');
    const found = prefixesWithin('deepseekv3', 2, joined, ends, (start, depth) => (/2|4/.test(joined.slice(start, start + depth)) ? false : true));
    expect(found.map((m) => keys[m.key])).toEqual(['deepseekv3']);
    expect(found[0]).toMatchObject({ distance: 0, alone: false });
  });
});
