// Starts the real Slack adapter the way `npm start` does (config parsed by the core's schema, the
// adapter's start()) against the fake Slack, with a real paperbot whose command calls are counted.
import { createPaperbot, type Paperbot } from '../../../src/app.js';
import type { CommandInput } from '../../../src/commands/command.js';
import { parseConfig } from '../../../src/config.js';
import { createRecordingLogger, type LogRecord, type Logger } from '../../../src/logger.js';
import type { Reply } from '../../../src/reply.js';
import { start, type SlackAdapter, type SlackStartOptions } from '../../../adapters/slack/index.js';
import { createFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';

export const TEST_NOW = new Date('2026-11-22T12:00:00Z');
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
export const SIGNING_SECRET = 'test-signing-secret-0123';

export interface CountingBot extends Paperbot {
  /** Every input the Slack adapter passed to the core, in order. */
  readonly handled: CommandInput[];
  /** Makes the next commands throw, as an unexpected bug in the core would. */
  failWith(error: Error | undefined): void;
}

export async function createCountingBot(logger: Logger): Promise<CountingBot> {
  const bot = await createPaperbot({ dataDir: 'data', clock: () => TEST_NOW, logger });
  const handled: CommandInput[] = [];
  let failure: Error | undefined;
  const inner = bot.commands;
  return {
    ...bot,
    handled,
    failWith(error) {
      failure = error;
    },
    commands: {
      handle(input): Reply {
        handled.push(input);
        if (failure !== undefined) throw failure;
        return inner.handle(input);
      },
    },
  };
}

export interface SlackFixture {
  readonly slack: FakeSlack;
  readonly adapter: SlackAdapter;
  readonly bot: CountingBot;
  readonly logs: LogRecord[];
  /** Stops the adapter, then the fake (the other order makes Socket Mode reconnect). */
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly mode: 'socket' | 'http';
  /** Extra environment, e.g. SLACK_COMMAND_PREFIX or LOG_LEVEL. */
  readonly env?: Record<string, string>;
  /** Runs before start, e.g. to make auth.test fail. */
  readonly beforeStart?: (slack: FakeSlack) => void;
}

export async function startSlack(options: FixtureOptions): Promise<SlackFixture> {
  const slack = await createFakeSlack();
  const logger = createRecordingLogger();
  try {
    options.beforeStart?.(slack);
    const bot = await createCountingBot(logger);
    const env: Record<string, string> = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
      ...options.env,
    };
    // Short ping timeout so a reconnect takes well under a second; HTTP on a free loopback port.
    const startOptions: SlackStartOptions = options.mode === 'socket' ? { clientPingTimeoutMs: 600 } : { port: 0, host: '127.0.0.1' };
    const adapter = await start(bot, parseConfig(env), logger, startOptions);
    if (options.mode === 'socket') await slack.waitForSocket();
    return {
      slack,
      adapter,
      bot,
      logs: logger.records,
      async close() {
        await adapter.stop();
        await slack.close();
      },
    };
  } catch (err) {
    await slack.close();
    throw err;
  }
}

/** Every string in a Block Kit payload that Slack reads as mrkdwn (section/context text and the fallback). */
export function mrkdwnStrings(message: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof message['text'] === 'string') out.push(message['text']);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'mrkdwn' && typeof record['text'] === 'string') out.push(record['text']);
      Object.values(record).forEach(visit);
    }
  };
  visit(message['blocks']);
  return out;
}

export interface ButtonJson {
  text: { text: string };
  action_id: string;
  value?: string;
  url?: string;
}

/** The buttons of the message's actions blocks and section accessories. */
export function buttonsOf(message: Record<string, unknown>): ButtonJson[] {
  const blocks = (message['blocks'] ?? []) as Array<{ type: string; elements?: ButtonJson[]; accessory?: ButtonJson }>;
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : b.accessory ? [b.accessory] : []));
}
