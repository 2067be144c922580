// Wires the core together: loads the corpus, builds the engine and the command layer.
// The command line, the terminal chat and every chat adapter start from here; serving adds the
// digest state and a watch on the data folder that swaps in a rebuilt engine.
import path from 'node:path';
import { loadCorpus, type Corpus } from './corpus/load-corpus.js';
import { formatIssue, paperSchema, type Paper } from './corpus/paper.js';
import type { Clock } from './corpus/dates.js';
import { createEngine, engineFromSnapshot, type Engine } from './engine/engine.js';
import type { EngineSnapshot } from './engine/snapshot.js';
import { buildSnapshot, withExtraPapers, type BuildRequest, type BuiltSnapshot } from './engine-cache/build.js';
import { buildInWorker } from './engine-cache/build-in-worker.js';
import { PaperbotError } from './errors.js';
import { readCache, readCacheHeader } from './engine-cache/cache-file.js';
import { fingerprint } from './engine-cache/fingerprint.js';
import { createCommandHandler, type CommandHandler } from './commands/handle.js';
import type { Logger } from './logger.js';
import { createCommandTracker, type CommandTracker } from './ops/command-tracker.js';
import { createIdHasher } from './ops/hash-id.js';
import { createRateLimiter, type RateLimitSettings } from './ops/rate-limit.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { watchFolder, type FolderWatch } from './corpus/watch-folder.js';
import { createMentions, type Mentions } from './conversation/mentions.js';
import { createThreadMemory, type ThreadMemorySettings } from './conversation/thread-memory.js';
import { createListCommands } from './lists/list-commands.js';
import { createListStore } from './lists/list-store.js';
import { createWatch, type Watch } from './watch/watch.js';
import { createDigests, type DigestSettings, type Digests } from './digest/create-digests.js';

export interface Paperbot {
  corpus: Corpus;
  engine: Engine;
  commands: CommandHandler;
  /** Every chat platform's commands go through this: logged, measured, and drained at shutdown. */
  tracker: CommandTracker;
  /** Messages that mention the bot, answered in their thread with the thread's paper as context. */
  mentions: Mentions;
  /** Watch mode (needs the state file): cards for papers named in watched channels. */
  watch?: Watch;
  /** Daily digests, when a state file was given (`npm start` with Discord or Slack). */
  digests?: Digests;
  /** Re-reads the data folder (and stored arXiv papers) and swaps in the new engine. */
  reload?(): Promise<void>;
  /** Stops watching the folder and closes the state file. */
  close?(): Promise<void>;
}

export interface PaperbotOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  logHashKey?: string | undefined;
  digests?: DigestSettings;
  /** The per-user limit on commands through the tracker (chat platforms); unset or perMinute 0: no limit. */
  rateLimit?: RateLimitSettings;
  /** How many threads' papers are remembered, and for how long. */
  threads?: ThreadMemorySettings;
  /** Pick up files added to or changed in the data folder while running. */
  watch?: boolean | { debounceMs: number };
  /**
   * Build indexes in a worker thread, so answers never wait for one, and keep the last one in
   * `file` (null: no file) so a restart reads it in seconds instead of indexing again.
   */
  cache?: {
    file: string | null;
    workerLoadTimeoutMs?: number;
    /**
     * Use the file only when it is current, and never write it: for one-shot commands (the CLI),
     * which cannot answer from a stale index while a new one is built, and must not replace the
     * cache a running bot keeps (with its fetched papers) with one of their own.
     */
    readOnly?: boolean;
  };
}

