// Mentions on Slack through the real adapter and the fake Slack: "@paperbot …" answered in the
// thread with chat.postMessage and thread_ts, a follow-up about the thread's paper, bots ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot, type Paperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start } from '../../../adapters/slack/index.js';
import { createFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<{ slack: FakeSlack; bot: Paperbot }> {
  const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger });
  const slack = await createFakeSlack();
  cleanups.push(() => slack.close());
  const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }), silentLogger, { clientPingTimeoutMs: 600 });
  cleanups.push(() => adapter.stop());
  await slack.waitForSocket();
  return { slack, bot };
}

describe('the Slack adapter with mentions', () => {
  it('GIVEN a mention in a thread THEN the answer is posted in that thread, and a follow-up there is about the thread\'s paper', async () => {
    const { slack } = await setup();
    const mention = (text: string, seq: number) => {
      slack.sendEvent({ type: 'app_mention', user: 'U0ALICE', text: `<@${slack.botUserId}> ${text}`, channel: 'C0PAPERS', ts: `17000000${seq}.000100`, thread_ts: '1700000000.000001' });
      return slack.waitForCall('chat.postMessage', (c) => c.seq >= seq);
    };
    const card = await mention('deepseek-v3', 0);
    expect(card.args).toMatchObject({ channel: 'C0PAPERS', thread_ts: '1700000000.000001' });
    expect(mrkdwnStrings(card.args).join(' ')).toContain('DeepSeek-V3');
    const followUp = await mention('how many parameters?', card.seq + 1);
    expect(followUp.args).toMatchObject({ channel: 'C0PAPERS', thread_ts: '1700000000.000001' });
    expect(mrkdwnStrings(followUp.args).join(' ')).toContain('671B');
  });

  it('GIVEN a mention outside a thread THEN the answer starts a thread under it', async () => {
    const { slack } = await setup();
    slack.sendEvent({ type: 'app_mention', user: 'U0ALICE', text: `<@${slack.botUserId}> what does MLA do?`, channel: 'C0PAPERS', ts: '1700000005.000100' });
    const answer = await slack.waitForCall('chat.postMessage');
    expect(answer.args).toMatchObject({ channel: 'C0PAPERS', thread_ts: '1700000005.000100' });
    expect(mrkdwnStrings(answer.args).join(' ')).toMatch(/Multi-head Latent Attention/i);
  });

  it('GIVEN mentions from this bot and from another bot THEN neither is answered', async () => {
    const { slack } = await setup();
    slack.sendEvent({ type: 'app_mention', user: slack.botUserId, bot_id: slack.botId, text: `<@${slack.botUserId}> janus-pro`, channel: 'C0PAPERS' });
    slack.sendEvent({ type: 'app_mention', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: `<@${slack.botUserId}> janus-pro`, channel: 'C0PAPERS' });
    // A person's mention after them is answered; the two before it were not.
    slack.sendEvent({ type: 'app_mention', user: 'U0ALICE', text: `<@${slack.botUserId}> deepseek-v3`, channel: 'C0PAPERS' });
    const answered = await slack.waitForCall('chat.postMessage');
    expect(mrkdwnStrings(answered.args).join(' ')).toContain('DeepSeek-V3');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
