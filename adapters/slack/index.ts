// The Slack adapter's entry, started by `npm start` when SLACK_BOT_TOKEN is set: Socket Mode with
// SLACK_APP_TOKEN, otherwise HTTP mode on PORT verifying SLACK_SIGNING_SECRET.
import type { AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import type { Paperbot } from '../../src/app.js';
import type { RunningAdapter } from '../../src/cli/start-adapters.js';
import { COMMAND_NAMES } from '../../src/commands/definitions.js';
import type { Config } from '../../src/config.js';
import { PaperbotError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { createSlackApp, slackMode, type SlackMode } from './app.js';
import { redact } from './bolt-logger.js';
import { createSeenDeliveries } from './dedupe.js';
import { slackCommandName } from './listeners/commands/slash-command.js';
import { registerListeners } from './listeners/index.js';
import { createSlackPoster } from './post-message.js';

export const DEFAULT_PORT = 3000;

/** Knobs for tests; `npm start` passes none, and every default is what production uses. */
export interface SlackStartOptions {
  /** Socket Mode: pong timeout, which is also the wait before reconnecting (Bolt's default 5000 ms). */
  readonly clientPingTimeoutMs?: number;
  /** HTTP mode: listen on this port instead of PORT (0: any free port). */
  readonly port?: number;
  /** HTTP mode: listen on this address only (default: all interfaces, as Slack must reach it). */
  readonly host?: string;
}

export interface SlackAdapter extends RunningAdapter {
  readonly platform: 'slack';
  readonly mode: SlackMode;
  /** The slash command names registered, e.g. ['/paper', …] or ['/pb-paper', …]. */
  readonly commands: readonly string[];
  /** HTTP mode: where Slack must send commands and interactions (`…/slack/events`). */
  readonly url?: string;
}

function boltLevel(config: Config): LogLevel {
  return config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? LogLevel.DEBUG : LogLevel.INFO;
}

/** A Slack Web API failure as one sentence that says what to check, without the token. */
function startError(step: string, fix: string, err: unknown, secrets: string[]): PaperbotError {
  const data = (err as { data?: { error?: unknown } }).data;
  const reason = typeof data?.error === 'string' ? data.error : err instanceof Error ? err.message : String(err);
  return new PaperbotError('slack_start', `slack: ${step} failed (${redact(reason, secrets)}); ${fix}`, { cause: err });
}

export async function start(bot: Paperbot, config: Config, logger: Logger, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  const botToken = config.SLACK_BOT_TOKEN;
  if (!botToken) throw new PaperbotError('slack_config', 'slack: SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from the app\'s OAuth & Permissions page');
  const mode = slackMode({ appToken: config.SLACK_APP_TOKEN });
  if (mode === 'http' && !config.SLACK_SIGNING_SECRET) {
    throw new PaperbotError('slack_config', 'slack: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode');
  }
  const secrets = [botToken, config.SLACK_APP_TOKEN ?? '', config.SLACK_SIGNING_SECRET ?? ''].filter((s) => s !== '');
  const commandPrefix = config.SLACK_COMMAND_PREFIX ?? '';
  const { app, socketConnected } = createSlackApp({
    botToken,
    appToken: config.SLACK_APP_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    apiUrl: config.SLACK_API_URL,
    logger,
    logLevel: boltLevel(config),
    clientPingTimeoutMs: options.clientPingTimeoutMs,
  });
  registerListeners(app, { bot, logger, commandPrefix, seen: createSeenDeliveries(), digestAdmins: config.SLACK_DIGEST_ADMINS });

  try {
    await app.init();
  } catch (err) {
    throw startError('auth.test with SLACK_BOT_TOKEN', `check the Bot User OAuth Token${config.SLACK_API_URL ? ` and SLACK_API_URL (${config.SLACK_API_URL})` : ''}`, err, secrets);
  }

  let url: string | undefined;
  let listening: (() => boolean) | undefined;
  try {
    if (mode === 'socket') {
      await app.start();
    } else {
      const port = options.port ?? config.PORT ?? DEFAULT_PORT;
      const server = await app.start(options.host === undefined ? { port } : { port, host: options.host });
      listening = () => server.listening;
      const address = server.address() as AddressInfo | null;
      url = `http://${options.host ?? 'localhost'}:${address?.port ?? port}/slack/events`;
    }
  } catch (err) {
    await app.stop().catch(() => undefined);
    throw mode === 'socket'
      ? startError('opening the Socket Mode connection', 'check SLACK_APP_TOKEN (an app-level token with connections:write) and that Socket Mode is on', err, secrets)
      : startError(`listening for Slack on port ${options.port ?? config.PORT ?? DEFAULT_PORT}`, 'choose another PORT', err, secrets);
  }

  const commands = COMMAND_NAMES.map((name) => slackCommandName(name, commandPrefix));
  logger.info({ mode, commands, ...(url === undefined ? {} : { url }) }, 'slack adapter started');
  // Daily digests post with chat.postMessage once the app is up.
  const disconnectDigests = bot.digests?.connect('slack', createSlackPoster(app, commandPrefix));
  let stopped = false;
  return {
    platform: 'slack',
    mode,
    commands,
    ...(url === undefined ? {} : { url }),
    isReady: () => !stopped && (mode === 'socket' ? socketConnected() : (listening?.() ?? false)),
    async stop() {
      if (stopped) return;
      stopped = true;
      await disconnectDigests?.();
      await app.stop();
      logger.info({}, 'slack: stopped');
    },
  };
}