export async function createPaperbot(options: PaperbotOptions): Promise<Paperbot> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  const started = performance.now();
  // Answers always use `current`; a reload builds the next one aside and swaps it in one assignment.
  let current: { corpus: Corpus; engine: Engine } | undefined;
  const live = () => current!;
  const digests = options.digests ? createDigests(options.digests, { engine: () => live().engine, clock: options.clock, logger, reload: () => reloadOnce() }) : undefined;
  // Papers fetched from arXiv, re-checked against the schema in case it changed since they were stored.
  const extraPapers = (): Paper[] => (digests ? digests.store.arxivPapers().flatMap((p) => paperSchema.safeParse(p).data ?? []) : []);
  const fromSnapshot = (snapshot: EngineSnapshot, files: string[]) => {
    const engine = engineFromSnapshot(snapshot);
    return { corpus: { papers: [...engine.papers], issues: [...engine.issues], files }, engine };
  };
  /**
   * A build in a worker thread; a worker that never starts is tried once more, and then the
   * build runs in this thread, with a warning: answers wait for it, but it does finish.
   */
  const buildAside = async (request: BuildRequest, loadTimeoutMs?: number): Promise<BuiltSnapshot> => {
    const stalled = (err: unknown) => err instanceof PaperbotError && err.code === 'worker_stalled';
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        return await buildInWorker(request, loadTimeoutMs === undefined ? {} : { loadTimeoutMs });
      } catch (err) {
        if (!stalled(err)) throw err;
        logger.warn({ attempt, err: (err as Error).message }, 'corpus: the index build worker did not start');
      }
    }
    logger.warn({ dataDir }, 'corpus: building the index in the main thread instead; commands wait until it is done');
    return buildSnapshot(request);
  };
  /** The next engine: in a worker thread when caching (serving), else right here. */
  const build = async () => {
    const extra = extraPapers();
    if (!options.cache || options.cache.readOnly) {
      const corpus = withExtraPapers(await loadCorpus(dataDir, options.clock), extra);
      return { corpus, engine: createEngine(corpus) };
    }
    const now = options.clock();
    const file = options.cache.file;
    // No fingerprint (the data folder cannot be read): nothing to cache; loading says why.
    const fresh = file ? await fingerprint(dataDir, now, extra.map((p) => p.id)).catch(() => null) : null;
    const built = await buildAside(
      { dataDir, now: now.toISOString(), extraPapers: extra, ...(file && fresh ? { cache: { file, fingerprint: fresh } } : {}) },
      options.cache.workerLoadTimeoutMs,
    );
    const { loadMs, indexMs, cacheMs } = built.timings;
    if (built.cacheError) logger.warn({ file, err: built.cacheError }, 'corpus cache: cannot write it; the next start builds the index again');
    logger.info({ loadMs: Math.round(loadMs), indexMs: Math.round(indexMs), cacheMs: Math.round(cacheMs), cacheBytes: built.cacheBytes }, 'corpus: index built');
    return fromSnapshot(built.snapshot, built.files);
  };

  let stale = false;
  if (options.cache?.file) {
    const extra = extraPapers();
    // An unreadable data folder has no fingerprint: the build below says what is wrong with it.
    const expected = await fingerprint(dataDir, options.clock(), extra.map((p) => p.id)).catch(() => null);
    // Read-only, only a current cache will do: its header says so without reading the rest.
    const header = options.cache.readOnly && expected !== null ? await readCacheHeader(options.cache.file) : null;
    const wanted = expected !== null && (!options.cache.readOnly || (header?.fingerprint === expected && header.dataDir === dataDir));
    const cached = wanted ? await readCache(options.cache.file, (why) => logger.warn({ file: options.cache?.file, why }, 'corpus cache: not used')) : null;
    // A stale cache of this data folder still answers while the new index is built (unless
    // read-only: then only a current one does).
    if (cached && cached.dataDir === dataDir && (cached.fingerprint === expected || !options.cache.readOnly)) {
      current = fromSnapshot(cached.snapshot, cached.files);
      stale = cached.fingerprint !== expected;
    }
  }
  const fromCache = current !== undefined;
  if (!current) {
    if (options.cache && !options.cache.readOnly) logger.info({ dataDir }, 'corpus: building the index (first start, or the cache is missing); later starts read the cache');
    current = await build();
  }
  for (const issue of current.corpus.issues) logger.warn({ file: issue.file, line: issue.line, severity: issue.severity }, formatIssue(issue));
  logger.info(
    {
      papers: current.corpus.papers.length,
      files: current.corpus.files.length,
      skipped: current.corpus.issues.filter((i) => i.severity === 'skipped').length,
      ms: Math.round(performance.now() - started),
      ...(options.cache?.file ? { cache: !fromCache ? 'built' : stale ? 'stale' : 'used' } : {}),
    },
    'corpus loaded',
  );
  const tracker = createCommandTracker({
    logger,
    metrics: options.metrics ?? createMetrics(),
    hashId: createIdHasher(options.logHashKey),
    ...(options.rateLimit?.perMinute ? { rateLimiter: createRateLimiter(options.rateLimit) } : {}),
  });
  digests?.recordArrivals(live().corpus.papers.map((p) => p.id));

  const threads = createThreadMemory(options.threads);
  // Watch mode's cool-down runs on real time: PAPERBOT_NOW may freeze the corpus clock.
  const watch = digests ? createWatch({ db: digests.store.db, engine: () => live().engine, clock: options.clock, threads }) : undefined;

  let reloading: Promise<void> | undefined;
  const reload = async () => {
    const next = await build();
    current = next;
    const arrived = digests?.recordArrivals(next.corpus.papers.map((p) => p.id)) ?? 0;
    logger.info({ papers: next.corpus.papers.length, new: arrived }, 'corpus reloaded');
  };
  const reloadOnce = (): Promise<void> => {
    // Changes during a reload wait for it, then reload once more.
    const run = (reloading ?? Promise.resolve()).then(reload, reload);
    reloading = run.catch((err: unknown) => logger.error({ err: (err as Error).message }, 'corpus: reload failed; answers keep using the previous corpus'));
    return run;
  };
  if (stale) {
    logger.info({ dataDir }, 'corpus: the data changed since the cache was written; answering from the cache while the index is rebuilt');
    void reloadOnce().catch(() => undefined);
  }
  let watcher: FolderWatch | undefined;
  if (options.watch) {
    const debounceMs = typeof options.watch === 'object' ? options.watch.debounceMs : undefined;
    watcher = watchFolder(options.dataDir, () => void reloadOnce().catch(() => undefined), { logger: options.logger, ...(debounceMs !== undefined ? { debounceMs } : {}) });
  }

  return {
    get corpus() {
      return live().corpus;
    },
    get engine() {
      return live().engine;
    },
    commands: createCommandHandler(() => live().engine, logger, {
      ...(digests ? { digests: digests.commands } : {}),
      // Reading lists and watch mode share the digests' state file.
      ...(digests ? { lists: createListCommands({ store: createListStore(digests.store.db), engine: () => live().engine, clock: options.clock }) } : {}),
      ...(watch ? { watch } : {}),
    }),
    tracker,
    mentions: createMentions(threads),
    ...(watch ? { watch } : {}),
    ...(digests ? { digests } : {}),
    reload: reloadOnce,
    async close() {
      watcher?.close();
      await digests?.close();
    },
  };
}
