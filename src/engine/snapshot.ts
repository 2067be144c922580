// An engine as plain data (strings, numbers and typed arrays), so a built engine can be written
// to the cache, read back in a second or two, and handed from the worker that built it.
import type { CorpusIssue, Paper } from '../corpus/paper.js';
import type { AcronymSnapshot } from './acronyms.js';
import type { NameIndexSnapshot } from './name-index.js';
import type { SearchIndexSnapshot } from './search-index.js';

/** Bump when any part's layout changes: older caches are then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 2;

export interface EngineSnapshot {
  version: number;
  papers: PaperColumns;
  issues: CorpusIssue[];
  search: SearchIndexSnapshot;
  names: NameIndexSnapshot;
  acronyms: AcronymSnapshot;
  /** Paper indexes newest first, undated last. */
  byDate: Uint32Array;
}

/**
 * Papers without their abstracts as one JSON text, and the abstracts joined in chunks. Parsing
 * 100,000 paper objects with abstracts inside is most of a second slower; the chunks keep a
 * rare non-Latin-1 character from doubling the size of every abstract.
 */
export interface PaperColumns {
  meta: string;
  chunks: string[];
  /** Per paper, where its abstract ends in its chunk (chunk = index / CHUNK). */
  ends: Uint32Array;
}

const CHUNK = 512;

export function papersToColumns(papers: readonly Paper[]): PaperColumns {
  const chunks: string[] = [];
  const ends = new Uint32Array(papers.length);
  for (let start = 0; start < papers.length; start += CHUNK) {
    let text = '';
    for (let i = start; i < Math.min(papers.length, start + CHUNK); i++) {
      text += papers[i]!.abstract;
      ends[i] = text.length;
    }
    chunks.push(text);
  }
  const meta = JSON.stringify(papers.map((p) => ({ ...p, abstract: '' })));
  return { meta, chunks, ends };
}

export function papersFromColumns(columns: PaperColumns): Paper[] {
  const papers = JSON.parse(columns.meta) as Paper[];
  papers.forEach((paper, i) => {
    const start = i % CHUNK === 0 ? 0 : columns.ends[i - 1]!;
    paper.abstract = columns.chunks[Math.floor(i / CHUNK)]!.slice(start, columns.ends[i]!);
  });
  return papers;
}

type Container = Record<string, unknown> | unknown[];

/** Calls `visit` for every typed array in a snapshot, with a setter to replace it. */
function walkTypedArrays(value: unknown, visit: (array: ArrayBufferView, replace: (next: ArrayBufferView) => void) => void): void {
  if (value === null || typeof value !== 'object') return;
  const container = value as Container;
  for (const key of Object.keys(container)) {
    const child = (container as Record<string, unknown>)[key];
    if (ArrayBuffer.isView(child)) visit(child, (next) => ((container as Record<string, unknown>)[key] = next));
    else if (child !== null && typeof child === 'object') walkTypedArrays(child, visit);
  }
}

/** The buffers a snapshot's typed arrays own, for handing them to another thread without a copy. */
export function snapshotBuffers(snapshot: EngineSnapshot): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  walkTypedArrays(snapshot, (array) => {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  });
  return [...buffers];
}

/**
 * Copies every typed array that is a view into a larger buffer (as deserialising a file gives),
 * so that buffer, which also holds the already-decoded strings, can be freed.
 */
export function ownBuffers(snapshot: EngineSnapshot): EngineSnapshot {
  walkTypedArrays(snapshot, (array, replace) => {
    if (array.byteOffset !== 0 || array.byteLength !== array.buffer.byteLength) replace((array as Uint8Array).slice());
  });
  return snapshot;
}
