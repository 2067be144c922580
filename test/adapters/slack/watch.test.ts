// Watch mode on Slack through the real adapter and the fake Slack: /watch on, then a message naming
// a paper gets a card in its thread once; repeats in the cool-down and bots' messages get nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start } from '../../../adapters/slack/index.js';
import { createFakeSlack } from '../../fakes/slack/fake-slack.js';
import { tempDir } from '../../support/temp-state.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the Slack adapter in watch mode', () => {
  it('GIVEN /watch on THEN a named paper is carded in the thread once, and repeats and bots are ignored', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
    cleanups.push(() => bot.close?.());
    const slack = await createFakeSlack();
    cleanups.push(() => slack.close());
    const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }), silentLogger, { clientPingTimeoutMs: 600 });
    cleanups.push(() => adapter.stop());
    await slack.waitForSocket();
    const on = slack.sendSlashCommand({ command: '/watch', text: 'on', channel_id: 'C0PAPERS', user_id: 'U0ALICE' });
    expect(mrkdwnStrings((await slack.waitForResponse(on.responseUrlId)).body).join(' ')).toContain('Watch mode is on');
    const say = (text: string, extra: Record<string, unknown> = {}) =>
      slack.sendEvent({ type: 'message', channel: 'C0PAPERS', channel_type: 'channel', user: 'U0ALICE', text, thread_ts: '1700000000.000001', ...extra });
    say('Has anyone read DeepSeek-V3?');
    const card = await slack.waitForCall('chat.postMessage');
    expect(card.args).toMatchObject({ channel: 'C0PAPERS', thread_ts: '1700000000.000001' });
    expect(mrkdwnStrings(card.args).join(' ')).toContain('Mentioned here: DeepSeek-V3');
    say('DeepSeek-V3 again, within the hour');
    say('Janus-Pro from a bot', { bot_id: 'B0OTHER', user: 'U0OTHERBOT' });
    say('and Janus-Pro?');
    const next = await slack.waitForCall('chat.postMessage', (c) => c.seq > card.seq);
    expect(mrkdwnStrings(next.args).join(' ')).toContain('Mentioned here: Janus-Pro');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
