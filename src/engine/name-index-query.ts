// Answers from a built name index (see name-index.ts): exact keys by binary search, completions
// from the completion tree, typos from the deletion index and the walk of the sorted keys.
import { nameKey, versionOf } from '../corpus/slug.js';
import { PaperbotError } from '../errors.js';
import { editDistance, typoIndexFromSnapshot } from './edit-distance.js';
import { prefixesWithin } from './levenshtein.js';
import { completionOrder, maxTypos, PREFIX_SCAN_LIMIT, SNAPSHOT_FORMAT, WEIGHT, type NameIndex, type NameIndexSnapshot, type NameMatch } from './name-index.js';

/** The NameIndex that `createNameIndex(papers).snapshot()` came from, without rebuilding anything. */
export function nameIndexFromSnapshot(s: NameIndexSnapshot): NameIndex {
  const keys = s.keyEnd.length;
  const aliases = s.aliasPaper.length;
  const fits =
    s.format === SNAPSHOT_FORMAT &&
    s.aliasStart.length === keys + 1 &&
    s.aliasStart[keys] === aliases &&
    s.aliasWeight.length === aliases &&
    s.aliasShort.length === aliases &&
    s.keyScore.length === keys &&
    s.completions.length >= 2 * keys &&
    s.typos.keys === keys &&
    (keys === 0 ? s.keys === '' : s.keyEnd[keys - 1] === s.keys.length);
  if (!fits) {
    throw new PaperbotError(
      'name-index-snapshot',
      `name index: snapshot format ${s.format} with ${keys} keys and ${aliases} aliases does not fit together (this version reads format ${SNAPSHOT_FORMAT}); rebuild it from the corpus`,
    );
  }
  // Keys are cut from the joined string when first needed: most never are.
  return nameIndexFromParts(s, new Array<string>(keys));
}

