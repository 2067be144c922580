// The names papers are known by, for lookup and autocomplete: exact keys, sorted keys for
// prefixes, and a deletion index for typos. Version numbers must always match exactly.
import type { Paper } from '../corpus/paper.js';
import { introducedNames } from '../corpus/names.js';
import { nameKey, versionOf } from '../corpus/slug.js';
import { prefixesWithin } from './levenshtein.js';
import { PaperbotError } from '../errors.js';
import { createTypoIndex, editDistance, typoIndexFromSnapshot, type TypoIndexSnapshot } from './edit-distance.js';

export interface NameMatch {
  paper: number;
  score: number;
  key: string;
}

const PREFIX_SCAN_LIMIT = 50_000;
const WEIGHT = { titleName: 3, fullTitle: 3, introducedFirst: 2, introduced: 1, id: 1, short: 1 } as const;
/** Bump when the snapshot's layout or meaning changes, the typo index's hashing included. */
const SNAPSHOT_FORMAT = 1;

/**
 * Everything a NameIndex needs, as numbers, strings and typed arrays, for an on-disk cache. It
 * shares memory with its index: treat it as read-only. Papers are numbered by their position in
 * the papers the index was built from, so a snapshot only fits those same papers.
 */
export interface NameIndexSnapshot {
  format: number;
  papers: number;
  /** Every key, sorted, joined without a separator; key k ends at `keyEnd[k]`. */
  keys: string;
  keyEnd: Uint32Array;
  /** The aliases of key k are `aliasStart[k]` up to `aliasStart[k + 1]`, strongest first, then by paper. */
  aliasStart: Uint32Array;
  aliasPaper: Uint32Array;
  /** How strongly the paper claims the name: a paper has at most one full and one short alias per key. */
  aliasWeight: Float32Array;
  /** 1 for a family-less short form ("ocr2" for DeepSeek-OCR 2): only used when no full name matches. */
  aliasShort: Uint8Array;
  /** Each key's strongest full-name claim, to rank completions without touching every alias. */
  keyScore: Float32Array;
  /** A tournament tree over the keys: node n holds the best completion below it (see `prefix`). */
  completions: Int32Array;
  typos: TypoIndexSnapshot;
}

export interface NameIndex {
  exact(key: string, options?: { short?: boolean }): NameMatch[];
  prefix(key: string, limit: number): NameMatch[];
  fuzzy(key: string): { distance: number; matches: NameMatch[] } | null;
  /**
   * Completions of a mistyped start: names that begin with something within a typo or two of
   * `key` ("deepeek-o" → DeepSeek-OCR), with the same version digits, best first.
   */
  fuzzyPrefix(key: string, limit: number): NameMatch[];
  /** Paper names that occur in free text, longest first ("How big is DeepSeek-V3?" -> DeepSeek-V3). */
  mentions(text: string): NameMatch[];
  counts: { aliases: number; keys: number };
  snapshot(): NameIndexSnapshot;
}

/** A name a paper is known by, while the index is built. */
interface Alias {
  key: string;
  paper: number;
  weight: number;
  short: boolean;
}

function familyOf(name: string): { family: string; rest: string } | null {
  const m = /^([\p{L}\d]+)[-\s]+(.+)$/u.exec(name);
  if (!m) return null;
  return { family: nameKey(m[1]!), rest: m[2]! };
}

/** Typos allowed in a key: one, or two in a long one. */
const maxTypos = (length: number) => (length >= 10 ? 2 : 1);
/** The most typos of any query that may match a key this long (their lengths differ by at most that). */
const typoDepth = (length: number) => (length >= 8 ? 2 : 1);

/** Completions rank by the strongest claim, then the shortest name ("DeepSeek-V3" before "DeepSeek-V3-Adaptive: …"), then key order. */
function completionOrder(keyScore: Float32Array, keyEnd: Uint32Array): (a: number, b: number) => number {
  const length = (k: number) => keyEnd[k]! - (k === 0 ? 0 : keyEnd[k - 1]!);
  return (a, b) => keyScore[a]! - keyScore[b]! || length(b) - length(a) || b - a;
}

