// Formats the benchmark's results as Markdown tables (readable on a terminal, pasteable into docs).
import type { LatencyStats } from './measure.js';
import { mb } from './measure.js';
import type { BreakdownResult, CacheResult, OursResult, VanillaResult } from './types.js';
import { OP_NAMES, type OpName } from './workload.js';

export interface SizeResults {
  size: number;
  dataBytes: number;
  generateMs: number;
  generateReused: boolean;
  ours?: OursResult;
  cache?: CacheResult;
  vanilla?: VanillaResult;
  breakdown?: BreakdownResult;
  failures: string[];
}

export const OP_LABELS: Record<OpName, string> = {
  autocomplete: 'autocomplete (engine.suggest)',
  paper: '/paper',
  search: '/search (text)',
  searchFiltered: '/search (text + filters)',
  searchFiltersOnly: '/search (filters only)',
  ask: '/ask',
  related: '/related',
};

/** Targets at 100,000 papers (issue 8), p99 ms. */
export const P99_TARGETS: Record<OpName, number> = {
  autocomplete: 5,
  paper: 10,
  search: 50,
  searchFiltered: 50,
  searchFiltersOnly: 50,
  ask: 50,
  related: 50,
};
export const STARTUP_TARGET_MS = 3000;
export const RSS_TARGET_BYTES = 1.5 * 1024 ** 3;

