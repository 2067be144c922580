// Runs the Discord adapter through the `start` that `npm start` calls (adapters/discord/index.ts)
// against the fake Discord, and checks after every test that no callback missed Discord's deadline.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createPaperbot, type Paperbot } from '../../../src/app.js';
import type { RunningAdapter } from '../../../src/cli/start-adapters.js';
import { start } from '../../../adapters/discord/index.js';
import { parseConfig, type Config } from '../../../src/config.js';
import { createRecordingLogger, type LogRecord } from '../../../src/logger.js';
import {
  createFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
  type FakeInteraction,
  type JsonObject,
} from '../../fakes/discord/fake-discord.js';

export const NOW = new Date('2026-11-22T12:00:00Z');
const clock = () => NOW;

const cleanups: Array<() => Promise<void> | void> = [];

/** Call once at the top of a test file: stops bots and fakes after each test and checks the deadline. */
export function useDiscordHarness(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
}

const bots = new Map<string, Promise<Paperbot>>();

/** A real Paperbot over `dataDir`, built once per directory and test file. */
export function paperbot(dataDir = 'data'): Promise<Paperbot> {
  let bot = bots.get(dataDir);
  if (!bot) {
    bot = createPaperbot({ dataDir, clock, logger: createRecordingLogger() });
    bots.set(dataDir, bot);
  }
  return bot;
}

/** A temporary data directory holding `files` (name -> text), removed after the test file's tests. */
export async function tempDataDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'paperbot-discord-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export interface Harness {
  fake: FakeDiscord;
  bot: Paperbot;
  config: Config;
  logs: LogRecord[];
  adapter: RunningAdapter;
  slash(name: string, options?: Record<string, string>): Promise<FakeInteraction>;
  autocomplete(name: string, option: string, value: string): Promise<FakeInteraction>;
  click(customId: string, messageId?: string, user?: { id: string; username: string }): Promise<FakeInteraction>;
  select(customId: string, value: string, messageId?: string): Promise<FakeInteraction>;
}

/** The config `npm start` would parse from the environment, pointing at the fake. */
export function fakeConfig(fake: FakeDiscord, extra: Record<string, string> = {}): Config {
  return parseConfig({ DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl, ...extra });
}

/** Callbacks the fake refused as too late (10062); the deadline is far away, so there must be none. */
export function lateCallbacks(fake: FakeDiscord): unknown[] {
  return fake.requests.filter((r) => r.path.endsWith('/callback') && (r.response as { code?: number } | undefined)?.code === 10062);
}

export async function startHarness(
  options: { dataDir?: string; fake?: FakeDiscordOptions; wrap?: (bot: Paperbot) => Paperbot; allowProtocolErrors?: boolean; env?: Record<string, string> } = {},
): Promise<Harness> {
  // A deadline no test can reach: the 10062 answer itself is proven in the fake's own tests.
  const fake = await createFakeDiscord({ heartbeatIntervalMs: 1000, interactionTimeoutMs: 60_000, ...options.fake });
  cleanups.push(async () => {
    await fake.close();
    expect(lateCallbacks(fake)).toEqual([]);
    if (!options.allowProtocolErrors) expect(fake.protocolErrors).toEqual([]);
  });
  const real = await paperbot(options.dataDir);
  const bot = options.wrap ? options.wrap(real) : real;
  const logger = createRecordingLogger();
  const config = fakeConfig(fake, options.env);
  // startAdapters imports this same function by a computed path, which vitest cannot resolve;
  // process.test.ts runs the real `npm start` entry instead.
  const adapter = await start(bot, config, logger);
  cleanups.push(() => adapter.stop());
  const options3 = (values: Record<string, string>) => Object.entries(values).map(([name, value]) => ({ name, type: 3, value }));
  return {
    fake,
    bot,
    config,
    logs: logger.records,
    adapter,
    slash: (name, values = {}) => fake.sendInteraction({ type: 2, data: { name, options: options3(values) } }),
    autocomplete: (name, option, value) =>
      fake.sendInteraction({ type: 4, data: { name, options: [{ name: option, type: 3, value, focused: true }] } }),
    click: (customId, messageId, user) =>
      fake.sendInteraction({ type: 3, data: { custom_id: customId }, ...(messageId ? { messageId } : {}), ...(user ? { user } : {}) }),
    select: (customId, value, messageId) =>
      fake.sendInteraction({ type: 3, data: { custom_id: customId, component_type: 3, values: [value] }, ...(messageId ? { messageId } : {}) }),
  };
}

/** The embeds, components and flags of a callback's message data. */
export function messageOf(data: JsonObject | undefined): { embeds: JsonObject[]; components: JsonObject[]; flags: number; content: string | undefined } {
  return {
    embeds: (data?.['embeds'] as JsonObject[] | undefined) ?? [],
    components: (data?.['components'] as JsonObject[] | undefined) ?? [],
    flags: typeof data?.['flags'] === 'number' ? data['flags'] : 0,
    content: typeof data?.['content'] === 'string' ? data['content'] : undefined,
  };
}

/** Every component (buttons, selects) across a message's action rows. */
export function componentsOf(data: JsonObject | undefined): JsonObject[] {
  return messageOf(data).components.flatMap((row) => (row['components'] as JsonObject[] | undefined) ?? []);
}
