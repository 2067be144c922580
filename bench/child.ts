// One benchmark measurement in a fresh process (started by bench/run.ts): our engine, the cache
// estimate, vanilla MiniSearch, or the load-time breakdown, for one corpus size. Writes JSON.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { cleanText } from '../src/corpus/clean-text.js';
import { buildCorpus, loadCorpus, parseFile, type SourceFile } from '../src/corpus/load-corpus.js';
import { isMetaLine } from '../src/corpus/listing-format.js';
import { mergeEntries } from '../src/corpus/merge.js';
import { introducedNames, titleSystemName } from '../src/corpus/names.js';
import { paperSchema, type Paper } from '../src/corpus/paper.js';
import type { RawEntry } from '../src/corpus/raw-entry.js';
import { splitTitleAuthors } from '../src/corpus/split-title-authors.js';
import { createCommandHandler } from '../src/commands/handle.js';
import { createAcronymTable } from '../src/engine/acronyms.js';
import { createEngine, engineFromSnapshot, type Engine } from '../src/engine/engine.js';
import { buildSnapshot } from '../src/engine-cache/build.js';
import { readCache, readCacheHeader, writeCache } from '../src/engine-cache/cache-file.js';
import { fingerprint } from '../src/engine-cache/fingerprint.js';
import { createNameIndex } from '../src/engine/name-index-build.js';
import { createSearchIndex } from '../src/engine/search-index-build.js';
import { term, tokens } from '../src/engine/text.js';
import { silentLogger } from '../src/logger.js';
import type { Reply } from '../src/reply.js';
import { fullGc, memory, peakRss, runOp, timed, timedSync, type LatencyStats } from './measure.js';
import type { BreakdownResult, CacheResult, ChildArgs, OursResult, Stage, VanillaResult } from './types.js';
import { ACCURACY_LOOKUPS, createWorkload, type OpName } from './workload.js';

const importMs = performance.now();
/** "Today" for yearless listing dates, fixed so every run parses the same corpus. */
const NOW = new Date('2026-11-22T12:00:00Z');
const clock = () => NOW;

const args = JSON.parse(Buffer.from(process.argv[2] ?? '', 'base64').toString('utf8')) as ChildArgs;

// --- CPU profiles of single phases, through the inspector (so the profile holds only that phase) ---
let session: Session | null = null;
async function profiled<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  if (!args.profileDir) return fn();
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  await session.post('Profiler.start');
  const value = await fn();
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(args.profileDir, { recursive: true });
  writeFileSync(path.join(args.profileDir, `${args.size}-${args.mode}-${name}.cpuprofile`), JSON.stringify(profile));
  return value;
}

function replyOutcome(result: unknown): string {
  const reply = result as Reply;
  if (reply.kind === 'error') return `error:${reply.code}`;
  if (reply.kind === 'answer') return reply.found ? 'answer' : 'answer:not-found';
  return reply.kind;
}

