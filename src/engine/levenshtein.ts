// Levenshtein distance with a cap: the distance when it is at most `max`, otherwise max + 1.
// Used to expand misspelt query words over the term dictionary, so it avoids allocating.

/** A distance no match can have (cells outside the band a walk computes). */
const FAR = 1 << 29;

/**
 * Fills row `d` of a distance table (`rows[d * cols + j]`: from the path's first d characters to
 * `word`'s first j) for the path's character `c`, from row d - 1. Only cells within `band` of the
 * diagonal can be within the allowed typos, so only they are computed, FAR around them: a long
 * word's row costs 2·band + 1 cells, not its length. Returns the row's minimum.
 */
function fillRow(rows: Int32Array, word: string, d: number, c: number, band: number): number {
  const cols = word.length + 1;
  const row = d * cols;
  const above = row - cols;
  const lo = Math.max(1, d - band);
  const hi = Math.min(cols - 1, d + band);
  rows[row + lo - 1] = lo === 1 ? d : FAR;
  let rowMin = lo === 1 ? d : FAR;
  for (let j = lo; j <= hi; j++) {
    const v = Math.min(rows[above + j]! + 1, rows[row + j - 1]! + 1, rows[above + j - 1]! + (c === word.charCodeAt(j - 1) ? 0 : 1));
    rows[row + j] = v;
    if (v < rowMin) rowMin = v;
  }
  if (hi < cols - 1) rows[row + hi + 1] = FAR;
  return rowMin;
}

let prev = new Int32Array(64);
let cur = new Int32Array(64);

export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (cols > prev.length) {
    prev = new Int32Array(cols * 2);
    cur = new Int32Array(cols * 2);
  }
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[cols - 1]!, max + 1);
}

/**
 * Calls `visit(i, d)` for every term of `sorted` (ascending by code unit) within `max` edits of
 * `word`, with d = levenshtein(word, sorted[i], max). The walk shares work between neighbours as
 * a trie would: terms with a common prefix share the rows of the distance table for it, and once
 * a prefix is more than `max` edits from every start of `word`, every term with that prefix is
 * skipped with a binary search. Over 400,000 terms this is about a hundred times faster than
 * trying each term.
 */
export function forEachWithin(word: string, sorted: readonly string[], max: number, visit: (i: number, d: number) => void): void {
  const cols = word.length + 1;
  const deepest = word.length + max + 1;
  // rows[k * cols + j]: distance between the path's first k characters and word's first j.
  const rows = new Int32Array((deepest + 1) * cols);
  for (let j = 0; j < cols; j++) rows[j] = j;
  const band = max + 1;
  let path = '';
  let valid = 0;
  let i = 0;
  while (i < sorted.length) {
    const t = sorted[i]!;
    let k = 0;
    const shared = Math.min(valid, t.length);
    while (k < shared && t.charCodeAt(k) === path.charCodeAt(k)) k++;
    let pruned = 0;
    for (k++; k <= t.length; k++) {
      const rowMin = fillRow(rows, word, k, t.charCodeAt(k - 1), band);
      if (rowMin > max) {
        pruned = k;
        break;
      }
    }
    path = t;
    if (pruned > 0) {
      valid = pruned;
      // No term that starts with these `pruned` characters can come within `max`: skip them all.
      const stem = t.slice(0, pruned);
      let lo = i + 1;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]!.startsWith(stem)) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
      continue;
    }
    valid = t.length;
    // The last column is in the band only when the lengths differ by at most `band`.
    const d = Math.abs(t.length - word.length) <= band ? rows[t.length * cols + cols - 1]! : FAR;
    if (d <= max) visit(i, d);
    i++;
  }
}

export interface PrefixMatch {
  /** The first key (index into the sorted keys) that starts with the matching prefix. */
  key: number;
  /** How long the prefix is: every key that starts with its first `depth` characters matches. */
  depth: number;
  distance: number;
  /** Only key `key` itself matches, not every key under its first `depth` characters. */
  alone: boolean;
}

