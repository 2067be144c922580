// `paperbot start` serving Discord and Slack (the fakes on 127.0.0.1) in a child process, as in
// production: the health endpoints, one log line and metrics per command, graceful shutdown.
import { afterEach, describe, expect, it } from 'vitest';
import { RESTARTING_MESSAGE } from '../../src/ops/command-tracker.js';
import { getHealth, killBots, startBot, type BotProcess, type LogLine } from '../support/bot-process.js';
import { metricValue } from '../support/metrics-text.js';
import { runCli } from '../support/run-cli.js';
import { botEnv, createServingFakes, type ServingFakes } from '../support/serving-fakes.js';

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

async function serving(f: ServingFakes, extra: Record<string, string> = {}): Promise<{ bot: BotProcess; port: number }> {
  const bot = startBot(botEnv(f, extra));
  const port = await bot.healthPort();
  await bot.waitForLog((l) => l.msg === 'paperbot: serving', '"paperbot: serving"');
  await f.slack.waitForSocket();
  return { bot, port };
}

const commandLines = (bot: BotProcess): LogLine[] => bot.logs().filter((l) => l.msg === 'command' || l.msg === 'command failed');

describe('GIVEN paperbot start with Discord and Slack configured', () => {
  it('THEN /healthz and /readyz answer 200 with every check named, and anything else 404', async () => {
    const f = await fakes();
    const { bot, port } = await serving(f);
    expect(await getHealth(port, '/healthz')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(await getHealth(port, '/readyz')).toMatchObject({ status: 200, json: { status: 'ready', checks: { corpus: true, discord: true, slack: true, accepting: true } } });
    expect((await getHealth(port, '/nope')).status).toBe(404);
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });

  it('WHEN a command comes from each platform THEN one log line each with command, platform, latency, outcome and hashed ids, and /metrics counts them', async () => {
    const f = await fakes();
    const { bot, port } = await serving(f);
    const interaction = await f.discord.sendInteraction({ type: 2, data: { name: 'paper', options: [{ name: 'name', type: 3, value: 'deepseek-v3' }] } });
    await interaction.callback();
    const delivery = f.slack.sendSlashCommand({ command: '/search', text: 'year:oops', user_id: 'U0SECRETUSER', channel_id: 'C0SECRETCHAN' });
    await f.slack.waitForResponse(delivery.responseUrlId);
    await bot.waitForLog((l) => l.msg === 'command' && l['platform'] === 'slack', 'for the Slack command');

    const lines = commandLines(bot);
    expect(lines).toHaveLength(2);
    const [discordLine, slackLine] = [lines.find((l) => l['platform'] === 'discord'), lines.find((l) => l['platform'] === 'slack')];
    expect(discordLine).toMatchObject({ level: 30, command: 'paper', outcome: 'ok', reply: 'paper', ms: expect.any(Number), user: expect.stringMatching(/^[0-9a-f]{16}$/), channel: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(slackLine).toMatchObject({ command: 'search', outcome: 'rejected', code: 'bad_filter', user: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const raw = JSON.stringify(lines);
    for (const id of ['U0SECRETUSER', 'C0SECRETCHAN', String(interaction.payload['channel_id']), String((interaction.payload['member'] as { user: { id: string } }).user.id)]) expect(raw).not.toContain(id);

    const metrics = (await getHealth(port, '/metrics')).body;
    expect(metricValue(metrics, 'paperbot_commands_total', { platform: 'discord', command: 'paper', outcome: 'ok' })).toBe(1);
    expect(metricValue(metrics, 'paperbot_commands_total', { platform: 'slack', command: 'search', outcome: 'rejected' })).toBe(1);
    expect(metricValue(metrics, 'paperbot_command_duration_seconds_count', { platform: 'discord', command: 'paper' })).toBe(1);
    expect(metricValue(metrics, 'paperbot_commands_in_flight', { platform: 'slack' })).toBe(0);
    expect(metrics).toContain('# TYPE paperbot_command_errors_total counter');
    expect(metrics).toContain('paperbot_process_resident_memory_bytes');
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });
});

describe('GIVEN the bot serving', () => {
  it('WHEN paperbot healthcheck runs on the same machine THEN it prints ok and exits 0; with nothing listening, unhealthy and 1', async () => {
    const f = await fakes();
    const { bot, port } = await serving(f);
    const ok = await runCli(['healthcheck'], { env: { HEALTH_PORT: String(port) } });
    expect(ok).toMatchObject({ code: 0, stdout: `ok: http://127.0.0.1:${port}/healthz answered 200\n` });
    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const down = await runCli(['healthcheck'], { env: { HEALTH_PORT: String(port) } });
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/^unhealthy: http:\/\/127\.0\.0\.1:\d+\/healthz did not answer \(ECONNREFUSED\)/);
  });
});

describe('GIVEN start with missing and malformed variables', () => {
  it('THEN one message lists every problem by name with what to do, no stack trace, nothing served', async () => {
    const { code, stdout, stderr } = await runCli(['start'], {
      env: { DISCORD_TOKEN: 'x', HEALTH_PORT: 'eighty', PAPERBOT_DATA: '', HEALTH_HOST: 'not a host', LOG_HASH_KEY: 'short', LOG_LEVEL: 'loud' },
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'paperbot: the configuration has 5 problems:',
      '  - LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent',
      '  - HEALTH_PORT must be a port number from 0 to 65535 (0 picks a free port), e.g. 8080',
      '  - HEALTH_HOST must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0',
      '  - LOG_HASH_KEY must be at least 16 characters; generate one with `openssl rand -hex 16`',
      '  - DISCORD_APP_ID is required with DISCORD_TOKEN: copy the Application ID from the Discord developer portal',
    ]);
  });

  it('THEN the health port and Slack\'s HTTP port colliding is named, with the fix', async () => {
    const { code, stderr } = await runCli(['start'], { env: { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', PORT: '8080' } });
    expect(code).toBe(1);
    expect(stderr).toContain("HEALTH_PORT (default 8080) and PORT (Slack's HTTP mode, default 3000) are both 8080: set HEALTH_PORT to another port");
  });
});

describe('GIVEN a Slack command whose reply is still being sent', () => {
  async function inFlight(f: ServingFakes): Promise<BotProcess & { port: number }> {
    const { bot, port } = await serving(f);
    f.slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3', response_url: f.held.url('slow') });
    await f.held.arrived('slow');
    return Object.assign(bot, { port });
  }

  it('WHEN SIGTERM arrives THEN it stops taking commands, finishes that one, closes both platforms and exits 0 (within the 10 s bound)', { timeout: 60_000 }, async () => {
    const f = await fakes();
    const bot = await inFlight(f);
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutdown: finishing the commands in flight', 'shutdown start');
    expect(bot.logs().find((l) => l.msg === 'shutdown: finishing the commands in flight')).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });

    // Still alive but no longer ready, and new commands are told to come back.
    expect(await getHealth(bot.port, '/healthz')).toMatchObject({ status: 200 });
    expect(await getHealth(bot.port, '/readyz')).toMatchObject({ status: 503, json: { status: 'not ready', checks: { accepting: false } } });
    const late = f.slack.sendSlashCommand({ command: '/paper', text: 'janus-pro' });
    expect((await f.slack.waitForResponse(late.responseUrlId)).body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining(RESTARTING_MESSAGE) });
    expect(bot.child.exitCode).toBeNull();

    f.held.release('slow');
    const exited = await Promise.race([bot.exit, new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 10_000))]);
    expect(exited).toEqual({ code: 0, signal: null });
    const messages = bot.logs().map((l) => l.msg);
    const order = ['shutdown: finishing the commands in flight', 'command', 'slack: stopped', 'shutdown: done'].map((m) => messages.lastIndexOf(m));
    expect(messages).toContain('discord: stopped');
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(commandLines(bot).map((l) => [l['command'], l['outcome']])).toEqual([['paper', 'refused'], ['paper', 'ok']]);
    expect(f.slack.connections.every((c) => !c.open)).toBe(true);
  });

  it('WHEN a second signal arrives during shutdown THEN it exits at once with 130 (SIGINT), the reply still unsent', async () => {
    const f = await fakes();
    const bot = await inFlight(f);
    bot.child.kill('SIGTERM');
    await bot.waitForLog((l) => l.msg === 'shutdown: finishing the commands in flight', 'shutdown start');
    bot.child.kill('SIGINT');
    expect(await bot.exit).toEqual({ code: 130, signal: null });
    expect(f.held.released('slow')).toBe(false);
    expect(bot.logs().map((l) => l.msg)).toContain('shutdown: second signal; exiting now without finishing');
  });
});
