// Daily digests on Discord through the real adapter and the fake Discord: /digest needs Manage
// Channels to change anything, the digest is a channel message, and a 429 is waited out.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { createRecordingLogger, silentLogger } from '../../../src/logger.js';
import { REST } from 'discord.js';
import { apiBase } from '../../../adapters/discord/client.js';
import { checkRegistration, registerCommands } from '../../../adapters/discord/register.js';
import { createFakeDiscord } from '../../fakes/discord/fake-discord.js';
import type { JsonObject } from '../../fakes/discord/fake-discord.js';
import { tempDir } from '../../support/temp-state.js';
import { createClockwork } from '../../digest/harness.js';
import { messageOf, startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

const EPHEMERAL = 1 << 6;
const MANAGE_CHANNELS = String(1 << 4);

const DATA_FILES = readdirSync('data').filter((f) => !f.startsWith('.')).sort();

async function digestHarness() {
  const dir = tempDir();
  // The bot starts with one data file; the rest are "dropped in" later by addRest().
  const dataDir = dir.file('data');
  mkdirSync(dataDir);
  copyFileSync(path.join('data', DATA_FILES[0]!), path.join(dataDir, DATA_FILES[0]!));
  const addRest = () => {
    for (const f of DATA_FILES.slice(1)) copyFileSync(path.join('data', f), path.join(dataDir, f));
  };
  const clock = createClockwork('2026-11-22T07:00:00Z');
  const bot = await createPaperbot({ dataDir, clock: () => clock.now, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
  const h = await startHarness({ wrap: () => bot });
  const digest = (sub: string, options: Record<string, string> = {}, manage = true) =>
    h.fake.sendInteraction({
      type: 2,
      data: { name: 'digest', options: [{ type: 1, name: sub, options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })) }] },
      ...(manage ? { memberPermissions: MANAGE_CHANNELS } : {}),
    });
  const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
  return { h, bot, clock, digest, channelPosts, addRest, cleanup: async () => { await bot.close?.(); dir.remove(); } };
}

describe('GIVEN the Discord adapter with digests', () => {
  it('WHEN a member without Manage Channels subscribes THEN they are told who can, privately, and nothing changes', async () => {
    const { digest, bot, h, cleanup } = await digestHarness();
    const reply = messageOf((await (await digest('subscribe', {}, false)).callback()).data);
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('Only members with the Manage Channels permission can change this channel');
    expect(bot.digests!.store.subscription({ platform: 'discord', channel: h.fake.channelId })).toBeUndefined();
    // Status and preview are for everyone.
    expect(messageOf((await (await digest('status', {}, false)).callback()).data).content).toContain('This channel has no digest');
    await cleanup();
  });

  it('WHEN a manager subscribes and the clock reaches 09:00 THEN exactly one digest is posted to the channel with the new papers', async () => {
    const { digest, bot, clock, channelPosts, h, addRest, cleanup } = await digestHarness();
    const ok = messageOf((await (await digest('subscribe', { topic: 'has:code' })).callback()).data);
    expect(ok.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(ok.content).toContain('Subscribed: this channel gets new papers matching “has:code”, daily at 09:00 UTC');
    const time = messageOf((await (await digest('time', { time: '10:30', zone: 'europe/berlin' })).callback()).data);
    expect(time.content).toContain('daily at 10:30 Europe/Berlin');
    const bad = messageOf((await (await digest('time', { time: '10:30', zone: 'Mars/Base' })).callback()).data);
    expect(bad.content).toContain('“Mars/Base” is not an IANA time zone');

    // Files dropped into the data folder after subscribing: their papers arrive now.
    const before = new Set(bot.engine.papers.map((p) => p.id));
    clock.set('2026-11-22T08:00:00Z');
    addRest();
    await bot.reload!();
    const withCode = bot.engine.papers.filter((p) => p.hasCode && !before.has(p.id));
    expect(withCode.length).toBeGreaterThan(1);
    const preview = messageOf((await (await digest('preview', {}, false)).callback()).data);
    expect(preview.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(preview.embeds[0]?.['title'])).toBe(`Preview of the next digest, 2026-11-22: ${withCode.length} new papers on “has:code”`);

    clock.set('2026-11-22T09:29:00Z'); // 10:29 in Berlin
    expect(await bot.digests!.scheduler.tick()).toEqual([]);
    clock.set('2026-11-22T09:30:00Z');
    expect(await bot.digests!.scheduler.tick()).toHaveLength(1);
    clock.set('2026-11-22T12:00:00Z');
    await bot.digests!.scheduler.tick();
    expect(channelPosts()).toHaveLength(1);
    const posted = h.fake.messages.filter((m) => m['channel_id'] === h.fake.channelId && (m['embeds'] as JsonObject[] | undefined)?.[0]?.['title']?.toString().startsWith('Paper digest'));
    expect(posted).toHaveLength(1);
    const embed = (posted[0]!['embeds'] as JsonObject[])[0]!;
    expect(embed['title']).toBe(`Paper digest, 2026-11-22: ${withCode.length} new papers on “has:code”`);
    for (const p of withCode.slice(0, 10)) expect(String(embed['description'])).toContain(`\`${p.id}\``);
    await cleanup();
  });

  it('WHEN Discord answers the digest post with 429 THEN the adapter waits it out and the digest still posts once', async () => {
    const { digest, bot, clock, channelPosts, h, cleanup } = await digestHarness();
    await (await digest('subscribe')).callback();
    let limited = 0;
    h.fake.intercept((request) => {
      if (request.method !== 'POST' || !request.path.endsWith(`/channels/${h.fake.channelId}/messages`) || limited > 0) return undefined;
      limited += 1;
      return { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.3, global: false }, headers: { 'retry-after': '1', 'x-ratelimit-scope': 'user' } };
    });
    clock.set('2026-11-22T09:00:00Z');
    expect((await bot.digests!.scheduler.tick()).map((o) => o.outcome)).toEqual(['posted']);
    expect(limited).toBe(1);
    expect(channelPosts().map((r) => r.status)).toEqual([429, 200]);
    clock.set('2026-11-22T09:30:00Z');
    await bot.digests!.scheduler.tick();
    expect(channelPosts().filter((r) => r.status === 200)).toHaveLength(1);
    await cleanup();
  });

  it('WHEN /digest and its subcommands are registered THEN the start-up check finds nothing missing', async () => {
    const fake = await createFakeDiscord();
    try {
      const rest = new REST({ api: apiBase(fake.restUrl) }).setToken('fake-token');
      await registerCommands(rest, fake.applicationId);
      const logger = createRecordingLogger();
      await checkRegistration(rest, fake.applicationId, undefined, logger);
      expect(logger.records.filter((r) => r.level === 'warn')).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
