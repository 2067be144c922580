// Optimal string alignment distance (Levenshtein plus adjacent swaps), capped for speed, and a
// deletion index (SymSpell) that finds every key within that distance of a typo without a scan.

/** Bigger than any distance, small enough that adding one never overflows an Int32Array cell. */
const FAR = 1 << 29;
let row0 = new Int32Array(64);
let row1 = new Int32Array(64);
let row2 = new Int32Array(64);

/**
 * The distance between `a` and `b`, or `max + 1` when it is more than `max`. A common prefix and
 * suffix cost nothing and are skipped; of the rest, only cells within `max` of the diagonal are
 * computed, since no path costing at most `max` leaves that band.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let from = 0;
  let endA = a.length;
  let endB = b.length;
  while (from < endA && from < endB && a.charCodeAt(from) === b.charCodeAt(from)) from++;
  while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - from;
  const m = endB - from;
  if (n === 0 || m === 0) return Math.max(n, m);
  const band = Math.min(max, Math.max(n, m));
  if (row0.length < m + 2) {
    row0 = new Int32Array(m + 2);
    row1 = new Int32Array(m + 2);
    row2 = new Int32Array(m + 2);
  }
  let prev2 = row0;
  let prev = row1;
  let cur = row2;
  for (let j = 0; j <= m; j++) prev[j] = j <= band ? j : FAR;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    const ai = a.charCodeAt(from + i - 1);
    const aPrev = i > 1 ? a.charCodeAt(from + i - 2) : -1;
    cur[lo - 1] = lo === 1 ? i : FAR;
    let rowMin = lo === 1 ? i : FAR;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(from + j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (prev[j]! + 1 < v) v = prev[j]! + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      if (j > 1 && ai === b.charCodeAt(from + j - 2) && aPrev === bj && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell right of this band; it must not see a stale value there.
    if (hi < m) cur[hi + 1] = FAR;
    if (rowMin > max) return max + 1;
    const free = prev2;
    prev2 = prev;
    prev = cur;
    cur = free;
  }
  const d = prev[m]!;
  return d > max ? max + 1 : d;
}

/**
 * The deletion index as plain typed arrays, so it can be cached on disk. Entries are grouped in
 * buckets by the top `bits` bits of a hash; each keeps the hash's low 16 bits to skip most
 * strangers, and the id of its key.
 */
export interface TypoIndexSnapshot {
  keys: number;
  prefixLength: number;
  bits: number;
  bucketStart: Uint32Array;
  fingerprint: Uint16Array;
  keyId: Uint32Array;
}

export interface TypoIndex {
  /**
   * Ids of every key in `group` within distance `max` of `query`, and some that are not (verify
   * each with editDistance), without repeats, in no particular order. `max` may not exceed the
   * depth the keys were indexed to.
   */
  candidates(query: string, group: string, max: number): number[];
  snapshot(): TypoIndexSnapshot;
}

/**
 * Only the first characters of a key are indexed: two strings within distance d have prefixes
 * that reach a common string by at most d deletions each, so nothing is missed, and the key's
 * length and group (its version numbers, for names) keep the buckets small.
 */
const PREFIX_LENGTH = 5;
/** Deleting up to two of PREFIX_LENGTH characters makes at most 1 + 5 + 10 strings. */
const MAX_VARIANTS = 1 + PREFIX_LENGTH + (PREFIX_LENGTH * (PREFIX_LENGTH - 1)) / 2;

// Snapshots hold these hashes: changing either function means a new snapshot format.
function fnv(text: string, from: number, to: number, skip1: number, skip2: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    if (i === skip1 || i === skip2) continue;
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h;
}

