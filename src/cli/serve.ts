// `paperbot start` with Discord and/or Slack configured: the health server, the corpus, the
// adapters, then a graceful shutdown on SIGTERM or SIGINT (see signals.ts for the second signal).
import { createPaperbot, type Paperbot } from '../app.js';
import type { Clock } from '../corpus/dates.js';
import { DEFAULT_HEALTH_PORT, DEFAULT_RATE_LIMIT_PER_MINUTE, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createHealthServer } from '../ops/health-server.js';
import { createMetrics } from '../ops/metrics.js';
import { cacheFile, digestSettings } from '../digest/digest-settings.js';
import { watchSignals, type ShutdownSignals } from './signals.js';
import { configuredPlatforms, startAdapters, type RunningAdapter } from './start-adapters.js';

/** From the first signal to exit, at most. */
export const SHUTDOWN_DEADLINE_MS = 10_000;
/** How long commands in flight may take to finish; the rest of the deadline is for closing connections. */
export const DRAIN_MS = 7_000;

/** Something to close after the adapters have stopped, such as the state database. */
export interface Closable {
  name: string;
  close(): void | Promise<void>;
}

export interface ServeOptions {
  config: Config;
  logger: Logger;
  dataDir: string;
  clock: Clock;
  /** Closed in order after the adapters, e.g. the state database. */
  closables?: readonly Closable[];
  /** Default process.exit; the deadline and a second signal use it. */
  exit?: (code: number) => void;
}

/** Runs until a signal and a clean shutdown; resolves with the exit code (0). */
export async function serve(options: ServeOptions): Promise<number> {
  const { config, logger } = options;
  const platforms = configuredPlatforms(config);
  // What is in effect, for debugging a deployment; the logger redacts the secret variables.
  logger.debug({ config }, 'paperbot: configuration');
  const metrics = createMetrics();
  metrics.collectProcessMetrics();
  let bot: Paperbot | undefined;
  let adapters: RunningAdapter[] = [];
  let stopping = false;

  const health = createHealthServer({
    port: config.HEALTH_PORT ?? DEFAULT_HEALTH_PORT,
    host: config.HEALTH_HOST,
    metrics,
    logger,
    readiness: () => ({
      corpus: bot !== undefined,
      ...Object.fromEntries(platforms.map((p) => [p, adapters.find((a) => a.platform === p)?.isReady() ?? false])),
      accepting: !stopping,
    }),
  });
  // Listening first: /healthz answers while the corpus loads and the adapters connect.
  await health.listen();
  const signals = watchSignals({ logger, deadlineMs: SHUTDOWN_DEADLINE_MS, exit: options.exit ?? ((code) => process.exit(code)) });

  try {
    // Digests and folder watching only run here, when serving a chat platform (issue 5).
    bot = await createPaperbot({ dataDir: options.dataDir, clock: options.clock, logger, metrics, logHashKey: config.LOG_HASH_KEY, digests: digestSettings(config), cache: { file: cacheFile(config) }, watch: true, rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE ?? DEFAULT_RATE_LIMIT_PER_MINUTE } });
    adapters = await startAdapters(bot, config, logger);
  } catch (err) {
    signals.dispose();
    await bot?.close?.();
    await health.close();
    throw err;
  }
  logger.info({ platforms }, 'paperbot: serving');

  const signal = await signals.first;
  stopping = true;
  const running = bot;
  const closables = [...(options.closables ?? []), { name: 'state', close: () => running.close?.() }];
  return shutdown({ signal, bot, adapters, closables, close: () => health.close(), signals, logger });
}

async function shutdown(state: {
  signal: string;
  bot: Paperbot;
  adapters: RunningAdapter[];
  closables: readonly Closable[];
  close: () => Promise<void>;
  signals: ShutdownSignals;
  logger: Logger;
}): Promise<number> {
  const { bot, logger } = state;
  const started = performance.now();
  // 1. Stop taking commands (new ones are told the bot is restarting) and finish those in flight.
  logger.info({ signal: state.signal, inFlight: bot.tracker.inFlight }, 'shutdown: finishing the commands in flight');
  if (!(await bot.tracker.drain(DRAIN_MS))) logger.warn({ inFlight: bot.tracker.inFlight, waitedMs: DRAIN_MS }, 'shutdown: gave up waiting for commands in flight');
  // 2. Close the platform connections, then what they wrote to.
  const stops = await Promise.allSettled(state.adapters.map((a) => a.stop()));
  stops.forEach((result, i) => {
    if (result.status === 'rejected') logger.warn({ platform: state.adapters[i]?.platform, error: String(result.reason) }, 'shutdown: an adapter did not stop cleanly');
  });
  for (const closable of state.closables) {
    try {
      await closable.close();
    } catch (err) {
      logger.warn({ name: closable.name, error: String(err) }, 'shutdown: could not close');
    }
  }
  await state.close();
  state.signals.dispose();
  logger.info({ signal: state.signal, ms: Math.round(performance.now() - started) }, 'shutdown: done');
  return 0;
}
