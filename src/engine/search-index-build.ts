// Builds the full-text index (see search-index.ts) from papers: one pass over the fields
// collects postings per field in growable typed arrays, then terms are renumbered in sorted
// order and the postings grouped by term with a counting sort.
import type { Paper } from '../corpus/paper.js';
import { nameKey } from '../corpus/slug.js';
import { FIELDS, type SearchIndex } from './search-index.js';
import { searchIndexFromSnapshot } from './search-index-query.js';
import { term, WORD } from './text.js';

function fieldTexts(paper: Paper): string[] {
  return [
    // Names as written and as keys, so "deepseekv3" and "DeepSeek V3" both find the paper.
    paper.names.flatMap((n) => [n, nameKey(n)]).join(' '),
    paper.title,
    paper.authors.join(' '),
    paper.affiliations.join(' '),
    paper.abstract,
  ];
}

/** An append-only typed array that doubles as it grows. */
class Growable<T extends Uint32Array | Uint16Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
}

const u32 = (n: number) => new Uint32Array(n);
const u16 = (n: number) => new Uint16Array(n);
const clamp16 = (n: number) => (n > 65535 ? 65535 : n);

export function createSearchIndex(papers: readonly Paper[]): SearchIndex {
  const ids = new Map<string, number>();
  const dictionary: string[] = [];
  const idOf = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = dictionary.length;
      ids.set(t, id);
      dictionary.push(t);
    }
    return id;
  };
  const nFields = FIELDS.length;
  // Postings in document order, per field: (term id, doc, tf) triples, sorted by term below.
  const raw = FIELDS.map(() => ({ terms: new Growable(u32(1 << 16), u32), docs: new Growable(u32(1 << 16), u32), freqs: new Growable(u16(1 << 16), u16) }));
  const lengths = FIELDS.map(() => new Uint16Array(papers.length));
  const totals = new Array<number>(nFields).fill(0);
  const forward = { offsets: new Uint32Array(papers.length + 1), terms: new Growable(u32(1 << 16), u32), counts: new Growable(u16(1 << 16), u16) };
  let counts = new Uint32Array(1 << 12);
  let weights = new Uint32Array(1 << 12);
  const touched: number[] = [];
  const forwardTouched: number[] = [];
  const distinct = new Set<string>();

  papers.forEach((paper, doc) => {
    const texts = fieldTexts(paper);
    for (let f = 0; f < nFields; f++) {
      const words = texts[f]!.match(WORD);
      let length = 0;
      if (words) {
        // A field's length is its distinct words as written, stop words included, as MiniSearch counts it.
        for (const word of words) distinct.add(word);
        length = distinct.size;
        distinct.clear();
        for (const word of words) {
          const t = term(word);
          if (!t) continue;
          const id = idOf(t);
          if (id >= counts.length) {
            const grow = (a: Uint32Array) => {
              const b = new Uint32Array(a.length * 2);
              b.set(a);
              return b;
            };
            counts = grow(counts);
            weights = grow(weights);
          }
          if (counts[id] === 0) touched.push(id);
          counts[id] = counts[id]! + 1;
          if (f === 1 || f === 4) {
            if (weights[id] === 0) forwardTouched.push(id);
            weights[id] = weights[id]! + (f === 1 ? 2 : 1);
          }
        }
      }
      lengths[f]![doc] = clamp16(length);
      totals[f] = totals[f]! + length;
      const out = raw[f]!;
      for (const id of touched) {
        out.terms.push(id);
        out.docs.push(doc);
        out.freqs.push(clamp16(counts[id]!));
        counts[id] = 0;
      }
      touched.length = 0;
    }
    forwardTouched.sort((a, b) => a - b);
    for (const id of forwardTouched) {
      forward.terms.push(id);
      forward.counts.push(clamp16(weights[id]!));
      weights[id] = 0;
    }
    forwardTouched.length = 0;
    forward.offsets[doc + 1] = forward.terms.length;
  });

  // Renumber terms in sorted order (prefixes become ranges), then group postings by term.
  const order = dictionary.map((_, i) => i).sort((a, b) => (dictionary[a]! < dictionary[b]! ? -1 : 1));
  const rank = new Uint32Array(dictionary.length);
  order.forEach((old, r) => (rank[old] = r));
  const nTerms = dictionary.length;
  const offsets: Uint32Array[] = [];
  const docs: Uint32Array[] = [];
  const freqs: Uint16Array[] = [];
  const df = new Uint32Array(nTerms);
  for (let f = 0; f < nFields; f++) {
    const { terms: t, docs: d, freqs: q } = raw[f]!;
    const n = t.length;
    const off = new Uint32Array(nTerms + 1);
    for (let i = 0; i < n; i++) {
      const r = rank[t.data[i]!]! + 1;
      off[r] = off[r]! + 1;
    }
    for (let i = 0; i < nTerms; i++) off[i + 1] = off[i + 1]! + off[i]!;
    const cursor = off.slice(0, nTerms);
    const outDocs = new Uint32Array(n);
    const outFreqs = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const r = rank[t.data[i]!]!;
      const at = cursor[r]!;
      cursor[r] = at + 1;
      outDocs[at] = d.data[i]!;
      outFreqs[at] = q.data[i]!;
    }
    offsets.push(off);
    docs.push(outDocs);
    freqs.push(outFreqs);
  }
  const forwardTerms = forward.terms.data.slice(0, forward.terms.length);
  for (let i = 0; i < forwardTerms.length; i++) {
    forwardTerms[i] = rank[forwardTerms[i]!]!;
    df[forwardTerms[i]!] = df[forwardTerms[i]!]! + 1;
  }
  // Each paper's forward terms sorted by the new ids, so two papers' terms merge in one pass.
  for (let doc = 0; doc < papers.length; doc++) sortForward(forwardTerms, forward.counts.data, forward.offsets[doc]!, forward.offsets[doc + 1]!);

  return searchIndexFromSnapshot({
    docCount: papers.length,
    terms: order.map((i) => dictionary[i]).join('\n'),
    offsets,
    docs,
    freqs,
    lengths,
    avgLengths: totals.map((t) => (papers.length ? t / papers.length : 0)),
    df,
    forwardOffsets: forward.offsets,
    forwardTerms,
    forwardCounts: forward.counts.data.slice(0, forward.counts.length),
  });
}

/** Sorts one paper's slice of the forward index by term id (slices are short: insertion sort). */
function sortForward(terms: Uint32Array, counts: Uint16Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const t = terms[i]!;
    const c = counts[i]!;
    let j = i - 1;
    while (j >= from && terms[j]! > t) {
      terms[j + 1] = terms[j]!;
      counts[j + 1] = counts[j]!;
      j--;
    }
    terms[j + 1] = t;
    counts[j + 1] = c;
  }
}
