// The bot survives the gateway going away: after a network drop it resumes, after a lost session
// it identifies again, and either way it answers the next slash command.
import { describe, expect, it } from 'vitest';
import { messageOf, startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

describe('GIVEN a running Discord adapter', () => {
  it('WHEN the fake drops the WebSocket THEN the bot resumes and answers the next interaction', async () => {
    const h = await startHarness();
    await (await h.slash('paper', { name: 'deepseek-v3' })).callback();

    h.fake.dropConnection();
    await h.fake.waitForResume();
    expect(h.fake.identifyPayloads).toHaveLength(1);

    const callback = await (await h.slash('paper', { name: 'deepseek-v3' })).callback();
    expect(messageOf(callback.data).embeds[0]?.['title']).toBe('DeepSeek-V3 Technical Report');
    expect(h.logs.some((r) => r.msg === 'discord: gateway session resumed')).toBe(true);
    expect(h.logs.filter((r) => r.level === 'error')).toEqual([]);
  });

  it('WHEN the session is invalidated THEN the bot identifies again and keeps answering', async () => {
    const h = await startHarness();
    // discord.js waits about 5 s before a second IDENTIFY (Discord's rate limit); the production
    // client keeps that wait, so this test pays it once.
    h.fake.dropConnection({ invalidateSession: true });
    await h.fake.waitForIdentify(2, 15_000);

    const callback = await (await h.autocomplete('paper', 'name', 'janus')).callback();
    expect((callback.data?.['choices'] as unknown[]).length).toBeGreaterThan(0);
  }, 30_000);
});