export function createNameIndex(papers: readonly Paper[]): NameIndex {
  const familyPapers = new Map<string, Set<number>>();
  papers.forEach((paper, i) => {
    for (const name of paper.names) {
      const f = familyOf(name);
      if (f) familyPapers.set(f.family, (familyPapers.get(f.family) ?? new Set<number>()).add(i));
    }
  });
  const aliases: Alias[] = [];
  papers.forEach((paper, i) => {
    const own = { full: new Map<string, Alias>(), short: new Map<string, Alias>() };
    const add = (key: string, weight: number, short = false) => {
      if (key.length < 2) return;
      const mine = short ? own.short : own.full;
      const same = mine.get(key);
      if (same) {
        same.weight += weight;
        return;
      }
      const alias = { key, paper: i, weight, short };
      mine.set(key, alias);
      aliases.push(alias);
    };
    // A name counts for more when both the title and the abstract claim it ("DeepSeek-V3 Technical
    // Report" + "We present DeepSeek-V3"): a follow-up titled "DeepSeek-V3-Sparse: …" claims less.
    const titleName = paper.titleInferred ? null : paper.names.find((n) => paper.title.startsWith(n));
    const introduced = introducedNames(paper.abstract).map(nameKey);
    paper.names.forEach((name) => {
      const key = nameKey(name);
      const intro = introduced.indexOf(key);
      const introWeight = intro === -1 ? 0 : intro <= 1 ? WEIGHT.introducedFirst : WEIGHT.introduced;
      add(key, (name === titleName ? WEIGHT.titleName : 0) + (introWeight || (name === titleName ? 0 : WEIGHT.introduced)));
      const f = familyOf(name);
      if (f && (familyPapers.get(f.family)?.size ?? 0) >= 2) add(nameKey(f.rest), WEIGHT.short, true);
    });
    add(nameKey(paper.id), WEIGHT.id);
    add(nameKey(paper.title), WEIGHT.fullTitle);
  });

  const byKey = new Map<string, Alias[]>();
  for (const alias of aliases) {
    const list = byKey.get(alias.key);
    if (list) list.push(alias);
    else byKey.set(alias.key, [alias]);
  }
  const sortedKeys = [...byKey.keys()].sort();
  const keyEnd = new Uint32Array(sortedKeys.length);
  const aliasStart = new Uint32Array(sortedKeys.length + 1);
  const aliasPaper = new Uint32Array(aliases.length);
  const aliasWeight = new Float32Array(aliases.length);
  const aliasShort = new Uint8Array(aliases.length);
  const keyScore = new Float32Array(sortedKeys.length);
  let end = 0;
  let a = 0;
  sortedKeys.forEach((key, k) => {
    keyEnd[k] = end += key.length;
    for (const alias of byKey.get(key)!.sort((x, y) => y.weight - x.weight || x.paper - y.paper)) {
      aliasPaper[a] = alias.paper;
      aliasWeight[a] = alias.weight;
      aliasShort[a] = alias.short ? 1 : 0;
      if (!alias.short && alias.weight > keyScore[k]!) keyScore[k] = alias.weight;
      a++;
    }
    aliasStart[k + 1] = a;
  });

  const better = completionOrder(keyScore, keyEnd);
  let leaves = 1;
  while (leaves < sortedKeys.length) leaves *= 2;
  const completions = new Int32Array(2 * leaves).fill(-1);
  for (let k = 0; k < sortedKeys.length; k++) completions[leaves + k] = k;
  for (let node = leaves - 1; node >= 1; node--) {
    const [l, r] = [completions[2 * node]!, completions[2 * node + 1]!];
    completions[node] = r === -1 || (l !== -1 && better(l, r) > 0) ? l : r;
  }

  const typos = createTypoIndex(sortedKeys, sortedKeys.map(versionOf), typoDepth).snapshot();
  const s: NameIndexSnapshot = {
    format: SNAPSHOT_FORMAT,
    papers: papers.length,
    keys: sortedKeys.join(''),
    keyEnd,
    aliasStart,
    aliasPaper,
    aliasWeight,
    aliasShort,
    keyScore,
    completions,
    typos,
  };
  return fromSnapshot(s, sortedKeys);
}

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
  return fromSnapshot(s, new Array<string>(keys));
}

function fromSnapshot(s: NameIndexSnapshot, keyCache: string[]): NameIndex {
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
