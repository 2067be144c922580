// The one place every platform's commands pass through: each is counted while in flight, logged
// as one line (command, platform, latency, outcome, hashed ids) and measured, and shutdown
// waits for the ones in flight after it stops taking new ones. A user over the rate limit is told
// to slow down instead of being answered.
import type { CommandInput } from '../commands/command.js';
import { COMMAND_NAMES } from '../commands/definitions.js';
import type { CommandHandler } from '../commands/handle.js';
import { asPaperbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { errorReply, type Reply } from '../reply.js';
import type { IdHasher } from './hash-id.js';
import type { Metrics } from './metrics.js';
import { slowDownMessage, type RateLimiter } from './rate-limit.js';

/** Where a command came from, for the log line (ids are hashed there) and the metrics' labels. */
export interface CommandOrigin {
  readonly platform: string;
  readonly userId?: string | undefined;
  readonly channelId?: string | undefined;
}

export type CommandOutcome = 'ok' | 'rejected' | 'failed' | 'refused';

export interface CommandTracker {
  /**
   * Runs one command from a chat platform, from receipt until the platform took the reply. `work`
   * answers through the handler it is given (which calls `commands`); the returned promise settles
   * as `work` does. Once shutdown began, that handler answers "restarting" instead of running.
   */
  run<T>(context: CommandOrigin, commands: CommandHandler, work: (commands: CommandHandler) => Promise<T>): Promise<T>;
  readonly inFlight: number;
  readonly accepting: boolean;
  /** Stops taking commands; true once none is in flight, false if some still are after `timeoutMs`. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** What the tracked handler saw of one command. */
interface Seen {
  input?: CommandInput;
  reply?: Reply;
  refused: boolean;
  /** The core threw (rather than the platform refusing the reply). */
  threw: boolean;
}

export const RESTARTING_MESSAGE = 'paperbot is restarting. Try again in a minute.';

function commandLabel(input: CommandInput | undefined): string {
  const name = (input as { command?: unknown } | undefined)?.command;
  // Only known names become labels: the input is not validated yet, and labels must stay few.
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name) ? name : 'unknown';
}

export function createCommandTracker(options: { logger: Logger; metrics: Metrics; hashId: IdHasher; rateLimiter?: RateLimiter }): CommandTracker {
  const { logger, metrics, hashId, rateLimiter } = options;
  let inFlight = 0;
  let accepting = true;
  const idle = new Set<() => void>();

  function settle(context: CommandOrigin, started: number, seen: Seen, failure: { error: unknown } | undefined): void {
    const seconds = (performance.now() - started) / 1000;
    const command = commandLabel(seen.input);
    let outcome: CommandOutcome;
    let code: string | undefined;
    if (failure !== undefined) {
      outcome = 'failed';
      code = seen.threw ? 'internal' : 'send';
    } else if (seen.refused) {
      outcome = 'refused';
    } else if (seen.reply === undefined) {
      // The adapter answered by itself: a command or button this bot does not have.
      outcome = 'rejected';
      code = 'unknown_command';
    } else if (seen.reply.kind === 'error') {
      code = seen.reply.code;
      outcome = code === 'internal' ? 'failed' : 'rejected';
    } else {
      outcome = 'ok';
    }
    const { platform } = context;
    metrics.commands.inc({ platform, command, outcome });
    if (outcome === 'failed') metrics.errors.inc({ platform, command, code: code === 'internal' ? 'internal' : 'send' });
    metrics.latency.observe({ platform, command }, seconds);
    const line = {
      command,
      platform,
      outcome,
      ms: Math.round(seconds * 10_000) / 10,
      ...(code === undefined ? {} : { code }),
      ...(seen.reply && seen.reply.kind !== 'error' ? { reply: seen.reply.kind } : {}),
      ...(failure === undefined ? {} : { error: asPaperbotError(failure.error).code }),
      user: hashId(platform, context.userId),
      channel: hashId(platform, context.channelId),
    };
    if (outcome === 'failed') logger.warn(line, 'command failed');
    else logger.info(line, 'command');
  }

  return {
    get inFlight() {
      return inFlight;
    },
    get accepting() {
      return accepting;
    },
    async run(context, commands, work) {
      const started = performance.now();
      const seen: Seen = { refused: false, threw: false };
      // One token per command from a known user, taken when it reaches the core.
      let limited: Reply | undefined;
      let checked = false;
      const overLimit = (): Reply | undefined => {
        if (checked || !rateLimiter || context.userId === undefined) return limited;
        checked = true;
        const taken = rateLimiter.take(`${context.platform}:${context.userId}`);
        if (!taken.ok) limited = errorReply('rate_limited', slowDownMessage(taken.retryAfterSeconds));
        return limited;
      };
      const tracked: CommandHandler = {
        handle(input, commandContext) {
          seen.input = input;
          const slowDown = accepting ? overLimit() : undefined;
          if (!accepting) {
            seen.refused = true;
            seen.reply = errorReply('shutting_down', RESTARTING_MESSAGE);
          } else if (slowDown) {
            seen.reply = slowDown;
          } else {
            try {
              seen.reply = commands.handle(input, commandContext);
            } catch (err) {
              seen.threw = true;
              throw err;
            }
          }
          return seen.reply;
        },
      };
      inFlight += 1;
      metrics.inFlight.inc({ platform: context.platform });
      let outcome: { ok: true; value: Awaited<ReturnType<typeof work>> } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await work(tracked) };
      } catch (error) {
        outcome = { ok: false, error };
      } finally {
        inFlight -= 1;
        metrics.inFlight.dec({ platform: context.platform });
        if (inFlight === 0) for (const wake of [...idle]) wake();
      }
      settle(context, started, seen, outcome.ok ? undefined : { error: outcome.error });
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
    drain(timeoutMs) {
      accepting = false;
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (drained: boolean) => {
          clearTimeout(timer);
          idle.delete(wake);
          resolve(drained);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        idle.add(wake);
      });
    },
  };
}
