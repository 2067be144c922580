// Building an engine from the data folder plus the papers fetched from arXiv: in the process
// (tests, small corpora) or in a worker thread (serving), where it may take a minute at 100,000
// papers while the previous engine keeps answering.
import { loadCorpus, type Corpus } from '../corpus/load-corpus.js';
import type { Paper } from '../corpus/paper.js';
import { createEngine } from '../engine/engine.js';
import type { EngineSnapshot } from '../engine/snapshot.js';
import { writeCache } from './cache-file.js';

export interface BuildRequest {
  dataDir: string;
  /** "Today" for yearless listing dates, as an ISO string (clocks cannot cross threads). */
  now: string;
  /** Papers fetched from arXiv, added after the data folder's (which win on equal ids). */
  extraPapers: Paper[];
  /** Where to write the built engine, with the fingerprint of what it was built from. */
  cache?: { file: string; fingerprint: string };
}

export interface BuildTimings {
  loadMs: number;
  indexMs: number;
  cacheMs: number;
}

export interface BuiltSnapshot {
  snapshot: EngineSnapshot;
  files: string[];
  timings: BuildTimings;
  cacheBytes?: number;
  cacheError?: string;
}

export function withExtraPapers(corpus: Corpus, extra: readonly Paper[]): Corpus {
  if (extra.length === 0) return corpus;
  const ids = new Set(corpus.papers.map((p) => p.id));
  return { ...corpus, papers: [...corpus.papers, ...extra.filter((p) => !ids.has(p.id))] };
}

/** Loads, indexes and snapshots; writes the cache when asked. Runs inside the build worker. */
export async function buildSnapshot(request: BuildRequest): Promise<BuiltSnapshot> {
  const t0 = performance.now();
  const corpus = withExtraPapers(await loadCorpus(request.dataDir, () => new Date(request.now)), request.extraPapers);
  const t1 = performance.now();
  const snapshot = createEngine(corpus).snapshot();
  const t2 = performance.now();
  let cacheBytes: number | undefined;
  let cacheError: string | undefined;
  if (request.cache) {
    try {
      cacheBytes = await writeCache(request.cache.file, { fingerprint: request.cache.fingerprint, dataDir: request.dataDir, files: corpus.files }, snapshot);
    } catch (err) {
      cacheError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    }
  }
  const timings = { loadMs: t1 - t0, indexMs: t2 - t1, cacheMs: performance.now() - t2 };
  return { snapshot, files: corpus.files, timings, ...(cacheBytes !== undefined ? { cacheBytes } : {}), ...(cacheError !== undefined ? { cacheError } : {}) };
}
