// The Discord adapter end to end: the real discord.js client, started as `npm start` starts it,
// answering slash commands, autocomplete, buttons and menus from the fake Discord on loopback.
import { readFile } from 'node:fs/promises';
import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { escapeText } from '../../../adapters/discord/escape.js';
import { OPEN_ID, PICK_ID } from '../../../adapters/discord/components.js';
import { start } from '../../../adapters/discord/index.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createFakeDiscord } from '../../fakes/discord/fake-discord.js';
import type { JsonObject } from '../../fakes/discord/fake-discord.js';
import { generateListing } from '../../support/generate-corpus.js';
import { componentsOf, fakeConfig, messageOf, paperbot, removeDir, startHarness, tempDataDir, useDiscordHarness } from './harness.js';

useDiscordHarness();

const EPHEMERAL = MessageFlags.Ephemeral;

describe('GIVEN the Discord adapter started as npm start starts it', () => {
  it('THEN it identifies with the Guilds and GuildMessages intents only (no privileged one) and /paper deepseek-v3 answers with the DeepSeek-V3 card', async () => {
    const h = await startHarness();
    const identify = await h.fake.waitForIdentify();
    expect(identify.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);

    const callback = await (await h.slash('paper', { name: 'deepseek-v3' })).callback();
    expect(callback.type).toBe(4);
    const { embeds, flags } = messageOf(callback.data);
    expect(flags & EPHEMERAL).toBe(0);
    expect(embeds).toHaveLength(1);
    const card = embeds[0]!;
    expect(card['title']).toBe('DeepSeek-V3 Technical Report');
    expect(card['url']).toBe('https://github.com/deepseek-ai/DeepSeek-V3');
    const fields = card['fields'] as Array<{ name: string; value: string }>;
    expect(fields.find((f) => f.name === 'Authors')?.value).toBe('DeepSeek-AI, Aixin Liu, Bei Feng et al.');
    expect(fields.find((f) => f.name === 'Affiliations')?.value).toBe('stanford, tsinghua');
    expect(fields.find((f) => f.name === 'Category')?.value).toBe('CL');
    expect(fields.find((f) => f.name === 'Date')?.value).toBe('2024-12-27');
    expect(fields.find((f) => f.name === 'Code')?.value).toBe('[github.com/deepseek-ai/DeepSeek-V3](https://github.com/deepseek-ai/DeepSeek-V3)');
    // The abstract is shortened to a readable length, at a sentence.
    expect(String(card['description']).length).toBeLessThanOrEqual(420);
    expect(String(card['description'])).toMatch(/^We present DeepSeek-V3, .*\.$/s);
    expect(card['footer']).toEqual({ text: expect.stringContaining('id: deepseek-v3') });
    expect(componentsOf(callback.data)).toEqual([
      expect.objectContaining({ type: 2, label: 'Full abstract', custom_id: 'pb:full:deepseek-v3' }),
      expect.objectContaining({ type: 2, label: 'Related papers', custom_id: 'pb:related:deepseek-v3' }),
      expect.objectContaining({ type: 2, style: 5, label: 'Code', url: 'https://github.com/deepseek-ai/DeepSeek-V3' }),
    ]);
    expect(callback.data?.['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('THEN autocomplete for "deeps" offers DeepSeek papers, at most 25, valued by paper id', async () => {
    const h = await startHarness();
    const callback = await (await h.autocomplete('paper', 'name', 'deeps')).callback();
    expect(callback.type).toBe(8);
    const choices = callback.data?.['choices'] as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(5);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name).toMatch(/deepseek/i);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(h.bot.engine.get(choice.value)).toBeDefined();
    }
    expect(choices.map((c) => c.value)).toContain('deepseek-v3');

    // /related autocompletes too; /search's query option does not autocomplete, so it gets nothing.
    const related = await (await h.autocomplete('related', 'paper', 'janus')).callback();
    expect((related.data?.['choices'] as unknown[]).length).toBeGreaterThan(0);
    const search = await (await h.autocomplete('search', 'query', 'deeps')).callback();
    expect(search.data?.['choices']).toEqual([]);
  });

  it('THEN "Full abstract" on an earlier card, clicked by someone else, returns the whole abstract to them', async () => {
    const h = await startHarness();
    const command = await h.slash('paper', { name: 'deepseek-vl' });
    await command.callback();
    const cardId = String(command.originalMessage()?.['id']);
    // Other traffic in between: the button works from the message, not from bot memory.
    await (await h.slash('paper', { name: 'engram' })).callback();

    const click = await h.click('pb:full:deepseek-vl', cardId, { id: '300000000000000003', username: 'carol' });
    const callback = await click.callback();
    const { embeds, flags } = messageOf(callback.data);
    expect(callback.type).toBe(4);
    expect(flags & EPHEMERAL).toBe(EPHEMERAL);
    const abstract = h.bot.engine.get('deepseek-vl')!.abstract;
    expect(abstract.length).toBe(1847); // the longest abstract in data/
    expect(embeds[0]?.['description']).toBe(escapeText(abstract));
    // The whole abstract is shown, so only "Related papers" is left (deepseek-vl has no code link).
    expect(componentsOf(callback.data).map((c) => c['label'])).toEqual(['Related papers']);
    // The card everyone sees is left as it was.
    expect(h.fake.messages.find((m) => m['id'] === cardId)?.['embeds']).toEqual(command.originalMessage()?.['embeds']);
  });

  it('THEN "Related papers" lists related papers with a menu that opens one', async () => {
    const h = await startHarness();
    const callback = await (await h.click('pb:related:deepseek-v3')).callback();
    const [list] = messageOf(callback.data).embeds;
    expect(list?.['title']).toBe('Papers related to DeepSeek-V3');
    const fields = list?.['fields'] as Array<{ name: string; value: string }>;
    expect(fields.length).toBeGreaterThan(0);
    expect(fields[0]?.value).toMatch(/Shares: /);
    const [menu] = componentsOf(callback.data);
    expect(menu).toMatchObject({ type: 3, custom_id: OPEN_ID });

    const opened = await (await h.select(OPEN_ID, 'pb:paper:deepseek-v2')).callback();
    expect(opened.type).toBe(4);
    expect(messageOf(opened.data).embeds[0]?.['title']).toMatch(/^DeepSeek-V2: /);
    expect(messageOf(opened.data).flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('THEN a query containing @everyone pings no one', async () => {
    const h = await startHarness();
    for (const interaction of [
      await h.slash('search', { query: '@everyone @here <@123456789012345678> <@&123456789012345678>' }),
      await h.slash('ask', { question: '@everyone what is MLA?' }),
      await h.slash('paper', { name: '@everyone' }),
    ]) {
      const request = await interaction.callbackRequest();
      expect(request.status).toBe(204);
      const data = (request.body as JsonObject)['data'] as JsonObject;
      expect(data['allowed_mentions']).toEqual({ parse: [], replied_user: false });
      // The text itself is defused as well, so it does not even look like a mention.
      expect(JSON.stringify(data)).not.toMatch(/@everyone|@here|<@\d|<@&/);
      expect(JSON.stringify(data)).toMatch(/@\\u200beveryone|@\u200beveryone/);
    }
  });

  it('THEN an ambiguous /paper deepseek offers the candidates in a menu, and picking one turns it into that card', async () => {
    const h = await startHarness();
    const command = await h.slash('paper', { name: 'deepseek' });
    const callback = await command.callback();
    const [embed] = messageOf(callback.data).embeds;
    expect(embed?.['title']).toMatch(/could be \d+ papers/);
    const [menu] = componentsOf(callback.data);
    expect(menu).toMatchObject({ type: 3, custom_id: PICK_ID });
    const options = menu?.['options'] as Array<{ label: string; value: string }>;
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(25);
    expect(options).toContainEqual(expect.objectContaining({ label: 'DeepSeek-V3', value: 'pb:paper:deepseek-v3' }));

    const questionId = String(command.originalMessage()?.['id']);
    const pick = await h.select(PICK_ID, 'pb:paper:deepseek-v3', questionId);
    const picked = await pick.callback();
    expect(picked.type).toBe(7);
    expect(messageOf(picked.data).embeds[0]?.['title']).toBe('DeepSeek-V3 Technical Report');
    const shown = h.fake.messages.find((m) => m['id'] === questionId);
    expect((shown?.['embeds'] as JsonObject[])[0]?.['title']).toBe('DeepSeek-V3 Technical Report');
    expect(componentsOf(shown).map((c) => c['label'])).toEqual(['Full abstract', 'Related papers', 'Code']);
  });

  it('THEN a paper whose title was inferred from its abstract is marked as such', async () => {
    const h = await startHarness();
    const [card] = messageOf((await (await h.slash('paper', { name: 'engram' })).callback()).data).embeds;
    expect(card?.['title']).toBe('Engram (title inferred)');
    expect(card?.['footer']).toEqual({ text: expect.stringContaining('title comes from its abstract') });
    expect(card?.['url']).toBeUndefined(); // no code URL, so no link
  });

  it('THEN errors and help are ephemeral; answers and lists are public', async () => {
    const h = await startHarness();
    const notFound = messageOf((await (await h.slash('paper', { name: 'zzqxv-nothing' })).callback()).data);
    expect(notFound.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(notFound.content).toMatch(/^✗ No paper matches/);

    const empty = messageOf((await (await h.slash('search', { query: '   ' })).callback()).data);
    expect(empty.flags & EPHEMERAL).toBe(EPHEMERAL);

    const help = messageOf((await (await h.slash('help')).callback()).data);
    expect(help.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect((help.embeds[0]?.['fields'] as Array<{ name: string }>).map((f) => f.name)).toEqual(['/paper <name>', '/search <query>', '/ask <question>', '/related <paper>', '/digest <subscribe|unsubscribe|time|quiet|preview|status>', '/list [add|remove|export] [paper]', '/watch <on|off|status>', '/help']);

    const stale = messageOf((await (await h.slash('summarize')).callback()).data);
    expect(stale.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(stale.content).toMatch(/no \/summarize command/);

    const oldButton = messageOf((await (await h.click('someone-elses:button')).callback()).data);
    expect(oldButton.flags & EPHEMERAL).toBe(EPHEMERAL);

    const answer = await (await h.slash('ask', { question: 'What is MLA?' })).callback();
    const [embed] = messageOf(answer.data).embeds;
    expect(messageOf(answer.data).flags & EPHEMERAL).toBe(0);
    expect(embed?.['description']).toMatch(/Multi-head Latent Attention/);
    expect(embed?.['fields']).toContainEqual({ name: '[1] DeepSeek-V2', value: expect.stringMatching(/^“.+” — `deepseek-v2`$/) });

    const search = await (await h.slash('search', { query: 'mixture-of-experts' })).callback();
    expect(messageOf(search.data).flags & EPHEMERAL).toBe(0);
    expect(messageOf(search.data).embeds[0]?.['title']).toMatch(/papers match “mixture-of-experts”/);
  });

  it('THEN a failing handler gives the user an ephemeral apology and the log one line', async () => {
    const h = await startHarness({
      wrap: (bot) => ({
        ...bot,
        commands: {
          handle(input) {
            if (input.command === 'ask') throw new Error('engine on fire');
            return bot.commands.handle(input);
          },
        },
      }),
    });
    const callback = await (await h.slash('ask', { question: 'What is MLA?' })).callback();
    expect(messageOf(callback.data)).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Sorry, something went wrong/) });
    const errors = h.logs.filter((r) => r.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: 'discord: interaction failed', obj: { command: 'ask', err: { message: 'engine on fire' } } });
    // And the bot keeps answering.
    expect(messageOf((await (await h.slash('paper', { name: 'deepseek-v3' })).callback()).data).embeds).toHaveLength(1);
  });

  it('THEN a reply Discord refuses is logged once, without the interaction token, and nothing is left unhandled', async () => {
    const h = await startHarness();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const remove = h.fake.intercept((request) =>
        request.path.endsWith('/callback') ? { status: 400, body: { code: 50035, message: 'Invalid Form Body' } } : undefined,
      );
      const refused = await h.slash('paper', { name: 'deepseek-v3' });
      // The card is refused, then the apology; intercepted requests carry no interaction id, so match the path.
      await expect.poll(() => h.fake.requests.filter((r) => r.path.startsWith(`/interactions/${refused.id}/`)).length).toBe(2);
      remove();
      const next = await (await h.slash('paper', { name: 'deepseek-v3' })).callback();
      expect(messageOf(next.data).embeds).toHaveLength(1);
      const errors = h.logs.filter((r) => r.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.obj).toMatchObject({ err: { code: 50035, status: 400 } });
      expect(JSON.stringify(h.logs)).not.toContain(refused.token);
      expect(JSON.stringify(h.logs)).not.toContain('fake-token');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('THEN a start without registered commands warns how to register them', async () => {
    const h = await startHarness();
    await expect
      .poll(() => h.logs.find((r) => r.level === 'warn' && /no slash commands are registered/.test(r.msg ?? '')))
      .toBeDefined();
  });

  it('THEN a title with markdown and @everyone is shown literally on the card', async () => {
    const dir = await tempDataDir({ '000_listing.txt': await readFile(new URL('./fixtures/markdown-listing.txt', import.meta.url), 'utf8') });
    try {
      const h = await startHarness({ dataDir: dir });
      const choices = (await (await h.autocomplete('paper', 'name', 'bold')).callback()).data?.['choices'] as Array<{ value: string }>;
      expect(choices[0]?.value).toBe('bold-claims-everyone');
      const callback = await (await h.slash('paper', { name: 'bold-claims-everyone' })).callback();
      const [card] = messageOf(callback.data).embeds;
      expect(card?.['title']).toBe('\\*\\*Bold\\*\\* Claims @\u200beveryone: Breaking \\_Cards\\_ with Markdown');
      expect((card?.['fields'] as Array<{ name: string; value: string }>)[0]).toEqual({ name: 'Authors', value: 'Ada Lovelace, Alan Turing et al.' });
      expect(callback.data?.['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    } finally {
      await removeDir(dir);
    }
  });

  it('THEN a 25-result list goes through Discord unrefused', async () => {
    const dir = await tempDataDir({ '000_generated.txt': generateListing({ count: 300, seed: 3 }) });
    try {
      // /search shows 10 by default; asking the core for 25 is the largest list it can produce.
      const h = await startHarness({
        dataDir: dir,
        wrap: (bot) => ({ ...bot, commands: { handle: (input) => bot.commands.handle(input.command === 'search' ? { ...input, args: { ...input.args, limit: 25 } } : input) } }),
      });
      const interaction = await h.slash('search', { query: 'deepseek' });
      expect((await interaction.callbackRequest()).status).toBe(204);
      const [list] = messageOf((await interaction.callback()).data).embeds;
      expect(list?.['fields']).toHaveLength(25);
      expect(componentsOf(interaction.originalMessage())[0]?.['options']).toHaveLength(25);
    } finally {
      await removeDir(dir);
    }
  });

  it('THEN a token Discord refuses fails the start with one clear message, and a missing token is refused before connecting', async () => {
    const fake = await createFakeDiscord({ token: 'the-real-token' });
    try {
      await expect(start(await paperbot(), fakeConfig(fake), silentLogger)).rejects.toThrow(/^discord: could not log in: .*token.*\. Check DISCORD_TOKEN and DISCORD_API_URL\.$/i);
    } finally {
      await fake.close();
    }
    await expect(start(await paperbot(), parseConfig({}), silentLogger)).rejects.toThrow(/DISCORD_TOKEN is not set/);
  });
});
