// The result records the benchmark's child processes write and the entry point prints.
import type { LatencyStats, MemorySnapshot } from './measure.js';
import type { OpName } from './workload.js';

export type Mode = 'ours' | 'cache' | 'vanilla' | 'breakdown';
export const MODES: readonly Mode[] = ['ours', 'cache', 'vanilla', 'breakdown'];

export interface ChildArgs {
  mode: Mode;
  dir: string;
  size: number;
  queries: number;
  warmup: number;
  seed: number;
  opBudgetMs: number;
  ops: OpName[];
  out: string;
  /** Write a .cpuprofile per phase and op into this folder (timings then carry profiler overhead). */
  profileDir?: string;
}

export interface OursResult {
  mode: 'ours';
  papers: number;
  issues: number;
  /** Process start to the engine modules imported (node + tsx + imports), ms. */
  importMs: number;
  loadMs: number;
  indexMs: number;
  memBaseline: MemorySnapshot;
  memLoaded: MemorySnapshot;
  memIndexed: MemorySnapshot;
  memAfterOps: MemorySnapshot;
  peakRss: number;
  ops: Partial<Record<OpName, LatencyStats>>;
  accuracy: { passed: number; total: number; failures: string[] };
}

export interface CacheResult {
  mode: 'cache';
  papers: number;
  loadMs: number;
  /** The full-text index alone (createSearchIndex), ms. */
  searchIndexMs: number;
  searchIndexHeap: number;
  toJsonMs: number;
  jsonBytes: number;
  loadJsonMs: number;
  loadJsonAsyncMs: number;
  loadedIndexHeap: number;
  /** Loaded index answers the sample queries exactly like the built one. */
  roundTripSame: boolean;
  roundTripChecked: number;
  dfEntries: number;
  dfJsonBytes: number;
  dfRestoreMs: number;
  papersJsonBytes: number;
  papersParseMs: number;
  /** Reading the data folder and hashing it, to know whether the cache is stale, ms. */
  fingerprintMs: number;
  nameIndexMs: number;
  nameIndexHeap: number;
  acronymsMs: number;
  /** The estimate: fingerprint + papers JSON + loadJSON + df + name index + acronyms, ms. */
  estimatedStartupMs: number;
  peakRss: number;
}

export interface VanillaResult {
  mode: 'vanilla';
  papers: number;
  loadMs: number;
  indexMs: number;
  memLoaded: MemorySnapshot;
  memIndexed: MemorySnapshot;
  search: LatencyStats;
  toJsonMs: number;
  jsonBytes: number;
  loadJsonMs: number;
  peakRss: number;
}

export interface Stage {
  name: string;
  ms: number;
  /** Heap retained by what this stage built (heapUsed after GC, minus before), bytes; null when not meaningful. */
  heap: number | null;
  note?: string;
}

export interface BreakdownResult {
  mode: 'breakdown';
  papers: number;
  stages: Stage[];
  counts: Record<string, number>;
  peakRss: number;
}

export type ChildResult = OursResult | CacheResult | VanillaResult | BreakdownResult;
