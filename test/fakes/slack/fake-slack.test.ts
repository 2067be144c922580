// Proves the fake Slack works with the real @slack/bolt v4 App: Socket Mode (acks, replies, redelivery,
// reconnect), HTTP mode (signature checks, retries) and the Web API fake (decoded blocks, 429 retry).

import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeSlack, postEvent, postSlashCommand, signSlackRequest } from './fake-slack.js';
import type { FakeSlack } from './fake-slack.js';

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Stop apps before the fake, or the SocketModeClient notices the closed socket and reconnects.
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function startFake(): Promise<FakeSlack> {
  const slack = await createFakeSlack();
  cleanups.push(() => slack.close());
  return slack;
}

function socketApp(slack: FakeSlack): App {
  const app = new App({
    token: 'xoxb-test',
    appToken: 'xapp-test',
    socketMode: true,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  cleanups.push(async () => {
    await app.stop();
  });
  return app;
}

const PAPER_BLOCKS = [
  { type: 'section', text: { type: 'mrkdwn', text: '*DeepSeek-V3* technical report' } },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'arXiv:2412.19437' }] },
];

describe('fake Slack with a Socket Mode Bolt App', () => {
  it('connects, delivers a slash command, and records ack payload, respond() and chat.postMessage', async () => {
    const slack = await startFake();
    const app = socketApp(slack);
    const seen: Array<{ text: string; retryNum: number | undefined }> = [];
    app.command('/paper', async ({ command, ack, respond, client, context }) => {
      seen.push({ text: command.text, retryNum: context.retryNum });
      await ack({ response_type: 'ephemeral', text: `looking up ${command.text}` });
      await respond({ text: 'hi' });
      await client.chat.postMessage({ channel: command.channel_id, text: 'paper card', blocks: PAPER_BLOCKS });
    });

    await app.start();
    const connection = await slack.waitForSocket();
    expect(connection.number).toBe(1);
    expect(connection.path).toMatch(/^\/link\/\?ticket=[\w-]+&app_id=A1$/);

    // The App verified its bot token and the SocketModeClient used the app-level token.
    const authTest = await slack.waitForCall('auth.test');
    expect(authTest.token).toBe('xoxb-test');
    expect(authTest.response).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0001' });
    const open = slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test');

    const env = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3', user_id: 'U123', channel_id: 'C456' });
    expect(env.envelope).toMatchObject({
      type: 'slash_commands',
      accepts_response_payload: true,
      retry_attempt: 0,
      retry_reason: '',
    });

    // Route 1: the ack payload travels back over the socket.
    const ack = await env.ack();
    expect(ack).toEqual({
      envelope_id: env.envelope.envelope_id,
      payload: { response_type: 'ephemeral', text: 'looking up deepseek-v3' },
      connection: 1,
    });

    // Route 2: respond() POSTs JSON to the response_url, which points at the fake.
    const response = await slack.waitForResponse(env.responseUrlId);
    expect(response.body).toEqual({ text: 'hi' });
    expect(response.contentType).toContain('application/json');

    // Route 3: chat.postMessage through the handler's WebClient, blocks decoded from the form body.
    const post = await slack.waitForCall('chat.postMessage');
    expect(post.token).toBe('xoxb-test');
    expect(post.contentType).toContain('application/x-www-form-urlencoded');
    expect(post.args).toMatchObject({ channel: 'C456', text: 'paper card', blocks: PAPER_BLOCKS });
    // Bolt's per-team client adds team_id to every call it makes for a handler.
    expect(post.args['team_id']).toBe('T0001');
    expect(post.response).toMatchObject({ ok: true, channel: 'C456', message: { text: 'paper card', bot_id: 'B0BOT' } });

    expect(seen).toEqual([{ text: 'deepseek-v3', retryNum: 0 }]);
    expect(slack.otherSocketMessages).toEqual([]);
  });

  it('acks a bare ack() with an empty payload and shows a redelivered envelope to the app again', async () => {
    const slack = await startFake();
    const app = socketApp(slack);
    const seen: Array<{ text: string; retryNum: number | undefined; retryReason: string | undefined }> = [];
    app.command('/paper', async ({ command, ack, context }) => {
      seen.push({ text: command.text, retryNum: context.retryNum, retryReason: context.retryReason });
      await ack();
    });
    await app.start();
    await slack.waitForSocket();

    const first = slack.sendSlashCommand({ text: 'attention is all you need' });
    expect(await first.ack()).toEqual({ envelope_id: first.envelope.envelope_id, payload: {}, connection: 1 });

    const again = slack.redeliver(first);
    expect(again.envelope).toMatchObject({
      envelope_id: first.envelope.envelope_id,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload: first.envelope.payload,
    });
    await again.ack();

    // Bolt does not dedupe: the listener ran twice, the second time with context.retryNum = 1.
    expect(seen).toEqual([
      { text: 'attention is all you need', retryNum: 0, retryReason: '' },
      { text: 'attention is all you need', retryNum: 1, retryReason: 'timeout' },
    ]);
    expect(slack.acks.filter((a) => a.envelope_id === first.envelope.envelope_id)).toHaveLength(2);
  });

  it('reconnects through apps.connections.open after a disconnect message (default ~5 s delay)', async () => {
    const slack = await startFake();
    const app = socketApp(slack);
    const texts: string[] = [];
    app.command('/paper', async ({ command, ack }) => {
      texts.push(command.text);
      await ack();
    });
    await app.start();
    await slack.waitForSocket();

    const before = slack.sendSlashCommand({ text: 'before' });
    await before.ack();

    const started = Date.now();
    slack.sendDisconnect();
    const second = await slack.waitForSocket({ nth: 2, timeoutMs: 15_000 });
    const elapsed = Date.now() - started;
    expect(second.number).toBe(2);
    expect(slack.callsTo('apps.connections.open')).toHaveLength(2);
    expect(slack.connections.map((c) => c.open)).toEqual([false, true]);
    // SocketModeClient waits clientPingTimeout (5000 ms) x consecutive failures before reconnecting.
    expect(elapsed).toBeGreaterThanOrEqual(4_500);

    const after = slack.sendSlashCommand({ text: 'after' });
    expect(after.connection).toBe(2);
    expect((await after.ack()).connection).toBe(2);
    expect(texts).toEqual(['before', 'after']);
  });

  it('reconnects quickly after a dropped socket when the receiver gets a short clientPingTimeout', async () => {
    const slack = await startFake();
    // App does not forward clientPingTimeout, so build the SocketModeReceiver yourself. Its WebClient
    // options come from installerOptions.clientOptions (that is where App puts clientOptions).
    const receiver = new SocketModeReceiver({
      appToken: 'xapp-test',
      logLevel: LogLevel.ERROR,
      clientPingTimeout: 600,
      installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } },
    });
    const app = new App({
      token: 'xoxb-test',
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    cleanups.push(async () => {
      await app.stop();
    });
    let runs = 0;
    app.command('/paper', async ({ ack }) => {
      runs += 1;
      await ack();
    });
    await app.start();
    await slack.waitForSocket();

    const started = Date.now();
    slack.dropSocket();
    await slack.waitForSocket({ nth: 2, timeoutMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await slack.sendSlashCommand({ text: 'x' }).ack();
    expect(runs).toBe(1);
  });

  it('delivers events (app_mention -> say, link_shared -> chat.unfurl) and block_actions', async () => {
    const slack = await startFake();
    const app = socketApp(slack);
    app.event('app_mention', async ({ event, say }) => {
      await say({ text: `you said: ${event.text}`, thread_ts: event.ts });
    });
    app.event('link_shared', async ({ event, client }) => {
      const unfurls = Object.fromEntries(
        event.links.map((link) => [link.url, { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: link.url } }] }]),
      );
      await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
    });
    app.action('more', async ({ ack, respond, body }) => {
      await ack();
      await respond({ text: `more for ${body.user.id}`, replace_original: false });
    });
    await app.start();
    await slack.waitForSocket();

    const mention = slack.sendEvent({ type: 'app_mention', user: 'U123', text: '<@U0BOT> deepseek', channel: 'C1' });
    expect(mention.envelope.payload).toMatchObject({ type: 'event_callback', team_id: 'T0001' });
    await mention.ack();
    const reply = await slack.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'C1', text: 'you said: <@U0BOT> deepseek' });
    expect(reply.args['thread_ts']).toBe((mention.envelope.payload['event'] as { ts: string }).ts);

    const link = slack.sendEvent({
      type: 'link_shared',
      channel: 'C1',
      user: 'U123',
      message_ts: '1700000000.000100',
      unfurl_id: 'UNF1',
      source: 'conversations_history',
      links: [{ domain: 'arxiv.org', url: 'https://arxiv.org/abs/2412.19437' }],
    });
    await link.ack();
    const unfurl = await slack.waitForCall('chat.unfurl');
    expect(unfurl.args['unfurls']).toEqual({
      'https://arxiv.org/abs/2412.19437': {
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'https://arxiv.org/abs/2412.19437' } }],
      },
    });

    const click = slack.sendInteractive({
      type: 'block_actions',
      user: { id: 'U123', username: 'u123', name: 'u123', team_id: 'T0001' },
      channel: { id: 'C1', name: 'general' },
      container: { type: 'message', message_ts: '1700000000.000200', channel_id: 'C1', is_ephemeral: false },
      actions: [{ type: 'button', action_id: 'more', block_id: 'b1', value: 'deepseek-v3', action_ts: '1700000001.0' }],
    });
    expect(click.envelope.accepts_response_payload).toBe(false);
    await click.ack();
    const followUp = await slack.waitForResponse(click.responseUrlId);
    expect(followUp.body).toEqual({ text: 'more for U123', replace_original: false });
  });
});

