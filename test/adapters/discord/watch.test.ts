// Watch mode on Discord through the real adapter and the fake Discord: with DISCORD_MESSAGE_CONTENT
// the client asks for Message Content, /watch on turns it on, and a message naming a paper gets
// one card, not again within the hour, and never for a bot's message.
import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { silentLogger } from '../../../src/logger.js';
import { createSnowflake, messagePayload, userPayload } from '../../fakes/discord/fake-discord-payloads.js';
import type { JsonObject } from '../../fakes/discord/fake-discord.js';
import { tempDir } from '../../support/temp-state.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { messageOf, startHarness, useDiscordHarness } from './harness.js';

useDiscordHarness();

const ALICE = userPayload({ id: '100000000000000001', username: 'alice', globalName: 'Alice' });
const OTHER_BOT = userPayload({ id: '100000000000000099', username: 'otherbot', globalName: null, bot: true });

describe('GIVEN the Discord adapter with DISCORD_MESSAGE_CONTENT=true and a state file', () => {
  it('WHEN /watch on and papers are named THEN one card per paper within the hour, none for bots', async () => {
    const dir = tempDir();
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
    try {
      const h = await startHarness({ wrap: () => bot, env: { DISCORD_MESSAGE_CONTENT: 'true' } });
      expect((await h.fake.waitForIdentify()).intents & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
      const on = messageOf((await (await h.fake.sendInteraction({ type: 2, data: { name: 'watch', options: [{ type: 1, name: 'on', options: [] }] } })).callback()).data);
      expect(on.content).toContain('Watch mode is on');
      const say = (content: string, author: JsonObject = ALICE) =>
        h.fake.dispatch('MESSAGE_CREATE', messagePayload({ id: createSnowflake(), channelId: h.fake.channelId, guildId: h.fake.guildId, author, content }));
      const isPost = (r: { method: string; path: string }) => r.method === 'POST' && r.path.endsWith(`/channels/${h.fake.channelId}/messages`);
      await say('Has anyone read DeepSeek-V3?');
      const card = await h.fake.waitForRequest(isPost);
      expect(JSON.stringify(card.body)).toContain('Mentioned here: DeepSeek-V3');
      await say('DeepSeek-V3 again');
      await say('Janus-Pro, says a bot', OTHER_BOT);
      await say('and Janus-Pro?');
      const next = await h.fake.waitForRequest((r) => r.index > card.index && isPost(r));
      expect(JSON.stringify(next.body)).toContain('Mentioned here: Janus-Pro');
      expect(h.fake.requests.filter(isPost)).toHaveLength(2);
    } finally {
      await bot.close?.();
      dir.remove();
    }
  });
});
