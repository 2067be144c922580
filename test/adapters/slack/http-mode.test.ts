// The Slack adapter in HTTP mode, started as `npm start` starts it (SLACK_SIGNING_SECRET, no app
// token), receiving signed requests on loopback and answering at the fake's response_url.
import { afterEach, describe, expect, it } from 'vitest';
import { postSignedRequest, postSlashCommand } from '../../fakes/slack/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, buttonsOf, mrkdwnStrings, startSlack, type SlackFixture } from './support.js';

let fixture: SlackFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function http(env: Record<string, string> = {}): Promise<SlackFixture & { url: string }> {
  fixture = await startSlack({ mode: 'http', env });
  const url = fixture.adapter.url;
  if (url === undefined) throw new Error('HTTP mode should report its URL');
  return { ...fixture, url };
}

function slash(url: string, responseUrl: string, fields: Record<string, string>, extra: { retryNum?: number } = {}) {
  return postSlashCommand(url, { signingSecret: SIGNING_SECRET, ...extra, fields: { response_url: responseUrl, ...fields } });
}

describe('the Slack adapter in HTTP mode', () => {
  it('GIVEN a signed /paper deepseek-v3 THEN 200 at once and the DeepSeek-V3 card at response_url', async () => {
    const { slack, adapter, url, bot } = await http();
    expect(adapter).toMatchObject({ platform: 'slack', mode: 'http' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([BOT_TOKEN]);

    const result = await slash(url, slack.responseUrl('r1'), { command: '/paper', text: 'deepseek-v3', trigger_id: 't.1' });
    expect(result.status).toBe(200);
    expect(result.body).toBe('');
    const reply = await slack.waitForResponse('r1');
    expect(reply.body).toMatchObject({ response_type: 'in_channel', text: expect.stringContaining('DeepSeek-V3 Technical Report') });
    expect((reply.body['blocks'] as Array<{ type: string }>).map((b) => b.type)).toEqual(['header', 'context', 'section', 'actions']);
    expect(bot.handled).toEqual([{ command: 'paper', args: { name: 'deepseek-v3' } }]);
  });

  it('GIVEN a bad, a stale or a missing signature THEN 401 and no handler runs', async () => {
    const { slack, url, bot } = await http();
    const fields = { command: '/paper', text: 'deepseek-v3', response_url: slack.responseUrl('forged') };
    const bad = await postSlashCommand(url, { signingSecret: SIGNING_SECRET, badSignature: true, fields });
    const stale = await postSlashCommand(url, { signingSecret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60, fields });
    const missing = await postSlashCommand(url, { signingSecret: SIGNING_SECRET, omitSignature: true, fields });
    expect([bad.status, stale.status, missing.status]).toEqual([401, 401, 401]);

    // A valid request afterwards is answered, and it is the only thing that reached the core.
    await slash(url, slack.responseUrl('ok'), { command: '/help' });
    await slack.waitForResponse('ok');
    expect(bot.handled).toEqual([{ command: 'help', args: {} }]);
    expect(slack.responses.map((r) => r.id)).toEqual(['ok']);
  });

  it('GIVEN Slack retries a request (x-slack-retry-num) THEN the retry gets 200 and the question is answered once', async () => {
    const { slack, url, bot, logs } = await http({ LOG_LEVEL: 'debug' });
    const fields = { command: '/ask', text: 'What is MLA?', trigger_id: 't.retry' };
    expect((await slash(url, slack.responseUrl('ask'), fields)).status).toBe(200);
    await slack.waitForResponse('ask');
    expect((await slash(url, slack.responseUrl('ask'), fields, { retryNum: 1 })).status).toBe(200);
    expect((await slash(url, slack.responseUrl('ask'), fields, { retryNum: 2 })).status).toBe(200);

    await slash(url, slack.responseUrl('after'), { command: '/help' });
    await slack.waitForResponse('after');
    expect(slack.responses.map((r) => r.id)).toEqual(['ask', 'after']);
    expect(bot.handled.map((i) => i.command)).toEqual(['ask', 'help']);
    expect(logs.filter((r) => r.msg === 'slack: redelivery ignored').map((r) => (r.obj as { retryNum?: number }).retryNum)).toEqual([1, 2]);
  });

  it('GIVEN a retry of a request this process never saw (it restarted) THEN it is answered', async () => {
    const { slack, url } = await http();
    await slash(url, slack.responseUrl('late'), { command: '/paper', text: 'janus-pro', trigger_id: 't.unseen' }, { retryNum: 1 });
    expect((await slack.waitForResponse('late')).body['text']).toContain('Janus-Pro');
  });

  it('GIVEN a signed block_actions click on "Related papers" THEN the related list is posted to the channel', async () => {
    const { slack, url } = await http();
    await slash(url, slack.responseUrl('card'), { command: '/paper', text: 'janus' });
    const related = buttonsOf((await slack.waitForResponse('card')).body).find((b) => b.text.text === 'Related papers');
    const payload = {
      type: 'block_actions',
      team: { id: 'T0001', domain: 'fake-team' },
      user: { id: 'U42', username: 'u42', name: 'u42', team_id: 'T0001' },
      api_app_id: 'A1',
      token: 'fake-verification-token',
      trigger_id: 't.click',
      response_url: slack.responseUrl('click'),
      channel: { id: 'C0001', name: 'general' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0001', is_ephemeral: false },
      actions: [{ type: 'button', action_id: related?.action_id, block_id: 'b', value: related?.value, action_ts: '1700000001.0' }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const result = await postSignedRequest(url, body, 'application/x-www-form-urlencoded', { signingSecret: SIGNING_SECRET });
    expect(result.status).toBe(200);
    const list = (await slack.waitForResponse('click')).body;
    expect(list).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(mrkdwnStrings(list)[1]).toBe('*Papers related to Janus*');
  });

  it('GIVEN <!channel> and <@U123> in a search THEN the reply escapes them', async () => {
    const { slack, url } = await http();
    await slash(url, slack.responseUrl('s'), { command: '/search', text: '<!channel> <@U123> vision' });
    const reply = (await slack.waitForResponse('s')).body;
    expect(mrkdwnStrings(reply).join('\n')).toContain('&lt;!channel&gt; &lt;@U123&gt; vision');
    expect(JSON.stringify(reply)).not.toMatch(/<[!@]/);
  });

  it('GIVEN a bot token Slack refuses THEN start fails with one message naming the variable, not the token', async () => {
    const started = startSlack({ mode: 'http', beforeStart: (slack) => slack.failNext('auth.test', { error: 'invalid_auth' }) });
    await expect(started).rejects.toThrow(/^slack: auth\.test with SLACK_BOT_TOKEN failed \(invalid_auth\); check the Bot User OAuth Token/);
    await expect(started).rejects.not.toThrow(BOT_TOKEN);
  });
});
