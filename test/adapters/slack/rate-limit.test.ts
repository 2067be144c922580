// The per-user limit through the real Slack adapter and the fake Slack: a burst of 100 slash
// commands from one user is limited with a private "slow down", while another user is answered.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start } from '../../../adapters/slack/index.js';
import { createFakeSlack } from '../../fakes/slack/fake-slack.js';
import { DATA_DIR, TEST_NOW } from '../../support/seed.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the Slack adapter with a rate limit', () => {
  it('GIVEN 100 commands at once from one user THEN 10 are answered and 90 told to slow down, and another user is still answered', async () => {
    // A clock that does not move: no token comes back during the test, however slow the machine.
    const bot = await createPaperbot({ dataDir: DATA_DIR, clock: () => TEST_NOW, logger: silentLogger, rateLimit: { perMinute: 10, now: () => 0 } });
    const slack = await createFakeSlack();
    cleanups.push(() => slack.close());
    const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }), silentLogger, { clientPingTimeoutMs: 600 });
    cleanups.push(() => adapter.stop());
    await slack.waitForSocket();
    const send = (user: string) => {
      const delivery = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3', channel_id: 'C0PAPERS', user_id: user });
      return slack.waitForResponse(delivery.responseUrlId).then((r) => r.body);
    };
    const burst = await Promise.all(Array.from({ length: 100 }, () => send('U0SPAM')));
    const slowDowns = burst.filter((b) => mrkdwnStrings(b).join(' ').includes('Slow down a little'));
    expect(slowDowns).toHaveLength(90);
    for (const b of slowDowns) expect(b['response_type']).toBe('ephemeral');
    expect(burst.filter((b) => b['response_type'] === 'in_channel')).toHaveLength(10);
    const other = await send('U0OTHER');
    expect(other['response_type']).toBe('in_channel');
    expect(mrkdwnStrings(other).join(' ')).toContain('DeepSeek-V3');
  });
});