function finish(variant: number, length: number, group: number): number {
  let h = Math.imul(variant ^ group, 0x85ebca6b) + Math.imul(length + 1, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Writes to `out` the hashes of the strings that `depth` (at most 2) or fewer deletions make of
 * the first `prefixLength` characters of `text`, each once, and returns how many there are.
 */
function variants(text: string, prefixLength: number, depth: number, out: Int32Array): number {
  const p = Math.min(prefixLength, text.length);
  let n = 0;
  for (let i = -1; i < (depth >= 1 ? p : 0); i++) {
    for (let j = i; j < (i >= 0 && depth >= 2 ? p : i + 1); j++) {
      // Positions i and j go: none at -1, one when i === j, two when i < j.
      const h = fnv(text, 0, p, i, j);
      let k = 0;
      while (k < n && out[k] !== h) k++;
      if (k === n) out[n++] = h;
    }
  }
  return n;
}

/**
 * Indexes `keys[i]` within `groups[i]`, to the deletion depth `depthOf(key.length)` (0 to 2): the
 * most edits any query allowed to match a key of that length may make.
 */
export function createTypoIndex(keys: readonly string[], groups: readonly string[], depthOf: (length: number) => number): TypoIndex {
  const scratch = new Int32Array(MAX_VARIANTS);
  const hashes = new Uint32Array(keys.length * MAX_VARIANTS);
  const ids = new Uint32Array(keys.length * MAX_VARIANTS);
  let count = 0;
  keys.forEach((key, id) => {
    const group = fnv(groups[id]!, 0, groups[id]!.length, -1, -1);
    for (let v = 0, n = variants(key, PREFIX_LENGTH, depthOf(key.length), scratch); v < n; v++) {
      hashes[count] = finish(scratch[v]!, key.length, group);
      ids[count++] = id;
    }
  });
  // About four entries a bucket: a lookup reads a few adjacent cells, and the offsets stay small.
  const bits = Math.max(1, Math.min(28, Math.floor(Math.log2(Math.max(2, count / 4)))));
  const bucketStart = new Uint32Array((1 << bits) + 1);
  for (let e = 0; e < count; e++) bucketStart[(hashes[e]! >>> (32 - bits)) + 1]!++;
  for (let b = 1; b < bucketStart.length; b++) bucketStart[b]! += bucketStart[b - 1]!;
  const fill = bucketStart.slice(0, -1);
  const fingerprint = new Uint16Array(count);
  const keyId = new Uint32Array(count);
  for (let e = 0; e < count; e++) {
    const at = fill[hashes[e]! >>> (32 - bits)]!++;
    fingerprint[at] = hashes[e]! & 0xffff;
    keyId[at] = ids[e]!;
  }
  return typoIndexFromSnapshot({ keys: keys.length, prefixLength: PREFIX_LENGTH, bits, bucketStart, fingerprint, keyId });
}

export function typoIndexFromSnapshot(s: TypoIndexSnapshot): TypoIndex {
  const { prefixLength, bits, bucketStart, fingerprint, keyId } = s;
  const scratch = new Int32Array(MAX_VARIANTS);
  // A key is a candidate once however many of its variants match: `seen[k] === stamp` this query.
  let seen: Uint32Array | null = null;
  let stamp = 0;
  return {
    candidates(query, group, max) {
      if (!seen || stamp === 0xffffffff) {
        seen = new Uint32Array(s.keys);
        stamp = 0;
      }
      stamp++;
      const gh = fnv(group, 0, group.length, -1, -1);
      const found: number[] = [];
      for (let v = 0, n = variants(query, prefixLength, max, scratch); v < n; v++) {
        for (let length = Math.max(1, query.length - max); length <= query.length + max; length++) {
          const h = finish(scratch[v]!, length, gh);
          const b = h >>> (32 - bits);
          const fp = h & 0xffff;
          for (let e = bucketStart[b]!, end = bucketStart[b + 1]!; e < end; e++) {
            const k = keyId[e]!;
            if (fingerprint[e] === fp && seen[k] !== stamp) {
              seen[k] = stamp;
              found.push(k);
            }
          }
        }
      }
      return found;
    },
    snapshot: () => s,
  };
}