describe('fake Slack helpers with an HTTP-mode Bolt App', () => {
  const SECRET = 'test-signing-secret';

  async function httpApp(slack: FakeSlack) {
    const app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
    const runs: Array<{ text: string; retryNum: number | undefined; retryReason: string | undefined }> = [];
    app.command('/paper', async ({ command, ack, context }) => {
      runs.push({ text: command.text, retryNum: context.retryNum, retryReason: context.retryReason });
      await ack(`got ${command.text}`);
    });
    app.event('app_mention', async ({ event, say }) => {
      await say(`echo ${event.text}`);
    });
    // HTTPReceiver.start accepts net.ListenOptions: port 0 = any free port, loopback only.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    cleanups.push(async () => {
      await app.stop();
    });
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/slack/events`, runs };
  }

  it('signs like Slack: v0 HMAC-SHA256 over v0:ts:body', () => {
    // Example from Slack's "Verifying requests from Slack" documentation.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('runs the handler for a valid signature and rejects bad, stale and missing signatures with 401', async () => {
    const slack = await startFake();
    const { url, runs } = await httpApp(slack);

    const ok = await postSlashCommand(url, { signingSecret: SECRET, fields: { command: '/paper', text: 'deepseek-v3' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('got deepseek-v3');
    expect(runs).toEqual([{ text: 'deepseek-v3', retryNum: undefined, retryReason: undefined }]);

    const bad = await postSlashCommand(url, { signingSecret: SECRET, badSignature: true, fields: { text: 'bad' } });
    const stale = await postSlashCommand(url, {
      signingSecret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
      fields: { text: 'stale' },
    });
    const missing = await postSlashCommand(url, { signingSecret: SECRET, omitSignature: true, fields: { text: 'missing' } });
    expect([bad.status, stale.status, missing.status]).toEqual([401, 401, 401]);
    expect(runs).toHaveLength(1);
  });

  it('delivers a request carrying x-slack-retry-num like any other (Bolt only exposes context.retryNum)', async () => {
    const slack = await startFake();
    const { url, runs } = await httpApp(slack);
    const first = await postSlashCommand(url, { signingSecret: SECRET, fields: { text: 'again' } });
    const retry = await postSlashCommand(url, { signingSecret: SECRET, retryNum: 1, fields: { text: 'again' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(runs).toEqual([
      { text: 'again', retryNum: undefined, retryReason: undefined },
      { text: 'again', retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('posts signed Events API JSON and the reply reaches the Web API fake', async () => {
    const slack = await startFake();
    const { url } = await httpApp(slack);
    const result = await postEvent(url, {
      signingSecret: SECRET,
      payload: {
        token: 'fake-verification-token',
        team_id: 'T0001',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: 'Ev1',
        event_time: 1700000000,
        event: { type: 'app_mention', user: 'U123', text: '<@U0BOT> hi', channel: 'C9', ts: '1700000000.000001' },
        authorizations: [{ enterprise_id: null, team_id: 'T0001', user_id: 'U0BOT', is_bot: true }],
      },
    });
    expect(result.status).toBe(200);
    const post = await slack.waitForCall('chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'C9', text: 'echo <@U0BOT> hi' });
  });
});

describe('fake Slack Web API', () => {
  function webApp(slack: FakeSlack): App {
    // No receiver is started; we only use the App's own WebClient (app.client).
    return new App({
      token: 'xoxb-test',
      signingSecret: 'unused',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.apiUrl },
    });
  }

  it('records chat.postMessage with decoded blocks and answers like Slack', async () => {
    const slack = await startFake();
    const app = webApp(slack);
    const result = await app.client.chat.postMessage({ channel: 'C1', text: 'fallback', blocks: PAPER_BLOCKS });
    expect(result.ok).toBe(true);
    expect(result.channel).toBe('C1');
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(result.message?.blocks).toEqual(PAPER_BLOCKS);

    const call = await slack.waitForCall('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-test', status: 200 });
    expect(call.args['blocks']).toEqual(PAPER_BLOCKS);

    const update = await app.client.chat.update({ channel: 'C1', ts: result.ts ?? '', text: 'edited' });
    expect(update).toMatchObject({ ok: true, channel: 'C1', ts: result.ts, text: 'edited' });
    const info = await app.client.conversations.info({ channel: 'C1' });
    expect(info.channel?.id).toBe('C1');
    const user = await app.client.users.info({ user: 'U7' });
    expect(user.user?.id).toBe('U7');
    const ephemeral = await app.client.chat.postEphemeral({ channel: 'C1', user: 'U7', text: 'psst' });
    expect(ephemeral.ok).toBe(true);
    const view = await app.client.views.open({
      trigger_id: '1.2.3',
      view: { type: 'modal', title: { type: 'plain_text', text: 'Ask' }, blocks: [] },
    });
    expect(view.view?.id).toMatch(/^V/);
    expect(slack.callsTo('views.open')[0]?.args['view']).toMatchObject({ type: 'modal' });
  });

  it('answers unknown methods with unknown_method, records them, and accepts JSON bodies', async () => {
    const slack = await startFake();
    const app = webApp(slack);
    await expect(app.client.apiCall('papers.frobnicate', { x: 1 })).rejects.toMatchObject({
      data: { ok: false, error: 'unknown_method' },
    });
    expect(slack.callsTo('papers.frobnicate')[0]?.args).toMatchObject({ x: '1' });

    const raw = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-json', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: 'C2', text: 'json', blocks: PAPER_BLOCKS }),
    });
    expect(await raw.json()).toMatchObject({ ok: true, channel: 'C2' });
    const call = await slack.waitForCall('chat.postMessage', (c) => c.token === 'xoxb-json');
    expect(call.args).toEqual({ channel: 'C2', text: 'json', blocks: PAPER_BLOCKS });

    // apps.connections.open wants an app-level token.
    await expect(app.client.apps.connections.open()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('injects a 429 with Retry-After that WebClient waits out and retries to success', async () => {
    const slack = await startFake();
    const app = webApp(slack);
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await app.client.chat.postMessage({ channel: 'C1', text: 'eventually' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    const attempts = slack.callsTo('chat.postMessage');
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[0]?.response).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('injects a platform error (ok:false) that WebClient does not retry', async () => {
    const slack = await startFake();
    const app = webApp(slack);
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(app.client.chat.postMessage({ channel: 'C404', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'channel_not_found' },
    });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    // the next call succeeds again, and stubs replace the built-in reply
    slack.stubMethod('users.info', (call) => ({ ok: true, user: { id: call.args['user'], name: 'ada', real_name: 'Ada' } }));
    const user = await app.client.users.info({ user: 'U42' });
    expect(user.user?.real_name).toBe('Ada');
    expect((await app.client.chat.postMessage({ channel: 'C1', text: 'y' })).ok).toBe(true);
  });
});
