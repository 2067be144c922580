// Measurement helpers for the benchmark: timers, percentiles, memory after GC, GC pauses, the op loop.
import { PerformanceObserver } from 'node:perf_hooks';

export interface MemorySnapshot {
  /** Resident set size, bytes, after a full GC (when node runs with --expose-gc). */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface LatencyStats {
  /** How many timed calls (after the warm-up). */
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Total wall time of the timed calls, ms. */
  total: number;
  /** True when the time budget ran out before all queries ran. */
  truncated: boolean;
  /** How often each outcome (reply kind, error code) came back. */
  outcomes: Record<string, number>;
  /** The slowest inputs, for finding out why. */
  slowest: Array<{ ms: number; input: string }>;
  /** Garbage-collection pauses (perf_hooks "gc" entries) that started while the timed calls ran. */
  gc?: GcStats;
}

export interface GcStats {
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Records GC pauses that start between `from` and `to` (performance.now() times) given to stop(). */
export function watchGc(): { stop(from: number, to: number): Promise<GcStats> } {
  const pauses: Array<{ start: number; ms: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop(from, to) {
      // Entries are delivered asynchronously, on the next turn of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 0));
      observer.disconnect();
      const inside = pauses.filter((p) => p.start >= from && p.start <= to).map((p) => p.ms);
      return { count: inside.length, totalMs: inside.reduce((a, b) => a + b, 0), maxMs: inside.length ? Math.max(...inside) : 0 };
    },
  };
}

/**
 * Runs a full GC when --expose-gc is on: three times, so finalizers and weak maps settle and the
 * backing stores of collected array buffers are really freed (after two, a dropped 356 MB file
 * buffer was still counted as external memory and resident).
 */
export function fullGc(): void {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
    globalThis.gc();
  }
}

export function gcAvailable(): boolean {
  return typeof globalThis.gc === 'function';
}

export function memory(): MemorySnapshot {
  fullGc();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** Peak resident set size of this process so far, bytes. */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Times a synchronous or asynchronous step, in ms. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function timedSync<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface RunOpOptions<I> {
  warmup: readonly I[];
  inputs: readonly I[];
  /** Stop timing after this many ms of measured time (the op is reported as truncated). */
  budgetMs: number;
  describe: (input: I) => string;
  /** Classifies a result for the outcome counts ("paper", "candidates", "error:no_results"). */
  outcome: (result: unknown) => string;
}

/**
 * Warms up, then times each input once, in order, recording the GC pauses of the timed part.
 * Call fullGc() first so earlier garbage stays out.
 */
export async function runOp<I>(call: (input: I) => unknown, options: RunOpOptions<I>): Promise<LatencyStats> {
  for (const input of options.warmup) call(input);
  const gc = watchGc();
  const loopStart = performance.now();
  const times: number[] = [];
  const outcomes: Record<string, number> = {};
  const slow: Array<{ ms: number; input: string }> = [];
  let total = 0;
  let truncated = false;
  for (const input of options.inputs) {
    const start = performance.now();
    const result = call(input);
    const ms = performance.now() - start;
    times.push(ms);
    total += ms;
    const kind = options.outcome(result);
    outcomes[kind] = (outcomes[kind] ?? 0) + 1;
    slow.push({ ms, input: options.describe(input) });
    if (slow.length > 20) {
      slow.sort((a, b) => b.ms - a.ms);
      slow.length = 5;
    }
    if (total > options.budgetMs && times.length < options.inputs.length) {
      truncated = true;
      break;
    }
  }
  const loopEnd = performance.now();
  const sorted = [...times].sort((a, b) => a - b);
  slow.sort((a, b) => b.ms - a.ms);
  return {
    n: times.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: times.length ? total / times.length : Number.NaN,
    total,
    truncated,
    outcomes,
    slowest: slow.slice(0, 5),
    gc: await gc.stop(loopStart, loopEnd),
  };
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}
