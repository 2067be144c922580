// The real entry points as a user runs them: `npm start` (tsx src/cli/main.ts start) with
// DISCORD_TOKEN set answers slash commands, and `paperbot discord register --guild` registers them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/commands/definitions.js';
import { createFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { lateCallbacks, messageOf } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

const children: ChildProcess[] = [];
const fakes: FakeDiscord[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const fake of fakes.splice(0)) {
    await fake.close();
    expect(lateCallbacks(fake)).toEqual([]);
  }
});

function run(args: string[], env: Record<string, string>): { child: ChildProcess; output: { stdout: string; stderr: string }; exit: Promise<number | null> } {
  // Only what the bot needs: no tokens leak in from the environment running the tests.
  const child = spawn(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exit };
}

async function fake(): Promise<FakeDiscord> {
  // Generous waits: a child process starting tsx on a loaded 2-core machine can take a while.
  const f = await createFakeDiscord({ interactionTimeoutMs: 60_000, waitTimeoutMs: 60_000 });
  fakes.push(f);
  return f;
}

describe('GIVEN the paperbot command line with DISCORD_TOKEN set', () => {
  it('WHEN npm start runs THEN the Discord adapter answers /paper deepseek-v3 and stops on SIGTERM', async () => {
    const discord = await fake();
    // The health server on a free loopback port, not the default 8080 on every interface.
    const env = { DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: discord.applicationId, DISCORD_API_URL: discord.restUrl, PAPERBOT_NOW: '2026-11-22', LOG_LEVEL: 'info', HEALTH_PORT: '0', HEALTH_HOST: '127.0.0.1', PAPERBOT_STATE: path.join(mkdtempSync(path.join(os.tmpdir(), 'paperbot-state-')), 'paperbot.db') };
    const bot = run(['start'], env);
    // Should the bot never connect, say what it logged: a timeout alone tells nothing.
    await discord.waitForIdentify().catch((err: Error) => {
      throw new Error(`${err.message}; exit code ${bot.child.exitCode}; the bot's log:\n${bot.output.stderr.slice(-4000)}`);
    });
    const callback = await (await discord.sendInteraction({ type: 2, data: { name: 'paper', options: [{ name: 'name', type: 3, value: 'deepseek-v3' }] } })).callback();
    expect(messageOf(callback.data).embeds[0]?.['title']).toBe('DeepSeek-V3 Technical Report');

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.output.stderr).toContain('discord: connected');
    expect(bot.output.stderr).toContain('discord: stopped');
    expect(bot.output.stderr).not.toContain('fake-token');
  }, 120_000);

  it('WHEN paperbot discord register --guild runs THEN the commands are registered and printed', async () => {
    const discord = await fake();
    const cli = run(['discord', 'register', '--guild', discord.guildId], { DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: discord.applicationId, DISCORD_API_URL: discord.restUrl });
    expect(await cli.exit).toBe(0);
    expect(cli.output.stdout).toContain(`in server ${discord.guildId}`);
    expect(discord.guildCommands.map((c) => c['name'])).toEqual(COMMANDS.map((c) => c.name));
  }, 120_000);
});