async function runOurs(): Promise<OursResult> {
  const memBaseline = memory();
  const load = await profiled('load', () => timed(() => loadCorpus(args.dir, clock)));
  const corpus = load.value;
  const memLoaded = memory();
  const built = await profiled('index', () => timedSync(() => createEngine(corpus)));
  const engine = built.value;
  const memIndexed = memory();

  const handler = createCommandHandler(engine, silentLogger);
  const workload = createWorkload(engine.papers, args.queries, args.seed);
  const warm = createWorkload(engine.papers, args.warmup, args.seed + 1);
  const calls: Record<OpName, (input: string) => unknown> = {
    autocomplete: (prefix) => engine.suggest(prefix),
    paper: (name) => handler.handle({ command: 'paper', args: { name } }),
    search: (query) => handler.handle({ command: 'search', args: { query } }),
    searchFiltered: (query) => handler.handle({ command: 'search', args: { query } }),
    searchFiltersOnly: (query) => handler.handle({ command: 'search', args: { query } }),
    ask: (question) => handler.handle({ command: 'ask', args: { question } }),
    related: (paper) => handler.handle({ command: 'related', args: { paper } }),
  };
  const ops: Partial<Record<OpName, LatencyStats>> = {};
  for (const op of args.ops) {
    const outcome = op === 'autocomplete' ? (r: unknown) => ((r as unknown[]).length === 0 ? 'none' : 'suggestions') : replyOutcome;
    fullGc();
    const stats = await profiled(op, () =>
      runOp(calls[op], { warmup: warm[op], inputs: workload[op], budgetMs: args.opBudgetMs, describe: (s) => s, outcome }),
    );
    ops[op] = stats;
    const gc = stats.gc!;
    process.stderr.write(`  [${args.size} ours] ${op}: n=${stats.n} p50=${stats.p50.toFixed(2)} p99=${stats.p99.toFixed(2)} ms; GC ${gc.count} pauses, ${gc.totalMs.toFixed(0)} ms, max ${gc.maxMs.toFixed(1)} ms\n`);
  }

  // The cache the `cache` child starts from: what `npm start` writes after building.
  const fresh = await fingerprint(args.dir, clock(), []);
  const cacheWrite = await timed(() => writeCache(cachePath(), { fingerprint: fresh, dataDir: args.dir, files: corpus.files }, engine.snapshot()));

  return {
    mode: 'ours',
    papers: engine.papers.length,
    issues: corpus.issues.length,
    importMs,
    loadMs: load.ms,
    indexMs: built.ms,
    memBaseline,
    memLoaded,
    memIndexed,
    memAfterOps: memory(),
    peakRss: peakRss(),
    ops,
    accuracy: accuracyChecks(engine),
    cacheWriteMs: cacheWrite.ms,
    cacheBytes: cacheWrite.value,
  };
}

/** The answers the small corpus gives, which must not change with size. */
function accuracyChecks(engine: Engine): { passed: number; total: number; failures: string[] } {
  const failures: string[] = [];
  let total = 0;
  const check = (what: string, ok: boolean, got: string) => {
    total++;
    if (!ok) failures.push(`${what} -> ${got}`);
  };
  for (const [name, id] of ACCURACY_LOOKUPS) {
    const r = engine.lookup(name);
    const got = r.kind === 'found' ? r.paper.id : r.kind;
    check(`lookup ${JSON.stringify(name)} = ${id}`, got === id, got);
  }
  const firstHit = engine.search('DeepSeek-V3');
  const first = firstHit.ok ? firstHit.value.hits[0]?.paper.id ?? 'none' : 'error';
  check('search "DeepSeek-V3" first = deepseek-v3', first === 'deepseek-v3', first);
  const answer = engine.ask('How many total parameters does DeepSeek-V3 have?');
  check('ask total parameters of DeepSeek-V3 cites deepseek-v3 and says 671B', answer.citations[0]?.paper.id === 'deepseek-v3' && answer.text.includes('671B'), `${answer.citations[0]?.paper.id ?? 'none'}: ${answer.text.slice(0, 60)}`);
  const ids = engine.suggest('deepseek-v').map((s) => s.id);
  const wanted = ['deepseek-v2', 'deepseek-v3', 'deepseek-v3-2'];
  check('suggest "deepseek-v" top 6 has V2, V3, V3.2', wanted.every((w) => ids.slice(0, 6).includes(w)), ids.slice(0, 6).join(','));
  const mla = engine.ask('What is MLA?');
  check('ask "What is MLA?" expands to Multi-head Latent Attention', /latent attention/i.test(mla.text), mla.text.slice(0, 60));

  return { passed: total - failures.length, total, failures };
}

/** The cache file of a generated corpus, beside its folder. */
const cachePath = () => `${args.dir.replace(/\/+$/, '')}.engine.cache`;

