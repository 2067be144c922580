// Wires the core together: loads the corpus, builds the engine and the command layer.
// The command line, the terminal chat and every chat adapter start from here; serving adds the
// digest state and a watch on the data folder that swaps in a rebuilt engine.
import { loadCorpus, type Corpus } from './corpus/load-corpus.js';
import { formatIssue, paperSchema, type Paper } from './corpus/paper.js';
import type { Clock } from './corpus/dates.js';
import { createEngine, type Engine } from './engine/engine.js';
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
}

export async function createPaperbot(options: PaperbotOptions): Promise<Paperbot> {
  const started = performance.now();
  const corpus = await loadCorpus(options.dataDir, options.clock);
  for (const issue of corpus.issues) options.logger.warn({ file: issue.file, line: issue.line, severity: issue.severity }, formatIssue(issue));
  const engine = createEngine(corpus);
  options.logger.info(
    { papers: corpus.papers.length, files: corpus.files.length, skipped: corpus.issues.filter((i) => i.severity === 'skipped').length, ms: Math.round(performance.now() - started) },
    'corpus loaded',
  );
  const tracker = createCommandTracker({
    logger: options.logger,
    metrics: options.metrics ?? createMetrics(),
    hashId: createIdHasher(options.logHashKey),
    ...(options.rateLimit?.perMinute ? { rateLimiter: createRateLimiter(options.rateLimit) } : {}),
  });
  // Answers always use `current`; a reload builds the next one aside and swaps it in one assignment.
  let current = { corpus, engine };
  const digests = options.digests ? createDigests(options.digests, { engine: () => current.engine, clock: options.clock, logger: options.logger, reload: () => reloadOnce() }) : undefined;
  // Papers fetched from arXiv, re-checked against the schema in case it changed since they were stored.
  const extraPapers = (): Paper[] => (digests ? digests.store.arxivPapers().flatMap((p) => paperSchema.safeParse(p).data ?? []) : []);
  const build = (next: Corpus) => {
    const ids = new Set(next.papers.map((p) => p.id));
    const extra = extraPapers().filter((p) => !ids.has(p.id));
    const merged = { ...next, papers: [...next.papers, ...extra] };
    return { corpus: merged, engine: createEngine(merged) };
  };
  if (digests && digests.store.arxivPapers().length > 0) current = build(corpus);
  digests?.recordArrivals(current.corpus.papers.map((p) => p.id));

  const threads = createThreadMemory(options.threads);
  // Watch mode's cool-down runs on real time: PAPERBOT_NOW may freeze the corpus clock.
  const watch = digests ? createWatch({ db: digests.store.db, engine: () => current.engine, clock: options.clock, threads }) : undefined;

  let reloading: Promise<void> | undefined;
  const reload = async () => {
    const next = build(await loadCorpus(options.dataDir, options.clock));
    current = next;
    const arrived = digests?.recordArrivals(next.corpus.papers.map((p) => p.id)) ?? 0;
    options.logger.info({ papers: next.corpus.papers.length, new: arrived }, 'corpus reloaded');
  };
  const reloadOnce = (): Promise<void> => {
    // Changes during a reload wait for it, then reload once more.
    const run = (reloading ?? Promise.resolve()).then(reload, reload);
    reloading = run.catch((err: unknown) => options.logger.error({ err: (err as Error).message }, 'corpus: reload failed; answers keep using the previous corpus'));
    return run;
  };
  let watcher: FolderWatch | undefined;
  if (options.watch) {
    const debounceMs = typeof options.watch === 'object' ? options.watch.debounceMs : undefined;
    watcher = watchFolder(options.dataDir, () => void reloadOnce().catch(() => undefined), { logger: options.logger, ...(debounceMs !== undefined ? { debounceMs } : {}) });
  }

  return {
    get corpus() {
      return current.corpus;
    },
    get engine() {
      return current.engine;
    },
    commands: createCommandHandler(() => current.engine, options.logger, {
      ...(digests ? { digests: digests.commands } : {}),
      // Reading lists and watch mode share the digests' state file.
      ...(digests ? { lists: createListCommands({ store: createListStore(digests.store.db), engine: () => current.engine, clock: options.clock }) } : {}),
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
