// The names papers are known by, for lookup and autocomplete: exact keys, sorted keys for
// prefixes, and a deletion index for typos. Version numbers must always match exactly.
//
// This file holds the model (weights, the snapshot layout, the ranking of completions);
// name-index-build.ts builds an index from papers and name-index-query.ts answers from one.
import type { TypoIndexSnapshot } from './edit-distance.js';

export interface NameMatch {
  paper: number;
  score: number;
  key: string;
}

export const PREFIX_SCAN_LIMIT = 50_000;
export const WEIGHT = { titleName: 3, fullTitle: 3, introducedFirst: 2, introduced: 1, id: 1, short: 1 } as const;
/** Bump when the snapshot's layout or meaning changes, the typo index's hashing included. */
export const SNAPSHOT_FORMAT = 1;

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

/** Typos allowed in a key: one, or two in a long one. */
export const maxTypos = (length: number) => (length >= 10 ? 2 : 1);
/** The most typos of any query that may match a key this long (their lengths differ by at most that). */
export const typoDepth = (length: number) => (length >= 8 ? 2 : 1);

/** Completions rank by the strongest claim, then the shortest name ("DeepSeek-V3" before "DeepSeek-V3-Adaptive: …"), then key order. */
export function completionOrder(keyScore: Float32Array, keyEnd: Uint32Array): (a: number, b: number) => number {
  const length = (k: number) => keyEnd[k]! - (k === 0 ? 0 : keyEnd[k - 1]!);
  return (a, b) => keyScore[a]! - keyScore[b]! || length(b) - length(a) || b - a;
}
