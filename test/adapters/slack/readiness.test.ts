// The Slack adapter's readiness for /readyz: Socket Mode is ready while Slack's hello stands on an
// open socket, HTTP mode while it listens; neither after stop().
import { afterEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../../adapters/slack/index.js';
import { parseConfig } from '../../../src/config.js';
import { createRecordingLogger } from '../../../src/logger.js';
import { createFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { APP_TOKEN, BOT_TOKEN, createCountingBot, startSlack, type SlackFixture } from './support.js';

let fixture: SlackFixture | undefined;
let fake: FakeSlack | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  await fake?.close();
  fake = undefined;
});

describe('the Slack adapter isReady()', () => {
  it('GIVEN HTTP mode THEN ready once listening, not after stop', async () => {
    fixture = await startSlack({ mode: 'http' });
    expect(fixture.adapter.isReady()).toBe(true);
    await fixture.adapter.stop();
    expect(fixture.adapter.isReady()).toBe(false);
  });

  it('GIVEN Socket Mode WHEN Slack asks it to reconnect THEN not ready until the new socket says hello, then ready; not after stop', async () => {
    fake = await createFakeSlack();
    const logger = createRecordingLogger();
    const bot = await createCountingBot(logger);
    // A reconnect waits this long, which keeps the not-ready window wide open for the check.
    const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl }), logger, { clientPingTimeoutMs: 3_000 });
    try {
      await fake.waitForSocket();
      expect(adapter.isReady()).toBe(true);
      fake.sendDisconnect('refresh_requested');
      await vi.waitFor(() => expect(adapter.isReady()).toBe(false), { timeout: 2_500, interval: 10 });
      await fake.waitForSocket({ nth: 2 });
      await vi.waitFor(() => expect(adapter.isReady()).toBe(true));
    } finally {
      await adapter.stop();
    }
    expect(adapter.isReady()).toBe(false);
  });

});
