// Proves the fake Discord works with the real discord.js v14 Client: login, slash commands, defer/edit/followUp,
// autocomplete, buttons and selects, reconnects (RESUME and re-IDENTIFY), the interaction deadline, REST checks.

import zlib from 'node:zlib';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type BaseInteraction,
  type ClientOptions,
} from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord.js';

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts a fake; unless told otherwise, the test also fails if the client did anything real Discord refuses. */
async function startFake(options: FakeDiscordOptions = {}, { allowProtocolErrors = false } = {}): Promise<FakeDiscord> {
  const fake = await createFakeDiscord({ heartbeatIntervalMs: 1000, ...options });
  cleanups.push(async () => {
    await fake.close();
    if (!allowProtocolErrors) expect(fake.protocolErrors).toEqual([]);
  });
  return fake;
}

function newClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Client {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl }, ...options });
  cleanups.push(() => client.destroy());
  return client;
}

/** Logs a real discord.js client into the fake and waits for `clientReady`. */
async function startClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = newClient(fake, options);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('fake-token');
  return ready;
}

/** Runs `handler` on the next interaction the client receives; resolves with its result (or its error). */
function onNextInteraction<T>(client: Client, handler: (interaction: BaseInteraction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}

function paperEmbed(): EmbedBuilder {
  return new EmbedBuilder()
    .setTitle('Attention Is All You Need')
    .setURL('https://arxiv.org/abs/1706.03762')
    .setDescription('Vaswani et al., 2017')
    .addFields({ name: 'Year', value: '2017', inline: true });
}

describe('fake discord with the real discord.js client', () => {
  it('logs in: gateway info, IDENTIFY with only the Guilds intent, READY + GUILD_CREATE, heartbeats', async () => {
    const fake = await startFake({ heartbeatIntervalMs: 200 });
    const client = await startClient(fake);

    expect(client.user.id).toBe(fake.botUserId);
    expect(client.application.id).toBe(fake.applicationId);
    const identify = await fake.waitForIdentify();
    expect(identify.token).toBe('fake-token');
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(fake.identifyPayloads).toHaveLength(1);

    expect((await client.application.fetch()).id).toBe(fake.applicationId); // GET /applications/@me
    expect((await client.user.fetch(true)).username).toBe('paperbot'); // GET /users/:id

    const gatewayRequest = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gatewayRequest?.headers.authorization).toBe('Bot fake-token');
    expect(gatewayRequest?.apiVersion).toBe(10);
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: '10', encoding: 'json' });

    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    const channel = guild?.channels.cache.get(fake.channelId);
    expect(channel?.isTextBased()).toBe(true);
    const me = guild?.members.me;
    expect(me?.id).toBe(fake.botUserId);
    expect(channel && me && channel.permissionsFor(me).has(['ViewChannel', 'SendMessages', 'EmbedLinks'])).toBe(true);

    // Heartbeats are acknowledged: discord.js measures a ping only after an op 11.
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 5000, interval: 20 });
    expect(fake.gatewayReceived.some((frame) => frame.op === 1)).toBe(true);
    expect(fake.protocolErrors).toEqual([]);
  });

  it('rejects a wrong token like Discord (401 on /gateway/bot -> TokenInvalid)', async () => {
    const fake = await startFake({ token: 'the-right-token' });
    const client = newClient(fake);
    await expect(client.login('fake-token')).rejects.toThrow(/token/i);
    expect(fake.requests[0]?.status).toBe(401);
  });

  it('closes IDENTIFY asking for a privileged intent that is not enabled with 4014', async () => {
    const fake = await startFake({ allowedPrivilegedIntents: 0 }, { allowProtocolErrors: true });
    const client = newClient(fake, { intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent] });
    await expect(client.login('fake-token')).rejects.toThrow(/intent/i);
    expect(fake.protocolErrors.some((e) => e.includes('4014'))).toBe(true);
  });

  it('delivers a slash command as ChatInputCommandInteraction and records reply({ embeds })', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const seen = onNextInteraction(client, async (interaction) => {
      expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply({ embeds: [paperEmbed()] });
      return {
        name: interaction.commandName,
        query: interaction.options.getString('query', true),
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        userId: interaction.user.id,
        canSend: interaction.appPermissions.has(PermissionFlagsBits.SendMessages),
        inCachedGuild: interaction.inCachedGuild(),
      };
    });
    const handle = await fake.sendInteraction({
      type: 2,
      data: { name: 'paper', options: [{ name: 'query', type: 3, value: 'attention' }] },
      user: { id: '200000000000000002', username: 'bob' },
    });

    expect(await seen).toEqual({
      name: 'paper',
      query: 'attention',
      guildId: fake.guildId,
      channelId: fake.channelId,
      userId: '200000000000000002',
      canSend: true,
      inCachedGuild: true,
    });
    const callback = await handle.callback();
    expect(callback.type).toBe(4);
    expect(callback.data?.['embeds']).toEqual([
      expect.objectContaining({ title: 'Attention Is All You Need', url: 'https://arxiv.org/abs/1706.03762' }),
    ]);
    expect(handle.originalMessage()?.['embeds']).toEqual([expect.objectContaining({ type: 'rich', title: 'Attention Is All You Need' })]);
    expect((await handle.callbackRequest()).status).toBe(204);
  });

  it('records deferReply + editReply + followUp; the first followUp after a defer fills the original', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const done = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await interaction.editReply({ content: 'Found 3 papers', embeds: [paperEmbed()] });
      const followUp = await interaction.followUp({ content: 'And one more thing' });
      return { editedContent: edited.content, followUpContent: followUp.content, sameMessage: edited.id === followUp.id };
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'search', options: [] } });

    expect(await done).toEqual({ editedContent: 'Found 3 papers', followUpContent: 'And one more thing', sameMessage: false });
    expect(await handle.callback()).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(await handle.editReply()).toMatchObject({ content: 'Found 3 papers', embeds: [{ title: 'Attention Is All You Need' }] });
    expect(handle.followUps()).toEqual([expect.objectContaining({ content: 'And one more thing' })]);
    const original = handle.originalMessage();
    expect(original?.['content']).toBe('Found 3 papers');
    expect(original?.['flags']).toBe(MessageFlags.Ephemeral); // the "loading" flag is gone after the edit

    // Deferred then followUp without editReply: the followUp replaces the "thinking..." message.
    const second = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.deferReply();
      const message = await interaction.followUp('Here you go');
      return message.id;
    });
    const handle2 = await fake.sendInteraction({ type: 2, data: { name: 'search' } });
    expect(await second).toBe(handle2.originalMessage()?.['id']);
    expect(handle2.originalMessage()?.['content']).toBe('Here you go');
  });

  it('records an autocomplete respond([...]) as callback type 8', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const focused = onNextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      const value = interaction.options.getFocused();
      await interaction.respond([{ name: 'Attention Is All You Need (2017)', value: '1706.03762' }]);
      return value;
    });
    const handle = await fake.sendInteraction({
      type: 4,
      data: { name: 'paper', options: [{ name: 'query', type: 3, value: 'atten', focused: true }] },
    });

    expect(await focused).toBe('atten');
    expect(await handle.callback()).toEqual({
      type: 8,
      data: { choices: [{ name: 'Attention Is All You Need (2017)', value: '1706.03762' }] },
    });
  });

  it('delivers buttons and string selects (default host message and a message the bot sent)', async () => {
    const fake = await startFake();
    const client = await startClient(fake);

    // The bot replies with a button; the user clicks it.
    const replied = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
      );
      await interaction.reply({ content: 'Page 1', components: [row] });
    });
    const command = await fake.sendInteraction({ type: 2, data: { name: 'list' } });
    await replied;
    const replyId = String(command.originalMessage()?.['id']);

    const clicked = onNextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      await interaction.update({ content: 'Page 2', components: [] });
      return { customId: interaction.customId, messageId: interaction.message.id };
    });
    const click = await fake.sendInteraction({ type: 3, data: { custom_id: 'page:2' }, messageId: replyId });
    expect(await clicked).toEqual({ customId: 'page:2', messageId: replyId });
    expect(await click.callback()).toMatchObject({ type: 7, data: { content: 'Page 2', components: [] } });
    expect(fake.messages.find((m) => m['id'] === replyId)?.['content']).toBe('Page 2');

    // A string select on a fake message the fake makes up.
    const selected = onNextInteraction(client, async (interaction) => {
      if (!interaction.isStringSelectMenu()) throw new Error('not a string select');
      await interaction.reply({ content: `You picked ${interaction.values.join(', ')}`, flags: MessageFlags.Ephemeral });
      return interaction.values;
    });
    const select = await fake.sendInteraction({ type: 3, data: { custom_id: 'pick', component_type: 3, values: ['a', 'b'] } });
    expect(await selected).toEqual(['a', 'b']);
    expect(await select.callback()).toEqual({ type: 4, data: expect.objectContaining({ content: 'You picked a, b', flags: 64 }) });
  });

  it('reconnects after an abrupt drop by RESUMing on resume_gateway_url, then answers the next interaction', async () => {
    const fake = await startFake();
    const client = await startClient(fake);

    fake.dropConnection();
    const resume = await fake.waitForResume();
    expect(resume.token).toBe('fake-token');
    expect(fake.identifyPayloads).toHaveLength(1);
    expect(fake.gatewayConnections.at(-1)?.path).toBe('/gateway/resume');

    const answered = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply('still here');
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'ping' } });
    await answered;
    expect(await handle.callback()).toMatchObject({ type: 4, data: { content: 'still here' } });
  });

  it('makes the client IDENTIFY again when the session is invalidated, and on a 1000 close', async () => {
    const fake = await startFake();
    // discord.js waits 5-6.5 s between IDENTIFYs (Discord's identify rate limit); a no-op throttler skips that.
    const client = await startClient(fake, { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } });

    fake.dropConnection({ invalidateSession: true });
    await fake.waitForIdentify(2);
    expect(fake.resumePayloads).toHaveLength(1); // it tried to resume, got INVALID_SESSION(false)

    fake.dropConnection({ closeCode: 1000 });
    await fake.waitForIdentify(3);
    expect(fake.resumePayloads).toHaveLength(1);

    const answered = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply('back');
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'ping' } });
    await answered;
    expect(await handle.callback()).toMatchObject({ type: 4, data: { content: 'back' } });
    expect(client.guilds.cache.has(fake.guildId)).toBe(true);
  });

  it('answers op 7 RECONNECT with a RESUME', async () => {
    const fake = await startFake();
    await startClient(fake);
    fake.requestReconnect();
    await fake.waitForResume();
    expect(fake.identifyPayloads).toHaveLength(1);
  });

  it('refuses a callback after the (shortened) deadline with 404 / 10062 Unknown interaction', async () => {
    const fake = await startFake({ interactionTimeoutMs: 100 });
    const client = await startClient(fake);
    const outcome = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await delay(250);
      return interaction.reply('too late').then(
        () => 'accepted',
        (error: unknown) => error,
      );
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'slow' } });

    const error = await outcome;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10062, status: 404, message: 'Unknown interaction' });
    expect((await handle.callbackRequest()).status).toBe(404);
    await expect(handle.callback()).rejects.toThrow(/refused with 404/);
  });

  it('expire() makes the deadline pass deterministically; a second callback gets 40060', async () => {
    const fake = await startFake();
    const client = await startClient(fake);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const late = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await gate;
      return interaction.deferReply().then(() => 0, (error: unknown) => (error as DiscordAPIError).code);
    });
    const expired = await fake.sendInteraction({ type: 2, data: { name: 'slow' } });
    expired.expire();
    release();
    expect(await late).toBe(10062);

    const twice = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply('first');
      // Bypass discord.js's own "already replied" guard to see what Discord says.
      return client.rest
        .post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
        .then(() => 0, (error: unknown) => (error as DiscordAPIError).code);
    });
    await fake.sendInteraction({ type: 2, data: { name: 'twice' } });
    expect(await twice).toBe(40060);
  });

  it('returns an InteractionCallbackResponse for withResponse: true', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const result = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      const response = await interaction.reply({ content: 'with response', withResponse: true });
      return { content: response.resource?.message?.content, interactionId: response.interaction.id, id: interaction.id };
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'ping' } });
    const { content, interactionId, id } = await result;
    expect(content).toBe('with response');
    expect(interactionId).toBe(id);
    expect((await handle.callbackRequest()).query['with_response']).toBe('true');
  });

  it('handles a slash command from a DM', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const seen = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply('hi in DM');
      return { guildId: interaction.guildId, inGuild: interaction.inGuild() };
    });
    const handle = await fake.sendInteraction({ type: 2, data: { name: 'ping' }, dm: true });
    expect(await seen).toEqual({ guildId: null, inGuild: false });
    expect(await handle.callback()).toMatchObject({ type: 4, data: { content: 'hi in DM' } });
  });

  it('registers global and guild commands, echoing ids that later interactions carry', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const paper = new SlashCommandBuilder()
      .setName('paper')
      .setDescription('Look up a paper')
      .addStringOption((o) => o.setName('query').setDescription('Title or id').setRequired(true).setAutocomplete(true));

    const global = await client.application.commands.set([paper]);
    const registered = global.first();
    expect(registered?.name).toBe('paper');
    expect(fake.globalCommands).toEqual([expect.objectContaining({ id: registered?.id, name: 'paper', application_id: fake.applicationId })]);
    const again = await client.application.commands.set([paper]);
    expect(again.first()?.id).toBe(registered?.id); // bulk overwrite keeps ids of same-named commands

    const guild = client.guilds.cache.get(fake.guildId);
    const guildCommands = await guild?.commands.set([new SlashCommandBuilder().setName('digest').setDescription('Daily digest')]);
    expect(guildCommands?.first()?.guildId).toBe(fake.guildId);
    expect(fake.requests.some((r) => r.method === 'PUT' && r.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`)).toBe(true);

    const seen = onNextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a chat input command');
      await interaction.reply('ok');
      return interaction.commandId;
    });
    await fake.sendInteraction({ type: 2, data: { name: 'paper', options: [{ name: 'query', type: 3, value: 'x' }] } });
    expect(await seen).toBe(registered?.id);

    await expect(
      client.application.commands.create({ name: 'Bad Name', description: 'x' }),
    ).rejects.toMatchObject({ code: 50035, status: 400 });
  });

  it('records channel messages, serves them back, and refuses what Discord refuses', async () => {
    const fake = await startFake();
    const client = await startClient(fake);
    const channel = client.channels.cache.get(fake.channelId);
    if (!channel?.isSendable()) throw new Error('default channel is not sendable');

    const sent = await channel.send({ content: 'Daily digest', embeds: [paperEmbed()] });
    expect(sent.author.id).toBe(fake.botUserId);
    const request = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(request.body).toMatchObject({ content: 'Daily digest', embeds: [{ title: 'Attention Is All You Need' }] });
    expect(fake.messages.find((m) => m['id'] === sent.id)?.['content']).toBe('Daily digest');

    const fetched = await channel.messages.fetch({ message: sent.id, force: true });
    expect(fetched.embeds[0]?.title).toBe('Attention Is All You Need');

    const withFile = await channel.send({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'notes.txt' }] });
    expect(withFile.attachments.first()?.name).toBe('notes.txt');
    const upload = fake.requests.at(-1);
    expect(upload?.files).toEqual([expect.objectContaining({ filename: 'notes.txt', size: 5 })]);
    expect(upload?.files[0]?.data.toString()).toBe('hello');

    await expect(channel.send('x'.repeat(2001))).rejects.toMatchObject({ code: 50035, status: 400 });
    await expect(
      // A plain object, because EmbedBuilder.setURL would already refuse it client-side.
      channel.send({ embeds: [{ title: 't', url: 'ftp://example.org/paper.pdf' }] }),
    ).rejects.toMatchObject({ code: 50035 });
    await expect(channel.send({ content: '   ' })).rejects.toMatchObject({ code: 50006 });

    await expect(client.rest.get('/no/such/route')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/no/such/route', status: 404 });
  });

  it('speaks zlib-stream when a client asks for it', async () => {
    const fake = await startFake();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    cleanups.push(() => socket.terminate());
    const received: Buffer[] = [];
    let decodedLength = 0;
    const payloads: Array<{ op: number; t: string | null }> = [];
    socket.on('message', (data: Buffer) => {
      received.push(data);
      // Every message ends with a sync flush, so all bytes so far inflate to the full text so far.
      const text = zlib.inflateSync(Buffer.concat(received), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
      payloads.push(JSON.parse(text.slice(decodedLength)) as { op: number; t: string | null });
      decodedLength = text.length;
    });
    await new Promise((resolve) => socket.once('open', resolve));
    await vi.waitFor(() => expect(payloads[0]?.op).toBe(10), { timeout: 5000, interval: 10 });
    socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 1, properties: {} } }));
    await vi.waitFor(() => expect(payloads.map((p) => p.t)).toEqual([null, 'READY', 'GUILD_CREATE']), {
      timeout: 5000,
      interval: 10,
    });
  });

  it('deflates each payload after an IDENTIFY with compress: true', async () => {
    const fake = await startFake();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    cleanups.push(() => socket.terminate());
    const payloads: Array<{ op: number; t: string | null }> = [];
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const text = isBinary ? zlib.inflateSync(data).toString() : data.toString();
      payloads.push(JSON.parse(text) as { op: number; t: string | null });
    });
    await vi.waitFor(() => expect(payloads[0]?.op).toBe(10), { timeout: 5000, interval: 10 });
    socket.send(JSON.stringify({ op: 2, d: { token: 't', intents: 0, properties: {}, compress: true } }));
    // Without the Guilds intent there is no GUILD_CREATE, like on Discord.
    await vi.waitFor(() => expect(payloads.map((p) => p.t)).toEqual([null, 'READY']), { timeout: 5000, interval: 10 });
    socket.send(JSON.stringify({ op: 1, d: 1 }));
    await vi.waitFor(() => expect(payloads.at(-1)?.op).toBe(11), { timeout: 5000, interval: 10 });
  });
});
