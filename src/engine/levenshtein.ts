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
