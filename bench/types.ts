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
  /** engine.snapshot() and writing the cache file, ms, and its size. */
  cacheWriteMs: number;
  cacheBytes: number;
}

export interface CacheResult {
  mode: 'cache';
  papers: number;
  /** The cache file had to be built first (by this child, not timed as start-up). */
  builtFirst: boolean;
  cacheBytes: number;
  /** Process start to the modules imported (node + tsx + imports), ms. */
  importMs: number;
  /** Listing the data files' names, sizes and times, to tell a stale cache, ms. */
  fingerprintMs: number;
  /** Reading and deserialising the cache file, ms. */
  readMs: number;
  /** Unpacking the snapshot into an engine, ms. */
  restoreMs: number;
  /** Process start to an engine that answers, ms: what `npm start` waits for. */
  startupMs: number;
  /** The first /search after start-up, ms. */
  firstSearchMs: number;
  memRestored: MemorySnapshot;
  peakRss: number;
  accuracy: { passed: number; total: number; failures: string[] };
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
