// Daily digests on Slack through the real adapter and the fake Slack: /digest from a channel,
// SLACK_DIGEST_ADMINS, the digest posted with chat.postMessage, and a 429 waited out.
import { afterEach, describe, expect, it } from 'vitest';
import { createPaperbot, type Paperbot } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { start, type SlackAdapter } from '../../../adapters/slack/index.js';
import { createFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { tempDir } from '../../support/temp-state.js';
import { createClockwork, type Clockwork } from '../../digest/harness.js';
import { APP_TOKEN, BOT_TOKEN, mrkdwnStrings } from './support.js';

interface Fixture { slack: FakeSlack; bot: Paperbot; adapter: SlackAdapter; clock: Clockwork }
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startWithDigests(env: Record<string, string> = {}): Promise<Fixture> {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const clock = createClockwork('2026-11-22T07:00:00Z');
  const bot = await createPaperbot({ dataDir: 'data', clock: () => clock.now, logger: silentLogger, digests: { file: dir.file('paperbot.db'), autoStart: false } });
  cleanups.push(() => bot.close?.());
  const slack = await createFakeSlack();
  cleanups.push(() => slack.close());
  const adapter = await start(bot, parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, ...env }), silentLogger, { clientPingTimeoutMs: 600 });
  cleanups.push(() => adapter.stop());
  await slack.waitForSocket();
  return { slack, bot, adapter, clock };
}

async function digest(f: Fixture, text: string, user = 'U0ALICE'): Promise<Record<string, unknown>> {
  const delivery = f.slack.sendSlashCommand({ command: '/digest', text, channel_id: 'C0PAPERS', user_id: user });
  return (await f.slack.waitForResponse(delivery.responseUrlId)).body;
}

describe('the Slack adapter with digests', () => {
  it('GIVEN /digest subscribe from a channel THEN it is subscribed, privately confirmed, and the digest posts once at 09:00 with chat.postMessage', async () => {
    const f = await startWithDigests();
    const reply = await digest(f, 'subscribe mixture-of-experts');
    expect(reply['response_type']).toBe('ephemeral');
    expect(mrkdwnStrings(reply).join(' ')).toContain('Subscribed: this channel gets new papers matching “mixture-of-experts”, daily at 09:00 UTC');
    expect(f.bot.digests!.store.subscription({ platform: 'slack', channel: 'C0PAPERS' })).toMatchObject({ topic: 'mixture-of-experts', time: '09:00', zone: 'UTC' });
    const status = await digest(f, 'status');
    expect(mrkdwnStrings(status).join(' ')).toContain('No digest posted yet.');

    f.clock.set('2026-11-22T09:00:00Z');
    expect((await f.bot.digests!.scheduler.tick()).map((o) => o.outcome)).toEqual(['posted']);
    f.clock.set('2026-11-22T10:00:00Z');
    expect(await f.bot.digests!.scheduler.tick()).toEqual([]);
    const posts = f.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args['channel']).toBe('C0PAPERS');
    expect(posts[0]!.args['text']).toContain('Paper digest, 2026-11-22: nothing new since the last digest');
  });

  it('GIVEN SLACK_DIGEST_ADMINS THEN only those users change the digest; anyone may preview', async () => {
    const f = await startWithDigests({ SLACK_DIGEST_ADMINS: 'U0ADMIN' });
    const refused = await digest(f, 'subscribe', 'U0ALICE');
    expect(refused['response_type']).toBe('ephemeral');
    expect(mrkdwnStrings(refused).join(' ')).toContain('Only the people listed in SLACK_DIGEST_ADMINS can change this channel');
    await digest(f, 'subscribe', 'U0ADMIN');
    const preview = await digest(f, 'preview', 'U0ALICE');
    expect(preview['response_type']).toBe('ephemeral');
    expect(mrkdwnStrings(preview).join(' ')).toContain('Preview of the next digest, 2026-11-22');
    expect(mrkdwnStrings(await digest(f, 'time 25:00', 'U0ADMIN')).join(' ')).toContain('is not a time of day');
    expect(mrkdwnStrings(await digest(f, 'frobnicate', 'U0ADMIN')).join(' ')).toContain('Say what to do: subscribe, unsubscribe, time, quiet, preview or status');
  });

  it('GIVEN Slack answers chat.postMessage with 429 THEN the digest waits it out and posts once', async () => {
    const f = await startWithDigests();
    await digest(f, 'subscribe');
    f.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    f.clock.set('2026-11-22T09:00:00Z');
    expect((await f.bot.digests!.scheduler.tick()).map((o) => o.outcome)).toEqual(['posted']);
    f.clock.set('2026-11-22T09:30:00Z');
    await f.bot.digests!.scheduler.tick();
    expect(f.slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });
});