/** What `npm start` does with a current cache, in a fresh process: fingerprint, read, restore. */
async function runCache(): Promise<CacheResult> {
  const file = cachePath();
  const now = clock();
  let builtFirst = false;
  const expected = await fingerprint(args.dir, now, []);
  const header = await readCacheHeader(file);
  if (!header || header.fingerprint !== expected) {
    // No current cache (the ours child writes one): build it first; not part of start-up.
    builtFirst = true;
    await buildSnapshot({ dataDir: args.dir, now: now.toISOString(), extraPapers: [], cache: { file, fingerprint: expected } });
    fullGc();
  }
  const begin = performance.now();
  const fp = await timed(() => fingerprint(args.dir, now, []));
  const read = await timed(() => readCache(file));
  if (!read.value || read.value.fingerprint !== fp.value) throw new Error('the cache is not current');
  const restored = timedSync(() => engineFromSnapshot(read.value!.snapshot));
  const engine = restored.value;
  // Process start (performance.now() counts from it) to an engine that answers.
  const startupMs = builtFirst ? importMs + (performance.now() - begin) : performance.now();
  const first = timedSync(() => engine.search('mixture of experts'));
  if (!first.value.ok) throw new Error('first search failed');
  (read as { value: unknown }).value = null;
  return {
    mode: 'cache',
    papers: engine.papers.length,
    builtFirst,
    cacheBytes: statSync(file).size,
    importMs,
    fingerprintMs: fp.ms,
    readMs: read.ms,
    restoreMs: restored.ms,
    startupMs,
    firstSearchMs: first.ms,
    memRestored: memory(),
    peakRss: peakRss(),
    accuracy: accuracyChecks(engine),
  };
}

async function runVanilla(): Promise<VanillaResult> {
  const load = await timed(() => loadCorpus(args.dir, clock));
  const papers = load.value.papers;
  const memLoaded = memory();
  const built = timedSync(() => {
    const ms = new MiniSearch<Paper>({ fields: ['title', 'abstract'] });
    ms.addAll(papers);
    return ms;
  });
  const index = built.value;
  const memIndexed = memory();
  const workload = createWorkload(papers, args.queries, args.seed);
  const warm = createWorkload(papers, args.warmup, args.seed + 1);
  fullGc();
  const search = await runOp((q: string) => index.search(q, { fuzzy: 0.2, prefix: true }), {
    warmup: warm.search,
    inputs: workload.search,
    budgetMs: args.opBudgetMs,
    describe: (s) => s,
    outcome: (r) => ((r as unknown[]).length === 0 ? 'none' : 'results'),
  });
  process.stderr.write(`  [${args.size} vanilla] search: n=${search.n} p50=${search.p50.toFixed(2)} p99=${search.p99.toFixed(2)} ms\n`);
  const toJson = timedSync(() => JSON.stringify(index));
  const loaded = timedSync(() => MiniSearch.loadJSON(toJson.value, { fields: ['title', 'abstract'] }));
  if (loaded.value.documentCount !== index.documentCount) throw new Error('vanilla loadJSON lost documents');
  return {
    mode: 'vanilla',
    papers: papers.length,
    loadMs: load.ms,
    indexMs: built.ms,
    memLoaded,
    memIndexed,
    search,
    toJsonMs: toJson.ms,
    jsonBytes: Buffer.byteLength(toJson.value),
    loadJsonMs: loaded.ms,
    peakRss: peakRss(),
  };
}

/** Title lines and abstract lines of the listing files, to time their helpers on their own. */
function listingLines(files: SourceFile[]): { titles: string[]; abstracts: string[] } {
  const titles: string[] = [];
  const abstracts: string[] = [];
  for (const file of files) {
    const lines = file.text.split('\n').filter((l) => l.trim() !== '');
    if (!lines[0] || !isMetaLine(lines[0])) continue;
    for (let i = 0; i + 2 < lines.length; i++) {
      if (!isMetaLine(lines[i]!)) continue;
      titles.push(lines[i + 1]!);
      abstracts.push(lines[i + 2]!);
      i += 2;
    }
  }
  return { titles, abstracts };
}