const n0 = (x: number) => Math.round(x).toLocaleString('en');
const s2 = (ms: number) => (ms / 1000).toFixed(2);
const ms1 = (ms: number) => (Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en'));
const m0 = (bytes: number) => n0(mb(bytes));
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const papersOf = (r: SizeResults) => n0(r.ours?.papers ?? r.cache?.papers ?? r.vanilla?.papers ?? r.breakdown?.papers ?? r.size);

export function buildTable(results: SizeResults[]): string {
  const rows = results.map((r) => {
    const o = r.ours;
    return [
      papersOf(r),
      n0(mb(r.dataBytes)),
      `${s2(r.generateMs)}${r.generateReused ? ' (cached)' : ''}`,
      o ? s2(o.loadMs) : '–',
      o ? s2(o.indexMs) : '–',
      o ? s2(o.importMs + o.loadMs + o.indexMs) : '–',
      o ? m0(o.memLoaded.rss) : '–',
      o ? m0(o.memIndexed.rss) : '–',
      o ? m0(o.memIndexed.heapUsed) : '–',
      o ? m0(o.memAfterOps.rss) : '–',
      o ? m0(o.peakRss) : '–',
    ];
  });
  return table(
    ['papers', 'data MB', 'generate s', 'load+parse s', 'index s', 'cold start s', 'RSS loaded MB', 'RSS indexed MB', 'heap indexed MB', 'RSS after ops MB', 'peak RSS MB'],
    rows,
  );
}

function cell(stats: LatencyStats | undefined): string {
  if (!stats) return '–';
  return `${ms1(stats.p50)} / ${ms1(stats.p99)} / ${ms1(stats.max)}${stats.truncated ? ` (n=${stats.n})` : ''}`;
}

export function latencyTable(results: SizeResults[], ops: readonly OpName[] = OP_NAMES): string {
  const withOurs = results.filter((r) => r.ours);
  return table(
    ['operation (p50 / p99 / max ms)', ...withOurs.map((r) => `${papersOf(r)} papers`)],
    ops.map((op) => [OP_LABELS[op], ...withOurs.map((r) => cell(r.ours!.ops[op]))]),
  );
}

export function outcomesTable(result: SizeResults, ops: readonly OpName[] = OP_NAMES): string {
  const o = result.ours;
  if (!o) return '';
  return table(
    ['operation', 'n', 'mean ms', 'GC pauses: n / total / max ms', 'outcomes', 'slowest inputs (ms)'],
    ops.filter((op) => o.ops[op]).map((op) => {
      const s = o.ops[op]!;
      const outcomes = Object.entries(s.outcomes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
      const slow = s.slowest.slice(0, 3).map((x) => `${JSON.stringify(x.input.length > 50 ? `${x.input.slice(0, 50)}…` : x.input)} ${ms1(x.ms)}`).join('; ');
      const gc = s.gc ? `${s.gc.count} / ${ms1(s.gc.totalMs)} / ${ms1(s.gc.maxMs)}` : '–';
      return [OP_LABELS[op], String(s.n), ms1(s.mean), gc, outcomes, slow];
    }),
  );
}

export function cacheTable(results: SizeResults[]): string {
  const rows = results.filter((r) => r.cache).map((r) => {
    const c = r.cache!;
    const o = r.ours;
    return [
      papersOf(r),
      n0(mb(c.cacheBytes)),
      o ? s2(o.cacheWriteMs) : '–',
      s2(c.importMs),
      ms1(c.fingerprintMs),
      s2(c.readMs),
      s2(c.restoreMs),
      `**${s2(c.startupMs)}**`,
      ms1(c.firstSearchMs),
      m0(c.memRestored.rss),
      m0(c.memRestored.heapUsed),
      `${c.accuracy.passed}/${c.accuracy.total}`,
      o ? s2(o.importMs + o.loadMs + o.indexMs) : '–',
    ];
  });
  return table(
    ['papers', 'cache MB', 'snapshot + write s', 'node + imports s', 'fingerprint ms', 'read + deserialise s', 'restore s', 'start-up s', 'first /search ms', 'RSS MB', 'heap MB', 'accuracy', 'cold start s'],
    rows,
  );
}

export function vanillaTable(results: SizeResults[]): string {
  const rows = results.filter((r) => r.vanilla).map((r) => {
    const v = r.vanilla!;
    const o = r.ours;
    const ours = o?.ops.search;
    const c = r.cache;
    return [
      papersOf(r),
      `${s2(v.indexMs)} / ${o ? s2(o.indexMs) : '–'} (${o ? ratio(o.indexMs, v.indexMs) : '–'})`,
      `${ms1(v.search.p50)} / ${ours ? ms1(ours.p50) : '–'} (${ours ? ratio(ours.p50, v.search.p50) : '–'})`,
      `${ms1(v.search.p99)} / ${ours ? ms1(ours.p99) : '–'} (${ours ? ratio(ours.p99, v.search.p99) : '–'})`,
      `${n0(mb(v.jsonBytes))} / ${c ? n0(mb(c.cacheBytes)) : '–'} (${c ? ratio(c.cacheBytes, v.jsonBytes) : '–'})`,
      `${s2(v.loadJsonMs)} / ${c ? s2(c.readMs + c.restoreMs) : '–'} (${c ? ratio(c.readMs + c.restoreMs, v.loadJsonMs) : '–'})`,
      `${m0(v.memIndexed.rss - v.memLoaded.rss)} / ${o ? m0(o.memIndexed.rss - o.memLoaded.rss) : '–'} (${o ? ratio(o.memIndexed.rss - o.memLoaded.rss, v.memIndexed.rss - v.memLoaded.rss) : '–'})`,
      `${m0(v.memIndexed.rss)} / ${o ? m0(o.memIndexed.rss) : '–'} (${o ? ratio(o.memIndexed.rss, v.memIndexed.rss) : '–'})`,
    ];
  });
  return table(
    [
      'papers',
      'index s: vanilla / ours engine (ratio)',
      'search p50 ms: vanilla / ours (ratio)',
      'search p99 ms: vanilla / ours (ratio)',
      'JSON MB: vanilla / ours cache file (ratio)',
      'loadJSON s: vanilla / ours read + restore (ratio)',
      'index RSS MB: vanilla / ours (ratio)',
      'RSS MB: vanilla / ours (ratio)',
    ],
    rows,
  );
}

export function breakdownTable(results: SizeResults[]): string {
  const withBreakdown = results.filter((r) => r.breakdown);
  if (withBreakdown.length === 0) return '';
  const names = withBreakdown[0]!.breakdown!.stages.map((s) => s.name);
  const rows = names.map((name) => [
    name,
    ...withBreakdown.map((r) => {
      const s = r.breakdown!.stages.find((x) => x.name === name);
      if (!s) return '–';
      return `${s2(s.ms)}${s.heap === null ? '' : ` / ${m0(s.heap)}`}`;
    }),
  ]);
  const countRows = Object.keys(withBreakdown[0]!.breakdown!.counts).map((k) => [
    k.startsWith('heap') ? `${k} (MB)` : k,
    ...withBreakdown.map((r) => {
      const v = r.breakdown!.counts[k];
      return v === undefined ? '–' : k.startsWith('heap') ? m0(v) : n0(v);
    }),
  ]);
  return table(['stage (s / retained heap MB)', ...withBreakdown.map((r) => `${papersOf(r)} papers`)], [...rows, ...countRows]);
}

export function accuracyTable(results: SizeResults[]): string {
  return table(
    ['papers', 'accuracy checks', 'failures'],
    results.filter((r) => r.ours).map((r) => [papersOf(r), `${r.ours!.accuracy.passed}/${r.ours!.accuracy.total}`, r.ours!.accuracy.failures.join('; ') || 'none']),
  );
}

export function targetsTable(result: SizeResults): string {
  const o = result.ours;
  const rows: string[][] = [];
  const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : '**missed**');
  for (const op of OP_NAMES) {
    const s = o?.ops[op];
    rows.push([`${OP_LABELS[op]} p99`, `≤ ${P99_TARGETS[op]} ms`, s ? `${ms1(s.p99)} ms` : '–', verdict(s ? s.p99 <= P99_TARGETS[op] : null)]);
  }
  const c = result.cache;
  rows.push([
    'start-up from the cache',
    `≤ ${STARTUP_TARGET_MS / 1000} s`,
    c ? `${s2(c.startupMs)} s (process start to answering; cold start ${o ? s2(o.importMs + o.loadMs + o.indexMs) : '?'} s)` : '–',
    verdict(c ? c.startupMs <= STARTUP_TARGET_MS : null),
  ]);
  rows.push(['resident memory (after GC, indexed)', `≤ ${(RSS_TARGET_BYTES / 1024 ** 3).toFixed(1)} GB`, o ? `${m0(o.memIndexed.rss)} MB (peak ${m0(o.peakRss)} MB)` : '–', verdict(o ? o.memIndexed.rss <= RSS_TARGET_BYTES : null)]);
  rows.push(['resident memory (after the query workload)', `≤ ${(RSS_TARGET_BYTES / 1024 ** 3).toFixed(1)} GB`, o ? `${m0(o.memAfterOps.rss)} MB` : '–', verdict(o ? o.memAfterOps.rss <= RSS_TARGET_BYTES : null)]);
  rows.push(['resident memory (served from the cache, after GC)', `≤ ${(RSS_TARGET_BYTES / 1024 ** 3).toFixed(1)} GB`, c ? `${m0(c.memRestored.rss)} MB (peak ${m0(c.peakRss)} MB)` : '–', verdict(c ? c.memRestored.rss <= RSS_TARGET_BYTES : null)]);
  rows.push(['lookups as accurate as the small corpus', 'all checks pass', o ? `${o.accuracy.passed}/${o.accuracy.total}` : '–', verdict(o ? o.accuracy.passed === o.accuracy.total : null)]);
  return table([`target (at ${papersOf(result)} papers)`, 'target', 'measured', 'verdict'], rows);
}
