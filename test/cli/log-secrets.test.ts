// Secrets never reach a log: the bot runs as `npm start` does with fake tokens at LOG_LEVEL=debug,
// through commands, buttons, a failed reply, a refused login and shutdown, and every line it
// wrote is searched for every secret.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPaperbot } from '../../src/app.js';
import { createLogger } from '../../src/cli/create-logger.js';
import { parseConfig, SECRET_VARIABLES } from '../../src/config.js';
import { start as startSlack } from '../../adapters/slack/index.js';
import { createFakeSlack, postSlashCommand } from '../fakes/slack/fake-slack.js';
import { killBots, startBot, type BotProcess } from '../support/bot-process.js';
import { SECRETS, botEnv, createServingFakes, type ServingFakes } from '../support/serving-fakes.js';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  killBots();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakes(): Promise<ServingFakes> {
  const f = await createServingFakes();
  cleanups.push(() => f.close());
  return f;
}

/** Every secret, and the parts of the ones with a recognisable prefix (a log could show just the tail). */
function needles(): string[] {
  const values: string[] = Object.values(SECRETS);
  return [...values, ...values.map((v) => v.replace(/^(xoxb-|xapp-)/, '')), SECRETS.DISCORD_TOKEN.split('.')[1] ?? ''];
}

function leaks(text: string): Array<{ line: string; secret: string }> {
  return text.split('\n').flatMap((line) => needles().filter((s) => s !== '' && line.includes(s)).map((secret) => ({ line, secret })));
}

describe('GIVEN the bot serving Discord and Slack with fake secrets at LOG_LEVEL=debug', () => {
  it('THEN no line it writes, through commands, buttons, a failed reply and shutdown, contains any secret', { timeout: 60_000 }, async () => {
    expect(Object.keys(SECRETS).sort()).toEqual([...SECRET_VARIABLES].sort());
    const f = await fakes();
    const bot: BotProcess = startBot(botEnv(f, { LOG_LEVEL: 'debug' }));
    await bot.waitForLog((l) => l.msg === 'paperbot: serving', '"paperbot: serving"');
    await f.slack.waitForSocket();

    await (await f.discord.sendInteraction({ type: 2, data: { name: 'paper', options: [{ name: 'name', type: 3, value: 'deepseek-v3' }] } })).callback();
    await (await f.discord.sendInteraction({ type: 3, data: { custom_id: 'pb:full:deepseek-v3' } })).callback();
    const slash = f.slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3', token: 'verification-token-in-payload' });
    await f.slack.waitForResponse(slash.responseUrlId);
    const click = f.slack.sendInteractive({ token: 'verification-token-in-payload', actions: [{ type: 'button', action_id: 'pb:related:deepseek-v3', block_id: 'b1', action_ts: '1700000002.000001' }] });
    await f.slack.waitForResponse(click.responseUrlId);
    // A reply that cannot be delivered: the failure path logs too.
    f.slack.sendSlashCommand({ command: '/help', response_url: 'http://127.0.0.1:9/unreachable' });
    await bot.waitForLog((l) => l.msg === 'command failed', 'for the undeliverable reply');

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const all = `${bot.output.stderr}\n${bot.output.stdout}`;
    // Not vacuous: debug lines (Bolt's payloads among them) and the four command lines were written.
    expect(bot.logs().filter((l) => l.level === 20).length).toBeGreaterThan(5);
    expect(bot.logs().filter((l) => l.msg === 'command' || l.msg === 'command failed')).toHaveLength(5);
    expect(leaks(all)).toEqual([]);
  });

  it('WHEN Discord refuses the token THEN the one error line and exit 1, without the token', async () => {
    const f = await fakes();
    const bot = startBot(botEnv(f, { LOG_LEVEL: 'debug', DISCORD_TOKEN: `${SECRETS.DISCORD_TOKEN}-wrong` }));
    const { code } = await bot.exit;
    expect(code).toBe(1);
    expect(bot.output.stderr).toContain('discord: could not log in');
    expect(leaks(bot.output.stderr)).toEqual([]);
  });
});

describe('GIVEN the Slack adapter in HTTP mode logging through the production logger at debug', () => {
  it('THEN a signed command is answered and no line contains the signing secret or a token', async () => {
    const slack = await createFakeSlack();
    cleanups.push(() => slack.close());
    const lines: string[] = [];
    const config = parseConfig({ SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, LOG_LEVEL: 'debug' });
    const logger = createLogger({ level: 'debug', pretty: false, secrets: Object.values(SECRETS), destination: { write: (line) => lines.push(line) } });
    const bot = await createPaperbot({ dataDir: 'data', clock: () => new Date('2026-11-22T12:00:00Z'), logger });
    const adapter = await startSlack(bot, config, logger, { port: 0, host: '127.0.0.1' });
    cleanups.push(() => adapter.stop());
    const result = await postSlashCommand(adapter.url ?? '', { signingSecret: SECRETS.SLACK_SIGNING_SECRET, fields: { command: '/paper', text: 'janus-pro', response_url: slack.responseUrl('r') } });
    expect(result.status).toBe(200);
    await slack.waitForResponse('r');
    // The command's line is written once Slack has taken the reply.
    await vi.waitFor(() => expect(lines.some((l) => l.includes('"msg":"command"'))).toBe(true));
    expect(lines.some((l) => l.includes('"level":20'))).toBe(true);
    expect(leaks(lines.join(''))).toEqual([]);
  });
});