async function runBreakdown(): Promise<BreakdownResult> {
  const stages: Stage[] = [];
  const counts: Record<string, number> = {};
  const baseline = memory().heapUsed;
  let mark = baseline;
  const stage = <T>(name: string, fn: () => T, note?: string, retained = true): T => {
    const { ms, value } = timedSync(fn);
    const heap = memory().heapUsed;
    stages.push({ name, ms, heap: retained ? heap - mark : null, ...(note ? { note } : {}) });
    mark = heap;
    return value;
  };
  const sub = (name: string, fn: () => unknown, note?: string) => {
    const { ms } = timedSync(fn);
    stages.push({ name, ms, heap: null, ...(note ? { note } : {}) });
  };

  let files: SourceFile[] | null = stage('read files (readFile utf8)', () =>
    readdirSync(args.dir)
      .filter((n) => !n.startsWith('.'))
      .map((name) => ({ name, text: readFileSync(path.join(args.dir, name), 'utf8') })),
  );
  let entries: RawEntry[] | null = stage('parse files (parseFile: meta lines, cleanText, splitTitleAuthors)', () => {
    const out: RawEntry[] = [];
    for (const f of [...files!].sort((a, b) => (a.name < b.name ? -1 : 1))) for (const e of parseFile(f, NOW).entries) out.push(e);
    return out;
  });
  counts.entries = entries.length;
  const lines = listingLines(files);
  sub('  of which splitTitleAuthors(cleanText(title line))', () => lines.titles.forEach((l) => splitTitleAuthors(cleanText(l))), 'timed again on its own');
  sub('  of which cleanText(abstract line)', () => lines.abstracts.forEach((l) => cleanText(l)), 'timed again on its own');
  let records: Paper[] | null = stage('merge (mergeEntries: group, names, ids)', () => mergeEntries(entries!));
  sub('  of which introducedNames(abstract)', () => entries!.forEach((e) => introducedNames(e.abstract)), 'timed again on its own');
  sub('  of which titleSystemName(title)', () => entries!.forEach((e) => e.listing && titleSystemName(e.listing.title)), 'timed again on its own');
  const papers = stage('validate (paperSchema.safeParse each record)', () => {
    const out: Paper[] = [];
    for (const r of records!) {
      const result = paperSchema.safeParse(r);
      if (result.success) out.push(result.data);
    }
    return out;
  });
  counts.papers = papers.length;
  files = null;
  entries = null;
  records = null;
  stage('(drop file texts, raw entries and unvalidated records)', () => null);
  counts.heapPapersOnly = memory().heapUsed - baseline;
  sub('buildCorpus end to end (for comparison: read excluded)', () => buildCorpus(
    readdirSync(args.dir).map((name) => ({ name, text: readFileSync(path.join(args.dir, name), 'utf8') })),
    clock,
  ), 'includes reading again');
  mark = memory().heapUsed;

  const names = stage('name index (createNameIndex: aliases, sorted keys, fuzzy MiniSearch)', () => createNameIndex(papers));
  counts.aliases = names.counts.aliases;
  counts.nameKeys = names.counts.keys;
  sub('  of which introducedNames(abstract) again', () => papers.forEach((p) => introducedNames(p.abstract)), 'timed again on its own');
  const search = stage('search index (createSearchIndex: postings, document frequency, forward lists)', () => createSearchIndex(papers));
  const snap = search.snapshot();
  counts.indexTerms = snap.df.length;
  counts.postings = snap.docs.reduce((n, d) => n + d.length, 0);
  counts.forwardEntries = snap.forwardTerms.length;
  sub('  of which tokens()+term() of title and abstract', () => {
    for (const p of papers) {
      for (const t of tokens(p.title)) term(t.word);
      for (const t of tokens(p.abstract)) term(t.word);
    }
  }, 'timed again on its own; the term cache is warm by now');
  const acronyms = stage('acronym table (createAcronymTable: sentences + Schwartz–Hearst)', () => createAcronymTable(papers));
  stage('by-id map and recent order', () => {
    const byId = new Map(papers.map((p, i) => [p.id, i]));
    const recent = papers
      .map((p, i) => ({ date: p.date ?? '', i }))
      .sort((a, b) => (a.date === b.date ? a.i - b.i : a.date < b.date ? 1 : -1))
      .map((x) => x.i);
    return { byId, recent };
  });
  counts.heapEngineParts = memory().heapUsed - baseline;
  if (!acronyms || !search || !names) throw new Error('unreachable');
  return { mode: 'breakdown', papers: papers.length, stages, counts, peakRss: peakRss() };
}

const runners = { ours: runOurs, cache: runCache, vanilla: runVanilla, breakdown: runBreakdown } as const;
const result = await runners[args.mode]();
if (session) (session as Session).disconnect();
writeFileSync(args.out, JSON.stringify(result));
