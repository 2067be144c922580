// Mentions on Discord through the real adapter and the fake Discord: a MESSAGE_CREATE that mentions
// the bot is answered with a reply in that channel or thread, a follow-up there keeps the paper,
// and messages from this bot (its own replies come back as MESSAGE_CREATE) or other bots are ignored.
import { describe, expect, it } from 'vitest';
import { createSnowflake, messagePayload, userPayload } from '../../fakes/discord/fake-discord-payloads.js';
import type { JsonObject } from '../../fakes/discord/fake-discord.js';
import { startHarness, useDiscordHarness, type Harness } from './harness.js';

useDiscordHarness();

const ALICE = userPayload({ id: '100000000000000001', username: 'alice', globalName: 'Alice' });
const OTHER_BOT = userPayload({ id: '100000000000000099', username: 'otherbot', globalName: null, bot: true });

async function say(h: Harness, text: string, author: JsonObject = ALICE): Promise<void> {
  await h.fake.dispatch('MESSAGE_CREATE', {
    ...messagePayload({ id: createSnowflake(), channelId: h.fake.channelId, guildId: h.fake.guildId, author, content: `<@${h.fake.botUserId}> ${text}` }),
    mentions: [userPayload({ id: h.fake.botUserId, username: 'paperbot', globalName: null, bot: true })],
  });
}

const posts = (h: Harness) => h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
const bodyOf = (r: { body: unknown }) => JSON.stringify(r.body);

describe('GIVEN the Discord adapter and a message that mentions the bot', () => {
  it('THEN the answer is a reply to it in that channel, and a follow-up there is about the paper just shown', async () => {
    const h = await startHarness();
    await say(h, 'deepseek-v3');
    const card = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
    expect(card.body).toMatchObject({ message_reference: { message_id: expect.any(String) }, allowed_mentions: { parse: [], replied_user: false } });
    expect(bodyOf(card)).toContain('DeepSeek-V3');
    await say(h, 'how many parameters?');
    const answer = await h.fake.waitForRequest((r) => r.index > card.index && r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
    expect(bodyOf(answer)).toContain('671B');
  });

  it('THEN messages from other bots are ignored, and the bot\'s own replies (dispatched back to it) start nothing', async () => {
    const h = await startHarness();
    await say(h, 'janus-pro', OTHER_BOT);
    await say(h, 'deepseek-v3');
    const reply = await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
    expect(bodyOf(reply)).toContain('DeepSeek-V3');
    // One more person's mention after the bot's reply came back: answered once, so nothing answered the echo.
    await say(h, 'janus-pro');
    await h.fake.waitForRequest((r) => r.index > reply.index && r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`));
    expect(posts(h)).toHaveLength(2);
    expect(posts(h).map(bodyOf).some((b) => b.includes('otherbot'))).toBe(false);
  });
});