/** The index over a snapshot, with the keys already cut (a fresh build has them) or to be cut lazily. */
export function nameIndexFromParts(s: NameIndexSnapshot, keyCache: string[]): NameIndex {
  const { keyEnd, aliasStart, aliasPaper, aliasWeight, aliasShort, keyScore, completions } = s;
  const keyCount = keyEnd.length;
  const keyAt = (k: number): string => (keyCache[k] ??= s.keys.slice(k === 0 ? 0 : keyEnd[k - 1]!, keyEnd[k]!));
  const keyLength = (k: number) => keyEnd[k]! - (k === 0 ? 0 : keyEnd[k - 1]!);
  const typos = typoIndexFromSnapshot(s.typos);

  /** The first key id that is not below `key`. */
  const lowerBound = (key: string): number => {
    let lo = 0;
    let hi = keyCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const findKey = (key: string): number => {
    const k = lowerBound(key);
    return k < keyCount && keyAt(k) === key ? k : -1;
  };

  // Across different keys (completions, typos) a paper counts once, by its best key: the first
  // one given when two are equally good. `bestAlias[p]` and `bestKey[p]` hold while
  // `mark[p] === stamp`: typed arrays, because a popular prefix reaches thousands of aliases.
  let mark = new Uint32Array(0);
  let bestAlias = new Uint32Array(0);
  let bestKey = new Uint32Array(0);
  let stamp = 0;
  /**
   * The papers these keys' aliases name. Aliases are taken strongest first, level by level, so
   * a paper's first is its best; with a `limit`, levels stop once `limit` papers are found: no
   * paper found later could rank above them.
   */
  const gather = (keyIds: readonly number[], short: boolean, limit = Infinity): number[] => {
    if (mark.length === 0 || stamp === 0xffffffff) {
      [mark, bestAlias, bestKey] = [new Uint32Array(s.papers), new Uint32Array(s.papers), new Uint32Array(s.papers)];
      stamp = 0;
    }
    stamp++;
    const papers: number[] = [];
    const next = keyIds.map((k) => aliasStart[k]!);
    while (papers.length < limit) {
      let level = -Infinity;
      keyIds.forEach((k, i) => {
        if (next[i]! < aliasStart[k + 1]! && aliasWeight[next[i]!]! > level) level = aliasWeight[next[i]!]!;
      });
      if (level === -Infinity) break;
      keyIds.forEach((k, i) => {
        for (let a = next[i]!; a < aliasStart[k + 1]! && aliasWeight[a] === level; a = ++next[i]!) {
          const p = aliasPaper[a]!;
          if ((aliasShort[a] === 1) !== short || mark[p] === stamp) continue;
          mark[p] = stamp;
          bestAlias[p] = a;
          bestKey[p] = k;
          papers.push(p);
        }
      });
    }
    return papers;
  };
  const scoreOf = (p: number) => aliasWeight[bestAlias[p]!]!;
  const matchOf = (p: number): NameMatch => ({ paper: p, score: scoreOf(p), key: keyAt(bestKey[p]!) });
  /** Best first, then by paper. */
  const collect = (keyIds: readonly number[], short: boolean): NameMatch[] =>
    gather(keyIds, short)
      .sort((x, y) => scoreOf(y) - scoreOf(x) || x - y)
      .map(matchOf);

  const exact = (key: string, options: { short?: boolean } = {}): NameMatch[] => {
    const k = findKey(key);
    return k === -1 ? [] : collect([k], options.short ?? false);
  };

  const better = completionOrder(keyScore, keyEnd);
  const leaves = completions.length / 2;
  /** The best completion among keys `from` up to `to`, from the tree's nodes that cover them. */
  const bestIn = (from: number, to: number): number => {
    let best = -1;
    const take = (k: number) => {
      if (k !== -1 && (best === -1 || better(k, best) > 0)) best = k;
    };
    for (let l = from + leaves, r = to + leaves; l < r; l >>= 1, r >>= 1) {
      if (l & 1) take(completions[l++]!);
      if (r & 1) take(completions[--r]!);
    }
    return best;
  };

  /** The best `limit` papers named by keys in these ranges of key ids, best completion first. */
  const complete = (initial: ReadonlyArray<readonly [number, number]>, limit: number): NameMatch[] => {
    // Ranges still to draw from, best last, each with its best key: few, so a sorted list will do.
    const ranges: { best: number; from: number; to: number }[] = [];
    const add = (from: number, to: number) => {
      const best = from < to ? bestIn(from, to) : -1;
      if (best === -1 || keyScore[best] === 0) return;
      let at = ranges.length;
      while (at > 0 && better(best, ranges[at - 1]!.best) < 0) at--;
      ranges.splice(at, 0, { best, from, to });
    };
    for (const [from, to] of initial) add(from, to);
    const keys: number[] = [];
    while (ranges.length > 0 && keys.length < limit * 2) {
      const { best, from, to } = ranges.pop()!;
      keys.push(best);
      add(from, best);
      add(best + 1, to);
    }
    // The first `limit` papers by score, then shorter key, then paper.
    const rank = (x: number, y: number) => scoreOf(y) - scoreOf(x) || keyLength(bestKey[x]!) - keyLength(bestKey[y]!) || x - y;
    const top: number[] = [];
    for (const p of gather(keys, false, limit)) {
      if (top.length === limit && rank(p, top[limit - 1]!) > 0) continue;
      let at = top.length;
      while (at > 0 && rank(p, top[at - 1]!) < 0) at--;
      top.splice(at, 0, p);
      if (top.length > limit) top.pop();
    }
    return top.map(matchOf);
  };

  const prefix = (key: string, limit: number): NameMatch[] => {
    if (!key || limit <= 0) return [];
    const lo = lowerBound(key);
    // Keys are lowercase letters, digits and dots, so every completion sorts below this. The
    // range is bounded as a scan of it once was, so results do not depend on how it is searched.
    const end = Math.min(lowerBound(`${key}\uffff`), lo + PREFIX_SCAN_LIMIT);
    // "deepseek-v3" may complete to "deepseek-v3 technical report" but never to "deepseek-v3.2":
    // the keys that go on with a dot or a digit sort together, from key + "." to key + "9".
    if (/\d$/.test(key)) return complete([[lo, Math.min(end, lowerBound(`${key}.`))], [Math.max(lo, lowerBound(`${key}:`)), end]], limit);
    return complete([[lo, end]], limit);
  };

  const fuzzyPrefix = (key: string, limit: number): NameMatch[] => {
    if (key.length < 4 || limit <= 0) return [];
    const max = maxTypos(key.length);
    const version = versionOf(key);
    // The digits typed must be the name's: a start with other digits, and every name under it,
    // is refused; one with fewer may still get them further on.
    const found = prefixesWithin(key, max, s.keys, keyEnd, (start, depth) => {
      const digits = versionOf(s.keys.slice(start, start + depth));
      return digits === version ? true : version.startsWith(digits) ? null : false;
    });
    // Each matching start covers the keys that begin with it: a range of key ids. As with
    // prefix(), a start that ends in a digit does not complete to more digits ("deepseekv3" is
    // not the start of "deepseekv3.2").
    const ranges = found.flatMap(({ key: k, depth, alone }): Array<[number, number]> => {
      if (alone) return [[k, k + 1]];
      const start = k === 0 ? 0 : keyEnd[k - 1]!;
      const typedStart = s.keys.slice(start, start + depth);
      const end = Math.min(lowerBound(`${typedStart}\uffff`), k + PREFIX_SCAN_LIMIT);
      if (!/\d$/.test(typedStart)) return [[k, end]];
      return [
        [k, Math.min(end, lowerBound(`${typedStart}.`))],
        [Math.max(k, lowerBound(`${typedStart}:`)), end],
      ];
    });
    return complete(ranges, limit);
  };

  const fuzzy = (key: string): { distance: number; matches: NameMatch[] } | null => {
    if (key.length < 4) return null;
    const max = maxTypos(key.length);
    const version = versionOf(key);
    let distance = max + 1;
    let keys: number[] = [];
    for (const k of typos.candidates(key, version, max)) {
      const candidate = keyAt(k);
      const d = editDistance(key, candidate, max);
      if (d > max || d > distance || d === 0 || versionOf(candidate) !== version) continue;
      if (d < distance) {
        distance = d;
        keys = [];
      }
      keys.push(k);
    }
    // Equally close keys in key order, so a paper's best key does not depend on how it was found.
    keys.sort((x, y) => x - y);
    return keys.length === 0 ? null : { distance, matches: collect(keys, false).concat(collect(keys, true)) };
  };

  const mentions = (text: string): NameMatch[] => {
    const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
    // A phrase's key is its words' keys joined: nameKey drops the spaces between them.
    const wordKeys = words.map(nameKey);
    const found: NameMatch[] = [];
    const used = new Uint8Array(words.length);
    for (let n = 4; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        let free = true;
        for (let w = i; w < i + n && free; w++) free = used[w] === 0;
        if (!free) continue;
        // One plain word must look like a name (a capital, digit or hyphen) to count: "deepseek-ocr"
        // does, "janus" in lowercase prose does not.
        if (n === 1 && !/[\p{Lu}\d-]/u.test(words[i]!)) continue;
        let key = wordKeys[i]!;
        for (let w = i + 1; w < i + n; w++) key += wordKeys[w]!;
        const k = findKey(key);
        if (k === -1) continue;
        // The strongest full-name claim (the first, as aliases are kept), if it is strong enough.
        let hit = aliasStart[k]!;
        while (hit < aliasStart[k + 1]! && aliasShort[hit]) hit++;
        if (hit === aliasStart[k + 1] || aliasWeight[hit]! < WEIGHT.introducedFirst) continue;
        used.fill(1, i, i + n);
        found.push({ paper: aliasPaper[hit]!, score: aliasWeight[hit]!, key: keyAt(k) });
      }
    }
    return found;
  };

  return { exact, prefix, fuzzy, fuzzyPrefix, mentions, counts: { aliases: aliasPaper.length, keys: keyCount }, snapshot: () => s };
}
