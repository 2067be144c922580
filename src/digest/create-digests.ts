// Daily digests wired together: the state file, the scheduler, the /digest commands, and the
// arrival times of the corpus's papers. Adapters connect their post port; the first one starts
// the schedule and the last one to disconnect stops it.
import { hostname } from 'node:os';
import type { Clock } from '../corpus/dates.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../logger.js';
import { openState } from '../state/open-state.js';
import { createStateStore, type StateStore } from '../state/state-store.js';
import { createDigestCommands, type DigestCommands } from './digest-commands.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions, type PostPort } from './scheduler.js';
import { createArxivFeed, type ArxivSettings } from '../feeds/arxiv-feed.js';

export interface DigestSettings {
  /** The SQLite state file (PAPERBOT_STATE). */
  file: string;
  /** A new subscription's time and zone (DIGEST_DEFAULT_TIME, DIGEST_DEFAULT_ZONE). */
  defaults?: { time: string; zone: string };
  maxPapers?: number;
  tickMs?: number;
  leaseMs?: number;
  /** Whether connecting an adapter starts the timer (tests drive `scheduler.tick()` themselves). */
  autoStart?: boolean;
  beforeTick?: DigestSchedulerOptions['beforeTick'];
  /** ARXIV_CATEGORIES set: fetch new papers once a day before the earliest digest. */
  arxiv?: ArxivSettings;
}

export interface Digests {
  store: StateStore;
  scheduler: DigestScheduler;
  commands: DigestCommands;
  /** Gives papers not seen before their arrival time (now); returns how many were new. */
  recordArrivals(paperIds: readonly string[]): number;
  /** The arXiv feed, when ARXIV_CATEGORIES is set. */
  arxiv?: ReturnType<typeof createArxivFeed>;
  /** An adapter's post port; returns the disconnect. */
  connect(platform: string, post: PostPort): () => Promise<void>;
  close(): Promise<void>;
}

/** This process, in the claims it makes: host, pid and start time (a restarted pid 1 is a new process). */
const PROCESS_ID = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;

/** A claim's holder on this host is gone when its pid is not running (or is ours, from an earlier run). */
export function isHolderAlive(holder: string): boolean {
  const [host, pid] = holder.split(':');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return true; // another machine: trust the lease
  if (Number(pid) === process.pid) return holder === PROCESS_ID;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function createDigests(settings: DigestSettings, deps: { engine: () => Engine; clock: Clock; logger: Logger; reload: () => Promise<void> }): Digests {
  const store = createStateStore(openState(settings.file));
  const arxiv = settings.arxiv ? createArxivFeed(settings.arxiv, { store, clock: deps.clock, logger: deps.logger, reload: deps.reload }) : undefined;
  const beforeTick = async (now: Date) => {
    await arxiv?.beforeTick(now);
    await settings.beforeTick?.(now);
  };
  const defaults = settings.defaults ?? { time: '09:00', zone: 'UTC' };
  const scheduler = createDigestScheduler({
    store,
    engine: deps.engine,
    clock: deps.clock,
    logger: deps.logger,
    processId: PROCESS_ID,
    isHolderAlive,
    ...(settings.maxPapers !== undefined ? { maxPapers: settings.maxPapers } : {}),
    ...(settings.tickMs !== undefined ? { tickMs: settings.tickMs } : {}),
    ...(settings.leaseMs !== undefined ? { leaseMs: settings.leaseMs } : {}),
    beforeTick,
  });
  const commands = createDigestCommands({ store, scheduler, engine: deps.engine, clock: deps.clock, defaults });
  const connected = new Set<string>();
  let started = false;
  let closed = false;

  return {
    store,
    scheduler,
    commands,
    ...(arxiv ? { arxiv } : {}),
    recordArrivals: (ids) => store.recordArrivals(ids, deps.clock()),
    connect(platform, post) {
      scheduler.connect(platform, post);
      connected.add(platform);
      if (settings.autoStart !== false && !started) {
        started = true;
        scheduler.start();
      }
      return async () => {
        connected.delete(platform);
        if (connected.size === 0 && started) {
          started = false;
          await scheduler.stop();
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await scheduler.stop();
      store.close();
    },
  };
}