/**
 * The keys (sorted by code unit, joined in one string, key k ending at `ends[k]`) that start with
 * something within `max` edits of all of `word`, at the smallest such distance: "deepeeko" is
 * one edit from "deepseeko", which DeepSeek-OCR's key starts with. Walks the keys as a trie,
 * sharing distance rows between neighbours. A key's distance is that of its closest *accepted*
 * start: `accept(start, depth)` says of a start within reach whether it counts (true), does not
 * count (null: a longer one may), or does not count and no longer one will either (false: it
 * has other version digits than `word`). A prefix is settled once no longer start can change
 * that (the row's minimum has reached the closest start so far, or a start was refused for
 * good): every key under it then has the same distance, reported as one range and skipped.
 */
export function prefixesWithin(
  word: string,
  max: number,
  joined: string,
  ends: Uint32Array,
  accept: (start: number, depth: number) => boolean | null,
): PrefixMatch[] {
  const cols = word.length + 1;
  const deepest = word.length + max + 1;
  const rows = new Int32Array((deepest + 1) * cols);
  for (let j = 0; j < cols; j++) rows[j] = j;
  const band = max + 1;
  // closest[d]: the least distance from `word` of the path's starts up to d characters long.
  const closest = new Int32Array(deepest + 1);
  const n = ends.length;
  const startOf = (k: number) => (k === 0 ? 0 : ends[k - 1]!);
  /** Does key k start with the `depth` characters at `from`? */
  const startsWith = (k: number, from: number, depth: number) => {
    const start = startOf(k);
    if (ends[k]! - start < depth) return false;
    for (let c = 0; c < depth; c++) if (joined.charCodeAt(start + c) !== joined.charCodeAt(from + c)) return false;
    return true;
  };
  /** The first key after k that does not start with key k's first `depth` characters. */
  const skip = (k: number, depth: number) => {
    const from = startOf(k);
    let lo = k + 1;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (startsWith(mid, from, depth)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let found: PrefixMatch[] = [];
  let best = max;
  const take = (match: PrefixMatch) => {
    if (match.distance > best) return;
    if (match.distance < best) found = [];
    best = match.distance;
    found.push(match);
  };
  let pathStart = 0;
  let valid = 0;
  let k = 0;
  while (k < n) {
    const start = startOf(k);
    const length = ends[k]! - start;
    let d = 0;
    const shared = Math.min(valid, length);
    while (d < shared && joined.charCodeAt(start + d) === joined.charCodeAt(pathStart + d)) d++;
    pathStart = start;
    let next = k + 1;
    let settled = false;
    for (d++; d <= length && d <= deepest; d++) {
      const rowMin = fillRow(rows, word, d, joined.charCodeAt(start + d - 1), band);
      // Only accepted starts count. A refused one (false) refuses every longer start too: the
      // keys under it are settled by the shorter starts already counted.
      const before = d === 1 ? FAR : closest[d - 1]!;
      // The distance to all of `word` is in the band only when the lengths differ by at most `band`.
      const whole = Math.abs(d - word.length) <= band ? rows[d * cols + cols - 1]! : FAR;
      const verdict = whole <= best ? accept(start, d) : null;
      if (verdict === false) {
        if (before <= best) take({ key: k, depth: d, distance: before, alone: false });
        next = skip(k, d);
        settled = true;
        break;
      }
      closest[d] = verdict === true ? Math.min(before, whole) : before;
      // No longer start comes closer than the row's minimum: the keys under this one are settled.
      if (rowMin < closest[d]! && rowMin <= best) continue;
      if (closest[d]! <= best) take({ key: k, depth: d, distance: closest[d]!, alone: false });
      next = skip(k, d);
      settled = true;
      break;
    }
    if (!settled && d > length) {
      // The whole key, unsettled: it matches alone, by its closest start, and keys under it go on.
      if (closest[length]! <= best) take({ key: k, depth: length, distance: closest[length]!, alone: true });
    }
    valid = Math.min(d, length, deepest);
    k = next;
  }
  return found;
}
