// The Slack adapter in Socket Mode, started as `npm start` starts it, against the fake Slack on
// loopback: acks, replies at response_url, redeliveries answered once, reconnects, buttons.
import { afterEach, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../../adapters/slack/listeners/answer.js';
import { APP_TOKEN, BOT_TOKEN, buttonsOf, mrkdwnStrings, startSlack, type SlackFixture } from './support.js';

let fixture: SlackFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function socket(env: Record<string, string> = {}): Promise<SlackFixture> {
  fixture = await startSlack({ mode: 'socket', env });
  return fixture;
}

interface Header {
  type: 'header';
  text: { text: string };
}

describe('the Slack adapter in Socket Mode', () => {
  it('GIVEN npm start with SLACK_APP_TOKEN THEN it checks the bot token, opens a socket with the app token and registers /paper …', async () => {
    const { slack, adapter } = await socket();
    expect(adapter).toMatchObject({ platform: 'slack', mode: 'socket', commands: ['/paper', '/search', '/ask', '/related', '/digest', '/list', '/watch', '/help'] });
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([BOT_TOKEN]);
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN]);
  });

  it('GIVEN /paper deepseek-v3 THEN an empty ack over the socket and one public DeepSeek-V3 card at response_url', async () => {
    const { slack, bot } = await socket();
    const delivery = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3', user_id: 'U123', channel_id: 'C456' });
    expect(await delivery.ack()).toEqual({ envelope_id: delivery.envelope.envelope_id, payload: {}, connection: 1 });
    const reply = await slack.waitForResponse(delivery.responseUrlId);
    expect(reply.contentType).toContain('application/json');
    expect(reply.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const blocks = reply.body['blocks'] as Array<{ type: string }>;
    expect(blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'actions']);
    expect((blocks[0] as Header).text.text).toBe('DeepSeek-V3 Technical Report');
    expect(buttonsOf(reply.body).map((b) => b.text.text)).toEqual(['Full abstract', 'Related papers', 'Code']);
    expect(reply.body['text']).toContain('DeepSeek-V3 Technical Report');
    expect(bot.handled).toEqual([{ command: 'paper', args: { name: 'deepseek-v3' } }]);
  });

  it('GIVEN the same envelope redelivered, or a new envelope with the same trigger THEN each is acked and only the first is answered', async () => {
    const { slack, bot } = await socket();
    const first = slack.sendSlashCommand({ command: '/search', text: 'mixture-of-experts' });
    await first.ack();
    await slack.waitForResponse(first.responseUrlId);

    const again = slack.redeliver(first);
    expect(again.envelope.retry_attempt).toBe(1);
    expect(await again.ack()).toMatchObject({ envelope_id: first.envelope.envelope_id, payload: {} });
    const resent = slack.sendSlashCommand({ ...(first.envelope.payload as Record<string, string>) });
    await resent.ack();

    // A later command is answered, so the redeliveries were processed before it and said nothing.
    const later = slack.sendSlashCommand({ command: '/paper', text: 'janus-pro' });
    await later.ack();
    await slack.waitForResponse(later.responseUrlId);
    expect(slack.responses.map((r) => r.id)).toEqual([first.responseUrlId, later.responseUrlId]);
    expect(bot.handled.map((i) => i.command)).toEqual(['search', 'paper']);
  });

  it('GIVEN a disconnect message THEN the bot reconnects through apps.connections.open and answers on the new socket', async () => {
    const { slack } = await socket();
    slack.sendDisconnect('refresh_requested');
    const second = await slack.waitForSocket({ nth: 2 });
    expect(slack.callsTo('apps.connections.open')).toHaveLength(2);
    const delivery = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-r1' });
    expect(delivery.connection).toBe(second.number);
    expect((await delivery.ack()).connection).toBe(second.number);
    const reply = await slack.waitForResponse(delivery.responseUrlId);
    expect(reply.body['text']).toContain('DeepSeek-R1');
  });

  it('GIVEN SLACK_COMMAND_PREFIX=pb- THEN /pb-paper answers and help shows the prefixed names', async () => {
    const { slack, adapter } = await socket({ SLACK_COMMAND_PREFIX: 'pb-' });
    expect(adapter.commands).toEqual(['/pb-paper', '/pb-search', '/pb-ask', '/pb-related', '/pb-digest', '/pb-list', '/pb-watch', '/pb-help']);
    const paper = slack.sendSlashCommand({ command: '/pb-paper', text: 'deepseek-v3' });
    await paper.ack();
    expect((await slack.waitForResponse(paper.responseUrlId)).body['text']).toContain('DeepSeek-V3 Technical Report');
    const help = slack.sendSlashCommand({ command: '/pb-help', text: '' });
    await help.ack();
    const helpReply = await slack.waitForResponse(help.responseUrlId);
    expect(helpReply.body['response_type']).toBe('ephemeral');
    expect(mrkdwnStrings(helpReply.body).join('\n')).toContain('/pb-paper &lt;name&gt;');
  });

  it('GIVEN a prefix the manifest lacks THEN an unprefixed /paper is acked, answered privately with the right names, and logged once', async () => {
    const { slack, bot, logs } = await socket({ SLACK_COMMAND_PREFIX: 'pb-' });
    const delivery = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3' });
    await delivery.ack();
    const reply = await slack.waitForResponse(delivery.responseUrlId);
    expect(reply.body['response_type']).toBe('ephemeral');
    expect(reply.body['text']).toContain('This paperbot answers /pb-paper, /pb-search, /pb-ask, /pb-related, /pb-digest, /pb-list, /pb-watch, /pb-help, not /paper.');
    expect(bot.handled).toEqual([]);
    expect(logs.filter((r) => r.level === 'warn' && r.msg?.startsWith('slack:'))).toHaveLength(1);
  });

  it('GIVEN errors and /help THEN they are ephemeral; answers and lists are public', async () => {
    const { slack } = await socket();
    const send = async (command: string, text: string) => {
      const d = slack.sendSlashCommand({ command, text });
      await d.ack();
      return (await slack.waitForResponse(d.responseUrlId)).body;
    };
    expect(await send('/paper', 'no-such-paper-zzz')).toMatchObject({ response_type: 'ephemeral' });
    expect(await send('/paper', '')).toMatchObject({ response_type: 'ephemeral' });
    expect(await send('/search', 'year:abc')).toMatchObject({ response_type: 'ephemeral' });
    expect(await send('/help', '')).toMatchObject({ response_type: 'ephemeral' });
    const ask = await send('/ask', 'What is MLA?');
    expect(ask).toMatchObject({ response_type: 'in_channel' });
    expect(mrkdwnStrings(ask).join('\n')).toMatch(/\[1\] \*DeepSeek-V2\* `deepseek-v2`: “/);
    expect(await send('/related', 'deepseek-v3')).toMatchObject({ response_type: 'in_channel' });
    expect(await send('/paper', 'deepseek-v3 --full')).toMatchObject({ response_type: 'in_channel' });
  });

  it('GIVEN <!channel> and <@U123> in a query THEN they come back escaped in every mrkdwn field, never as a ping or mention', async () => {
    const { slack } = await socket();
    for (const [command, text] of [
      ['/search', '<!channel> <@U123> mixture-of-experts'],
      ['/paper', '<!channel> <@U123>'],
      ['/ask', 'what is <!here> <@U123> <https://evil.example|MLA>?'],
    ] as const) {
      const d = slack.sendSlashCommand({ command, text });
      await d.ack();
      const body = (await slack.waitForResponse(d.responseUrlId)).body;
      const all = mrkdwnStrings(body).join('\n');
      // /search and /paper echo the query; /ask leaves chat mentions out of the question it answers.
      if (command !== '/ask') expect(all).toContain('&lt;@U123&gt;');
      expect(JSON.stringify(body)).not.toMatch(/<[!@#]|<https?:/);
    }
  });

  it('GIVEN a click on "Full abstract" THEN the card is replaced by one with the whole abstract; a redelivered click says nothing more', async () => {
    const { slack, bot } = await socket();
    const command = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-vl' });
    await command.ack();
    const card = (await slack.waitForResponse(command.responseUrlId)).body;
    const full = buttonsOf(card).find((b) => b.text.text === 'Full abstract');
    expect(full?.action_id).toBe('pb:full:deepseek-vl');

    const click = slack.sendInteractive({
      type: 'block_actions',
      user: { id: 'U999', username: 'someone-else', name: 'someone-else', team_id: 'T0001' },
      channel: { id: 'C0001', name: 'general' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0001', is_ephemeral: false },
      actions: [{ type: 'button', action_id: full?.action_id, block_id: 'b1', value: full?.value, text: full?.text, action_ts: '1700000001.000001' }],
    });
    await click.ack();
    const expanded = (await slack.waitForResponse(click.responseUrlId)).body;
    expect(expanded['replace_original']).toBe(true);
    const abstract = bot.corpus.papers.find((p) => p.id === 'deepseek-vl')?.abstract ?? '';
    const sectionText = (expanded['blocks'] as Array<{ type: string; text?: { text: string } }>)
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text)
      .join(' ');
    expect(sectionText).toBe(abstract.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(buttonsOf(expanded).map((b) => b.text.text)).toEqual(['Related papers']);

    await slack.redeliver(click).ack();
    const related = buttonsOf(expanded)[0];
    const next = slack.sendInteractive({
      actions: [{ type: 'button', action_id: related?.action_id, block_id: 'b1', value: related?.value, action_ts: '1700000002.000001' }],
    });
    await next.ack();
    const list = (await slack.waitForResponse(next.responseUrlId)).body;
    expect(list).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(list['text']).toContain('Papers related to DeepSeek-VL');
    expect(slack.responses.map((r) => r.id)).toEqual([command.responseUrlId, click.responseUrlId, next.responseUrlId]);
  });

  it('GIVEN a click on the "Code" link button THEN it is acked and nothing is posted', async () => {
    const { slack } = await socket();
    const click = slack.sendInteractive({
      actions: [{ type: 'button', action_id: 'pb:code:deepseek-v3', block_id: 'b1', url: 'https://github.com/deepseek-ai/DeepSeek-V3', action_ts: '1700000003.0' }],
    });
    expect(await click.ack()).toMatchObject({ payload: {} });
    const later = slack.sendSlashCommand({ command: '/help' });
    await later.ack();
    await slack.waitForResponse(later.responseUrlId);
    expect(slack.responses.map((r) => r.id)).toEqual([later.responseUrlId]);
  });

  it('GIVEN the core fails unexpectedly THEN the person gets an ephemeral apology and the log gets one error line', async () => {
    const { slack, bot, logs } = await socket();
    bot.failWith(new Error('index exploded'));
    const delivery = slack.sendSlashCommand({ command: '/search', text: 'moe' });
    await delivery.ack();
    const reply = await slack.waitForResponse(delivery.responseUrlId);
    expect(reply.body).toEqual({ response_type: 'ephemeral', replace_original: false, text: APOLOGY });
    const errors = logs.filter((r) => r.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'slack: could not answer', obj: { command: '/search', error: 'index exploded' } });
  });

  it('GIVEN LOG_LEVEL=debug THEN Bolt logs through paperbot\'s logger and no token or verification token reaches the log', async () => {
    const { slack, logs } = await socket({ LOG_LEVEL: 'debug' });
    const delivery = slack.sendSlashCommand({ command: '/paper', text: 'deepseek-v3' });
    await delivery.ack();
    await slack.waitForResponse(delivery.responseUrlId);
    const text = JSON.stringify(logs);
    expect(logs.some((r) => (r.obj as { source?: string }).source === 'bolt')).toBe(true);
    expect(text).not.toContain(BOT_TOKEN);
    expect(text).not.toContain(APP_TOKEN);
    expect(text).not.toContain('fake-verification-token');
  });
});
